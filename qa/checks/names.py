"""Names: people, places, organisations and acronyms garbled, dropped, distorted or swapped.

The machinery lives in qa.names (extraction, gazetteer, transliteration model, Arabic
matching); every check here reads one shared analysis per pair (qa.names.analysis) and reports
one kind of failure. See docs/names.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from qa.arabic import fold
from qa.checks.registry import CheckContext, Flag, check
from qa.model import AlignedPair, Category, Severity
from qa.names.analysis import WEAK, NameResult, analyse_pair
from qa.names.arabic_side import prepare
from qa.names.document import dropped_in_document
from qa.names.spelling import is_near


def _results(pair: AlignedPair, ctx: CheckContext, status: str) -> Iterator[NameResult]:
    for result in ctx.memo(analyse_pair, pair):
        if result.status == status:
            yield result


@check("NAM001", "name-garbled-into-word", Category.NAME)
def name_garbled_into_word(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A name became an ordinary word: Kyiv as كيف ("how"), US as the pronoun "us", Turkey as the bird.

    Flags:  Talks must be between Kyiv and Moscow. => يجب أن تكون المحادثات بين كيف وموسكو.
    Flags:  It does not want US involvement. => لا تريدنا مشاركتنا.
    Flags:  Turkey closed its border. => أغلق الديك الرومي حدوده.
    Passes: Talks must be between Kyiv and Moscow. => يجب أن تكون المحادثات بين كييف وموسكو.
    Passes: It does not want US involvement. => لا تريد مشاركة الولايات المتحدة.
    Passes: We want US involvement. => نريد مشاركة أمريكية.
    """
    for r in _results(pair, ctx, "garbled"):
        what = f"is rendered as {r.found}, {r.note}," if r.note else f"is rendered as {r.found}"
        yield Flag(
            Severity.CRITICAL,
            f"the name “{r.name.text}” {what} not as the name (expected {r.suggestion})",
            src_span=r.name.span,
            mt_span=r.mt_span,
            suggestion=r.suggestion,
        )


@check("NAM002", "name-swapped", Category.NAME)
def name_swapped(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A name was replaced by another known name that the source does not mention.

    Flags:  Putin spoke to reporters on Friday. => تحدث ترامب إلى الصحفيين يوم الجمعة.
    Flags:  The minister flew to Paris. => سافر الوزير إلى برلين.
    Passes: Putin spoke to reporters on Friday. => تحدث بوتين إلى الصحفيين يوم الجمعة.
    Passes: Trump and Putin spoke on Friday. => تحدث ترامب وبوتين يوم الجمعة.
    """
    for r in _results(pair, ctx, "swapped"):
        yield Flag(
            Severity.CRITICAL,
            f"the name “{r.name.text}” is missing and another name, {r.found}, stands in its place (expected {r.suggestion})",
            src_span=r.name.span,
            mt_span=r.mt_span,
            suggestion=r.suggestion,
        )


@check("NAM003", "name-missing", Category.NAME)
def name_missing(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A name of the source has no trace in the translation.

    Flags:  Ushakov said the talks would continue. => وقال إن المحادثات ستستمر.
    Flags:  The European Union imposed new sanctions. => فرض الاتحاد عقوبات جديدة.
    Passes: Ushakov said the talks would continue. => وقال أوشاكوف إن المحادثات ستستمر.
    Passes: The European Union imposed new sanctions. => فرض الاتحاد الأوروبي عقوبات جديدة.
    Passes: The Supreme Court ruled on Monday. => حكمت المحكمة العليا يوم الاثنين.
    """
    for r in _results(pair, ctx, "missing"):
        weak = r.note == WEAK  # a translatable name word, or a word with most of its consonants
        yield Flag(
            Severity.MINOR if weak else Severity.MAJOR,
            f"the name “{r.name.text}” {'may be' if weak else 'is'} missing from the translation (expected {r.suggestion})",
            src_span=r.name.span,
            suggestion=r.suggestion,
        )


@check("NAM004", "name-distorted", Category.NAME)
def name_distorted(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A name is spelt beyond its accepted variants: letters changed, swapped or dropped.

    Flags:  Putin met the delegation. => التقى بويتن الوفد.
    Flags:  Zelenskyy thanked the allies. => شكر زيلسنكي الحلفاء.
    Passes: Putin met the delegation. => التقى بوتين الوفد.
    Passes: Ushakov met the delegation. => التقى أوشاكوف الوفد.
    """
    for r in _results(pair, ctx, "distorted"):
        yield Flag(
            Severity.MAJOR,
            f"the name “{r.name.text}” is distorted as {r.found} (expected {r.suggestion})",
            src_span=r.name.span,
            mt_span=r.mt_span,
            suggestion=r.suggestion,
        )


@check("NAM005", "name-variant-spelling", Category.NAME)
def name_variant_spelling(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A known name is spelt in a recognisable but non-standard way.

    Flags:  Zelenskyy thanked the allies. => شكر زيلنسكي الحلفاء.
    Passes: Zelenskyy thanked the allies. => شكر زيلينسكي الحلفاء.
    """
    for r in _results(pair, ctx, "variant"):
        yield Flag(
            Severity.MINOR,
            f"“{r.name.text}” is spelt {r.found}; the standard spelling is {r.suggestion}",
            src_span=r.name.span,
            mt_span=r.mt_span,
            suggestion=r.suggestion,
        )


def mt_stems(pair: AlignedPair, ctx: CheckContext) -> list[frozenset[str]]:
    """The stems of each word of the Arabic (qa.names.arabic_side), for NAM007."""
    return prepare(pair.mt).stems


@check("NAM006", "name-inconsistent", Category.NAME, scope="document", pair_memos=(analyse_pair,))
def name_inconsistent(pairs: Sequence[AlignedPair], ctx: CheckContext) -> Iterator[tuple[int, Flag]]:
    """The same name is spelt two ways in one document (كافانو here, كافانا there).

    Names outside the gazetteer only: a gazetteer name's accepted forms may alternate (أمريكا,
    الولايات المتحدة), and its non-standard spellings are NAM005 findings already.
    """
    seen: dict[str, list[tuple[int, NameResult]]] = {}
    for index, pair in enumerate(pairs):
        for r in ctx.memo(analyse_pair, pair):
            if r.form and r.status == "found" and r.name.entry is None:
                seen.setdefault(r.key, []).append((index, r))
    for occurrences in seen.values():
        counts = Counter(r.form for _, r in occurrences)
        if len(counts) < 2:
            continue
        usual, _ = counts.most_common(1)[0]
        usual_text = next(r.found for _, r in occurrences if r.form == usual)
        usual_text = next((w for w in usual_text.split() if fold(w).endswith(usual[-2:])), usual_text)
        for index, r in occurrences:
            if r.form != usual and r.status == "found" and is_near(r.form, usual):
                yield index, Flag(
                    Severity.MINOR,
                    f"“{r.name.text}” is spelt {r.found} here but {usual_text} elsewhere in the document",
                    src_span=r.name.span,
                    mt_span=r.mt_span,
                    suggestion=usual_text,
                )


@check("NAM007", "name-dropped-in-document", Category.NAME, scope="document", pair_memos=(analyse_pair, mt_stems))
def name_dropped_in_document(pairs: Sequence[AlignedPair], ctx: CheckContext) -> Iterator[tuple[int, Flag]]:
    """A name the document spells out elsewhere has no trace in this sentence's translation.

    Names that are also English words (Brighton, Waters, West) may be translated, so a sentence
    alone says nothing when they are absent; once the document spells the name (برايتون), a
    sentence without it has dropped it.
    """
    analyses = [ctx.memo(analyse_pair, pair) for pair in pairs]
    stems = [ctx.memo(mt_stems, pair) for pair in pairs]
    for index, r, elsewhere in dropped_in_document(analyses, stems):
        yield index, Flag(
            Severity.MAJOR,
            f"the name “{r.name.text}” is missing from the translation (spelt {elsewhere.found} elsewhere in the document)",
            src_span=r.name.span,
            suggestion=elsewhere.found,
        )
