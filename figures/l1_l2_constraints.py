"""Why L1 gives zeros and L2 does not: constraint regions against least-squares contours.

A two-feature least-squares problem (100 rows, features correlated at about 0.5) has the loss
L(w) = mean((y - X w)^2), whose contours are ellipses centred on the unpenalised fit w_ols.
Regularisation in its constrained form minimises L(w) subject to ||w||_1 <= t (lasso) or
||w||_2 <= t (ridge), here with t = 1. The constrained optimum is where the smallest loss
ellipse first touches the region. The L1 region is a diamond whose corners sit on the axes,
so the touching point is often a corner, where one weight is exactly zero; the L2 region is
a disc with no corners, so the touching point generally has both weights non-zero.

Both optima are computed exactly: the L1 one by minimising the quadratic loss along each of
the diamond's four edges in closed form, the L2 one by solving (H + mu I) w = H w_ols with
the multiplier mu found by bisection so that ||w||_2 = t.
"""

from __future__ import annotations

import numpy as np

from figures import _style as st

NAME = "l1-l2-constraints"
SEED = 5
RADIUS = 1.0
N_ROWS = 100
W_TRUE = np.array([2.0, 0.4])
# The loss grid and levels are rounded before contouring: CPUs whose BLAS kernels differ
# give values that differ in the last bits, enough to change which contour points
# matplotlib's path simplification keeps, and so the SVG's bytes.
DIGITS = 9


def make_problem(seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Correlated features and a noisy linear target."""
    rng = np.random.default_rng(seed)
    cov = np.array([[1.0, 0.5], [0.5, 1.0]])
    x = rng.multivariate_normal(np.zeros(2), cov, size=N_ROWS)
    y = x @ W_TRUE + 0.5 * rng.standard_normal(N_ROWS)
    return x, y


def quadratic_form(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Write L(w) = (w - w_ols)^T H (w - w_ols) + L_min with H = X^T X / n."""
    h = x.T @ x / len(x)
    w_ols = np.linalg.solve(x.T @ x, x.T @ y)
    l_min = float(np.mean((y - x @ w_ols) ** 2))
    return h, w_ols, l_min


def loss(w: np.ndarray, h: np.ndarray, w_ols: np.ndarray, l_min: float) -> np.ndarray:
    """Loss at one point (shape (2,)) or many (shape (..., 2))."""
    diff = np.asarray(w) - w_ols
    return np.einsum("...i,ij,...j->...", diff, h, diff) + l_min


def l1_optimum(h: np.ndarray, w_ols: np.ndarray, t: float) -> np.ndarray:
    """argmin of the quadratic over {||w||_1 <= t}, exactly."""
    if np.abs(w_ols).sum() <= t:
        return w_ols.copy()
    # The optimum lies on the boundary: check each edge from corner a to corner b.
    corners = [np.array(c, dtype=float) * t for c in ((1, 0), (0, 1), (-1, 0), (0, -1))]
    best, best_val = None, np.inf
    for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
        direction = b - a
        # L(a + s d) is a 1-D quadratic in s; minimise it on [0, 1].
        curvature = direction @ h @ direction
        slope = direction @ h @ (a - w_ols)
        s = float(np.clip(-slope / curvature, 0.0, 1.0))
        w = a + s * direction
        if s in (0.0, 1.0):
            w = a.copy() if s == 0.0 else b.copy()  # an exact corner: keep its exact zero
        val = float((w - w_ols) @ h @ (w - w_ols))
        if val < best_val:
            best, best_val = w, val
    return best


def l2_optimum(h: np.ndarray, w_ols: np.ndarray, t: float) -> np.ndarray:
    """argmin of the quadratic over {||w||_2 <= t}: ridge with the multiplier that meets t."""
    if np.linalg.norm(w_ols) <= t:
        return w_ols.copy()

    def ridge(mu: float) -> np.ndarray:
        return np.linalg.solve(h + mu * np.eye(2), h @ w_ols)

    lo, hi = 0.0, 1.0
    while np.linalg.norm(ridge(hi)) > t:  # ||ridge(mu)|| falls as mu grows
        hi *= 2.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if np.linalg.norm(ridge(mid)) > t else (lo, mid)
    return ridge(hi)


def compute(seed: int = SEED) -> dict:
    x, y = make_problem(seed)
    h, w_ols, l_min = quadratic_form(x, y)
    w_l1 = l1_optimum(h, w_ols, RADIUS)
    w_l2 = l2_optimum(h, w_ols, RADIUS)
    return {
        "h": h,
        "w_ols": w_ols,
        "l_min": l_min,
        "radius": RADIUS,
        "w_l1": w_l1,
        "w_l2": w_l2,
        "loss_l1": float(loss(w_l1, h, w_ols, l_min)),
        "loss_l2": float(loss(w_l2, h, w_ols, l_min)),
        "feature_corr": float(np.corrcoef(x.T)[0, 1]),
    }


def key_numbers(data: dict) -> dict[str, str]:
    w_ols, w_l1, w_l2 = data["w_ols"], data["w_l1"], data["w_l2"]
    return {
        "ols": f"({w_ols[0]:.2f}, {w_ols[1]:.2f})",
        "l1": f"({w_l1[0]:.2f}, {w_l1[1]:.2f})",
        "l2": f"({w_l2[0]:.2f}, {w_l2[1]:.2f})",
    }


def _panel(ax, data: dict, grid, kind: str) -> None:
    h, w_ols, l_min, t = data["h"], data["w_ols"], data["l_min"], data["radius"]
    ww1, ww2, lgrid = grid
    w_opt = data["w_l1"] if kind == "L1" else data["w_l2"]
    touch = round(float(loss(w_opt, h, w_ols, l_min)), DIGITS)
    # Loss contours: a few ellipses inside and outside the one that touches the region.
    levels = np.round(l_min + (touch - l_min) * np.array([0.04, 0.25, 0.6, 1.6, 2.6]), DIGITS)
    ax.contour(ww1, ww2, lgrid, levels=levels, colors=st.MUTED, linewidths=0.9)
    ax.contour(ww1, ww2, lgrid, levels=[touch], colors=st.BLUE, linewidths=2.2)
    ax.plot([], [], color=st.MUTED, lw=0.9, label="loss contours")
    ax.plot([], [], color=st.BLUE, lw=2.2, label="contour that touches the region")
    if kind == "L1":
        region = np.array([[t, 0], [0, t], [-t, 0], [0, -t]])
        ax.fill(
            region[:, 0],
            region[:, 1],
            color=st.ORANGE,
            alpha=0.35,
            lw=0,
            label="allowed region (t = 1)",
        )
        ax.plot(*np.vstack([region, region[:1]]).T, color=st.VERMILION, lw=2)
        title = "L1 (lasso): |w₁| + |w₂| ≤ 1"
    else:
        theta = np.linspace(0, 2 * np.pi, 181)
        ax.fill(t * np.cos(theta), t * np.sin(theta), color=st.ORANGE, alpha=0.35, lw=0)
        ax.plot(t * np.cos(theta), t * np.sin(theta), color=st.VERMILION, lw=2)
        title = "L2 (ridge): w₁² + w₂² ≤ 1"
    ax.axhline(0, color=st.INK, lw=0.8)
    ax.axvline(0, color=st.INK, lw=0.8)
    ax.plot(*w_ols, marker="*", ms=14, color=st.BLACK, ls="none", label="unpenalised fit")
    ax.plot(
        *w_opt,
        marker="o",
        ms=9,
        color=st.BLUE,
        mec="white",
        mew=1.2,
        ls="none",
        label="constrained optimum",
    )
    ax.annotate(
        f"({w_opt[0]:.2f}, {w_opt[1]:.2f})",
        w_opt,
        xytext=(-8, -10),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=11,
        color=st.INK,
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
    )
    ax.set_title(title)
    ax.set_xlabel("weight w₁")
    ax.set_aspect("equal")


def plot(data: dict):
    h, w_ols, l_min = data["h"], data["w_ols"], data["l_min"]
    lo, hi = -1.3, 2.9
    axis = np.linspace(lo, hi, 161)
    ww1, ww2 = np.meshgrid(axis, axis)
    lgrid = np.round(loss(np.stack([ww1, ww2], axis=-1), h, w_ols, l_min), DIGITS)
    fig = st.new_figure()
    ax_l1, ax_l2 = fig.subplots(1, 2, sharex=True, sharey=True)
    for ax, kind in ((ax_l1, "L1"), (ax_l2, "L2")):
        _panel(ax, data, (ww1, ww2, lgrid), kind)
        ax.set_xlim(lo, hi)
        ax.set_ylim(-1.3, 2.0)
    ax_l1.set_ylabel("weight w₂")
    ax_l2.tick_params(labelleft=True)
    st.legend_below(fig, ax_l1, ncols=2)
    return fig
