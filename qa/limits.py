"""Resource limits on input: the longest segment mtqa will embed and check.

DEFAULT_MAX_SEGMENT_CHARS = 5,000: the longest NTREX sentence has 437 characters (English) and
362 (Arabic), and a 2-2 bead joins two sentences, so real news stays far below it; USE-m3 costs
~75 us per character (5,000 characters: 0.4 s; a 1 MB run-on "sentence": ~75 s and its memory),
so the limit turns a pasted blob (a minified page, a base64 image, a table flattened onto one
line) into one clear message instead of minutes of work on text no check can judge. Raise it
with --max-segment-chars when a corpus really has longer sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from qa.errors import InputError
from qa.model import AlignedPair

DEFAULT_MAX_SEGMENT_CHARS = 5_000


def _too_long(where: str, what: str, length: int, limit: int) -> InputError:
    return InputError(
        f"{where}: {what} has {length:,} characters, more than --max-segment-chars {limit}: "
        "split it, or raise the limit"
    )


def check_document_lines(lines: Sequence[str], lang: str, limit: int | None, path: str | Path) -> None:
    """Refuse a document with a sentence longer than `limit` (None: no limit).

    Only lines longer than the limit are segmented here (a sentence is never longer than its
    line), so the check costs nothing on ordinary text.
    """
    if limit is None:
        return
    from qa.segment import split_sentences

    for number, line in enumerate(lines, 1):
        if len(line) <= limit:
            continue
        for span in split_sentences(line, lang):
            if span.end - span.start > limit:
                where = f"{path}, line {number}, column {span.start + 1}"
                raise _too_long(where, "a sentence", span.end - span.start, limit)


def within_limit(pairs: Iterable[AlignedPair], limit: int | None, path: str | Path) -> Iterator[AlignedPair]:
    """The bitext rows, refusing the first whose src, mt or ref is longer than `limit`."""
    for row, pair in enumerate(pairs, 1):
        if limit is not None:
            for key in ("src", "mt", "ref"):
                text = getattr(pair, key)
                if text is not None and len(text) > limit:
                    raise _too_long(f"{path}, row {row} (id {pair.id!r})", repr(key), len(text), limit)
        yield pair
