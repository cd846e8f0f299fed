import math


def attention(Q, K, V, causal=False, mask=None):
    """Correct, but recomputes the softmax's maximum and denominator for every key it
    weights: O(n) work for each of the n^2 query-key pairs, so O(n^3)."""
    if not K:
        raise ValueError("no keys to attend to")
    if len(K) != len(V):
        raise ValueError(f"K has {len(K)} rows but V has {len(V)}")
    width = len(K[0])
    if any(len(row) != width for row in [*Q, *K]):
        raise ValueError("rows of Q and K must all have the same width")
    if mask is not None and (len(mask) != len(Q) or any(len(r) != len(K) for r in mask)):
        raise ValueError(f"the mask must have {len(Q)} rows of {len(K)} entries")
    scale = 1.0 / math.sqrt(width)
    out = []
    for i, q in enumerate(Q):
        allowed = [
            j for j in range(len(K)) if not (causal and j > i) and (mask is None or mask[i][j])
        ]
        scores = [scale * sum(a * b for a, b in zip(q, K[j], strict=True)) for j in range(len(K))]
        row = [0.0] * len(V[0])
        for j in allowed:
            top = max(scores[m] for m in allowed)
            total = sum(math.exp(scores[m] - top) for m in allowed)
            share = math.exp(scores[j] - top) / total
            for c, value in enumerate(V[j]):
                row[c] += share * value
        out.append(row)
    return out
