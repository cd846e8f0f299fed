"""Bias-variance U-curve from real polynomial fits.

A smooth true function f(x) = sin(2.2 pi x + 0.4) + x is observed at 20 evenly spaced inputs
in [0, 1] with Gaussian label noise (sigma = 0.5). We draw 20,000 training sets (same inputs,
fresh noise each time), fit a polynomial of each degree 0..10 to every one with
``numpy.polyfit``, and evaluate the fits on a fine grid over [0, 1]. Averaged over the grid:

- bias^2   = (mean fit - f)^2      how far the average fit is from the truth
- variance = variance of the fits  how much the fit moves from one training set to the next
- noise    = sigma^2               the part no model can remove

and the expected test error at a new point with a fresh noisy label is their sum. The test
error is also measured directly (fresh labels on the grid), which checks the decomposition.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "bias-variance-u"
SEED = 11
N_TRAIN = 20
SIGMA = 0.5
N_SETS = 20_000
DEGREES = np.arange(0, 11)
GRID = np.linspace(0.0, 1.0, 201)


def true_function(x: np.ndarray) -> np.ndarray:
    return np.sin(2.2 * math.pi * x + 0.4) + x


def train_inputs() -> np.ndarray:
    """20 evenly spaced inputs (cell midpoints of [0, 1])."""
    return (np.arange(N_TRAIN) + 0.5) / N_TRAIN


def compute(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    x = train_inputs()
    # Column j is training set j: same inputs, its own noise draw.
    y = true_function(x)[:, None] + SIGMA * rng.standard_normal((N_TRAIN, N_SETS))
    # Fresh noisy labels on the test grid, one set per training set, for the measured error.
    f_grid = true_function(GRID)
    y_test = f_grid[:, None] + SIGMA * rng.standard_normal((len(GRID), N_SETS))

    # Inputs are mapped to [-1, 1] before fitting: same polynomials, better conditioning.
    u, u_grid = 2.0 * x - 1.0, 2.0 * GRID - 1.0
    bias2, variance, measured = [], [], []
    for degree in DEGREES:
        coefs = np.polyfit(u, y, int(degree))  # shape (degree + 1, N_SETS): every set at once
        preds = np.vander(u_grid, int(degree) + 1) @ coefs  # (grid, N_SETS)
        mean_pred = preds.mean(axis=1)
        bias2.append(float(np.mean((mean_pred - f_grid) ** 2)))
        variance.append(float(np.mean(preds.var(axis=1))))
        measured.append(float(np.mean((preds - y_test) ** 2)))

    bias2_a, variance_a = np.array(bias2), np.array(variance)
    noise = SIGMA**2
    total = bias2_a + variance_a + noise
    return {
        "degrees": DEGREES.copy(),
        "bias2": bias2_a,
        "variance": variance_a,
        "noise": noise,
        "total": total,
        "measured_test_mse": np.array(measured),
        "best_degree": int(DEGREES[np.argmin(total)]),
        "n_sets": N_SETS,
    }


def key_numbers(data: dict) -> dict[str, str]:
    degrees, total = data["degrees"], data["total"]
    best = data["best_degree"]
    i = int(np.flatnonzero(degrees == best)[0])
    return {
        "best_degree": str(best),
        "total_best": f"{total[i]:.2f}",
        "total_first": f"{total[0]:.2f}",
        "total_last": f"{total[-1]:.2f}",
        "bias2_first": f"{data['bias2'][0]:.2f}",
        "variance_last": f"{data['variance'][-1]:.2f}",
        "noise": f"{data['noise']:.2f}",
    }


def plot(data: dict):
    d = data["degrees"]
    fig = st.new_figure()
    ax = fig.add_subplot()
    ax.plot(d, data["total"], color=st.BLACK, marker="o", label="expected test error (sum)")
    ax.plot(
        d,
        data["measured_test_mse"],
        ls="none",
        marker="x",
        ms=8,
        mew=1.6,
        color=st.PURPLE,
        label="test error measured on fresh data",
    )
    ax.plot(d, data["bias2"], color=st.BLUE, ls="--", marker="s", ms=5, label="bias²")
    ax.plot(d, data["variance"], color=st.VERMILION, ls="-.", marker="^", ms=6, label="variance")
    ax.axhline(data["noise"], color=st.GREEN, ls=":", lw=2.2, label="irreducible noise σ²")
    best = data["best_degree"]
    ax.axvline(best, color=st.MUTED, lw=1.0, ls=(0, (4, 3)))
    ax.annotate(
        f"best degree: {best}",
        (best, 0.6),
        xytext=(5, 0),
        textcoords="offset points",
        va="center",
        fontsize=11,
        color=st.INK,
    )
    ax.set_xticks(d)
    st.panel(
        ax,
        f"Error decomposition over {data['n_sets']:,} training sets of 20 points",
        "polynomial degree (model complexity)",
        "mean squared error",
        xlim=(d[0] - 0.3, d[-1] + 0.3),
        ylim=(0, 1.0),
    )
    ax.legend(loc="upper center", ncols=2)
    return fig
