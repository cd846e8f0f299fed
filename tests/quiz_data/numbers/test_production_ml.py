"""Worked numbers of the production-ML track, recomputed from the stated assumptions."""

from __future__ import annotations

import struct
from math import ceil, comb, exp, floor, log, log10, prod, sqrt
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
    stem = text_of(real_bank, "model-rollout", "quiz.0.stem")
    assert number_in(stem, r"1% of (\d+) million daily requests") == 20
    assert "in under an hour" in key  # the same canary as in the answer


def batch_feature_age_hours(run_hours: float, cycle_hours: float) -> tuple[float, float, float]:
    """Youngest, oldest and mean age of a value read when requests arrive evenly over a
    cycle and each run's values land `run_hours` after it starts."""
    return run_hours, run_hours + cycle_hours, run_hours + cycle_hours / 2


def raw_gb(entities: float, features: int, bytes_each: int) -> float:
    return entities * features * bytes_each / 1e9


def test_feature_store_freshness_and_size(real_bank) -> None:
    when = text_of(real_bank, "feature-store", "answer.when")
    young, old, mean = batch_feature_age_hours(run_hours=2, cycle_hours=24)
    assert number_in(when, r"serves values between (\d+) and") == young
    assert number_in(when, r"and (\d+) hours old") == old
    assert number_in(when, r"(\d+) hours on average") == mean
    quiz = text_of(real_bank, "feature-store", "quiz.1.options.3.text")
    assert number_in(quiz, r"About (\d+) hours") == mean
    trade = text_of(real_bank, "feature-store", "answer.tradeoffs")
    size = raw_gb(entities=200e6, features=50, bytes_each=4)  # float32
    assert number_in(trade, r"is (\d+) GB of raw values") == size


def batch_rate(items: float, window_s: float) -> float:
    return items / window_s


def round_sig(x: float, digits: int) -> float:
    """Round to significant figures, as the text rounds throughputs ("about 6,900")."""
    return round(x, -floor(log10(abs(x))) + digits - 1)


def test_batch_inference_throughput_waste_storage(real_bank) -> None:
    qid = "batch-vs-online-inference"
    when = text_of(real_bank, qid, "answer.when")
    rate = batch_rate(items=50e6, window_s=2 * 3600)
    assert number_in(when, r"needs about ([\d,]+) predictions a second") == round_sig(rate, 2)
    wasted = 1 - 8e6 / 50e6  # 8 million of 50 million return the next day
    assert number_in(when, r"(\d+)% of that work is never read") == round(100 * wasted)
    assert number_in(when, r"takes (\d+) GB") == raw_gb(entities=50e6, features=50, bytes_each=8)
    options = {number_in(o.text, r"About ([\d,]+)"): o for o in real_bank.get(qid).quiz[1].options}
    assert options[round_sig(rate, 2)].correct
    # the distractors' reasons state how long each wrong rate would take
    assert round(50e6 / 700 / 3600) == 20 and "about 20 hours" in options[700].why
    assert round(50e6 / 69_000 / 60) == 12 and "12 minutes" in options[69_000].why
    assert round_sig(50e6 / 86_400, 2) in options  # the whole-day rate


def epsilon_uniform_propensities(eps: float, k: int) -> tuple[float, float]:
    """Smallest and largest probability of showing an item when a uniform pick among k
    candidates replaces the model's top choice on a share eps of impressions."""
    return eps / k, 1 - eps + eps / k


def test_feedback_loop_exploration(real_bank) -> None:
    when = text_of(real_bank, "feedback-loops", "answer.when")
    low, high = epsilon_uniform_propensities(eps=0.05, k=20)
    assert number_in(when, r"the smallest propensity is ([\d.]+)") == round(low, 4)
    assert number_in(when, r"weight can reach (\d+)") == round(1 / low)
    lost = 0.05 * (1 - 0.40)  # random pick earns 40% of the model's clicks
    assert number_in(when, r"exploration costs (\d+)% of clicks") == round(100 * lost)
    options = {o.text.split(",")[0]: o for o in real_bank.get("feedback-loops").quiz[1].options}
    assert options[str(round(1 / low))].correct
    assert options[str(low)].text.startswith("0.0025, the probability 0.05 / 20")
    assert options[f"{1 / high:.2f}"].text.endswith(f"about {high:.2f}.")


def retrain_cost_per_day(cycle_cost: float, slope: float, days: float) -> float:
    """Average daily cost of retraining every `days` days when each cycle costs
    `cycle_cost` and staleness costs `slope` more per day for each day of model age."""
    return cycle_cost / days + slope * days / 2


def optimal_interval(cycle_cost: float, slope: float) -> float:
    return sqrt(2 * cycle_cost / slope)


def test_retraining_interval(real_bank) -> None:
    why = text_of(real_bank, "retraining-strategy", "answer.why")
    c, a = 6000, 250  # pounds per cycle; pounds per day per day of age
    t_star = optimal_interval(c, a)
    assert number_in(why, r"is about ([\d.]+) days, so") == round(t_star, 1)
    assert round(t_star) == 7 and "so weekly" in why
    assert number_in(why, r"daily retraining would cost about £([\d,]+)") == round(
        retrain_cost_per_day(c, a, 1)
    )
    assert number_in(why, r"weekly about £([\d,]+)") == round(retrain_cost_per_day(c, a, 7))
    assert number_in(why, r"monthly £([\d,]+)") == round(retrain_cost_per_day(c, a, 30))
    shrink = optimal_interval(c, a) / optimal_interval(c / 2, a)  # cycle cost halved
    assert number_in(why, r"only\s+by a factor of about ([\d.]+)") == round(shrink, 1)
    options = real_bank.get("retraining-strategy").quiz[0].options
    c2, a2 = 8000, 1000
    key = next(o for o in options if o.correct)
    assert number_in(key.text, r"Every (\d+) days") == optimal_interval(c2, a2)
    assert number_in(options[0].text, r"Every (\d+) days") == c2 / a2
    assert number_in(options[2].text, r"Every (\d+) days") == sqrt(c2 / (2 * a2))
    # daily retraining spends the whole cycle cost each day, far above the optimum's cost
    assert retrain_cost_per_day(c2, a2, 1) > 2 * retrain_cost_per_day(c2, a2, 4)


def accuracy_se(acc: float, n: int) -> float:
    return sqrt(acc * (1 - acc) / n)


def pass_probability(acc: float, n: int, bar: float) -> float:
    """Chance that measured accuracy on n examples reaches the bar (exact binomial)."""
    k_min = ceil(bar * n - 1e-9)
    return sum(comb(n, k) * acc**k * (1 - acc) ** (n - k) for k in range(k_min, n + 1))


def test_ml_testing_gate_noise(real_bank) -> None:
    why = text_of(real_bank, "ml-testing", "answer.why")
    z = _Z(0.975)
    se = accuracy_se(0.9, 500)
    assert number_in(why, r"standard error is about ([\d.]+) points") == round(100 * se, 1)
    assert number_in(why, r"spans about ±([\d.]+) points") == round(100 * z * se, 1)
    assert number_in(why, r"at about ±([\d.]+) points") == round(100 * z * accuracy_se(0.9, 200), 1)
    p = pass_probability(0.9, 500, 0.9)
    assert 0.45 < p < 0.56 and "fails about half the time" in why
    key = text_of(real_bank, "ml-testing", "quiz.0.options.2.text")
    assert "about half the time" in key
    assert number_in(key, r"±([\d.]+) points") == round(100 * z * se, 1)


def to_float32(x: float) -> float:
    """Round a Python float to the nearest float32, as a GPU kernel storing it would."""
    return struct.unpack("f", struct.pack("f", x))[0]


def test_reproducibility_float_order(real_bank) -> None:
    why = text_of(real_bank, "reproducibility", "answer.why")
    left, right = (0.1 + 0.2) + 0.3, 0.1 + (0.2 + 0.3)
    assert f"(0.1 + 0.2) + 0.3 gives {left!r} while 0.1 + (0.2 + 0.3) gives {right!r}" in why
    big = 2**24
    assert number_in(why, r"adding 1 to ([\d,]+) \(that is 2 to the 24th\)") == big
    assert to_float32(big + 1.0) == big  # "leaves it unchanged"
    assert to_float32(big + 2.0) == big + 2  # the next float32 above 2**24
    stem = text_of(real_bank, "reproducibility", "quiz.1.stem")
    assert number_in(stem, r"what is ([\d,]+) plus 1") == big
    key = next(o for o in real_bank.get("reproducibility").quiz[1].options if o.correct)
    assert number_in(key.text, r"^([\d,]+),") == to_float32(big + 1.0)


def seeds_per_config(gap: float, sd: float, alpha: float, power: float) -> float:
    """Independent seeds of each config needed for a two-sided two-sample test of a gap
    in mean metric, when each config's metric has standard deviation `sd` across seeds."""
    return 2 * ((_Z(1 - alpha / 2) + _Z(power)) * sd / gap) ** 2


def test_reproducibility_seed_count(real_bank) -> None:
    a = text_of(real_bank, "reproducibility", "followups.0.a")
    assert number_in(a, r"standard deviation\s+of ([\d.]+) across seeds") == 0.003
    n = seeds_per_config(gap=0.002, sd=0.003, alpha=0.05, power=0.8)
    assert number_in(a, r"takes about (\d+) seeds of each") == ceil(n)


def test_technical_debt_change_rate(real_bank) -> None:
    why = text_of(real_bank, "ml-technical-debt", "answer.why")
    signals, changes_per_year = 300, 1
    per_day = signals * changes_per_year / 365
    assert number_in(why, r"meets about ([\d.]+) such changes a day") == round(per_day, 2)
    assert round(per_day * 7) == 6 and "nearly six a week" in why
    assert per_day * 7 < 6  # "nearly", not "about"
    key = next(o for o in real_bank.get("ml-technical-debt").quiz[2].options if o.correct)
    assert number_in(key.text, r"roughly ([\d.]+) a day") == round(per_day, 2)


def dp_max_tpr(epsilon: float, fpr: float, delta: float = 0.0) -> float:
    """Largest true positive rate any membership test can reach against an
    (epsilon, delta)-DP model at a given false positive rate."""
    return min(1.0, exp(epsilon) * fpr + delta)


def test_privacy_bounds(real_bank) -> None:
    why = text_of(real_bank, "privacy-ml", "answer.why")
    assert number_in(why, r"no attacker exceeds about ([\d.]+)%") == round(
        100 * dp_max_tpr(1, 0.01), 1
    )
    assert number_in(why, r"the factor is about ([\d,]+),? so") == round(exp(8))
    assert dp_max_tpr(8, 0.01) == 1.0  # the bound says nothing at a 1% false positive rate
    key = next(o for o in real_bank.get("privacy-ml").quiz[0].options if o.correct)
    assert number_in(key.text, r"About ([\d.]+)%") == round(100 * dp_max_tpr(1, 0.01), 1)
    rr = text_of(real_bank, "privacy-ml", "followups.0.a")
    p_yes_given_yes, p_yes_given_no = 0.5 + 0.5 * 0.5, 0.5 * 0.5  # truthful on heads
    assert "probability 3/4" in rr and "probability 1/4" in rr
    assert number_in(rr, r"a ratio of (\d+)") == p_yes_given_yes / p_yes_given_no
    assert number_in(rr, r"ln 3, about ([\d.]+)") == round(log(3), 2)


def serial_downtime_minutes(availabilities: list[float], days: int = 30) -> float:
    """Expected downtime when a request needs every dependency and they fail independently."""
    return (1 - prod(availabilities)) * days * 24 * 60


def test_fallback_arithmetic(real_bank) -> None:
    what = text_of(real_bank, "ml-fallbacks", "answer.what")
    one = serial_downtime_minutes([0.999])
    two = serial_downtime_minutes([0.999, 0.999])
    assert number_in(what, r"give ([\d.]+)% together") == round(100 * 0.999**2, 1)
    assert number_in(what, r"from about (\d+) to") == round(one)
    assert number_in(what, r"to about (\d+) minutes") == round(two)
    why = text_of(real_bank, "ml-fallbacks", "answer.why")
    p_slow = 0.05  # beyond the 95th percentile
    assert number_in(why, r"both are slow only ([\d.]+)% of the time") == round(100 * p_slow**2, 2)
    assert number_in(why, r"for about (\d+)% extra load") == round(100 * p_slow)
    when = text_of(real_bank, "ml-fallbacks", "answer.when")
    assert number_in(when, r"can send (\d+) calls") == 3**3
    quiz = real_bank.get("ml-fallbacks").quiz
    assert number_in(quiz[0].options[0].text, r"About (\d+) minutes") == round(one)
    assert number_in(quiz[0].options[1].text, r"About (\d+) minutes") == round(two)
    assert number_in(quiz[0].options[1].why, r"0.2% of ([\d,]+) minutes") == 30 * 24 * 60
    assert serial_downtime_minutes([0.999]) * 0.001 < 1  # both down at once: under a minute
    assert number_in(quiz[1].options[3].text, r"^(\d+),") == 3**3
    # the distractor that reads "three attempts" as three retries after the first call
    assert number_in(quiz[1].options[2].text, r"^(\d+),") == (1 + 3) ** 3


def precision_at(base_rate: float, recall: float, fpr: float) -> float:
    tp = base_rate * recall
    return tp / (tp + (1 - base_rate) * fpr)


def test_adversarial_precision(real_bank) -> None:
    when = text_of(real_bank, "adversarial-settings", "answer.when")
    prec = precision_at(base_rate=0.002, recall=0.80, fpr=0.005)
    assert number_in(when, r"precision is only about (\d+)%") == round(100 * prec)
    assert round(1 - prec, 2) == 0.76 and "three of every four flags" in when
    options = real_bank.get("adversarial-settings").quiz[0].options
    key = next(o for o in options if o.correct)
    assert number_in(key.text, r"About (\d+)%") == round(100 * prec)
    assert number_in(key.why, r"^([\d.]+)% true flags") == round(100 * 0.002 * 0.80, 2)
    assert number_in(options[1].text, r"About ([\d.]+)%") == 100 * (1 - 0.005)
    joint = next(o for o in options if o.text.startswith("About 0.16%"))
    assert number_in(joint.text, r"About ([\d.]+)%") == round(100 * 0.002 * 0.80, 2)
    flagged = 0.002 * 0.80 + (1 - 0.002) * 0.005
    assert number_in(joint.why, r"about ([\d.]+)% of traffic") == round(100 * flagged, 2)


def reviewers_needed(items_per_day: float, review_share: float, per_hour: float, hours: float):
    """Queue size, reviews per reviewer per day and reviewers needed (before shifts)."""
    queue = items_per_day * review_share
    per_reviewer = per_hour * hours
    return queue, per_reviewer, queue / per_reviewer


def cohen_kappa(observed: float, base_rate: float) -> float:
    """Kappa for two raters who agree `observed` of the time on a binary label whose
    positive share is `base_rate` for both."""
    chance = base_rate**2 + (1 - base_rate) ** 2
    return (observed - chance) / (1 - chance)


def test_human_review_capacity_and_audit(real_bank) -> None:
    what = text_of(real_bank, "human-in-the-loop", "answer.what")
    queue, per_reviewer, needed = reviewers_needed(2e6, 0.03, per_hour=60, hours=6)
    assert number_in(what, r"the queue gets ([\d,]+) items") == queue
    assert number_in(what, r"clears (\d+), so") == per_reviewer
    assert number_in(what, r"needs about (\d+) reviewers") == round(needed)
    covered = 100 * per_reviewer
    assert number_in(what, r"With 100 reviewers, ([\d,]+) reviews") == covered
    assert number_in(what, r"cover only ([\d.]+)% of traffic") == 100 * covered / 2e6
    when = text_of(real_bank, "human-in-the-loop", "answer.when")
    auto = 2e6 * (1 - 0.03)
    assert number_in(when, r"roughly ([\d.]+) million") == round(auto / 1e6, 2)
    assert number_in(when, r"sends about (\d+) to review") == round(auto * 0.0005)
    assert number_in(when, r"each standing for ([\d,]+) items") == 1 / 0.0005
    kappa_text = text_of(real_bank, "human-in-the-loop", "followups.2.a")
    chance = 0.8**2 + 0.2**2
    assert number_in(kappa_text, r"agree (\d+)% of the time") == round(100 * chance)
    assert number_in(kappa_text, r"kappa is about ([\d.]+)") == round(cohen_kappa(0.85, 0.8), 2)
    options = real_bank.get("human-in-the-loop").quiz[0].options
    assert number_in(options[2].text, r"About (\d+),") == round(needed)
    assert number_in(options[0].text, r"About (\d+),") == round(needed / 10)
    assert number_in(options[0].text, r"one per ([\d,]+) items") == round(2e6 / (needed / 10), -4)
    assert number_in(options[3].text, r"About (\d+),") == queue / (8 * 150)
    assert number_in(options[1].text, r"About ([\d,]+),") == round(2e6 / per_reviewer, -2)
