"""Bilingual file formats mtqa reads, one module each, registered by file suffix.

`read_pairs(path, encoding)` returns the file's English→Arabic pairs as AlignedPairs, one per
segment, with the segment's id from the file. XML formats (XLIFF 1.2 and 2.0, TMX) are refused
before parsing when they use entities or external references (qa.formats.xmlsafe); their inline
tags are stripped for checking and kept in `src_tags`/`mt_tags` for display (qa.formats.inline).
`qa.textio.read_bitext` dispatches here for the suffixes in READERS; .jsonl and .tsv stay there.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError
from qa.model import AlignedPair

# suffix -> module in qa.formats with `read(path: Path, encoding: str) -> list[AlignedPair]`
READERS = {
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
    ".csv": "csvfile",
}
SUFFIXES = tuple(READERS)

_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_@.].*)?$")


@dataclass(frozen=True)
class Unit:
    """One segment as a format reader found it. `line`/`mt_line` are 0-based lines in the file."""

    id: str
    src: str
    mt: str
    ref: str | None = None
    line: int = 0
    mt_line: int | None = None
    src_tags: tuple[tuple[int, str], ...] | None = None
    mt_tags: tuple[tuple[int, str], ...] | None = None


def primary_language(code: str | None) -> str | None:
    """'en-US' / 'en_GB' / 'EN' -> 'en'; 'ar-EG' -> 'ar'; None for a missing or odd code."""
    match = _LANG.match((code or "").strip())
    return match.group(1).lower() if match else None


def is_pair(source_lang: str | None, target_lang: str | None) -> bool:
    """English (en, en-XX) to Arabic (ar, ar-XX)."""
    return primary_language(source_lang) == "en" and primary_language(target_lang) == "ar"


def read_pairs(path: str | Path, encoding: str = "utf-8") -> list[AlignedPair]:
    """The file's en→ar segments as pairs (an InputError when it has none or is malformed)."""
    path = Path(path)
    module = READERS.get(path.suffix.lower())
    if module is None:
        raise InputError(f"{path}: unknown bitext format {path.suffix!r}: one of {', '.join(SUFFIXES)}")
    reader: Callable[[Path, str], list[AlignedPair]] = importlib.import_module(f"qa.formats.{module}").read
    return reader(path, encoding)


def to_pairs(path: Path, units: Iterable[Unit]) -> list[AlignedPair]:
    """Units -> AlignedPairs, the whole file at once (so every error is raised here); ids must be unique."""
    pairs: list[AlignedPair] = []
    seen: set[str] = set()
    for unit in units:
        if unit.id in seen:
            raise InputError(f"{path}: segment id {unit.id!r} is used twice: ids must be unique in a file")
        seen.add(unit.id)
        pairs.append(AlignedPair(
            unit.id, unit.src, unit.mt, unit.ref,
            src_lines=(unit.line,), mt_lines=(unit.line if unit.mt_line is None else unit.mt_line,),
            src_tags=unit.src_tags or None, mt_tags=unit.mt_tags or None,
        ))
    return pairs


def no_pairs(path: Path, found: Iterable[tuple[str | None, str | None]], skipped: int = 0) -> InputError:
    """The error for a file without a single en→ar pair, naming the language pairs it has."""
    pairs = sorted({f"{s or '?'}→{t or '?'}" for s, t in found})
    untranslated = f"; {skipped} en→ar segment(s) have no translation" if skipped else ""
    return InputError(
        f"{path}: no English→Arabic segments (language pairs found: {', '.join(pairs) or 'none'}{untranslated}): "
        "mtqa checks en (en-XX) sources against ar (ar-XX) translations"
    )


def read_bytes(path: Path) -> bytes:
    """The file's bytes (XML and PO declare their own encoding), with textio's errors."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(f"{path}: is empty")
    return data
