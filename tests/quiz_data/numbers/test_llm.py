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
    assert_shows(field(real_bank, "tokenisation", "quiz[2].options[3].text"), f"{n / 1e6:.0f} million")
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
    assert_shows(field(real_bank, "decoding-strategies", "quiz[0].options[3].text"),
                 f"{softmax(logits, 2.0)[0]:.3f}")


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
