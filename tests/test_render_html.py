"""The HTML report in headless Chromium: it renders (a screenshot with the highlight colours),
Arabic lays out right to left, both sides are highlighted, and the filters work."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from browser import dump_dom, probe, require_chromium, screenshot
from report_samples import document_report

from qa.render import RenderOptions, render

# The highlight backgrounds of qa/render/html_template.py (--critical-bg, --major-bg, --minor-bg).
HIGHLIGHTS = {"critical": (0xFB, 0xD0, 0xD0), "major": (0xFD, 0xE6, 0x8A), "minor": (0xC7, 0xDA, 0xFC)}


@pytest.fixture(scope="module")
def page_html() -> str:
    return render(document_report(), "html", RenderOptions())


@pytest.fixture(scope="module")
def page(page_html, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page_html, encoding="utf-8")
    return path


def test_the_page_is_self_contained_and_locked_down(page_html):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page_html)  # nothing to fetch
    assert "<link" not in page_html and "@import" not in page_html
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_html).group(1))
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", directives["script-src"])  # the page's own script only


def test_the_shipped_page_runs_its_script_under_its_own_policy(page):
    require_chromium()
    dom = dump_dom(page)
    # The filter script ran (it marks the page, which shows the filters) although the policy
    # forbids every other script.
    assert re.search(r'<html lang="en" dir="ltr" class="scripted">', dom)
    assert re.search(r'<mark data-findings="f1" data-shown="critical"', dom)


def test_arabic_is_laid_out_right_to_left(page_html, tmp_path):
    require_chromium()
    result = probe(page_html, """
        var cells = Array.from(document.querySelectorAll('td.ar'));
        var cell = document.querySelector('tbody[data-segment="4"] td.ar');
        var text = cell.firstChild;  // "ولم يفعلوا شيئا." on one line
        function box(i) { var r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                          return r.getBoundingClientRect(); }
        var first = box(0), last = box(text.length - 2), rect = cell.getBoundingClientRect();
        return {directions: cells.map(function (c) { return getComputedStyle(c).direction; }),
                langs: cells.map(function (c) { return c.lang; }),
                en: getComputedStyle(document.querySelector('td.en')).direction,
                firstRight: first.right, lastLeft: last.left, cellRight: rect.right, cellLeft: rect.left,
                sameLine: Math.abs(first.top - last.top) < 2};
    """, tmp_path)
    assert set(result["directions"]) == {"rtl"} and set(result["langs"]) == {"ar"} and len(result["directions"]) == 4
    assert result["en"] == "ltr"
    assert result["sameLine"]
    # The first letter is at the right edge of its cell, the last one to its left.
    assert result["firstRight"] > result["lastLeft"]
    assert result["cellRight"] - result["firstRight"] < 20 < result["firstRight"] - result["cellLeft"]


def test_findings_are_highlighted_on_both_sides_in_their_severity_colour(page_html, tmp_path):
    require_chromium()
    marks = probe(page_html, """
        return Array.from(document.querySelectorAll('mark')).map(function (m) {
            return {side: m.closest('td').className, text: m.textContent, shown: m.dataset.shown,
                    background: getComputedStyle(m).backgroundColor};
        });
    """, tmp_path)
    by_text = {(m["side"], m["text"]): m for m in marks}
    assert by_text[("en", "Kyiv")]["shown"] == by_text[("ar", "كيف")]["shown"] == "critical"
    assert by_text[("ar", "كيف")]["background"] == "rgb(251, 208, 208)"
    assert by_text[("ar", "2022")]["background"] == "rgb(199, 218, 252)"  # minor
    assert by_text[("ar", "بالكثير")]["background"] == "rgb(253, 230, 138)"  # major
    # Overlapping spans are cut into pieces; each piece shows its worst finding.
    assert by_text[("ar", "تقدم")]["shown"] == "critical"  # NEG001 and FMT003 both cover it
    assert {m["side"] for m in marks} == {"en", "ar"}


def test_filters_hide_findings_and_their_highlights(page_html, tmp_path):
    require_chromium()
    result = probe(page_html, """
        function state() {
            return {findings: Array.from(document.querySelectorAll('.finding:not([hidden])')).map(function (f) {
                        return f.querySelector('code').textContent; }),
                    kyiv: document.querySelector('td.ar mark[data-findings="f1"]').dataset.shown,
                    shared: Array.from(document.querySelectorAll('td.ar mark')).filter(function (m) {
                        return m.textContent === 'تقدم'; })[0].dataset.shown,
                    segments: Array.from(document.querySelectorAll('tbody.segment:not([hidden])')).length,
                    count: document.getElementById('shown-count').textContent};
        }
        var out = {initial: state()};
        document.querySelector('input[data-filter="severity"][value="critical"]').click();
        out.noCritical = state();
        document.querySelector('input[data-filter="category"][value="format"]').click();
        document.getElementById('only-findings').click();
        out.noCriticalNoFormatOnlyFindings = state();
        return out;
    """, tmp_path)
    assert result["initial"]["findings"] == ["NAM001", "NUM001", "NEG001", "FMT003", "OMS001", "ALN001"]
    assert result["initial"]["segments"] == 4 and result["initial"]["count"] == "6"
    assert result["noCritical"]["findings"] == ["NUM001", "FMT003", "OMS001", "ALN001"]
    assert result["noCritical"]["kyiv"] == ""  # its only finding is hidden: no highlight
    assert result["noCritical"]["shared"] == "major"  # the critical one hidden, the major one shows
    after = result["noCriticalNoFormatOnlyFindings"]
    assert after["findings"] == ["NUM001", "OMS001", "ALN001"] and after["shared"] == ""
    assert after["segments"] == 3  # segment 4 has no finding


def test_summary_counts_and_score_histogram(page_html):
    counts = {name: int(n) for name, n in re.findall(r'<b id="count-(\w+)">(\d+)</b>', page_html)}
    assert counts == {"critical": 2, "major": 3, "minor": 1}
    bars = re.findall(r'<rect class="bar (\w+)" x="\d+" y="\d+" width="\d+" height="(\d+)"><title>score (\d+)\+: (\d+)', page_html)
    assert len(bars) == 10
    assert {int(label): int(n) for _, _, label, n in bars if int(n)} == {30: 1, 60: 1, 70: 1, 90: 1}


def test_screenshot_shows_the_page_with_its_highlight_colours(page, tmp_path):
    require_chromium()
    from PIL import Image

    png = screenshot(page, tmp_path / "report.png", 1280, 1000)
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 1000)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 200  # text, badges, bars: not a blank page
    counts = {rgb: n for n, rgb in colours}
    for severity, rgb in HIGHLIGHTS.items():
        assert counts.get(rgb, 0) > 50, f"no {severity} highlight in the screenshot"


def test_show_findings_lists_only_segments_with_findings_and_says_how_many_are_left_out():
    page = render(document_report(), "html", RenderOptions(show="findings"))
    assert re.findall(r'<tbody class="segment" id="segment-\d+" data-segment="(\d+)">', page) == ["1", "2", "3"]
    assert "1 segments without findings are not shown" in page


def test_the_gate_decision_is_shown_for_each_finding_and_its_reasons_on_top():
    from collections import Counter

    from qa.gate import GateOptions, apply_gate, signature
    from qa.model import Severity

    report = document_report()
    kyiv_segment = report.segments()[0]
    baseline = Counter({signature(kyiv_segment.findings[0], kyiv_segment): 1})
    page = render(apply_gate(report, GateOptions(fail_on=Severity.CRITICAL, baseline=baseline)), "html", RenderOptions())
    standings = re.findall(r'<code>(\w+)</code>[^<]*<span class="standing">\[([^\]]+)\]</span>', page)
    assert ("NAM001", "in the baseline") in standings and ("NEG001", "fails the gate") in standings
    assert re.search(r'<ul class="gate"><li>1 new finding\(s\) at or above critical</li></ul>', page)


def test_inline_tags_of_an_xliff_segment_are_shown_in_place_as_text():
    from dataclasses import replace

    report = document_report()
    doc = report.documents[0]
    seg = doc.segments[0]
    mt = seg.pair.mt
    start = mt.index("كيف")
    pair = replace(seg.pair, mt_tags=((start, '<g id="1">'), (start + 3, "</g>")), src_tags=((0, "<x/>"),))
    report = replace(report, documents=(replace(doc, segments=(replace(seg, pair=pair),)),))
    page = render(report, "html", RenderOptions())
    assert '<td class="en" lang="en" dir="ltr"><bdi class="tag" dir="ltr">&lt;x/&gt;</bdi>' in page
    assert (
        '<bdi class="tag" dir="ltr">&lt;g id=&#34;1&#34;&gt;</bdi><mark data-findings="f1" data-shown="critical"'
        in page
    )
    assert 'title="critical NAM001: the name “Kyiv” is rendered as كيف (how)">كيف</mark><bdi class="tag" dir="ltr">&lt;/g&gt;</bdi>' in page
