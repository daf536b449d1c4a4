"""Renderers: the JSON schema and its round trip, and a terminal report that shows Arabic right."""

from __future__ import annotations

import json
import re

import pytest

from qa.errors import InputError, UsageError
from qa.model import (
    AlignedPair,
    Category,
    CheckFailure,
    DocumentResult,
    Finding,
    Report,
    SegmentResult,
    Severity,
    Span,
)
from qa.render import RENDERERS, RenderOptions, render
from qa.render.json import report_from_json, report_to_dict
from qa.render.text import FSI, PDI, RLI, isolate

SRC = "The strikes were rejected by Kyiv and its allies in 2022."
MT = "رفضت كيف وحلفاؤها الضربات في عام 2022 بحسب NATO."
KYIV = Finding(
    code="NAM001",
    check="name-common-word",
    category=Category.NAME,
    severity=Severity.CRITICAL,
    message="the name Kyiv is rendered as the common word كيف (how)",
    src_span=Span(SRC.index("Kyiv"), SRC.index("Kyiv") + 4),
    mt_span=Span(MT.index("كيف"), MT.index("كيف") + 3),
    suggestion="كييف",
)


def make_report(failures=()) -> Report:
    flagged = SegmentResult(
        AlignedPair("1", SRC, MT, None, (3,), (3,), 0.71),
        score=22.5,
        metrics={"similarity": 0.71, "chrf": None, "bleu": None, "ter": None},
        findings=(KYIV,),
    )
    clean = SegmentResult(
        AlignedPair("2", "Talks resume on Monday.", "تستأنف المحادثات يوم الاثنين.", "تستأنف المحادثات الاثنين.", (4,), (4, 5), 0.8),
        score=100.0,
        metrics={"similarity": 0.8, "chrf": 61.2, "bleu": 40.1, "ter": 33.3},
        findings=(),
    )
    omitted = SegmentResult(AlignedPair("3", "A sentence with no translation.", "", None, (6,), ()), 95.0, {"similarity": None, "chrf": None, "bleu": None, "ter": None}, ())
    return Report(
        signature="mtqa:0.1.0|model:use-m3@0.2.1|checks:NAM001|fail-on:critical",
        tool={"name": "mtqa", "version": "0.1.0", "python": "3.11.7"},
        summary={
            "segments": 3,
            "score": 72.5,
            "passed": False,
            "findings": {"critical": 1, "major": 0, "minor": 0},
            "metrics": {"similarity": 0.755, "chrf": {"score": 61.2, "signature": "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0"}},
            "check_failures": len(failures),
        },
        documents=(DocumentResult("a.en.txt", "a.ar.txt", (flagged, clean, omitted)),),
        failures=tuple(failures),
    )


def text_of(report: Report, **options) -> str:
    return render(report, "text", RenderOptions(width=options.pop("width", 200), **options))


# -- registry ----------------------------------------------------------------------------------


def test_formats_are_registered_in_one_dict():
    assert {"text", "json"} <= set(RENDERERS)
    assert all(callable(fn) for fn in RENDERERS.values())


def test_an_unknown_format_is_a_usage_error_listing_the_known_ones():
    with pytest.raises(UsageError, match=f"unknown format 'xml': choose one of {', '.join(sorted(RENDERERS))}$"):
        render(make_report(), "xml")


# -- JSON --------------------------------------------------------------------------------------


def test_json_report_has_the_documented_schema():
    data = json.loads(render(make_report(), "json"))
    assert data["schema"] == "mtqa.report/1"
    assert {"schema", "signature", "tool", "summary", "documents", "failures"} <= set(data)
    assert {"segments", "score", "passed", "findings", "metrics"} <= set(data["summary"])
    segment = data["documents"][0]["segments"][0]
    assert list(segment) == ["id", "src", "mt", "ref", "src_lines", "mt_lines", "score", "metrics", "findings"]
    assert set(segment["metrics"]) == {"similarity", "chrf", "bleu", "ter"}
    assert segment["findings"][0] == {
        "code": "NAM001",
        "check": "name-common-word",
        "category": "name",
        "severity": "critical",
        "message": "the name Kyiv is rendered as the common word كيف (how)",
        "src_span": [29, 33],
        "mt_span": [5, 8],
        "suggestion": "كييف",
    }
    assert MT[5:8] == "كيف" and SRC[29:33] == "Kyiv"


def test_json_keeps_arabic_as_text_not_escapes():
    out = render(make_report(), "json")
    assert "كيف" in out and "\\u0643" not in out


def test_json_round_trip_gives_back_the_same_report():
    report = make_report([CheckFailure("NEG001", "negation-lost", "2", "KeyError: 'x'")])
    text = render(report, "json")
    assert report_from_json(json.loads(text)) == report
    assert report_from_json(text) == report
    assert report_to_dict(report_from_json(text)) == json.loads(text)


def test_reading_back_ignores_fields_added_by_later_versions():
    data = json.loads(render(make_report(), "json"))
    data["baseline"] = {"new": True}
    data["documents"][0]["segments"][0]["review"] = "accepted"
    assert report_from_json(data) == make_report()


def test_reading_something_that_is_not_a_report_fails_clearly():
    with pytest.raises(InputError, match="not an mtqa report: expected schema 'mtqa.report/1', found 'other/2'"):
        report_from_json({"schema": "other/2"})
    with pytest.raises(InputError, match="a malformed mtqa report: KeyError"):
        report_from_json({"schema": "mtqa.report/1"})


# -- text --------------------------------------------------------------------------------------


def test_arabic_sentence_is_printed_in_logical_order_inside_a_right_to_left_isolate():
    assert f"{RLI}{MT}{PDI}" in text_of(make_report())


def test_arabic_quoted_in_an_english_message_is_isolated_run_by_run():
    out = text_of(make_report())
    assert f"the common word {FSI}كيف{PDI} (how)" in out
    assert f"en «Kyiv» → ar «{FSI}كيف{PDI}»; suggestion: {FSI}كييف{PDI}" in out


def test_isolate_leaves_latin_text_alone_and_wraps_a_mostly_arabic_line_once():
    assert isolate("Kyiv and Moscow, 2022") == "Kyiv and Moscow, 2022"
    assert isolate("رفضها كيف NATO 2022") == f"{RLI}رفضها كيف NATO 2022{PDI}"
    assert isolate("the US is written الولايات المتحدة (2 times)") == f"the US is written {FSI}الولايات المتحدة{PDI} (2 times)"


def test_text_report_shows_lines_one_based_scores_findings_summary_and_signature():
    out = text_of(make_report())
    assert re.search(r"en 4\s.*\n.*ar 4\b", out)  # JSON line 3 is line 4 in an editor
    assert "ar 5,6" in out
    assert "CRITICAL NAM001 name-common-word" in out
    assert "22.5" in out and "(nothing)" in out
    assert "FAILED: 3 segments · mean score 72.5 · 1 critical, 0 major, 0 minor" in out
    assert "corpus: similarity 0.755 (mean cosine) · chrF 61.2" in out
    assert "signature: mtqa:0.1.0|model:use-m3@0.2.1|checks:NAM001|fail-on:critical" in out
    assert "REF " in out and "تستأنف المحادثات الاثنين." in out


def test_text_report_without_color_has_no_escape_codes_or_trailing_spaces():
    out = text_of(make_report(), width=80)
    assert "\x1b[" not in out
    assert all(line == line.rstrip() for line in out.split("\n"))


def test_text_report_in_color_styles_the_flagged_span():
    out = text_of(make_report(), color=True)
    assert "\x1b[" in out and "كيف" in out


def test_show_findings_hides_clean_segments_and_says_how_many():
    out = text_of(make_report(), show="findings")
    assert "Talks resume on Monday." not in out
    assert "(2 of 3 segments have no findings and are not shown)" in out
    assert "Kyiv" in out


def test_check_crashes_are_listed_in_the_text_report():
    out = text_of(make_report([CheckFailure("NEG001", "negation-lost", "2", "KeyError: 'x'")]))
    assert "check crashed: NEG001 negation-lost on segment 2: KeyError: 'x'" in out
