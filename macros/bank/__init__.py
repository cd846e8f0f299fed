"""The question bank: typed models and a loader that reports every problem at once."""

from .loader import Bank, BankError, Issue, load_bank
from .models import LEVELS, ROLES, TIME_TARGETS, TYPE_LABELS, Problem, Question, Short, Track

__all__ = [
    "LEVELS",
    "ROLES",
    "TIME_TARGETS",
    "TYPE_LABELS",
    "Bank",
    "BankError",
    "Issue",
    "Problem",
    "Question",
    "Short",
    "Track",
    "load_bank",
]
