"""Decode throughput and step time against batch size: a roofline for LLM serving.

An 8B-parameter model in bf16 (16 GB of weights) decodes on one H100 SXM: 3.35 TB/s of HBM
bandwidth and 989 TFLOPS of dense bf16 compute. Each decode step makes one token for every
sequence in the batch, so it must read every weight once and every sequence's KV cache
(32 layers x 8 KV heads x 128 dimensions x keys and values x 2 bytes = 128 KiB per token,
2,048 cached tokens per sequence), and it must do 2 FLOPs per parameter per sequence. The
step takes the longer of the time to move those bytes and the time to do those FLOPs; the
model ignores kernel overheads and attention FLOPs, so the curves are upper bounds.

Two lessons. The weights are read once per step whatever the batch, so throughput rises
almost in proportion to the batch while each step barely slows: batching is nearly free. But
the KV cache is read per sequence, so it grows with the batch and soon costs more bandwidth
than the weights, and it fills the GPU's memory (here at 223 sequences) before the batch is
large enough for compute to become the limit (about 295 sequences for the weights alone).
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

from figures import _style as st

NAME = "decode-batching"
PARAMS = 8e9
BYTES_PER_PARAM = 2  # bf16
BANDWIDTH = 3.35e12  # bytes per second, H100 SXM HBM3
PEAK = 989e12  # dense bf16 FLOP/s, H100 SXM
KV_BYTES_PER_TOKEN = 2 * 32 * 8 * 128 * 2  # keys and values, layers, KV heads, dims, bf16
CONTEXT = 2048  # cached tokens per sequence
MEMORY = 80e9
RESERVED = 4e9  # activations, workspace and the runtime's own buffers
BATCHES = np.arange(1, 513)
MARKED_BATCH = 64


def step_seconds(batch: np.ndarray | int, with_cache: bool) -> np.ndarray:
    """Roofline step time: the longer of moving the bytes and doing the FLOPs."""
    batch = np.asarray(batch, dtype=float)
    weights = PARAMS * BYTES_PER_PARAM
    cache = batch * CONTEXT * KV_BYTES_PER_TOKEN if with_cache else 0.0 * batch
    memory_time = (weights + cache) / BANDWIDTH
    compute_time = 2 * PARAMS * batch / PEAK
    return np.maximum(memory_time, compute_time)


def max_batch() -> int:
    """Sequences whose caches fit next to the weights and the reserved memory."""
    free = MEMORY - PARAMS * BYTES_PER_PARAM - RESERVED
    return int(free // (CONTEXT * KV_BYTES_PER_TOKEN))


def compute() -> dict:
    step_kv = step_seconds(BATCHES, with_cache=True)
    step_w = step_seconds(BATCHES, with_cache=False)
    b_max = max_batch()
    return {
        "batch": BATCHES,
        "tps_weights": BATCHES / step_w,
        "tps_cache": BATCHES / step_kv,
        "step_ms_weights": step_w * 1e3,
        "step_ms_cache": step_kv * 1e3,
        "compute_roof": PEAK / (2 * PARAMS),
        "ridge_batch": PEAK * PARAMS * BYTES_PER_PARAM / (BANDWIDTH * 2 * PARAMS),
        "max_batch": b_max,
        "batch1_tps": float(1 / step_seconds(1, with_cache=False)),
        "batch1_ms": float(step_seconds(1, with_cache=False) * 1e3),
        "marked_tps": float(MARKED_BATCH / step_seconds(MARKED_BATCH, with_cache=True)),
        "marked_ms": float(step_seconds(MARKED_BATCH, with_cache=True) * 1e3),
        "full_tps": float(b_max / step_seconds(b_max, with_cache=True)),
        "full_ms": float(step_seconds(b_max, with_cache=True) * 1e3),
        "full_tps_weights_only": float(b_max / step_seconds(b_max, with_cache=False)),
    }


def key_numbers(data: dict) -> dict[str, str]:
    return {
        "batch1_tps": f"{data['batch1_tps']:.0f}",
        "batch1_ms": f"{data['batch1_ms']:.1f}",
        "marked_tps": f"{data['marked_tps']:,.0f}",
        "marked_ms": f"{data['marked_ms']:.1f}",
        "max_batch": f"{data['max_batch']}",
        "full_tps": f"{data['full_tps']:,.0f}",
        "full_ms": f"{data['full_ms']:.1f}",
        "full_tps_weights_only": f"{data['full_tps_weights_only']:,.0f}",
        "compute_roof": f"{data['compute_roof']:,.0f}",
        "ridge_batch": f"{data['ridge_batch']:.0f}",
    }


def plot(data: dict):
    fig = st.new_figure()
    left, right = fig.subplots(1, 2)
    b = data["batch"]
    fits = b <= data["max_batch"]  # past this the caches no longer fit in memory
    left.plot(b, data["tps_weights"], color=st.BLUE, ls="--", lw=2.0, label="weights only")
    left.plot(
        b[fits], data["tps_cache"][fits], color=st.VERMILION, lw=2.2, label="weights + KV cache"
    )
    left.axhline(data["compute_roof"], color=st.MUTED, ls=":", lw=1.4, label="compute roof")
    left.set_xscale("log", base=2)
    left.set_yscale("log")
    left.yaxis.set_major_locator(FixedLocator([300, 1000, 3000, 10000, 30000]))
    left.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    left.yaxis.set_minor_formatter(NullFormatter())
    st.panel(
        left, "throughput", "batch size (sequences)", "tokens per second", legend="lower right"
    )
    right.plot(b, data["step_ms_weights"], color=st.BLUE, ls="--", lw=2.0)
    right.plot(b[fits], data["step_ms_cache"][fits], color=st.VERMILION, lw=2.2)
    right.set_xscale("log", base=2)
    top = math.ceil(float(data["step_ms_cache"][fits].max()) / 10) * 10
    st.panel(
        right,
        "time per output token",
        "batch size (sequences)",
        "ms per decode step",
        ylim=(0, top),
    )
    i = MARKED_BATCH - 1  # batches start at 1
    left.plot([MARKED_BATCH], [data["tps_cache"][i]], "o", color=st.BLACK, ms=6)
    right.plot([MARKED_BATCH], [data["step_ms_cache"][i]], "o", color=st.BLACK, ms=6)
    for ax in (left, right):
        ax.axvline(data["max_batch"], color=st.BLACK, ls="-.", lw=1.2)
        ax.set_xticks([1, 4, 16, 64, 256])
        ax.set_xticklabels(["1", "4", "16", "64", "256"])
        ax.set_xlim(1, 512)
    right.text(
        data["max_batch"] * 0.9,
        right.get_ylim()[1] * 0.97,
        f"cache full\nat {data['max_batch']}",
        ha="right",
        va="top",
        fontsize=11,
        color=st.INK,
    )
    return fig
