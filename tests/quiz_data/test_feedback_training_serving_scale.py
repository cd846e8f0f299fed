"""Answer feedback on the training-and-serving-at-scale track: probes from the review. Each
probe is a sentence a candidate could say; it must (or must not) fire the named trap claim,
or hit the named key point. The `False` trap probes are correct statements that an earlier
matcher accused; the `True` ones are plain assertions of a trap that it missed. The checks
every question with key points gets live in test_feedback_content.py."""

from __future__ import annotations

import pytest

from macros.publish.export import bank_json
from practice_engine.bankdata import parse_bank
from practice_engine.feedback import feedback

TRACK = "training-serving-scale"

# (question, trap claim id, sentence, whether the claim must fire)
TRAP_PROBES = [
    (
        "gpu-memory-budget",
        "two-bytes-enough",
        "The bf16 weights need 14 GB, but gradients and the optimiser state need much more.",
        False,
    ),
    (
        "gpu-memory-budget",
        "two-bytes-enough",
        "A 7B model needs only 14 GB, so you can fine-tune it on a 24 GB card.",
        True,
    ),
    (
        "gpu-memory-budget",
        "params-only",
        "Activations are negligible compared with the weights.",
        True,
    ),
    (
        "mixed-precision",
        "fp8-halves-time",
        "FP8 doubles throughput for the matmuls, so the run finishes in half the time.",
        True,
    ),
    (
        "mixed-precision",
        "fp8-halves-time",
        "fp8 matrix multiplies run about twice as fast as bf16, but the whole step speeds up less.",
        False,
    ),
    (
        "activation-memory",
        "checkpoint-disk",
        "Activation checkpointing saves the model to disk so you can resume.",
        True,
    ),
    (
        "activation-memory",
        "checkpoint-disk",
        "Activation checkpointing recomputes activations; it has nothing to do with saving "
        "the model to disk.",
        False,
    ),
    (
        "scaling-laws",
        "bigger-always",
        "For a fixed budget the biggest model that fits is best.",
        True,
    ),
    (
        "scaling-laws",
        "bigger-always",
        "Bigger models are better at the same number of tokens but cost more to serve.",
        False,
    ),
    (
        "llm-inference-serving",
        "speculative-lossy",
        "Speculative decoding is lossy, because the small model's tokens are used.",
        True,
    ),
    (
        "llm-inference-serving",
        "continuous-latency",
        "Continuous batching lowers latency because new requests do not wait for the whole "
        "batch to finish.",
        False,
    ),
    (
        "llm-inference-serving",
        "continuous-latency",
        "Continuous batching reduces each request's per-token latency.",
        True,
    ),
    (
        "llm-inference-serving",
        "decode-compute-bound",
        "Decoding becomes compute-bound only at batch sizes of a few hundred.",
        False,
    ),
    (
        "quantisation",
        "clip-outliers",
        "Per-tensor int8 fails because outliers dominate the scale, so clipping them is not "
        "an option.",
        False,
    ),
    (
        "quantisation",
        "qat-always",
        "QAT is the default at 2 bits because PTQ fails there.",
        False,
    ),
    ("quantisation", "qat-always", "QAT is always better than PTQ.", True),
    (
        "distributed-training-parallelism",
        "dp-saves-memory",
        "Data parallelism copies the model to every GPU, so the model must be split when it "
        "does not fit on one GPU.",
        False,
    ),
    (
        "gpu-utilisation",
        "hfu-compare",
        "Checkpointing raises hardware utilisation and lowers MFU, so MFU is the fair way to "
        "compare runs.",
        False,
    ),
    (
        "gpu-utilisation",
        "hfu-compare",
        "Activation checkpointing increases utilisation, which is better.",
        True,
    ),
]

# (question, key point id, sentence, whether the point must be hit)
POINT_PROBES = [
    (
        "distributed-training-parallelism",
        "dp-allreduce",
        "Each GPU keeps the whole model and its own part of the batch, and an all-reduce "
        "averages the gradients.",
        True,
    ),
    (
        "mixed-precision",
        "format-bits",
        "Mixed precision means doing everything in fp16.",
        False,
    ),
    (
        "activation-memory",
        "recompute-cost",
        "Checkpointing does not double compute; it adds one forward pass.",
        True,
    ),
    (
        "llm-inference-serving",
        "bandwidth-bound",
        "Decoding is not compute-bound; it is limited by memory bandwidth.",
        True,
    ),
    (
        "knowledge-distillation",
        "t-squared",
        "We scale the KL term by the square of the temperature.",
        True,
    ),
    (
        "latency-optimisation",
        "measure-first",
        "First I would trace the request end to end, then decide.",
        True,
    ),
    (
        "gpu-utilisation",
        "communication",
        "NCCL communication that doesn't overlap with compute shows as gaps.",
        True,
    ),
    ("quantisation", "ptq-vs-qat", "QAT is always better than PTQ.", False),
]


@pytest.fixture(scope="module")
def exported(real_bank):
    return parse_bank(bank_json(real_bank))


def _result(exported, qid: str, text: str) -> dict:
    return feedback(exported.entry(qid).feedback, qid, "L6+", text, exported.lexicon)


@pytest.mark.parametrize(("qid", "claim", "text", "fires"), TRAP_PROBES)
def test_trap_probes(real_bank, exported, qid: str, claim: str, text: str, fires: bool) -> None:
    assert real_bank.get(qid).track == TRACK
    result = _result(exported, qid, text)
    asserted = {t["id"]: t["asserted"] for t in result["traps"]}
    assert asserted[claim] is fires, f"{qid} {claim}: {text!r}"


@pytest.mark.parametrize(("qid", "point", "text", "hit"), POINT_PROBES)
def test_key_point_probes(real_bank, exported, qid: str, point: str, text: str, hit: bool) -> None:
    assert real_bank.get(qid).track == TRACK
    result = _result(exported, qid, text)
    status = {k["id"]: k["status"] for k in result["key_points"]}
    assert (status[point] == "hit") is hit, f"{qid} {point}: {text!r}"
