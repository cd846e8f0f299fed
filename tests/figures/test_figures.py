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
    bias_variance_u,
    clt,
    kmeans_vs_gmm,
    l1_l2_constraints,
    learning_curves,
    multiple_comparisons,
    optimiser_paths,
    roc_vs_pr,
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
