"""The one orchestrator: pairs in, a finished Report out.

read -> segment -> align -> check -> score -> report. Documents are aligned first (qa.align);
bitext rows are pairs already. Pairs are processed in chunks: every text a chunk needs (src, mt,
ref and each check's probes) is embedded in one batch, then the checks run on cache lookups.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from metrics.encoders import EmbeddingCache, Encoder, load_encoder
from qa.checks.registry import CheckContext, CheckSpec, select_checks
from qa.config import Config
from qa.model import AlignedPair, CheckFailure, DocumentResult, Finding, Report
from qa.scoring import score_segment, summarize
from qa.signature import run_signature, tool_info


@dataclass
class Run:
    """One run's shared state: the config, the chosen checks, the encoder and its cache."""

    config: Config
    encoder: Encoder
    checks: list[CheckSpec] = field(default_factory=list)
    failures: list[CheckFailure] = field(default_factory=list)

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
        self.cache.prime(texts)
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
        self.cache.prime([t for t in probes if t.strip()])
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
        try:
            return call()
        except Exception as exc:  # noqa: BLE001 - any bug in a check must not lose the run
            self.failures.append(
                CheckFailure(spec.code, spec.name, pair_id or (pair.id if pair else "-"), f"{type(exc).__name__}: {exc}")
            )
            return fallback

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
        segments = tuple(
            score_segment(pair, tuple(found), self.encoder.name, self.config.penalties)
            for pair, found in zip(measured, findings)
        )
        return DocumentResult(source, target, segments)

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
    """Check pairs that are already aligned (bitext rows) as one document."""
    config = config or Config()
    run = Run(config, encoder or load_encoder(config.model))
    return run.report([run.check_document(pairs, source, target)])

