import random

FUNCTION = "naive_bayes"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "spam or ham",
        "args": [
            [
                ["win", "cash", "now"],
                ["cash", "prize"],
                ["meeting", "at", "noon"],
                ["lunch", "at", "noon", "now"],
            ],
            ["spam", "spam", "ham", "ham"],
            [["cash", "now"], ["lunch", "meeting"]],
        ],
        "expected": [("spam", -4.0312864262549635), ("ham", -4.722953221644475)],
    },
    {
        "name": "an unknown word is ignored",
        "args": [
            [["good", "film"], ["bad", "film"], ["good", "plot"]],
            ["pos", "neg", "pos"],
            [["good", "dreadful"], ["awful"]],
        ],
        "expected": [("pos", -1.3862943611198906), ("pos", -0.40546510810816444)],
    },
]
CASES = [
    {
        "name": "a symmetric tie goes to the smaller class name",
        "args": [[["a"], ["b"]], ["y", "x"], [["a", "b"], ["b", "a"]]],
        "expected": [("x", -2.1972245773362196), ("x", -2.1972245773362196)],
    },
    {
        "name": "an empty test document is decided by the prior",
        "args": [[["a"], ["a"], ["b"]], ["k", "k", "j"], [[]]],
        "expected": [("k", -0.40546510810816444)],
    },
    {
        "name": "equal priors and an empty document: the smaller class name",
        "args": [[["a", "b"], ["c"]], ["zeta", "alpha"], [[]]],
        "expected": [("alpha", -0.6931471805599453)],
    },
    {
        "name": "a repeated test word counts every time",
        "args": [[["x", "x", "y"], ["y", "z"]], ["p", "q"], [["y"], ["y", "x"], ["y", "z", "z"]]],
        "expected": [
            ("q", -1.6094379124341003),
            ("p", -2.4849066497880004),
            ("q", -3.4420193761824103),
        ],
    },
    {
        "name": "the vocabulary counts every class's words",
        "args": [
            [["a", "b", "c", "d", "e"], ["a"], ["f"]],
            ["big", "small", "small"],
            [["a"], ["a", "f"]],
        ],
        "expected": [("small", -1.791759469228055), ("small", -3.1780538303479458)],
    },
    {
        "name": "a smaller alpha trusts the counts more",
        "args": [
            [["red", "blue"], ["red", "red"], ["blue", "green"]],
            ["c1", "c2", "c1"],
            [["red"], ["green", "red"]],
        ],
        "kwargs": {"alpha": 0.1},
        "expected": [("c2", -1.1895840668738364), ("c1", -3.1320747938985485)],
    },
    {
        "name": "a larger alpha flattens them",
        "args": [
            [["red", "blue"], ["red", "red"], ["blue", "green"]],
            ["c1", "c2", "c1"],
            [["red"], ["green", "red"]],
        ],
        "kwargs": {"alpha": 10.0},
        "expected": [("c1", -1.5339303599259553), ("c1", -2.6623956117437464)],
    },
    {
        "name": "three classes and a longer document",
        "args": [
            [
                ["goal", "match", "team"],
                ["vote", "party"],
                ["team", "vote", "election"],
                ["match", "score", "goal", "goal"],
                ["stock", "market", "party"],
                ["market", "price"],
            ],
            ["sport", "politics", "politics", "sport", "business", "business"],
            [["goal", "team", "vote", "market", "goal"], ["price", "party", "unseen"]],
        ],
        "expected": [("sport", -11.798943106149464), ("business", -5.128418329752639)],
    },
    {
        "name": "a long document must not underflow",
        "args": [[["a", "b"], ["b", "c"]], ["x", "y"], [["a"] * 300 + ["c"] * 301]],
        "expected": [("y", -759.3280312049106)],
    },
    {
        "name": "one class only",
        "args": [[["a"], ["b", "c"]], ["only", "only"], [["a", "z"]]],
        "expected": [("only", -1.0986122886681098)],
    },
    {
        "name": "training documents without a single token",
        "args": [[[], []], ["b", "a"], [["z"], []]],
        "expected": [("a", -0.6931471805599453), ("a", -0.6931471805599453)],
    },
    {
        "name": "no test documents",
        "args": [[["a"]], ["c"], []],
        "expected": [],
    },
    {
        "name": "no training documents",
        "args": [[], [], [["a"]]],
        "raises": "ValueError",
    },
    {
        "name": "labels and documents of different lengths",
        "args": [[["a"], ["b"]], ["x"], [["a"]]],
        "raises": "ValueError",
    },
    {
        "name": "alpha of zero",
        "args": [[["a"]], ["x"], [["a"]]],
        "kwargs": {"alpha": 0.0},
        "raises": "ValueError",
    },
]


def complexity_input(n):
    """n training documents of five tokens over three classes, and n test documents,
    all drawn from a vocabulary of n / 2 words."""
    rng = random.Random(n)
    vocab = [f"w{i}" for i in range(n // 2)]

    def docs():
        return [[rng.choice(vocab) for _ in range(5)] for _ in range(n)]

    labels = [rng.choice(["ham", "news", "spam"]) for _ in range(n)]
    return [docs(), labels, docs()]
