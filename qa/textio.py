"""Reading inputs and writing reports: documents, bitext (JSONL/TSV), glossaries, atomic writes.

Every problem is an `InputError` / `OutputError` naming the file, the line (1-based, as an
editor shows it) and what to do next. Lines are split on "\\n" only (a stray U+2028 or form feed
inside a paragraph does not shift line numbers), a trailing "\\r" is dropped, and a UTF-8 byte
order mark is ignored.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from qa.encodings import canonical, decode
from qa.errors import InputError, OutputError
from qa.model import AlignedPair

BITEXT_SUFFIXES = (".jsonl", ".tsv")
BITEXT_KEYS = ("src", "mt", "ref", "id")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_encoding(encoding: str) -> str:
    """The codec's canonical name (or "auto"), or a UsageError for a name Python does not know."""
    return canonical(encoding)


def read_bytes(path: str | Path) -> bytes:
    """The whole file as bytes, or an InputError: missing, a directory, unreadable."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_text(path: str | Path, encoding: str = "utf-8") -> str:
    """The whole file as text, or an InputError that says what is wrong with it (qa.encodings)."""
    check_encoding(encoding)
    return decode(read_bytes(path), encoding, Path(path))


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: split on "\\n", "\\r\\n" tolerated, no empty last line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def read_document(path: str | Path, encoding: str = "utf-8") -> list[str]:
    """A plain-text document, one paragraph per line (blank lines allowed): its lines."""
    lines = split_lines(read_text(path, encoding))
    if not any(line.strip() for line in lines):
        raise InputError(f"{path}: is empty: expected text with one paragraph per line")
    return lines


def read_bitext(path: str | Path, encoding: str = "utf-8") -> Iterator[AlignedPair]:
    """Rows of a .jsonl (keys src, mt, optional ref, id) or .tsv (a header row naming those columns).

    Each row is one pair already aligned: its id is the row's `id`, else its 1-based row number;
    src_lines/mt_lines hold its 0-based row number. Blank lines are skipped (they are not rows).
    The file is read and decoded at once (so a missing or undecodable file fails here); rows are
    parsed as they are consumed and a malformed row raises with its line number.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    from qa.formats import SUFFIXES, read_pairs  # XLIFF, TMX, PO, CSV: qa/formats/

    if suffix in SUFFIXES:
        return iter(read_pairs(path, encoding))
    if suffix not in BITEXT_SUFFIXES:
        raise InputError(
            f"{path}: a single input must be a .jsonl or .tsv bitext file (columns src, mt, optional ref, id) "
            f"or one of {', '.join(SUFFIXES)}; to check two documents give SOURCE TARGET"
        )
    lines = split_lines(read_text(path, encoding))
    if not any(line.strip() for line in lines):
        raise InputError(f"{path}: is empty: expected one row per line with src and mt")
    rows = _jsonl_rows(path, lines) if suffix == ".jsonl" else _tsv_rows(path, lines)
    return pairs_from_rows(path, rows)


def pairs_from_rows(path: Path, rows: Iterator[tuple[int, dict]]) -> Iterator[AlignedPair]:
    seen: dict[str, int] = {}
    count = 0
    for line_no, row in rows:
        pair_id = str(row["id"]) if row.get("id") not in (None, "") else str(count + 1)
        if pair_id in seen:
            raise InputError(f"{path}, line {line_no}: id {pair_id!r} is already used on line {seen[pair_id]}: ids must be unique")
        seen[pair_id] = line_no
        origin = ((0, line_no - 1, None),)  # the row's line in the file; no column: the text may be escaped
        yield AlignedPair(
            pair_id, row["src"], row["mt"], row.get("ref"), src_lines=(count,), mt_lines=(count,),
            src_origins=origin, mt_origins=origin,
        )
        count += 1
    if not count:
        raise InputError(f"{path}: has a header but no rows")


def _jsonl_rows(path: Path, lines: list[str]) -> Iterator[tuple[int, dict]]:
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}, line {line_no}: not JSON ({exc.msg}, column {exc.colno}): "
                "each line must be one JSON object with keys src and mt"
            ) from None
        except ValueError as exc:  # an integer of more than 4,300 digits (found by fuzzing)
            raise InputError(f"{path}, line {line_no}: not usable JSON ({exc})") from None
        if not isinstance(row, dict):
            raise InputError(f"{path}, line {line_no}: expected a JSON object with keys src and mt, got {type(row).__name__}")
        yield line_no, validated_row(path, line_no, row)


def _tsv_rows(path: Path, lines: list[str]) -> Iterator[tuple[int, dict]]:
    # A tab separates fields and nothing else is special (MT text is full of quotes): a plain split.
    # csv.reader with QUOTE_NONE did the same but raised csv.Error on a bare "\r" inside a field.
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    header_no, header_line = numbered[0]
    header = [name.strip().lower() for name in header_line.split("\t")]
    for key in ("src", "mt"):
        if key not in header:
            raise InputError(
                f"{path}: the header row (line {header_no}) has no {key!r} column (found: {', '.join(header)}): "
                "the first line must name the columns src, mt and optionally ref, id, separated by tabs"
            )
    for line_no, line in numbered[1:]:
        fields = line.split("\t")
        if len(fields) != len(header):
            raise InputError(
                f"{path}, line {line_no}: {len(fields)} tab-separated fields, the header has {len(header)}"
                + _extra_at(line, len(header))
            )
        row = {name: value for name, value in zip(header, fields) if name in BITEXT_KEYS}
        if row.get("ref") == "":
            row["ref"] = None
        yield line_no, validated_row(path, line_no, row)


def _extra_at(line: str, expected: int) -> str:
    """Where the first field beyond the header's starts (1-based column), when there is one."""
    tabs = [i for i, ch in enumerate(line) if ch == "\t"]
    return f" (an extra field starts at column {tabs[expected - 1] + 2})" if len(tabs) >= expected else ""


def validated_row(path: Path, line_no: int, row: dict) -> dict:
    for key in ("src", "mt"):
        if key not in row:
            raise InputError(f"{path}, line {line_no}: no {key!r} key: each row needs src and mt (optional ref, id)")
        if not isinstance(row[key], str):
            raise InputError(f"{path}, line {line_no}: {key!r} must be a string, got {type(row[key]).__name__}")
    if row.get("ref") is not None and not isinstance(row["ref"], str):
        raise InputError(f"{path}, line {line_no}: 'ref' must be a string or null, got {type(row['ref']).__name__}")
    if not isinstance(row.get("id"), (str, int, type(None))) or isinstance(row.get("id"), bool):
        raise InputError(f"{path}, line {line_no}: 'id' must be a string or an integer")
    for key in BITEXT_KEYS:
        value = row.get(key)
        lone = _LONE_SURROGATE.search(value) if isinstance(value, str) else None
        if lone:  # a JSON escape such as "\ud83d" without its pair: no UTF-8 report could hold it (found by fuzzing)
            raise InputError(
                f"{path}, line {line_no}: {key!r} has a lone surrogate \\u{ord(lone.group()):04x} at character "
                f"{lone.start() + 1}: an escape missing its other half; write the character itself"
            )
    return row


def read_glossary(path: str | Path, encoding: str = "utf-8") -> tuple[tuple[str, str, str], ...]:
    """A term list: TSV with a header row naming the columns en, ar and optionally note.

    Rows: (english term, required arabic rendering, note or ""). Blank lines and lines starting
    with '#' are skipped.
    """
    lines = split_lines(read_text(path, encoding))
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        raise InputError(f"{path}: is empty: a glossary is a TSV with a header row en, ar (optional note)")
    header_no, header_line = numbered[0]
    header = [name.strip().lower() for name in header_line.split("\t")]
    for key in ("en", "ar"):
        if key not in header:
            raise InputError(
                f"{path}: the header row (line {header_no}) has no {key!r} column (found: {', '.join(header)}): "
                "a glossary's first line names the columns en, ar and optionally note, separated by tabs"
            )
    terms = []
    for line_no, line in numbered[1:]:
        if line.count("\t") >= len(header):  # a field the header does not name would be dropped unseen
            raise InputError(
                f"{path}, line {line_no}: {line.count(chr(9)) + 1} tab-separated fields, the header has {len(header)}"
                + _extra_at(line, len(header))
            )
        fields = dict(zip(header, (f.strip() for f in line.split("\t"))))
        en, ar = fields.get("en", ""), fields.get("ar", "")
        if not en or not ar:
            raise InputError(f"{path}, line {line_no}: a glossary row needs both an en and an ar term")
        terms.append((en, ar, fields.get("note", "")))
    if not terms:
        raise InputError(f"{path}: has a header but no terms")
    return tuple(terms)


def check_writable(path: str | Path) -> Path:
    """Fail before a run, not after it, when the report cannot be written at `path`."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory: give a file name for the report")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder {parent} does not exist: create it first")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: the folder {parent} is not writable")
    return path


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to `path` via a temporary file in the same folder and os.replace.

    A reader never sees a half-written report, and a failed write leaves any older file intact.
    A path that is not a regular file (/dev/stdout, a named pipe) is written to directly: renaming
    over it would replace the device or pipe itself. A symbolic link is followed, not replaced.
    """
    path = check_writable(path)
    if path.exists() and not path.is_file():
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write the report ({exc.strerror or exc})") from None
        return
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as exc:  # Ctrl-C mid-write too: no stray temporary file is left behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write the report ({exc.strerror or exc})") from None
        raise
