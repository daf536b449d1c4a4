"""OMS001 / ADD001: a clause of one side with no counterpart in the other, inside an aligned pair."""

from __future__ import annotations

import pytest

from qa.checks.omission import (
    _addition_probes,
    _omission_probes,
    clause_added,
    clause_omitted,
    english_units,
    length_z,
)
from qa.clauses import arabic_clauses, english_clauses, without
from qa.model import AlignedPair, Severity, Span

PROFITS_EN = (
    "The company reported record profits in the third quarter, "
    "which analysts attributed to strong demand for its electric cars in China."
)
PROFITS_AR = (
    "أعلنت الشركة عن أرباح قياسية في الربع الثالث، "
    "وهو ما عزاه المحللون إلى الطلب القوي على سياراتها الكهربائية في الصين."
)
FLOOD_EN = (
    "Rescue teams evacuated more than 3,000 residents from the flooded villages on Sunday, "
    "the civil defence said, adding that two people were still missing."
)
FLOOD_AR = (
    "أجلت فرق الإنقاذ أكثر من 3000 من سكان القرى التي غمرتها المياه يوم الأحد، "
    "بحسب الدفاع المدني، الذي أضاف أن شخصين ما زالا في عداد المفقودين."
)


def omitted(pair: AlignedPair, ctx):
    return list(clause_omitted(pair, ctx))


def test_clauses_split_at_punctuation_and_clause_openers_not_inside_numbers():
    text = "Sales rose 1,000 units, which pleased investors, but the shares fell 2.5 percent (a record low)."
    assert [s.of(text) for s in english_clauses(text)] == [
        "Sales rose 1,000 units",
        "which pleased investors",
        "but the shares fell 2.5 percent",
        "(a record low)",
    ]


def test_fragments_under_three_words_join_their_neighbour():
    text = "Kyiv and Moscow resumed talks, officials said."
    assert [s.of(text) for s in english_clauses(text)] == ["Kyiv and Moscow resumed talks, officials said"]


def test_a_sentence_end_inside_a_pair_is_a_boundary_but_an_abbreviation_is_not_alone():
    text = "The Rev. David Johnson spoke on Monday. Officials said progress was slow."
    assert [s.of(text) for s in english_clauses(text)] == [
        "The Rev. David Johnson spoke on Monday",
        "Officials said progress was slow",
    ]
    arabic = "استؤنفت المحادثات يوم الاثنين. وقال مسؤولون إن التقدم بطيء."
    assert [s.of(arabic) for s in arabic_clauses(arabic)] == ["استؤنفت المحادثات يوم الاثنين", "وقال مسؤولون إن التقدم بطيء"]


def test_arabic_clauses_split_at_arabic_commas_and_relatives():
    assert [s.of(PROFITS_AR) for s in arabic_clauses(PROFITS_AR)] == [
        "أعلنت الشركة عن أرباح قياسية في الربع الثالث",
        "وهو ما عزاه المحللون إلى الطلب القوي على سياراتها الكهربائية في الصين",
    ]


def test_units_add_the_coarser_comma_parts_to_the_clauses():
    units = [s.of(FLOOD_EN) for s in english_units(FLOOD_EN)]
    assert "the civil defence said" in units
    assert "adding that two people were still missing" in units


@pytest.mark.parametrize(
    "clause,expected",
    [
        ("which analysts attributed to strong demand for its electric cars in China",
         "The company reported record profits in the third quarter."),
        ("The company reported record profits in the third quarter",
         "which analysts attributed to strong demand for its electric cars in China."),
    ],
)
def test_removing_a_clause_tidies_the_joint(clause, expected):
    start = PROFITS_EN.index(clause)
    assert without(PROFITS_EN, Span(start, start + len(clause))) == expected


def test_length_z_is_negative_when_the_arabic_is_short_for_its_english():
    assert length_z(200, 80) < -2
    assert abs(length_z(200, 184)) < 0.5  # the NTREX median ratio, 0.92


def test_a_dropped_relative_clause_is_a_major_omission_spanning_the_english_clause(context):
    pair = AlignedPair("1", PROFITS_EN, "أعلنت الشركة عن أرباح قياسية في الربع الثالث.")
    (flag,) = omitted(pair, context)
    assert flag.severity is Severity.MAJOR
    assert flag.src_span.of(PROFITS_EN).startswith("which analysts attributed")


def test_a_dropped_reporting_clause_with_its_addition_is_flagged(context):
    pair = AlignedPair("1", FLOOD_EN, "أجلت فرق الإنقاذ أكثر من 3000 من سكان القرى التي غمرتها المياه يوم الأحد.")
    (flag,) = omitted(pair, context)
    assert "missing" in flag.src_span.of(FLOOD_EN) or "civil defence" in flag.src_span.of(FLOOD_EN)


@pytest.mark.parametrize(
    "src,mt",
    [
        (PROFITS_EN, PROFITS_AR),
        (FLOOD_EN, FLOOD_AR),
        # The same content in another order, the reporting clause first.
        (FLOOD_EN, "قال الدفاع المدني إن فرق الإنقاذ أجلت يوم الأحد أكثر من 3000 من سكان القرى المغمورة، وإن شخصين ما زالا مفقودين."),
        # Arabic is compact: a terse but complete rendering of a one-clause sentence is not examined.
        ("Thirty-two percent supported such a run.", "أيد 32% ذلك الترشح."),
    ],
)
def test_complete_translations_pass(src, mt, context):
    assert omitted(AlignedPair("1", src, mt), context) == []


def test_probes_are_requested_only_for_pairs_whose_arabic_is_short(context):
    full = AlignedPair("1", PROFITS_EN, PROFITS_AR)
    short = AlignedPair("2", PROFITS_EN, "أعلنت الشركة عن أرباح قياسية في الربع الثالث.")
    assert _omission_probes(full, context) == []
    assert PROFITS_EN.replace(", which analysts attributed to strong demand for its electric cars in China", "") in (
        _omission_probes(short, context)
    )


def test_an_added_clause_is_a_minor_addition_spanning_the_arabic_clause(context):
    mt = PROFITS_AR[:-1] + "، وقال الرئيس التنفيذي إن الشركة ستفتتح مصنعًا جديدًا في ألمانيا العام المقبل."
    pair = AlignedPair("1", PROFITS_EN, mt)
    assert _addition_probes(pair, context)
    (flag,) = list(clause_added(pair, context))
    assert flag.severity is Severity.MINOR
    assert "ألمانيا" in flag.mt_span.of(mt)


def test_a_faithful_translation_adds_nothing(context):
    assert list(clause_added(AlignedPair("1", PROFITS_EN, PROFITS_AR), context)) == []
