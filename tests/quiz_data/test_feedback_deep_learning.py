"""Answer feedback on the deep-learning track's expansion questions: the checks the 30
must-know questions get (test_feedback_content.py), run over this track's new questions,
plus probes from the review. Each probe is a sentence a candidate could say; it must (or
must not) fire the named trap claim, or hit the named key point. The `False` probes are
correct statements that an earlier matcher accused, or plain assertions it missed."""

from __future__ import annotations

import pytest

from macros.export import bank_json
from practice_engine.bankdata import parse_bank
from practice_engine.feedback import feedback

from .test_feedback_content import _guide_text

NEW = [
    "activation-functions",
    "weight-initialisation",
    "residual-connections",
    "dropout",
    "cnn-fundamentals",
    "rnn-lstm",
    "lr-schedules-warmup",
    "word-embeddings",
    "autoencoders-vae",
    "diffusion-models",
    "contrastive-learning",
    "multi-task-learning",
    "object-detection",
    "data-augmentation",
    "debugging-nn-training",
]

# (question, trap claim id, sentence, whether the claim must fire)
TRAP_PROBES = [
    (
        "dropout",
        "attention-incompatible",
        "Dropout would slow learning, and at this scale each step is too expensive to waste.",
        False,
    ),
    (
        "dropout",
        "attention-incompatible",
        "LLMs drop it because the fused attention kernels make it too costly.",
        True,
    ),
    (
        "dropout",
        "double-scaling",
        "At inference you multiply activations by 1 - p, even with inverted dropout.",
        True,
    ),
    (
        "dropout",
        "double-scaling",
        "Inverted dropout moves the multiplication by 1 - p from test time into training.",
        False,
    ),
    (
        "object-detection",
        "nms-higher-more",
        "Raising the NMS threshold means fewer boxes get suppressed.",
        False,
    ),
    (
        "object-detection",
        "nms-higher-more",
        "A higher NMS IoU threshold suppresses more boxes.",
        True,
    ),
    (
        "residual-connections",
        "depth-free",
        "With residual connections you can train networks of any depth with no care.",
        True,
    ),
    (
        "autoencoders-vae",
        "ae-generative",
        "A plain autoencoder can generate new images by decoding random codes.",
        True,
    ),
    (
        "debugging-nn-training",
        "nan-always-lr",
        "A NaN usually means the learning rate is too high, but not always.",
        False,
    ),
    ("rnn-lstm", "clipping-vanishing", "Gradient clipping fixes vanishing gradients.", True),
]

# (question, key point id, sentence, whether the point must be hit)
POINT_PROBES = [
    (
        "activation-functions",
        "linear-collapse",
        "Without nonlinearities, a deep network collapses to a single affine map.",
        True,
    ),
    (
        "activation-functions",
        "relu-slope",
        "The rectifier passes gradients unchanged and never saturates for positive values.",
        True,
    ),
    (
        "residual-connections",
        "degradation",
        "He et al. found 56-layer plain nets trained worse than 20-layer ones.",
        True,
    ),
    (
        "lr-schedules-warmup",
        "warmup-why",
        "Start with a small learning rate and ramp it up to avoid early divergence.",
        True,
    ),
    (
        "contrastive-learning",
        "collapse",
        "Without negatives, the trivial solution maps everything to one point.",
        True,
    ),
    (
        "multi-task-learning",
        "serving-blend",
        "Training loss weights and the serving blend are different knobs.",
        True,
    ),
    ("rnn-lstm", "clipping", "Gradient clipping fixes vanishing gradients.", False),
    (
        "weight-initialisation",
        "fan-in",
        "ReLU zeroes half its inputs, so the variance halves.",
        False,
    ),
]


@pytest.fixture(scope="module")
def exported(real_bank):
    return parse_bank(bank_json(real_bank))


def _result(exported, qid: str, text: str) -> dict:
    return feedback(exported.entry(qid).feedback, qid, "L6+", text, exported.lexicon)


@pytest.mark.parametrize("qid", NEW)
def test_points_claims_and_the_guides_own_answer(real_bank, exported, qid: str) -> None:
    q = real_bank.get(qid)
    assert q.track == "deep-learning"
    assert 4 <= len(q.key_points) <= 8, f"{qid}: {len(q.key_points)} key points"
    assert {c.trap for c in q.trap_claims} == set(range(len(q.traps))), qid
    result = _result(exported, qid, _guide_text(q))
    fired = [t["id"] for t in result["traps"] if t["asserted"]]
    assert not fired, f"{qid}: the guide's own answer asserts {fired}"
    assert result["hit"] >= 0.75 * result["expected"], f"{qid}: hits {result['hit']}"


@pytest.mark.parametrize(("qid", "claim", "text", "fires"), TRAP_PROBES)
def test_trap_probes(exported, qid: str, claim: str, text: str, fires: bool) -> None:
    result = _result(exported, qid, text)
    asserted = {t["id"]: t["asserted"] for t in result["traps"]}
    assert asserted[claim] is fires, f"{qid} {claim}: {text!r}"


@pytest.mark.parametrize(("qid", "point", "text", "hit"), POINT_PROBES)
def test_key_point_probes(exported, qid: str, point: str, text: str, hit: bool) -> None:
    result = _result(exported, qid, text)
    status = {k["id"]: k["status"] for k in result["key_points"]}
    assert (status[point] == "hit") is hit, f"{qid} {point}: {text!r}"
