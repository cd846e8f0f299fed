import random

FUNCTION = "near_duplicates"
INPUTS_READ_ONLY = True

WORDS = [
    *("model", "data", "user", "click", "train", "test", "label", "feature", "score"),
    *("rank", "query", "page", "item", "session", "time", "split", "loss", "batch"),
    *("shard", "index", "cache", "token", "vector", "weight", "bias"),
]


def corpus(seed):
    """Sixteen random eight-word documents, then a copy of documents 0, 3, 7 and 11
    with one word replaced, and a copy of document 5 with three replaced."""
    rng = random.Random(seed)
    docs = [" ".join(rng.choice(WORDS) for _ in range(8)) for _ in range(16)]
    for src, edits in ((0, 1), (3, 1), (7, 1), (11, 1), (5, 3)):
        words = docs[src].split()
        for _ in range(edits):
            words[rng.randrange(8)] = rng.choice(WORDS)
        docs.append(" ".join(words))
    return docs


FOX = "the quick brown fox jumps over the lazy dog"

EXAMPLES = [
    {
        "name": "one edited sentence among three",
        "args": [[FOX, "the quick brown fox jumped over the lazy dog", "cats sleep all day"]],
        "expected": [(0, 1)],
    },
    {
        "name": "case and spacing do not matter",
        "args": [["Fresh Data Every Day", "fresh  data every day", "stale data"]],
        "expected": [(0, 1)],
    },
]

CASES = [
    {
        "name": "four edited copies in twenty-one documents",
        "args": [corpus(12)],
        "expected": [(0, 16), (3, 17), (7, 18), (11, 19)],
    },
    {
        "name": "a Jaccard similarity exactly at the threshold counts",
        "args": [[FOX, "the quick brown fox jumped over the lazy dog"], 0.6],
        "expected": [(0, 1)],
    },
    {
        "name": "a candidate below the threshold is dropped",
        "args": [
            [
                "data is split by time and the test set comes last",
                "data is split by user and the test set comes first",
            ],
            0.6,
            16,
            16,
        ],
        "expected": [],
    },
    {
        "name": "a similar pair the bands miss is not reported (LSH is approximate)",
        "args": [
            [
                "model training data is split by time so the validation set comes after training",
                "model training data is split by user so the validation set comes after training",
            ],
            0.5,
            8,
            2,
            0,
        ],
        "expected": [],
    },
    {
        "name": "all documents equal",
        "args": [["a b c", "a b c", "a b c"]],
        "expected": [(0, 1), (0, 2), (1, 2)],
    },
    {
        "name": "one-word documents",
        "args": [["Hello", "hello", "world"]],
        "expected": [(0, 1)],
    },
    {
        "name": "documents without words are never paired",
        "args": [["", "   ", "x y"]],
        "expected": [],
    },
    {"name": "one document", "args": [[FOX]], "expected": []},
    {"name": "no documents", "args": [[]], "expected": []},
    {
        "name": "bands that do not divide the hashes",
        "args": [[FOX], 0.5, 16, 5],
        "raises": "ValueError",
    },
    {"name": "a threshold above 1", "args": [[FOX], 1.5], "raises": "ValueError"},
]


def complexity_input(n):
    """n six-word documents over 5,000 tokens, one in ten a copy of the previous one with
    a word changed; 8 hashes in 4 bands."""
    rng = random.Random(n)
    docs = []
    for i in range(n):
        if i % 10 == 9:
            words = docs[-1].split()
            words[rng.randrange(6)] = f"t{rng.randrange(5000)}"
        else:
            words = [f"t{rng.randrange(5000)}" for _ in range(6)]
        docs.append(" ".join(words))
    return [docs, 0.5, 8, 4, 0]
