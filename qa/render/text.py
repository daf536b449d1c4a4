"""The terminal report: one table row per segment, its findings under it, then the summary.

Arabic is printed in logical order (never reordered here). Terminals that implement the Unicode
bidi algorithm need isolates to lay out mixed Arabic/Latin/digit lines correctly, so an Arabic
sentence is wrapped in RLI ... PDI (its base direction is right-to-left) and an Arabic run inside
an English line (a quoted span in a message) in FSI ... PDI. Line numbers are 1-based here, as an
editor shows them (the JSON report's are 0-based indexes).
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from qa.model import Finding, Report, SegmentResult, Severity
from qa.render.options import RenderOptions

if TYPE_CHECKING:
    from rich.text import Text

RLI, FSI, PDI = "\u2067", "\u2068", "\u2069"
_AR = "\u0600-\u06ff\u0750-\u077f\u0870-\u089f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC = re.compile(f"[{_AR}]")
_LETTER = re.compile(r"[^\W\d_]")
# An Arabic run: from an Arabic character to the last one before a non-Arabic letter or a line end;
# spaces, digits and punctuation between Arabic characters belong to it.
_ARABIC_RUN = re.compile(f"[{_AR}](?:(?:[^\\w\\n]|\\d)*[{_AR}])*")

SEVERITY_STYLE = {Severity.CRITICAL: "bold red", Severity.MAJOR: "yellow", Severity.MINOR: "cyan"}
DEFAULT_WIDTH = 120


def arabic_dominant(text: str) -> bool:
    """Most letters are Arabic: the text reads right to left as a whole."""
    letters = _LETTER.findall(text)
    return bool(letters) and sum(1 for ch in letters if _ARABIC.match(ch)) * 2 >= len(letters)


def isolate(text: str) -> str:
    """Plain-string form of `isolated`: an Arabic sentence in RLI..PDI, Arabic runs in FSI..PDI."""
    if not _ARABIC.search(text):
        return text
    if arabic_dominant(text):
        return f"{RLI}{text}{PDI}"
    return _ARABIC_RUN.sub(lambda m: f"{FSI}{m.group(0)}{PDI}", text)


def isolated(text: Text) -> Text:
    """`isolate` for a styled rich Text (styles stay on the characters they were on)."""
    from rich.text import Text

    plain = text.plain
    if not _ARABIC.search(plain):
        return text
    if arabic_dominant(plain):
        return Text.assemble(RLI, text, PDI)
    out, pos = Text(), 0
    for match in _ARABIC_RUN.finditer(plain):
        out.append_text(text[pos : match.start()])
        out.append(FSI)
        out.append_text(text[match.start() : match.end()])
        out.append(PDI)
        pos = match.end()
    out.append_text(text[pos:])
    return out


def render(report: Report, options: RenderOptions) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width or DEFAULT_WIDTH,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(f"mtqa {report.tool.get('version', '')}", style="bold")
    for doc in report.documents:
        _print_document(console, doc, options)
    _print_summary(console, report)
    if options.color:
        return buffer.getvalue()
    # rich pads every table line to the full width; a file or a pipe gets no trailing spaces.
    return "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n"))


def _print_document(console, doc, options: RenderOptions) -> None:
    from rich import box
    from rich.table import Table

    bitext = doc.target is None
    title = f"{doc.source}" if bitext else f"{doc.source}  →  {doc.target}"
    shown = [s for s in doc.segments if options.show == "all" or s.findings]
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_lines=True, expand=True)
    table.add_column("seg", justify="right", no_wrap=True)
    table.add_column("row" if bitext else "lines", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("sentence and findings", ratio=1)
    for seg in shown:
        table.add_row(seg.pair.id, _lines(seg, bitext), _score(seg), _body(seg))
    if shown:
        console.print(table)
    else:
        console.print(title)
    hidden = len(doc.segments) - len(shown)
    if hidden:
        console.print(f"({hidden} of {len(doc.segments)} segments have no findings and are not shown)", style="dim")


def _lines(seg: SegmentResult, bitext: bool) -> str:
    if bitext:
        return ",".join(str(n + 1) for n in seg.pair.src_lines)

    def numbers(lines: tuple[int, ...]) -> str:
        return ",".join(str(n + 1) for n in lines) or "-"

    return f"en {numbers(seg.pair.src_lines)}\nar {numbers(seg.pair.mt_lines)}"


def _score(seg: SegmentResult):
    from rich.text import Text

    style = "red" if seg.score < 50 else "yellow" if seg.score < 80 else "green"
    return Text(f"{seg.score:.1f}", style=style)


def _highlighted(text: str, findings: tuple[Finding, ...], side: str) -> Text:
    from rich.text import Text

    out = Text(text)
    for finding in sorted(findings, key=lambda f: f.severity.rank):  # worst last, so it shows
        span = finding.src_span if side == "src" else finding.mt_span
        if span is not None and span.end <= len(text):
            out.stylize(f"{SEVERITY_STYLE[finding.severity]} underline", span.start, span.end)
    return out


def _body(seg: SegmentResult) -> Text:
    from rich.text import Text

    pair = seg.pair
    body = Text()
    rows = [("EN  ", pair.src, "src"), ("MT  ", pair.mt, "mt")]
    if pair.ref is not None:
        rows.append(("REF ", pair.ref, "ref"))
    for i, (label, text, side) in enumerate(rows):
        if i:
            body.append("\n")
        body.append(label, style="dim")
        if text.strip():
            body.append_text(isolated(_highlighted(text, seg.findings, side)))
        else:
            body.append("(nothing)", style="dim italic")
    for finding in sorted(seg.findings, key=lambda f: -f.severity.rank):
        body.append("\n")
        body.append_text(_finding_line(finding, pair.src, pair.mt))
    return body


def _finding_line(finding: Finding, src: str, mt: str) -> Text:
    from rich.text import Text

    line = Text()
    line.append(f"{finding.severity.value.upper():<8} ", style=SEVERITY_STYLE[finding.severity])
    line.append(f"{finding.code} {finding.check}", style="bold")
    details = [finding.message]
    quoted = []
    if finding.src_span is not None and finding.src_span.end <= len(src):
        quoted.append(f"en «{finding.src_span.of(src)}»")
    if finding.mt_span is not None and finding.mt_span.end <= len(mt):
        quoted.append(f"ar «{finding.mt_span.of(mt)}»")
    if quoted:
        details.append(" → ".join(quoted))
    if finding.suggestion:
        details.append(f"suggestion: {finding.suggestion}")
    line.append_text(isolated(Text(": " + "; ".join(details))))
    return line


def _print_summary(console, report: Report) -> None:
    summary = report.summary
    counts = summary.get("findings", {})
    verdict = "PASSED" if summary.get("passed") else "FAILED"
    score = summary.get("score")
    parts = [
        f"{summary.get('segments', 0)} segments",
        f"mean score {score:.1f}" if isinstance(score, (int, float)) else "no score",
        ", ".join(f"{counts.get(s.value, 0)} {s.value}" for s in Severity),
    ]
    console.print()
    console.print(f"{verdict}: " + " · ".join(parts), style="bold green" if summary.get("passed") else "bold red")
    gate = summary.get("gate")
    if gate and (gate["reasons"] or gate["counts"]["suppressed"] or gate["counts"]["in_baseline"]):  # qa.gate
        counts = gate["counts"]
        tally = f"{counts['new']} new, {counts['in_baseline']} in the baseline, {counts['suppressed']} suppressed"
        console.print("gate: " + "; ".join([*gate["reasons"], *([tally] if gate["baseline"] or gate["suppressions"] else [])]))
    metrics = summary.get("metrics", {})
    scores = []
    if "similarity" in metrics:
        scores.append(f"similarity {metrics['similarity']:.3f} (mean cosine)")
    for name, label in (("chrf", "chrF"), ("bleu", "BLEU"), ("ter", "TER")):
        if isinstance(metrics.get(name), dict):
            scores.append(f"{label} {metrics[name]['score']:.1f}")
    if scores:
        console.print("corpus: " + " · ".join(scores))
    for failure in report.failures:
        console.print(
            f"check crashed: {failure.code} {failure.check} on segment {failure.pair_id}: {failure.error}", style="red"
        )
    # soft_wrap: long single-line identifiers stay on one line (copy-pasteable), the terminal folds them.
    console.print(f"signature: {report.signature}", style="dim", soft_wrap=True)
    for name, label in (("chrf", "chrF"), ("bleu", "BLEU"), ("ter", "TER")):
        if isinstance(metrics.get(name), dict) and metrics[name].get("signature"):
            console.print(f"{label} signature: {metrics[name]['signature']}", style="dim", soft_wrap=True)
