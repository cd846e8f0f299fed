"""Power of an A/B test on a conversion rate, analytic and simulated.

Control converts at 10 %; the treatment adds 1, 1.5 or 2 percentage points (and 0, to check
the false-positive rate). Each arm gets n users; the test is the two-sided pooled
two-proportion z-test at alpha = 0.05.

Analytic power uses the normal approximation: with p_bar = (p_a + p_b) / 2,
    se_0 = sqrt(2 p_bar (1 - p_bar) / n)        (spread of the difference if there is no effect)
    se_1 = sqrt((p_a (1 - p_a) + p_b (1 - p_b)) / n)   (its spread under the true effect)
    power = Phi((|p_b - p_a| - z_{1 - alpha/2} se_0) / se_1)
            + Phi((-|p_b - p_a| - z_{1 - alpha/2} se_0) / se_1)
The simulation draws both arms' conversion counts from binomial distributions 4,000 times per
point and runs the actual test.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "ab-power"
SEED = 41
ALPHA = 0.05
BASE_RATE = 0.10
LIFTS = (0.01, 0.015, 0.02)  # absolute lifts, in conversion-rate units
N_SIM_GRID = (500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000)
N_CURVE = np.geomspace(300, 40_000, 160)
N_SIMS = 4_000
TARGET_POWER = 0.8


def norm_cdf(x):
    """Standard normal CDF (scalar or array)."""
    x = np.asarray(x, dtype=float)
    return 0.5 * np.vectorize(math.erfc)(-x / math.sqrt(2.0))


def norm_ppf(q: float) -> float:
    """Inverse of the standard normal CDF, by bisection (to about 1e-12)."""
    lo, hi = -40.0, 40.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if 0.5 * math.erfc(-mid / math.sqrt(2.0)) < q:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def analytic_power(n, p_a: float, p_b: float, alpha: float = ALPHA):
    n = np.asarray(n, dtype=float)
    z = norm_ppf(1 - alpha / 2)
    p_bar = 0.5 * (p_a + p_b)
    se0 = np.sqrt(2 * p_bar * (1 - p_bar) / n)
    se1 = np.sqrt((p_a * (1 - p_a) + p_b * (1 - p_b)) / n)
    diff = abs(p_b - p_a)
    return norm_cdf((diff - z * se0) / se1) + norm_cdf((-diff - z * se0) / se1)


def sample_size_for_power(p_a: float, p_b: float, power: float = TARGET_POWER) -> int:
    """Smallest n per arm whose analytic power reaches ``power`` (the textbook formula)."""
    z_a, z_b = norm_ppf(1 - ALPHA / 2), norm_ppf(power)
    p_bar = 0.5 * (p_a + p_b)
    num = z_a * math.sqrt(2 * p_bar * (1 - p_bar)) + z_b * math.sqrt(
        p_a * (1 - p_a) + p_b * (1 - p_b)
    )
    return math.ceil((num / (p_b - p_a)) ** 2)


def simulated_power(
    rng: np.random.Generator, n: int, p_a: float, p_b: float, sims: int = N_SIMS
) -> float:
    """Share of simulated experiments in which the pooled z-test rejects."""
    conv_a = rng.binomial(n, p_a, sims)
    conv_b = rng.binomial(n, p_b, sims)
    rate_a, rate_b = conv_a / n, conv_b / n
    pooled = (conv_a + conv_b) / (2 * n)
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    z = (rate_b - rate_a) / se
    return float(np.mean(np.abs(z) > norm_ppf(1 - ALPHA / 2)))


def compute(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    out: dict = {
        "alpha": ALPHA,
        "base_rate": BASE_RATE,
        "lifts": LIFTS,
        "n_curve": N_CURVE,
        "n_sim": np.array(N_SIM_GRID),
        "n_sims": N_SIMS,
        "analytic": {},
        "analytic_at_sim": {},
        "simulated": {},
        "n_for_80": {},
    }
    for lift in LIFTS:
        p_b = BASE_RATE + lift
        out["analytic"][lift] = analytic_power(N_CURVE, BASE_RATE, p_b)
        out["simulated"][lift] = np.array(
            [simulated_power(rng, n, BASE_RATE, p_b) for n in N_SIM_GRID]
        )
        out["analytic_at_sim"][lift] = analytic_power(np.array(N_SIM_GRID), BASE_RATE, p_b)
        out["n_for_80"][lift] = sample_size_for_power(BASE_RATE, p_b)
    out["null_rejection"] = np.array(
        [simulated_power(rng, n, BASE_RATE, BASE_RATE) for n in N_SIM_GRID]
    )
    return out


def key_numbers(data: dict) -> dict[str, str]:
    out = {}
    for lift in data["lifts"]:
        label = f"{lift * 100:g}"
        out[f"n80_{label}"] = f"{data['n_for_80'][lift]:,}"
    gaps = [
        np.max(np.abs(data["simulated"][k] - data["analytic_at_sim"][k])) for k in data["lifts"]
    ]
    out["max_gap"] = f"{max(gaps):.3f}"
    return out


STYLE = {
    0.01: {"color": st.VERMILION, "ls": "-", "marker": "o"},
    0.015: {"color": st.BLUE, "ls": "--", "marker": "s"},
    0.02: {"color": st.GREEN, "ls": "-.", "marker": "^"},
}


def plot(data: dict):
    fig = st.new_figure()
    ax = fig.add_subplot()
    for lift in data["lifts"]:
        s = STYLE[lift]
        rates = f"{100 * data['base_rate']:g} % → {100 * (data['base_rate'] + lift):g} %"
        ax.plot(
            data["n_curve"],
            data["analytic"][lift],
            color=s["color"],
            ls=s["ls"],
            label=f"{rates}: 80 % at {data['n_for_80'][lift]:,}",
        )
        ax.plot(
            data["n_sim"],
            data["simulated"][lift],
            ls="none",
            marker=s["marker"],
            ms=7,
            mfc="white",
            mec=s["color"],
            mew=1.6,
        )
    ax.plot(
        data["n_sim"],
        data["null_rejection"],
        ls=":",
        marker="x",
        color=st.BLACK,
        lw=1.2,
        ms=7,
        label="no effect: rejects ≈ 5 %",
    )
    ax.plot(
        [],
        [],
        ls="none",
        marker="o",
        mfc="white",
        mec=st.MUTED,
        mew=1.6,
        ms=7,
        label="markers: simulation",
    )
    ax.axhline(TARGET_POWER, color=st.MUTED, lw=1.0, ls=(0, (4, 3)))
    ax.text(
        data["n_curve"][-1] / 1.05,
        TARGET_POWER - 0.02,
        "80 % power",
        fontsize=11,
        color=st.MUTED,
        ha="right",
        va="top",
    )
    ticks = [300, 1_000, 3_000, 10_000, 30_000]
    st.log_axis(ax, ticks, [f"{t:,}" for t in ticks])
    st.panel(
        ax,
        "Control converts at 10 %; two-sided z-test at α = 0.05",
        "users per arm (log scale)",
        "power: P(test detects the lift)",
        xlim=(data["n_curve"][0], data["n_curve"][-1]),
        ylim=(0, 1.02),
        legend="upper left",
    )
    return fig
