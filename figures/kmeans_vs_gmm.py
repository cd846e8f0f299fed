"""k-means against a Gaussian mixture on two long, thin, parallel groups.

Two groups of 150 points each are drawn from Gaussians with the same shape, standard
deviation 3 along x and 0.3 along y, centred at y = -1 and y = +1. The groups are far apart
in y relative to their thickness, so a model that learns each group's covariance separates
them. k-means with k = 2 (k-means++ seeding, ten restarts, lowest inertia kept) instead cuts
the data into a left and a right half. That is not a bad local optimum: the true grouping
has about twice the within-cluster sum of squares of the left-right cut, so the k-means
objective itself prefers the wrong answer. A two-component mixture with full covariances,
fitted by EM from ten random starts (highest log-likelihood kept), recovers the groups.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import Ellipse

from figures import _style as st

NAME = "kmeans-vs-gmm"
SEED = 17
N_PER_GROUP = 150
CENTRES = np.array([[0.0, -1.0], [0.0, 1.0]])
SHAPE = np.diag([3.0**2, 0.3**2])  # the covariance both groups share
RESTARTS = 10
MAX_ITER = 500
COV_FLOOR = 1e-6  # added to each covariance diagonal, so no component can collapse


def make_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The points and their true group (0 or 1)."""
    groups = [rng.multivariate_normal(c, SHAPE, N_PER_GROUP) for c in CENTRES]
    labels = np.repeat([0, 1], N_PER_GROUP)
    return np.vstack(groups), labels


def inertia(x: np.ndarray, labels: np.ndarray) -> float:
    """Within-cluster sum of squared distances to each cluster's mean."""
    return float(sum(((x[labels == j] - x[labels == j].mean(0)) ** 2).sum() for j in (0, 1)))


def lloyd(x: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list]:
    """One k-means run with k = 2 from k-means++ seeding: centres, labels, inertia per step."""
    first = x[rng.integers(len(x))]
    d2 = ((x - first) ** 2).sum(1)
    centres = np.array([first, x[rng.choice(len(x), p=d2 / d2.sum())]])
    history = []
    for _ in range(MAX_ITER):
        labels = ((x[:, None, :] - centres[None]) ** 2).sum(-1).argmin(1)
        history.append(float(((x - centres[labels]) ** 2).sum()))
        new = np.array([x[labels == j].mean(0) for j in (0, 1)])
        if np.allclose(new, centres):
            break
        centres = new
    return centres, labels, history


def kmeans(x: np.ndarray, rng: np.random.Generator) -> dict:
    """The best of several k-means runs, by inertia."""
    runs = [lloyd(x, rng) for _ in range(RESTARTS)]
    centres, labels, history = min(runs, key=lambda r: r[2][-1])
    return {"centres": centres, "labels": labels, "history": history}


def log_gauss(x: np.ndarray, mean: np.ndarray, cov: np.ndarray) -> np.ndarray:
    """Log density of a 2-D Gaussian at each row of x."""
    chol = np.linalg.cholesky(cov)
    z = np.linalg.solve(chol, (x - mean).T)
    return -0.5 * (z**2).sum(0) - np.log(np.diag(chol)).sum() - math.log(2 * math.pi)


def responsibilities(
    x: np.ndarray, weights: np.ndarray, means: np.ndarray, covs: np.ndarray
) -> tuple[np.ndarray, float]:
    """E-step: each point's membership probabilities, and the data's log-likelihood."""
    parts = zip(weights, means, covs, strict=True)
    logp = np.stack([np.log(w) + log_gauss(x, m, c) for w, m, c in parts], 1)
    top = logp.max(1, keepdims=True)
    resp = np.exp(logp - top)
    total = resp.sum(1, keepdims=True)
    return resp / total, float((top + np.log(total)).sum())


def em_run(x: np.ndarray, rng: np.random.Generator) -> dict:
    """EM for a two-component, full-covariance mixture from random points as means."""
    means = x[rng.choice(len(x), 2, replace=False)]
    covs = np.array([np.cov(x.T)] * 2)
    weights = np.full(2, 0.5)
    history: list[float] = []
    for _ in range(MAX_ITER):
        resp, loglik = responsibilities(x, weights, means, covs)
        history.append(loglik)
        if len(history) > 1 and history[-1] - history[-2] < 1e-9:
            break
        nk = resp.sum(0)
        weights = nk / len(x)
        means = (resp.T @ x) / nk[:, None]
        covs = np.array(
            [
                (resp[:, j, None] * (x - means[j])).T @ (x - means[j]) / nk[j]
                + COV_FLOOR * np.eye(2)
                for j in (0, 1)
            ]
        )
    return {"weights": weights, "means": means, "covs": covs, "resp": resp, "history": history}


def gmm(x: np.ndarray, rng: np.random.Generator) -> dict:
    """The best of several EM runs, by final log-likelihood."""
    return max((em_run(x, rng) for _ in range(RESTARTS)), key=lambda r: r["history"][-1])


def agreement(labels: np.ndarray, truth: np.ndarray) -> float:
    """Share of points grouped as in the truth, under the better matching of the two names."""
    same = float((labels == truth).mean())
    return max(same, 1.0 - same)


def compute(seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    x, truth = make_data(rng)
    km = kmeans(x, rng)
    mix = gmm(x, rng)
    return {
        "x": x,
        "truth": truth,
        "kmeans": km,
        "gmm": mix,
        "kmeans_agreement": agreement(km["labels"], truth),
        "gmm_agreement": agreement(mix["resp"].argmax(1), truth),
        "kmeans_inertia": km["history"][-1],
        "true_inertia": inertia(x, truth),
    }


def key_numbers(data: dict) -> dict[str, str]:
    return {
        "kmeans": f"{data['kmeans_agreement']:.0%}",
        "gmm": f"{data['gmm_agreement']:.0%}",
        "kmeans_inertia": f"{data['kmeans_inertia']:,.0f}",
        "true_inertia": f"{data['true_inertia']:,.0f}",
    }


def _ellipse(ax, mean: np.ndarray, cov: np.ndarray, colour: str) -> None:
    """The two-standard-deviation contour of a 2-D Gaussian."""
    vals, vecs = np.linalg.eigh(cov)
    angle = math.degrees(math.atan2(vecs[1, 1], vecs[0, 1]))
    width, height = 4 * math.sqrt(vals[1]), 4 * math.sqrt(vals[0])
    ax.add_patch(Ellipse(mean, width, height, angle=angle, fill=False, color=colour, lw=2))


def plot(data: dict):
    fig = st.new_figure()
    left, right = fig.subplots(1, 2, sharex=True, sharey=True)
    x = data["x"]
    styles = [(st.BLUE, "o"), (st.VERMILION, "^")]
    km_labels = data["kmeans"]["labels"]
    mix_labels = data["gmm"]["resp"].argmax(1)
    for ax, labels in ((left, km_labels), (right, mix_labels)):
        for j, (colour, marker) in enumerate(styles):
            pts = x[labels == j]
            ax.scatter(pts[:, 0], pts[:, 1], s=12, color=colour, marker=marker, lw=0)
        ax.set_xlabel("feature 1")
    for centre in data["kmeans"]["centres"]:
        left.scatter(*centre, s=160, marker="X", color=st.BLACK, edgecolor="white", lw=1)
    mix = data["gmm"]
    for mean, cov in zip(mix["means"], mix["covs"], strict=True):
        _ellipse(right, mean, cov, st.BLACK)
    left.set_ylabel("feature 2")
    left.set_title(f"k-means, k = 2: {data['kmeans_agreement']:.0%} match", fontsize=11)
    right.set_title(f"Gaussian mixture: {data['gmm_agreement']:.0%} match", fontsize=11)
    left.set_ylim(-3.2, 3.2)
    return fig
