"""The fixed words of the practice loop: grades, roles, levels, schedules and the grading
spectrum. Kept in one small module so validation, scheduling and mock rounds agree on them
and the page can ask for them instead of copying them."""

from __future__ import annotations

# A self-grade after answering aloud, strongest first (the page shows them in this order).
GRADES: tuple[str, ...] = ("strong_hire", "lean_hire", "no_hire", "didnt_know")
GRADE_LABELS: dict[str, str] = {
    "strong_hire": "Strong hire",
    "lean_hire": "Lean hire",
    "no_hire": "No hire",
    "didnt_know": "Didn't know",
}

# The five role families of the knowledge round and the four levels, lowest first.
ROLES: tuple[str, ...] = ("mle", "ds", "re", "as", "ai")
LEVELS: tuple[str, ...] = ("L3", "L4", "L5", "L6+")

# How due dates are set: by the FSRS model, or by the study plan's fixed checkpoints.
SCHEDULES: tuple[str, ...] = ("fsrs", "checkpoints")

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

NEW_PER_DAY_RANGE = (1, 50)
DEFAULT_SETTINGS: dict[str, object] = {"new_per_day": 5, "schedule": "fsrs"}
