import random

FUNCTION = "tfidf"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "two short documents",
        "args": [[["cat", "sat"], ["cat", "ran"]]],
        "expected": [
            {"cat": 0.5797386715376657, "sat": 0.8148024746671689},
            {"cat": 0.5797386715376657, "ran": 0.8148024746671689},
        ],
    },
    {
        "name": "a word repeated in one document counts once for df",
        "args": [[["a", "a", "b"], ["b", "c"]]],
        "expected": [
            {"a": 0.9421556246632359, "b": 0.33517574332792605},
            {"b": 0.5797386715376657, "c": 0.8148024746671689},
        ],
    },
]
CASES = [
    {
        "name": "a word in every document keeps idf 1, not 0",
        "args": [[["x", "y"], ["x"], ["x", "z"]]],
        "expected": [
            {"x": 0.5085423203783267, "y": 0.8610369959439764},
            {"x": 1.0},
            {"x": 0.5085423203783267, "z": 0.8610369959439764},
        ],
    },
    {
        "name": "an empty document gives an empty dict",
        "args": [[["a"], [], ["a", "b"]]],
        "expected": [{"a": 1.0}, {}, {"a": 0.6053485081062916, "b": 0.7959605415681652}],
    },
    {
        "name": "one document",
        "args": [[["to", "be", "or", "not", "to", "be"]]],
        "expected": [
            {
                "be": 0.6324555320336759,
                "not": 0.31622776601683794,
                "or": 0.31622776601683794,
                "to": 0.6324555320336759,
            }
        ],
    },
    {
        "name": "identical documents",
        "args": [[["p", "q"], ["p", "q"], ["p", "q"]]],
        "expected": [
            {"p": 0.7071067811865475, "q": 0.7071067811865475},
            {"p": 0.7071067811865475, "q": 0.7071067811865475},
            {"p": 0.7071067811865475, "q": 0.7071067811865475},
        ],
    },
    {
        "name": "tokens are compared exactly: case matters",
        "args": [[["Apple", "apple"], ["apple"]]],
        "expected": [{"Apple": 0.8148024746671689, "apple": 0.5797386715376657}, {"apple": 1.0}],
    },
    {
        "name": "longer documents with shared words",
        "args": [
            [
                ["the", "model", "overfits", "the", "data"],
                ["the", "data", "drifts"],
                ["a", "model", "of", "the", "data", "the", "end"],
                ["drifts", "and", "drifts"],
            ]
        ],
        "expected": [
            {
                "data": 0.33369978605241335,
                "model": 0.41218562356929955,
                "overfits": 0.5228051985832346,
                "the": 0.6673995721048267,
            },
            {"data": 0.5325695234255544, "drifts": 0.6578293132998527, "the": 0.5325695234255544},
            {
                "a": 0.42038169507735795,
                "data": 0.26832419051650147,
                "end": 0.42038169507735795,
                "model": 0.33143375695602073,
                "of": 0.42038169507735795,
                "the": 0.5366483810330029,
            },
            {"and": 0.5355662725381126, "drifts": 0.8444932017012523},
        ],
    },
    {
        "name": "no documents",
        "args": [[]],
        "expected": [],
    },
]


def extra_checks(fn):
    rng = random.Random(5)
    docs = [[rng.choice("abcdefg") for _ in range(rng.randint(0, 8))] for _ in range(30)]
    got = fn([list(d) for d in docs])
    bad = ""
    try:
        for i, (doc, vec) in enumerate(zip(docs, got, strict=True)):
            if set(vec) != set(doc):
                bad = f"document {i} {doc} has the tokens {sorted(set(doc))}, got {vec!r}"
                break
            length = sum(v * v for v in vec.values())
            if doc and abs(length - 1.0) > 1e-9:
                bad = f"document {i} {doc}: its vector has squared length {length}, not 1"
                break
    except Exception as exc:
        bad = f"could not read the answer for 30 random documents: {exc!r}"
    return [("every vector has the document's tokens and unit length (30 random)", not bad, bad)]


def complexity_input(n):
    """n documents of five tokens each, drawn from a vocabulary of n / 2 words."""
    rng = random.Random(n)
    vocab = [f"w{i}" for i in range(n // 2)]
    return [[[rng.choice(vocab) for _ in range(5)] for _ in range(n)]]
