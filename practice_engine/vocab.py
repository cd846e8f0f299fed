"""The guide's fixed words and numbers: levels, roles, question types and their time
targets, grades and rubric labels, schedules, limits, file formats and versions.

This is their one home. The engine validates and schedules with them; the build imports
this module (build -> engine, never the reverse) to validate the bank and to write what
the browser needs into the pages and the JSON export, so no other file, in Python or in
JavaScript, spells them out again. Standard library only: it runs in Pyodide too.
"""

from __future__ import annotations

# --- who is asked: levels, lowest first, and the five role families ----------------------

LEVELS: tuple[str, ...] = ("L3", "L4", "L5", "L6+")
ROLE_LABELS: dict[str, str] = {
    "mle": "ML engineer",
    "ds": "Data scientist",
    "re": "Research engineer",
    "as": "Applied scientist",
    "ai": "AI / LLM engineer",
}
ROLES: tuple[str, ...] = tuple(ROLE_LABELS)
# The scope each level stands for, as the guide names it beside the number (a card's ladder
# of answers by level, the depth-by-level page): scope reads across companies, numbers do not.
LEVEL_NAMES: dict[str, str] = {"L3": "junior", "L4": "mid", "L5": "senior", "L6+": "staff"}

# --- what is asked: question types and their time targets -----------------------------------

TYPE_LABELS: dict[str, str] = {
    "explain": "Explain a concept",
    "handle": "How would you handle it",
    "compare": "Compare",
    "walkthrough": "Walk me through it",
}
QUESTION_TYPES: tuple[str, ...] = tuple(TYPE_LABELS)
# The order a mock round asks them in at the same level, shallowest first.
TYPE_DEPTH: tuple[str, ...] = ("explain", "compare", "handle", "walkthrough")
# Minutes a candidate needs to say the answer aloud, from the answer framework.
TIME_TARGET_MINUTES: dict[str, tuple[int, int]] = {
    "explain": (2, 3),
    "handle": (3, 5),
    "compare": (2, 3),
    "walkthrough": (5, 7),
}


# A short answer has no type: it is a concise answer, said in a minute or two.
SHORT_TIME_TARGET_MINUTES: tuple[int, int] = (1, 2)
# The kinds of bank entry the flashcard deck holds, in the order new cards are introduced:
# the concept questions first, then the short answers, then the practice problems.
DECK_KINDS: tuple[str, ...] = ("question", "short", "problem")


def short_time_target() -> str:
    """A short answer's time target as the guide shows it: "1-2 min"."""
    low, high = SHORT_TIME_TARGET_MINUTES
    return f"{low}-{high} min"


def short_target_seconds() -> int:
    """Where a short answer's countdown starts: the upper bound of its time target."""
    return SHORT_TIME_TARGET_MINUTES[1] * 60


def time_target(question_type: str) -> str:
    """The time target as the guide shows it: "2-3 min"."""
    low, high = TIME_TARGET_MINUTES[question_type]
    return f"{low}-{high} min"


def target_seconds(question_type: str) -> int:
    """Where a countdown starts: the upper bound of the time target, the most time an
    interviewer would give ("2-3 min" -> 180)."""
    return TIME_TARGET_MINUTES[question_type][1] * 60


# --- how an answer is judged: its parts, self-grades, the rubric's rows and the spectrum ---

# The four paragraphs of a full answer, in order, with their labels on a card; a key point
# names the one that explains it, where the feedback sends a reader who missed it.
ANSWER_PART_LABELS: dict[str, str] = {
    "what": "What",
    "why": "Why",
    "when": "When",
    "tradeoffs": "Trade-offs",
}
ANSWER_PARTS: tuple[str, ...] = tuple(ANSWER_PART_LABELS)

# A self-grade after answering aloud, strongest first (the page shows them in this order).
GRADE_LABELS: dict[str, str] = {
    "strong_hire": "Strong hire",
    "lean_hire": "Lean hire",
    "no_hire": "No hire",
    "didnt_know": "Didn't know",
}
GRADES: tuple[str, ...] = tuple(GRADE_LABELS)
# The rows of every rubric in the bank: the grades an interviewer gives ("didn't know" is
# only ever a self-grade).
RUBRIC_GRADES: tuple[str, ...] = ("strong_hire", "lean_hire", "no_hire")

# The five-step grading spectrum of the knowledge round (content brief, section 1).
SIGNAL_LABELS: dict[int, str] = {
    1: "Can define it",
    2: "Can explain the intuition",
    3: "Knows when to use it and when not",
    4: "Can discuss trade-offs and alternatives",
    5: "Can teach the interviewer something new",
}
# A grade's step on that spectrum; 5 is never given for one answer (see mock.signal).
GRADE_STEPS: dict[str, int] = {"strong_hire": 4, "lean_hire": 3, "no_hire": 2, "didnt_know": 1}

# --- answer feedback -----------------------------------------------------------------------

# When a key point counts as hit: the answer states it (asserted), says it is not so or
# calls it a misconception (denied), or merely names it (either).
FEEDBACK_SENSES: tuple[str, ...] = ("asserted", "denied", "either")
MAX_ANSWER_CHARS = 20_000  # characters of one typed answer the feedback op reads

# --- the core set and the rest ---------------------------------------------------------------

# Which questions a widget draws from: the must-know questions (the bank's core set, marked
# `must_know` in the bank, `core` in bank.json) or every entry. The home page's session,
# the flashcards' new cards, the study plan and the mock round start on the core set; the
# quiz and the indexes start on all. Every widget offers both, under these labels.
SCOPE_LABELS: dict[str, str] = {"core": "Core (must-know)", "all": "All"}
SCOPES: tuple[str, ...] = tuple(SCOPE_LABELS)
DEFAULT_SCOPE = "core"  # the home page, study plan, flashcards and mock round
BROWSE_SCOPE = "all"  # the quiz and the indexes, where a reader browses the whole bank

# --- flashcards -----------------------------------------------------------------------------

# How due dates are set: by the FSRS model, or by the study plan's fixed checkpoints.
SCHEDULES: tuple[str, ...] = ("fsrs", "checkpoints")
# The study plan's review days after a card's first review (day 0).
CHECKPOINT_DAYS: tuple[int, ...] = (3, 7, 14, 21)
NEW_PER_DAY_RANGE: tuple[int, int] = (1, 50)
# Since progress version 4 settings also hold the reader's target level (which key points
# count as expected in answer feedback) and whether typed answers are kept.
# Since version 5 they also hold the interview the reader prepares for: its date (a local
# calendar date, "YYYY-MM-DD") and role, both unset until the reader gives them.
# Since version 7 they also hold the scope new flashcards are drawn from (SCOPES).
DEFAULT_SETTINGS: dict[str, object] = {
    "new_per_day": 5,
    "schedule": "fsrs",
    "level": "L4",
    "keep_answers": False,
    "interview_date": None,
    "role": None,
    "scope": DEFAULT_SCOPE,
}

# --- the study plan ---------------------------------------------------------------------------

# The plan runs over two, three or four weeks before the interview, whichever fits the days
# left; its four stages (the study plan page's weeks 1-4) are spread over the plan's days.
PLAN_WEEKS: tuple[int, ...] = (2, 3, 4)
PLAN_STAGES = 4
# Interview dates further ahead than this are refused: a typo, not a plan.
PLAN_MAX_DAYS_AHEAD = 366

# --- indexes as trackers -----------------------------------------------------------------

# Where a concept question stands for the reader, in the question index. "mastered" is an
# FSRS card in the review state whose stability (the days until recall falls to 90%) is at
# least MASTERED_STABILITY_DAYS and that is not due; "due" is a card due now in the
# reader's schedule; "learning" any other card reviewed at least once.
QUESTION_STATUS_LABELS: dict[str, str] = {
    "new": "New",
    "learning": "Learning",
    "due": "Due",
    "mastered": "Mastered",
}
QUESTION_STATUSES: tuple[str, ...] = tuple(QUESTION_STATUS_LABELS)
MASTERED_STABILITY_DAYS = 21
# A practice problem graded as a flashcard follows its card like a question; one only met in
# the quiz is "quizzed" (with how many of its items the latest answers got right).
PROBLEM_STATUS_LABELS: dict[str, str] = {**QUESTION_STATUS_LABELS, "quizzed": "Quizzed"}
PROBLEM_STATUSES: tuple[str, ...] = tuple(PROBLEM_STATUS_LABELS)

# --- quiz and mock round ----------------------------------------------------------------------

QUIZ_MAX_COUNT = 50  # items in one quiz session
MOCK_CLOCK_SECONDS = 45 * 60
MOCK_QUESTIONS: tuple[int, int] = (6, 8)  # fewest and most questions in one round
# How a recorded round ended: every question graded, ended early by the reader, or out of
# time. The last two are partial rounds: what was graded is kept, and shown as partial.
MOCK_ENDINGS: tuple[str, ...] = ("complete", "ended", "time")
# Grades that make a question "weak": "Redo the weak ones" asks them again.
WEAK_GRADES: tuple[str, ...] = ("lean_hire", "no_hire", "didnt_know")

# --- coding exercises ---------------------------------------------------------------------

# How one check of the reader's code went, from best to worst: a hint is a failure the
# harness recognises and explains (the starter's placeholder, a missing return, a forbidden
# name, a complexity bound missed).
CHECK_KINDS: tuple[str, ...] = ("passed", "hint", "wrong", "error")
# Where an exercise stands for the reader. "solved*" is the outcome of the latest round
# the reader passed; the last three are also the outcomes a pass is graded with.
EXERCISE_STATUSES: tuple[str, ...] = (
    "new",
    "attempted",
    "solved",
    "solved_with_help",
    "solved_with_solution",
)
EXERCISE_OUTCOMES: tuple[str, ...] = EXERCISE_STATUSES[2:]
# How an exercise's status reads in an index (the ids above stay the stored words).
EXERCISE_STATUS_LABELS: dict[str, str] = {
    "new": "New",
    "attempted": "Attempted",
    "solved": "Solved",
    "solved_with_help": "Solved with hints",
    "solved_with_solution": "Solved after the solution",
}
# What the page tells the engine about an exercise.
EXERCISE_EVENTS: tuple[str, ...] = ("check_failed", "check_passed", "hint", "solution")
HINTS_RANGE: tuple[int, int] = (2, 4)  # progressive hints per exercise
FOLLOWUPS_RANGE: tuple[int, int] = (2, 3)  # interviewer follow-ups per exercise
SOLUTION_AFTER_FAILS = 3  # failed checks in a round that unlock the solution
EXERCISE_VERSION_CHARS = 16  # hex digits of an exercise's content hash
MAX_DRAFT_CHARS = 50_000  # characters of code kept per exercise
MAX_ROUND_COUNT = 1_000_000  # checks counted in one round; more is not a real reader
# Growth classes a complexity bound can name, as (power of n, power of log n).
GROWTH: dict[str, tuple[int, int]] = {
    "1": (0, 0),
    "log n": (0, 1),
    "n": (1, 0),
    "n log n": (1, 1),
    "n^2": (2, 0),
    "n^2 log n": (2, 1),
    "n^3": (3, 0),
}
# A solution meets a bound when its fitted exponent is at most the bound's own exponent
# over the same sizes plus this much (constant overheads flatten small sizes a little).
COMPLEXITY_TOLERANCE = 0.3
COMPLEXITY_SIZES_RANGE: tuple[int, int] = (3, 8)  # sizes measured per bound
COMPLEXITY_BUDGET_RANGE: tuple[int, int] = (10_000, 5_000_000)  # operations per check
COMPLEXITY_DEFAULT_BUDGET = 1_500_000

# --- formats, versions and size limits ---------------------------------------------------

BANK_EXPORT_VERSION = 2  # assets/quiz/bank.json (2: answer feedback in files of its own)
EXERCISE_EXPORT_VERSION = 1  # assets/exercises/<id>.json and its reveal file
PROGRESS_VERSION = 7  # the stored progress and the progress file
PROGRESS_FORMAT = "ml-interview-guide/progress"  # the "format" of an exported progress file
SESSION_VERSION = 1  # a stored quiz session
MOCK_VERSION = 2  # a mock round (2: the seconds used per graded question)
SAVED_ROUND_VERSION = 3  # a running mock round as the page stores it
MAX_HISTORY = 100  # answers kept per quiz item; older ones add nothing to a study plan
# Characters of an imported progress file; the page compares bytes, at most 4 per character.
MAX_IMPORT_CHARS = 5 * 1024 * 1024
