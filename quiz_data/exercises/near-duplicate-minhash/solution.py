import random
import zlib

PRIME = (1 << 61) - 1  # 2**61 - 1, a Mersenne prime larger than any crc32


def _shingles(doc):
    """The set of adjacent word pairs of a document (its single word if it has one)."""
    words = doc.lower().split()
    if len(words) == 1:
        return {words[0]}
    return {words[i] + " " + words[i + 1] for i in range(len(words) - 1)}


def near_duplicates(docs, threshold=0.5, num_hashes=16, bands=8, seed=0):
    """Pairs (i, j), i < j, sorted, of documents whose word-pair shingle sets have
    Jaccard similarity >= threshold among the candidates of banded MinHash LSH.

    Hash i of shingle s is (a_i * zlib.crc32(s.encode("utf-8")) + b_i) % (2**61 - 1),
    with a_i = rng.randrange(1, P) then b_i = rng.randrange(P) from random.Random(seed).
    """
    if bands < 1 or num_hashes % bands:
        raise ValueError(f"bands ({bands}) must divide num_hashes ({num_hashes})")
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
    rng = random.Random(seed)
    coeffs = []
    for _ in range(num_hashes):
        a = rng.randrange(1, PRIME)
        b = rng.randrange(PRIME)
        coeffs.append((a, b))
    rows = num_hashes // bands

    shingle_sets = [_shingles(doc) for doc in docs]
    buckets = {}  # (band, values of the band) -> documents with exactly those values
    for doc_id, shingles in enumerate(shingle_sets):
        if not shingles:
            continue
        base = [zlib.crc32(s.encode("utf-8")) for s in shingles]  # one crc32 per shingle
        signature = [min((a * x + b) % PRIME for x in base) for a, b in coeffs]
        for band in range(bands):
            key = (band, tuple(signature[band * rows : (band + 1) * rows]))
            buckets.setdefault(key, []).append(doc_id)

    candidates = set()
    for members in buckets.values():  # only documents that share a bucket are compared
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                candidates.add((members[x], members[y]))

    pairs = []
    for i, j in candidates:
        a, b = shingle_sets[i], shingle_sets[j]
        if len(a & b) / len(a | b) >= threshold:
            pairs.append((i, j))
    return sorted(pairs)
