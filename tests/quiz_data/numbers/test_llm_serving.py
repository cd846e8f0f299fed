"""Worked numbers of the LLM track's inference and product questions (decoding, context,
reasoning, cost and latency, self-hosting, vision-language tokens), recomputed from the
assumptions the text states. Each test names the question and the field that shows the
number."""

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
    hidden = generation_seconds(answer, rate)  # thinking counted as free: the distractor
    assert_shows(quiz[1].options[1].text, f"{hidden:.0f} seconds for both")
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
