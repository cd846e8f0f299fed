"""Forward versus reverse KL: fitting one Gaussian to a two-peaked target.

The target p is an equal mixture of N(-3, 1) and N(3, 1), two peaks six standard deviations
apart. We fit a single Gaussian q two ways, computing every integral on a fine grid:

- Forward KL, KL(p || q), averages over p, so q pays heavily wherever p has mass and q has
  little. For a Gaussian q its minimiser matches the mean and variance of p (moment
  matching): mean 0 and standard deviation sqrt(1 + 9) = 3.16, a wide bump that covers both
  peaks and puts most of its mass in the gap, where p has almost none.
- Reverse KL, KL(q || p), averages over q, so q pays wherever it puts mass that p lacks. Its
  minimiser, found by a coarse-then-fine grid search over mean and standard deviation, sits
  on one peak with about that peak's width. By symmetry the mirror image on the other peak
  is equally good; the search covers non-negative means only. Its divergence is close to
  ln 2, the price of ignoring half of p.

Maximum likelihood minimises the forward direction; variational inference minimises the
reverse one, which is why variational posteriors tend to be too narrow.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "kl-directions"
PEAK = 3.0  # the two peaks sit at -PEAK and +PEAK
PEAK_SD = 1.0
GRID = np.linspace(-15.0, 15.0, 6001)
DX = float(GRID[1] - GRID[0])
COARSE_STEP = 0.05
FINE_STEP = 0.001
PLOT_EVERY = 10  # draw every 10th grid point (a step of 0.05)


def normal_pdf(x: np.ndarray, mean: float | np.ndarray, sd: float) -> np.ndarray:
    return np.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * math.sqrt(2.0 * math.pi))


def target() -> np.ndarray:
    """The two-peaked target density p on the grid."""
    return 0.5 * normal_pdf(GRID, -PEAK, PEAK_SD) + 0.5 * normal_pdf(GRID, PEAK, PEAK_SD)


def kl(a: np.ndarray, b: np.ndarray) -> float:
    """KL(a || b) for densities on the grid (a Riemann sum; the tails beyond +-15 are nil)."""
    mask = a > 0
    return float(np.sum(a[mask] * np.log(a[mask] / b[mask])) * DX)


def forward_fit(p: np.ndarray) -> tuple[float, float]:
    """The Gaussian minimising KL(p || q): p's own mean and standard deviation."""
    mean = float(np.sum(GRID * p) * DX)
    sd = math.sqrt(float(np.sum((GRID - mean) ** 2 * p) * DX))
    return mean, sd


def _reverse_search(
    p: np.ndarray, means: np.ndarray, sds: np.ndarray
) -> tuple[float, float, float]:
    """Smallest KL(q || p) over a grid of Gaussians q; returns (divergence, mean, sd)."""
    log_p = np.log(p)
    best = (math.inf, 0.0, 1.0)
    for sd in sds:
        z = (GRID[None, :] - means[:, None]) / sd
        log_q = -0.5 * z * z - math.log(sd * math.sqrt(2.0 * math.pi))
        values = np.sum(np.exp(log_q) * (log_q - log_p[None, :]), axis=1) * DX
        i = int(np.argmin(values))
        if values[i] < best[0]:
            best = (float(values[i]), float(means[i]), float(sd))
    return best


def reverse_fit(p: np.ndarray) -> tuple[float, float]:
    """The Gaussian with a non-negative mean minimising KL(q || p), to within FINE_STEP."""
    _, mean, sd = _reverse_search(
        p, np.arange(0.0, 5.0 + 1e-9, COARSE_STEP), np.arange(0.3, 5.0 + 1e-9, COARSE_STEP)
    )
    half = COARSE_STEP + 1e-9
    _, mean, sd = _reverse_search(
        p,
        np.arange(mean - COARSE_STEP, mean + half, FINE_STEP),
        np.arange(sd - COARSE_STEP, sd + half, FINE_STEP),
    )
    return mean, sd


def compute() -> dict:
    p = target()
    f_mean, f_sd = forward_fit(p)
    r_mean, r_sd = reverse_fit(p)
    q_f = normal_pdf(GRID, f_mean, f_sd)
    q_r = normal_pdf(GRID, r_mean, r_sd)
    centre = int(np.argmin(np.abs(GRID)))
    return {
        "x": GRID,
        "p": p,
        "q_forward": q_f,
        "q_reverse": q_r,
        "forward_mean": f_mean,
        "forward_sd": f_sd,
        "reverse_mean": r_mean,
        "reverse_sd": r_sd,
        "kl_p_qf": kl(p, q_f),  # what the forward fit minimises
        "kl_qf_p": kl(q_f, p),
        "kl_qr_p": kl(q_r, p),  # what the reverse fit minimises
        "kl_p_qr": kl(p, q_r),
        "p_at_centre": float(p[centre]),
        "qf_at_centre": float(q_f[centre]),
    }


def key_numbers(data: dict) -> dict[str, str]:
    return {
        "forward_sd": f"{data['forward_sd']:.2f}",
        "reverse_mean": f"{data['reverse_mean']:.2f}",
        "reverse_sd": f"{data['reverse_sd']:.2f}",
        "kl_p_qf": f"{data['kl_p_qf']:.2f}",
        "kl_qf_p": f"{data['kl_qf_p']:.2f}",
        "kl_qr_p": f"{data['kl_qr_p']:.2f}",
        "kl_p_qr": f"{data['kl_p_qr']:.2f}",
        "p_at_centre": f"{data['p_at_centre']:.3f}",
        "qf_at_centre": f"{data['qf_at_centre']:.3f}",
    }


def plot(data: dict):
    fig = st.new_figure()
    left, right = fig.subplots(1, 2, sharey=True)
    show = slice(None, None, PLOT_EVERY)  # thin the grid for drawing: keeps the SVG small
    x, p = data["x"][show], data["p"][show]
    panels = (
        (
            left,
            data["q_forward"],
            st.VERMILION,
            "--",
            "forward: min KL(p‖q)",
            f"KL(p‖q) = {data['kl_p_qf']:.2f}\nKL(q‖p) = {data['kl_qf_p']:.2f}",
        ),
        (
            right,
            data["q_reverse"],
            st.GREEN,
            "-.",
            "reverse: min KL(q‖p)",
            f"KL(q‖p) = {data['kl_qr_p']:.2f}\nKL(p‖q) = {data['kl_p_qr']:.2f}",
        ),
    )
    for ax, q_full, colour, dash, title, note in panels:
        q = q_full[show]
        ax.fill_between(x, p, color=st.SKY, alpha=0.45, lw=0)
        ax.plot(x, p, color=st.BLUE, lw=1.6, label="target p")
        ax.plot(x, q, color=colour, ls=dash, lw=2.2, label="Gaussian fit q")
        ax.text(-7.6, 0.6, note, va="top", ha="left", fontsize=11, color=st.INK)
        st.panel(ax, title, "x", xlim=(-8, 8), ylim=(0, 0.62), legend="upper right")
    left.set_ylabel("density")
    return fig
