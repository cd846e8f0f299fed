def near_duplicates(docs, threshold=0.5, num_hashes=16, bands=8, seed=0):
    """Pairs (i, j), i < j, sorted, of documents whose word-pair shingle sets have
    Jaccard similarity >= threshold among the candidates of banded MinHash LSH.

    Hash i of shingle s is (a_i * zlib.crc32(s.encode("utf-8")) + b_i) % (2**61 - 1),
    with a_i = rng.randrange(1, P) then b_i = rng.randrange(P) from random.Random(seed).
    """
    raise NotImplementedError("shingles, then signatures, then buckets per band")
