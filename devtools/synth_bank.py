"""A copy of the site's sources whose bank holds N questions, for the growth benchmark and
the tests that build the site at scale (issue #15).

    python -m devtools.synth_bank N TARGET [--seed S]

N counts the bank's concept questions (`kind: question`) only. The short answers, the
practice problems and the coding exercises stay as they are in the real bank.

- N >= 150 (the real bank's size): every real question is kept unchanged, and N - 150
  derived ones are added. A derived question is a copy of a real one (its text, formulas,
  rubric, quiz items, feedback points), in the same track, with a new id
  (`<source id>-g<k>`), a prompt that says which variant it is, its quiz item ids renamed
  to match, `must_know: false` and an order after every real question of its track. The
  sources are taken round-robin from the real questions in an order shuffled by the seed,
  so the derived questions spread over the tracks as the real ones do.
- N < 150: each track keeps its first question (a track with none fails the build), then
  the must-know questions and then the others fill up to N, in bank order (tracks in
  tracks.yml order, then `order`); N must be at least 30. At N = 30 that is the must-know
  set but for the last few, which give way to the first question of each track that has
  no must-know one. What
  pointed at a dropped question is rewritten in the copy only: `related` lists leave it
  out, a short answer that referred to it (`see:`) carries the dropped question's
  "what" part as its own answer, and a link in docs/ to its anchor on a track page
  (`#q-<id>`) links to the page without the anchor.

Everything else the build reads is linked, not copied (the build's caches under build/
and node_modules/ included, so a build of the copy is as fast as one here): only
quiz_data/, docs/ and the build code macros/ (see COPIED) are real copies. Build the copy
with `devtools.site.build(..., root=target)`.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from devtools.site import ROOT

REAL_SIZE = 150
MUST_KNOW = 30
# Top-level entries of the repository that a build does not read, or that must not be shared.
SKIPPED = {".git", ".venv", ".ci", ".github", "site", "tests", ".pytest_cache", "benchmarks"}
# macros/ too: Node takes a script run through a symlink for an import, not the entry point
# (publish/snapshot.mjs would exit without making the snapshot).
COPIED = {"quiz_data", "docs", "macros"}
_NO_CACHE = shutil.ignore_patterns("__pycache__")
Data = dict[str, Any]
# libyaml's C loader and dumper: the copy of a 300-question bank is read and written in
# seconds, not tens of seconds (the tests make several).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _read(path: Path) -> Data:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    assert isinstance(data, dict), path
    return data


def _write(path: Path, data: Data) -> None:
    text = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def _questions(bank: Path) -> list[tuple[Path, Data]]:
    """The real questions in bank order: tracks as tracks.yml lists them, then `order`."""
    tracks = [t["id"] for t in _read(bank / "tracks.yml")["tracks"]]
    found = [(p, _read(p)) for p in sorted((bank / "questions").rglob("*.yml"))]
    found = [(p, d) for p, d in found if d.get("kind", "question") == "question"]
    return sorted(
        found, key=lambda f: (tracks.index(f[1]["track"]), f[1].get("order", 100), f[1]["id"])
    )


def derive(source: Data, k: int) -> Data:
    """The k-th variant of a real question (k >= 1): new id, prompt and quiz ids."""
    q = copy.deepcopy(source)
    old, new = source["id"], f"{source['id']}-g{k}"
    q["id"] = new
    q["prompt"] = f"{source['prompt'].rstrip()} (variant {k})"
    q["must_know"] = False
    q["order"] = 1000 * k + int(source.get("order", 100))
    for item in q.get("quiz", []):
        item["id"] = new + item["id"][len(old) :]
    return q


def _copy_sources(root: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(root.iterdir()):
        if entry.name in SKIPPED:
            continue
        dest = target / entry.name
        if entry.name in COPIED:
            shutil.copytree(entry, dest, symlinks=True, ignore=_NO_CACHE)
        else:
            dest.symlink_to(entry.resolve())


def _trim(bank: Path, docs: Path, keep: set[str], dropped: dict[str, Data]) -> None:
    """Rewrite what referred to a dropped question, in the copy (see the module doc)."""
    for path in sorted(bank.rglob("*.yml")):
        if path.name == "tracks.yml" or "exercises" in path.relative_to(bank).parts:
            continue
        data = _read(path)
        changed = False
        related = data.get("related")
        if related and any(r in dropped for r in related):
            data["related"] = [r for r in related if r not in dropped]
            changed = True
        if data.get("see") in dropped:
            data["answer"] = dropped[data.pop("see")]["answer"]["what"]
            changed = True
        if changed:
            _write(path, data)
    ids = "|".join(map(re.escape, sorted(dropped, key=len, reverse=True)))
    anchor = re.compile(rf"#q-({ids})\)")
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        new = anchor.sub(")", text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def _kept(real: list[tuple[Path, Data]], n: int) -> set[str]:
    """The ids of the `n` questions a smaller bank keeps (see the module docstring)."""
    firsts: dict[str, str] = {}
    for _, d in real:
        firsts.setdefault(d["track"], d["id"])
    ranked = [
        *firsts.values(),
        *(d["id"] for _, d in real if d.get("must_know")),
        *(d["id"] for _, d in real if not d.get("must_know")),
    ]
    return set(list(dict.fromkeys(ranked))[:n])


def generate(n: int, target: Path | str, seed: int = 15, root: Path = ROOT) -> Path:
    """Write into `target` (a new or empty folder) a copy of the site's sources whose bank
    holds exactly `n` questions; returns `target`. Deterministic for (`n`, `seed`)."""
    if n < MUST_KNOW:
        raise ValueError(f"n must be at least {MUST_KNOW} (the must-know questions), got {n}")
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise ValueError(f"{target} is not empty")
    _copy_sources(root, target)
    bank, docs = target / "quiz_data", target / "docs"
    real = _questions(bank)
    if n < len(real):
        keep = _kept(real, n)
        dropped = {d["id"]: d for _, d in real if d["id"] not in keep}
        for p, d in real:
            if d["id"] in dropped:
                p.unlink()
        _trim(bank, docs, keep, dropped)
        return target
    sources = list(real)
    random.Random(seed).shuffle(sources)
    for i in range(n - len(real)):
        path, data = sources[i % len(sources)]
        q = derive(data, 1 + i // len(sources))
        _write(path.parent / f"{q['id']}.yml", q)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.synth_bank", description=__doc__)
    parser.add_argument("n", type=int, help="how many questions the bank holds")
    parser.add_argument("target", type=Path, help="a new or empty folder")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    print(generate(args.n, args.target, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
