"""Issue 8: text in an HTML report is shown, never run.

A segment whose English, Arabic, finding message and suggestion (and segment id, file names and
check name) carry script payloads is rendered; Chromium loads the page and runs everything that
would run. Every payload, if it ran, would mark the page (document.title or a data-pwned
attribute); the DOM after loading shows none did, that no element came from the payloads, and
that each payload is on the page as text. Checked twice: the page as shipped (escaping and the
Content-Security-Policy), and the page with its policy removed (escaping alone). A control
proves the probe sees a payload that does run.
"""

from __future__ import annotations

import html
import re

import pytest
from browser import CSP_META, dump_dom, probe, require_chromium

from qa.model import (
    AlignedPair,
    Category,
    DocumentResult,
    Finding,
    Report,
    SegmentResult,
    Severity,
    Span,
)
from qa.render import RenderOptions, render

PAYLOADS = [
    '<script>document.title="pwned-script"</script>',
    "<img src=x onerror=\"document.body.dataset.pwned='img'\">",
    "\"><svg onload=\"document.body.dataset.pwned='svg'\">",
    "javascript:document.title='pwned-js'",
    "</textarea><script>document.title='pwned-textarea'</script>",
    "</bdi></td></tr></tbody></table><script>document.title='pwned-table'</script>",
    "' autofocus onfocus='document.body.dataset.pwned=\"attr\"' x='",
    "</style></title><!-- <script>document.title='pwned-comment'</script>",
]
JOINED = " ".join(PAYLOADS)
MARKER = re.compile(r"pwned", re.IGNORECASE)


def hostile_report() -> Report:
    src = "Kyiv said " + JOINED
    mt = "قالت كيف " + JOINED
    finding = Finding(
        code="NAM001",
        check="name-<b>garbled</b>",
        category=Category.NAME,
        severity=Severity.CRITICAL,
        message="message " + JOINED,
        src_span=Span(src.index("<script>"), len(src)),  # highlights cut through the payloads
        mt_span=Span(mt.index("<img"), mt.index("javascript:")),
        suggestion="suggestion " + JOINED,
    )
    segment = SegmentResult(
        AlignedPair('1"><script>document.title="pwned-id"</script>', src, mt, "ref " + JOINED, (0,), (0,), 0.5),
        20.0,
        {"similarity": 0.5, "chrf": None, "bleu": None, "ter": None},
        (finding,),
    )
    return Report(
        signature="sig " + PAYLOADS[0],
        tool={"name": "mtqa", "version": "<script>document.title='pwned-version'</script>"},
        summary={"segments": 1, "score": 20.0, "passed": False, "findings": {"critical": 1, "major": 0, "minor": 0}},
        documents=(DocumentResult("in/<img src=x onerror=alert(1)>.en.txt", "in/</title><script>x()</script>.ar.txt", (segment,)),),
    )


@pytest.fixture(scope="module")
def page_html() -> str:
    return render(hostile_report(), "html", RenderOptions())


PROBE = """
    var all = Array.from(document.querySelectorAll('*'));
    return {
        title: document.title,
        pwned: document.body.dataset.pwned || null,
        scripts: document.scripts.length,
        images: document.images.length,
        svgs: document.querySelectorAll('svg').length,
        textareas: document.querySelectorAll('textarea').length,
        handlers: all.filter(function (e) { return Array.from(e.attributes).some(function (a) {
            return a.name.indexOf('on') === 0; }); }).map(function (e) { return e.tagName; }),
        autofocus: document.querySelectorAll('[autofocus]').length,
        en: document.querySelector('td.en').textContent,
        ar: document.querySelector('td.ar').textContent,
        message: document.querySelector('.finding .message').textContent,
        suggestion: document.querySelector('.finding .suggestion').textContent,
        marks: document.querySelectorAll('mark').length
    };
"""


def test_payloads_do_not_run_in_the_page_as_shipped(page_html, tmp_path):
    require_chromium()
    page = tmp_path / "report.html"
    page.write_text(page_html, encoding="utf-8")
    dom = dump_dom(page)
    assert re.search(r"<title>mtqa report: failed</title>", dom)
    assert not re.search(r"data-pwned", dom)
    assert not MARKER.search(html.unescape(re.search(r"<title>(.*?)</title>", dom, re.DOTALL).group(1)))


def test_payloads_stay_text_by_escaping_alone(page_html, tmp_path):
    require_chromium()
    seen = probe(page_html, PROBE, tmp_path)  # the page without its Content-Security-Policy
    assert seen["title"] == "mtqa report: failed"
    assert seen["pwned"] is None
    assert seen["scripts"] == 2  # the page's own and the probe's
    assert (seen["images"], seen["textareas"], seen["autofocus"]) == (0, 0, 0)
    assert seen["svgs"] == 1  # the score histogram
    assert seen["handlers"] == []
    for payload in PAYLOADS:  # every payload is on the page, as the text it is
        assert payload in seen["en"] and payload in seen["ar"]
        assert payload in seen["message"] and payload in seen["suggestion"]
    assert seen["marks"] == 2


def test_the_probe_sees_a_payload_that_runs(page_html, tmp_path):
    """Control: the same payloads pasted into the page unescaped do mark it."""
    require_chromium()
    raw = CSP_META.sub("", page_html).replace("<footer", f"<div>{PAYLOADS[1]}{PAYLOADS[0]}</div><footer")
    page = tmp_path / "raw.html"
    page.write_text(raw, encoding="utf-8")
    dom = dump_dom(page)
    assert 'data-pwned="img"' in dom
    assert "<title>pwned-script</title>" in dom


def test_the_policy_alone_would_stop_an_injected_script(page_html, tmp_path):
    """Defence in depth: with the policy kept, even unescaped payloads do not run."""
    require_chromium()
    raw = page_html.replace("<footer", f"<div>{PAYLOADS[1]}{PAYLOADS[0]}</div><footer")
    page = tmp_path / "raw-with-policy.html"
    page.write_text(raw, encoding="utf-8")
    dom = dump_dom(page)
    assert "data-pwned" not in dom and "<title>mtqa report: failed</title>" in dom
