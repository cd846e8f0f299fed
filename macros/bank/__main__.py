"""`python -m macros.bank [DIR]`: validate the bank and print every problem, for contributors."""

import sys

from . import BankError, load_bank


def main(argv: list[str]) -> int:
    root = argv[0] if argv else "quiz_data"
    try:
        bank = load_bank(root)
    except BankError as exc:
        print(exc, file=sys.stderr)
        return 1
    items = sum(len(e.quiz) for e in bank.entries)
    print(f"ok: {len(bank.entries)} entries, {items} quiz items, {len(bank.tracks)} tracks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
