"""Computed figures of the guide: one module per figure, built into docs/assets/figures/.

Each figure module has ``NAME`` (the SVG's file stem), ``compute()`` (the numbers behind the
figure, deterministic for its fixed seed), ``key_numbers(data)`` (the numbers its alt text
quotes) and ``plot(data)`` (a matplotlib Figure). ``python -m figures`` rebuilds them all.
"""

FIGURE_MODULES = (
    "learning_curves",
    "bias_variance_u",
    "l1_l2_constraints",
    "roc_vs_pr",
    "optimiser_paths",
    "clt",
    "multiple_comparisons",
    "ab_power",
    "kl_directions",
    "reliability_diagram",
    "forecast_trend",
    "shrinkage_funnel",
    "kmeans_vs_gmm",
    "bm25_saturation",
    "activation_functions",
)
