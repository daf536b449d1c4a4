"""Reading values out of Arabic text (qa.numbers.arabic)."""

from __future__ import annotations

import pytest
from num2words import num2words

from qa.numbers import HARD, IMPLIED, MONTH, NUM, VAGUE, WEEKDAY, WORD, extract_arabic


def mentions(text: str) -> list[tuple[str, float]]:
    """(surface, first value) of every mention."""
    return [(q.span.of(text), q.value) for q in extract_arabic(text)]


def readings(text: str) -> list[set[float]]:
    return [{v for _, v in q.readings} for q in extract_arabic(text)]


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("استمرت الحرب 12 يومًا", "12", 12),
        ("استمرت الحرب ١٢ يومًا", "١٢", 12),
        ("استمرت الحرب ۱۲ يومًا", "۱۲", 12),
        ("بلغت النسبة ٢٫٥٪ فقط", "٢٫٥٪", 2.5),
        ("شارك ١٬٥٠٠ شخص", "١٬٥٠٠", 1500),
        ("عبر أكثر من 30،000 كوري الحدود", "30،000", 30000),
        ("تبلغ التكلفة 1.5 مليار دولار", "1.5 مليار", 1.5e9),
        ("ربح 5 ملايين دولار", "5 ملايين", 5e6),
        ("يسكنها مليون و200 ألف نسمة", "مليون و200 ألف", 1.2e6),
        ("بلغت المشاركة 45 في المئة", "45 في المئة", 45),
        ("بلغت المشاركة 45 بالمائة", "45 بالمائة", 45),
    ],
)
def test_digits_in_three_scripts_with_arabic_separators_scales_and_percent(text, surface, value):
    assert mentions(text) == [(surface, pytest.approx(value))]


def test_dots_and_commas_between_thousands_are_read_both_ways():
    assert readings("أنتج المصنع 150.000 سيارة") == [{150000, 150}]
    assert readings("شاهده 1,500 شخص") == [{1500, 1.5}]
    assert readings("ارتفع إلى 2,5 مليون") == [{2.5e6}]


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("قتل اثنا عشر شخصًا", "اثنا عشر", 12),
        ("قتل ثلاثة عشر شخصًا", "ثلاثة عشر", 13),
        ("أصيب خمسة وعشرون شخصًا", "خمسة وعشرون", 25),
        ("أصيب خمسة و عشرون شخصًا", "خمسة و عشرون", 25),
        ("دمر مائة وخمسون منزلًا", "مائة وخمسون", 150),
        ("السنة ثلاثمائة وخمسة وستون يومًا", "ثلاثمائة وخمسة وستون", 365),
        ("قيمتها ألف وخمسمائة دولار", "ألف وخمسمائة", 1500),
        ("جمع ثلاثة آلاف توقيع", "ثلاثة آلاف", 3000),
        ("ربح مليونين من الدولارات", "مليونين", 2e6),
        ("ربح مليونان من الدولارات", "مليونان", 2e6),
        ("تبلغ التكلفة مليار ونصف دولار", "مليار ونصف", 1.5e9),
        ("تبلغ التكلفة مليار ونصف المليار دولار", "مليار ونصف المليار", 1.5e9),
        ("أكثر من عشرين ألفًا", "عشرين ألفًا", 20000),
        ("جاءت المكالمة السادسة", "السادسة", 6),
        ("في القرن الحادي والعشرين", "الحادي والعشرين", 21),
        ("للمرة الثانية عشرة", "الثانية عشرة", 12),
        ("ثلاثة أرباع الناخبين", "ثلاثة أرباع", 0.75),
        ("أسقط ثلاثًا من المجموعات", "ثلاثًا", 3),
    ],
)
def test_number_words_compounds_ordinals_and_fractions(text, surface, value):
    assert mentions(text) == [(surface, pytest.approx(value))]


# num2words 0.5.14 misspells 101,000-901,999 ("مائة و ألف ألف") and uses the construct مئتا alone
# (standard Arabic: مئتان); those spellings are not Arabic a translation would contain.
def _num2words_spells_correctly(n: int, words: str) -> bool:
    return "ألف ألف" not in words and not (words.endswith("مئتا") or words == "مئتا")


def test_every_number_num2words_spells_is_read_back():
    numbers = list(range(0, 1000)) + list(range(1000, 1_000_000, 997)) + [2019, 200_000, 1_500_000, 3_000_000]
    checked = 0
    for n in numbers:
        words = num2words(n, lang="ar")
        if not _num2words_spells_correctly(n, words):
            continue
        found = extract_arabic(words)
        assert len(found) == 1 and float(n) in {v for _, v in found[0].readings}, words
        checked += 1
    assert checked > 1900


def test_numbers_joined_by_and_stay_apart_when_they_are_a_range():
    assert mentions("بين 10 و20 شخصًا") == [("10", 10), ("20", 20)]
    assert mentions("بين 5 آلاف و10 آلاف") == [("5 آلاف", 5000), ("10 آلاف", 10000)]


def test_percent_words_are_not_read_as_a_hundred():
    assert mentions("ارتفع بنسبة 3 في المائة") == [("3 في المائة", 3)]
    assert readings("أكثر من النصف") == [{0.5}]


def test_one_and_two_words_are_small_and_implied_counts_confirm_only():
    assert [(q.value, q.strength) for q in extract_arabic("قتل شخص واحد")] == [(1, WORD)]
    assert [(q.value, q.strength) for q in extract_arabic("للمباراة الواحدة")] == [(1, IMPLIED)]
    assert [(q.value, q.strength, q.kind) for q in extract_arabic("استمرت يومين")] == [(2, IMPLIED, "dual")]
    assert [(q.value, q.kind) for q in extract_arabic("التقى الزعيمان")] == [(2, "dual")]
    assert [(q.value, q.kind) for q in extract_arabic("تنسيق ثلاثي")] == [(3, "adjective")]


def test_a_half_after_a_count_adds_to_it():
    assert readings("استمر عامين ونصف") == [{2.5}]
    assert readings("قضى ثلاث سنوات ونصف") == [{3.5, 3}]
    assert readings("استمر الاجتماع ساعة ونصف") == [{0.5, 1.5}]


def test_vague_quantities_keep_their_magnitude_only():
    (q,) = extract_arabic("تظاهر عشرات الآلاف")
    assert q.readings == ((VAGUE, 1e4),) and q.strength == IMPLIED
    (q,) = extract_arabic("نزح آلاف الأشخاص")
    assert q.readings == ((VAGUE, 1e3),)


def test_decades_and_centuries():
    assert readings("في التسعينيات") == [{90, 1990}]
    (decade, century) = extract_arabic("في ثلاثينيات القرن العشرين")
    assert century.value == 20 and century.strength == IMPLIED  # implied by "the 1930s"


def test_clock_times_after_al_saa_or_before_a_time_of_day():
    assert readings("في الساعة 7.55 صباحًا") == [{7, 19}, {55, 55 / 60}]
    assert readings("الساعة 15:00") == [{15, 3}]


@pytest.mark.parametrize(
    "text,month",
    [("في يناير", 1), ("في كانون الثاني", 1), ("في تشرين الأول", 10), ("في أيلول", 9), ("في أوائل يونيو", 6), ("في جانفي", 1)],
)
def test_months_in_both_conventions(text, month):
    assert [q.readings for q in extract_arabic(text)] == [((MONTH, month),)]
    assert extract_arabic(text)[0].strength == HARD


def test_ambiguous_month_names_only_confirm():
    (q,) = extract_arabic("مارس الضغط على الحكومة")  # "he exerted pressure"
    assert q.family == MONTH and q.strength == IMPLIED


def test_weekdays_need_the_article_and_monday_is_also_the_two():
    assert [q.readings for q in extract_arabic("يوم الخميس")] == [((WEEKDAY, 4),)]
    assert extract_arabic("قال خميس") == ()  # a personal name
    (q,) = extract_arabic("كلا الاثنين")
    assert q.strength == WORD and {fam for fam, _ in q.readings} == {WEEKDAY, NUM}
    (q,) = extract_arabic("يوم الاثنين")
    assert q.strength == HARD


@pytest.mark.parametrize(
    "text",
    ["بعض من كمية الأمطار", "عثر عليه ميتًا", "فاز وست هام", "اعتقل أحد الرجال", "لست متأكدًا", "<seg id=\"1\">اعتقال"],
)
def test_words_that_only_look_like_numbers_are_not_values(text):
    assert extract_arabic(text) == ()


def test_numbers_glued_to_latin_letters_are_codes():
    (q,) = extract_arabic("مجموعة SS19 الجديدة")
    assert (q.kind, q.unit, q.strength) == ("code", "SS", IMPLIED)


def test_metric_units_are_remembered_for_conversions():
    (q,) = extract_arabic("تحركت العاصفة 16 كيلومترًا")
    assert q.unit == "km"


def test_spans_are_offsets_into_the_original_text_with_diacritics():
    text = "قُتِلَ ثَلاثَةُ أشخاصٍ في ٢٠١٩"
    assert [q.span.of(text) for q in extract_arabic(text)] == ["ثَلاثَةُ", "٢٠١٩"]


def test_a_span_starts_at_the_number_not_at_a_glued_conjunction():
    text = "قتل رجل وَثلاثةُ أطفال"
    assert [q.span.of(text) for q in extract_arabic(text)] == ["ثلاثةُ"]
