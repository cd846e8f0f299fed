"""ROC versus precision-recall curves at 50 % and at 1 % prevalence, for the same scores.

One simulated model scores positives from N(1.5, 1) and negatives from N(0, 1). The same
2,000 positive scores are evaluated twice: against 2,000 negatives (50 % prevalence) and
against 198,000 negatives (1 % prevalence); the first 2,000 negatives are shared. ROC curves
use rates within each class (TPR among positives, FPR among negatives), so they do not
move with prevalence. Precision divides true positives by everything flagged, so 99
negatives per positive drag it down: the PR curve collapses, and so does PR-AUC. A random
ranking has precision equal to the prevalence at every recall, which is the PR baseline.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "roc-vs-pr"
SEED = 3
SEPARATION = 1.5
N_POS = 2_000
PREVALENCES = (0.5, 0.01)


def curves(scores: np.ndarray, labels: np.ndarray) -> dict:
    """ROC and PR points for every threshold, from the highest score down (no ties assumed:
    scores are continuous). Adds the (0, 0) start of the ROC curve."""
    order = np.argsort(-scores, kind="stable")
    y = labels[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    n_pos, n_neg = tp[-1], fp[-1]
    tpr = np.concatenate([[0.0], tp / n_pos])
    fpr = np.concatenate([[0.0], fp / n_neg])
    recall = tp / n_pos
    precision = tp / (tp + fp)
    return {"tpr": tpr, "fpr": fpr, "recall": recall, "precision": precision}


def roc_auc(c: dict) -> float:
    """Area under the ROC curve by the trapezoid rule."""
    return float(np.trapezoid(c["tpr"], c["fpr"]))


def roc_auc_by_ranks(scores: np.ndarray, labels: np.ndarray) -> float:
    """The same area as the probability that a random positive outranks a random negative."""
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores, kind="stable")] = np.arange(1, len(scores) + 1)
    n_pos = labels.sum()
    n_neg = len(labels) - n_pos
    return float((ranks[labels == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def average_precision(c: dict) -> float:
    """PR-AUC as average precision: precision at each positive, weighted by recall gained."""
    recall_steps = np.diff(np.concatenate([[0.0], c["recall"]]))
    return float(np.sum(recall_steps * c["precision"]))


def _thin_roc(c: dict, n: int = 240) -> tuple[np.ndarray, np.ndarray]:
    """ROC points to draw: TPR read off at evenly spaced FPR (keeps the SVG small)."""
    grid = np.linspace(0.0, 1.0, n)
    idx = np.searchsorted(c["fpr"], grid, side="right") - 1  # last point with fpr <= grid
    return c["fpr"][idx], c["tpr"][idx]


def _thin_pr(c: dict, n: int = 240) -> tuple[np.ndarray, np.ndarray]:
    """PR points to draw: the first threshold that reaches each of n recall levels."""
    grid = np.linspace(0.0, 1.0, n + 1)[1:]
    idx = np.searchsorted(c["recall"], grid - 1e-12, side="left")
    idx = np.clip(idx, 0, len(c["recall"]) - 1)
    return c["recall"][idx], c["precision"][idx]


def compute(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    pos = rng.normal(SEPARATION, 1.0, N_POS)
    n_neg_max = round(N_POS * (1 - min(PREVALENCES)) / min(PREVALENCES))
    neg = rng.normal(0.0, 1.0, n_neg_max)
    out: dict = {
        "prevalences": PREVALENCES,
        # Binormal model with equal variances: AUC = Phi(separation / sqrt 2).
        "roc_auc_theory": 0.5 * math.erfc(-SEPARATION / 2.0),
    }
    for prev in PREVALENCES:
        n_neg = round(N_POS * (1 - prev) / prev)
        scores = np.concatenate([pos, neg[:n_neg]])
        labels = np.concatenate([np.ones(N_POS, dtype=int), np.zeros(n_neg, dtype=int)])
        c = curves(scores, labels)
        key = f"{prev:g}"
        out[key] = {
            "n_pos": N_POS,
            "n_neg": n_neg,
            "roc_auc": roc_auc(c),
            "roc_auc_ranks": roc_auc_by_ranks(scores, labels),
            "pr_auc": average_precision(c),
            "baseline": N_POS / (N_POS + n_neg),
            "roc_plot": _thin_roc(c),
            "pr_plot": _thin_pr(c),
        }
    return out


def key_numbers(data: dict) -> dict[str, str]:
    hi, lo = data["0.5"], data["0.01"]
    return {
        "roc_50": f"{hi['roc_auc']:.3f}",
        "roc_1": f"{lo['roc_auc']:.3f}",
        "pr_50": f"{hi['pr_auc']:.2f}",
        "pr_1": f"{lo['pr_auc']:.2f}",
    }


def plot(data: dict):
    fig = st.new_figure()
    ax_roc, ax_pr = fig.subplots(1, 2)
    style = {
        0.5: {"color": st.BLUE, "ls": "-", "name": "50 % positive"},
        0.01: {"color": st.VERMILION, "ls": "--", "name": "1 % positive"},
    }
    for prev in data["prevalences"]:
        d, s = data[f"{prev:g}"], style[prev]
        ax_roc.plot(*d["roc_plot"], color=s["color"], ls=s["ls"], label=s["name"])
        ax_pr.plot(*d["pr_plot"], color=s["color"], ls=s["ls"])
        ax_pr.axhline(d["baseline"], color=s["color"], ls=":", lw=1.4)
    ax_roc.plot(
        [0, 1], [0, 1], color=st.MUTED, ls=":", lw=1.4, label="random (PR: precision = prevalence)"
    )
    hi, lo = data["0.5"], data["0.01"]
    ax_roc.text(
        0.97,
        0.05,
        f"ROC-AUC\n50 %: {hi['roc_auc']:.3f}\n1 %: {lo['roc_auc']:.3f}",
        ha="right",
        va="bottom",
        multialignment="right",
        fontsize=11,
        color=st.INK,
    )
    ax_pr.text(0.3, 0.8, f"PR-AUC {hi['pr_auc']:.2f}", fontsize=11, color=st.BLUE, va="top")
    ax_pr.text(
        0.35, 0.16, f"PR-AUC {lo['pr_auc']:.2f}", fontsize=11, color=st.VERMILION_TEXT, va="bottom"
    )
    limits = {"xlim": (0, 1), "ylim": (0, 1.02)}
    st.panel(
        ax_roc,
        "ROC: same at both prevalences",
        "false-positive rate",
        "true-positive rate (recall)",
        **limits,
    )
    st.panel(ax_pr, "Precision-recall: falls at 1 %", "recall", "precision", **limits)
    st.legend_below(fig, ax_roc, ncols=3)
    return fig
