"""Repeatable measurements; `python -m benchmarks.run` prints the table."""
