"""The question bank: typed models and a loader that reports every problem at once."""

from .loader import Bank, BankError, Issue, load_bank
from .models import Entry, Problem, Question, Short, Track

__all__ = [
    "Bank",
    "BankError",
    "Entry",
    "Issue",
    "Problem",
    "Question",
    "Short",
    "Track",
    "load_bank",
]
