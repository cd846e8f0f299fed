"""The computed figures: each figure's numbers make its point, the SVGs in docs/ are what
``python -m figures`` builds today, and every figure has alt text and a caption whose numbers
match the figure."""

from __future__ import annotations

import itertools
import math
import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import yaml

from figures import (
    ab_power,
    activation_functions,
    bias_variance_u,
    bm25_saturation,
    clt,
    forecast_trend,
    kl_directions,
    kmeans_vs_gmm,
    l1_l2_constraints,
    learning_curves,
    multiple_comparisons,
    optimiser_paths,
    reliability_diagram,
    roc_vs_pr,
    shrinkage_funnel,
)
from figures.build import OUT_DIR, build, modules
from tests.conftest import ROOT

CAPTIONS = ROOT / "figures" / "CAPTIONS.yml"
MAX_SVG_BYTES = 150 * 1024
MIN_FONT_PX = 11.0  # matplotlib's SVG gives font sizes in px at 72 dpi, i.e. in points


@cache
def numbers(name: str) -> dict:
    """Each figure's numbers, computed once for the whole module."""
    return modules()[name].compute()


def mc_tolerance(p: float, reps: int, k: float = 3.0) -> float:
    """k standard errors of a Monte Carlo proportion near p."""
    return k * math.sqrt(p * (1 - p) / reps)


# --- learning-curves ---------------------------------------------------------------------


def test_flat_validation_while_training_loss_falls():
    d = numbers(learning_curves.NAME)
    train, val = d["flat_train"], d["flat_val"][1:]
    train_drop = train[0] - train[-1]
    assert train_drop > 0.5
    assert val.max() - val.min() < 0.1 * train_drop
    # Flat at the level of a 50 % guess, ln 2, not just flat somewhere.
    assert np.all(np.abs(val - d["chance_loss"]) < 0.05)


def test_overfitting_validation_minimum_strictly_inside():
    d = numbers(learning_curves.NAME)
    train, val, best = d["overfit_train"], d["overfit_val"], d["overfit_best_epoch"]
    assert 0 < best < len(val) - 1
    assert val[best] < val[0] - 0.05  # it really fell ...
    assert val[-1] > val[best] + 0.1  # ... and really rose again
    assert train[-1] < train[best]  # while training loss kept falling


# --- bias-variance-u ---------------------------------------------------------------------


def test_u_curve_minimum_strictly_inside_degree_range():
    d = numbers(bias_variance_u.NAME)
    i = int(np.argmin(d["total"]))
    assert 0 < i < len(d["degrees"]) - 1
    assert d["total"][0] > d["total"][i] + 0.1
    assert d["total"][-1] > d["total"][i] + 0.1


def test_bias_falls_and_variance_rises_with_degree():
    d = numbers(bias_variance_u.NAME)
    bias2, variance = d["bias2"], d["variance"]
    # The estimated bias^2 carries a Monte Carlo floor of about variance / n_sets (the mean
    # fit is itself an average of n_sets fits), so allow that much noise once bias^2 is ~0.
    floor = 3 * variance[1:] / d["n_sets"]
    assert np.all(bias2[1:] <= bias2[:-1] + floor)
    assert bias2[d["best_degree"]] < 0.05 * bias2[0]
    assert np.all(np.diff(variance) > 0)


def test_decomposition_matches_measured_test_error():
    d = numbers(bias_variance_u.NAME)
    np.testing.assert_allclose(d["total"], d["bias2"] + d["variance"] + d["noise"])
    np.testing.assert_allclose(d["total"], d["measured_test_mse"], rtol=0.01)
    assert d["noise"] == pytest.approx(bias_variance_u.SIGMA**2)


# --- l1-l2-constraints -------------------------------------------------------------------


def _boundary_points(kind: str, t: float, n: int = 20_000) -> np.ndarray:
    theta = np.linspace(0, 2 * np.pi, n, endpoint=False)
    c, s = np.cos(theta), np.sin(theta)
    if kind == "l1":
        scale = t / (np.abs(c) + np.abs(s))
        return np.stack([c * scale, s * scale], axis=1)
    return np.stack([c * t, s * t], axis=1)


def test_l1_optimum_is_a_corner_with_an_exact_zero():
    d = numbers(l1_l2_constraints.NAME)
    w, t = d["w_l1"], d["radius"]
    assert np.abs(d["w_ols"]).sum() > t  # the constraint is active
    assert np.abs(w).sum() == pytest.approx(t, abs=1e-12)
    assert np.min(np.abs(w)) == 0.0
    # Optimality at the corner: the loss gradient points into the diamond's normal cone.
    g = 2 * d["h"] @ (w - d["w_ols"])
    nonzero = int(np.argmax(np.abs(w)))
    assert abs(g[1 - nonzero]) < abs(g[nonzero])


def test_l2_optimum_has_no_zero_coordinate():
    d = numbers(l1_l2_constraints.NAME)
    w, t = d["w_l2"], d["radius"]
    assert np.linalg.norm(d["w_ols"]) > t
    assert np.linalg.norm(w) == pytest.approx(t, abs=1e-9)
    assert np.all(np.abs(w) > 0.1)


@pytest.mark.parametrize("kind", ["l1", "l2"])
def test_constrained_optima_beat_every_boundary_point(kind):
    d = numbers(l1_l2_constraints.NAME)
    pts = _boundary_points(kind, d["radius"])
    on_boundary = l1_l2_constraints.loss(pts, d["h"], d["w_ols"], d["l_min"])
    assert d[f"loss_{kind}"] <= on_boundary.min() + 1e-9


# --- roc-vs-pr ---------------------------------------------------------------------------


def test_roc_auc_ignores_prevalence_but_pr_auc_does_not():
    d = numbers(roc_vs_pr.NAME)
    hi, lo = d["0.5"], d["0.01"]
    assert abs(hi["roc_auc"] - lo["roc_auc"]) < 0.02
    for part in (hi, lo):
        assert part["roc_auc"] == pytest.approx(d["roc_auc_theory"], abs=0.02)
        assert part["roc_auc"] == pytest.approx(part["roc_auc_ranks"], abs=1e-9)
    assert lo["pr_auc"] < 0.5 * hi["pr_auc"]


def test_pr_baseline_is_the_prevalence():
    d = numbers(roc_vs_pr.NAME)
    for prev in d["prevalences"]:
        part = d[f"{prev:g}"]
        assert part["baseline"] == pytest.approx(prev)
        assert part["pr_auc"] > part["baseline"]  # the scorer still beats random ranking


# --- optimiser-paths ---------------------------------------------------------------------


def test_momentum_and_adam_reach_lower_loss_than_sgd():
    late = numbers(optimiser_paths.NAME)["late_loss"]
    assert late["momentum"] < 0.25 * late["SGD"]
    assert late["Adam"] < 0.25 * late["SGD"]


@pytest.mark.parametrize("seed", range(8))
def test_ranking_holds_for_other_noise_draws(seed):
    late = optimiser_paths.compute(seed)["late_loss"]
    assert max(late["momentum"], late["Adam"]) < late["SGD"]


def test_sgd_step_is_near_its_stability_limit():
    """SGD is not handicapped: its step is close to the largest stable one, 2 / L_max."""
    limit = 2 / optimiser_paths.CURVATURE.max()
    assert 0.8 * limit < optimiser_paths.SETTINGS["SGD"]["lr"] < limit


def test_optimisers_match_hand_computations_without_noise():
    zero = np.zeros((5, 2))
    lr = 0.05
    path = optimiser_paths.sgd(zero, lr)
    expected = (1 - lr * optimiser_paths.CURVATURE) ** 5 * optimiser_paths.START
    np.testing.assert_allclose(path[-1], expected)
    # Adam's first step moves every coordinate by lr against the sign of its gradient.
    first = optimiser_paths.adam(zero[:1], lr=0.3, beta1=0.9, beta2=0.999, eps=0.0)[1]
    start = optimiser_paths.START
    np.testing.assert_allclose(first, start - 0.3 * np.sign(optimiser_paths.gradient(start)))
    # Momentum with beta = 0 is SGD.
    np.testing.assert_allclose(optimiser_paths.momentum(zero, lr, 0.0), path)


# --- clt ---------------------------------------------------------------------------------


def test_skewness_shrinks_like_one_over_root_n():
    d = numbers(clt.NAME)
    sizes = d["sample_sizes"]
    skews = [d["panels"][n]["skewness"] for n in sizes]
    assert all(a > b for a, b in itertools.pairwise(skews))
    for n, s in zip(sizes, skews, strict=True):
        theory = 2 / math.sqrt(n)
        assert abs(s - theory) < 0.1 + 0.05 * theory
        assert s * math.sqrt(n) == pytest.approx(2.0, rel=0.1)


def test_sampling_distribution_approaches_normal():
    d = numbers(clt.NAME)
    gaps = [d["panels"][n]["max_density_gap"] for n in d["sample_sizes"]]
    assert all(a > b for a, b in itertools.pairwise(gaps))
    assert gaps[-1] < 0.05
    for n in d["sample_sizes"]:
        assert d["panels"][n]["sd_of_mean"] == pytest.approx(1 / math.sqrt(n), rel=0.03)


# --- multiple-comparisons ----------------------------------------------------------------


def test_uncorrected_false_positive_chance_rises_with_m():
    d = numbers(multiple_comparisons.NAME)
    unc = d["null"]["uncorrected"]
    assert np.all(np.diff(unc) > 0)
    tol = mc_tolerance(0.5, d["n_reps"])
    np.testing.assert_allclose(unc, d["theory_uncorrected"], atol=tol)


def test_bonferroni_and_bh_hold_the_family_wise_rate_at_alpha():
    d = numbers(multiple_comparisons.NAME)
    alpha = d["alpha"]
    # Exactly, for independent tests: 1 - (1 - alpha/m)^m <= alpha.
    assert np.all(d["theory_bonferroni"] <= alpha + 1e-15)
    # Simulated: at most alpha, up to Monte Carlo error.
    tol = mc_tolerance(alpha, d["n_reps"])
    assert np.all(d["null"]["Bonferroni"] <= alpha + tol)
    assert np.all(d["null"]["Benjamini-Hochberg"] <= alpha + tol)
    np.testing.assert_allclose(d["null"]["Bonferroni"], d["theory_bonferroni"], atol=tol)


def test_bh_controls_fdr_and_keeps_more_power_than_bonferroni():
    d = numbers(multiple_comparisons.NAME)
    alpha, fdr, power = d["alpha"], d["mixed_fdr"], d["mixed_power"]
    assert np.all(fdr["uncorrected"] > 3 * alpha)
    assert np.all(fdr["Benjamini-Hochberg"] <= alpha * d["null_share"] + 0.01)
    assert np.all(power["Benjamini-Hochberg"] >= power["Bonferroni"])
    assert power["Benjamini-Hochberg"][-1] > 1.5 * power["Bonferroni"][-1]
    assert np.all(np.diff(power["Bonferroni"]) < 0)


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        ([0.01, 0.04, 0.03, 0.2], [True, False, False, False]),
        ([0.04, 0.01, 0.03, 0.02], [True, True, True, True]),
        # Step-up: 0.03 misses its own line (0.025) but is rejected because 0.035 <= 0.0375.
        ([0.001, 0.03, 0.035, 0.5], [True, True, True, False]),
        ([0.2, 0.3, 0.5, 0.9], [False, False, False, False]),
    ],
)
def test_benjamini_hochberg_by_hand(p, expected):
    got = multiple_comparisons.reject_bh(np.array([p]), alpha=0.05)[0]
    assert got.tolist() == expected


def test_two_sided_p_values():
    p = multiple_comparisons.two_sided_p(np.array([0.0, 1.959963984540054, -2.5758293035489]))
    np.testing.assert_allclose(p, [1.0, 0.05, 0.01], rtol=1e-9)


# --- ab-power ----------------------------------------------------------------------------


def test_power_increases_with_sample_size_and_effect():
    d = numbers(ab_power.NAME)
    curves = [d["analytic"][lift] for lift in d["lifts"]]
    for curve in curves:
        assert np.all(np.diff(curve) > 0)
    for smaller, larger in itertools.pairwise(curves):
        assert np.all(larger > smaller)
    for lift in d["lifts"]:
        assert np.all(np.diff(d["simulated"][lift]) > -0.02)


def test_analytic_power_matches_simulation():
    d = numbers(ab_power.NAME)
    for lift in d["lifts"]:
        assert np.max(np.abs(d["simulated"][lift] - d["analytic_at_sim"][lift])) <= 0.03


def test_no_effect_rejects_at_alpha():
    d = numbers(ab_power.NAME)
    assert np.all(np.abs(d["null_rejection"] - d["alpha"]) < 0.015)


def test_sample_size_for_80_percent_power():
    d = numbers(ab_power.NAME)
    for lift, n in d["n_for_80"].items():
        p_b = d["base_rate"] + lift
        assert ab_power.analytic_power(n, d["base_rate"], p_b) >= 0.8
        assert ab_power.analytic_power(n - 1, d["base_rate"], p_b) < 0.8 + 1e-6
    # By hand for 10 % -> 12 %: ((1.96 sqrt(2 * 0.11 * 0.89) + 0.8416 sqrt(0.09 + 0.1056))
    # / 0.02)^2 = 3,840.4, so 3,841 per arm.
    assert d["n_for_80"][0.02] == 3841
    assert ab_power.norm_ppf(0.975) == pytest.approx(1.959963984540054, abs=1e-9)


# --- kl-directions -----------------------------------------------------------------------


def test_grid_kl_matches_the_gaussian_closed_form():
    # KL(N(0, 1) || N(1, 2^2)) = ln 2 + (1 + 1) / (2 * 4) - 1/2, about 0.4431.
    a = kl_directions.normal_pdf(kl_directions.GRID, 0.0, 1.0)
    b = kl_directions.normal_pdf(kl_directions.GRID, 1.0, 2.0)
    assert kl_directions.kl(a, b) == pytest.approx(math.log(2) + 0.25 - 0.5, abs=1e-6)


def test_forward_fit_matches_the_moments_of_the_target():
    d = numbers(kl_directions.NAME)
    assert d["forward_mean"] == pytest.approx(0.0, abs=1e-9)
    expected_sd = math.sqrt(kl_directions.PEAK_SD**2 + kl_directions.PEAK**2)
    assert d["forward_sd"] == pytest.approx(expected_sd, abs=1e-6)
    # The wide fit puts its peak in the gap, where the target has almost no mass.
    assert d["qf_at_centre"] > 20 * d["p_at_centre"]


def test_reverse_fit_locks_onto_one_peak_at_about_ln_2():
    d = numbers(kl_directions.NAME)
    assert abs(d["reverse_mean"] - kl_directions.PEAK) < 0.1
    assert abs(d["reverse_sd"] - kl_directions.PEAK_SD) < 0.1
    # One peak alone costs at most ln 2 (p is at least half that peak's density everywhere).
    assert math.log(2) - 0.01 < d["kl_qr_p"] <= math.log(2)


def test_each_fit_wins_its_own_direction_and_loses_the_other():
    d = numbers(kl_directions.NAME)
    assert d["kl_p_qf"] < d["kl_p_qr"]
    assert d["kl_qr_p"] < d["kl_qf_p"]
    assert d["kl_p_qr"] > 5  # the one-peak fit all but ignores half of p


def test_reverse_fit_is_a_local_minimum_of_the_grid_search():
    d = numbers(kl_directions.NAME)
    p = d["p"]
    for dm, ds in itertools.product((-0.01, 0.0, 0.01), repeat=2):
        q = kl_directions.normal_pdf(
            kl_directions.GRID, d["reverse_mean"] + dm, d["reverse_sd"] + ds
        )
        assert kl_directions.kl(q, p) >= d["kl_qr_p"] - 1e-12


# --- reliability-diagram -----------------------------------------------------------------


def test_overconfident_model_is_miscalibrated_at_both_ends():
    raw = numbers(reliability_diagram.NAME)["raw"]
    assert raw["ece"] > 0.08
    # Low scores come true more often than predicted, high scores less often: the curve is
    # flatter than the diagonal, the signature of overconfidence.
    assert raw["rate"][0] > raw["mean_pred"][0] + 0.05
    assert raw["rate"][-1] < raw["mean_pred"][-1] - 0.1


def test_recalibration_fixes_the_probabilities():
    d = numbers(reliability_diagram.NAME)
    raw, platt, iso = d["raw"], d["Platt"], d["isotonic"]
    assert platt["ece"] < 0.02
    assert iso["ece"] < 0.03
    assert max(platt["ece"], iso["ece"]) < raw["ece"] / 4
    assert platt["log_loss"] < raw["log_loss"] - 0.1
    # The model's logit is OVERCONFIDENCE times the true one, so Platt should undo it.
    assert d["platt_slope"] == pytest.approx(1 / d["overconfidence"], abs=0.05)
    assert d["platt_intercept"] == pytest.approx(0.0, abs=0.1)


def test_recalibration_keeps_the_ranking():
    d = numbers(reliability_diagram.NAME)
    raw_auc = d["raw"]["auc"]
    assert d["Platt"]["auc"] == pytest.approx(raw_auc, abs=1e-12)
    # Isotonic steps merge scores into ties. Where the true rate rises with the score, as
    # here, that costs a little AUC; a tie can also merge a misordered pair, so this is a
    # property of this model, not a law.
    assert raw_auc - 0.01 < d["isotonic"]["auc"] <= raw_auc + 1e-12


@pytest.mark.parametrize("seed", range(3))
def test_calibration_result_holds_for_other_draws(seed):
    d = reliability_diagram.compute(seed)
    assert d["raw"]["ece"] > 0.08
    assert d["Platt"]["ece"] < 0.02
    assert d["isotonic"]["ece"] < 0.03


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1.0, 3.0, 2.0, 4.0], [1.0, 2.5, 2.5, 4.0]),
        ([3.0, 2.0, 1.0], [2.0, 2.0, 2.0]),
        ([0.0, 1.0, 0.0, 0.0, 1.0], [0.0, 1 / 3, 1 / 3, 1 / 3, 1.0]),
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
    ],
)
def test_pool_adjacent_violators_by_hand(values, expected):
    np.testing.assert_allclose(reliability_diagram.pava(np.array(values)), expected)


def test_ece_and_auc_by_hand():
    # The two-bin table of the calibration quiz: 600 cases predicted 0.10 with 30
    # positives, 400 predicted 0.70 with 320 positives. ECE = 0.6 * 0.05 + 0.4 * 0.10.
    probs = np.concatenate([np.full(600, 0.10), np.full(400, 0.70)])
    labels = np.concatenate([np.ones(30), np.zeros(570), np.ones(320), np.zeros(80)])
    assert reliability_diagram.reliability(probs, labels)["ece"] == pytest.approx(0.07)
    # A tie between a positive and a negative counts half.
    tie = reliability_diagram.roc_auc(np.array([0.5, 0.5, 0.9]), np.array([1.0, 0.0, 1.0]))
    assert tie == pytest.approx(0.75)


# --- forecast-trend ----------------------------------------------------------------------


def test_trees_split_time_only_inside_the_training_period():
    d = numbers(forecast_trend.NAME)
    last_train_month = d["t"][d["n_train"] - 1]
    assert d["time_thresholds"], "the trees never split on time"
    assert max(d["time_thresholds"]) < last_train_month


def test_trees_repeat_the_last_year_while_ets_and_the_truth_climb():
    d = numbers(forecast_trend.NAME)
    trees = d["trees_forecast"]
    # Same month of the year, same branch: the two forecast years are identical.
    np.testing.assert_array_equal(trees[:12], trees[12:])
    assert d["trees_year_change"] == 0.0
    assert d["true_year_change"] == pytest.approx(18.0)
    assert abs(d["hw_year_change"] - d["true_year_change"]) < 3.0
    assert d["mae_hw"] < d["mae_trees"] / 3


@pytest.mark.parametrize("seed", [11, 23])
def test_flat_tree_forecast_holds_for_other_noise_draws(seed: int):
    d = forecast_trend.compute(seed)
    np.testing.assert_array_equal(d["trees_forecast"][:12], d["trees_forecast"][12:])
    assert d["mae_hw"] < d["mae_trees"]


def test_tree_finds_a_step_by_hand():
    x = np.arange(10, dtype=float).reshape(-1, 1)
    y = (x[:, 0] >= 5).astype(float)
    tree = forecast_trend.fit_tree(x, y, depth=1)
    assert tree["threshold"] == 4.5
    assert (tree["left"]["value"], tree["right"]["value"]) == (0.0, 1.0)
    np.testing.assert_array_equal(
        forecast_trend.predict_tree(tree, np.array([[-3.0], [99.0]])), [0, 1]
    )


def test_holt_winters_without_smoothing_extends_its_starting_values():
    """With all three weights at zero the forecast is the initial level, trend and season."""
    y = forecast_trend.series()[1][:48]
    _, forecast = forecast_trend.holt_winters(y, 0.0, 0.0, 0.0, horizon=12)
    level, trend = y[:12].mean(), (y[12:24].mean() - y[:12].mean()) / 12
    season = y[:12] - level
    # After 36 unsmoothed steps the level has grown by 36 trends; horizon h adds h more.
    expected = level + trend * (36 + np.arange(1, 13)) + season
    np.testing.assert_allclose(forecast, expected)


# --- shrinkage-funnel --------------------------------------------------------------------


def test_posterior_means_match_the_worked_examples():
    """The numbers the shrinkage question quotes, under a Beta(4, 196) prior."""
    got = shrinkage_funnel.posterior_mean([2, 300, 9, 0], [3, 10_000, 150, 50], 4.0, 196.0)
    np.testing.assert_allclose(got, [6 / 203, 304 / 10_200, 13 / 350, 4 / 250])
    assert got[2] == pytest.approx(0.0371, abs=5e-5)  # 9 in 150 (raw 6 %) becomes 3.71 %


def test_moment_fit_recovers_a_known_prior():
    """With a huge catalogue the method of moments lands close to the true Beta."""
    rng = np.random.default_rng(0)
    true = rng.beta(4.0, 196.0, 400_000)
    n = rng.integers(20, 2_000, true.size)
    alpha, beta = shrinkage_funnel.fit_beta_moments(rng.binomial(n, true), n)
    assert alpha / (alpha + beta) == pytest.approx(0.02, rel=0.01)
    assert alpha + beta == pytest.approx(200, rel=0.05)


def test_moment_fit_refuses_pure_noise():
    n = np.full(1_000, 100)
    clicks = np.tile([2, 3], 500)  # rates vary far less than binomial noise would make them
    with pytest.raises(ValueError, match="binomial noise"):
        shrinkage_funnel.fit_beta_moments(clicks, n)


def test_small_samples_fill_the_raw_top_but_not_the_shrunk_top():
    d = numbers(shrinkage_funnel.NAME)
    imp, ctr = d["top_median_impressions"], d["top_true_ctr"]
    assert imp["raw"] < 50 < 300 < imp["shrunk"]
    assert ctr["raw"] < ctr["shrunk"] < ctr["best"]
    assert ctr["shrunk"] - ctr["raw"] > 0.01  # more than a point of true CTR
    small, large = d["impressions"] < 50, d["impressions"] > 1_000
    assert d["raw"][small].std() > 2 * d["raw"][large].std()  # the funnel ...
    assert d["shrunk"][small].std() < 0.25 * d["raw"][small].std()  # ... collapses


@pytest.mark.parametrize("seed", range(5))
def test_shrinkage_wins_for_other_catalogues(seed):
    d = shrinkage_funnel.compute(seed)
    assert d["mse_shrunk"] < 0.5 * d["mse_raw"]
    assert d["top_true_ctr"]["shrunk"] > d["top_true_ctr"]["raw"]
    assert d["strength"] == pytest.approx(200, rel=0.4)


# --- kmeans-vs-gmm ------------------------------------------------------------------------


def test_kmeans_cuts_across_the_bands_and_the_mixture_follows_them():
    d = numbers(kmeans_vs_gmm.NAME)
    assert d["kmeans_agreement"] < 0.6  # close to a coin flip
    assert d["gmm_agreement"] > 0.98


def test_kmeans_objective_itself_prefers_the_wrong_split():
    """Not a bad local optimum: the true bands have a much larger within-cluster sum of
    squares than the cut k-means found, so no amount of restarting would find them."""
    d = numbers(kmeans_vs_gmm.NAME)
    assert d["true_inertia"] > 1.5 * d["kmeans_inertia"]
    assert d["kmeans_inertia"] == pytest.approx(
        kmeans_vs_gmm.inertia(d["x"], d["kmeans"]["labels"]), rel=1e-9
    )


def test_lloyd_and_em_never_go_backwards():
    d = numbers(kmeans_vs_gmm.NAME)
    assert np.all(np.diff(d["kmeans"]["history"]) <= 1e-9)
    assert np.all(np.diff(d["gmm"]["history"]) >= -1e-9)
    np.testing.assert_allclose(d["gmm"]["resp"].sum(1), 1.0)


@pytest.mark.parametrize("seed", range(4))
def test_the_contrast_holds_for_other_draws(seed):
    d = kmeans_vs_gmm.compute(seed)
    assert d["kmeans_agreement"] < 0.65
    assert d["gmm_agreement"] > 0.95


def test_responsibility_matches_the_worked_example():
    """The kmeans-gmm-em answer: equal weights, unit variances, means 0 and 3, a point at 1
    belongs 82 % to the first component, which is 1 / (1 + e^-1.5)."""
    means = np.array([[0.0, 0.0], [3.0, 0.0]])
    covs = np.array([np.eye(2)] * 2)
    resp, _ = kmeans_vs_gmm.responsibilities(np.array([[1.0, 0.0]]), np.full(2, 0.5), means, covs)
    assert resp[0, 0] == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert round(resp[0, 0], 2) == 0.82


# --- bm25-saturation ---------------------------------------------------------------------


def test_bm25_factor_saturates_below_its_ceiling_and_keeps_rising():
    d = numbers(bm25_saturation.NAME)
    for k1, curve in d["by_k1"].items():
        assert curve[0] == 0
        assert np.all(np.diff(curve) > 0)  # every extra occurrence still adds something
        assert np.all(curve < k1 + 1)  # ... but never reaches k1 + 1
        assert np.all(np.diff(curve, 2) < 0)  # and each adds less than the one before
    assert d["by_k1"][1.2][1] == pytest.approx(1.0)  # one occurrence at average length


def test_bm25_length_normalisation_pivots_at_average_length():
    d = numbers(bm25_saturation.NAME)
    at_average = np.argmin(np.abs(d["lengths"] - 1.0))
    for b, curve in d["by_b"].items():
        assert curve[at_average] == pytest.approx(1.0, abs=1e-2)
        if b == 0:
            assert np.allclose(curve, 1.0)
        else:
            assert np.all(np.diff(curve) < 0)  # longer documents count each occurrence less
    at3 = d["one_at_length"]
    assert at3[0.5] > at3[0.75] > at3[1.0]  # larger b, stronger discount


def test_bm25_figure_matches_the_worked_numbers_of_the_question():
    """The bm25-tfidf answer quotes 1.96 at ten occurrences, a 2.2 ceiling and 0.55 for one
    occurrence at three times the average length; the figure is built from the same formula."""
    assert bm25_saturation.tf_factor(10, 1.2, 0.75, 1.0) == pytest.approx(22 / 11.2)
    assert bm25_saturation.tf_factor(1, 1.2, 0.75, 3.0) == pytest.approx(2.2 / 4.0)
    nums = bm25_saturation.key_numbers(numbers(bm25_saturation.NAME))
    assert (nums["default_at_10"], nums["default_ceiling"], nums["b_default_at_3"]) == (
        "1.96",
        "2.2",
        "0.55",
    )


# --- activation-functions ----------------------------------------------------------------


def test_sigmoid_and_tanh_saturate_while_relu_passes_slope_one():
    d = numbers(activation_functions.NAME)
    assert d["sigmoid_max_slope"] == pytest.approx(0.25, abs=1e-12)
    assert d["tanh_max_slope"] == pytest.approx(1.0, abs=1e-12)
    assert d["sigmoid_slope_at_edge"] < 0.1 * d["sigmoid_max_slope"]
    assert d["tanh_slope_at_edge"] < 0.01 * d["tanh_max_slope"]
    relu = d["slopes"]["ReLU"]
    assert set(np.unique(relu)) == {0.0, 1.0}
    assert d["ten_sigmoid_layers"] == pytest.approx(0.25**10)


def test_closed_form_slopes_match_finite_differences():
    x = np.linspace(-3.9, 3.9, 79)
    h = 1e-5
    exact = activation_functions.functions(x)
    up, down = activation_functions.functions(x + h), activation_functions.functions(x - h)
    for name in ("sigmoid", "tanh", "GELU"):
        numeric = (up[name][0] - down[name][0]) / (2 * h)
        np.testing.assert_allclose(exact[name][1], numeric, atol=1e-7)


def test_gelu_dips_below_zero_near_minus_three_quarters():
    d = numbers(activation_functions.NAME)
    assert d["gelu_argmin"] == pytest.approx(-0.75, abs=0.01)
    assert d["gelu_min"] == pytest.approx(-0.170, abs=0.001)
    gelu, relu = d["values"]["GELU"], d["values"]["ReLU"]
    assert np.max(np.abs(gelu - relu)) < 0.2  # a smooth ReLU, never far from it


# --- the SVGs and their text -------------------------------------------------------------


def _captions() -> dict:
    return yaml.safe_load(CAPTIONS.read_text(encoding="utf-8"))


def test_every_figure_has_an_svg_and_a_caption_and_nothing_else():
    names = set(modules())
    assert len(names) >= 8
    svgs = {p.stem for p in OUT_DIR.glob("*.svg")}
    assert svgs == names, "docs/assets/figures/ and the figure modules disagree"
    assert set(_captions()) == names, "CAPTIONS.yml and the figure modules disagree"


def test_svgs_are_up_to_date(tmp_path: Path):
    """Rebuild every figure from scratch and compare bytes with the committed SVGs."""
    built = build(tmp_path)
    stale = [p.name for p in built if p.read_bytes() != (OUT_DIR / p.name).read_bytes()]
    assert not stale, f"out of date: {stale}; run `.venv/bin/python -m figures`"


@pytest.mark.parametrize("name", sorted(modules()))
def test_svg_is_small_readable_and_on_white(name: str):
    svg = (OUT_DIR / f"{name}.svg").read_text(encoding="utf-8")
    assert len(svg.encode()) < MAX_SVG_BYTES
    sizes = [float(s) for s in re.findall(r"font-size: ([0-9.]+)px", svg)]
    assert sizes and min(sizes) >= MIN_FONT_PX
    assert "<text" in svg  # labels stay text, not glyph outlines
    assert 'fill: #ffffff"' in svg  # the white figure background
    size = re.search(r'width="([0-9.]+)pt" height="([0-9.]+)pt"', svg)
    assert size is not None
    width, height = (float(v) for v in size.groups())
    assert (width / 72, height / 72) == pytest.approx((7.0, 4.2))


@pytest.mark.parametrize("name", sorted(modules()))
def test_alt_text_and_caption_quote_the_current_numbers(name: str):
    entry = _captions()[name]
    alt, caption = entry.get("alt"), entry.get("caption")
    assert isinstance(alt, str) and len(alt.split()) >= 30
    assert isinstance(caption, str) and len(caption.split()) >= 25
    missing = [
        value
        for value in modules()[name].key_numbers(numbers(name)).values()
        if not re.search(rf"(?<![\d.]){re.escape(value)}(?!\d)", alt)
    ]
    assert not missing, f"{name}: alt text does not quote {missing}"
