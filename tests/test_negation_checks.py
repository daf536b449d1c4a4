"""The negation checks with the real encoder and the shipped decision model: realistic inversions
are flagged, correct negations (restructured ones included) pass, the seed article's error is
caught. The examples are written for these tests (none is copied from NTREX)."""

from __future__ import annotations

import json

import pytest

from qa.checks.registry import all_checks
from qa.model import AlignedPair, Category, Severity

CHECKS = {spec.name: spec for spec in all_checks() if spec.category is Category.NEGATION}
SERIOUS = (Severity.CRITICAL, Severity.MAJOR)


def findings(context, english: str, arabic: str):
    pair = AlignedPair("t", english, arabic)
    return [f for spec in CHECKS.values() for f in spec.run(pair, context)]


def worst(found) -> Severity | None:
    return max((f.severity for f in found), key=lambda s: s.rank, default=None)


@pytest.fixture(scope="module")
def seed(shared_data):
    d = shared_data / "seed"
    en = (d / "article.en.txt").read_text(encoding="utf-8").splitlines()
    ar = (d / "article.ar.mt.txt").read_text(encoding="utf-8").splitlines()
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    return en, ar, gold


def test_seed_no_progress_rendered_any_progress_is_a_critical_dropped_negation(context, seed):
    en, ar, _ = seed
    (finding,) = findings(context, en[4], ar[4])
    assert (finding.code, finding.severity) == ("NEG001", Severity.CRITICAL)
    assert finding.src_span.of(en[4]) == "no progress"
    assert finding.mt_span.of(ar[4]) == "أي تقدم"
    assert finding.suggestion == "negation of أحرز is missing: لم يحرز"


def test_seed_lines_with_correct_negations_draw_no_critical_negation_finding(context, seed):
    en, ar, gold = seed
    for line in gold["clean_lines"]:
        assert worst(findings(context, en[line], ar[line])) is not Severity.CRITICAL, line


@pytest.mark.parametrize(
    "english,arabic",
    [
        ("The ministry did not confirm the report on Sunday.", "أكدت الوزارة التقرير يوم الأحد."),
        ("Police said nobody was injured in the explosion.", "قالت الشرطة إن شخصا أصيب في الانفجار."),
        ("The opposition leader is no longer a member of parliament.", "زعيم المعارضة عضو في البرلمان."),
        ("The ministry has not yet decided.", "قررت الوزارة بعد."),
        ("He said he was not happy with the deal.", "قال إنه سعيد بالصفقة."),
        ("The government will not raise taxes this year.", "سترفع الحكومة الضرائب هذا العام."),
        ("The former minister pleaded not guilty to fraud.", "أقر الوزير السابق بأنه مذنب بتهمة الاحتيال."),
    ],
)
def test_english_negation_missing_in_the_arabic_is_flagged(context, english, arabic):
    found = [f for f in findings(context, english, arabic) if f.code == "NEG001"]
    assert found and found[0].severity in SERIOUS


def test_an_unlicensed_abadan_with_the_english_never_is_critical_whatever_the_encoder_says(context):
    # the encoder reads أبدا as a negation itself, so the repair does not bring the sides closer
    (finding,) = findings(context, "The company will never sell its stake, the chairman said.",
                          "قال رئيس مجلس الإدارة إن الشركة ستبيع أبدا حصتها.")
    assert (finding.code, finding.severity) == ("NEG001", Severity.CRITICAL)


@pytest.mark.parametrize(
    "english,arabic",
    [
        ("The central bank will raise interest rates next month.", "لن يرفع البنك المركزي أسعار الفائدة الشهر المقبل."),
        ("The minister attended the meeting in Brussels.", "لم يحضر الوزير الاجتماع في بروكسل."),
        ("The mayor said the road would reopen on Monday.", "قال رئيس البلدية إن الطريق لن يعاد فتحه يوم الاثنين."),
    ],
)
def test_arabic_negation_absent_from_the_english_is_flagged(context, english, arabic):
    found = [f for f in findings(context, english, arabic) if f.code == "NEG002"]
    assert found and found[0].severity in SERIOUS and found[0].mt_span.of(arabic).startswith(("لن", "لم"))


@pytest.mark.parametrize(
    "english,arabic,word",
    [
        ("Parliament rejected the budget on Tuesday.", "وافق البرلمان على الميزانية يوم الثلاثاء.", "وافق"),
        ("Oil prices rose sharply on Monday.", "انخفضت أسعار النفط بشكل حاد يوم الاثنين.", "انخفضت"),
        ("Oil prices will rise next year, the agency said.", "قالت الوكالة إن أسعار النفط ستنخفض العام المقبل.", "ستنخفض"),
        ("The court refused to hear the appeal.", "قبلت المحكمة النظر في الاستئناف.", "قبلت"),
        ("Sales fell 4.8 per cent in July.", "ارتفعت المبيعات بنسبة 4.8 في المائة في يوليو.", "ارتفعت"),
    ],
)
def test_antonym_in_the_arabic_is_flagged_with_the_form_the_english_needs(context, english, arabic, word):
    (finding,) = [f for f in findings(context, english, arabic) if f.code == "NEG003"]
    assert finding.mt_span.of(arabic) == word and finding.severity in SERIOUS


def test_the_antonym_suggestion_names_the_form_in_the_arabic_words_tense(context):
    (finding,) = findings(context, "Oil prices will rise next year.", "ستنخفض أسعار النفط العام المقبل.")
    assert finding.suggestion == 'use سترتفع (the sense of "rise")'


@pytest.mark.parametrize(
    "english,arabic",
    [
        ("The ministry did not confirm the report on Sunday.", "لم تؤكد الوزارة التقرير يوم الأحد."),
        ("The opposition leader is no longer a member of parliament.", "لم يعد زعيم المعارضة عضوا في البرلمان."),
        ("Only two days are left before the vote.", "لم يبق إلا يومان قبل التصويت."),
        ("The talks ended without an agreement.", "انتهت المحادثات دون التوصل إلى اتفاق."),
        ("The spokesman refused to comment.", "رفض المتحدث التعليق."),
        ("The rebels are still holding the town.", "لا يزال المتمردون يسيطرون على البلدة."),
        ("The government did not win the vote.", "خسرت الحكومة التصويت."),
        ("The ceasefire is unconditional.", "وقف إطلاق النار غير مشروط."),
        ("Not only did prices rise, wages rose too.", "لم ترتفع الأسعار فحسب، بل ارتفعت الأجور أيضا."),
        ("He said the decision was illegal.", "قال إن القرار غير قانوني."),
        ("Especially in the north, the rains were heavy.", "كانت الأمطار غزيرة، لا سيما في الشمال."),
        # restructured negations human translators write
        ("The date of the vote has yet to be set.", "لم يتم تحديد موعد التصويت حتى الآن."),
        ("The dispute is far from over, the lawyers said.", "قال المحامون إن النزاع لم ينته بعد."),
        ("They are the only unbeaten team in the league.", "إنهم الفريق الوحيد الذي لم يهزم في الدوري."),
        ("Many voters said they were unable to reach the polling stations.",
         "قال كثير من الناخبين إنهم لم يتمكنوا من الوصول إلى مراكز الاقتراع."),
        ("The former minister pleaded not guilty to fraud.", "دفع الوزير السابق ببراءته من تهمة الاحتيال."),
        ("At least 20 people were injured in the blast.", "أصيب ما لا يقل عن 20 شخصا في الانفجار."),
        ("It is still not clear whether he will run.", "لا يزال من غير الواضح ما إذا كان سيترشح."),
        ("Prices did not rise last month.", "لم ترتفع الأسعار الشهر الماضي."),
        # words that look like cues or antonyms and are none
        ("The club is No. 1 in the league table.", "النادي في المركز الأول في جدول الدوري."),
        ("The opera opened at La Scala in Milan.", "افتتحت الأوبرا في مسرح لا سكالا في ميلانو."),
        ("The authorities want to reunite the displaced families.", "تريد السلطات لم شمل الأسر النازحة."),
        ("Younger voters stayed at home.", "بقي الناخبون الأصغر سنا في منازلهم."),
        ('"It will take more than a week and less than a month," the minister said.',
         'قال الوزير "سيستغرق الأمر أكثر من أسبوع وأقل من شهر".'),
        # a negation run together with its neighbour when a space is missing
        ("She said nobody had told her about the decision.", "قالتإنه لميخبرها أحد بالقرار."),
    ],
)
def test_correct_and_restructured_negations_pass(context, english, arabic):
    assert [f for f in findings(context, english, arabic) if f.severity in SERIOUS] == []
