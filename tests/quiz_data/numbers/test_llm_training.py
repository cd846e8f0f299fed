"""Worked numbers of the LLM track's model-building questions (tokeniser, preference
tuning, LoRA, mixture of experts, long context, pretraining data, perplexity), recomputed
from the assumptions the text states. Each test names the question and the field that
shows the number."""

from __future__ import annotations

import math

from . import assert_shows, field

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


def nf4_scale_bits(block: int = 64, second_block: int = 256) -> float:
    """Extra bits per weight for QLoRA's double-quantised scales: an 8-bit scale per block
    of 64 weights, and an fp32 scale per 256 of those scales."""
    return 8 / block + 32 / (block * second_block)


def test_lora_memory_budget(real_bank) -> None:
    text = field(real_bank, "lora-qlora", "answer.why")
    for shown in ("4,096", "32 layers", "1,024", "14,336", "128,256-entry", "rank 16", "24 GB"):
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
    scales = p["linear"] * nf4_scale_bits() / 8
    assert_shows(text, f"about {scales / 1e9:.1f} GB more for the block scales")
    assert_shows(text, f"{p['embeddings'] * 2 / 1e9:.1f} GB for the embedding")
    weights = p["linear"] * 0.5 + scales + p["embeddings"] * 2 + lora * adam_bytes
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
