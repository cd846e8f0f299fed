"""The central limit theorem on a skewed distribution.

Draws come from the exponential distribution with mean 1 (standard deviation 1, skewness 2):
most values are small and a few are large. For each sample size n in 1, 5, 30 and 200 we
draw 40,000 samples of size n and take each sample's mean. Standardised as
z = (mean - 1) * sqrt(n), the sampling distribution of the mean approaches N(0, 1), and its
skewness shrinks like 2 / sqrt(n) (the skewness of a mean of n independent copies is the
skewness of one copy divided by sqrt(n)).
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "clt"
SEED = 17
SAMPLE_SIZES = (1, 5, 30, 200)
N_MEANS = 40_000
CHUNK = 5_000  # samples drawn at a time, to bound memory
POP_SKEW = 2.0  # skewness of the exponential distribution
BIN_EDGES = np.linspace(-3.5, 5.0, 69)


def skewness(x: np.ndarray) -> float:
    d = x - x.mean()
    return float(np.mean(d**3) / np.mean(d**2) ** 1.5)


def sample_means(rng: np.random.Generator, n: int, count: int = N_MEANS) -> np.ndarray:
    """``count`` means of samples of size ``n`` from Exponential(1)."""
    chunks = []
    for start in range(0, count, CHUNK):
        rows = min(CHUNK, count - start)
        chunks.append(rng.exponential(1.0, size=(rows, n)).mean(axis=1))
    return np.concatenate(chunks)


def normal_pdf(z: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)


def compute(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    widths = np.diff(BIN_EDGES)
    out: dict = {"sample_sizes": SAMPLE_SIZES, "bin_edges": BIN_EDGES, "panels": {}}
    for n in SAMPLE_SIZES:
        means = sample_means(rng, n)
        z = (means - 1.0) * math.sqrt(n)  # population mean 1 and sd 1
        counts, _ = np.histogram(z, bins=BIN_EDGES)
        # The largest gap between the histogram and the normal curve, as a shape distance.
        centres = 0.5 * (BIN_EDGES[1:] + BIN_EDGES[:-1])
        density = counts / (len(z) * widths)
        out["panels"][n] = {
            "density": density,
            "skewness": skewness(means),
            "theory_skewness": POP_SKEW / math.sqrt(n),
            "mean": float(means.mean()),
            "sd_of_mean": float(means.std()),
            "max_density_gap": float(np.max(np.abs(density - normal_pdf(centres)))),
        }
    return out


def key_numbers(data: dict) -> dict[str, str]:
    return {f"skew_{n}": f"{p['skewness']:.2f}" for n, p in data["panels"].items()}


def plot(data: dict):
    fig = st.new_figure()
    axes = fig.subplots(2, 2, sharex=True, sharey=True).ravel()
    edges = data["bin_edges"]
    z = np.linspace(edges[0], edges[-1], 200)
    for ax, n in zip(axes, data["sample_sizes"], strict=True):
        p = data["panels"][n]
        ax.stairs(p["density"], edges, fill=True, color=st.SKY, alpha=0.55)
        ax.stairs(
            p["density"], edges, color=st.BLUE, lw=1.2, label="simulated means" if n == 1 else None
        )
        ax.plot(
            z,
            normal_pdf(z),
            color=st.VERMILION,
            ls="--",
            lw=1.8,
            label="normal N(0, 1)" if n == 1 else None,
        )
        ax.set_title(
            f"n = {n}: skew {p['skewness']:.2f} (theory {p['theory_skewness']:.2f})",
            fontsize=11,
        )
        ax.set_xlim(edges[0], edges[-1])
        ax.set_ylim(0, 1.08)
    fig.supxlabel("standardised sample mean: (mean − 1)·√n", fontsize=12)
    fig.supylabel("density", fontsize=12)
    axes[0].legend(loc="upper right", fontsize=11)
    return fig
