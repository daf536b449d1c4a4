"""The one orchestrator: pairs in, a finished Report out.

read -> segment -> align -> check -> score -> report. Documents are aligned first (qa.align);
bitext rows are pairs already. Pairs are processed in chunks: every text a chunk needs (src, mt,
ref and each check's probes) is embedded in one batch, then the checks run on cache lookups.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from metrics.encoders import EmbeddingCache, Encoder, EncoderUnavailable, load_encoder
from qa.checks.registry import CheckContext, CheckSpec, select_checks
from qa.config import Config
from qa.errors import ModelError
from qa.model import (
    AlignedPair,
    CheckFailure,
    DocumentResult,
    Finding,
    Report,
    SegmentResult,
)
from qa.scoring import score_segment, summarize
from qa.signature import run_signature, tool_info


@dataclass
class Run:
    """One run's shared state: the config, the chosen checks, the encoder and its cache.

    `timings` adds up the seconds spent per check code (its probes included) and per stage
    ("align", "embed", "score"), for benchmarks/bench_ntrex.py; timing costs ~1 us a call.
    """

    config: Config
    encoder: Encoder
    checks: list[CheckSpec] = field(default_factory=list)
    failures: list[CheckFailure] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def __post_init__(self) -> None:
        if not self.checks:
            self.checks = select_checks(self.config.select, self.config.ignore)
        self.cache = EmbeddingCache(self.encoder)
        self.context = CheckContext(embed=self.cache.embed, settings=dict(self.config.settings), glossary=self.config.glossary)

    # -- stages ---------------------------------------------------------------------------
    def embed_and_measure(self, pairs: Sequence[AlignedPair]) -> list[AlignedPair]:
        """Embed every text of the chunk once and set each pair's src-mt cosine."""
        texts: list[str] = []
        for pair in pairs:
            texts += [t for t in (pair.src, pair.mt) if t.strip()]
        started = time.perf_counter()
        self.cache.prime(texts)
        self.timings["embed"] += time.perf_counter() - started
        measured = []
        for pair in pairs:
            sim = None
            if pair.src.strip() and pair.mt.strip():
                a, b = self.cache.embed([pair.src, pair.mt])
                sim = round(float(np.dot(a, b)), 4)
            measured.append(replace(pair, similarity=sim))
        probes: list[str] = []
        for spec in self.checks:
            if spec.probes is None:
                continue
            for pair in measured:
                probes += self._guarded(spec, pair, lambda s=spec, p=pair: list(s.probes(p, self.context)), [])
        started = time.perf_counter()
        self.cache.prime([t for t in probes if t.strip()])
        self.timings["embed"] += time.perf_counter() - started
        return measured

    def run_pair_checks(self, pair: AlignedPair) -> list[Finding]:
        findings: list[Finding] = []
        for spec in self.checks:
            if spec.scope == "pair":
                findings += self._guarded(spec, pair, lambda s=spec: s.run(pair, self.context), [])
        return findings

    def run_document_checks(self, pairs: Sequence[AlignedPair]) -> dict[int, list[Finding]]:
        extra: dict[int, list[Finding]] = {}
        for spec in self.checks:
            if spec.scope != "document":
                continue
            doc_id = pairs[0].id if pairs else "-"
            flags = self._guarded(spec, None, lambda s=spec: list(s.fn(pairs, self.context)), [], pair_id=doc_id)
            for index, flag in flags:
                extra.setdefault(index, []).append(spec.to_finding(flag))
        return extra

    def _guarded(self, spec: CheckSpec, pair: AlignedPair | None, call, fallback, pair_id: str | None = None):
        """Run one check; a crash is recorded (exit code 3), never allowed to stop the run."""
        started = time.perf_counter()
        try:
            return call()
        except Exception as exc:  # noqa: BLE001 - any bug in a check must not lose the run
            self.failures.append(
                CheckFailure(spec.code, spec.name, pair_id or (pair.id if pair else "-"), f"{type(exc).__name__}: {exc}")
            )
            return fallback
        finally:
            self.timings[spec.code] += time.perf_counter() - started

    # -- a whole document ------------------------------------------------------------------
    def check_document(self, pairs: Iterable[AlignedPair], source: str | None = None, target: str | None = None) -> DocumentResult:
        measured: list[AlignedPair] = []
        findings: list[list[Finding]] = []
        chunk: list[AlignedPair] = []

        def flush() -> None:
            done = self.embed_and_measure(chunk)
            for pair in done:
                measured.append(pair)
                findings.append(self.run_pair_checks(pair))
            chunk.clear()
            self.context.clear_memo()

        for pair in pairs:
            chunk.append(pair)
            if len(chunk) >= self.config.chunk_size:
                flush()
        if chunk:
            flush()
        for index, extra in self.run_document_checks(measured).items():
            findings[index] += extra
        started = time.perf_counter()
        segments = tuple(
            score_segment(pair, self.overridden(found), self.encoder.name, self.config.penalties)
            for pair, found in zip(measured, findings)
        )
        self.timings["score"] += time.perf_counter() - started
        return DocumentResult(source, target, segments)

    def overridden(self, findings: Sequence[Finding]) -> tuple[Finding, ...]:
        """Findings with the config's per-check severity overrides applied (before scoring)."""
        levels = self.config.severities
        return tuple(replace(f, severity=levels[f.code]) if f.code in levels else f for f in findings)

    def stream_document(self, pairs: Iterable[AlignedPair]) -> Iterator[tuple[SegmentResult, ...]]:
        """check_document's segments in batches, each yielded as soon as its segments are final.

        Without a document-scope check among the run's checks, a batch is one chunk
        (`config.chunk_size` pairs), yielded once its checks ran, and pairs already yielded are
        not kept. A document-scope check (NAM006) may add a finding to any pair of the document,
        so with one selected the whole document is a single batch, yielded after it ran.
        Concatenated, the batches equal `check_document(pairs).segments`; crashes go to
        `self.failures` as in check_document.
        """
        whole_document = any(spec.scope == "document" for spec in self.checks)
        measured: list[AlignedPair] = []
        findings: list[list[Finding]] = []
        chunk: list[AlignedPair] = []
        for pair in pairs:
            chunk.append(pair)
            if len(chunk) < self.config.chunk_size:
                continue
            self._check_chunk(chunk, measured, findings)
            if not whole_document:
                yield self._scored(measured, findings)
                measured, findings = [], []
        if chunk:
            self._check_chunk(chunk, measured, findings)
        if whole_document:
            for index, extra in self.run_document_checks(measured).items():
                findings[index] += extra
        if measured:
            yield self._scored(measured, findings)

    def _check_chunk(self, chunk: list[AlignedPair], measured: list[AlignedPair], findings: list[list[Finding]]) -> None:
        """Embed and pair-check one chunk (as check_document's flush), appending to measured/findings."""
        for pair in self.embed_and_measure(chunk):
            measured.append(pair)
            findings.append(self.run_pair_checks(pair))
        chunk.clear()
        self.context.clear_memo()

    def _scored(self, measured: Sequence[AlignedPair], findings: Sequence[list[Finding]]) -> tuple[SegmentResult, ...]:
        started = time.perf_counter()
        segments = tuple(
            score_segment(pair, self.overridden(found), self.encoder.name, self.config.penalties)
            for pair, found in zip(measured, findings)
        )
        self.timings["score"] += time.perf_counter() - started
        return segments

    def align_documents(
        self, source: Sequence[str], target: Sequence[str], reference: Sequence[str] | None = None
    ) -> list[AlignedPair]:
        """Lines of an English document and its Arabic MT (and reference) -> aligned pairs.

        Sentences are embedded through the run's cache, so the aligner's vectors are reused
        when the pairs are measured and checked.
        """
        from qa.align import align_segments, build_pairs
        from qa.segment import segment_lines

        started = time.perf_counter()
        src = segment_lines(source, "en")
        mt = segment_lines(target, "ar")
        beads = align_segments(src, mt, self.cache.embed)
        ref = ref_beads = None
        if reference is not None:
            ref = segment_lines(reference, "ar")
            ref_beads = align_segments(src, ref, self.cache.embed)
        pairs = build_pairs(src, mt, beads, ref, ref_beads)
        self.timings["align"] += time.perf_counter() - started
        return pairs

    def report(self, documents: Sequence[DocumentResult]) -> Report:
        return Report(
            signature=run_signature(self.config, self.encoder, self.checks),
            tool=tool_info(),
            summary=summarize(documents, self.config.fail_on, self.failures),
            documents=tuple(documents),
            failures=tuple(self.failures),
        )


def check_pairs(
    pairs: Iterable[AlignedPair],
    config: Config | None = None,
    encoder: Encoder | None = None,
    *,
    source: str | None = None,
    target: str | None = None,
) -> Report:
    """Check pairs that are already aligned (bitext rows) as one document.

    Every pair is held to `config.max_segment_chars` before the encoder loads, as
    check_documents holds every sentence.
    """
    from qa.limits import within_limit

    config = config or Config()
    pairs = list(within_limit(pairs, config.max_segment_chars, source or "pairs"))
    run = start_run(config, encoder)
    return run.report([run.check_document(pairs, source, target)])


def check_documents(
    source: str | Path,
    target: str | Path,
    reference: str | Path | None = None,
    config: Config | None = None,
    encoder: Encoder | None = None,
    *,
    encoding: str = "utf-8",
) -> Report:
    """Check an English document against its Arabic MT (plain text, one paragraph per line).

    The files are read (and rejected, with a message naming the problem) before the encoder
    loads; the sentences are split, aligned and checked as one document.
    """
    from qa.limits import check_document_lines
    from qa.textio import read_document

    source_lines = read_document(source, encoding)
    target_lines = read_document(target, encoding)
    reference_lines = read_document(reference, encoding) if reference is not None else None
    limit = (config or Config()).max_segment_chars
    for path, lines, lang in ((source, source_lines, "en"), (target, target_lines, "ar"), (reference, reference_lines, "ar")):
        check_document_lines(lines or (), lang, limit, path)
    run = start_run(config, encoder)
    pairs = run.align_documents(source_lines, target_lines, reference_lines)
    return run.report([run.check_document(pairs, str(source), str(target))])


def start_run(config: Config | None = None, encoder: Encoder | None = None) -> Run:
    """A Run with its checks chosen first (an unknown selector fails before a model loads)."""
    config = config or Config()
    checks = select_checks(config.select, config.ignore)
    return Run(config, encoder or open_encoder(config.model), checks)


@functools.lru_cache(maxsize=2)
def open_encoder(model: str) -> Encoder:
    """load_encoder, with its failure turned into a ModelError the CLI reports in one line.

    Cached per process: repeated API calls and `mtqa check-each` load a model once (a failure is not cached).
    """
    try:
        return load_encoder(model)
    except EncoderUnavailable as exc:
        raise ModelError(str(exc)) from None

