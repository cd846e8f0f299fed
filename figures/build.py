"""Build the figures: ``python -m figures [--out DIR] [NAME ...]``.

Without ``--out`` the SVGs go to docs/assets/figures/, where the site uses them.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from types import ModuleType

from figures import FIGURE_MODULES
from figures import _style as st

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "docs" / "assets" / "figures"


def modules() -> dict[str, ModuleType]:
    """Figure name (the SVG's stem, e.g. ``roc-vs-pr``) -> its module."""
    found = [importlib.import_module(f"figures.{mod}") for mod in FIGURE_MODULES]
    return {m.NAME: m for m in found}


def render(module: ModuleType, out_dir: Path, data: dict | None = None) -> Path:
    """Compute (unless ``data`` is given) and draw one figure; return the SVG's path."""
    if data is None:
        data = module.compute()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{module.NAME}.svg"
    with st.style():
        fig = module.plot(data)
        st.save_svg(fig, path)
    return path


def build(out_dir: Path = OUT_DIR, names: list[str] | None = None) -> list[Path]:
    available = modules()
    chosen = names or list(available)
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        raise SystemExit(f"unknown figure(s): {', '.join(unknown)}; known: {', '.join(available)}")
    return [render(available[name], out_dir) for name in chosen]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m figures", description=__doc__)
    parser.add_argument("names", nargs="*", help="figures to build (default: all)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    for path in build(args.out, args.names or None):
        size = path.stat().st_size
        print(f"{path} ({size / 1024:.1f} KB)")


if __name__ == "__main__":
    main()
