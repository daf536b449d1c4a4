"""Numbers and dates: values compared, not strings.

Both sides are read into values (qa.numbers): digits in three scripts with Arabic separators,
number words with their gender/case/construct forms, ordinals, fractions, percentages, times,
decades, months in both Arabic conventions and weekdays. "12-day" meets "12 يومًا", "sixth"
meets السادسة, "$1.5 billion" meets "مليار ونصف دولار", "two days" meets يومين. What is left is
a changed value (critical), or a value missing from / added to the Arabic (major).
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.registry import CheckContext, Flag, check
from qa.model import AlignedPair, Category, Severity
from qa.numbers import NUM, Comparison, Quantity, compare_texts
from qa.numbers.suggest import described, expected_arabic


def analysis(pair: AlignedPair, ctx: CheckContext) -> Comparison:
    """The pair's values, paired once for all the checks of this family."""
    return compare_texts(pair.src, pair.mt)


def _compared(pair: AlignedPair, ctx: CheckContext) -> Comparison | None:
    if not pair.src.strip() or not pair.mt.strip():
        return None  # a whole sentence missing or added is the aligner's finding, not ours
    return ctx.memo(analysis, pair)


def _is_date(q: Quantity) -> bool:
    return q.family != NUM


@check("NUM001", "number-changed", Category.NUMBER)
def number_changed(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A number in the source has a different value in the translation.

    Flags:  The war lasted 12 days. => استمرت الحرب 13 يومًا.
    Flags:  The US bombed three Iranian nuclear sites. => قصفت الولايات المتحدة خمسة مواقع نووية إيرانية.
    Flags:  The deal is worth $1.5 billion. => تبلغ قيمة الصفقة 1.5 مليون دولار.
    Flags:  It was the sixth call this year. => كانت المكالمة السابعة هذا العام.
    Passes: The 12-day war ended. => انتهت الحرب التي استمرت 12 يومًا.
    Passes: The deal is worth $1.5 billion. => تبلغ قيمة الصفقة مليار ونصف دولار.
    Passes: It was the sixth call since 2022. => كانت المكالمة السادسة منذ عام ٢٠٢٢.
    Passes: Turnout was 45%. => بلغت نسبة المشاركة 45 في المئة.
    Passes: It cost £1.2bn. => بلغت التكلفة 1.2 مليار جنيه إسترليني.
    """
    compared = _compared(pair, ctx)
    if compared is None:
        return
    for e, a in compared.changed:
        if _is_date(e) or _is_date(a):
            continue
        yield Flag(
            Severity.CRITICAL,
            f"the source has {described(e, pair.src)} but the translation has {described(a, pair.mt)}",
            src_span=e.span,
            mt_span=a.span,
            suggestion=expected_arabic(e, a, pair.mt),
        )
    for e, a in compared.converted:
        yield Flag(
            Severity.MINOR,
            f"{described(e, pair.src)} {e.unit} appears as {described(a, pair.mt)}, converted to other units: check the conversion",
            src_span=e.span,
            mt_span=a.span,
        )


@check("NUM002", "number-missing", Category.NUMBER)
def number_missing(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A number in the source does not appear in the translation.

    Flags:  Police said 20 people were injured. => قالت الشرطة إن أشخاصًا أصيبوا.
    Flags:  Talks lasted three hours. => استمرت المحادثات ساعات.
    Passes: Two people died. => توفي شخصان.
    Passes: The 1990s were different. => كانت التسعينيات مختلفة.
    Passes: One of the men was arrested. => اعتُقل أحد الرجال.
    """
    compared = _compared(pair, ctx)
    if compared is None:
        return
    for e in compared.missing:
        if _is_date(e):
            continue
        yield Flag(
            Severity.MAJOR,
            f"{described(e, pair.src)} from the source is missing in the translation",
            src_span=e.span,
            suggestion=expected_arabic(e),
        )


@check("NUM003", "number-added", Category.NUMBER)
def number_added(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """The translation has a number the source does not have.

    Flags:  The talks resumed on Monday. => استؤنفت المحادثات يوم الاثنين بعد 3 أيام.
    Passes: The talks resumed after three days. => استؤنفت المحادثات بعد ثلاثة أيام.
    Passes: The leaders met twice. => التقى الزعيمان مرتين.
    """
    compared = _compared(pair, ctx)
    if compared is None:
        return
    for a in compared.added:
        if _is_date(a):
            continue
        yield Flag(
            Severity.MAJOR,
            f"the translation has {described(a, pair.mt)}, which is not in the source",
            mt_span=a.span,
        )


@check("NUM004", "date-changed", Category.NUMBER)
def date_changed(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A month or weekday in the source is a different one in the translation.

    Flags:  He spoke to Trump on Thursday. => تحدث إلى ترامب يوم الجمعة.
    Flags:  The law took effect in January. => دخل القانون حيز التنفيذ في شباط.
    Passes: He spoke to Trump on Thursday. => تحدث إلى ترامب يوم الخميس.
    Passes: The law took effect in January. => دخل القانون حيز التنفيذ في كانون الثاني.
    Passes: They met in early June. => التقيا في أوائل يونيو.
    """
    compared = _compared(pair, ctx)
    if compared is None:
        return
    for e, a in compared.changed:
        if not (_is_date(e) or _is_date(a)):
            continue
        yield Flag(
            Severity.CRITICAL,
            f"the source has {described(e, pair.src)} but the translation has {described(a, pair.mt)}",
            src_span=e.span,
            mt_span=a.span,
            suggestion=expected_arabic(e, a, pair.mt),
        )


@check("NUM005", "date-missing", Category.NUMBER)
def date_missing(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A month or weekday in the source does not appear in the translation.

    Flags:  The vote is on Sunday. => سيجري التصويت الأسبوع المقبل.
    Passes: The vote is on Sunday. => سيجري التصويت يوم الأحد.
    Passes: She told The Sunday Times. => قالت لصحيفة صنداي تايمز.
    """
    compared = _compared(pair, ctx)
    if compared is None:
        return
    for e in compared.missing:
        if not _is_date(e):
            continue
        yield Flag(
            Severity.MAJOR,
            f"{described(e, pair.src)} from the source is missing in the translation",
            src_span=e.span,
            suggestion=expected_arabic(e),
        )


@check("NUM006", "date-added", Category.NUMBER)
def date_added(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """The translation names a month or weekday the source does not have.

    Flags:  The vote was held. => أجري التصويت يوم الأحد.
    Passes: The vote was held on Sunday. => أجري التصويت يوم الأحد.
    Passes: Both men were arrested. => اعتُقل الرجلان الاثنان.
    """
    compared = _compared(pair, ctx)
    if compared is None:
        return
    for a in compared.added:
        if not _is_date(a):
            continue
        yield Flag(
            Severity.MAJOR,
            f"the translation has {described(a, pair.mt)}, which is not in the source",
            mt_span=a.span,
        )

