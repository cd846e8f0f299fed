"""Build time of the guide against a control: plain Material pages with the same number of
pages and the same word count each, no macros, no bank, no runtime assets. Interleaved
runs, medians, and their ratio."""

from __future__ import annotations

import re
import statistics
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from benchmarks.site import ROOT, build

WORDS = [
    "model", "data", "feature", "label", "training", "validation", "error", "metric",
    "loss", "gradient", "sample", "variance", "bias", "threshold", "ranking", "signal",
]  # fmt: skip


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth, self.words = 0, 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "article" or self.depth:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.words += len(data.split())


def word_counts(site: Path) -> dict[str, int]:
    counts = {}
    for page in sorted(site.rglob("index.html")):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        counts[page.parent.relative_to(site).as_posix() or "."] = parser.words
    return counts


def write_control(counts: dict[str, int], folder: Path) -> Path:
    """A plain Material project whose pages carry the same number of words."""
    docs = folder / "docs"
    for n, (path, words) in enumerate(sorted(counts.items())):
        name = "index.md" if path == "." else re.sub(r"[^a-z0-9]+", "-", path) + ".md"
        text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(words))
        paragraphs = "\n\n".join(text[i : i + 600] for i in range(0, len(text), 600))
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(f"# Page {n}\n\n{paragraphs}\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Control\ntheme:\n  name: material\n  font: false\n"
        "  features: [navigation.instant]\nplugins: [search]\n",
        encoding="utf-8",
    )
    return config


def run(site: Path, rounds: int = 3) -> dict:
    counts = word_counts(site)
    ours, control = [], []
    with tempfile.TemporaryDirectory() as tmp:
        config = write_control(counts, Path(tmp) / "control")
        for _ in range(rounds):
            ours.append(build(Path(tmp) / "ours", "http://127.0.0.1/ml-guide/"))
            control.append(build(Path(tmp) / "out", "http://127.0.0.1/c/", str(config)))
    o, c = statistics.median(ours), statistics.median(control)
    return {"ours_s": o, "control_s": c, "ratio": o / c, "pages": len(counts),
            "words": sum(counts.values())}  # fmt: skip


__all__ = ["ROOT", "run", "word_counts", "write_control"]
