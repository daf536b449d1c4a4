"""The spreadsheet report: one CSV row per finding, UTF-8 with a byte-order mark.

The BOM makes spreadsheet programs (Excel above all) read the file as UTF-8, so Arabic shows as
Arabic and not as mojibake. Rows are written by the csv module (RFC 4180 quoting, CRLF ends).

Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @
(or a tab or carriage return) as a formula, so a translated headline such as
`=HYPERLINK("http://evil","click")` would become a live link or worse. Every text cell that
starts with one of those characters (or their full-width forms, which some spreadsheets fold)
gets a leading apostrophe, OWASP's recommendation: the cell then shows as text, and the
apostrophe is visible, so a reader knows the cell was neutralised.
"""

from __future__ import annotations

import csv
import io
import re

from qa.model import Report
from qa.render.locate import finding_texts, lines_label
from qa.render.options import RenderOptions

BOM = "\ufeff"
COLUMNS = (
    "document", "segment", "lines", "severity", "code", "check", "category",
    "message", "english", "arabic", "suggestion", "score",
)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet will not evaluate (OWASP: prefix a single quote)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def render(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # excel dialect: quotes where needed, doubles quotes, CRLF
    writer.writerow(COLUMNS)
    for doc in report.documents:
        bitext = doc.target is None
        document = doc.source if bitext else doc.target
        for seg in doc.segments:
            for finding in seg.findings:
                english, arabic = finding_texts(finding, seg.pair)
                text_cells = (
                    document or "", seg.pair.id, lines_label(seg.pair, bitext), finding.severity.value,
                    finding.code, finding.check, finding.category.value, finding.message,
                    english, arabic, finding.suggestion or "",
                )
                writer.writerow([*(neutralise(cell) for cell in text_cells), f"{seg.score:.2f}"])
    # A lone surrogate (a JSON input may hold one) cannot be written as UTF-8: U+FFFD instead.
    return BOM + LONE_SURROGATE.sub("\ufffd", buffer.getvalue())
