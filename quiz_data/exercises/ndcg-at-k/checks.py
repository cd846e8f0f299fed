import random

FUNCTION = "ndcg_at_k"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "a good ranking, not a perfect one",
        "args": [["a", "b", "c", "d"], {"a": 3, "b": 0, "c": 2, "d": 1}, 3],
        "expected": 0.9049495058460973,
    },
    {
        "name": "the best item was never retrieved",
        "args": [["d1", "d2", "d3"], {"d1": 1, "d2": 2, "d9": 3}, 3],
        "expected": 0.30797978964710215,
    },
]

CASES = [
    {"name": "a perfect ranking", "args": [[1, 2, 3], {1: 3, 2: 2, 3: 1}, 3], "expected": 1.0},
    {
        "name": "the perfect ranking reversed",
        "args": [[3, 2, 1], {1: 3, 2: 2, 3: 1}, 3],
        "expected": 0.680606056760201,
    },
    {
        "name": "k larger than the ranking",
        "args": [["x", "y"], {"x": 1, "y": 2, "z": 1}, 10],
        "expected": 0.7002755876478819,
    },
    {"name": "k = 1", "args": [["x", "y"], {"x": 1, "y": 2}, 1], "expected": 1 / 3},
    {
        "name": "unjudged items count as grade 0",
        "args": [["u1", "a", "u2", "b"], {"a": 2, "b": 1}, 4],
        "expected": 0.6399093280453461,
    },
    {
        "name": "all grades equal",
        "args": [["p", "q", "r"], {"p": 1, "q": 1, "r": 1, "s": 1}, 2],
        "expected": 1.0,
    },
    {
        "name": "the ideal list is cut at k too",
        "args": [["a", "b", "c", "d", "e"], {"a": 0, "b": 1, "c": 0, "d": 4, "e": 2}, 2],
        "expected": 0.03734905727136125,
    },
    {
        "name": "twenty items, twenty-five judged",
        "args": [[f"i{j}" for j in range(20)], {f"i{j}": (j * 7) % 5 for j in range(25)}, 10],
        "expected": 0.3716723306562539,
    },
    {
        "name": "nothing relevant judged: 0, not a division by zero",
        "args": [["a", "b"], {"a": 0, "b": 0}, 2],
        "expected": 0.0,
    },
    {"name": "no judgements at all", "args": [["a", "b"], {}, 2], "expected": 0.0},
    {"name": "an empty ranking", "args": [[], {"a": 2}, 5], "expected": 0.0},
    {"name": "k = 0", "args": [["a"], {"a": 1}, 0], "raises": "ValueError"},
    {"name": "a repeated item", "args": [["a", "b", "a"], {"a": 2}, 3], "raises": "ValueError"},
    {"name": "a negative grade", "args": [["a"], {"a": -1}, 1], "raises": "ValueError"},
]


def complexity_input(n):
    """n distinct items in a shuffled order, all judged with grades 0-3 (many ties), and
    k = n / 2."""
    rng = random.Random(n)
    ranking = list(range(n))
    rng.shuffle(ranking)
    relevance = {item: rng.randrange(4) for item in range(n)}
    return [ranking, relevance, n // 2]
