"""The HTML report: one self-contained file a reviewer opens in any browser, nothing to install.

Side by side English | Arabic, one row per segment, every finding highlighted on both sides at
its spans (colour = severity) and listed under the row with its message and suggestion;
filters by severity and category (a few lines of inline script, so they work from file://);
a summary with counts and a histogram of segment scores (inline SVG). CSS and script are inline,
no resource is fetched.

Escaping: the page is made by a Jinja2 template with autoescaping on, and this module hands it
only plain strings (no `Markup` of report text anywhere), so every text from the report (source,
translation, messages, suggestions, file names) is escaped wherever it lands, element content or
attribute alike; a template library that escapes by default cannot forget one place the way
hand-written `html.escape` calls can. Defence in depth: a Content-Security-Policy allows only the
page's own script (by its hash) and no other resource, so even markup that slipped through
could not run or fetch anything.

Bidi: Arabic cells are `dir="rtl" lang="ar"`; span texts and Arabic runs inside English messages
are `<bdi>` (isolated), so a name or a number never reorders the text around it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from itertools import count, pairwise
from typing import Any

from qa.model import Category, Finding, Report, SegmentResult, Severity, Span
from qa.render.csv import LONE_SURROGATE
from qa.render.gateview import GateView
from qa.render.html_template import SCRIPT, TEMPLATE
from qa.render.locate import finding_texts, lines_label
from qa.render.options import RenderOptions
from qa.render.text import _ARABIC_RUN

SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; img-src data:"
BINS = 10  # score histogram: 0-10, 10-20, ..., 90-100


@dataclass
class Piece:
    """A run of a segment's text: plain, or highlighted for the findings that cover it."""

    text: str
    findings: list[str] = field(default_factory=list)  # finding element ids
    severity: str = ""  # the worst covering severity
    title: str = ""
    tag: bool = False  # an inline tag of an XLIFF/TMX segment (shown, not part of the checked text)


def render(report: Report, options: RenderOptions) -> str:
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(TEMPLATE)
    page = template.render(
        csp=CSP,
        script=Markup(SCRIPT),  # a constant of this package, never report text
        **_view(report, options),
    )
    # A lone surrogate (a JSON input may hold one) cannot be written as UTF-8: U+FFFD instead.
    return LONE_SURROGATE.sub("\ufffd", page)


def _view(report: Report, options: RenderOptions) -> dict[str, Any]:
    counter = count(1)
    gate = GateView(report.summary)
    documents = []
    for index, doc in enumerate(report.documents):
        bitext = doc.target is None
        shown = [s for s in doc.segments if options.show == "all" or s.findings]
        documents.append(
            {
                "source": doc.source or "",
                "target": doc.target or "",
                "bitext": bitext,
                "segments": [_segment(seg, bitext, counter, _standings(gate, index, seg)) for seg in shown],
                "hidden": len(doc.segments) - len(shown),
            }
        )
    summary = report.summary
    findings = report.findings()
    categories = [(c.value, sum(1 for f in findings if f.category is c)) for c in Category]
    score = summary.get("score")
    return {
        "version": report.tool.get("version", ""),
        "signature": report.signature,
        "passed": bool(summary.get("passed")),
        "segment_count": summary.get("segments", len(report.segments())),
        "mean_score": f"{score:.1f}" if isinstance(score, (int, float)) else "–",
        "severities": [(s.value, sum(1 for f in findings if f.severity is s)) for s in Severity],
        "categories": [(name, n) for name, n in categories if n],
        "histogram": _histogram([s.score for s in report.segments()]),
        "documents": documents,
        "failures": [f"{f.code} {f.check} crashed on segment {f.pair_id}: {f.error}" for f in report.failures],
        "gate_reasons": list(gate.gate.get("reasons", [])) if gate.gate else [],
    }


def _standings(gate: GateView, index: int, seg: SegmentResult) -> dict[int, str]:
    """What the gate decided about each finding (by id()), as a short label; none without a gate."""
    if gate.gate is None:
        return {}
    out = {}
    for finding in seg.findings:
        standing = gate.take(index, seg, finding)
        if standing["suppressed"] is not None:
            out[id(finding)] = f"suppressed: {standing['suppressed']}"
        elif standing["new"] is False:
            out[id(finding)] = "in the baseline"
        else:
            out[id(finding)] = "fails the gate" if standing["fails"] else ""
    return out


def _segment(seg: SegmentResult, bitext: bool, counter, standings: dict[int, str]) -> dict[str, Any]:
    pair = seg.pair
    ordered = sorted(seg.findings, key=lambda f: -f.severity.rank)
    ids = [f"f{next(counter)}" for _ in ordered]
    items = []
    for fid, finding in zip(ids, ordered):
        english, arabic = finding_texts(finding, pair)
        items.append(
            {
                "id": fid,
                "severity": finding.severity.value,
                "category": finding.category.value,
                "code": finding.code,
                "check": finding.check,
                "message": _runs(finding.message),
                "english": english,
                "arabic": arabic,
                "suggestion": finding.suggestion or "",
                "standing": standings.get(id(finding), ""),
            }
        )
    tagged = list(zip(ids, ordered))
    return {
        "id": pair.id,
        "lines": lines_label(pair, bitext),
        "score": f"{seg.score:.1f}",
        "band": "low" if seg.score < 50 else "mid" if seg.score < 80 else "high",
        "src": _pieces(pair.src, [(fid, f, f.src_span) for fid, f in tagged], pair.src_tags),
        "mt": _pieces(pair.mt, [(fid, f, f.mt_span) for fid, f in tagged], pair.mt_tags),
        "ref": pair.ref,
        "findings": items,
    }


def _pieces(
    text: str, spans: list[tuple[str, Finding, Span | None]], tags: tuple[tuple[int, str], ...] | None = None
) -> list[Piece]:
    """`text` cut at every span boundary and inline tag; each piece knows the findings that cover it."""
    spans = [(fid, f, s) for fid, f, s in spans if s is not None and s.end <= len(text) and s.end > s.start]
    tags = [(offset, markup) for offset, markup in tags or () if 0 <= offset <= len(text)]
    cuts = sorted({0, len(text), *(s.start for _, _, s in spans), *(s.end for _, _, s in spans), *(o for o, _ in tags)})
    pieces = []
    for start, end in pairwise(cuts):
        pieces += [Piece(markup, tag=True) for offset, markup in tags if offset == start]
        covering = [(fid, f) for fid, f, s in spans if s.start <= start and end <= s.end]
        piece = Piece(text[start:end])
        if covering:
            worst = max(covering, key=lambda c: c[1].severity.rank)[1]
            piece.findings = [fid for fid, _ in covering]
            piece.severity = worst.severity.value
            piece.title = "; ".join(f"{f.severity.value} {f.code}: {f.message}" for _, f in covering)
        pieces.append(piece)
    pieces += [Piece(markup, tag=True) for offset, markup in tags if offset == len(text) and text]
    return pieces


def _runs(message: str) -> list[tuple[str, bool]]:
    """A message cut into (text, is_arabic) runs, so Arabic inside English can be isolated."""
    out, pos = [], 0
    for match in _ARABIC_RUN.finditer(message):
        if match.start() > pos:
            out.append((message[pos : match.start()], False))
        out.append((match.group(0), True))
        pos = match.end()
    if pos < len(message):
        out.append((message[pos:], False))
    return out


def _histogram(scores: list[float]) -> dict[str, Any]:
    """Bars of an SVG histogram of segment scores (heights in pixels of a 120-pixel plot)."""
    counts = [0] * BINS
    for score in scores:
        counts[min(int(score // (100 / BINS)), BINS - 1)] += 1
    top = max(counts) or 1
    width, plot = 36, 120
    bars = []
    for i, n in enumerate(counts):
        height = round(plot * n / top)
        bars.append(
            {
                "x": 30 + i * width,
                "y": 10 + plot - height,
                "width": width - 4,
                "height": height,
                "count": n,
                "label": f"{i * 100 // BINS}",
                "band": "low" if i < 5 else "mid" if i < 8 else "high",
            }
        )
    return {"bars": bars, "width": 30 + BINS * width + 20, "height": plot + 40, "axis": 10 + plot, "top": top}
