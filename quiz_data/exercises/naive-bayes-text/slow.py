import math


def naive_bayes(train_docs, train_labels, test_docs, alpha=1.0):
    """Correct, but counts each test token by scanning every training document of the
    class: O(n) work per token for O(n) test tokens, so O(n^2)."""
    if not train_docs:
        raise ValueError("no training documents")
    if len(train_docs) != len(train_labels):
        raise ValueError(f"{len(train_docs)} documents but {len(train_labels)} labels")
    if not alpha > 0:
        raise ValueError(f"alpha must be positive, got {alpha}")
    vocab = {token for doc in train_docs for token in doc}
    classes = sorted(set(train_labels))
    pairs = list(zip(train_docs, train_labels, strict=True))
    results = []
    for doc in test_docs:
        best_class, best_score = None, None
        for c in classes:
            in_class = [d for d, label in pairs if label == c]
            total = sum(len(d) for d in in_class)
            score = math.log(len(in_class) / len(train_docs))
            for token in doc:
                if token in vocab:
                    count = sum(d.count(token) for d in in_class)
                    score += math.log((count + alpha) / (total + alpha * len(vocab)))
            if best_score is None or score > best_score + 1e-9:
                best_class, best_score = c, score
        results.append((best_class, best_score))
    return results
