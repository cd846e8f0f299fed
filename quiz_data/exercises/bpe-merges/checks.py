import random

FUNCTION = "bpe"
INPUTS_READ_ONLY = True

EXAMPLES = [
    {
        "name": "a small corpus, then a word it never saw",
        "args": [{"sing": 5, "singer": 2, "ring": 4, "rings": 3, "swing": 2}, 5, "stinging"],
        "expected": (
            [("i", "n"), ("in", "g"), ("ing", "</w>"), ("s", "ing</w>"), ("r", "ing</w>")],
            ["s", "t", "ing", "ing</w>"],
        ),
    },
    {
        "name": "a tie goes to the smaller pair",
        "args": [{"cd": 2, "ab": 2}, 1, "abcd"],
        "expected": ([("a", "b")], ["ab", "c", "d", "</w>"]),
    },
]
CASES = [
    {
        "name": "counts weight the pairs: one frequent word beats two rare ones",
        "args": [{"ab": 1, "cb": 1, "dd": 5}, 2, "cdd"],
        "expected": ([("d", "</w>"), ("d", "d</w>")], ["c", "dd</w>"]),
    },
    {
        "name": "a pair twice in one word counts twice",
        "args": [{"abab": 2, "cd": 3}, 1, "cdab"],
        "expected": ([("a", "b")], ["c", "d", "ab", "</w>"]),
    },
    {
        "name": "overlapping pairs merge left to right",
        "args": [{"aaaa": 1}, 2, "aaaaa"],
        "expected": ([("a", "a"), ("aa", "</w>")], ["aa", "aa", "a", "</w>"]),
    },
    {
        "name": "the end-of-word symbol sorts before letters",
        "args": [{"ab": 1, "ba": 1}, 3, "aba"],
        "expected": ([("a", "</w>"), ("a", "b"), ("ab", "</w>")], ["ab", "a</w>"]),
    },
    {
        "name": "more merges asked than possible: stop early",
        "args": [{"ab": 1}, 10, "abab"],
        "expected": ([("a", "b"), ("ab", "</w>")], ["ab", "ab</w>"]),
    },
    {
        "name": "suffixes at the end of a word",
        "args": [{"lowest": 4, "slowest": 2, "estimate": 3, "best": 5, "bestow": 1}, 8, "bestest"],
        "expected": (
            [
                ("e", "s"),
                ("es", "t"),
                ("est", "</w>"),
                ("o", "w"),
                ("l", "ow"),
                ("low", "est</w>"),
                ("b", "est</w>"),
                ("a", "t"),
            ],
            ["b", "est", "est</w>"],
        ),
    },
    {
        "name": "replay the merges in order, not the longest known piece",
        "args": [{"xbc": 3, "aby": 2}, 4, "abc"],
        "expected": (
            [("b", "c"), ("bc", "</w>"), ("x", "bc</w>"), ("a", "b")],
            ["a", "bc</w>"],
        ),
    },
    {
        "name": "no merges",
        "args": [{"hello": 3}, 0, "hello"],
        "expected": ([], ["h", "e", "l", "l", "o", "</w>"]),
    },
    {
        "name": "an empty dictionary learns nothing",
        "args": [{}, 5, "word"],
        "expected": ([], ["w", "o", "r", "d", "</w>"]),
    },
    {
        "name": "encoding the empty word",
        "args": [{"ab": 2}, 2, ""],
        "expected": ([("a", "b"), ("ab", "</w>")], ["</w>"]),
    },
    {
        "name": "unseen characters stay single",
        "args": [{"cat": 3, "cap": 2}, 3, "scatter"],
        "expected": (
            [("c", "a"), ("ca", "t"), ("cat", "</w>")],
            ["s", "cat", "t", "e", "r", "</w>"],
        ),
    },
    {
        "name": "one-letter words",
        "args": [{"a": 5, "b": 2, "ab": 1}, 3, "ba"],
        "expected": ([("a", "</w>"), ("b", "</w>"), ("a", "b</w>")], ["b", "a</w>"]),
    },
    {
        "name": "negative num_merges",
        "args": [{"ab": 1}, -1, "ab"],
        "raises": "ValueError",
    },
    {
        "name": "a count of zero",
        "args": [{"ab": 0, "cd": 2}, 1, "ab"],
        "raises": "ValueError",
    },
]


def extra_checks(fn):
    """Properties any correct answer has, on random corpora: the tokens spell the word,
    no more merges than asked, no pair learned twice, and each merge joins two symbols
    that existed before it."""
    rng = random.Random(19)
    bad = ""
    for _ in range(100):
        words = {
            "".join(rng.choice("abc") for _ in range(rng.randint(1, 5))): rng.randint(1, 4)
            for _ in range(rng.randint(0, 6))
        }
        asked = rng.randint(0, 8)
        target = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 7)))
        call = f"bpe({words}, {asked}, {target!r})"
        try:
            merges, tokens = fn(dict(words), asked, target)
            merges = [tuple(m) for m in merges]
        except Exception as exc:
            bad = f"{call} raised {exc!r}"
            break
        known = set("abc") | {"</w>"}
        for left, right in merges:
            if left not in known or right not in known:
                bad = f"{call}: the merge {(left, right)} joins a symbol not made before it"
                break
            known.add(left + right)
        if not bad and "".join(tokens) != target + "</w>":
            bad = f"{call}: the tokens {tokens} do not spell {target!r} + '</w>'"
        if not bad and (len(merges) > asked or len(set(merges)) != len(merges)):
            bad = f"{call}: {len(merges)} merges, some repeated or more than {asked}: {merges}"
        if bad:
            break
    return [("tokens spell the word and merges are new and well formed (100 random)", not bad, bad)]
