"""Small hand-built reports for the renderer tests: every severity, several categories, a pair
joined from two sentences on two lines, an omitted sentence, a crashed check, and a bitext run."""

from __future__ import annotations

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

SOURCE, TARGET = "news/article.en.txt", "news/article.ar.txt"
# The target file these origins describe: line 0 holds one sentence after an unrelated one;
# segment 2 joins the end of line 1 and the start of line 2.
TARGET_LINES = [
    "تمهيد قصير. رفضت كيف وحلفاؤها الضربات في عام 2022.",
    "قال ترامب إنه أحرز أي تقدم.",
    "لقد وعدوا بالكثير. ولم يفعلوا شيئا.",
]
SOURCE_LINES = [
    "A short preface. The strikes were rejected by Kyiv and its allies in 2022.",
    "Trump said he had made no progress.",
    "They promised a lot. A sentence with no translation. They did nothing.",
]
NO_METRICS = {"similarity": None, "chrf": None, "bleu": None, "ter": None}


def finding(code, check, category, severity, message, src, src_text, mt, mt_text, suggestion=None) -> Finding:
    return Finding(
        code=code, check=check, category=category, severity=severity, message=message,
        src_span=Span(src.index(src_text), src.index(src_text) + len(src_text)) if src_text else None,
        mt_span=Span(mt.index(mt_text), mt.index(mt_text) + len(mt_text)) if mt_text else None,
        suggestion=suggestion,
    )


def document_report() -> Report:
    src1, mt1 = SOURCE_LINES[0][17:], TARGET_LINES[0][12:]
    kyiv = finding("NAM001", "name-garbled-into-word", Category.NAME, Severity.CRITICAL,
                   "the name “Kyiv” is rendered as كيف (how)", src1, "Kyiv", mt1, "كيف", "كييف")
    year = finding("NUM001", "number-mismatch", Category.NUMBER, Severity.MINOR,
                   "a minor note on 2022", src1, "2022", mt1, "2022")
    seg1 = SegmentResult(
        AlignedPair("1", src1, mt1, None, (0,), (0,), 0.7, src_origins=((0, 0, 17),), mt_origins=((0, 0, 12),)),
        62.5, NO_METRICS, (kyiv, year),
    )
    src2 = SOURCE_LINES[1] + " " + SOURCE_LINES[2][:20]
    mt2 = TARGET_LINES[1] + " " + TARGET_LINES[2][:18]
    negation = finding("NEG001", "negation-dropped", Category.NEGATION, Severity.CRITICAL,
                       "the English negation “no progress” reads أي تقدم affirmatively", src2, "no progress",
                       mt2, "أحرز أي تقدم", "لم يحرز أي تقدم")
    # A span across the two joined sentences (line 1 -> line 2) and one on the second line only.
    across = finding("FMT003", "token-not-carried-over", Category.FORMAT, Severity.MAJOR,
                     "a span across two lines", src2, "progress. They", mt2, "تقدم. لقد")
    second = finding("OMS001", "clause-omitted", Category.OMISSION, Severity.MAJOR,
                     "the clause “a lot” has no counterpart", src2, "a lot", mt2, "بالكثير")
    seg2 = SegmentResult(
        AlignedPair(
            "2", src2, mt2, None, (1, 2), (1, 2), 0.8,
            src_origins=((0, 1, 0), (len(SOURCE_LINES[1]) + 1, 2, 0)),
            mt_origins=((0, 1, 0), (len(TARGET_LINES[1]) + 1, 2, 0)),
        ),
        35.0, NO_METRICS, (negation, across, second),
    )
    omitted_src = "A sentence with no translation."
    omitted = finding("ALN001", "source-sentence-untranslated", Category.OMISSION, Severity.MAJOR,
                      "this English sentence has no Arabic counterpart", omitted_src, omitted_src, "", None)
    seg3 = SegmentResult(
        AlignedPair("3", omitted_src, "", None, (2,), (), None, src_origins=((0, 2, 21),)), 75.0, NO_METRICS, (omitted,)
    )
    seg4 = SegmentResult(
        AlignedPair("4", "They did nothing.", "ولم يفعلوا شيئا.", None, (2,), (2,), 0.9,
                    src_origins=((0, 2, 53),), mt_origins=((0, 2, 19),)),
        100.0, NO_METRICS, (),
    )
    segments = (seg1, seg2, seg3, seg4)
    return Report(
        signature="mtqa:0.1.0|model:use-m3@0.2.1|checks:NAM001+NEG001|fail-on:major",
        tool={"name": "mtqa", "version": "0.1.0", "python": "3.11.7"},
        summary=summary(segments, passed=False),
        documents=(DocumentResult(SOURCE, TARGET, segments),),
        failures=(CheckFailure("NUM002", "number-unit", "4", "ValueError: boom"),),
    )


def bitext_report(path: str = "batch/pairs.jsonl") -> Report:
    src, mt = "Kyiv rejected the strikes.", "رفضت كيف الضربات."
    kyiv = finding("NAM001", "name-garbled-into-word", Category.NAME, Severity.CRITICAL,
                   "the name “Kyiv” is rendered as كيف (how)", src, "Kyiv", mt, "كيف", "كييف")
    rows = (
        SegmentResult(AlignedPair("a", "Talks resume.", "تستأنف المحادثات.", None, (0,), (0,), 0.9,
                                  src_origins=((0, 1, None),), mt_origins=((0, 1, None),)), 100.0, NO_METRICS, ()),
        SegmentResult(AlignedPair("b", src, mt, None, (1,), (1,), 0.6,
                                  src_origins=((0, 3, None),), mt_origins=((0, 3, None),)), 60.0, NO_METRICS, (kyiv,)),
    )
    return Report(
        signature="mtqa:0.1.0|fail-on:critical",
        tool={"name": "mtqa", "version": "0.1.0"},
        summary=summary(rows, passed=False),
        documents=(DocumentResult(path, None, rows),),
    )


def summary(segments, passed: bool) -> dict:
    counts = {s.value: sum(1 for seg in segments for f in seg.findings if f.severity is s) for s in Severity}
    return {
        "segments": len(segments),
        "score": round(sum(s.score for s in segments) / len(segments), 2),
        "passed": passed,
        "findings": counts,
        "metrics": {},
        "check_failures": 0,
    }
