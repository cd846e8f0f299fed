"""Issue-level checks of the guide around the questions: every brief item of sections 6 and
7 has its bank entry, practice answers are hidden until expanded, the tag index lists every
question, and the one-page version holds everything with every answer open."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.bank import Problem, Short

# Section 6 of the content brief: each practice prompt -> its bank id.
SECTION_6 = {
    "debugging: high test accuracy, poor production results": "high-test-poor-production",
    "model selection: 1M rows, 100 features, binary label": "model-selection-tabular",
    "fraud model with high AUC that blocks too many good users": "fraud-auc-blocks-good-users",
    "search ranking wins offline NDCG but loses conversion": "ranking-ndcg-vs-conversion",
    "triage classifier with few false negatives, many false positives": "triage-false-positives",
    "validation score jumps after a new feature": "validation-jump-new-feature",
    "labels that arrive 30 days late": "labels-arrive-late",
    "good offline results that fail for new users": "new-users-fail",
    "training loss falls, validation loss rises": "val-loss-rises",
    "one region performs badly": "one-region-bad",
    "a nightly feature-pipeline change shifts predictions": "nightly-pipeline-shift",
    "marketplace recommendations from logs to serving": "marketplace-recommendations",
    "real-time fraud detection with delayed labels and human review": "realtime-fraud",
    "search ranking under 100 ms": "search-ranking-100ms",
    "support RAG system that cites sources": "support-rag-citations",
    "when reranking, hybrid search or query rewriting": "rerank-hybrid-rewrite",
    "cutting hallucination risk while holding latency and cost": "hallucination-latency-cost",
    "precision, recall, F1 and threshold search from raw predictions": (
        "precision-recall-threshold"
    ),
    "time-window features without future leakage": "time-window-features",
    "daily active users, retention and a training label from event logs": (
        "event-log-dau-retention"
    ),
}
# Section 7: each listed question -> its bank id (a short answer, or a pointer to the full one).
SECTION_7 = {
    "supervised vs unsupervised with examples": "entry-supervised-vs-unsupervised",
    "bias-variance in plain words": "entry-bias-variance",
    "overfitting and how to detect it": "entry-overfitting",
    "why regularise, L1 vs L2": "entry-regularisation",
    "cross-validation and why": "entry-cross-validation",
    "random forest vs gradient boosting": "mid-rf-vs-gbm",
    "curse of dimensionality and distance-based methods": "mid-curse-of-dimensionality",
    "missing data decision process": "mid-missing-data",
    "target encoding and when it leaks": "mid-target-encoding",
    "evaluation on imbalanced data": "mid-imbalanced-evaluation",
    "backprop, vanishing and exploding gradients": "deep-learning-backprop-gradients",
    "batch norm vs layer norm": "deep-learning-batch-vs-layer-norm",
    "transformer vs LSTM for a sequence task": "deep-learning-transformer-vs-lstm",
    "why attention changed NLP": "deep-learning-why-attention",
    "monitoring for degradation": "eval-production-monitoring",
    "concept drift vs data drift": "eval-production-concept-vs-data-drift",
    "A/B test for a new model": "eval-production-ab-test",
    "what a feature store does and when it matters": "eval-production-feature-store",
    "good offline, poor in production": "eval-production-offline-vs-production",
    "most tested: bias-variance": "most-tested-bias-variance",
    "most tested: over/underfitting and detection": "most-tested-fitting",
    "most tested: L1/L2": "most-tested-l1-l2",
    "most tested: splits and cross-validation": "most-tested-splits-cv",
    "most tested: precision, recall, F1, ROC-AUC": "most-tested-classification-metrics",
    "most tested: class imbalance": "most-tested-class-imbalance",
    "most tested: feature engineering": "most-tested-feature-engineering",
    "intuition of linear regression": "most-tested-linear-regression",
    "intuition of logistic regression": "most-tested-logistic-regression",
    "intuition of trees": "most-tested-decision-trees",
    "intuition of random forests": "most-tested-random-forests",
    "intuition of gradient boosting": "most-tested-gradient-boosting",
    "intuition of k-means": "most-tested-k-means",
    "intuition of SVMs": "most-tested-svm",
    "metric choice: accuracy misleads on imbalance": "metric-choice-accuracy-imbalance",
    "metric choice: precision/recall/F1 for asymmetric costs": (
        "metric-choice-precision-recall-f1"
    ),
    "metric choice: ROC-AUC for ranking; PR-AUC for rare positives": (
        "metric-choice-roc-vs-pr-auc"
    ),
    "metric choice: RMSE/MAE for regression": "metric-choice-rmse-vs-mae",
    "metric choice: ask what errors cost before naming a metric": "metric-choice-costs-first",
}


@pytest.mark.parametrize("item", list(SECTION_6))
def test_every_practice_prompt_of_the_brief_is_a_problem(real_bank, item: str) -> None:
    assert isinstance(real_bank.get(SECTION_6[item]), Problem), item


@pytest.mark.parametrize("item", list(SECTION_7))
def test_every_listed_question_of_the_brief_is_answered(real_bank, item: str) -> None:
    entry = real_bank.get(SECTION_7[item])
    assert isinstance(entry, Short), item
    assert entry.answer or entry.see, item


def test_practice_answers_are_present_and_closed(real_bank, built_site: Path) -> None:
    for problem in real_bank.problems:
        html = (built_site / "problems" / problem.area / "index.html").read_text()
        card = html[html.index(f'data-qid="{problem.id}"') :]
        card = card[: card.index("</details>")]
        scenario, _, hidden = card.partition('<details class="answer">')
        assert hidden, f"{problem.id}: no closed answer block"
        assert "<summary>Full Answer + Rubric</summary>" in hidden
        assert "Strong hire" in hidden and "No hire" in hidden
        assert len(re.sub(r"<[^>]+>", " ", scenario).split()) > 40, f"{problem.id}: scenario"


def test_tag_index_lists_every_question(real_bank, built_site: Path) -> None:
    html = (built_site / "questions" / "tags" / "index.html").read_text()
    for entry in real_bank.entries:
        if not isinstance(entry, Short):
            assert f"#q-{entry.id}" in html, entry.id
    for level in ("L3", "L4", "L5", "L6+"):
        assert f">{level}<" in html


def test_track_pages_carry_their_tags(built_site: Path) -> None:
    html = (built_site / "tracks" / "statistics" / "index.html").read_text()
    tags = re.findall(r'class="md-tag[^"]*"[^>]*>([^<]+)<', html)
    assert "Statistics and experimentation" in tags and "Data scientist" in tags


def test_one_page_version_holds_everything_open(real_bank, built_site: Path) -> None:
    html = (built_site / "print" / "index.html").read_text()
    ids = set(re.findall(r'<div class="qcard" data-qid="([a-z0-9-]+)"', html))
    assert ids == {e.id for e in real_bank.entries}
    assert '<details class="answer">' not in html
    assert html.count('<details class="answer" open') >= len(real_bank.questions)
    assert "How the round works" in html and "PROBLEM" in html and "FAQ" in html
    assert "{{" not in html


def test_every_question_is_reachable_from_its_track_page_and_the_index(
    real_bank, built_site: Path
) -> None:
    index = (built_site / "questions" / "index.html").read_text(encoding="utf-8")
    for q in real_bank.questions:
        track_page = built_site / real_bank.track(q.track).page.removesuffix(".md") / "index.html"
        html = track_page.read_text(encoding="utf-8")
        assert f'id="q-{q.id}"' in html, f"{q.id} has no card on {track_page}"
        slug = real_bank.track(q.track).page.removesuffix(".md")
        assert f'href="../{slug}/#q-{q.id}"' in index, f"{q.id} is not linked from the index"


def _must_know_links(html: str, start: str, end: str) -> list[str]:
    part = html[html.index(start) : html.index(end)]
    return re.findall(r'href="[^"]*#q-([a-z0-9-]+)"', part)


def test_home_page_leads_with_the_must_know_questions_then_every_track(
    real_bank, built_site: Path
) -> None:
    html = (built_site / "index.html").read_text()
    must = [q.id for q in real_bank.questions if q.must_know]
    assert _must_know_links(html, 'id="must-know"', 'id="the-tracks"') == must
    tracks = html[html.index('id="the-tracks"') :]
    for track in real_bank.tracks:
        assert f'href="tracks/{track.id}/"' in tracks, track.id


def test_study_plan_starts_from_the_must_know_list_and_points_into_every_track(
    real_bank, built_site: Path
) -> None:
    html = (built_site / "study" / "plan" / "index.html").read_text()
    # The navigation links every track too: look only past the plan's first words.
    after = html[html.index('href="../../#must-know"') :]
    for track in real_bank.tracks:
        assert f'href="../../tracks/{track.id}/' in after, track.id
