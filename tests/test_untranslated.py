"""UNT001: ordinary English words left inside the Arabic; names, codes and glosses are not residue."""

from __future__ import annotations

import pytest

from qa.checks.registry import CheckContext
from qa.checks.untranslated import english_residue, residue_runs
from qa.model import AlignedPair, Severity


def run(src: str, mt: str):
    return list(english_residue(AlignedPair("1", src, mt), CheckContext()))


def test_an_untranslated_clause_is_a_major_finding_spanning_the_english_run():
    src = "The minister said the talks will resume on Monday."
    mt = "وقال الوزير إن the talks will resume يوم الاثنين."
    (flag,) = run(src, mt)
    assert flag.severity is Severity.MAJOR
    assert flag.mt_span.of(mt) == "the talks will resume"
    assert flag.src_span.of(src) == "the talks will resume"


def test_a_single_ordinary_word_copied_from_the_source_is_residue():
    # NTREX line 1829: the human translator left "bittersweet" in English.
    src = 'she added the 60th anniversary of the books publication was "bittersweet" after his death.'
    mt = 'وأضافت أن الذكرى الستين لنشر الكتاب كانت "bittersweet" بعد وفاته.'
    (flag,) = run(src, mt)
    assert "bittersweet" in flag.message


@pytest.mark.parametrize(
    "src,mt",
    [
        ("He worked as a BBC cameraman.", "كان يعمل مصورًا في BBC."),  # acronym
        ("He is CEO of Sinovation Ventures.", "يشغل منصب الرئيس التنفيذي لشركة Sinovation Ventures."),  # name
        ("the song I Love it", 'أغنية "I Love it"'),  # Title Case title with function words
        ("the film Johnny English Strikes Again", "فيلم Johnny English Strikes Again"),
        ("so-called clicktivism", 'ما يسمى بـ "الحراك بالنقر (clicktivism)"'),  # gloss in brackets
        ("a cloud computing service", "خدمة الحوسبة السحابية (cloud computing)"),
        ("email jo@samaritans.org or visit weather.com", "راسل jo@samaritans.org أو زر weather.com"),
        ("a speed of 70 mph", "بسرعة 70 mph"),  # unit
        ("In Welsh twp means daft", "تعني twp في ويلز السخافة"),  # a Welsh word, not English
        ("Arrest made", '<seg id="1">اعتقال مشتبه به'),  # markup is a format matter
    ],
)
def test_names_acronyms_codes_units_and_glosses_are_not_residue(src, mt):
    assert run(src, mt) == []


def test_each_run_is_reported_once_with_its_ordinary_words():
    mt = "قال إن the weather was terrible وأضاف أن Apple ستعلن أن prices will rise"
    runs = [(span.of(mt), words) for span, words in residue_runs(mt)]
    assert runs == [("the weather was terrible", ["weather", "terrible"]), ("prices will rise", ["prices", "will", "rise"])]
