import math


def tfidf(docs):
    """Correct, but finds df by searching every document for every token:
    O(n) documents scanned for each of O(n) tokens, so O(n^2)."""
    n_docs = len(docs)
    vectors = []
    for doc in docs:
        weights = {}
        for token in doc:
            if token in weights:
                continue
            df = sum(1 for other in docs if token in other)
            idf = math.log((1 + n_docs) / (1 + df)) + 1
            weights[token] = doc.count(token) * idf
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors.append({token: w / norm for token, w in weights.items()})
    return vectors
