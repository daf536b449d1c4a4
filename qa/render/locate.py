"""Where a finding is, for renderers: 1-based line labels and file positions of spans.

Pure lookups over what the report holds (AlignedPair.src_lines/mt_lines and src_origins/
mt_origins, set by the aligner and the bitext reader); nothing is recomputed from the files.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.model import AlignedPair, Finding, Origin, Span


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in an input file (column None: only the line is known)."""

    line: int
    column: int | None


def position(origins: tuple[Origin, ...], offset: int) -> Position | None:
    """The file position of character `offset` of a pair's text, from its origins (None: unknown)."""
    found = None
    for start, line, column in origins:
        if start > offset:
            break
        found = (start, line, column)
    if found is None:
        return None
    start, line, column = found
    return Position(line + 1, None if column is None else column + offset - start + 1)


def lines_label(pair: AlignedPair, bitext: bool) -> str:
    """`en 3 | ar 3,4` (document) or `row 5` (bitext), 1-based as an editor numbers them."""
    if bitext:
        return "row " + ",".join(str(n + 1) for n in pair.src_lines)

    def numbers(lines: tuple[int, ...]) -> str:
        return ",".join(str(n + 1) for n in lines) or "-"

    return f"en {numbers(pair.src_lines)} | ar {numbers(pair.mt_lines)}"


def span_text(span: Span | None, text: str) -> str:
    """The text a span covers, or "" when there is none or it does not fit the text."""
    if span is None or span.end > len(text):
        return ""
    return span.of(text)


def finding_texts(finding: Finding, pair: AlignedPair) -> tuple[str, str]:
    """(English text, Arabic text) the finding points at."""
    return span_text(finding.src_span, pair.src), span_text(finding.mt_span, pair.mt)
