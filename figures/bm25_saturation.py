"""BM25's term-frequency factor: saturation in the count, normalisation by length.

The factor multiplies a term's IDF in the BM25 score:

    tf_factor(f, L) = f (k1 + 1) / (f + k1 (1 - b + b L)),

for a term that occurs f times in a document whose length is L times the collection's
average. Everything here is exact arithmetic; no data is simulated.

- Left panel: the factor against f at average length (L = 1, so b plays no part) for
  k1 = 0.5, 1.2 and 2.0, beside plain term frequency (the factor of linear TF-IDF). Each
  BM25 curve flattens towards its ceiling k1 + 1, which no count reaches.
- Right panel: the factor of a single occurrence (f = 1, k1 = 1.2) against L for
  b = 0, 0.5, 0.75 and 1. With b = 0 length is ignored; the larger b, the more a long
  document is discounted and a short one boosted.
"""

from __future__ import annotations

import numpy as np

from figures import _style as st

NAME = "bm25-saturation"
K1_VALUES = (0.5, 1.2, 2.0)
B_VALUES = (0.0, 0.5, 0.75, 1.0)
DEFAULT_K1, DEFAULT_B = 1.2, 0.75
MAX_COUNT = 20
LENGTHS = (0.25, 4.0)  # document length as a multiple of the average, plotted range
MARK_COUNT = 10  # the count marked on the left panel
MARK_LENGTH = 3.0  # the length marked on the right panel


def tf_factor(count, k1: float, b: float, length_ratio):
    """BM25's term-frequency factor for `count` occurrences in a document whose length is
    `length_ratio` times the average; it is 0 for count 0 and tends to k1 + 1."""
    count = np.asarray(count, dtype=float)
    length_ratio = np.asarray(length_ratio, dtype=float)
    return count * (k1 + 1) / (count + k1 * (1 - b + b * length_ratio))


def compute() -> dict:
    counts = np.arange(0, MAX_COUNT + 1)
    lengths = np.linspace(*LENGTHS, 151)
    by_k1 = {k1: tf_factor(counts, k1, DEFAULT_B, 1.0) for k1 in K1_VALUES}
    by_b = {b: tf_factor(1, DEFAULT_K1, b, lengths) for b in B_VALUES}
    return {
        "counts": counts,
        "lengths": lengths,
        "by_k1": by_k1,
        "by_b": by_b,
        "at_mark": {k1: float(tf_factor(MARK_COUNT, k1, DEFAULT_B, 1.0)) for k1 in K1_VALUES},
        "ceiling": {k1: k1 + 1 for k1 in K1_VALUES},
        "one_at_length": {b: float(tf_factor(1, DEFAULT_K1, b, MARK_LENGTH)) for b in B_VALUES},
        "one_at_half": float(tf_factor(1, DEFAULT_K1, DEFAULT_B, 0.5)),
    }


def key_numbers(data: dict) -> dict[str, str]:
    mark, at_len = data["at_mark"], data["one_at_length"]
    return {
        "k1_small_at_10": f"{mark[0.5]:.2f}",
        "default_at_10": f"{mark[DEFAULT_K1]:.2f}",
        "k1_large_at_10": f"{mark[2.0]:.2f}",
        "default_ceiling": f"{data['ceiling'][DEFAULT_K1]:.1f}",
        "b_half_at_3": f"{at_len[0.5]:.2f}",
        "b_default_at_3": f"{at_len[DEFAULT_B]:.2f}",
        "b_one_at_3": f"{at_len[1.0]:.2f}",
        "b_default_at_half": f"{data['one_at_half']:.2f}",
    }


_K1_STYLE = {
    0.5: {"color": st.GREEN, "ls": (0, (1.5, 1.5))},
    1.2: {"color": st.BLUE, "ls": "-"},
    2.0: {"color": st.PURPLE, "ls": (0, (6, 2))},
}
_B_STYLE = {
    0.0: {"color": st.BLACK, "ls": ":"},
    0.5: {"color": st.GREEN, "ls": (0, (1.5, 1.5))},
    0.75: {"color": st.BLUE, "ls": "-"},
    1.0: {"color": st.PURPLE, "ls": (0, (6, 2))},
}


def plot(data: dict):
    fig = st.new_figure()
    ax_tf, ax_len = fig.subplots(1, 2)
    counts = data["counts"]
    ax_tf.plot(counts, counts, color=st.VERMILION, ls="--", lw=1.6, label="linear TF")
    for k1 in K1_VALUES:
        s = _K1_STYLE[k1]
        ax_tf.plot(counts, data["by_k1"][k1], color=s["color"], ls=s["ls"], label=f"k1 = {k1:g}")
        ax_tf.axhline(k1 + 1, color=s["color"], lw=0.8, ls=(0, (2, 4)))
    mark = data["at_mark"][DEFAULT_K1]
    ax_tf.plot([MARK_COUNT], [mark], ls="none", marker="o", ms=6, color=st.BLUE)
    ax_tf.annotate(
        f"{mark:.2f} at 10",
        (MARK_COUNT, mark),
        xytext=(MARK_COUNT + 1.5, mark - 0.3),
        fontsize=11,
        color=st.INK,
        va="center",
    )
    ax_tf.set_xticks([0, 5, 10, 15, 20])
    st.panel(
        ax_tf,
        "Saturation (average length)",
        "occurrences of the term",
        "term-frequency factor",
        xlim=(0, MAX_COUNT),
        ylim=(0, 3.4),
        legend="lower right",
    )

    lengths = data["lengths"]
    for b in B_VALUES:
        s = _B_STYLE[b]
        ax_len.plot(lengths, data["by_b"][b], color=s["color"], ls=s["ls"], label=f"b = {b:g}")
    at3 = data["one_at_length"][DEFAULT_B]
    ax_len.plot([MARK_LENGTH], [at3], ls="none", marker="o", ms=6, color=st.BLUE)
    ax_len.annotate(
        f"{at3:.2f} at 3×",
        (MARK_LENGTH, at3),
        xytext=(1.25, 0.2),
        fontsize=11,
        color=st.INK,
        arrowprops={"arrowstyle": "-", "color": st.MUTED, "lw": 0.9},
    )
    st.log_axis(ax_len, [0.25, 0.5, 1, 2, 4], ["¼", "½", "1", "2", "4"], base=2)
    st.panel(
        ax_len,
        "Length normalisation (k1 = 1.2)",
        "length ÷ average length (log scale)",
        "factor for one occurrence",
        xlim=LENGTHS,
        ylim=(0, 2.2),
        legend="upper right",
    )
    return fig
