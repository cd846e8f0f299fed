import random
import zlib

PRIME = (1 << 61) - 1


def near_duplicates(docs, threshold=0.5, num_hashes=16, bands=8, seed=0):
    """Correct, but compares the signatures of every pair of documents band by band:
    O(n^2 * bands), the all-pairs work that LSH buckets exist to avoid."""
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
    sets, sigs = [], []
    for doc in docs:
        words = doc.lower().split()
        if len(words) == 1:
            shingles = {words[0]}
        else:
            shingles = {words[i] + " " + words[i + 1] for i in range(len(words) - 1)}
        sets.append(shingles)
        base = [zlib.crc32(s.encode("utf-8")) for s in shingles]
        sigs.append([min((a * x + b) % PRIME for x in base) for a, b in coeffs] if base else None)
    pairs = []
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if sigs[i] is None or sigs[j] is None:
                continue
            shares_a_band = any(
                sigs[i][k * rows : (k + 1) * rows] == sigs[j][k * rows : (k + 1) * rows]
                for k in range(bands)
            )
            if shares_a_band and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold:
                pairs.append((i, j))
    return pairs
