"""SGD, momentum and Adam on an ill-conditioned valley.

The loss is the quadratic L(w) = 0.5 (0.2 w1^2 + 20 w2^2): 100 times steeper across the
valley (w2) than along it (w1). Every optimiser starts at (-8, 1), takes 60 steps and sees the
same noisy gradients (the true gradient plus Gaussian noise with standard deviation 0.3, a
stand-in for mini-batch noise).

- SGD: w <- w - lr g. Its step size is capped by the steep direction (lr must stay below
  2 / 20 = 0.1 or it diverges there), so with lr = 0.09 it bounces across the valley and
  crawls along it.
- Momentum (heavy ball): v <- beta v + g; w <- w - lr v. The zig-zag components cancel in the
  running sum while the consistent push along the valley builds up.
- Adam: running means of g and g^2 (bias-corrected); each coordinate's step is divided by the
  root of its own mean squared gradient, so the flat and the steep direction get steps of
  similar size.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "optimiser-paths"
SEED = 2
CURVATURE = np.array([0.2, 20.0])  # the diagonal of the Hessian
START = np.array([-8.0, 1.0])
STEPS = 60
NOISE = 0.3
SETTINGS = {
    "SGD": {"lr": 0.09},
    "momentum": {"lr": 0.08, "beta": 0.7},
    "Adam": {"lr": 0.3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
}


def loss(w: np.ndarray) -> np.ndarray:
    """L(w) for one point (shape (2,)) or many (shape (..., 2))."""
    w = np.asarray(w)
    return 0.5 * np.sum(CURVATURE * w * w, axis=-1)


def gradient(w: np.ndarray) -> np.ndarray:
    return CURVATURE * w


def sgd(noise: np.ndarray, lr: float) -> np.ndarray:
    w = START.copy()
    path = [w.copy()]
    for eps in noise:
        w = w - lr * (gradient(w) + eps)
        path.append(w.copy())
    return np.array(path)


def momentum(noise: np.ndarray, lr: float, beta: float) -> np.ndarray:
    w, v = START.copy(), np.zeros(2)
    path = [w.copy()]
    for eps in noise:
        v = beta * v + (gradient(w) + eps)
        w = w - lr * v
        path.append(w.copy())
    return np.array(path)


def adam(noise: np.ndarray, lr: float, beta1: float, beta2: float, eps: float) -> np.ndarray:
    w, m, s = START.copy(), np.zeros(2), np.zeros(2)
    path = [w.copy()]
    for t, noise_t in enumerate(noise, start=1):
        g = gradient(w) + noise_t
        m = beta1 * m + (1 - beta1) * g  # first moment: momentum
        s = beta2 * s + (1 - beta2) * g * g  # second moment: per-coordinate scale
        m_hat = m / (1 - beta1**t)  # both start at zero: undo that bias
        s_hat = s / (1 - beta2**t)
        w = w - lr * m_hat / (np.sqrt(s_hat) + eps)
        path.append(w.copy())
    return np.array(path)


def compute(seed: int = SEED) -> dict:
    noise = NOISE * np.random.default_rng(seed).standard_normal((STEPS, 2))
    paths = {
        "SGD": sgd(noise, **SETTINGS["SGD"]),
        "momentum": momentum(noise, **SETTINGS["momentum"]),
        "Adam": adam(noise, **SETTINGS["Adam"]),
    }
    losses = {name: loss(p) for name, p in paths.items()}
    return {
        "paths": paths,
        "losses": losses,
        "final_loss": {name: float(v[-1]) for name, v in losses.items()},
        # The last step alone is noisy: the mean over the last 10 steps is the fairer score.
        "late_loss": {name: float(v[-10:].mean()) for name, v in losses.items()},
        "start_loss": float(loss(START)),
        "steps": STEPS,
    }


def key_numbers(data: dict) -> dict[str, str]:
    f = data["late_loss"]
    return {
        "start": f"{data['start_loss']:.1f}",
        "sgd": f"{f['SGD']:.2f}",
        "momentum": f"{f['momentum']:.3f}",
        "adam": f"{f['Adam']:.3f}",
    }


STYLE = {
    "SGD": {"color": st.VERMILION, "ls": "-", "marker": "o"},
    "momentum": {"color": st.BLUE, "ls": "--", "marker": "s"},
    "Adam": {"color": st.GREEN, "ls": "-.", "marker": "^"},
}


def _label(name: str) -> str:
    s = SETTINGS[name]
    if name == "momentum":
        return f"momentum (lr {s['lr']}, β {s['beta']})"
    return f"{name} (lr {s['lr']})"


def plot(data: dict):
    fig = st.new_figure()
    ax_path, ax_loss = fig.subplots(1, 2, width_ratios=[1.45, 1])

    x = np.linspace(-9, 1.5, 211)
    y = np.linspace(-1.25, 1.25, 101)
    xx, yy = np.meshgrid(x, y)
    levels = [0.05, 0.3, 1, 2.5, 5, 10, 16.4]
    ax_path.contour(
        xx, yy, loss(np.stack([xx, yy], axis=-1)), levels=levels, colors=st.MUTED, linewidths=0.8
    )
    for name, p in data["paths"].items():
        s = STYLE[name]
        ax_path.plot(
            p[:, 0],
            p[:, 1],
            color=s["color"],
            ls=s["ls"],
            lw=1.6,
            marker=s["marker"],
            ms=3.5,
            markevery=2,
            label=_label(name),
        )
    ax_path.plot(*START, marker="o", ms=8, color=st.BLACK, ls="none")
    ax_path.annotate("start", START, xytext=(4, 6), textcoords="offset points", fontsize=11)
    ax_path.plot(0, 0, marker="*", ms=13, color=st.BLACK, ls="none")
    ax_path.annotate(
        "minimum",
        (0, 0),
        xytext=(-1.2, -0.85),
        fontsize=11,
        ha="center",
        arrowprops={"arrowstyle": "->", "color": st.INK, "lw": 1},
    )
    st.panel(
        ax_path,
        f"Paths over {data['steps']} steps",
        "w₁ (shallow direction)",
        "w₂ (steep direction)",
        xlim=(x[0], x[-1]),
        ylim=(y[0], y[-1]),
    )

    steps = np.arange(data["steps"] + 1)
    for name, values in data["losses"].items():
        s = STYLE[name]
        ax_loss.plot(steps, values, color=s["color"], ls=s["ls"], lw=1.8, label=_label(name))
    # Plain tick labels: mathtext powers of ten would set their exponents below 11 pt.
    lowest = min(float(v.min()) for v in data["losses"].values())
    ticks = [10.0**k for k in range(math.floor(math.log10(lowest)), 2)]
    st.log_axis(ax_loss, ticks, [f"{t:g}" for t in ticks], axis="y")
    st.panel(ax_loss, "Loss", "step", "loss (log scale)", xlim=(0, data["steps"]))
    st.legend_below(fig, ax_path, ncols=3)
    return fig
