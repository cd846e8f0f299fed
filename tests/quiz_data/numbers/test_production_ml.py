"""Worked numbers of the production-ML track, recomputed from the stated assumptions."""

from __future__ import annotations

from math import sqrt
from statistics import NormalDist

from . import number_in, text_of

_Z = NormalDist().inv_cdf


def one_sample_n(p0: float, p1: float, alpha: float, power: float) -> float:
    """Observations needed to tell a rate p1 from a known baseline p0 with a one-sided
    test: a canary is compared with a baseline measured on far more traffic."""
    za, zb = _Z(1 - alpha), _Z(power)
    return ((za * sqrt(p0 * (1 - p0)) + zb * sqrt(p1 * (1 - p1))) / (p1 - p0)) ** 2


def two_arm_n(p: float, q: float, alpha: float, power: float) -> float:
    """Units per arm for a two-sided two-proportion test with equal arms."""
    za, zb = _Z(1 - alpha / 2), _Z(power)
    pbar = (p + q) / 2
    num = za * sqrt(2 * pbar * (1 - pbar)) + zb * sqrt(p * (1 - p) + q * (1 - q))
    return (num / (p - q)) ** 2


def test_model_rollout_canary_and_ab_sizes(real_bank) -> None:
    why = text_of(real_bank, "model-rollout", "answer.why")
    n_canary = one_sample_n(p0=0.001, p1=0.002, alpha=0.05, power=0.8)
    assert number_in(why, r"takes about ([\d,]+) requests") == round(n_canary, -3)
    canary_per_hour = 20e6 * 0.01 / 24  # 1% of 20 million requests a day
    assert "under an hour at 1% of 20 million requests a day" in why
    assert n_canary / canary_per_hour < 1
    n_ab = two_arm_n(p=0.05, q=0.05 * 0.99, alpha=0.05, power=0.8)
    assert number_in(why, r"needs about ([\d.]+) million users per arm") == round(n_ab / 1e6, 1)
    key = text_of(real_bank, "model-rollout", "quiz.0.options.1.why")
    assert number_in(key, r"About ([\d,]+) requests") == round(n_canary, -3)
