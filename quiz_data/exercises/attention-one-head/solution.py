import math


def _check(Q, K, V, mask):
    if not K:
        raise ValueError("no keys to attend to")
    if len(K) != len(V):
        raise ValueError(f"K has {len(K)} rows but V has {len(V)}")
    width = len(K[0])
    for name, rows in (("Q", Q), ("K", K)):
        for i, row in enumerate(rows):
            if len(row) != width:
                raise ValueError(f"{name}[{i}] has width {len(row)}, K[0] has {width}")
    if mask is not None and (len(mask) != len(Q) or any(len(row) != len(K) for row in mask)):
        raise ValueError(f"the mask must have {len(Q)} rows of {len(K)} entries")


def attention(Q, K, V, causal=False, mask=None):
    """Return softmax(Q K^T / sqrt(d)) V row by row; masked keys get weight 0 and a query
    with no allowed key gets zeros."""
    _check(Q, K, V, mask)
    scale = 1.0 / math.sqrt(len(K[0]))
    d_v = len(V[0])
    out = []
    for i, q in enumerate(Q):
        scores = {}  # only the allowed keys: key index -> scaled score
        for j, k in enumerate(K):
            if (causal and j > i) or (mask is not None and not mask[i][j]):
                continue
            scores[j] = scale * sum(a * b for a, b in zip(q, k, strict=True))
        row = [0.0] * d_v
        if scores:  # a fully masked query keeps its zeros
            top = max(scores.values())  # exp of (score - top) is at most 1: no overflow
            weights = {j: math.exp(s - top) for j, s in scores.items()}
            total = sum(weights.values())  # at least 1, from the top score itself
            for j, w in weights.items():
                share = w / total
                for c, value in enumerate(V[j]):
                    row[c] += share * value
        out.append(row)
    return out
