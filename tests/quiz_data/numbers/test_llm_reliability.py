"""Worked numbers of the LLM track's reliability questions (structured output, uncertainty,
guardrails), recomputed from the assumptions the text states. Each test names the
question and the field that shows the number."""

from __future__ import annotations

import math

from . import assert_shows, field

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
