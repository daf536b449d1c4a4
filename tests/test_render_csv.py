"""CSV for spreadsheets: one row per finding, UTF-8 with a BOM, read back by the csv module, and
no cell a spreadsheet would run as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from report_samples import document_report

from qa.render import RenderOptions, render
from qa.render.csv import COLUMNS, neutralise
from qa.textio import write_atomic


def rows(report, tmp_path: Path) -> list[dict[str, str]]:
    path = tmp_path / "report.csv"
    write_atomic(path, render(report, "csv", RenderOptions()))  # as `mtqa check -f csv -o` writes it
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM spreadsheet programs need for UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == COLUMNS
        return list(reader)


def test_one_row_per_finding_with_both_span_texts_and_the_suggestion(tmp_path):
    report = document_report()
    read = rows(report, tmp_path)
    assert len(read) == len(report.findings()) == 6
    kyiv = read[0]
    assert kyiv == {
        "document": "news/article.ar.txt", "segment": "1", "lines": "en 1 | ar 1", "severity": "critical",
        "code": "NAM001", "check": "name-garbled-into-word", "category": "name",
        "message": "the name “Kyiv” is rendered as كيف (how)", "english": "Kyiv", "arabic": "كيف",
        "suggestion": "كييف", "score": "62.50",
    }
    omitted = next(r for r in read if r["code"] == "ALN001")
    assert (omitted["arabic"], omitted["lines"]) == ("", "en 3 | ar -")


def test_quotes_commas_and_newlines_in_texts_survive_the_round_trip(tmp_path):
    report = document_report()
    doc = report.documents[0]
    seg = doc.segments[0]
    tricky = 'he said, "no"\nthen left; قال، "لا"'
    seg = replace(seg, findings=(replace(seg.findings[0], message=tricky), *seg.findings[1:]))
    report = replace(report, documents=(replace(doc, segments=(seg, *doc.segments[1:])),))
    assert rows(report, tmp_path)[0]["message"] == tricky


@pytest.mark.parametrize(
    "payload",
    ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", "＝1+1"],
)
def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(payload, tmp_path):
    report = document_report()
    doc = report.documents[0]
    seg = doc.segments[0]
    finding = replace(seg.findings[0], message=payload, suggestion=payload)
    seg = replace(seg, findings=(finding,))
    report = replace(report, documents=(replace(doc, segments=(seg,)),))
    (row,) = rows(report, tmp_path)
    assert row["message"] == row["suggestion"] == "'" + payload
    assert row["code"] == "NAM001"  # other cells untouched


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("كيف") == "كيف"
    assert neutralise("a = b") == "a = b"
    assert neutralise("") == ""


@pytest.mark.parametrize("fmt", ["csv", "html", "sarif", "junit"])
def test_a_lone_surrogate_from_a_json_input_still_gives_a_writable_report(fmt, tmp_path):
    """json.loads('"\\ud800"') is a str UTF-8 cannot encode; every format must still be written."""
    report = document_report()
    doc = report.documents[0]
    seg = doc.segments[0]
    seg = replace(seg, findings=(replace(seg.findings[0], message="bad \ud800 text"),))
    report = replace(report, documents=(replace(doc, segments=(seg,)),))
    path = tmp_path / f"report.{fmt}"
    write_atomic(path, render(report, fmt, RenderOptions()))
    assert "bad " in path.read_text(encoding="utf-8")
