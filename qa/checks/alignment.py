"""Sentences the aligner could not pair: a source sentence with no Arabic, or the reverse."""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.registry import CheckContext, Flag, check
from qa.model import AlignedPair, Category, Severity, Span


@check("ALN001", "sentence-omitted", Category.OMISSION)
def sentence_omitted(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A source sentence has no counterpart in the Arabic (a 1-0 alignment).

    Flags:  The talks will resume on Monday. =>
    Passes: The talks will resume on Monday. => ستستأنف المحادثات يوم الاثنين.
    """
    if pair.src.strip() and not pair.mt.strip():
        yield Flag(
            Severity.MAJOR,
            "this source sentence has no translation in the Arabic",
            src_span=Span(0, len(pair.src)),
        )


@check("ALN002", "sentence-added", Category.ADDITION)
def sentence_added(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """An Arabic sentence has no counterpart in the source (a 0-1 alignment).

    Flags:   => ستستأنف المحادثات يوم الاثنين.
    Passes: The talks will resume on Monday. => ستستأنف المحادثات يوم الاثنين.
    """
    if pair.mt.strip() and not pair.src.strip():
        yield Flag(
            Severity.MAJOR,
            "this Arabic sentence translates nothing in the source",
            mt_span=Span(0, len(pair.mt)),
        )
