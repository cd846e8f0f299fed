"""The shapes of the state the engine hands the page and takes back: plain JSON objects,
described here as TypedDicts so a type checker holds every module to them.

They describe valid state only. Anything that comes from outside the engine (storage, an
imported file, the page) is checked by the validators in `validate.py` and the `*_problem`
functions of the owning module before it is trusted as one of these.
"""

from __future__ import annotations

from typing import Any, TypedDict


class Settings(TypedDict):
    new_per_day: int  # vocab.NEW_PER_DAY_RANGE
    schedule: str  # one of vocab.SCHEDULES
    level: str  # one of vocab.LEVELS: which key points answer feedback expects
    keep_answers: bool  # typed answers are kept only when the reader asks
    interview_date: str | None  # "YYYY-MM-DD", the reader's local date, or unset
    role: str | None  # one of vocab.ROLES, or unset
    scope: str  # one of vocab.SCOPES: where new flashcards are drawn from


class KeptAnswer(TypedDict):
    """The latest typed answer to one question, kept only with settings.keep_answers."""

    text: str
    t_ms: int


class MockRecord(TypedDict):
    """A recorded mock round as progress keeps it, finished or partial."""

    id: str
    role: str
    level: str
    finished_ms: int
    questions: list[str]  # every question asked or due, in order
    grades: list[str]  # one per graded question: fewer than questions in a partial round
    signal: int  # 1 to 5
    ended: str  # one of vocab.MOCK_ENDINGS
    seconds: list[int | None]  # per grade: seconds used, None when not known (before v6)


class ExerciseRound(TypedDict):
    """What the reader did on an exercise since its last pass (see exercise_progress.py)."""

    checks: int  # Check runs
    failed: int  # of them, failed
    hints: int  # hints revealed
    solution_seen: bool
    last_ms: int | None  # the latest event of the round, or of the pass that ended the last


class ExerciseDraft(TypedDict):
    code: str
    version: str  # the exercise version the code was written against
    saved_ms: int


class ExerciseRecord(TypedDict):
    round: ExerciseRound
    results: list[list[Any]]  # [t_ms, outcome, exercise version, scheduled 0|1], time order
    card: dict[str, Any] | None  # fsrs Card.to_dict(), from the first scheduled pass
    followups: list[list[Any]]  # [follow-up index, grade, t_ms], time order
    draft: ExerciseDraft | None


class Progress(TypedDict):
    """Everything a reader did (see progress.py for the format and its versions)."""

    version: int
    quiz: dict[str, list[list[int]]]  # item id -> [[t_ms, 0 or 1], ...] in time order
    cards: dict[str, dict[str, Any]]  # question id -> fsrs Card.to_dict()
    reviews: list[list[Any]]  # [question id, grade, t_ms] in time order
    mocks: list[MockRecord]
    settings: Settings
    exercises: dict[str, ExerciseRecord]  # exercise id -> record
    answers: dict[str, KeptAnswer]  # question id -> latest typed answer, if kept


class Filters(TypedDict):
    tracks: list[str]
    levels: list[str]
    roles: list[str]
    count: int
    scope: str  # one of vocab.SCOPES; a session saved before it existed drew from "all"


class Slot(TypedDict):
    item: str
    order: list[int]  # option indices in display order


class Answer(TypedDict):
    item: str
    chosen: list[int]  # option indices in the bank's order
    correct: bool


class QuizSession(TypedDict):
    version: int
    seed: int
    filters: Filters
    items: list[Slot]
    answers: list[Answer]
    position: int


class MockQuestion(TypedDict):
    id: str
    title: str
    url: str
    time_target: str | None
    target_seconds: int | None
    followups: list[str]


class MockRound(TypedDict):
    version: int
    id: str  # "mock-<seed>"
    role: str
    level: str
    seed: int
    clock_seconds: int
    questions: list[MockQuestion]
    grades: list[str]
    seconds: list[int | None]  # per grade: seconds the question took, None if not known
    position: int  # the question being asked; equals len(grades)


class SavedRound(TypedDict):
    """A running mock round as the page stores it between visits."""

    version: int
    mock: MockRound
    started_ms: int
    question_started_ms: int
    probes: int  # follow-up probes shown for the current question
    done_seconds: int | None  # "I'm done" pressed: the seconds the answer took; else None
