"""Reliability diagram: an overconfident classifier before and after recalibration.

A single feature x ~ N(0, 1) drives the true click probability, P(y = 1 | x) = σ(a + b x).
The "model" ranks cases perfectly (its logit is increasing in x) but is overconfident: its
logit is the true logit multiplied by OVERCONFIDENCE, as a network trained too long on log
loss tends to be. Its scores pile up near 0 and 1, and the reliability curve is flatter
than the diagonal (an inverted S), crossing it at 0.5: predictions of 0.9 come true far less
than 90 % of the time, and predictions of 0.05 far more than 5 %.

Two recalibrators are fitted on a held-out calibration set and scored on a large test set:
Platt scaling (a logistic regression of the label on the model's logit, two parameters) and
isotonic regression (the pool-adjacent-violators algorithm, a monotone step function).
Both are increasing maps, so the ranking, and ROC-AUC, survives: exactly for Platt, and up
to ties for isotonic, whose flat steps merge scores.
"""

from __future__ import annotations

import numpy as np

from figures import _style as st

NAME = "reliability-diagram"
SEED = 1999
TRUE_INTERCEPT = -1.0
TRUE_SLOPE = 1.5
OVERCONFIDENCE = 2.5
N_CAL = 2_000
N_TEST = 100_000
N_BINS = 10


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def draw(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The model's logits and the labels for n fresh cases."""
    x = rng.standard_normal(n)
    true_logit = TRUE_INTERCEPT + TRUE_SLOPE * x
    labels = (rng.random(n) < sigmoid(true_logit)).astype(float)
    return OVERCONFIDENCE * true_logit, labels


def fit_platt(logits: np.ndarray, labels: np.ndarray, steps: int = 50) -> tuple[float, float]:
    """Newton's method for the logistic regression of the label on the logit: returns
    (intercept, slope). The log loss is convex in the two parameters, so this converges."""
    design = np.stack([np.ones_like(logits), logits], axis=1)
    theta = np.zeros(2)
    for _ in range(steps):
        p = sigmoid(design @ theta)
        grad = design.T @ (p - labels)
        hess = (design * (p * (1 - p))[:, None]).T @ design
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-12:
            break
    return float(theta[0]), float(theta[1])


def pava(values: np.ndarray) -> np.ndarray:
    """Pool adjacent violators: the non-decreasing sequence closest to `values` in squared
    error (all weights 1). Each block holds the mean of the values it pooled."""
    means: list[float] = []
    sizes: list[int] = []
    for v in values:
        means.append(float(v))
        sizes.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            size = sizes[-2] + sizes[-1]
            mean = (means[-2] * sizes[-2] + means[-1] * sizes[-1]) / size
            means[-2:] = [mean]
            sizes[-2:] = [size]
    return np.repeat(means, sizes)


def fit_isotonic(scores: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Isotonic regression of the label on the score: the sorted scores and the fitted
    step values, for `apply_isotonic`."""
    order = np.argsort(scores, kind="stable")
    return scores[order], pava(labels[order])


def apply_isotonic(fit: tuple[np.ndarray, np.ndarray], scores: np.ndarray) -> np.ndarray:
    """The fitted step function at new scores: the value of the last fitted point at or
    below each score (the first value below the fitted range)."""
    xs, ys = fit
    idx = np.searchsorted(xs, scores, side="right") - 1
    return ys[np.clip(idx, 0, len(ys) - 1)]


def reliability(probs: np.ndarray, labels: np.ndarray, n_bins: int = N_BINS) -> dict:
    """Equal-width bins over [0, 1]: per bin, the count, the mean prediction and the
    observed positive rate (NaN for empty bins), plus the ECE, the count-weighted mean of
    the absolute gaps."""
    idx = np.minimum((probs * n_bins).astype(int), n_bins - 1)
    counts = np.bincount(idx, minlength=n_bins)
    sum_p = np.bincount(idx, weights=probs, minlength=n_bins)
    sum_y = np.bincount(idx, weights=labels, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_p = sum_p / counts
        rate = sum_y / counts
    filled = counts > 0
    ece = float(np.sum(counts[filled] * np.abs(rate[filled] - mean_p[filled])) / len(probs))
    return {"counts": counts, "mean_pred": mean_p, "rate": rate, "ece": ece}


def log_loss(probs: np.ndarray, labels: np.ndarray) -> float:
    p = np.clip(probs, 1e-12, 1 - 1e-12)
    return float(-np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p)))


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Probability that a random positive outscores a random negative, ties counting half
    (average ranks), so the flat steps of isotonic regression are scored fairly."""
    order = np.argsort(scores, kind="stable")
    sorted_scores = scores[order]
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    # Average the ranks within each run of tied scores.
    _, start, count = np.unique(sorted_scores, return_index=True, return_counts=True)
    for s, c in zip(start, count, strict=True):
        if c > 1:
            ranks[order[s : s + c]] = s + (c + 1) / 2
    n_pos = labels.sum()
    n_neg = len(labels) - n_pos
    return float((ranks[labels == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def compute(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    cal_logit, cal_y = draw(N_CAL, rng)
    test_logit, test_y = draw(N_TEST, rng)
    raw_cal = sigmoid(cal_logit)
    raw = sigmoid(test_logit)
    intercept, slope = fit_platt(cal_logit, cal_y)
    platt = sigmoid(intercept + slope * test_logit)
    iso_fit = fit_isotonic(raw_cal, cal_y)
    iso = apply_isotonic(iso_fit, raw)
    out: dict = {
        "platt_intercept": intercept,
        "platt_slope": slope,
        "overconfidence": OVERCONFIDENCE,
        "n_cal": N_CAL,
        "n_test": N_TEST,
        "labels": test_y,
        "iso_fit": iso_fit,
    }
    for name, probs in (("raw", raw), ("Platt", platt), ("isotonic", iso)):
        out[name] = {
            "probs": probs,
            **reliability(probs, test_y),
            "log_loss": log_loss(probs, test_y),
            "auc": roc_auc(probs, test_y),
        }
    return out


def key_numbers(data: dict) -> dict[str, str]:
    raw = data["raw"]
    return {
        "low_pred": f"{raw['mean_pred'][0]:.2f}",
        "low_rate": f"{raw['rate'][0]:.2f}",
        "high_pred": f"{raw['mean_pred'][-1]:.2f}",
        "high_rate": f"{raw['rate'][-1]:.2f}",
        "ece_raw": f"{data['raw']['ece']:.3f}",
        "ece_platt": f"{data['Platt']['ece']:.3f}",
        "ece_iso": f"{data['isotonic']['ece']:.3f}",
        "auc_raw": f"{data['raw']['auc']:.3f}",
        "auc_iso": f"{data['isotonic']['auc']:.3f}",
        "ll_raw": f"{data['raw']['log_loss']:.3f}",
        "ll_platt": f"{data['Platt']['log_loss']:.3f}",
        "slope": f"{data['platt_slope']:.2f}",
    }


def plot(data: dict):
    fig = st.new_figure()
    ax_rel, ax_hist = fig.subplots(1, 2, width_ratios=[1.25, 1])
    ax_rel.plot([0, 1], [0, 1], color=st.MUTED, ls=":", lw=1.4, label="perfectly calibrated")
    style = {
        "raw": {"color": st.VERMILION, "ls": "-", "marker": "o"},
        "Platt": {"color": st.BLUE, "ls": "--", "marker": "s"},
        "isotonic": {"color": st.GREEN, "ls": "-.", "marker": "^"},
    }
    for name, s in style.items():
        d = data[name]
        filled = d["counts"] >= 50  # skip bins too sparse to estimate a rate
        ax_rel.plot(
            d["mean_pred"][filled],
            d["rate"][filled],
            color=s["color"],
            ls=s["ls"],
            marker=s["marker"],
            label=f"{name} (ECE {d['ece']:.3f})",
        )
    st.panel(
        ax_rel,
        "Reliability on 100,000 test cases",
        "mean predicted probability (bin)",
        "observed positive rate",
        xlim=(0, 1),
        ylim=(0, 1),
        legend="upper left",
    )

    edges = np.linspace(0, 1, N_BINS + 1)
    per_thousand = np.full(data["n_test"], 1e-3)
    # Both calibrations as step outlines over the same bins, in thousands of test cases.
    step = {"bins": edges, "weights": per_thousand, "histtype": "step", "lw": 2.0}
    ax_hist.hist(data["raw"]["probs"], color=st.VERMILION, label="raw", **step)
    ax_hist.hist(data["Platt"]["probs"], color=st.BLUE, ls="--", label="Platt", **step)
    st.panel(
        ax_hist,
        "Where the predictions fall",
        "predicted probability",
        "test cases (thousands)",
        xlim=(0, 1),
        legend="upper right",
    )
    return fig
