"""Content checks over the whole bank: the 30 must-know questions present in the brief's
tracks, every concept question written to length, quiz items well-formed and not
guessable from option length, no passage shared between answers, spelling clean.

Tracks come from quiz_data/tracks.yml through the loader, so a new track is checked
without editing this file."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from macros.bank import Question, load_bank
from macros.bank.models import QuizItem
from tests.conftest import ROOT

BRIEF_TRACKS = {
    "fundamentals": [
        "bias-variance", "overfitting", "l1-vs-l2", "gradient-descent", "classification-metrics",
    ],
    "deep-learning": [
        "transformer", "attention", "backpropagation", "transfer-learning", "batch-norm",
    ],
    "applied-ml": [
        "class-imbalance", "missing-data", "online-vs-batch", "choosing-architectures",
        "cross-validation",
    ],
    "production-ml": [
        "data-leakage", "model-drift", "ab-test-model", "offline-vs-online-eval",
        "training-serving-skew",
    ],
    "llm": ["rag", "finetune-rag-icl", "llm-failure-modes", "llm-evaluation", "agents-react"],
    "statistics": [
        "p-values", "ab-test-design", "correlation-causation", "multiple-comparisons",
        "central-limit-theorem",
    ],
}  # fmt: skip
MUST_KNOW = [qid for ids in BRIEF_TRACKS.values() for qid in ids]
# Every concept question of the bank, whatever its track: the per-question checks run
# over all of them, so new questions meet the same bar as the 30.
ALL_QUESTIONS = sorted(q.id for q in load_bank(ROOT / "quiz_data").questions)
# Words to say aloud within the type's time target (about 150 spoken words a minute).
ANSWER_WORDS = {
    "explain": (250, 460),
    "compare": (250, 460),
    "handle": (350, 660),
    "walkthrough": (480, 820),
}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def spoken_words(text: str) -> int:
    """Words as said aloud: a formula counts as a few words, not as its LaTeX tokens."""
    return len(re.sub(r"\$[^$]+\$", " the formula ", text).split())


@pytest.fixture(scope="module")
def questions(real_bank) -> dict[str, Question]:
    return {q.id: q for q in real_bank.questions}


def test_the_30_exist_in_the_briefs_tracks(real_bank) -> None:
    for track, ids in BRIEF_TRACKS.items():
        for n, qid in enumerate(ids, 1):
            entry = real_bank.get(qid)
            assert isinstance(entry, Question), qid
            assert entry.track == track, qid
            assert entry.order == n, f"{qid} should be number {n} of {track}"


def test_every_question_is_checked() -> None:
    """The parametrised checks below must cover the 30 at least (a guard against an
    empty or partial collection)."""
    assert set(MUST_KNOW) <= set(ALL_QUESTIONS)


@pytest.mark.parametrize("qid", ALL_QUESTIONS)
def test_every_part_is_written(questions, qid: str) -> None:
    q = questions[qid]
    parts = q.answer.model_dump()
    for name, text in parts.items():
        assert len(words(text)) >= 40, f"{qid}: answer.{name} is too short"
    total = sum(spoken_words(t) for t in parts.values())
    low, high = ANSWER_WORDS[q.type]
    assert low <= total <= high, f"{qid}: {total} words for a {q.type} answer ({low}-{high})"
    for level, text in q.depth.by_level():
        assert len(words(text)) >= 15, f"{qid}: depth {level} is too short"
    assert len({text for _, text in q.depth.by_level()}) == 4, f"{qid}: levels repeat"
    assert len(q.followups) >= 3, f"{qid}: fewer than 3 follow-ups"
    assert all(len(words(f.a)) >= 10 for f in q.followups), f"{qid}: a follow-up answer is thin"
    assert len(q.traps) >= 2, f"{qid}: fewer than 2 traps"
    for grade in ("strong_hire", "lean_hire", "no_hire"):
        signals = getattr(q.rubric, grade)
        assert signals and all(len(words(s)) >= 4 for s in signals), f"{qid}: rubric {grade}"
    assert len(q.quiz) >= 4, f"{qid}: fewer than 4 quiz items"
    assert q.related, f"{qid}: no related questions"


def test_quiz_items_are_well_formed(real_bank) -> None:
    for entry in real_bank.entries:
        for item in entry.quiz:
            n_correct = sum(o.correct for o in item.options)
            if item.multiple:
                assert n_correct >= 1, item.id
            else:
                assert n_correct == 1, item.id
            assert len(item.options) >= 3, f"{item.id}: too few options to be a real choice"
            for o in item.options:
                assert len(words(o.why)) >= 4, f"{item.id}: option {o.text!r} lacks a reason"


def test_correct_options_are_not_always_in_the_same_place(real_bank) -> None:
    positions = [
        i for e in real_bank.entries for it in e.quiz for i, o in enumerate(it.options) if o.correct
    ]
    most_common = max(positions.count(p) for p in set(positions))
    assert most_common / len(positions) < 0.5


# Option balance: a reader must not be able to find the key by picking the longest, most
# qualified option. Over a track's single-answer items, the key may be strictly the
# longest option in at most a third of them (chance with four options is a quarter), and
# the median of (key length / median distractor length) must sit near 1.
MAX_KEY_LONGEST_SHARE = 1 / 3
RATIO_RANGE = (0.85, 1.20)


def key_length_ratio(item: QuizItem) -> tuple[bool, float]:
    """Whether the key is strictly the longest option, and its length over the median
    distractor length (characters of option text)."""
    key = next(len(o.text) for o in item.options if o.correct)
    others = [len(o.text) for o in item.options if not o.correct]
    return key > max(others), key / statistics.median(others)


def balance_problems(items_by_track: dict[str, list[QuizItem]]) -> list[str]:
    """One line per track that breaks either rule, with its numbers."""
    problems = []
    for track, items in items_by_track.items():
        single = [key_length_ratio(it) for it in items if not it.multiple]
        if not single:
            continue
        share = sum(longest for longest, _ in single) / len(single)
        median = statistics.median(ratio for _, ratio in single)
        low, high = RATIO_RANGE
        if share > MAX_KEY_LONGEST_SHARE or not low <= median <= high:
            n_longest = sum(longest for longest, _ in single)
            problems.append(
                f"{track}: key strictly longest in {n_longest}/{len(single)} ({share:.0%}, "
                f"at most 33%); median key/distractor length {median:.2f} "
                f"(needs {low:.2f}-{high:.2f})"
            )
    return problems


def test_option_balance_rule_catches_a_guessable_track() -> None:
    def item(key: str, *others: str) -> QuizItem:
        opts = [{"text": key, "correct": True, "why": "the reason for this one"}]
        opts += [{"text": o, "correct": False, "why": "the reason against it"} for o in others]
        return QuizItem.model_validate({"id": "x", "stem": "Which?", "options": opts})

    long_key = [item("a much longer and more qualified key", "short one", "short two")] * 3
    balanced = [
        item("key of twenty chars", "distractor of twenty", "another twenty chars"),
        item("short key", "a longer distractor", "a third option here"),
        item("a longer key option!", "short one", "the other distractor"),
    ]
    assert len(balance_problems({"bad": long_key, "good": balanced})) == 1
    assert balance_problems({"bad": long_key})[0].startswith("bad: key strictly longest in 3/3")


def test_options_do_not_give_away_the_key(real_bank) -> None:
    items_by_track = {
        t.id: [it for e in real_bank.in_track(t.id) for it in e.quiz] for t in real_bank.tracks
    }
    problems = balance_problems(items_by_track)
    assert not problems, "options give the key away by length:\n" + "\n".join(problems)


def _texts(entry) -> list[str]:
    """Every prose field of an entry, quiz included."""
    data = entry.model_dump(mode="json", exclude={"id", "track", "related", "levels", "roles"})
    out: list[str] = []

    def walk(v) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(data)
    return out


def test_no_passage_of_12_words_appears_in_two_entries(real_bank) -> None:
    seen: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for entry in real_bank.entries:
        for text in _texts(entry):
            w = words(text)
            for i in range(len(w) - 11):
                seen[tuple(w[i : i + 12])].add(entry.id)
    shared = {" ".join(k): sorted(v) for k, v in seen.items() if len(v) > 1}
    assert shared == {}


def test_spelling_is_clean() -> None:
    codespell = shutil.which("codespell") or str(Path(ROOT / ".venv/bin/codespell"))
    proc = subprocess.run(
        [codespell, "quiz_data", "docs", "README.md", "CONTRIBUTING.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout


def test_every_question_is_reachable_from_its_track_page_and_the_index(
    real_bank, built_site: Path
) -> None:
    index = (built_site / "questions" / "index.html").read_text(encoding="utf-8")
    for q in real_bank.questions:
        track_page = built_site / real_bank.track(q.track).page.removesuffix(".md") / "index.html"
        html = track_page.read_text(encoding="utf-8")
        assert f'id="q-{q.id}"' in html, f"{q.id} has no card on {track_page}"
        slug = real_bank.track(q.track).page.removesuffix(".md")
        assert f'href="../{slug}/#q-{q.id}"' in index, f"{q.id} is not linked from the index"
