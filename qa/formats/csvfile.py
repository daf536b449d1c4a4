"""Bilingual CSV (.csv): a header row naming the columns src, mt and optionally ref, id.

Like the TSV bitext, with CSV quoting (the csv module's default dialect: comma-separated,
fields with commas, quotes or newlines in double quotes, a quote doubled inside them), so a
spreadsheet's "Save as CSV" reads back. A pair's id is its `id`, else its 1-based row number;
its lines hold its 0-based row number. Other columns are ignored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from qa.errors import InputError
from qa.model import AlignedPair
from qa.textio import BITEXT_KEYS, pairs_from_rows, read_text, validated_row


def read(path: Path, encoding: str = "utf-8") -> list[AlignedPair]:
    text = read_text(path, encoding)
    if not text.strip():
        raise InputError(f"{path}: is empty: expected a header row src,mt (optional ref,id) and one row per pair")
    return list(pairs_from_rows(path, _rows(path, text)))


def _rows(path: Path, text: str) -> Iterator[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip().lower() for name in next(reader)]
        for key in ("src", "mt"):
            if key not in header:
                raise InputError(
                    f"{path}: the header row has no {key!r} column (found: {', '.join(header)}): "
                    "the first row must name the columns src, mt and optionally ref, id"
                )
        for fields in reader:
            line_no = reader.line_num
            if not any(field.strip() for field in fields):
                continue
            if len(fields) != len(header):
                raise InputError(f"{path}, line {line_no}: {len(fields)} fields, the header has {len(header)}")
            row = {name: value for name, value in zip(header, fields) if name in BITEXT_KEYS}
            if row.get("ref") == "":
                row["ref"] = None
            yield line_no, validated_row(path, line_no, row)
    except csv.Error as exc:
        raise InputError(f"{path}, line {reader.line_num}: not valid CSV ({exc})") from None
