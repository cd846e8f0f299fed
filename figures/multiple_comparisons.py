"""Multiple comparisons: uncorrected testing versus Bonferroni versus Benjamini-Hochberg.

Each simulated experiment runs m independent two-sided z-tests at alpha = 0.05. A test's
statistic is N(0, 1) when its null hypothesis is true and N(3, 1) when there is a real
effect; its p-value is 2 * (1 - Phi(|z|)). We repeat every experiment 20,000 times.

- Left panel, every null true: the chance of at least one false positive (the family-wise
  error rate). Uncorrected it is 1 - 0.95^m, which passes 50 % at m = 14; Bonferroni (reject
  when p <= alpha / m) holds it at or below alpha; Benjamini-Hochberg also holds it at alpha
  here, because with no real effects any discovery is a false one.
- Right panel, one test in ten has a real effect: the false discovery rate (the average
  share of false positives among the rejections). Uncorrected testing lets it grow to
  about a third; Benjamini-Hochberg keeps it near alpha times the share of true nulls while
  finding far more of the real effects than Bonferroni does.

Benjamini-Hochberg: sort the m p-values, find the largest k with p_(k) <= k alpha / m, and
reject the k smallest.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "multiple-comparisons"
SEED = 29
ALPHA = 0.05
N_REPS = 20_000
M_NULL = (1, 2, 5, 10, 20, 50, 100, 200)
M_MIXED = (10, 20, 50, 100, 200)
EFFECT_EVERY = 10  # in the mixed setting, tests 0, 10, 20, ... have a real effect
EFFECT_Z = 3.0
CHUNK = 2_000  # experiments simulated at a time

_erfc = np.frompyfunc(math.erfc, 1, 1)


def two_sided_p(z: np.ndarray) -> np.ndarray:
    """P(|Z| >= |z|) for Z ~ N(0, 1), which is erfc(|z| / sqrt 2)."""
    return _erfc(np.abs(z) / math.sqrt(2.0)).astype(float)


def reject_uncorrected(p: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    return p <= alpha


def reject_bonferroni(p: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    return p <= alpha / p.shape[-1]


def reject_bh(p: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    """Benjamini-Hochberg step-up procedure, one experiment per row."""
    m = p.shape[-1]
    sorted_p = np.sort(p, axis=-1)
    below = sorted_p <= alpha * np.arange(1, m + 1) / m
    # k = the largest rank whose p-value is under its line (0 when none is).
    k = np.where(below.any(axis=-1), m - np.argmax(below[:, ::-1], axis=-1), 0)
    cutoff = np.where(k > 0, sorted_p[np.arange(len(p)), np.maximum(k - 1, 0)], -1.0)
    return p <= cutoff[:, None]


METHODS = {
    "uncorrected": reject_uncorrected,
    "Bonferroni": reject_bonferroni,
    "Benjamini-Hochberg": reject_bh,
}


def _simulate(rng: np.random.Generator, m: int, effect: np.ndarray) -> dict:
    """Run N_REPS experiments of m tests; ``effect[j]`` is the mean of test j's z."""
    any_false = {k: 0 for k in METHODS}
    false_disc = {k: 0.0 for k in METHODS}
    fdp_sum = {k: 0.0 for k in METHODS}
    true_disc = {k: 0.0 for k in METHODS}
    is_null = effect == 0
    for start in range(0, N_REPS, CHUNK):
        rows = min(CHUNK, N_REPS - start)
        p = two_sided_p(rng.standard_normal((rows, m)) + effect)
        for name, rule in METHODS.items():
            rej = rule(p)
            v = (rej & is_null).sum(axis=1)  # false discoveries
            r = rej.sum(axis=1)  # all discoveries
            any_false[name] += int((v > 0).sum())
            false_disc[name] += float(v.sum())
            fdp_sum[name] += float((v / np.maximum(r, 1)).sum())
            true_disc[name] += float((rej & ~is_null).sum())
    n_real = int((~is_null).sum())
    return {
        "fwer": {k: any_false[k] / N_REPS for k in METHODS},
        "expected_false": {k: false_disc[k] / N_REPS for k in METHODS},
        "fdr": {k: fdp_sum[k] / N_REPS for k in METHODS},
        "power": {k: (true_disc[k] / (N_REPS * n_real) if n_real else math.nan) for k in METHODS},
    }


def compute(seed: int = SEED) -> dict:
    seq_null, seq_mixed = np.random.SeedSequence(seed).spawn(2)
    rng_null, rng_mixed = np.random.default_rng(seq_null), np.random.default_rng(seq_mixed)
    null = {m: _simulate(rng_null, m, np.zeros(m)) for m in M_NULL}
    mixed = {}
    for m in M_MIXED:
        effect = np.where(np.arange(m) % EFFECT_EVERY == 0, EFFECT_Z, 0.0)
        mixed[m] = _simulate(rng_mixed, m, effect)
    ms = np.array(M_NULL)
    return {
        "alpha": ALPHA,
        "n_reps": N_REPS,
        "m_null": ms,
        "m_mixed": np.array(M_MIXED),
        "null": {k: np.array([null[m]["fwer"][k] for m in M_NULL]) for k in METHODS},
        "null_expected_false": {
            k: np.array([null[m]["expected_false"][k] for m in M_NULL]) for k in METHODS
        },
        "theory_uncorrected": 1 - (1 - ALPHA) ** ms,
        "theory_bonferroni": 1 - (1 - ALPHA / ms) ** ms,
        "mixed_fdr": {k: np.array([mixed[m]["fdr"][k] for m in M_MIXED]) for k in METHODS},
        "mixed_power": {k: np.array([mixed[m]["power"][k] for m in M_MIXED]) for k in METHODS},
        "null_share": 1 - 1 / EFFECT_EVERY,
    }


def key_numbers(data: dict) -> dict[str, str]:
    i20 = int(np.flatnonzero(data["m_null"] == 20)[0])
    i200 = len(data["m_null"]) - 1
    j = len(data["m_mixed"]) - 1  # m = 200
    return {
        "unc_20": f"{data['null']['uncorrected'][i20]:.2f}",
        "unc_200": f"{data['null']['uncorrected'][i200]:.2f}",
        "bonf_200": f"{data['null']['Bonferroni'][i200]:.3f}",
        "bh_200": f"{data['null']['Benjamini-Hochberg'][i200]:.3f}",
        "fdr_unc": f"{data['mixed_fdr']['uncorrected'][j]:.2f}",
        "fdr_bh": f"{data['mixed_fdr']['Benjamini-Hochberg'][j]:.3f}",
        "power_bh": f"{data['mixed_power']['Benjamini-Hochberg'][j]:.2f}",
        "power_bonf": f"{data['mixed_power']['Bonferroni'][j]:.2f}",
    }


STYLE = {
    "uncorrected": {"color": st.VERMILION, "ls": "-", "marker": "o"},
    "Bonferroni": {"color": st.BLUE, "ls": "--", "marker": "s"},
    "Benjamini-Hochberg": {"color": st.GREEN, "ls": "-.", "marker": "^"},
}


def plot(data: dict):
    fig = st.new_figure()
    ax_fwer, ax_fdr = fig.subplots(1, 2)
    alpha = data["alpha"]
    for name, s in STYLE.items():
        line = {"color": s["color"], "ls": s["ls"], "marker": s["marker"], "ms": 5}
        ax_fwer.plot(data["m_null"], data["null"][name], label=name, **line)
        ax_fdr.plot(data["m_mixed"], data["mixed_fdr"][name], **line)
    ax_fwer.plot(
        data["m_null"],
        data["theory_uncorrected"],
        color=st.BLACK,
        lw=1.0,
        ls=":",
        label="1 − 0.95ᵐ",
    )
    for ax in (ax_fwer, ax_fdr):
        ax.axhline(alpha, color=st.MUTED, lw=1.0, ls=(0, (4, 3)))
        ax.set_xscale("log")
        ax.set_xlabel("number of tests m (log scale)")
        ax.set_ylim(0, 1.0)
        ax.text(
            ax.get_xlim()[1],
            alpha + 0.015,
            "α = 0.05",
            ha="right",
            va="bottom",
            fontsize=11,
            color=st.MUTED,
        )
    st.ticks_only(ax_fwer, data["m_null"], [str(m) for m in data["m_null"]])
    st.ticks_only(ax_fdr, data["m_mixed"], [str(m) for m in data["m_mixed"]])
    st.panel(ax_fwer, "All nulls true", y="P(at least one false positive)")
    st.panel(ax_fdr, "1 test in 10 has a real effect", y="false discovery rate", ylim=(0, 0.5))
    st.legend_below(fig, ax_fwer, ncols=4)
    return fig
