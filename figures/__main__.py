"""``python -m figures``: regenerate every figure into docs/assets/figures/."""

from figures.build import main

main()
