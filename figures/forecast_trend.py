"""Why boosted trees do not extrapolate a trend, and a classical model does.

One simulated monthly series: a level of 100, a trend of 1.5 units a month, a yearly
season of amplitude 12 and Gaussian noise with standard deviation 4. The first 96 months
train two models, which then forecast the next 24:

- gradient-boosted regression trees (squared loss, depth 2, written here in numpy so the
  figure needs no ML library), with the time index and the month of the year as features;
- additive Holt-Winters exponential smoothing (level, trend and season, the ETS(A,A,A)
  form), its three smoothing weights picked from a grid by in-sample one-step error.

Every split threshold on the time index lies inside the training range, so every month
after it lands in the same branch as the last training months: the trees repeat the
final year's level with its seasonal shape, and the two forecast years come out
identical while the truth climbs 18 units a year. Holt-Winters carries its estimated
trend forward.
"""

from __future__ import annotations

import itertools

import numpy as np

from figures import _style as st

NAME = "forecast-trend"
SEED = 7
N_MONTHS = 120
N_TRAIN = 96
SEASON = 12
LEVEL, SLOPE, AMPLITUDE, NOISE = 100.0, 1.5, 12.0, 4.0
# Boosting settings.
ROUNDS, RATE, DEPTH, MIN_LEAF = 200, 0.1, 2, 3
# Holt-Winters grid.
ALPHAS = (0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
BETAS = (0.01, 0.05, 0.1, 0.2)
GAMMAS = (0.05, 0.1, 0.2, 0.3, 0.5)


def series(seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Months 0..N_MONTHS-1 and the simulated observations."""
    rng = np.random.default_rng(seed)
    t = np.arange(N_MONTHS, dtype=float)
    y = LEVEL + SLOPE * t + AMPLITUDE * np.sin(2 * np.pi * t / SEASON)
    return t, y + rng.normal(0.0, NOISE, N_MONTHS)


# --- gradient-boosted trees --------------------------------------------------------------


def _best_split(x: np.ndarray, r: np.ndarray) -> tuple[int, float, float] | None:
    """(feature, threshold, squared error) of the best split, or None if none is allowed.
    Thresholds are midpoints between neighbouring training values."""
    best = None
    for j in range(x.shape[1]):
        order = np.argsort(x[:, j], kind="stable")
        xs, rs = x[order, j], r[order]
        csum, csq = np.cumsum(rs), np.cumsum(rs**2)
        n = len(rs)
        for i in range(MIN_LEAF, n - MIN_LEAF + 1):
            if xs[i - 1] == xs[i]:
                continue
            left = csq[i - 1] - csum[i - 1] ** 2 / i
            right = (csq[-1] - csq[i - 1]) - (csum[-1] - csum[i - 1]) ** 2 / (n - i)
            sse = left + right
            if best is None or sse < best[2] - 1e-12:
                best = (j, (xs[i - 1] + xs[i]) / 2, sse)
    return best


def fit_tree(x: np.ndarray, r: np.ndarray, depth: int = DEPTH) -> dict:
    """A regression tree as nested dicts; leaves hold the mean residual."""
    split = _best_split(x, r) if depth > 0 else None
    if split is None:
        return {"value": float(r.mean())}
    j, thr, _ = split
    go_left = x[:, j] <= thr
    return {
        "feature": j,
        "threshold": thr,
        "left": fit_tree(x[go_left], r[go_left], depth - 1),
        "right": fit_tree(x[~go_left], r[~go_left], depth - 1),
    }


def predict_tree(tree: dict, x: np.ndarray) -> np.ndarray:
    if "value" in tree:
        return np.full(len(x), tree["value"])
    go_left = x[:, tree["feature"]] <= tree["threshold"]
    out = np.empty(len(x))
    out[go_left] = predict_tree(tree["left"], x[go_left])
    out[~go_left] = predict_tree(tree["right"], x[~go_left])
    return out


def thresholds(tree: dict, feature: int) -> list[float]:
    """Every split threshold the tree uses on one feature."""
    if "value" in tree:
        return []
    own = [tree["threshold"]] if tree["feature"] == feature else []
    return own + thresholds(tree["left"], feature) + thresholds(tree["right"], feature)


def boost(x: np.ndarray, y: np.ndarray) -> tuple[float, list[dict]]:
    """Gradient boosting with squared loss: each tree fits the current residuals."""
    base = float(y.mean())
    pred = np.full(len(y), base)
    trees = []
    for _ in range(ROUNDS):
        tree = fit_tree(x, y - pred)
        trees.append(tree)
        pred += RATE * predict_tree(tree, x)
    return base, trees


def predict_boost(model: tuple[float, list[dict]], x: np.ndarray) -> np.ndarray:
    base, trees = model
    return base + RATE * sum(predict_tree(tree, x) for tree in trees)


def features(t: np.ndarray) -> np.ndarray:
    return np.column_stack([t, t % SEASON])


# --- Holt-Winters ------------------------------------------------------------------------


def holt_winters(y: np.ndarray, alpha: float, beta: float, gamma: float, horizon: int):
    """Additive Holt-Winters. Returns (in-sample one-step SSE, forecasts for `horizon`).
    Starts from the first two seasons: level = first season's mean, trend = the change in
    seasonal means per month, seasonal terms = first season minus its mean."""
    m = SEASON
    level = y[:m].mean()
    trend = (y[m : 2 * m].mean() - y[:m].mean()) / m
    season = list(y[:m] - level)
    sse = 0.0
    for i in range(m, len(y)):
        s = season[i - m]
        sse += (y[i] - (level + trend + s)) ** 2
        new_level = alpha * (y[i] - s) + (1 - alpha) * (level + trend)
        trend = beta * (new_level - level) + (1 - beta) * trend
        season.append(gamma * (y[i] - new_level) + (1 - gamma) * s)
        level = new_level
    n = len(y)
    steps = np.arange(1, horizon + 1)
    seasonal = np.array([season[n - m + (h - 1) % m] for h in steps])
    return sse, level + steps * trend + seasonal


def fit_holt_winters(y: np.ndarray, horizon: int) -> dict:
    grid = itertools.product(ALPHAS, BETAS, GAMMAS)
    results = [(holt_winters(y, a, b, g, horizon), (a, b, g)) for a, b, g in grid]
    (_sse, forecast), params = min(results, key=lambda item: item[0][0])
    return {"params": params, "forecast": forecast}


# --- the figure's numbers ----------------------------------------------------------------


def compute(seed: int = SEED) -> dict:
    t, y = series(seed)
    train, test = slice(0, N_TRAIN), slice(N_TRAIN, None)
    model = boost(features(t[train]), y[train])
    trees_fit = predict_boost(model, features(t[train]))
    trees_forecast = predict_boost(model, features(t[test]))
    hw = fit_holt_winters(y[train], N_MONTHS - N_TRAIN)
    truth = y[test]
    return {
        "t": t,
        "y": y,
        "n_train": N_TRAIN,
        "trees_fit": trees_fit,
        "trees_forecast": trees_forecast,
        "hw_forecast": hw["forecast"],
        "hw_params": hw["params"],
        "time_thresholds": [thr for tree in model[1] for thr in thresholds(tree, 0)],
        "mae_trees": float(np.mean(np.abs(truth - trees_forecast))),
        "mae_hw": float(np.mean(np.abs(truth - hw["forecast"]))),
        "trees_year_change": float(trees_forecast[SEASON:].mean() - trees_forecast[:SEASON].mean()),
        "hw_year_change": float(hw["forecast"][SEASON:].mean() - hw["forecast"][:SEASON].mean()),
        "true_year_change": SLOPE * SEASON,
    }


def key_numbers(data: dict) -> dict[str, str]:
    return {
        "mae_trees": f"{data['mae_trees']:.1f}",
        "mae_hw": f"{data['mae_hw']:.1f}",
        "hw_year_change": f"{data['hw_year_change']:.1f}",
        "true_year_change": f"{data['true_year_change']:.0f}",
    }


def plot(data: dict):
    fig = st.new_figure()
    ax = fig.subplots()
    t, y, n = data["t"], data["y"], data["n_train"]
    ax.axvspan(t[n] - 0.5, t[-1] + 0.5, color=st.GRID, alpha=0.6, lw=0)
    ax.plot(t, y, color=st.BLACK, lw=1.4, marker="o", ms=2.5, label="observed")
    ax.plot(t[n:], data["hw_forecast"], color=st.BLUE, ls="-", label="Holt-Winters (ETS) forecast")
    ax.plot(
        t[:n], data["trees_fit"], color=st.VERMILION, ls=":", lw=1.6, label="boosted trees, fit"
    )
    ax.plot(
        t[n:], data["trees_forecast"], color=st.VERMILION, ls="--", label="boosted trees, forecast"
    )
    ax.text(t[n] + 1, y.min() + 2, "forecast\nperiod", fontsize=11, color=st.INK, va="bottom")
    ax.text(
        t[n] + 1,
        y.min() + 40,
        f"MAE\ntrees {data['mae_trees']:.1f}\nETS {data['mae_hw']:.1f}",
        fontsize=11,
        color=st.INK,
        va="bottom",
    )
    st.panel(
        ax,
        "Boosted trees forecast the trend flat; ETS carries it on",
        "month",
        "demand",
        xlim=(t[0] - 1, t[-1] + 1),
        legend="upper left",
    )
    return fig
