import math


def tfidf(docs):
    """Return one L2-normalised {token: tf * idf} dict per document, with
    idf = ln((1 + N) / (1 + df)) + 1."""
    counts = []  # one {token: tf} per document
    df = {}
    for doc in docs:
        tf = {}
        for token in doc:
            tf[token] = tf.get(token, 0) + 1
        counts.append(tf)
        for token in tf:  # distinct tokens only: df counts documents, not occurrences
            df[token] = df.get(token, 0) + 1
    n_docs = len(docs)
    idf = {token: math.log((1 + n_docs) / (1 + d)) + 1 for token, d in df.items()}
    vectors = []
    for tf in counts:
        weights = {token: c * idf[token] for token, c in tf.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors.append({token: w / norm for token, w in weights.items()})  # {} stays {}
    return vectors
