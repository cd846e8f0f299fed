"""Worked numbers of the LLM systems track, recomputed from the assumptions the text
states. Each test names the question and the field that shows the number."""

from __future__ import annotations

import math

from . import assert_shows, field


def softmax(logits: list[float], temperature: float = 1.0) -> list[float]:
    """Probabilities of sampling each token at a temperature (logits divided by T)."""
    exps = [math.exp(z / temperature) for z in logits]
    total = sum(exps)
    return [e / total for e in exps]


def nucleus(probs: list[float], p: float) -> list[float]:
    """Top-p: the smallest prefix of the sorted probabilities reaching p, renormalised."""
    ranked = sorted(probs, reverse=True)
    kept: list[float] = []
    for q in ranked:
        kept.append(q)
        if sum(kept) >= p:
            break
    total = sum(kept)
    return [q / total for q in kept]


# --- tokenisation -------------------------------------------------------------------


def embedding_parameters(vocab: int, width: int) -> int:
    """One embedding matrix: a row of `width` numbers per vocabulary entry."""
    return vocab * width


def test_tokenisation_embedding_matrix(real_bank) -> None:
    text = field(real_bank, "tokenisation", "answer.tradeoffs")
    assert_shows(text, "128,000", "assumed vocabulary")
    assert_shows(text, "4,096", "assumed width")
    n = embedding_parameters(vocab=128_000, width=4_096)
    assert_shows(text, f"{n / 1e9:.2f} billion", "tokenisation answer.tradeoffs")
    stem = field(real_bank, "tokenisation", "quiz[2].stem")
    assert_shows(stem, "128,000", "quiz stem")
    assert_shows(stem, "4,096", "quiz stem")
    assert_shows(
        field(real_bank, "tokenisation", "quiz[2].options[3].text"), f"{n / 1e6:.0f} million"
    )
    assert_shows(field(real_bank, "tokenisation", "quiz[2].options[3].why"), f"{n:,}")


# --- decoding-strategies ------------------------------------------------------------


def test_decoding_temperature_and_top_p(real_bank) -> None:
    text = field(real_bank, "decoding-strategies", "answer.why")
    logits = [2.0, 1.0, 0.0]
    for temperature in (1.0, 0.5):
        for prob in softmax(logits, temperature):
            assert_shows(text, f"{prob:.3f}", f"softmax at T={temperature}")
    probs = softmax(logits, 1.0)
    assert_shows(text, f"{probs[0] + probs[1]:.3f}", "mass of the first two")
    for prob in nucleus(probs, p=0.9):
        assert_shows(text, f"{prob:.3f}", "renormalised nucleus")
    assert len(nucleus(probs, p=0.9)) == 2
    quiz = field(real_bank, "decoding-strategies", "quiz[0].options[2].text")
    assert_shows(quiz, f"{softmax(logits, 0.5)[0]:.3f}")
    assert_shows(
        field(real_bank, "decoding-strategies", "quiz[0].options[3].text"),
        f"{softmax(logits, 2.0)[0]:.3f}",
    )


# --- post-training-preference -------------------------------------------------------


def bradley_terry(reward_gap: float) -> float:
    """Probability that the higher-scored response is preferred: sigmoid of the gap."""
    return 1.0 / (1.0 + math.exp(-reward_gap))


def test_post_training_bradley_terry(real_bank) -> None:
    text = field(real_bank, "post-training-preference", "answer.why")
    assert_shows(text, f"a reward gap of 1 means a {bradley_terry(1.0):.2f} chance")
    assert_shows(text, f"a gap of 2 means {bradley_terry(2.0):.2f}")
    options = real_bank.get("post-training-preference").quiz[0].options
    key = next(o for o in options if o.correct)
    assert_shows(key.text, f"{bradley_terry(1.0):.2f}")
    assert_shows(key.why, f"{bradley_terry(1.0):.3f}")
    assert_shows(options[0].text, f"{bradley_terry(0.5):.2f}")
    assert_shows(options[1].text, f"{bradley_terry(2.0):.2f}")


# --- lora-qlora ---------------------------------------------------------------------

# The 8-billion-parameter shape the answer states: width 4,096, 32 layers, key and value
# projections of width 1,024 (grouped-query attention), MLP width 14,336, and a vocabulary
# of 128,256 entries with untied input and output matrices.
DENSE_8B = {"layers": 32, "width": 4_096, "kv_width": 1_024, "mlp": 14_336, "vocab": 128_256}


def linear_shapes(width: int, kv_width: int, mlp: int) -> list[tuple[int, int]]:
    """(in, out) of the seven linear layers of one block: q, k, v, o, gate, up, down."""
    return [
        (width, width),
        (width, kv_width),
        (width, kv_width),
        (width, width),
        (width, mlp),
        (width, mlp),
        (mlp, width),
    ]


def dense_parameters(layers: int, width: int, kv_width: int, mlp: int, vocab: int) -> dict:
    """Parameter counts of the linear layers and of the two embedding matrices."""
    linear = layers * sum(i * o for i, o in linear_shapes(width, kv_width, mlp))
    return {"linear": linear, "embeddings": 2 * vocab * width, "total": linear + 2 * vocab * width}


def lora_parameters(rank: int, layers: int, width: int, kv_width: int, mlp: int) -> int:
    """A is rank x in and B is out x rank for every targeted matrix."""
    return layers * sum(rank * (i + o) for i, o in linear_shapes(width, kv_width, mlp))


def test_lora_memory_budget(real_bank) -> None:
    text = field(real_bank, "lora-qlora", "answer.why")
    for shown in ("4,096", "32 layers", "1,024", "14,336", "rank 16", "24 GB"):
        assert_shows(text, shown, "stated assumption")
    p = dense_parameters(**DENSE_8B)
    assert round(p["total"] / 1e9) == 8  # "an 8-billion-parameter model"
    adam_bytes = 16  # fp32 master, fp32 Adam moments, 16-bit weight and gradient
    assert_shows(text, f"{adam_bytes} bytes per parameter, {p['total'] * adam_bytes / 1e9:.0f} GB")
    lora = lora_parameters(rank=16, **{k: v for k, v in DENSE_8B.items() if k != "vocab"})
    assert_shows(text, f"{lora / 1e6:.0f} million")
    assert_shows(text, f"{100 * lora / p['total']:.2f}%")
    assert_shows(text, f"{lora * adam_bytes / 1e9:.2f} GB")
    assert_shows(text, f"{p['total'] * 2 / 1e9:.0f} GB in bf16")
    assert_shows(text, f"{p['linear'] / 1e9:.1f} billion linear-layer weights")
    assert_shows(text, f"{p['linear'] * 0.5 / 1e9:.1f} GB at 4 bits")
    assert_shows(text, f"{p['embeddings'] * 2 / 1e9:.1f} GB for the embedding")
    weights = p["linear"] * 0.5 + p["embeddings"] * 2 + lora * adam_bytes
    assert weights / 1e9 < 24 / 3, "QLoRA weights leave most of a 24 GB GPU for activations"


def test_lora_single_matrix(real_bank) -> None:
    per_matrix = 16 * (4_096 + 4_096)
    options = real_bank.get("lora-qlora").quiz[0].options
    assert_shows(options[2].text, f"{per_matrix:,}")
    assert_shows(options[2].why, f"16 × 8,192 = {per_matrix:,}")
    assert_shows(options[2].why, f"{100 * per_matrix / 4_096**2:.2f}%")
    assert_shows(options[0].text, f"{per_matrix // 2:,}")
    assert_shows(options[1].text, f"{per_matrix * 2:,}")
    assert_shows(options[3].text, f"{4_096**2:,}")


# --- context-engineering ------------------------------------------------------------


def resent_history(
    tokens_per_exchange: int, exchanges: int, keep_last: int | None = None, summary_tokens: int = 0
) -> tuple[int, int]:
    """(tokens in the last call, tokens sent over the conversation) when every call resends
    the history: all of it, or only the last `keep_last` exchanges plus a summary of the
    older ones once there are any."""
    calls = []
    for k in range(1, exchanges + 1):
        if keep_last is None or k <= keep_last:
            calls.append(k * tokens_per_exchange)
        else:
            calls.append(keep_last * tokens_per_exchange + summary_tokens)
    return calls[-1], sum(calls)


def test_context_engineering_resent_history(real_bank) -> None:
    why = field(real_bank, "context-engineering", "answer.why")
    last, total = resent_history(tokens_per_exchange=500, exchanges=40)
    assert_shows(why, "500 tokens")
    assert_shows(why, f"the 40th call holds {last:,} tokens")
    assert_shows(why, f"has sent {total:,} in total")
    when = field(real_bank, "context-engineering", "answer.when")
    _, capped = resent_history(500, 40, keep_last=10, summary_tokens=1_000)
    assert_shows(when, "last 10 exchanges and a 1,000-token summary")
    assert_shows(when, f"falls to {capped:,} tokens")
    options = real_bank.get("context-engineering").quiz[0].options
    assert_shows(options[2].text, f"{total:,}")
    assert_shows(options[2].why, f"500 × {sum(range(1, 41))} = {total:,}")
    assert_shows(options[0].text, f"{last:,}")
    assert_shows(options[1].text, f"{2 * total:,}")
    assert_shows(options[3].text, f"{40 * last:,}")


# --- tool-calling-structured-output -------------------------------------------------


def all_valid(p_valid: float, calls: int) -> float:
    """Chance that every one of `calls` independent outputs is valid."""
    return p_valid**calls


def test_tool_calling_compounding(real_bank) -> None:
    why = field(real_bank, "tool-calling-structured-output", "answer.why")
    assert_shows(why, "99% validity per call, an agent making 20 calls")
    assert_shows(why, f"only {100 * all_valid(0.99, 20):.0f}% of the time")
    options = real_bank.get("tool-calling-structured-output").quiz[2].options
    assert_shows(options[1].text, f"{100 * all_valid(0.99, 20):.0f}%")
    assert_shows(options[1].why, f"about {all_valid(0.99, 20):.3f}")
    assert_shows(options[2].text, f"{100 - 20 * 1}%")
    assert_shows(options[3].text, f"{100 * all_valid(0.95, 20):.0f}%")


# --- reasoning-models ---------------------------------------------------------------


def majority_correct(p: float, votes: int) -> float:
    """Binary answer, independent samples: chance that more than half are right."""
    need = votes // 2 + 1
    return sum(math.comb(votes, k) * p**k * (1 - p) ** (votes - k) for k in range(need, votes + 1))


def generation_seconds(tokens: int, tokens_per_second: float) -> float:
    return tokens / tokens_per_second


def test_reasoning_votes_and_latency(real_bank) -> None:
    why = field(real_bank, "reasoning-models", "answer.why")
    assert_shows(
        why,
        f"right 60% of the time per independent sample is right "
        f"{100 * majority_correct(0.6, 5):.0f}% of the time by majority over five",
    )
    thinking, answer, rate = 5_000, 300, 50
    assert_shows(why, f"{(thinking + answer) / answer:.1f} times the output")
    assert_shows(why, f"takes {generation_seconds(thinking + answer, rate):.0f}")
    assert_shows(why, f"seconds instead of {generation_seconds(answer, rate):.0f}")
    quiz = real_bank.get("reasoning-models").quiz
    assert_shows(
        quiz[1].options[3].text, f"{generation_seconds(thinking + answer, rate):.0f} seconds"
    )
    assert_shows(quiz[1].options[2].text, f"{generation_seconds(thinking, rate):.0f} seconds")
    assert_shows(quiz[1].options[0].text, f"{generation_seconds(500 + answer, rate):.0f} seconds")
    assert_shows(quiz[2].options[1].text, f"{majority_correct(0.6, 5):.2f}")
    assert_shows(quiz[2].options[1].why, f"{majority_correct(0.6, 5):.3f}")
    assert_shows(quiz[2].options[2].text, f"{1 - 0.4**5:.2f}")


# --- llm-cost-latency ---------------------------------------------------------------


def response_seconds(ttft: float, per_token: float, output_tokens: int) -> float:
    """End-to-end time: time to first token plus one decode step per output token."""
    return ttft + per_token * output_tokens


def request_cost(
    input_tokens: int,
    output_tokens: int,
    output_ratio: float,
    cached_tokens: int = 0,
    cached_price: float = 1.0,
) -> float:
    """Cost in input-token units: output priced `output_ratio` times input, cached input
    at `cached_price` of the fresh price."""
    fresh = input_tokens - cached_tokens
    return fresh + cached_tokens * cached_price + output_tokens * output_ratio


def routed_spend(moved_share: float, price_ratio: float) -> float:
    """Spend relative to before when a share of traffic moves to a cheaper model."""
    return moved_share * price_ratio + (1 - moved_share)


def test_cost_latency_numbers(real_bank) -> None:
    why = field(real_bank, "llm-cost-latency", "answer.why")
    assert_shows(why, "0.5 s to first token and 40 ms")
    assert_shows(why, f"a 600-token answer takes {response_seconds(0.5, 0.040, 600):.1f} s")
    assert_shows(why, f"capped at 150 tokens it takes {response_seconds(0.5, 0.040, 150):.1f} s")
    full = request_cost(4_000, 600, output_ratio=4)
    assert_shows(why, f"cost {full:,.0f} input-token units")
    assert_shows(why, f"{100 * 600 * 4 / full:.1f}% of it output")
    cached = request_cost(4_000, 600, output_ratio=4, cached_tokens=3_000, cached_price=0.1)
    assert_shows(why, f"falls to {cached:,.0f} units, {100 * (1 - cached / full):.0f}% less")
    when = field(real_bank, "llm-cost-latency", "answer.when")
    spend = routed_spend(0.7, 0.1)
    assert_shows(
        when, f"spend falls to {100 * spend:.0f}% of before, a {100 * (1 - spend):.0f}% saving"
    )
    quiz = real_bank.get("llm-cost-latency").quiz
    assert_shows(quiz[0].options[1].text, f"{response_seconds(0.5, 0.040, 600):.1f} s")
    assert_shows(quiz[0].options[1].text, f"{response_seconds(0.5, 0.040, 150):.1f} s")
    assert_shows(quiz[1].options[2].text, f"{100 * spend:.0f}%")
    assert_shows(quiz[1].options[2].why, f"= {spend:.2f}")
    follow = field(real_bank, "llm-cost-latency", "followups[0].a")
    assert_shows(follow, f"{600 - 150} fewer output tokens save {0.040 * 450:.0f} s")


# --- self-host-vs-api ---------------------------------------------------------------


def tokens_per_hour(tokens_per_second: float, load: float = 1.0) -> float:
    return tokens_per_second * 3600 * load


def break_even_load(node_hour_in_api_tokens: float, capacity_per_hour: float) -> float:
    """Average load at which the node's hourly price equals the API bill for the same
    tokens: the node price (in API tokens) over the node's full-load capacity."""
    return node_hour_in_api_tokens / capacity_per_hour


def test_self_host_utilisation(real_bank) -> None:
    why = field(real_bank, "self-host-vs-api", "answer.why")
    full = tokens_per_hour(5_000)
    quarter = tokens_per_hour(5_000, load=0.25)
    assert_shows(why, "5,000 output")
    assert_shows(why, f"serves {full / 1e6:.0f} million tokens an hour flat out")
    assert_shows(why, f"at 25% average load it serves {quarter / 1e6:.1f} million")
    assert full / quarter == 4  # "each token costs four times as much"
    load = break_even_load(4.5e6, full)
    assert_shows(why, "costs as much as 4.5 million")
    assert_shows(why, f"only above {100 * load:.0f}% average load")
    quiz = real_bank.get("self-host-vs-api").quiz
    assert_shows(quiz[0].options[2].text, f"{quarter / 1e6:.1f} million")
    assert_shows(quiz[0].options[2].why, f"{full / 1e6:.0f} million")
    assert_shows(quiz[1].options[3].text, f"{100 * load:.0f}%")
    assert_shows(quiz[1].options[2].why, f"{tokens_per_hour(5_000, 0.5) / 1e6:.0f} million")


# --- mixture-of-experts -------------------------------------------------------------

MOE_SHAPE = {
    "layers": 32,
    "width": 4_096,
    "kv_width": 1_024,
    "mlp": 14_336,
    "vocab": 32_000,
    "experts": 8,
    "top_k": 2,
}


def moe_parameters(
    layers: int, width: int, kv_width: int, mlp: int, vocab: int, experts: int, top_k: int
) -> dict:
    """Held and per-token parameters of an MoE with gated (three-matrix) expert MLPs,
    dense grouped-query attention, a linear router and untied embeddings."""
    attention = 2 * width * width + 2 * width * kv_width
    expert = 3 * width * mlp
    router = width * experts
    embeddings = 2 * vocab * width
    total = layers * (attention + experts * expert + router) + embeddings
    active = layers * (attention + top_k * expert + router) + embeddings
    return {
        "attention": attention,
        "experts": layers * experts * expert,
        "total": total,
        "active": active,
    }


def experts_touched(experts: int, top_k: int, tokens: int) -> float:
    """Expected experts hit in one layer by a batch of tokens under uniform routing."""
    return experts * (1 - (1 - top_k / experts) ** tokens)


def test_moe_shape(real_bank) -> None:
    why = field(real_bank, "mixture-of-experts", "answer.why")
    for shown in ("32 layers", "4,096", "14,336", "top-2", "1,024", "32,000"):
        assert_shows(why, shown, "stated assumption")
    p = moe_parameters(**MOE_SHAPE)
    assert_shows(why, f"{p['total'] / 1e9:.1f} billion parameters")
    assert_shows(why, f"uses {p['active'] / 1e9:.1f} billion per token")
    assert_shows(why, f"about {2 * p['active'] / 1e9:.0f} GFLOPs per token")
    assert_shows(why, f"all {2 * p['total'] / 1e9:.0f} GB of bf16 weights")
    quiz = real_bank.get("mixture-of-experts").quiz
    assert_shows(quiz[0].stem, f"about {p['attention'] / 1e6:.0f} million weights per layer")
    key = quiz[0].options[1]
    assert_shows(
        key.text, f"{p['total'] / 1e9:.1f} billion held and {p['active'] / 1e9:.1f} billion"
    )
    assert_shows(key.why, f"Experts hold {p['experts'] / 1e9:.1f} billion")
    assert_shows(quiz[0].options[3].text, f"{p['active'] / 4e9:.1f} billion used")


def test_moe_batch_coverage(real_bank) -> None:
    touched = experts_touched(experts=8, top_k=2, tokens=16)
    tradeoffs = field(real_bank, "mixture-of-experts", "answer.tradeoffs")
    assert_shows(tradeoffs, f"batch of 16 tokens already touches {touched:.1f} of the 8 experts")
    key = real_bank.get("mixture-of-experts").quiz[3].options[3]
    assert_shows(key.text, f"{touched:.1f}")
    assert_shows(key.why, f"≈ {touched:.2f}")


# --- perplexity ---------------------------------------------------------------------


def perplexity(mean_nats_per_token: float) -> float:
    return math.exp(mean_nats_per_token)


def bits_per_byte(mean_nats_per_token: float, tokens: int, text_bytes: int) -> float:
    """Total negative log-likelihood of the text in bits, divided by its length in bytes."""
    return mean_nats_per_token * tokens / math.log(2) / text_bytes


def test_perplexity_conversions(real_bank) -> None:
    what = field(real_bank, "perplexity", "answer.what")
    assert_shows(
        what, f"perplexity of {perplexity(2.0):.2f}, or {2.0 / math.log(2):.3f} bits per token"
    )
    when = field(real_bank, "perplexity", "answer.when")
    total_nats = 2.0 * 1_000
    assert_shows(when, f"is {total_nats:,.0f} nats, or {total_nats / math.log(2):,.0f} bits")
    assert_shows(when, f"which is {bits_per_byte(2.0, 1_000, 4_200):.3f} bits per byte")
    quiz = real_bank.get("perplexity").quiz
    assert_shows(quiz[0].options[3].text, f"{perplexity(2.0):.2f}")
    assert_shows(quiz[0].options[2].text, f"{math.exp(-2.0):.2f}")
    assert_shows(quiz[1].options[2].text, f"{math.log2(50_000):.1f}")
    assert_shows(quiz[1].options[3].text, f"{1 / 50_000:.5f}")
    assert_shows(quiz[3].options[1].text, f"{bits_per_byte(2.0, 1_000, 4_200):.2f}")
    assert_shows(
        quiz[3].options[1].why, f"over 4,200 bytes is {bits_per_byte(2.0, 1_000, 4_200):.3f}"
    )
    assert_shows(quiz[3].options[0].text, f"{total_nats / 4_200:.2f}")
    assert_shows(quiz[3].options[2].text, f"{2.0 / math.log(2):.2f}")
    assert_shows(quiz[3].options[3].text, f"{2.0 / math.log(2) * 4.2:.1f}")


# --- vision-language-models ---------------------------------------------------------


def visual_tokens(side_pixels: int, patch_pixels: int, merge: int = 1) -> int:
    """Tokens for a square image: patches per side squared, divided by merged blocks."""
    per_side = side_pixels // patch_pixels
    return (per_side // merge) ** 2


def tiled_tokens(
    page_pixels: int, tile_pixels: int, tokens_per_tile: int, thumbnail: bool = True
) -> int:
    tiles = (page_pixels // tile_pixels) ** 2
    return tiles * tokens_per_tile + (tokens_per_tile if thumbnail else 0)


def test_vlm_token_counts(real_bank) -> None:
    why = field(real_bank, "vision-language-models", "answer.why")
    per_side = 336 // 14
    assert_shows(why, f"gives {per_side} by {per_side}, {visual_tokens(336, 14)} visual tokens")
    assert_shows(why, f"cuts that to {visual_tokens(336, 14, merge=2)}")
    assert (1_344 // 336) ** 2 == 16  # "sixteen 336-pixel tiles"
    assert_shows(why, f"costs {tiled_tokens(1_344, 336, visual_tokens(336, 14)):,} tokens")
    quiz = real_bank.get("vision-language-models").quiz
    assert_shows(quiz[0].options[2].text, f"{visual_tokens(336, 14)}")
    assert_shows(quiz[0].options[1].text, f"{visual_tokens(336, 14, merge=2)}")
    assert_shows(quiz[0].options[3].text, f"{336 * per_side:,}")
    assert_shows(quiz[3].options[3].text, f"{tiled_tokens(1_344, 336, 576):,}")
    assert_shows(quiz[3].options[1].text, f"{tiled_tokens(1_344, 336, 576, thumbnail=False):,}")
    assert_shows(quiz[3].options[0].text, f"{5 * 576:,}")


# --- long-context -------------------------------------------------------------------


def slowest_rope_wavelength(base: float, head_dim: int) -> float:
    """Tokens per full turn of the slowest pair, theta = base^(-(d-2)/d)."""
    return 2 * math.pi * base ** ((head_dim - 2) / head_dim)


def kv_cache_bytes_per_token(
    layers: int, kv_heads: int, head_dim: int, bytes_per_value: int
) -> int:
    """Keys and values (two tensors) for every layer and key-value head."""
    return 2 * layers * kv_heads * head_dim * bytes_per_value


def test_long_context_rope_and_cache(real_bank) -> None:
    what = field(real_bank, "long-context", "answer.what")
    assert_shows(what, "10,000 and head dimension 128")
    slow = slowest_rope_wavelength(10_000, 128)
    assert_shows(what, f"wavelength is about {round(slow, -3):,.0f}")
    assert_shows(
        what,
        f"at 500,000 the slowest wavelength is about "
        f"{slowest_rope_wavelength(500_000, 128) / 1e6:.1f} million",
    )
    why = field(real_bank, "long-context", "answer.why")
    per_token = kv_cache_bytes_per_token(layers=32, kv_heads=8, head_dim=128, bytes_per_value=2)
    assert_shows(
        why, f"{per_token // 1024} KiB per token, {per_token * 131_072 // 2**30} GiB for one"
    )
    assert_shows(why, "131,072-token sequence")
    quiz = real_bank.get("long-context").quiz
    assert_shows(quiz[0].options[2].text, f"{round(slow, -3):,.0f}")
    assert_shows(quiz[0].options[2].why, f"≈ {round(slow, -2):,.0f}")
    assert_shows(
        quiz[0].options[3].text, f"{slowest_rope_wavelength(500_000, 128) / 1e6:.1f} million"
    )
    total_gib = per_token * 131_072 / 2**30
    assert_shows(quiz[2].options[1].text, f"{total_gib:.0f} GiB, at {per_token // 1024} KiB")
    assert_shows(quiz[2].options[0].text, f"{total_gib / 2:.0f} GiB")
    assert_shows(quiz[2].options[2].text, f"{total_gib * 4:.0f} GiB")
    assert_shows(quiz[2].options[3].text, f"{total_gib / 32 * 1024:.0f} MiB")


# --- pretraining-data ---------------------------------------------------------------


def lsh_candidate_probability(jaccard: float, bands: int, rows: int) -> float:
    """MinHash with banding: a pair is a candidate if all rows agree in at least one band;
    each row agrees with probability equal to the Jaccard similarity."""
    return 1 - (1 - jaccard**rows) ** bands


def test_pretraining_minhash_curve(real_bank) -> None:
    why = field(real_bank, "pretraining-data", "answer.why")
    bands, rows = 14, 8
    assert_shows(why, f"With {bands * rows} hashes in {bands} bands of {rows}")
    assert_shows(
        why,
        f"at Jaccard 0.9 becomes a candidate "
        f"{100 * lsh_candidate_probability(0.9, bands, rows):.2f}% of the time",
    )
    assert_shows(why, f"at 0.8 {100 * lsh_candidate_probability(0.8, bands, rows):.0f}%")
    assert_shows(why, f"at 0.5 only {100 * lsh_candidate_probability(0.5, bands, rows):.0f}%")
    options = real_bank.get("pretraining-data").quiz[0].options
    assert_shows(options[2].text, f"{100 * lsh_candidate_probability(0.8, bands, rows):.0f}%")
    assert_shows(options[2].why, f"≈ {lsh_candidate_probability(0.8, bands, rows):.2f}")
    assert_shows(options[0].text, f"{100 * 0.8**rows:.0f}%")
    assert_shows(options[3].why, f"{100 * lsh_candidate_probability(0.9, bands, rows):.2f}%")


# --- llm-uncertainty ----------------------------------------------------------------


def cluster_entropy(cluster_sizes: list[int]) -> float:
    """Entropy in nats of the share of samples in each meaning cluster."""
    n = sum(cluster_sizes)
    return -sum(c / n * math.log(c / n) for c in cluster_sizes)


def selective_error(error_rate: float, abstain_share: float, errors_removed: float) -> float:
    """Error rate among answered queries after abstaining on a share of traffic that
    holds a given share of the errors."""
    return error_rate * (1 - errors_removed) / (1 - abstain_share)


def test_uncertainty_entropy_and_selective_error(real_bank) -> None:
    why = field(real_bank, "llm-uncertainty", "answer.why")
    assert_shows(why, "clusters of 6, 3 and 1")
    assert_shows(why, f"= {cluster_entropy([6, 3, 1]):.2f} nats")
    assert_shows(why, f"{cluster_entropy([1] * 10):.2f} when all differ")
    sel = selective_error(0.10, abstain_share=0.20, errors_removed=0.60)
    assert_shows(why, "error is 10% and abstaining on the least confident 20%")
    assert_shows(why, "removes 60% of the errors")
    assert_shows(why, f"the answered 80% have an error rate of {100 * sel:.0f}%")
    quiz = real_bank.get("llm-uncertainty").quiz
    assert_shows(quiz[0].options[3].text, f"{100 * sel:.0f}%")
    assert_shows(quiz[0].options[3].why, f"{0.10 * 0.4:.2f} of queries are wrong among the 0.80")
    assert_shows(quiz[0].options[0].text, f"{100 * 0.10 * 0.4:.0f}%")
    assert_shows(quiz[0].options[1].text, f"{100 * 0.10 * 0.8:.0f}%")
    assert_shows(quiz[0].options[2].text, f"{100 * 0.10 * 0.6:.0f}%")
    assert_shows(quiz[1].options[1].text, f"{cluster_entropy([6, 3, 1]):.2f} nats")
    assert_shows(quiz[1].options[1].why, f"≈ {cluster_entropy([6, 3, 1]):.3f}")
    assert_shows(quiz[1].options[0].text, f"{cluster_entropy([9, 1]):.2f} nats")
    assert_shows(quiz[1].options[2].text, f"{cluster_entropy([1, 1, 1]):.2f} nats")
    assert_shows(quiz[1].options[3].text, f"{cluster_entropy([1] * 10):.2f} nats")


# --- llm-guardrails -----------------------------------------------------------------


def any_blocks(false_positive_rates: list[float]) -> float:
    """Share of legitimate requests blocked by at least one independent check."""
    passes = 1.0
    for rate in false_positive_rates:
        passes *= 1 - rate
    return 1 - passes


def flag_precision(attack_share: float, recall: float, false_positive_rate: float) -> float:
    """Share of flags that are real attacks (Bayes with the attack base rate)."""
    true_flags = attack_share * recall
    false_flags = (1 - attack_share) * false_positive_rate
    return true_flags / (true_flags + false_flags)


def test_guardrail_error_rates_and_latency(real_bank) -> None:
    why = field(real_bank, "llm-guardrails", "answer.why")
    blocked = any_blocks([0.01, 0.02, 0.01])
    assert_shows(why, "block 1%, 2% and 1%")
    assert_shows(why, f"together block {100 * blocked:.2f}% of them")
    precision = flag_precision(0.001, 0.95, 0.01)
    assert_shows(why, "0.1% of traffic is an attack and a detector catches 95%")
    assert_shows(why, f"only {100 * precision:.1f}% of its flags")
    assert_shows(why, f"catching 80% each would miss {100 * 0.2 * 0.2:.0f}% together")
    when = field(real_bank, "llm-guardrails", "answer.when")
    checks = [40, 60, 150]
    assert_shows(when, f"cost {sum(checks)} ms in sequence but {max(checks)} ms in parallel")
    quiz = real_bank.get("llm-guardrails").quiz
    assert_shows(quiz[0].options[2].text, f"{100 * blocked:.2f}%")
    assert_shows(quiz[0].options[2].why, f"≈ {blocked:.4f}")
    assert_shows(quiz[0].options[1].text, f"{100 * sum([0.01, 0.02, 0.01]) / 3:.1f}%")
    assert_shows(quiz[0].options[3].text, f"{100 * 0.01 * 0.02 * 0.01:.4f}%")
    assert_shows(quiz[1].options[1].text, f"{100 * precision:.1f}%")
    assert_shows(
        quiz[1].options[1].why, f"{0.001 * 0.95:.5f} true flags against {0.999 * 0.01:.5f}"
    )
    assert_shows(quiz[2].stem, f"adding {sum(checks)} ms")
    assert_shows(quiz[2].options[0].why, f"{max(checks)} ms")
