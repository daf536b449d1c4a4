"""Sentence alignment on NTREX documents rebuilt as paragraphs; speed on long documents.

Each of the 123 NTREX documents is rebuilt as paragraphs of consecutive lines, grouped
differently on the two sides (seeded random breaks, independent per side), joined with one
space. Both sides are re-segmented with qa.segment and aligned with qa.align. A segment belongs
to every NTREX line its span overlaps (a merged headline belongs to two lines), a bead links each
line of its source segments with each line of its target segments, and the gold links are
(i, i) for every line i: precision, recall and F1 over these links, strict, as vecalign and
bertalign report (docs/alignment.md).

Layouts: "headlines" (default, as articles are written) ends a paragraph after every line whose
English has no final punctuation, so a headline is never glued to the next sentence; "glued"
uses the random breaks only, so headlines run into the next sentence on both sides.

    python benchmarks/bench_alignment.py                  # NTREX, both layouts, + timing
    python benchmarks/bench_alignment.py --segmenters     # segmenter boundary P/R vs pysbd
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from qa.align import Bead, align_segments  # noqa: E402
from qa.segment import CLOSERS, TERMINALS, segment_lines, split_sentences  # noqa: E402

NTREX = ROOT.parent / "shared" / "data" / "ntrex"
BREAK_PROBABILITY = 0.35  # chance that a paragraph ends after a line (mean ~3 lines a paragraph)


@dataclass(frozen=True)
class Rebuilt:
    """One side of a rebuilt document: its paragraphs and where each NTREX line sits in them."""

    paragraphs: list[str]
    places: list[tuple[int, int, int]]  # per NTREX line (document-relative): paragraph, start, end


def read_ntrex(root: Path = NTREX) -> list[tuple[str, str, str]]:
    en = (root / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ar = (root / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    ids = (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    return list(zip(en, ar, ids))


def documents(rows: Sequence[tuple[str, str, str]]) -> list[tuple[list[str], list[str]]]:
    """(English lines, Arabic lines) per document; a document's lines are consecutive."""
    docs: list[tuple[list[str], list[str]]] = []
    previous = None
    for en, ar, doc in rows:
        if doc != previous:
            docs.append(([], []))
            previous = doc
        docs[-1][0].append(en)
        docs[-1][1].append(ar)
    return docs


def ends_sentence(line: str) -> bool:
    """Whether a line ends with terminal punctuation (closing quotes aside): not a headline."""
    stripped = line.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINALS


def rebuild(lines: Sequence[str], rng: random.Random, forced: set[int]) -> Rebuilt:
    """Paragraphs of consecutive lines joined with a space; a break after each line in `forced`."""
    paragraphs: list[str] = []
    places: list[tuple[int, int, int]] = []
    current = ""
    for k, line in enumerate(lines):
        start = len(current) + (1 if current else 0)
        current = f"{current} {line}" if current else line
        places.append((len(paragraphs), start, start + len(line)))
        if k == len(lines) - 1 or k in forced or rng.random() < BREAK_PROBABILITY:
            paragraphs.append(current)
            current = ""
    return Rebuilt(paragraphs, places)


def segment_owners(rebuilt: Rebuilt, lang: str):
    """Segments of the rebuilt paragraphs, and for each the NTREX lines its span overlaps."""
    segments = segment_lines(rebuilt.paragraphs, lang)
    owners = []
    for seg in segments:
        owners.append(
            frozenset(
                k
                for k, (para, start, end) in enumerate(rebuilt.places)
                if para == seg.line and start < seg.span.end and seg.span.start < end
            )
        )
    return segments, owners


def links(beads: Sequence[Bead], src_owners, tgt_owners) -> set[tuple[int, int]]:
    return {(a, b) for bead in beads for i in bead.src for j in bead.tgt for a in src_owners[i] for b in tgt_owners[j]}


@dataclass
class Score:
    true: int = 0
    predicted: int = 0
    gold: int = 0
    deletions: int = 0  # 1-0 beads (NTREX has no omission: each one is a false ALN001)
    insertions: int = 0  # 0-1 beads (false ALN002)
    beads: int = 0

    def add(self, predicted: set[tuple[int, int]], gold: set[tuple[int, int]], beads: Sequence[Bead]) -> None:
        self.true += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.deletions += sum(1 for b in beads if not b.tgt)
        self.insertions += sum(1 for b in beads if not b.src)
        self.beads += len(beads)

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(rows, embed: Callable, layout: str = "headlines", seed: int = 13) -> tuple[Score, int]:
    """Align every rebuilt NTREX document; returns the link score and the sentences aligned."""
    score = Score()
    sentences = 0
    for number, (en, ar) in enumerate(documents(rows)):
        forced = {k for k, line in enumerate(en) if not ends_sentence(line)} if layout == "headlines" else set()
        src, src_owners = segment_owners(rebuild(en, random.Random(f"{seed}-en-{number}"), forced), "en")
        tgt, tgt_owners = segment_owners(rebuild(ar, random.Random(f"{seed}-ar-{number}"), forced), "ar")
        beads = align_segments(src, tgt, embed)
        score.add(links(beads, src_owners, tgt_owners), {(k, k) for k in range(len(en))}, beads)
        sentences += len(src) + len(tgt)
    return score, sentences


def long_document(rows, size: int) -> tuple[list[str], list[str]]:
    """`size` lines made of whole NTREX documents, repeated in order, one line per paragraph."""
    en: list[str] = []
    ar: list[str] = []
    while len(en) < size:
        for e, a in documents(rows):
            en += e
            ar += a
    return en[:size], ar[:size]


def time_long(rows, encoder, sizes: Sequence[int]) -> list[tuple[int, float, float, float]]:
    """(lines, seconds embedding, seconds aligning, recall) for a document of each size."""
    from metrics.encoders import EmbeddingCache

    results = []
    for size in sizes:
        en, ar = long_document(rows, size)
        src, tgt = segment_lines(en, "en"), segment_lines(ar, "ar")
        cache = EmbeddingCache(encoder)
        started = time.perf_counter()
        cache.prime([s.text for s in src] + [t.text for t in tgt])
        embedded = time.perf_counter()
        beads = align_segments(src, tgt, cache.embed)
        aligned = time.perf_counter()
        owners_s = [frozenset([s.line]) for s in src]
        owners_t = [frozenset([t.line]) for t in tgt]
        found = links(beads, owners_s, owners_t)
        recall = len(found & {(k, k) for k in range(size)}) / size
        results.append((size, embedded - started, aligned - embedded, recall))
    return results


def segmenter_boundaries(rows, split: Callable[[str, str], list[tuple[int, int]]]):
    """Boundary precision/recall of a segmenter on each NTREX document joined into one paragraph."""
    out = {}
    for lang, column in (("en", 0), ("ar", 1)):
        tp = fp = fn = 0
        started = time.perf_counter()
        for doc in documents(rows):
            lines = doc[column]
            text = " ".join(lines)
            gold, pos = set(), 0
            for line in lines[:-1]:
                pos += len(line)
                gold.add(pos)
                pos += 1
            predicted = {start + len(text[start:end].rstrip()) for start, end in split(text, lang)[:-1]}
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
        out[lang] = (tp / (tp + fp), tp / (tp + fn), time.perf_counter() - started)
    return out


def compare_segmenters(rows) -> None:
    import pysbd

    ours = lambda text, lang: [(s.start, s.end) for s in split_sentences(text, lang)]  # noqa: E731
    engines = {lang: pysbd.Segmenter(language=lang, clean=False, char_span=True) for lang in ("en", "ar")}
    theirs = lambda text, lang: [(s.start, s.end) for s in engines[lang].segment(text)]  # noqa: E731
    print("segmenter boundaries, each NTREX document as one paragraph (gold: line ends)")
    print(f"{'':10s} {'lang':4s} {'precision':>9s} {'recall':>7s} {'seconds':>8s}")
    for name, split in (("qa.segment", ours), ("pysbd", theirs)):
        for lang, (p, r, seconds) in segmenter_boundaries(rows, split).items():
            print(f"{name:10s} {lang:4s} {p:9.3f} {r:7.3f} {seconds:8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segmenters", action="store_true", help="compare segmenters and stop")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1997, 20000], help="long-document sizes (lines)")
    args = parser.parse_args()
    rows = read_ntrex()
    if args.segmenters:
        compare_segmenters(rows)
        return
    from metrics.encoders import EmbeddingCache, load_encoder

    encoder = load_encoder("use-m3")
    cache = EmbeddingCache(encoder)
    for layout in ("headlines", "glued"):
        started = time.perf_counter()
        score, sentences = evaluate(rows, cache.embed, layout)
        seconds = time.perf_counter() - started
        print(
            f"NTREX 123 docs, layout={layout:9s} P {score.precision:.4f} R {score.recall:.4f} F1 {score.f1:.4f} "
            f"| links {score.true}/{score.predicted} pred, {score.gold} gold | 1-0 {score.deletions} 0-1 {score.insertions} "
            f"| {sentences} sentences, {seconds:.1f} s (cache shared: the second layout re-embeds only new texts)"
        )
    print("long documents (one paragraph per line, NTREX documents repeated):")
    results = time_long(rows, encoder, args.sizes)
    for size, embed_s, align_s, recall in results:
        print(f"  {size:6d} lines: embed {embed_s:7.1f} s, align {align_s:6.2f} s ({1e3 * align_s / size:.3f} ms/line), recall {recall:.4f}")
    if len(results) >= 2:
        (n1, _, a1, _), (n2, _, a2, _) = results[0], results[-1]
        print(f"  align time per line, {n2} vs {n1} lines: ratio {(a2 / n2) / (a1 / n1):.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
