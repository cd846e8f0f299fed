"""Activation functions and their slopes: why sigmoid and tanh saturate and ReLU does not.

Left, four activations on x in [-4, 4]: sigmoid, tanh, ReLU and GELU (x times the standard
normal CDF). Right, their derivatives, computed in closed form. The slope is what the chain
rule multiplies into every backpropagated gradient, so the right panel is the point: the
sigmoid's slope never exceeds 0.25 and both sigmoid and tanh fall towards zero a few units
from the origin, while ReLU passes a slope of exactly 1 wherever it is active and GELU is a
smooth version of it that dips slightly below zero for negative inputs.
"""

from __future__ import annotations

import math

import numpy as np

from figures import _style as st

NAME = "activation-functions"
X = np.linspace(-4.0, 4.0, 801)  # a step of 0.01, fine enough for the minima quoted
EDGE = 4.0  # where the saturation of sigmoid and tanh is read off


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def normal_cdf(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))


def normal_pdf(x: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)


def functions(x: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each activation's value and derivative at x (ReLU's derivative at 0 taken as 0)."""
    s, t, cdf = sigmoid(x), np.tanh(x), normal_cdf(x)
    return {
        "sigmoid": (s, s * (1.0 - s)),
        "tanh": (t, 1.0 - t * t),
        "ReLU": (np.maximum(x, 0.0), (x > 0).astype(float)),
        "GELU": (x * cdf, cdf + x * normal_pdf(x)),
    }


def compute() -> dict:
    f = functions(X)
    gelu = f["GELU"][0]
    i_min = int(np.argmin(gelu))
    edge = np.array([EDGE])
    at_edge = functions(edge)
    return {
        "x": X,
        "values": {k: v for k, (v, _) in f.items()},
        "slopes": {k: d for k, (_, d) in f.items()},
        "sigmoid_max_slope": float(np.max(f["sigmoid"][1])),
        "tanh_max_slope": float(np.max(f["tanh"][1])),
        "sigmoid_slope_at_edge": float(at_edge["sigmoid"][1][0]),
        "tanh_slope_at_edge": float(at_edge["tanh"][1][0]),
        "gelu_min": float(gelu[i_min]),
        "gelu_argmin": float(X[i_min]),
        "ten_sigmoid_layers": float(np.max(f["sigmoid"][1]) ** 10),
    }


def _minus(text: str) -> str:
    return text.replace("-", "−")


def key_numbers(data: dict) -> dict[str, str]:
    return {
        "sigmoid_max_slope": f"{data['sigmoid_max_slope']:.2f}",
        "sigmoid_slope_at_edge": f"{data['sigmoid_slope_at_edge']:.3f}",
        "tanh_slope_at_edge": f"{data['tanh_slope_at_edge']:.4f}",
        "gelu_min": _minus(f"{data['gelu_min']:.2f}"),
        "gelu_argmin": _minus(f"{data['gelu_argmin']:.2f}"),
    }


STYLES = {
    "sigmoid": (st.BLUE, "-"),
    "tanh": (st.VERMILION, "--"),
    "ReLU": (st.BLACK, ":"),
    "GELU": (st.GREEN, "-."),
}


def plot(data: dict):
    fig = st.new_figure()
    left, right = fig.subplots(1, 2, sharex=True)
    x = data["x"]
    for name, (colour, dash) in STYLES.items():
        left.plot(x, data["values"][name], color=colour, ls=dash, lw=2.0, label=name)
        right.plot(x, data["slopes"][name], color=colour, ls=dash, lw=2.0, label=name)
    left.set_title("activation")
    left.set_ylim(-1.2, 2.2)
    right.set_title("slope (derivative)")
    right.set_ylim(-0.15, 1.25)
    for ax in (left, right):
        ax.axhline(0.0, color=st.MUTED, lw=0.8)
        ax.set_xlim(-4.0, 4.0)
        ax.set_xlabel("input x")
    right.axhline(data["sigmoid_max_slope"], color=st.BLUE, lw=0.8, ls=(0, (2, 3)))
    peak = data["sigmoid_max_slope"]
    right.text(-3.9, peak + 0.04, f"sigmoid peak {peak:.2f}", fontsize=11, color=st.INK)
    left.legend(loc="upper left", fontsize=11)
    return fig
