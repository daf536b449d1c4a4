"""The names checks (NAM001-NAM006): each failure type pinned with a realistic example."""

from __future__ import annotations

import pytest

from qa.checks.registry import CheckContext, all_checks
from qa.model import AlignedPair, Severity
from qa.names.analysis import analyse

CHECKS = {spec.code: spec for spec in all_checks() if spec.code.startswith("NAM")}


def findings(english: str, arabic: str, codes=None):
    ctx = CheckContext()
    out = []
    for code, spec in sorted(CHECKS.items()):
        if spec.scope == "pair" and (codes is None or code in codes):
            out += spec.run(AlignedPair("1", english, arabic), ctx)
    return out


def only(english: str, arabic: str):
    found = findings(english, arabic)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def test_kyiv_rendered_as_how_is_a_critical_name_error():
    en = "Russian drones struck Kyiv overnight, officials said."
    ar = "قال مسؤولون إن طائرات مسيرة روسية ضربت كيف خلال الليل."
    f = only(en, ar)
    assert (f.code, f.severity) == ("NAM001", Severity.CRITICAL)
    assert f.mt_span.of(ar) == "كيف" and f.src_span.of(en) == "Kyiv"
    assert f.suggestion == "كييف"


def test_us_read_as_the_pronoun_us_is_critical_and_points_at_the_pronoun():
    en = "Moscow signalled that it does not want US involvement in the talks."
    ar = "أشارت موسكو إلى أنها لا تريدنا مشاركتنا في المحادثات."
    f = only(en, ar)
    assert (f.code, f.severity) == ("NAM001", Severity.CRITICAL)
    assert f.mt_span.of(ar) == "تريدنا مشاركتنا"
    assert f.suggestion == "الولايات المتحدة"


def test_us_with_a_real_we_in_the_english_is_not_read_as_a_pronoun_error():
    en = "We asked US officials to leave."
    ar = "طلبنا من المسؤولين الأمريكيين المغادرة."
    assert findings(en, ar) == []


def test_us_adjective_and_demonyms_accept_nisba_forms():
    en = "Ukrainian officials said Russian negotiators had asked US diplomats to leave."
    ar = "قال المسؤولون الأوكرانيون إن المفاوضين الروس طلبوا من الدبلوماسيين الأمريكيين المغادرة."
    assert findings(en, ar) == []


def test_turkey_rendered_as_the_bird_is_critical():
    f = only("Turkey closed its airspace to the flights.", "أغلق الديك الرومي مجاله الجوي أمام الرحلات.")
    assert (f.code, f.severity, f.suggestion) == ("NAM001", Severity.CRITICAL, "تركيا")


def test_a_rare_surname_dropped_is_a_major_missing_name():
    en = "The Kremlin aide Yuri Ushakov told reporters the call lasted an hour."
    ar = "قال مساعد الكرملين للصحفيين إن المكالمة استمرت ساعة."
    f = only(en, ar)
    assert (f.code, f.severity) == ("NAM003", Severity.MAJOR)
    assert f.src_span.of(en) == "Yuri Ushakov" and f.mt_span is None
    assert f.suggestion == "يوري أوشاكوف"


def test_one_leader_swapped_for_another_is_critical_and_spans_the_intruder():
    en = "Putin told reporters on Friday that the talks would continue."
    ar = "قال ترامب للصحفيين يوم الجمعة إن المحادثات ستستمر."
    f = only(en, ar)
    assert (f.code, f.severity) == ("NAM002", Severity.CRITICAL)
    assert f.mt_span.of(ar) == "ترامب" and f.suggestion == "بوتين"


def test_a_surname_distorted_beyond_variants_is_major_with_the_expected_spelling():
    en = "Zelenskyy thanked the allies for the new air defence systems."
    ar = "شكر زيلسنكي الحلفاء على أنظمة الدفاع الجوي الجديدة."
    f = only(en, ar)
    assert (f.code, f.severity) == ("NAM004", Severity.MAJOR)
    assert f.mt_span.of(ar) == "زيلسنكي" and f.suggestion == "زيلينسكي"


def test_a_recognisable_non_standard_spelling_is_minor_with_the_standard_form():
    en = "Zelenskyy told reporters he hoped to speak to Trump on Friday."
    ar = "أخبر زيلنسكي المراسلين أنه يأمل في التحدث إلى ترامب يوم الجمعة."
    f = only(en, ar)
    assert (f.code, f.severity, f.suggestion) == ("NAM005", Severity.MINOR, "زيلينسكي")
    assert f.mt_span.of(ar) == "زيلنسكي"


def test_a_name_outside_the_gazetteer_is_found_by_its_transliteration():
    en = "Brett Kavanaugh was questioned by Senator Dianne Feinstein."
    ar = "استجوبت السيناتور ديان فاينشتاين بريت كافانو."
    assert findings(en, ar) == []


def test_a_name_outside_the_gazetteer_replaced_by_an_ordinary_word_is_flagged():
    en = "Coach Jeremy Kellner praised the defence."
    ar = "أشاد المدرب جريمة كيلنر بالدفاع."
    f = only(en, ar)
    assert f.code == "NAM001" and f.mt_span.of(ar) == "جريمة" and f.suggestion == "جيريمي"


def test_clitics_the_article_and_diacritics_do_not_hide_a_name():
    en = "Talks between Kyiv and Moscow and the United States resumed."
    ar = "استُؤنفت المحادثاتُ بين كييفَ وموسكو وللولايات المتحدة."
    assert findings(en, ar) == []


def test_possessives_and_hyphenated_pairs_are_names_of_their_own():
    en = "Putin's offer to mediate in the Israel-Iran war was rejected."
    ar = "رُفض عرض بوتين للتوسط في الحرب بين إسرائيل وإيران."
    assert findings(en, ar) == []
    dropped = findings(en, "رُفض عرض بوتين للتوسط في الحرب مع إيران.")
    assert [(f.code, f.src_span.of(en)) for f in dropped] == [("NAM003", "Israel")]


def test_sentence_initial_ordinary_words_and_titles_are_not_names():
    en = "Will the President meet the Senate Judiciary Committee on Monday?"
    ar = "هل سيلتقي الرئيس بلجنة القضاء في مجلس الشيوخ يوم الاثنين؟"
    assert findings(en, ar) == []


def test_a_title_case_headline_is_not_a_list_of_names():
    en = "Killer Pig Mauls Farmer to Death in Guizhou Market"
    ar = "خنزير قاتل يهاجم مزارعا حتى الموت في سوق بقويتشو"
    assert [f for f in findings(en, ar) if f.severity.rank >= Severity.MAJOR.rank] == []


def test_same_name_spelt_two_ways_in_one_document_is_a_minor_inconsistency():
    spec = CHECKS["NAM006"]
    pairs = [
        AlignedPair("1", "Judge Kavanaugh denied the allegations.", "نفى القاضي كافانو الادعاءات."),
        AlignedPair("2", "On Thursday Kavanaugh spoke again.", "يوم الخميس تحدث كافانو مجددا."),
        AlignedPair("3", "The Senate confirmed Kavanaugh.", "أكد مجلس الشيوخ تعيين كافاناه."),
    ]
    flagged = list(spec.fn(pairs, CheckContext()))
    assert [(i, f.severity, f.suggestion) for i, f in flagged] == [(2, Severity.MINOR, "كافانو")]
    assert flagged[0][1].mt_span.of(pairs[2].mt) == "كافاناه"


@pytest.mark.parametrize(
    "english,arabic",
    [
        ("The European Union imposed new sanctions on Iran.", "فرض الاتحاد الأوروبي عقوبات جديدة على إيران."),
        ("Nato leaders met in Brussels.", "اجتمع قادة حلف شمال الأطلسي في بروكسل."),
        ("The IMF approved the loan to Egypt.", "وافق صندوق النقد الدولي على القرض لمصر."),
        ("Joe Biden spoke to Emmanuel Macron.", "تحدث جو بايدن إلى إيمانويل ماكرون."),
    ],
)
def test_correct_renderings_of_known_names_draw_no_finding(english, arabic):
    assert findings(english, arabic) == []


# -- human spellings and renderings that are not errors (NTREX false alarms, issue 4 follow-up) --


@pytest.mark.parametrize(
    "english,arabic",
    [
        # long vowels chosen otherwise, Spanish j as خ, a name that is also a word with a vowel added
        ("Justin Trudeau met the delegation.", "التقى جاستن ترودو الوفد."),
        ("Sergio Ramos scored twice.", "سجل سيرخيو راموس هدفين."),
        ("Sean Dwyer scored twice.", "سجل شون دواير هدفين."),
        # a title transliterated with its article
        ("The senator told The Hill on Monday.", "قال السيناتور لصحيفة ذا هل يوم الاثنين."),
        # a multiword name with its space moved or its vowels chosen otherwise
        ("Sailors patrol the naval headquarters in La Paz.", "يجري البحارة دوريات في مقر البحرية في لاباز."),
        ("The rally drew crowds from West Virginia.", "اجتذب التجمع حشودا من فيرجينا الغربية."),
        # the generic head of a name translated
        ("Hurricane Rosa is weakening over the cooler waters.", "يضعف إعصار روزا فوق المياه الباردة."),
    ],
)
def test_usual_human_renderings_of_names_draw_no_serious_finding(english, arabic):
    assert [f.message for f in findings(english, arabic) if f.severity.rank >= Severity.MAJOR.rank] == []


def test_a_glued_multiword_name_is_found_and_spans_only_its_words():
    en = "He praised U.S. President Donald Trump."
    ar = "أثنى على رئيسالولايات المتحدة دونالد ترامب."
    assert findings(en, ar) == []
    from qa.names.analysis import analyse

    us = next(r for r in analyse(en, ar) if r.name.text == "U.S.")
    assert us.mt_span.of(ar) == "رئيسالولايات المتحدة"


def test_a_vowel_dropped_into_an_ordinary_word_is_still_a_misreading():
    f = only("Officials in Kent said the roads were closed.", "قال مسؤولون في كنت إن الطرق مغلقة.")
    assert (f.code, f.severity, f.suggestion) == ("NAM001", Severity.CRITICAL, "كينت")


def test_a_wrong_consonant_in_a_known_surname_stays_a_distortion():
    f = only("Quinton Tellis denied the charge.", "نفى كوينتين بيليس التهمة.")
    assert (f.code, f.severity) == ("NAM004", Severity.MAJOR)
    assert f.mt_span.of("نفى كوينتين بيليس التهمة.") == "بيليس"


def test_a_translated_generic_head_beside_the_name_is_only_a_minor_note():
    f = only("The game at Wesbanco Arena starts tonight.", "تبدأ المباراة في ساحة ويسبانكو الليلة.")
    assert (f.code, f.severity) == ("NAM003", Severity.MINOR)
    assert "may be missing" in f.message


def test_a_country_inside_an_unknown_compound_rendered_by_its_adjective_is_found():
    # Météo-France, the French weather service: "هيئة الأرصاد الجوية الفرنسية" names France by its adjective
    results = analyse(
        "Météo-France had issued a red alert for the department on Monday evening.",
        "وكانت هيئة الأرصاد الجوية الفرنسية قد أصدرت مساء الاثنين إنذارًا أحمر للمقاطعة.",
    )
    assert {r.name.text: r.status for r in results}["France"] == "found"
