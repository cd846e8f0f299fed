import math

TIE = 1e-9


def naive_bayes(train_docs, train_labels, test_docs, alpha=1.0):
    """Return (class, log score) for each test document under multinomial naive Bayes
    with additive smoothing; unknown tokens are skipped, ties go to the smaller name."""
    if not train_docs:
        raise ValueError("no training documents")
    if len(train_docs) != len(train_labels):
        raise ValueError(f"{len(train_docs)} documents but {len(train_labels)} labels")
    if not alpha > 0:
        raise ValueError(f"alpha must be positive, got {alpha}")
    # one pass over the training tokens: documents, tokens and token counts per class
    n_docs, n_tokens, counts = {}, {}, {}
    vocab = set()
    for doc, label in zip(train_docs, train_labels, strict=True):
        n_docs[label] = n_docs.get(label, 0) + 1
        n_tokens[label] = n_tokens.get(label, 0) + len(doc)
        per_class = counts.setdefault(label, {})
        for token in doc:
            per_class[token] = per_class.get(token, 0) + 1
            vocab.add(token)
    classes = sorted(n_docs)  # name order, so the first of a tie is the smallest name
    log_prior = {c: math.log(n_docs[c] / len(train_docs)) for c in classes}
    # no training tokens at all: the vocabulary is empty, every test token is skipped and
    # the denominator (0 then) is never used, so do not take its log
    log_denominator = {c: math.log(n_tokens[c] + alpha * len(vocab)) for c in classes if vocab}
    results = []
    for doc in test_docs:
        known = [token for token in doc if token in vocab]
        scores = {}
        for c in classes:
            score = log_prior[c]
            for token in known:
                score += math.log(counts[c].get(token, 0) + alpha) - log_denominator[c]
            scores[c] = score
        best = max(scores.values())
        winner = next(c for c in classes if scores[c] >= best - TIE)
        results.append((winner, scores[winner]))
    return results
