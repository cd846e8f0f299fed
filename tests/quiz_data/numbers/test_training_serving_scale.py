"""Worked numbers of the training-and-serving-at-scale track, recomputed from the
assumptions the text states. Each function takes its assumptions as arguments; each test
names the question and the field that shows the number, and fails if they disagree."""

from __future__ import annotations

import math
import struct

from . import number_in, text_of

GB = 1e9  # the bank writes decimal gigabytes


# --- shared arithmetic ---------------------------------------------------------------


def model_state_bytes(
    weights: float = 2, grads: float = 2, master: float = 4, moments: float = 4 + 4
) -> float:
    """Bytes per parameter that live for the whole run: working weights and gradients,
    the optimiser's master copy and its moment estimates."""
    return weights + grads + master + moments


def activation_bytes(layers: int, width: int, seq: int, per_sh: float = 34) -> float:
    """Bytes saved for the backward pass by one sequence: about 34·s·h per GPT-style layer
    in 16-bit with attention scores not materialised (Korthikanti et al., 2022)."""
    return per_sh * seq * width * layers


def zero_bytes_per_param(stage: int, gpus: int) -> float:
    """Per-GPU model-state bytes per parameter under ZeRO: stage 1 shards the 12 bytes of
    fp32 master weights and moments, stage 2 adds the 2 of gradients, stage 3 the 2 of
    weights."""
    weights, grads, fp32_state = 2.0, 2.0, 12.0
    if stage >= 1:
        fp32_state /= gpus
    if stage >= 2:
        grads /= gpus
    if stage >= 3:
        weights /= gpus
    return weights + grads + fp32_state


def to_bf16(x: float) -> float:
    """Round a float to bfloat16 (round to nearest, ties to even) through its fp32 bits."""
    bits = struct.unpack("<I", struct.pack("<f", x))[0]
    bits += 0x7FFF + ((bits >> 16) & 1)
    return struct.unpack("<f", struct.pack("<I", bits & 0xFFFF0000))[0]


def spacing_at_one(mantissa_bits: int) -> float:
    """Gap between 1.0 and the next representable number."""
    return 2.0**-mantissa_bits


# --- gpu-memory-budget ----------------------------------------------------------------


def test_memory_budget_model_states(real_bank) -> None:
    what = text_of(real_bank, "gpu-memory-budget", "answer.what")
    per_param = model_state_bytes()
    assert number_in(what, r"accounting .*? is (\d+) bytes") == per_param == 16
    params = 7e9
    assert number_in(what, r"that is (\d+) GB before") == params * per_param / GB
    assert number_in(what, r"(\d+) GB of weights") == params * 2 / GB
    assert number_in(what, r"(\d+) GB of\s+gradients") == params * 2 / GB
    assert number_in(what, r"(\d+) GB of master") == params * 4 / GB
    assert number_in(what, r"(\d+) GB of optimiser") == params * 8 / GB
    # autocast route: fp32 weights and gradients plus the two moments
    assert model_state_bytes(weights=4, grads=4, master=0) == per_param
    # fp32 gradients in place of bf16 ones (accumulated in full precision)
    assert number_in(what, r"exactly, need (\d+) bytes") == model_state_bytes(grads=4) == 18
    key = text_of(real_bank, "gpu-memory-budget", "quiz.0.options.2.text")
    assert number_in(key, r"^(\d+) bytes") == per_param


def test_memory_budget_activations(real_bank) -> None:
    why = text_of(real_bank, "gpu-memory-budget", "answer.why")
    act = activation_bytes(layers=32, width=4096, seq=4096)
    assert "32 layers of width 4,096" in why
    assert number_in(why, r"stores about (\d+) GB") == round(act / GB)
    total_floor = 7e9 * 16 / GB + act / GB
    assert number_in(why, r"well over (\d+) GB") <= total_floor
    when = text_of(real_bank, "gpu-memory-budget", "answer.when")
    kept = activation_bytes(layers=32, width=4096, seq=4096, per_sh=2)
    assert number_in(when, r"about (\d+) GB for the whole") == round(kept / GB)


def test_memory_budget_zero_stages(real_bank) -> None:
    when = text_of(real_bank, "gpu-memory-budget", "answer.when")
    params, gpus = 7e9, 8
    stage = {s: params * zero_bytes_per_param(s, gpus) / GB for s in (0, 1, 2, 3)}
    assert stage[0] == 112
    assert number_in(when, r"each holds (\d+) GB instead") == stage[3]
    assert number_in(when, r"instead of (\d+) GB") == stage[0]
    assert number_in(when, r"leaves ([\d.]+) GB") == stage[1]
    assert number_in(when, r"stage 2\) ([\d.]+) GB") == stage[2]
    follow = text_of(real_bank, "gpu-memory-budget", "followups.2.a")
    assert number_in(follow, r"= ([\d.]+) bytes per parameter") == zero_bytes_per_param(1, gpus)
    assert number_in(follow, r"parameter, ([\d.]+) GB") == stage[1]
    assert number_in(follow, r"gradients, ([\d.]+) bytes") == zero_bytes_per_param(2, gpus)
    assert number_in(follow, r"bytes or ([\d.]+) GB\. Stage 3") == stage[2]
    assert number_in(follow, r"too, (\d+) bytes") == zero_bytes_per_param(3, gpus)
    assert number_in(follow, r"bytes or (\d+) GB\.$") == stage[3]
    quiz = real_bank.get("gpu-memory-budget").quiz[1]
    shown = {number_in(o.text, r"^([\d.]+) GB") for o in quiz.options}
    assert shown == set(stage.values())
    key = next(o.text for o in quiz.options if o.correct)
    assert number_in(key, r"^([\d.]+) GB") == stage[3]


def test_memory_budget_cheaper_states_and_serving(real_bank) -> None:
    when = text_of(real_bank, "gpu-memory-budget", "answer.when")
    eight_bit = model_state_bytes(moments=1 + 1)
    assert number_in(when, r"one byte, (\d+) bytes per parameter") == eight_bit
    assert number_in(when, r"in all, (\d+) GB") == 7e9 * eight_bit / GB
    assert number_in(when, r"freezes the (\d+) GB bf16 base") == 7e9 * 2 / GB
    assert number_in(when, r"4 bits, about ([\d.]+) GB") == 7e9 * 0.5 / GB
    serve = text_of(real_bank, "gpu-memory-budget", "followups.1.a")
    assert number_in(serve, r"bf16, (\d+) GB") == 7e9 * 2 / GB
    assert number_in(serve, r"about (\d+) GB in int8") == 7e9 * 1 / GB
    assert number_in(serve, r"and ([\d.]+) GB in 4 bits") == 7e9 * 0.5 / GB


def test_memory_budget_bf16_rounding_and_logits(real_bank) -> None:
    trade = text_of(real_bank, "gpu-memory-budget", "answer.tradeoffs")
    gap = spacing_at_one(mantissa_bits=7)
    assert to_bf16(1.0 + gap) == 1.0 + gap  # the next number after 1.0 is representable
    assert number_in(trade, r"\\approx ([\d.]+)\$") == round(gap, 4)
    assert "an update of $10^{-4}$" in trade
    assert to_bf16(1.0 + 1e-4) == 1.0  # the update rounds away
    follow = text_of(real_bank, "gpu-memory-budget", "followups.0.a")
    assert number_in(follow, r"spacing is about ([\d.]+)") == round(gap, 4)
    assert number_in(follow, r"a step of ([\d.]+) is rounded") == 1e-4
    logits = 128_000 * 4096 * 4 / GB  # vocabulary x tokens x fp32
    assert "128,000-token vocabulary" in trade.replace("\n", " ")
    assert number_in(trade, r"take ([\d.]+) GB") == round(logits, 1)
    assert number_in(trade, r"about (\d+\.\d+) times") == 1.5  # ZeRO-3: 3 vs 2 model sizes


# --- distributed-training-parallelism -------------------------------------------------


def ring_allreduce_bytes(message_bytes: float, gpus: int) -> float:
    """Bytes each GPU sends in a ring all-reduce: a reduce-scatter and an all-gather, each
    N - 1 steps of one 1/N chunk."""
    return 2 * (gpus - 1) / gpus * message_bytes


def pipeline_bubble(stages: int, micro_batches: int) -> float:
    """Idle share of a GPipe or 1F1B schedule: p - 1 fill-and-drain slots out of m + p - 1."""
    return (stages - 1) / (micro_batches + stages - 1)


def test_parallelism_allreduce_traffic(real_bank) -> None:
    what = text_of(real_bank, "distributed-training-parallelism", "answer.what")
    grads = 7e9 * 2  # a 7B model's bf16 gradients
    assert number_in(what, r"for (\d+) GB of bf16 gradients") == grads / GB
    assert number_in(what, r"on (\d+) GPUs,") == 8
    sent = ring_allreduce_bytes(grads, gpus=8)
    assert number_in(what, r"GPUs, ([\d.]+) GB\s+each way") == sent / GB
    nvlink, network = 400e9, 50e9  # assumed effective bytes per second
    assert number_in(what, r"assumed (\d+) GB/s inside") == nvlink / GB
    assert number_in(what, r"about (\d+) ms at") == round(sent / nvlink * 1e3)
    assert number_in(what, r"but ([\d.]+) s\s+over") == round(sent / network, 2)
    assert number_in(what, r"over a (\d+) GB/s network") == network / GB
    quiz = real_bank.get("distributed-training-parallelism").quiz[0]
    assert number_in(quiz.stem, r"averages (\d+) GB") == grads / GB
    key = next(o.text for o in quiz.options if o.correct)
    assert number_in(key, r"^([\d.]+) GB") == sent / GB
    wrong = {number_in(o.text, r"^([\d.]+) GB") for o in quiz.options if not o.correct}
    assert wrong == {grads / 8 / GB, grads * 7 / GB, grads / GB}


def test_parallelism_pipeline_bubble(real_bank) -> None:
    why = text_of(real_bank, "distributed-training-parallelism", "answer.why")
    bubble = pipeline_bubble(stages=8, micro_batches=32)
    assert number_in(why, r"about (\d+)% for 8 stages and 32") == round(bubble * 100)
    follow = text_of(real_bank, "distributed-training-parallelism", "followups.2.a")
    megatron = (8 - 1) / 32  # idle over useful time, as the Megatron papers write it
    assert number_in(follow, r"step: (\d+)% rather") == round(megatron * 100)
    assert number_in(follow, r"rather than (\d+)% for 8") == round(bubble * 100)
    quiz = real_bank.get("distributed-training-parallelism").quiz[2]
    key = next(o for o in quiz.options if o.correct)
    assert number_in(key.text, r"About (\d+)%") == round(bubble * 100)
    assert "7/39" in key.why and bubble == 7 / 39
    shown = [number_in(o.text, r"About (\d+)%") for o in quiz.options if not o.correct]
    assert sorted(shown) == sorted([round(100 / 32), round(100 * 8 / 32), round(100 * 7 / 8)])


# --- mixed-precision --------------------------------------------------------------------


def ieee_max(exp_bits: int, man_bits: int) -> float:
    """Largest finite value of an IEEE-style format whose top exponent is reserved."""
    bias = 2 ** (exp_bits - 1) - 1
    return (2 - 2.0**-man_bits) * 2.0 ** (2**exp_bits - 2 - bias)


def e4m3_max() -> float:
    """fp8 E4M3 keeps the top exponent for numbers and reserves only mantissa 111 there
    for NaN, so its largest value is 1.75 x 2^8."""
    bias = 7
    return (1 + 6 / 8) * 2.0 ** (15 - bias)


def decimal_digits(significant_bits: int) -> float:
    return significant_bits * math.log10(2)


def test_mixed_precision_formats(real_bank) -> None:
    import numpy as np

    why = text_of(real_bank, "mixed-precision", "answer.why")
    fp16 = np.finfo(np.float16)
    assert ieee_max(5, 10) == float(fp16.max) == 65_504
    assert number_in(why, r"largest value is ([\d,]+)") == ieee_max(5, 10)
    assert number_in(why, r"about \$([\d.]+) \\times 10\^\{-5\}") == round(
        float(fp16.tiny) * 1e5, 1
    )
    assert number_in(why, r"down to about \$([\d.]+) \\times 10\^\{-8\}") == round(2**-24 * 1e8, 1)
    assert number_in(why, r"about ([\d.]+) significant") == round(decimal_digits(11), 1)
    assert number_in(why, r"mantissa bits, about ([\d.]+) digits") == round(decimal_digits(8), 1)
    bf16_max = ieee_max(8, 7)
    assert number_in(why, r"up to about \$([\d.]+) \\times 10\^\{38\}") == round(bf16_max / 1e38, 1)
    # loss scaling: a gradient of 1e-8 vanishes in fp16, and survives once scaled
    scale = 65_536
    assert float(np.float16(1e-8)) == 0.0
    assert float(np.float16(1e-8 * scale)) > 0 and 1e-8 * scale > float(fp16.tiny)
    assert "a gradient of $10^{-8}$ becomes exactly 0" in why
    assert number_in(why, r"such as ([\d,]+) before") == scale == 2**16
    when = text_of(real_bank, "mixed-precision", "answer.when")
    assert number_in(when, r"E4M3 with a maximum\s+of (\d+)") == e4m3_max() == 448
    assert number_in(when, r"E5M2 with ([\d,]+)") == ieee_max(5, 2) == 57_344
    quiz = real_bank.get("mixed-precision").quiz
    assert number_in(quiz[0].options[0].why, r"tops out at ([\d,]+)") == ieee_max(5, 10)
    assert number_in(quiz[0].options[1].why, r"maximum of ([\d,]+)") == ieee_max(5, 2)
    assert number_in(quiz[1].options[0].text, r"about (\d+)e-8") == round(2**-24 * 1e8)
    assert number_in(quiz[1].options[1].text, r"maximum of ([\d,]+)") == ieee_max(5, 10)


def test_mixed_precision_bf16_addition(real_bank) -> None:
    trade = text_of(real_bank, "mixed-precision", "answer.tradeoffs")
    assert to_bf16(256.0 + 2.0) == 258.0  # the spacing near 256 is 2
    assert to_bf16(256.0 + 1.0) == 256.0  # a tie, rounded to the even neighbour
    assert number_in(trade, r"near 256 its spacing is (\d+)") == 2.0 ** (8 - 7)
    assert "256 + 1\n    rounds back to 256" in trade or "256 + 1 rounds back to 256" in trade
    key = next(o for o in real_bank.get("mixed-precision").quiz[3].options if o.correct)
    assert number_in(key.text, r"^(\d+),") == to_bf16(257.0)
    assert to_bf16(65_536.0 + 1.0) != 65_537.0  # the distractor's claim fails in bf16


# --- activation-memory ------------------------------------------------------------------


def checkpointed_bytes(layers: int, width: int, seq: int) -> float:
    """Per-layer checkpointing: every block's 16-bit input (2·s·h bytes) stays, plus the
    full working set (34·s·h) of the one block being recomputed."""
    return activation_bytes(layers, width, seq, per_sh=2) + activation_bytes(1, width, seq)


def attention_scores_per_sh(heads: int, seq: int, width: int) -> float:
    """Extra bytes per s·h per layer when the score matrices are materialised: 5·a·s/h
    (scores, softmax and dropout mask; Korthikanti et al., 2022)."""
    return 5 * heads * seq / width


def training_flops_per_token(params: float, recompute_forward: bool = False) -> float:
    """6N for forward (2N) and backward (4N); full checkpointing reruns the forward."""
    return (2 + 4 + (2 if recompute_forward else 0)) * params


def test_activation_memory_sizes(real_bank) -> None:
    what = text_of(real_bank, "activation-memory", "answer.what")
    full = activation_bytes(layers=32, width=4096, seq=4096)
    states = 7e9 * 16 / 8  # 7B, 16 bytes per parameter, sharded over 8 GPUs
    assert number_in(what, r"holds (\d+) GB of states") == states / GB
    free = 80e9 - states - 6e9  # leave a few GB for the CUDA context and buffers
    assert number_in(what, r"about (\d+) GB is left") == free / GB
    assert number_in(what, r"stores about (\d+) GB of activations") == round(full / GB)
    assert number_in(what, r"micro-batch of (\d+) fits") == free // full
    micro, steps = 2, 16
    assert number_in(what, r"(\d+) micro-batches of 2") == steps
    assert number_in(what, r"batch of (\d+) sequences") == micro * steps
    assert number_in(what, r"sequences, ([\d,]+) tokens") == micro * steps * 4096
    gpus = 8  # FSDP is data-parallel: every GPU runs its own micro-batches
    assert number_in(what, r"over the (\d+) GPUs") == gpus
    assert number_in(what, r"GPUs is (\d+) sequences") == micro * steps * gpus
    why = text_of(real_bank, "activation-memory", "answer.why")
    kept = checkpointed_bytes(layers=32, width=4096, seq=4096)
    assert number_in(why, r"needs about ([\d.]+) GB") == round(kept / GB, 1)
    assert number_in(why, r"about (\d+) times less") == round(full / kept)
    assert number_in(why, r"grow to\s+about (\d+)") == free // kept


def test_activation_memory_costs(real_bank) -> None:
    when = text_of(real_bank, "activation-memory", "answer.when")
    extra = attention_scores_per_sh(heads=32, seq=4096, width=4096) / 34
    assert "32 heads at 4,096" in when
    assert number_in(when, r"add about ([\d.]+) times") == round(extra, 1)
    trade = text_of(real_bank, "activation-memory", "answer.tradeoffs")
    n = 1.0
    overhead = training_flops_per_token(n, True) / training_flops_per_token(n) - 1
    assert number_in(trade, r"about (\d+)%") == round(overhead * 100)
    quiz = real_bank.get("activation-memory").quiz[0]
    key = next(o.text for o in quiz.options if o.correct)
    assert number_in(key, r"About (\d+)%") == round(overhead * 100)
    backward_base = 2 * n / (4 * n)  # the distractor: 2N measured against the backward alone
    assert number_in(quiz.options[2].text, r"About (\d+)%") == round(backward_base * 100)


# --- scaling-laws -----------------------------------------------------------------------


def train_flops(params: float, tokens: float) -> float:
    """C ≈ 6ND for a dense transformer: 2 FLOPs per parameter per token forward, 4 back."""
    return 6 * params * tokens


def compute_optimal(budget: float, tokens_per_param: float = 20) -> tuple[float, float]:
    """N and D with D = rN: C = 6rN², so N = √(C / 6r)."""
    n = math.sqrt(budget / (6 * tokens_per_param))
    return n, tokens_per_param * n


def gpu_hours(flops: float, peak: float, mfu: float) -> float:
    return flops / (peak * mfu) / 3600


def test_scaling_laws_chinchilla_and_gopher(real_bank) -> None:
    what = text_of(real_bank, "scaling-laws", "answer.what")
    chinchilla = train_flops(70e9, 1.4e12)
    gopher = train_flops(280e9, 300e9)
    assert number_in(what, r"\(\$([\d.]+) \\times 10\^\{23\}\$ FLOPs\)") == round(
        chinchilla / 1e23, 1
    )
    assert number_in(what, r"300B tokens \(\$([\d.]+) \\times 10\^\{23\}") == round(
        gopher / 1e23, 1
    )
    assert number_in(what, r"about (\d+) tokens per parameter") == 1.4e12 / 70e9


def test_scaling_laws_budget_plan(real_bank) -> None:
    why = text_of(real_bank, "scaling-laws", "answer.why")
    n, d = compute_optimal(1e24)
    assert "$C = 120N^2$" in why and 6 * 20 == 120
    assert number_in(why, r"about (\d+)B parameters") == round(n / 1e9)
    assert number_in(why, r"on ([\d.]+)T tokens") == round(d / 1e12, 1)
    h100_bf16_dense = 989e12  # FLOP/s, the figure the text states
    hours = gpu_hours(1e24, peak=h100_bf16_dense, mfu=0.40)
    assert number_in(why, r"at (\d+) dense bf16") == h100_bf16_dense / 1e12
    assert number_in(why, r"and (\d+)% model") == 40
    assert number_in(why, r"about ([\d,]+) GPU-hours") == round(hours, -5)
    assert number_in(why, r"about (\d+) days on 4,096") == round(hours / 4096 / 24)
    quiz = real_bank.get("scaling-laws").quiz[0]
    key = next(o.text for o in quiz.options if o.correct)
    assert number_in(key, r"About (\d+)B") == round(n / 1e9)
    assert number_in(key, r"on ([\d.]+)T") == round(d / 1e12, 1)
    forward_only = math.sqrt(1e24 / (2 * 20))  # the C ≈ 2ND mistake
    one_to_one = math.sqrt(1e24 / 6)  # one token per parameter
    by_text = {o.text: o for o in quiz.options}
    assert (
        f"About {forward_only / 1e9:.0f}B parameters on {20 * forward_only / 1e12:.1f}T tokens."
        in by_text
    )
    assert f"About {one_to_one / 1e9:.0f}B parameters on {one_to_one / 1e9:.0f}B tokens." in by_text
    assert f"About 20B parameters on {1e24 / (6 * 20e9) / 1e12:.1f}T tokens." in by_text
    assert 1e24 / (6 * 20e9) / 20e9 > 400  # "over 400 tokens per parameter"


def test_scaling_laws_over_training(real_bank) -> None:
    when = text_of(real_bank, "scaling-laws", "answer.when")
    ratio = 15e12 / 8e9  # Llama 3 8B: about 15T tokens
    assert number_in(when, r"tokens, ([\d,]+) per\s+parameter") == ratio
    assert number_in(when, r"about (\d+) times the Chinchilla") == round(ratio / 20)
    tokens_8b = 1e24 / (6 * 8e9)
    assert number_in(when, r"means about (\d+)T tokens") == round(tokens_8b / 1e12)
    assert number_in(when, r"tokens, ([\d,]+) per parameter, for") == round(tokens_8b / 8e9, -2)
    n_opt, _ = compute_optimal(1e24)
    assert number_in(when, r"about (\d+) times\s+cheaper") == round(n_opt / 8e9)  # 2N vs 2N
    quiz = real_bank.get("scaling-laws").quiz[3]
    key = next(o.text for o in quiz.options if o.correct)
    assert number_in(key, r"About ([\d,]+),") == ratio
    assert number_in(key, r"roughly (\d+) times") == round(ratio / 20)
    assert number_in(quiz.options[0].text, r"About (\d+),") == round(15e12 / 80e9, -1)
    assert number_in(quiz.options[1].text, r"About ([\d,]+),") == 15e12 / 0.8e9


def test_scaling_laws_attention_flops(real_bank) -> None:
    follow = text_of(real_bank, "scaling-laws", "followups.0.a")
    layers, width, seq = 32, 4096, 4096
    attention = 6 * layers * seq * width  # causal: s·d multiply-adds per layer forward, x3
    assert number_in(follow, r"about (\d+)% of") == round(attention / (6 * 7e9) * 100)


# --- llm-inference-serving ------------------------------------------------------------


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, bytes_each: int = 2) -> int:
    """Keys and values for every layer and KV head."""
    return 2 * layers * kv_heads * head_dim * bytes_each


def decode_step_seconds(weight_bytes: float, cache_bytes: float, bandwidth: float) -> float:
    """Bandwidth-bound decode step: every weight and every cached token is read once."""
    return (weight_bytes + cache_bytes) / bandwidth


def speculative_tokens(accept: float, drafted: int) -> float:
    """Expected tokens per target pass with i.i.d. acceptance: the accepted run of drafts,
    cut at the first rejection, plus the one token the target always adds."""
    return (1 - accept ** (drafted + 1)) / (1 - accept)


def test_serving_bandwidth_bound(real_bank) -> None:
    what = text_of(real_bank, "llm-inference-serving", "answer.what")
    peak, bandwidth = 989e12, 3.35e12  # H100 SXM, dense bf16, HBM3
    weights = 8e9 * 2
    assert number_in(what, r"does (\d+) dense") == peak / 1e12
    assert number_in(what, r"on ([\d.]+) TB/s") == bandwidth / 1e12
    assert number_in(what, r"about\s+(\d+) FLOPs per byte") == round(peak / bandwidth)
    assert number_in(what, r"\((\d+) GB of weights\)") == weights / GB
    step = decode_step_seconds(weights, 0, bandwidth)
    assert number_in(what, r"beat about (\d+)\s+tokens") == round(1 / step)
    assert number_in(what, r"one step per ([\d.]+) ms") == round(step * 1e3, 1)
    quiz = real_bank.get("llm-inference-serving").quiz[0]
    shown = {number_in(o.text, r"About ([\d,]+),"): o.correct for o in quiz.options}
    assert shown[round(bandwidth / weights)] is True
    assert shown[round(peak / weights, -3)] is False  # compute-bound mistake
    assert shown[round(bandwidth / 8e9)] is False  # one byte per parameter
    assert shown[round(bandwidth / 32e9)] is False  # four bytes per parameter


def test_serving_batching_and_paging(real_bank) -> None:
    why = text_of(real_bank, "llm-inference-serving", "answer.why")
    per_token = kv_bytes_per_token(layers=32, kv_heads=8, head_dim=128)
    assert per_token == 128 * 1024
    assert number_in(why, r"at (\d+) KiB per token") == per_token / 1024
    assert "(32 layers, 8 KV heads of dimension 128)" in why
    batch, context = 64, 2048
    cache = batch * context * per_token
    weights, bandwidth = 16e9, 3.35e12
    assert number_in(why, r"With (\d+) sequences") == batch
    assert number_in(why, r"averaging ([\d,]+) cached") == context
    assert number_in(why, r"reads (\d+) GB of weights") == weights / GB
    assert number_in(why, r"and ([\d.]+) GB of cache") == round(cache / GB, 1)
    step = decode_step_seconds(weights, cache, bandwidth)
    assert number_in(why, r"about ([\d.]+) ms") == round(step * 1e3, 1)
    assert number_in(why, r"some ([\d,]+) tokens") == round(batch / step, -2)
    single = decode_step_seconds(weights, 0, bandwidth)
    assert number_in(why, r"(\d+) times the batch-1") == round((batch / step) * single)
    assert step / single < 2.1  # "each user's step time only doubles"
    assert 2 * 8e9 * batch / 989e12 < step / 5  # compute is still far from the limit
    waste = 1 - 2048 / 8192
    assert number_in(why, r"wastes (\d+)%") == waste * 100
    assert "average 2,048 of 8,192" in why


def test_serving_long_context_cache(real_bank) -> None:
    follow = text_of(real_bank, "llm-inference-serving", "followups.5.a")
    per_token = kv_bytes_per_token(layers=32, kv_heads=8, head_dim=128)
    context, weights, bandwidth, memory = 131_072, 16e9, 3.35e12, 80e9
    cache = context * per_token
    assert number_in(follow, r"At (\d+) KiB per token") == per_token / 1024
    assert number_in(follow, r"one ([\d,]+)-token sequence") == context
    assert number_in(follow, r"holds (\d+) GiB") == cache / 2**30
    assert number_in(follow, r"about ([\d.]+) ms of reading") == round(cache / bandwidth * 1e3, 1)
    assert number_in(follow, r"against ([\d.]+) ms for the weights") == round(
        weights / bandwidth * 1e3, 1
    )
    assert number_in(follow, r"only (\d+) such sequences") == (memory - weights) // cache


def test_serving_speculative_decoding(real_bank) -> None:
    when = text_of(real_bank, "llm-inference-serving", "answer.when")
    expected = speculative_tokens(accept=0.8, drafted=4)
    assert "$\\alpha = 0.8$ and $\\gamma = 4$" in when
    assert number_in(when, r"\\approx ([\d.]+)\$ tokens") == round(expected, 1)
    quiz = real_bank.get("llm-inference-serving").quiz[3]
    key = next(o for o in quiz.options if o.correct)
    assert number_in(key.text, r"About ([\d.]+),") == round(expected, 1)
    texts = [o.text for o in quiz.options]
    assert f"About {0.8 * 4:.1f}, the four drafts times 0.8." in texts
    assert number_in(quiz.options[1].why, r"about (\d+)% of") == round(0.8**4 * 100)


# --- quantisation -----------------------------------------------------------------------


def bits_per_weight(element_bits: int, scale_bits: int, group: int) -> float:
    """Storage per weight once each group of `group` values carries its own scale."""
    return element_bits + scale_bits / group


def int8_step(absmax: float) -> float:
    """Symmetric int8: the largest magnitude maps to 127."""
    return absmax / 127


def test_quantisation_bits_and_memory(real_bank) -> None:
    what = text_of(real_bank, "quantisation", "answer.what")
    group4 = bits_per_weight(4, scale_bits=16, group=128)
    mx = bits_per_weight(4, scale_bits=8, group=32)  # MXFP4: E8M0 scale per 32 values
    assert number_in(what, r"per 128 weights adds ([\d.]+)") == 16 / 128
    assert number_in(what, r"is about ([\d.]+) bits") == group4
    assert number_in(what, r"per 32 values makes ([\d.]+)") == mx
    params = 70e9
    assert number_in(what, r"takes (\d+) GB in bf16") == params * 2 / GB
    assert number_in(what, r"(\d+) GB in int8") == params * 1 / GB
    assert number_in(what, r"about (\d+) GB at 4.125") == round(params * group4 / 8 / GB)
    quiz = real_bank.get("quantisation").quiz[0]
    shown = {number_in(o.text, r"About (\d+) GB"): o.correct for o in quiz.options}
    assert shown == {
        round(params * group4 / 8 / GB): True,
        params * 4 / 8 / GB: False,
        params / GB: False,
        params * 2 / GB: False,
    }


def test_quantisation_outlier_step(real_bank) -> None:
    why = text_of(real_bank, "quantisation", "answer.why")
    step = int8_step(absmax=60)
    assert number_in(why, r"one value of (\d+) sets") == 60
    assert number_in(why, r"the step is about ([\d.]+)") == round(step, 2)
    assert number_in(why, r"within about (\d+) steps") == round(1 / step)


# --- knowledge-distillation -------------------------------------------------------------


def softmax(logits: list[float], temperature: float = 1.0) -> list[float]:
    exps = [math.exp(z / temperature) for z in logits]
    total = sum(exps)
    return [e / total for e in exps]


def test_distillation_temperature(real_bank) -> None:
    what = text_of(real_bank, "knowledge-distillation", "answer.what")
    logits = [4.0, 2.0, 0.0]
    assert "logits of 4, 2 and 0" in what
    cold, warm = softmax(logits, 1.0), softmax(logits, 4.0)
    assert f"probabilities {cold[0]:.3f}, {cold[1]:.3f} and {cold[2]:.3f}" in what
    assert f"but {warm[0]:.3f}, {warm[1]:.3f} and {warm[2]:.3f} at" in what
    quiz = real_bank.get("knowledge-distillation").quiz[0]
    assert "temperature T = 4" in quiz.stem
    key = next(o for o in quiz.options if o.correct)
    assert key.text == f"About {warm[0]:.2f}, with the rest split {warm[1]:.2f} and {warm[2]:.2f}."
    t2 = softmax(logits, 2.0)
    assert f"About {t2[0]:.2f}, with the rest split {t2[1]:.2f} and {t2[2]:.2f}." in [
        o.text for o in quiz.options
    ]
    assert f"About {cold[0]:.2f}, the same as at T = 1." in [o.text for o in quiz.options]


def test_distillation_t_squared() -> None:
    """The soft term's gradient, (q - p)/T, shrinks as 1/T² at high temperature: check
    numerically that T² times it settles to a constant."""
    teacher, student = [4.0, 2.0, 0.0], [3.0, 2.5, 0.5]

    def grad(t: float) -> float:
        p, q = softmax(teacher, t), softmax(student, t)
        return (q[0] - p[0]) / t

    ratios = [grad(t) * t * t for t in (10.0, 100.0, 1000.0)]
    assert abs(ratios[1] - ratios[2]) < 0.01 * abs(ratios[2])
    assert abs(grad(100.0) / grad(10.0) - 0.01) < 0.002


# --- latency-optimisation ---------------------------------------------------------------


def any_slow(shards: int, p_slow: float) -> float:
    """Chance that a request waiting on every shard meets at least one slow one."""
    return 1 - (1 - p_slow) ** shards


def mm1_p99_service_times(utilisation: float) -> float:
    """M/M/1: time in system is exponential with rate μ - λ, so its p99 is
    ln(100)/(μ - λ) = ln(100)/(1 - ρ) mean service times."""
    return math.log(100) / (1 - utilisation)


def test_latency_fan_out(real_bank) -> None:
    what = text_of(real_bank, "latency-optimisation", "answer.what")
    share = any_slow(shards=100, p_slow=0.01)
    assert number_in(what, r"waits for (\d+) shards") == 100
    assert number_in(what, r"slow one (\d+)% of the time") == round(share * 100)
    follow = text_of(real_bank, "latency-optimisation", "followups.0.a")
    assert number_in(follow, r"that is (\d+)%") == round(share * 100)
    quiz = real_bank.get("latency-optimisation").quiz[0]
    key = next(o.text for o in quiz.options if o.correct)
    assert number_in(key, r"About (\d+)%") == round(share * 100)
    assert number_in(quiz.options[1].text, r"About (\d+)%") == round((1 - share) * 100)


def test_latency_queueing(real_bank) -> None:
    why = text_of(real_bank, "latency-optimisation", "answer.why")
    half, hot = mm1_p99_service_times(0.5), mm1_p99_service_times(0.8)
    assert number_in(why, r"about ([\d.]+) mean service times at 50%") == round(half, 1)
    assert number_in(why, r"and (\d+) at 80%") == round(hot)
    assert "two and a half" in why and round(hot / half, 6) == 2.5
    quiz = real_bank.get("latency-optimisation").quiz[1]
    key = next(o for o in quiz.options if o.correct)
    assert number_in(key.text, r"About ([\d.]+) times") == round(hot / half, 1)
    assert number_in(key.why, r"so (\d+) against") == round(hot)
    assert number_in(key.why, r"against ([\d.]+)\.") == round(half, 1)
    assert number_in(quiz.options[0].text, r"About ([\d.]+) times") == 0.8 / 0.5


def test_latency_levers(real_bank) -> None:
    when = text_of(real_bank, "latency-optimisation", "answer.when")
    per_candidate_ms = 0.020  # 20 µs
    assert number_in(when, r"at (\d+) µs each") == per_candidate_ms * 1000
    assert number_in(when, r"candidates cost (\d+) ms") == 2000 * per_candidate_ms
    assert number_in(when, r"500\s+cost (\d+) ms") == 500 * per_candidate_ms
    both_slow = 0.01 * 0.01  # two independent replicas, each slow 1% of the time
    assert number_in(when, r"slow (\d+)% of the time independently") == 1
    assert number_in(when, r"both are slow, ([\d.]+)% of the time") == both_slow * 100
    hedged_share = 1 - 0.95  # duplicates go out for requests still waiting at the p95
    assert number_in(when, r"for about (\d+)% extra") == round(hedged_share * 100)
    quiz = real_bank.get("latency-optimisation").quiz[3]
    key = next(o.text for o in quiz.options if o.correct)
    assert number_in(key, r"About (\d+)%") == round(hedged_share * 100)


# --- gpu-utilisation --------------------------------------------------------------------


def mfu(params: float, tokens_per_second: float, peak_flops: float, flops_per_param=6) -> float:
    """Model FLOPs utilisation: the model's FLOPs per second over the hardware's peak."""
    return flops_per_param * params * tokens_per_second / peak_flops


def loader_workers(batch: int, step_seconds: float, per_worker_per_second: float) -> int:
    return math.ceil(batch / step_seconds / per_worker_per_second)


def test_gpu_utilisation_mfu(real_bank) -> None:
    what = text_of(real_bank, "gpu-utilisation", "answer.what")
    params, rate, peak = 7e9, 7000, 989e12
    assert number_in(what, r"training at\s+([\d,]+) tokens") == rate
    assert number_in(what, r"against (\d+) dense") == peak / 1e12
    assert number_in(what, r"at about (\d+)% MFU") == round(mfu(params, rate, peak) * 100)
    quiz = real_bank.get("gpu-utilisation").quiz[0]
    shown = {number_in(o.text, r"About (\d+)%"): o.correct for o in quiz.options}
    assert shown == {
        round(mfu(params, rate, peak) * 100): True,
        round(mfu(params, rate, peak, flops_per_param=2) * 100): False,  # forward only
        round(mfu(params, rate, peak, flops_per_param=8) * 100): False,  # with recompute
        round(mfu(params, rate, peak) / 8 * 100): False,  # divided by GPUs twice
    }
    key = next(o for o in quiz.options if o.correct)
    assert number_in(key.why, r"about ([\d.]+) × 10\^14") == round(6 * params * rate / 1e14, 1)


def test_gpu_utilisation_loader(real_bank) -> None:
    when = text_of(real_bank, "gpu-utilisation", "answer.when")
    assert "a step of 300 ms on 256 images" in when
    assert number_in(when, r"needs about (\d+) images") == round(256 / 0.3)
    assert number_in(when, r"a second, (\d+) loader workers") == loader_workers(256, 0.3, 100)
