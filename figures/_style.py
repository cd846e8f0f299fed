"""The look every figure shares, and the one way figures are written to SVG.

Figures are drawn on a white background with near-black text, so they read the same on the
light and the dark page theme. Colours come from the Okabe-Ito palette, which stays
distinguishable under the common kinds of colour blindness; lines also differ in dash
pattern or marker, so no point rests on colour alone.

The SVG is byte-stable: no date in the metadata, a fixed salt for the element ids, and text
kept as text (``svg.fonttype = "none"``) rather than as glyph outlines, which also keeps the
files small and the labels selectable.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from cycler import cycler  # a dependency of matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

# Okabe-Ito colours that keep at least 3:1 contrast against white (the WCAG level for
# graphical objects). Orange is reserved for filled areas.
BLUE = "#0072B2"
VERMILION = "#D55E00"
GREEN = "#009E73"
PURPLE = "#CC79A7"
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
# Darker shades for coloured text, which needs 4.5:1 against white.
VERMILION_TEXT = "#B34D00"
GREEN_TEXT = "#007A5A"
INK = "#1a1a1a"  # text
MUTED = "#595959"  # reference lines, secondary text (7:1 on white)
GRID = "#dddddd"

PALETTE = [BLUE, VERMILION, GREEN, PURPLE, BLACK]

FIGSIZE = (7.0, 4.2)
SVG_SALT = "mlguide"

RC = {
    "figure.figsize": FIGSIZE,
    "figure.facecolor": "white",
    "figure.edgecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "savefig.transparent": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 12,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "legend.title_fontsize": 11,
    "figure.titlesize": 13,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.edgecolor": MUTED,
    "axes.linewidth": 0.9,
    "axes.grid": True,
    "grid.color": GRID,
    "grid.linewidth": 0.7,
    "axes.axisbelow": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=PALETTE),
    "lines.linewidth": 2.0,
    "lines.markersize": 6,
    "legend.frameon": True,
    "legend.framealpha": 0.92,
    "legend.edgecolor": "#c8c8c8",
    "legend.facecolor": "white",
    "svg.fonttype": "none",
    "svg.hashsalt": SVG_SALT,
    "path.simplify": True,
    "path.simplify_threshold": 0.2,
}


def new_figure(**kwargs) -> Figure:
    """A figure of the guide's size with constrained layout; call inside ``style()``."""
    kwargs.setdefault("figsize", FIGSIZE)
    kwargs.setdefault("layout", "constrained")
    return Figure(**kwargs)


def panel(
    ax: Axes,
    title: str | None = None,
    x: str | None = None,
    y: str | None = None,
    *,
    xlim: tuple | None = None,
    ylim: tuple | None = None,
    legend: str | None = None,
) -> None:
    """One panel's title, axis labels, limits and legend (at `legend`, a location), each
    only where given, so every figure frames its panels the same way."""
    if title is not None:
        ax.set_title(title)
    if x is not None:
        ax.set_xlabel(x)
    if y is not None:
        ax.set_ylabel(y)
    if xlim is not None:
        ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    if legend is not None:
        ax.legend(loc=legend, fontsize=11)


def ticks_only(ax: Axes, ticks: list, labels: list[str], axis: str = "x") -> None:
    """Major ticks at `ticks`, written as `labels`, and no minor ticks (a log axis adds its
    own, unlabelled, between them)."""
    set_ticks = ax.set_xticks if axis == "x" else ax.set_yticks
    set_ticks(ticks, labels)
    set_ticks([], minor=True)


def log_axis(ax: Axes, ticks: list, labels: list[str], base: float = 10, axis: str = "x") -> None:
    """A log-scale axis that shows only `ticks`, written as `labels`."""
    (ax.set_xscale if axis == "x" else ax.set_yscale)("log", base=base)
    ticks_only(ax, ticks, labels, axis)


def legend_below(fig: Figure, ax: Axes, ncols: int) -> None:
    """One legend for every panel, under them, from the entries of `ax`."""
    fig.legend(
        *ax.get_legend_handles_labels(), loc="outside lower center", ncols=ncols, fontsize=11
    )


def style():
    """Context manager that applies the shared rcParams (drawing and saving both need it)."""
    return matplotlib.rc_context(RC)


def save_svg(fig: Figure, path: Path) -> None:
    """Write ``fig`` as a byte-stable SVG."""
    with style():
        fig.savefig(path, format="svg", metadata={"Date": None})
