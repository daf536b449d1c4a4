"""The negation checks with the real encoder: realistic inversions are flagged, correct
negations (including restructured ones) pass, and the seed article's error is caught."""

from __future__ import annotations

import json

import pytest

from qa.checks.registry import all_checks
from qa.model import AlignedPair, Category, Severity

CHECKS = {spec.name: spec for spec in all_checks() if spec.category is Category.NEGATION}


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
        ("The company said it will never sell its stake in the airline.", "قالت الشركة إنها ستبيع أبدا حصتها في شركة الطيران."),
        ("Police said nobody was injured in the explosion.", "قالت الشرطة إن شخصا أصيب في الانفجار."),
        ("The opposition leader is no longer a member of parliament.", "زعيم المعارضة عضو في البرلمان."),
    ],
)
def test_english_negation_missing_in_the_arabic_is_flagged(context, english, arabic):
    found = [f for f in findings(context, english, arabic) if f.code == "NEG001"]
    assert found and found[0].severity in (Severity.CRITICAL, Severity.MAJOR)


@pytest.mark.parametrize(
    "english,arabic",
    [
        ("The central bank will raise interest rates next month.", "لن يرفع البنك المركزي أسعار الفائدة الشهر المقبل."),
        ("The minister attended the meeting in Brussels.", "لم يحضر الوزير الاجتماع في بروكسل."),
    ],
)
def test_arabic_negation_absent_from_the_english_is_flagged(context, english, arabic):
    found = [f for f in findings(context, english, arabic) if f.code == "NEG002"]
    assert found and found[0].mt_span.of(arabic).startswith(("لن", "لم"))


@pytest.mark.parametrize(
    "english,arabic,word",
    [
        ("Parliament rejected the budget on Tuesday.", "وافق البرلمان على الميزانية يوم الثلاثاء.", "وافق"),
        ("Oil prices rose sharply on Monday.", "انخفضت أسعار النفط بشكل حاد يوم الاثنين.", "انخفضت"),
    ],
)
def test_antonym_in_the_arabic_is_flagged_with_the_form_the_english_needs(context, english, arabic, word):
    (finding,) = [f for f in findings(context, english, arabic) if f.code == "NEG003"]
    assert finding.mt_span.of(arabic) == word


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
    ],
)
def test_correct_and_restructured_negations_pass(context, english, arabic):
    assert findings(context, english, arabic) == []
