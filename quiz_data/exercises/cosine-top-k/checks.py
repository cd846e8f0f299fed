import math
import random

FUNCTION = "cosine_top_k"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "the two closest of three",
        "args": [
            {"ml": 1.0, "ops": 1.0},
            {1: {"ml": 1.0}, 2: {"ml": 1.0, "ops": 1.0}, 3: {"cats": 2.0}},
            2,
        ],
        "expected": [(2, 0.9999999999999998), (1, 0.7071067811865475)],
    },
    {
        "name": "equal scores are ordered by id",
        "args": [{"a": 1.0}, {7: {"a": 2.0}, 4: {"a": 0.5}, 9: {"a": 1.0, "b": 1.0}}, 2],
        "expected": [(4, 1.0), (7, 1.0)],
    },
]
CASES = [
    {
        "name": "a document with no terms scores 0",
        "args": [{"x": 1.0}, {1: {}, 2: {"y": 1.0}, 3: {"x": 1.0, "y": 3.0}}, 3],
        "expected": [(3, 0.31622776601683794), (1, 0.0), (2, 0.0)],
    },
    {
        "name": "an empty query scores 0 everywhere: smallest ids first",
        "args": [{}, {5: {"a": 1.0}, 2: {"b": 1.0}, 8: {"a": 2.0}}, 2],
        "expected": [(2, 0.0), (5, 0.0)],
    },
    {
        "name": "negative weights give negative scores",
        "args": [
            {"a": 1.0, "b": -1.0},
            {"d1": {"a": -1.0, "b": 1.0}, "d2": {"a": 1.0}, "d3": {"b": 1.0}},
            3,
        ],
        "expected": [
            ("d2", 0.7071067811865475),
            ("d3", -0.7071067811865475),
            ("d1", -0.9999999999999998),
        ],
    },
    {
        "name": "k larger than the number of documents",
        "args": [{"a": 1.0, "b": 2.0}, {1: {"b": 1.0}, 2: {"a": 3.0, "b": 1.0}}, 10],
        "expected": [(1, 0.8944271909999159), (2, 0.7071067811865475)],
    },
    {
        "name": "k = 0",
        "args": [{"a": 1.0}, {1: {"a": 1.0}}, 0],
        "expected": [],
    },
    {
        "name": "negative k",
        "args": [{"a": 1.0}, {1: {"a": 1.0}}, -1],
        "expected": [],
    },
    {
        "name": "no documents",
        "args": [{"a": 1.0}, {}, 3],
        "expected": [],
    },
    {
        "name": "string ids and many terms",
        "args": [
            {"model": 2.0, "drift": 1.0, "data": 1.0},
            {
                "doc-b": {"model": 1.0, "data": 3.0},
                "doc-a": {"drift": 2.0, "alert": 1.0},
                "doc-c": {"model": 2.0, "drift": 1.0, "data": 1.0, "ops": 1.0},
                "doc-d": {"cats": 5.0},
            },
            3,
        ],
        "expected": [
            ("doc-c", 0.9258200997725514),
            ("doc-b", 0.6454972243679029),
            ("doc-a", 0.3651483716701107),
        ],
    },
]


def _all_ranked(query, docs):
    """Every document scored and fully sorted: the slow, obvious answer."""
    norm_q = math.sqrt(sum(w * w for w in query.values()))
    scored = []
    for doc_id, vec in docs.items():
        norm_d = math.sqrt(sum(w * w for w in vec.values()))
        dot = sum(w * vec.get(t, 0.0) for t, w in query.items())
        score = 0.0 if norm_q == 0 or norm_d == 0 else dot / (norm_q * norm_d)
        scored.append((doc_id, score))
    return sorted(scored, key=lambda p: (-p[1], p[0]))


def extra_checks(fn):
    """Integer weights keep every dot product exact, so equal scores are equal floats
    however the sum is ordered, and the tie rule decides."""
    rng = random.Random(11)
    bad = ""
    for _ in range(200):
        terms = "abcd"
        query = {t: float(rng.randint(-2, 2)) for t in rng.sample(terms, rng.randint(0, 3))}
        docs = {
            i: {t: float(rng.randint(1, 2)) for t in rng.sample(terms, rng.randint(0, 2))}
            for i in rng.sample(range(50), rng.randint(0, 10))
        }
        k = rng.randint(0, 6)
        want = _all_ranked(query, docs)[:k]
        got = fn(dict(query), {i: dict(v) for i, v in docs.items()}, k)
        ok = isinstance(got, list) and len(got) == len(want)
        ok = ok and all(
            g[0] == w[0] and abs(g[1] - w[1]) <= 1e-9 for g, w in zip(got, want, strict=True)
        )
        if not ok:
            bad = f"cosine_top_k({query}, {docs}, {k}) -> expected {want}, got {got!r}"
            break
    return [("agrees with scoring and sorting everything (200 random inputs)", not bad, bad)]


def complexity_input(n):
    """n documents of two or three terms with small integer weights (so scores tie),
    a three-term query, and k = n / 4."""
    rng = random.Random(n)
    vocab = [f"t{i}" for i in range(12)]
    docs = {
        i: {t: float(rng.randint(1, 3)) for t in rng.sample(vocab, rng.randint(2, 3))}
        for i in range(n)
    }
    query = {t: 1.0 for t in rng.sample(vocab, 3)}
    return [query, docs, max(1, n // 4)]
