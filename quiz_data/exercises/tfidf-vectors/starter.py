def tfidf(docs):
    """Return one L2-normalised {token: tf * idf} dict per document, with
    idf = ln((1 + N) / (1 + df)) + 1."""
    raise NotImplementedError("count df in one pass over the documents, then weight each one")
