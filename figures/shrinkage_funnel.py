"""Ranking by click-through rate: raw rates against empirical-Bayes shrunk rates.

A simulated catalogue of 5,000 items. Each item's true CTR is drawn from Beta(4, 196) (mean
2 %, prior strength 200); its impressions are log-uniform between 20 and 2,000; its clicks
are binomial. We then forget the true prior and fit one from the data by the method of
moments: the variance of the raw rates minus their average binomial noise estimates the
variance of the true rates, and a Beta with the observed mean and that variance gives
alpha and beta. Each item's shrunk rate is its posterior mean,
(clicks + alpha) / (impressions + alpha + beta).

- Left panel: raw CTR against impressions. Items with few impressions scatter widely (a
  funnel), so they crowd the top of a ranking by raw CTR.
- Right panel: the shrunk CTR of the same items. The funnel collapses, and the top of the
  ranking goes to items whose high rate is backed by data.

The printed numbers compare the two rankings' top 50 by the items' true CTR.
"""

from __future__ import annotations

import numpy as np

from figures import _style as st

NAME = "shrinkage-funnel"
SEED = 17
N_ITEMS = 5_000
TRUE_ALPHA, TRUE_BETA = 4.0, 196.0
MIN_IMPRESSIONS, MAX_IMPRESSIONS = 20, 2_000
TOP_K = 50
X_TICKS = (20, 50, 200, 500, 2_000)
N_PLOTTED = 300  # background points drawn per panel, besides the highlighted top 50


def posterior_mean(clicks, impressions, alpha: float, beta: float):
    """Posterior mean CTR under a Beta(alpha, beta) prior: pseudo-counts added to the data."""
    return (np.asarray(clicks) + alpha) / (np.asarray(impressions) + alpha + beta)


def fit_beta_moments(clicks: np.ndarray, impressions: np.ndarray) -> tuple[float, float]:
    """Method-of-moments Beta prior from many items' counts.

    The variance of raw rates is the variance of the true rates plus the average binomial
    noise p (1 - p) / n. Since E[r (1 - r)] = p (1 - p) (n - 1) / n for a raw rate r, the
    average of r (1 - r) / (n - 1) estimates that noise without bias.
    """
    raw = clicks / impressions
    mean = raw.mean()
    noise = np.mean(raw * (1 - raw) / (impressions - 1))
    true_var = raw.var() - noise
    if true_var <= 0:
        raise ValueError("raw rates vary no more than binomial noise; no prior can be fitted")
    strength = mean * (1 - mean) / true_var - 1
    return float(mean * strength), float((1 - mean) * strength)


def _top(scores: np.ndarray, k: int = TOP_K) -> np.ndarray:
    """Indices of the k highest scores (ties broken by index, so the result is stable)."""
    return np.argsort(-scores, kind="stable")[:k]


def compute(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    true = rng.beta(TRUE_ALPHA, TRUE_BETA, N_ITEMS)
    log_lo, log_hi = np.log10(MIN_IMPRESSIONS), np.log10(MAX_IMPRESSIONS)
    impressions = np.round(10 ** rng.uniform(log_lo, log_hi, N_ITEMS)).astype(int)
    clicks = rng.binomial(impressions, true)
    raw = clicks / impressions
    alpha, beta = fit_beta_moments(clicks, impressions)
    shrunk = posterior_mean(clicks, impressions, alpha, beta)
    top_raw, top_shrunk, top_true = _top(raw), _top(shrunk), _top(true)
    plotted = rng.choice(N_ITEMS, N_PLOTTED, replace=False)
    return {
        "true": true,
        "impressions": impressions,
        "clicks": clicks,
        "raw": raw,
        "shrunk": shrunk,
        "alpha": alpha,
        "beta": beta,
        "prior_mean": alpha / (alpha + beta),
        "strength": alpha + beta,
        "mse_raw": float(np.mean((raw - true) ** 2)),
        "mse_shrunk": float(np.mean((shrunk - true) ** 2)),
        "top_raw": top_raw,
        "top_shrunk": top_shrunk,
        "top_true_ctr": {
            "raw": float(true[top_raw].mean()),
            "shrunk": float(true[top_shrunk].mean()),
            "best": float(true[top_true].mean()),
        },
        "top_median_impressions": {
            "raw": float(np.median(impressions[top_raw])),
            "shrunk": float(np.median(impressions[top_shrunk])),
        },
        "plotted": plotted,
    }


def key_numbers(data: dict) -> dict[str, str]:
    ctr = data["top_true_ctr"]
    imp = data["top_median_impressions"]
    return {
        "strength": f"{data['strength']:.0f}",
        "mse_ratio": f"{data['mse_shrunk'] / data['mse_raw']:.2f}",
        "top_raw": f"{100 * ctr['raw']:.1f}",
        "top_shrunk": f"{100 * ctr['shrunk']:.1f}",
        "top_best": f"{100 * ctr['best']:.1f}",
        "imp_raw": f"{imp['raw']:.0f}",
        "imp_shrunk": f"{imp['shrunk']:.0f}",
    }


def plot(data: dict):
    fig = st.new_figure()
    ax_raw, ax_shrunk = fig.subplots(1, 2, sharex=True, sharey=True)
    imp = data["impressions"]
    bg = data["plotted"]
    panels = (
        (ax_raw, data["raw"], data["top_raw"], "raw CTR = clicks / impressions"),
        (ax_shrunk, data["shrunk"], data["top_shrunk"], "shrunk CTR (posterior mean)"),
    )
    for ax, rate, top, title in panels:
        ax.plot(imp[bg], 100 * rate[bg], ls="", marker="o", ms=3, color=st.SKY, alpha=0.7)
        ax.plot(
            imp[top],
            100 * rate[top],
            ls="",
            marker="D",
            ms=4.5,
            color=st.VERMILION,
            label=f"top {TOP_K} by this estimate",
        )
        ax.axhline(
            100 * data["prior_mean"],
            color=st.MUTED,
            lw=1.0,
            ls=(0, (4, 3)),
            label=f"fitted prior mean ({100 * data['prior_mean']:.1f} %)",
        )
        st.log_axis(ax, X_TICKS, [f"{t:,}" for t in X_TICKS])
        st.panel(ax, title, "impressions (log scale)")
    st.panel(ax_raw, y="click-through rate (%)", ylim=(0, None))
    st.legend_below(fig, ax_raw, ncols=2)
    return fig
