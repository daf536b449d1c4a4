"""The types every stage shares: plain frozen data, no behaviour beyond small helpers.

Spans are half-open character offsets into the original text of a segment (never into a
normalised copy). Line numbers are 0-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        """Higher is worse: minor 1, major 2, critical 3."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Category(str, Enum):
    NAME = "name"
    NEGATION = "negation"
    NUMBER = "number"
    OMISSION = "omission"
    ADDITION = "addition"
    UNTRANSLATED = "untranslated"
    MISTRANSLATION = "mistranslation"
    GLOSSARY = "glossary"
    FORMAT = "format"


@dataclass(frozen=True, order=True)
class Span:
    """Half-open [start, end) character offsets into an original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Segment:
    """One sentence of a document, as the segmenter cut it.

    `line` is the 0-based input line it comes from; `span` its offsets in that line.
    """

    text: str
    lang: str
    line: int
    span: Span


@dataclass(frozen=True)
class AlignedPair:
    """An English segment (or several) and the Arabic segment(s) aligned with it.

    In bitext mode each input row is one pair. In document mode a pair joins 0-2 sentences per
    side with a single space; a pair with empty `mt` is an omission candidate (a 1-0 bead), one
    with empty `src` an addition candidate (0-1). `similarity` is the encoder's cosine of src
    and mt (None until scored, or when a side is empty). `src_tags`/`mt_tags`: the inline tags
    of an XLIFF/TMX segment, (offset into src/mt, markup), stripped from the text that is
    checked and kept for display (qa.formats.inline.with_tags); None for other inputs.
    """

    id: str
    src: str
    mt: str
    ref: str | None = None
    src_lines: tuple[int, ...] = ()
    mt_lines: tuple[int, ...] = ()
    similarity: float | None = None
    src_tags: tuple[tuple[int, str], ...] | None = None
    mt_tags: tuple[tuple[int, str], ...] | None = None


@dataclass(frozen=True)
class Finding:
    """One problem found in one pair by one check."""

    code: str
    check: str
    category: Category
    severity: Severity
    message: str
    src_span: Span | None = None
    mt_span: Span | None = None
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "check": self.check,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "src_span": self.src_span.as_list() if self.src_span else None,
            "mt_span": self.mt_span.as_list() if self.mt_span else None,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class CheckFailure:
    """A check that raised on one pair: recorded, the run goes on (exit code 3)."""

    code: str
    check: str
    pair_id: str
    error: str


@dataclass(frozen=True)
class SegmentResult:
    """A pair with everything the run learned about it."""

    pair: AlignedPair
    score: float
    metrics: dict[str, float | None]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class DocumentResult:
    source: str | None
    target: str | None
    segments: tuple[SegmentResult, ...]


@dataclass(frozen=True)
class Report:
    """A finished run. Renderers read it; nothing in it is computed by them."""

    signature: str
    tool: dict[str, str]
    summary: dict[str, Any]
    documents: tuple[DocumentResult, ...]
    failures: tuple[CheckFailure, ...] = field(default=())
    schema: str = "mtqa.report/1"

    def segments(self) -> list[SegmentResult]:
        return [s for d in self.documents for s in d.segments]

    def findings(self) -> list[Finding]:
        return [f for s in self.segments() for f in s.findings]
