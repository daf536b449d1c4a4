"""The seed article (../shared/data/seed): a real MT with known errors, in document mode.

A required gold error counts as caught when a critical or major finding of its category sits on
a pair holding its line; `on_span` says whether the finding's span overlaps the gold text. A
critical finding on a pair made only of clean lines is a false alarm.
"""

from __future__ import annotations

import json
from pathlib import Path

from qa.config import Config
from qa.model import Severity


def _overlap(text: str, needle: str, span) -> bool:
    if span is None or not needle:
        return False
    at = text.find(needle)
    return at >= 0 and span.start < at + len(needle) and at < span.end


def evaluate_seed(folder: Path, encoder, config: Config) -> dict:
    from qa.pipeline import check_documents

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    try:
        report = check_documents(folder / "article.en.txt", folder / "article.ar.mt.txt", config=config, encoder=encoder)
    except Exception as exc:  # noqa: BLE001 - the harness reports a broken stage instead of dying
        return {"error": f"{type(exc).__name__}: {exc}"}
    segments = report.segments()
    errors = []
    for e in gold["errors"]:
        if not e.get("required"):
            continue
        hits = []
        for seg in segments:
            if e["line"] not in set(seg.pair.mt_lines) | set(seg.pair.src_lines):
                continue
            for f in seg.findings:
                if f.category.value == e["category"] and f.severity.rank >= Severity.MAJOR.rank:
                    on = _overlap(seg.pair.mt, e["ar_span"], f.mt_span) or _overlap(seg.pair.src, e["en_span"], f.src_span)
                    hits.append({"code": f.code, "severity": f.severity.value, "on_span": on, "message": f.message})
        errors.append({"line": e["line"], "category": e["category"], "en": e["en_span"], "ar": e["ar_span"],
                       "caught": bool(hits), "on_span": any(h["on_span"] for h in hits), "findings": hits})
    clean = set(gold["clean_lines"])
    alarms = []
    for seg in segments:
        lines = set(seg.pair.mt_lines) | set(seg.pair.src_lines)
        if lines and lines <= clean:
            for f in seg.findings:
                if f.severity is Severity.CRITICAL:
                    alarms.append({"lines": sorted(lines), "code": f.code, "message": f.message})
    return {
        "required": len(errors),
        "caught": sum(e["caught"] for e in errors),
        "errors": errors,
        "clean_lines": len(clean),
        "critical_on_clean": alarms,
        "passed": all(e["caught"] for e in errors) and not alarms,
    }
