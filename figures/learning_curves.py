"""Learning curves: validation loss flat from the first epoch versus falling then rising.

Both panels train the same model, logistic regression fitted by mini-batch SGD on the
cross-entropy loss, and log the training and validation loss after every epoch.

(a) No transferable signal. The labels are coin flips, independent of the features, in
    training and validation alike, and there are far more features (4,000) than training
    rows (200). The model can still memorise the training labels, so training loss falls,
    but nothing it learns carries over: validation loss sits near ln 2 (the loss of
    predicting 50 % for everyone) from the first epoch on.
(b) Overfitting. The labels do depend on the features (a logistic model with label noise),
    with 80 features for 100 training rows. The early epochs learn the real signal and
    validation loss falls; later epochs fit the noise of the training rows, weights keep
    growing and validation loss climbs again while training loss keeps falling.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "learning-curves"
SEED = 20240611
EPOCHS = 120
BATCH = 20


def _cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean binary cross-entropy from logits, computed stably: log(1 + e^z) - y z."""
    return float(np.mean(np.logaddexp(0.0, logits) - labels * logits))


def train_logistic(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_val: np.ndarray,
    y_val: np.ndarray,
    *,
    epochs: int,
    lr: float,
    batch: int,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Mini-batch SGD on logistic regression (weights and bias start at zero).

    Returns the training and validation loss before training (index 0) and after each
    epoch (indices 1..epochs).
    """
    n, d = x_train.shape
    w = np.zeros(d)
    b = 0.0
    train_loss = [_cross_entropy(x_train @ w + b, y_train)]
    val_loss = [_cross_entropy(x_val @ w + b, y_val)]
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            xb, yb = x_train[idx], y_train[idx]
            residual = 1.0 / (1.0 + np.exp(-(xb @ w + b))) - yb  # d loss / d logit
            w -= lr * (xb.T @ residual) / len(idx)
            b -= lr * float(residual.mean())
        train_loss.append(_cross_entropy(x_train @ w + b, y_train))
        val_loss.append(_cross_entropy(x_val @ w + b, y_val))
    return np.array(train_loss), np.array(val_loss)


def _no_signal_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n_train, n_val, d = 200, 500, 4000
    # Features scaled so that a row has unit squared norm on average.
    x_train = rng.standard_normal((n_train, d)) / math.sqrt(d)
    x_val = rng.standard_normal((n_val, d)) / math.sqrt(d)
    y_train = rng.integers(0, 2, n_train).astype(float)
    y_val = rng.integers(0, 2, n_val).astype(float)
    return train_logistic(
        x_train, y_train, x_val, y_val, epochs=EPOCHS, lr=2.0, batch=BATCH, rng=rng
    )


def _overfit_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n_train, n_val, d = 100, 1000, 80
    w_true = rng.standard_normal(d)
    w_true *= 3.0 / np.linalg.norm(w_true)  # true logits have standard deviation 3
    x_train = rng.standard_normal((n_train, d))
    x_val = rng.standard_normal((n_val, d))

    def draw_labels(x: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(x @ w_true)))
        return (rng.random(len(x)) < p).astype(float)

    y_train, y_val = draw_labels(x_train), draw_labels(x_val)
    return train_logistic(
        x_train, y_train, x_val, y_val, epochs=EPOCHS, lr=0.05, batch=BATCH, rng=rng
    )


def compute(seed: int = SEED) -> dict:
    """The numbers behind the figure: per-epoch losses for both cases."""
    seq_a, seq_b = np.random.SeedSequence(seed).spawn(2)
    flat_train, flat_val = _no_signal_case(np.random.default_rng(seq_a))
    over_train, over_val = _overfit_case(np.random.default_rng(seq_b))
    best = int(np.argmin(over_val))
    return {
        "epochs": np.arange(EPOCHS + 1),
        "flat_train": flat_train,
        "flat_val": flat_val,
        "overfit_train": over_train,
        "overfit_val": over_val,
        "overfit_best_epoch": best,
        "chance_loss": math.log(2.0),
    }


def key_numbers(data: dict) -> dict[str, str]:
    """Numbers the alt text quotes, formatted as it quotes them."""
    flat_val = data["flat_val"][1:]
    return {
        "flat_train_start": f"{data['flat_train'][0]:.2f}",
        "flat_train_end": f"{data['flat_train'][-1]:.2f}",
        "flat_val_low": f"{flat_val.min():.2f}",
        "flat_val_high": f"{flat_val.max():.2f}",
        "best_epoch": f"{data['overfit_best_epoch']}",
        "overfit_val_min": f"{data['overfit_val'][data['overfit_best_epoch']]:.2f}",
        "overfit_val_end": f"{data['overfit_val'][-1]:.2f}",
        "overfit_train_end": f"{data['overfit_train'][-1]:.2f}",
    }


def plot(data: dict):
    epochs = data["epochs"]
    fig = st.new_figure()
    ax_a, ax_b = fig.subplots(1, 2, sharey=True)

    ax_a.plot(epochs, data["flat_train"], color=st.BLUE, label="training")
    ax_a.plot(epochs, data["flat_val"], color=st.VERMILION, ls="--", label="validation")
    ax_a.axhline(data["chance_loss"], color=st.MUTED, lw=1.0, ls=":")
    ax_a.annotate(
        "ln 2: predict 50 %",
        (epochs[-1], data["chance_loss"]),
        xytext=(-4, -6),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=11,
        color=st.MUTED,
    )
    st.panel(
        ax_a, "(a) Flat from the first epoch", "epoch", "cross-entropy loss", legend="center right"
    )

    best = data["overfit_best_epoch"]
    ax_b.plot(epochs, data["overfit_train"], color=st.BLUE, label="training")
    ax_b.plot(epochs, data["overfit_val"], color=st.VERMILION, ls="--", label="validation")
    ax_b.axvline(best, color=st.MUTED, lw=1.0, ls=":")
    ax_b.plot([best], [data["overfit_val"][best]], "o", color=st.VERMILION, ms=7)
    ax_b.annotate(
        f"lowest validation loss\n(epoch {best}): stop here",
        (best, data["overfit_val"][best]),
        xytext=(8, -34),
        textcoords="offset points",
        fontsize=11,
        color=st.INK,
    )
    st.panel(ax_b, "(b) Falls, then rises", "epoch", legend="center right")
    ax_b.tick_params(labelleft=True)
    for ax in (ax_a, ax_b):
        ax.set_xlim(0, epochs[-1])
        ax.set_ylim(bottom=0)
    return fig
