"""The one orchestrator: pairs in, a finished Report out.

read -> segment -> align -> check -> score -> report. Documents are aligned first (qa.align);
bitext rows are pairs already. Pairs are processed in chunks of `Config.chunk_size`: the src and
mt texts of a chunk are embedded in one batch, then its pairs are checked in groups (qa.parallel),
each group's probes embedded in one batch of their own, the checks running on cache lookups.
"""

from __future__ import annotations

import enum
import functools
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from metrics.encoders import (
    EmbeddingCache,
    Encoder,
    EncoderUnavailable,
    available_cores,
    load_encoder,
    one_blas_thread,
)
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
from qa.parallel import GroupScheduler, can_fork, chunked, groups_of, run_groups
from qa.scoring import score_segment, summarize
from qa.signature import run_signature, tool_info

PRELOAD_PAIRS = 32  # input pairs the checks run on before the first fork (Run.preload)


class _Missing(enum.Enum):
    """An analysis that failed where the pair was checked (an enum: it stays itself when pickled)."""

    MISSING = "missing"


_MISSING = _Missing.MISSING


@dataclass
class Run:
    """One run's shared state: the config, the chosen checks, the encoder and its cache.

    `processes`: how many processes may run the pair checks of a chunk once it is embedded
    (qa.parallel; 1 in batch workers and Ray actors, which are processes already).
    `timings` adds up the seconds spent per check code (its probes included) and per stage
    ("align", "embed", "score"), for benchmarks/bench_ntrex.py; timing costs ~1 us a call.
    """

    config: Config
    encoder: Encoder
    checks: list[CheckSpec] = field(default_factory=list)
    failures: list[CheckFailure] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    processes: int = 1

    def __post_init__(self) -> None:
        if not self.checks:
            self.checks = select_checks(self.config.select, self.config.ignore)
        self.cache = EmbeddingCache(self.encoder)
        # The per-pair analyses the document checks read (CheckSpec.pair_memos), by (analysis, pair):
        # computed with the pair checks, wherever they ran, and kept until the document checks run.
        self.pair_memos = list(dict.fromkeys(fn for spec in self.checks if spec.scope == "document" for fn in spec.pair_memos))
        self.document_memo: dict[tuple[Any, AlignedPair], Any] = {}
        self.context = CheckContext(embed=self.cache.embed, settings=dict(self.config.settings), glossary=self.config.glossary)

    # -- stages ---------------------------------------------------------------------------
    def embed_and_measure(self, pairs: Sequence[AlignedPair]) -> list[AlignedPair]:
        """Embed the src and mt texts of the chunk once and set each pair's src-mt cosine."""
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
        return measured

    def check_measured(self, pairs: Sequence[AlignedPair]) -> list[list[Finding]]:
        """The pair checks of every pair of one embedded chunk, in its check groups
        (qa.parallel.groups_of), over `processes` processes when that pays."""
        processes = self.processes if can_fork(self.encoder) else 1
        return self._merged(pairs, run_groups(lambda group: self._checked_group(pairs, group), groups_of(0, len(pairs)), processes))

    def _merged(self, pairs: Sequence[AlignedPair], checked: dict[int, tuple]) -> list[list[Finding]]:
        """The findings of the pairs from their groups' results (by group start); the groups'
        crashes are added in pair order, their timings to this Run's, and the analyses the
        document checks read to document_memo."""
        found: list[list[Finding]] = [[] for _ in pairs]
        crashed: list[list[CheckFailure]] = [[] for _ in pairs]
        for start in sorted(checked):
            results, spent = checked[start]
            for index, findings, failures, memos in results:
                found[index], crashed[index] = findings, failures
                for fn, value in zip(self.pair_memos, memos):
                    if value is not _MISSING:
                        self.document_memo[(fn, pairs[index])] = value
            for key, seconds in spent.items():
                self.timings[key] += seconds
        for failures in crashed:
            self.failures += failures
        return found

    def _checked_group(self, pairs: Sequence[AlignedPair], group: range):
        """([(index, findings, crashes)], seconds per stage and check) for one check group.

        The group's probes are embedded in one batch with one BLAS thread and forgotten after
        it (EmbeddingCache.scoped), so a group's findings depend on its pairs (and their embedded
        texts) alone, not on which process ran it or what ran before. This Run's failures, timings and memo are left
        as they were: the caller merges the result (_merged).
        """
        timings, marks = dict(self.timings), len(self.failures)
        probes: list[str] = []
        probe_failures: dict[int, list[CheckFailure]] = {}
        for index in group:
            mark = len(self.failures)
            pair = pairs[index]
            for spec in self.checks:
                if spec.probes is not None and spec.scope == "pair":
                    probes += self._guarded(spec, pair, lambda s=spec, p=pair: list(s.probes(p, self.context)), [])
            probe_failures[index] = self.failures[mark:]
        started = time.perf_counter()
        with one_blas_thread(self.encoder), self.cache.scoped(probes):  # blank probes too: a check may look one up
            self.timings["embed"] += time.perf_counter() - started
            checked = []
            for index in group:
                mark = len(self.failures)
                findings = self.run_pair_checks(pairs[index])
                memos = tuple(self._pair_memo(fn, pairs[index]) for fn in self.pair_memos)
                checked.append((index, findings, probe_failures[index] + self.failures[mark:], memos))
        self.context.clear_memo()
        del self.failures[marks:]
        spent = {key: seconds - timings.get(key, 0.0) for key, seconds in self.timings.items()}
        self.timings.clear()
        self.timings.update(timings)
        return checked, spent

    def preload(self, pairs: Sequence[AlignedPair]) -> None:
        """Load what the checks load on first use (gazetteers, lexicons, models: 0.3-0.8 s) here,
        once, for every forked child to inherit, instead of once in each (qa.parallel).

        The pair checks and their probes run on some pairs of the input (so that what they load
        is what the input needs: langdetect's profiles, 0.35 s, only for text that is not Arabic)
        without an encoder (checks skip their encoder steps then) and in a context of their own:
        nothing of the run changes but the modules' caches.
        """
        context = CheckContext(embed=None, settings=dict(self.config.settings), glossary=self.config.glossary)
        for spec in self.checks:
            for pair in pairs:
                try:
                    if spec.probes is not None:
                        list(spec.probes(pair, context))
                    if spec.scope == "pair":
                        spec.run(pair, context)
                except Exception:  # noqa: BLE001, S112 - a check's crash is recorded when it runs for real
                    continue

    def _pair_memo(self, fn, pair: AlignedPair) -> Any:
        """fn's analysis of the pair for the document checks (_MISSING if it fails: the document
        check then meets the failure itself, and records it)."""
        try:
            return self.context.memo(fn, pair)
        except Exception:  # noqa: BLE001 - recorded when the document check runs it
            return _MISSING

    def run_pair_checks(self, pair: AlignedPair) -> list[Finding]:
        """The pair-scope checks of one pair whose texts and probes are embedded (check_measured)."""
        findings: list[Finding] = []
        for spec in self.checks:
            if spec.scope == "pair":
                findings += self._guarded(spec, pair, lambda s=spec: s.run(pair, self.context), [])
        return findings

    def run_document_checks(self, pairs: Sequence[AlignedPair]) -> dict[int, list[Finding]]:
        extra: dict[int, list[Finding]] = {}
        self.context.clear_memo()
        self.context._memo.update(self.document_memo)  # the pair checks' analyses (CheckSpec.pair_memos)
        for spec in self.checks:
            if spec.scope != "document":
                continue
            doc_id = pairs[0].id if pairs else "-"
            flags = self._guarded(spec, None, lambda s=spec: list(s.fn(pairs, self.context)), [], pair_id=doc_id)
            for index, flag in flags:
                extra.setdefault(index, []).append(spec.to_finding(flag))
        self.context.clear_memo()
        self.document_memo.clear()
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
        """Embed chunk by chunk; each chunk's check groups are checked in the background while
        the next chunk is embedded, the rest over all processes at the end (qa.parallel)."""
        measured: list[AlignedPair] = []
        processes = self.processes if can_fork(self.encoder) else 1
        scheduler = GroupScheduler(
            lambda group: self._checked_group(measured, group), processes, lambda: self.preload(measured[:PRELOAD_PAIRS])
        )
        try:
            for chunk in chunked(pairs, self.config.chunk_size):
                start = len(measured)
                measured += self.embed_and_measure(chunk)
                scheduler.add(groups_of(start, len(measured)))
            findings = self._merged(measured, scheduler.finish())
        finally:
            scheduler.close()
        for index, extra in self.run_document_checks(measured).items():
            findings[index] += extra
        return DocumentResult(source, target, self._scored(measured, findings))

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
        for chunk in chunked(pairs, self.config.chunk_size):
            done = self.embed_and_measure(chunk)
            measured += done
            findings += self.check_measured(done)
            if not whole_document:
                yield self._scored(measured, findings)
                measured, findings = [], []
        if whole_document:
            for index, extra in self.run_document_checks(measured).items():
                findings[index] += extra
        if measured:
            yield self._scored(measured, findings)

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
    processes: int | None = None,
) -> Report:
    """Check pairs that are already aligned (bitext rows) as one document.

    Every pair is held to `config.max_segment_chars` before the encoder loads, as
    check_documents holds every sentence. `processes`: for the check stage (default: the cores).
    """
    from qa.limits import within_limit

    config = config or Config()
    pairs = list(within_limit(pairs, config.max_segment_chars, source or "pairs"))
    run = start_run(config, encoder, processes)
    return run.report([run.check_document(pairs, source, target)])


def check_documents(
    source: str | Path,
    target: str | Path,
    reference: str | Path | None = None,
    config: Config | None = None,
    encoder: Encoder | None = None,
    *,
    encoding: str = "utf-8",
    processes: int | None = None,
) -> Report:
    """Check an English document against its Arabic MT (plain text, one paragraph per line).

    The files are read (and rejected, with a message naming the problem) before the encoder
    loads; the sentences are split, aligned and checked as one document. `processes`: as in check_pairs.
    """
    from qa.limits import check_document_lines
    from qa.textio import read_document

    source_lines = read_document(source, encoding)
    target_lines = read_document(target, encoding)
    reference_lines = read_document(reference, encoding) if reference is not None else None
    limit = (config or Config()).max_segment_chars
    for path, lines, lang in ((source, source_lines, "en"), (target, target_lines, "ar"), (reference, reference_lines, "ar")):
        check_document_lines(lines or (), lang, limit, path)
    run = start_run(config, encoder, processes)
    pairs = run.align_documents(source_lines, target_lines, reference_lines)
    return run.report([run.check_document(pairs, str(source), str(target))])


def start_run(config: Config | None = None, encoder: Encoder | None = None, processes: int | None = 1) -> Run:
    """A Run with its checks chosen first (an unknown selector fails before a model loads).

    `processes` for its check stage: None means the cores available (as the encoder's threads).
    """
    config = config or Config()
    checks = select_checks(config.select, config.ignore)
    return Run(config, encoder or open_encoder(config.model), checks, processes=processes or available_cores())


@functools.lru_cache(maxsize=2)
def open_encoder(model: str) -> Encoder:
    """load_encoder, with its failure turned into a ModelError the CLI reports in one line.

    Cached per process: repeated API calls and `mtqa check-each` load a model once (a failure is not cached).
    """
    try:
        return load_encoder(model)
    except EncoderUnavailable as exc:
        raise ModelError(str(exc)) from None

