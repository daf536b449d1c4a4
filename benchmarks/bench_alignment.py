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

    python benchmarks/bench_alignment.py                  # NTREX, both layouts, edits, long documents
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


def detect_edits(rows, embed: Callable, kind: str, seed: int = 13) -> tuple[int, int]:
    """Drop ("omission") or insert from another story ("addition") one Arabic line per document
    of 6+ lines (not the first or last), rebuild as in evaluate(), and count the edits the
    aligner reports as 1-0 (every segment of the dropped line's English) or 0-1 beads."""
    docs = documents(rows)
    found = total = 0
    for number, (en, ar) in enumerate(docs):
        if len(en) < 6:
            continue
        k = random.Random(f"{kind}-{number}").randrange(1, len(en) - 1)
        ar = list(ar)
        if kind == "omission":
            del ar[k]
            origin = [x for x in range(len(en)) if x != k]  # Arabic line -> English line
        else:
            other = docs[(number + 50) % len(docs)][1]
            ar.insert(k, other[len(other) // 2])
            origin = [*range(k), -1, *range(k, len(en))]
        forced = {x for x, line in enumerate(en) if not ends_sentence(line)}
        src, src_owners = segment_owners(rebuild(en, random.Random(f"{seed}-en-{number}"), forced), "en")
        forced_ar = {y for y, x in enumerate(origin) if x in forced}
        tgt, tgt_owners = segment_owners(rebuild(ar, random.Random(f"{seed}-ar-{number}"), forced_ar), "ar")
        beads = align_segments(src, tgt, embed)
        total += 1
        if kind == "omission":
            edited = [i for i, owner in enumerate(src_owners) if k in owner]
            found += all(Bead((i,), (), None) in beads for i in edited)
        else:
            edited = [j for j, owner in enumerate(tgt_owners) if k in owner]
            found += all(Bead((), (j,), None) in beads for j in edited)
    return found, total


def long_document(rows, size: int) -> tuple[list[str], list[str]]:
    """`size` lines made of whole NTREX documents, repeated in order, one line per paragraph."""
    en: list[str] = []
    ar: list[str] = []
    while len(en) < size:
        for e, a in documents(rows):
            en += e
            ar += a
    return en[:size], ar[:size]


def time_long(rows, cache, sizes: Sequence[int]) -> list[dict[str, float]]:
    """Per size: seconds embedding sentences and concatenations, seconds aligning, recall.

    The cache is shared: a long document repeats NTREX documents, so its sentences are mostly
    embedded already; `encoded` counts the texts this size sent to the encoder."""
    results = []
    for size in sizes:
        en, ar = long_document(rows, size)
        src, tgt = segment_lines(en, "en"), segment_lines(ar, "ar")
        before = cache.encoded
        started = time.perf_counter()
        cache.prime([s.text for s in src] + [t.text for t in tgt])
        singles = time.perf_counter() - started
        encoded = cache.encoded
        inside = [0.0]

        def embed(texts):
            began = time.perf_counter()
            vectors = cache.embed(texts)
            inside[0] += time.perf_counter() - began
            return vectors

        started = time.perf_counter()
        beads = align_segments(src, tgt, embed)
        total = time.perf_counter() - started
        found = links(beads, [frozenset([s.line]) for s in src], [frozenset([t.line]) for t in tgt])
        results.append(
            {
                "lines": size,
                "sentences": len(src) + len(tgt),
                "encoded": cache.encoded - before,
                "embed_sentences": singles,
                "concatenations": cache.encoded - encoded,
                "embed_concatenations": inside[0],
                "align": total - inside[0],
                "recall": len(found & {(k, k) for k in range(size)}) / size,
            }
        )
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
    parser.add_argument("--sizes", type=int, nargs="*", default=[1997, 20000, 100000], help="long-document sizes (lines)")
    args = parser.parse_args()
    rows = read_ntrex()
    if args.segmenters:
        compare_segmenters(rows)
        return
    from metrics.encoders import EmbeddingCache, load_encoder

    cache = EmbeddingCache(load_encoder("use-m3"))
    for layout in ("headlines", "glued"):
        started = time.perf_counter()
        score, sentences = evaluate(rows, cache.embed, layout)
        seconds = time.perf_counter() - started
        print(
            f"NTREX 123 docs, layout={layout:9s} P {score.precision:.4f} R {score.recall:.4f} F1 {score.f1:.4f} "
            f"| links {score.true} right of {score.predicted}, gold {score.gold} | false 1-0 {score.deletions} "
            f"0-1 {score.insertions} | {sentences} sentences, {seconds:.1f} s with embedding"
        )
    for kind in ("omission", "addition"):
        found, total = detect_edits(rows, cache.embed, kind)
        bead = "1-0" if kind == "omission" else "0-1"
        print(f"one Arabic line per document: {kind} reported as a {bead} bead in {found}/{total}")
    print("long documents (one paragraph per line, NTREX documents repeated; embedding cache shared):")
    results = time_long(rows, cache, args.sizes)
    for r in results:
        print(
            f"  {r['lines']:6d} lines, {r['sentences']} sentences, {r['encoded']} texts encoded "
            f"({r['concatenations']} concatenations): embed {r['embed_sentences'] + r['embed_concatenations']:6.1f} s, "
            f"align {r['align']:6.2f} s ({1e3 * r['align'] / r['lines']:.3f} ms/line), recall {r['recall']:.4f}"
        )
    if len(results) >= 2:
        first, last = results[0], results[-1]
        ratio = (last["align"] / last["lines"]) / (first["align"] / first["lines"])
        print(f"  align time per line, {last['lines']} vs {first['lines']} lines: ratio {ratio:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
