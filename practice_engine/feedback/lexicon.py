"""Word-level knowledge: stems, misspellings, opposites, negations and reported beliefs.

Stemming is the Snowball English (Porter2) stemmer from `snowballstemmer`, a pure-Python
wheel that loads in Pyodide. Misspellings use a bounded optimal-string-alignment distance
(an adjacent swap costs one edit) written here: `rapidfuzz` is compiled and Pyodide does not
ship it, and a short loop with early exit is fast enough for the few candidates that pass
the cheap filters (same first letter, close length).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from functools import lru_cache


def _english_stemmer() -> object:
    """Snowball's English stemmer without the package's __init__, which imports all 36
    languages (a memory snapshot holding them all is too large for the browser to restore).
    The wheel's folder is mounted as a private package, so the module's own relative
    imports (basestemmer, among) resolve inside it."""
    spec = importlib.util.find_spec("snowballstemmer")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the snowballstemmer wheel is not installed")
    name = __name__ + "_snowball"
    if name not in sys.modules:
        package = types.ModuleType(name)
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules[name] = package
    return importlib.import_module(name + ".english_stemmer").EnglishStemmer()


# Loaded with the module: the three small files it needs are then in a memory snapshot
# too, where no wheel is on disk to import them from later.
_STEMMER = _english_stemmer()

# Cues that negate what follows them in the same clause.
NEGATIONS = frozenset(
    {"not", "no", "never", "neither", "nor", "without", "none", "nothing", "nobody"}
    | {"nowhere", "cannot", "lacks", "lack", "lacking", "fails", "fail", "failing"}
)
# Two-word cues: ("rather", "than") negates what follows "than".
NEGATION_PHRASES = (("rather", "than"), ("instead", "of"), ("no", "longer"))
# Two-word uses of a negation word that do not negate what follows.
NOT_NEGATIONS = frozenset(
    {("not", "only"), ("not", "just"), ("no", "matter"), ("no", "doubt"), ("not", "merely")}
    | {("or", "not"), ("if", "not"), ("nothing", "but"), ("not", "least")}
)
# A negation reaches at most this many tokens past it, even inside one clause.
NEGATION_REACH = 10

# Cues that the sentence reports a belief rather than asserting it ("a common mistake is
# to say...", "people think...", "...is a myth"). Each is a tuple of stems (or an exact
# word after "="), matched as consecutive tokens.
REPORTING: tuple[tuple[str, ...], ...] = (
    *((w,) for w in ("misconcept", "myth", "fallaci", "misread", "misinterpret", "misunderstand")),
    *((w,) for w in ("misunderstood", "misconstru", "mistaken", "wrong", "incorrect", "erron")),
    *((w,) for w in ("fals", "untru", "pitfal", "bewar", "contrari", "tempt", "heard", "trap")),
    *((w,) for w in ("=confuse", "=confuses", "=confusing", "=conflate", "=conflates")),
    ("=conflating",),
    ("common", "mistak"),
    ("mistak", "to"),
    ("mistak", "is"),
    ("is", "mistak"),
    ("mistak", "of"),
    ("red", "flag"),
    ("common", "belief"),
    ("often", "said"),
    ("often", "claim"),
    ("avoid", "say"),
    *(("peopl", v) for v in ("think", "believ", "say", "assum", "often", "tend", "claim")),
    *((q, v) for q in ("mani", "some", "common") for v in ("think", "believ", "say", "assum")),
)
# Reporting stems that count only as a predicate ("is wrong", "are false"): on their own
# they also describe things ("wrong labels", "false positives").
PREDICATE_ONLY = frozenset({"wrong", "incorrect", "fals"})
PREDICATE_VERBS = frozenset({"is", "are", "was", "were", "be", "it"})

# Pairs that a misspelling must never turn into each other (compared by stem), besides
# the generic rules in `opposite`: a negative prefix or a swapped opposite prefix.
_OPPOSITE_STEMS = (
    ("increas", "decreas"),
    ("higher", "lower"),
    ("high", "low"),
    ("more", "less"),
    ("more", "fewer"),
    ("larger", "smaller"),
    ("larg", "small"),
    ("bigger", "smaller"),
    ("big", "small"),
    ("greater", "smaller"),
    ("greater", "less"),
    ("above", "below"),
    ("upper", "lower"),
    ("posit", "negat"),
    ("befor", "after"),
    ("true", "fals"),
    ("rise", "fall"),
    ("gain", "loss"),
    ("add", "remov"),
    ("includ", "exclud"),
    ("same", "differ"),
    ("wider", "narrow"),
    ("wide", "narrow"),
    ("faster", "slower"),
    ("fast", "slow"),
    ("earli", "later"),
    ("first", "last"),
    ("left", "right"),
    ("under", "over"),
    ("inflat", "deflat"),
    ("maxim", "minim"),
    ("accept", "reject"),
    ("strong", "weak"),
    ("stronger", "weaker"),
    ("explod", "vanish"),
)
_OPPOSITES = frozenset(frozenset(p) for p in _OPPOSITE_STEMS)
_NEGATIVE_PREFIXES = ("un", "in", "im", "ir", "il", "non", "dis", "mis", "a", "anti")
_SWAPPED_PREFIXES = (
    ("in", "de"),
    ("over", "under"),
    ("up", "down"),
    ("max", "min"),
    ("pre", "post"),
    ("inter", "intra"),
    ("hyper", "hypo"),
    ("en", "de"),
)


# Stems the build computed for the matchers' words (see `seed_stems`): a question's first
# feedback then stems only the answer's words.
_SEEDED: dict[str, str] = {}


def seed_stems(stems: dict[str, str]) -> None:
    _SEEDED.update(stems)


def stem(word: str) -> str:
    """The Porter2 stem of a normalised word (seeded by the build, else computed once)."""
    found = _SEEDED.get(word)
    return found if found is not None else _stem(word)


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def edit_budget(word: str) -> int:
    """Edits a misspelling of `word` may have: none below 4 letters, one for 4 to 9,
    two from 10. Only for words of letters: never for numbers or codes such as "l2"."""
    if not word.isalpha():
        return 0
    return 0 if len(word) < 4 else 1 if len(word) <= 9 else 2


def distance_within(a: str, b: str, limit: int) -> bool:
    """Whether the optimal-string-alignment distance of a and b is at most `limit`,
    stopping as soon as a whole row exceeds it."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    if limit == 1:
        return _within_one(a, b)
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        ca = a[i - 1]
        for j in range(1, len(b) + 1):
            cost = 0 if ca == b[j - 1] else 1
            best = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, prev2[j - 2] + 1)
            row[j] = best
        if min(row) > limit:
            return False
        prev2, prev = prev, row
    return prev[-1] <= limit


def _within_one(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours, in one linear pass."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True  # one substitution
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]  # one letter inserted into the shorter word


def opposite(a: str, b: str) -> bool:
    """Whether two different words are opposites a misspelling must not bridge: a listed
    pair of stems, one with a negative prefix of the other ("significant" and
    "insignificant"), or swapped opposite prefixes ("increasing" and "decreasing")."""
    sa, sb = stem(a), stem(b)
    if frozenset((sa, sb)) in _OPPOSITES or frozenset((a, b)) in _OPPOSITES:
        return True
    for x, y in ((a, b), (b, a)):
        if any(x == p + y for p in _NEGATIVE_PREFIXES):
            return True
        for p, q in _SWAPPED_PREFIXES:
            if x.startswith(p) and y.startswith(q) and x[len(p) :] == y[len(q) :]:
                return True
    return False


@lru_cache(maxsize=50_000)
def deletions(word: str, k: int) -> frozenset[str]:
    """Every string left after deleting up to k letters: two words within k edits always
    share one (the symmetric-delete idea), so comparing these sets is a cheap, exact
    filter before the distance itself is computed."""
    found = {word}
    frontier = {word}
    for _ in range(k):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return frozenset(found)


@lru_cache(maxsize=100_000)
def misspelling_of(token: str, word: str) -> bool:
    """Whether `token` from an answer may be read as a misspelling of `word` from a term:
    within the word's edit budget, same first letter, and neither an opposite of it nor a
    negation."""
    budget = edit_budget(word)
    if budget == 0 or not token.isalpha() or token[0] != word[0]:
        return False
    if abs(len(token) - len(word)) > budget or token in NEGATIONS or word in NEGATIONS:
        return False
    if budget == 1 and not ({token[1], token[2:3]} & {word[1], word[2:3]}):
        return False  # one edit leaves the second or third letter in one of these places
    if budget > 1 and deletions(token, budget).isdisjoint(deletions(word, budget)):
        return False
    return distance_within(token, word, budget) and not opposite(token, word)


MIN_FUZZY_PREFIX = 6


@lru_cache(maxsize=100_000)
def misspelt_prefix(token: str, prefix: str) -> bool:
    """Whether `token` starts with a misspelling of `prefix` ("incresaes" for "increas*"):
    its first letters, as long as the prefix or one longer, within the prefix's edit budget
    and not an opposite. Only for prefixes of MIN_FUZZY_PREFIX letters or more: shorter
    ones leave too little to tell a typo from another word."""
    if len(prefix) < MIN_FUZZY_PREFIX or len(token) < len(prefix):
        return False
    return any(misspelling_of(token[: len(prefix) + d], prefix) for d in (0, 1))


def near_words(words: set[str], prefixes: set[str], vocabulary: set[str]) -> list[str]:
    """Real words (from the bank's own text) that the misspelling checks would otherwise
    read as one of `words` or as starting with one of `prefixes`: "modal" for "model",
    "lover" for "lower". The build ships this list with the bank, and the engine never
    reads its words as misspellings. Candidates come from a symmetric-delete index, so the
    build does not compare every pair."""
    alpha = [v for v in vocabulary if v.isalpha() and len(v) >= 3]
    stems = {v: stem(v) for v in alpha}
    index: dict[str, set[str]] = {}  # one-letter deletions (and the word) -> words
    by_shape: dict[tuple[str, int], list[str]] = {}
    for v in alpha:
        by_shape.setdefault((v[0], len(v)), []).append(v)
        for form in {v, stems[v]}:
            for d in deletions(form, 1):
                index.setdefault(d, set()).add(v)
    near = set()
    for w in words:
        budget = edit_budget(w)
        if budget == 0:
            continue
        target = stem(w)
        if budget == 1:
            keys = deletions(w, 1) | deletions(target, 1)
            candidates = set().union(*(index.get(d, ()) for d in keys))
        else:  # few long words: compare those of close length directly
            candidates = {
                v for n in range(len(w) - 4, len(w) + 3) for v in by_shape.get((w[0], n), ())
            }
        for v in candidates:
            if (
                v != w
                and stems[v] != target
                and (misspelling_of(v, w) or misspelling_of(stems[v], target))
            ):
                near.add(v)
    # One edit to a prefix leaves its second or third letter in second or third place, so
    # candidates are looked up by (first, second) and (first, third) letters.
    by_letters: dict[tuple[str, int, str], list[str]] = {}
    for v in alpha:
        for at in (1, 2):
            by_letters.setdefault((v[0], at, v[at : at + 1]), []).append(v)
    for p in prefixes:
        if len(p) < MIN_FUZZY_PREFIX:
            continue
        candidates = {
            v
            for at in (1, 2)
            for letter in (p[1], p[2])
            for v in by_letters.get((p[0], at, letter), ())
        }
        near.update(v for v in candidates if not v.startswith(p) and misspelt_prefix(v, p))
    return sorted(near)
