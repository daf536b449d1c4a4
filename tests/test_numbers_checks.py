"""The number and date checks (NUM001-NUM006) on realistic sentences: what they flag, at which
severity, with which spans and suggestion, and the equivalent renderings they must let pass."""

from __future__ import annotations

import pytest

from qa.checks.registry import CheckContext, select_checks
from qa.model import AlignedPair, Severity

NUMBER_CHECKS = select_checks(["NUM"])


def findings(english: str, arabic: str):
    ctx = CheckContext()
    pair = AlignedPair("t", english, arabic)
    return [f for spec in NUMBER_CHECKS for f in spec.run(pair, ctx)]


def serious(english: str, arabic: str):
    return [f for f in findings(english, arabic) if f.severity.rank >= Severity.MAJOR.rank]


# -- equivalent renderings a human translator uses: none may draw a finding ------------------
EQUIVALENT = [
    # the seed article
    ("Putin offered to mediate in the 12-day Israel-Iran war.", "عرض بوتين التوسط في حرب إيران وإسرائيل التي استمرت 12 يومًا."),
    ("The phone call, the sixth since Trump began his second term in January, came a day later.",
     "جاءت المكالمة الهاتفية، السادسة منذ أن بدأ ترامب ولايته الثانية في يناير، بعد يوم."),
    ("Putin spoke during his hour-long phone call with Trump on Thursday.", "تحدث بوتين خلال مكالمته الهاتفية لمدة ساعة مع ترامب يوم الخميس."),
    ("The US bombed three Iranian nuclear sites.", "قصفت الولايات المتحدة ثلاثة من المواقع النووية الإيرانية."),
    ("They met in Istanbul in early June.", "التقوا في اسطنبول في أوائل يونيو."),
    ("Moscow wants to avoid a three-way format.", "تحاول موسكو تجنب تنسيق ثلاثي."),
    ("It launched a full-scale invasion in 2022.", "شنت غزوًا كاملًا في عام ٢٠٢٢."),
    # words and digits, both ways
    ("Twelve people were injured.", "أصيب اثنا عشر شخصًا."),
    ("Twelve people were injured.", "أصيب 12 شخصًا."),
    ("Police arrested 12 men.", "اعتقلت الشرطة اثني عشر رجلًا."),
    ("The talks lasted two days.", "استمرت المحادثات يومين."),
    ("The two leaders agreed to keep talking.", "وافق الزعيمان على مواصلة الحديث."),
    ("A dozen eggs were broken.", "كُسرت 12 بيضة."),
    ("Half of the voters stayed home.", "بقي نصف الناخبين في منازلهم."),
    ("A quarter of the budget went to defence.", "ذهب ربع الميزانية إلى الدفاع."),
    ("A hundred people attended.", "حضر مئة شخص."),
    ("A hundred people attended.", "حضر مائة شخص."),
    ("One of the suspects was released.", "أُطلق سراح أحد المشتبه بهم."),
    ("It was the first time in 20 years.", "كانت هذه أول مرة منذ 20 عامًا."),
    # scales and money
    ("The project costs $1.5 billion.", "يتكلف المشروع مليار ونصف دولار."),
    ("The project costs $1.5 billion.", "يتكلف المشروع 1.5 مليار دولار."),
    ("The project costs 1,500 million euros.", "يتكلف المشروع 1.5 مليار يورو."),
    ("The firm raised $5m.", "جمعت الشركة 5 ملايين دولار."),
    ("He paid £1.2bn for the club.", "دفع 1.2 مليار جنيه إسترليني مقابل النادي."),
    ("Two million people voted.", "صوت مليونا شخص."),
    ("Two million people voted.", "صوت مليونان من الناس."),
    ("The city has 1.2 million people.", "يسكن المدينة مليون و200 ألف نسمة."),
    ("Tens of thousands marched.", "تظاهر عشرات الآلاف."),
    ("Dozens of people were hurt.", "أصيب العشرات."),
    # percentages, years, decades, times, dates
    ("Turnout was 45%.", "بلغت نسبة المشاركة 45 في المئة."),
    ("Turnout was 45%.", "بلغت نسبة المشاركة ٤٥٪."),
    ("Turnout needs to be 50 percent plus one vote.", "يجب أن تكون المشاركة أكثر من النصف بصوت واحد."),
    ("It happened in the 1990s.", "حدث ذلك في التسعينيات."),
    ("It happened in the 1980s.", "حدث ذلك في ثمانينيات القرن العشرين."),
    ("Polls close at 3pm.", "تغلق مراكز الاقتراع في الساعة الثالثة عصرًا."),
    ("Polls close at 3pm.", "تغلق مراكز الاقتراع الساعة 15:00."),
    ("The service runs 24/7.", "تعمل الخدمة على مدار الساعة."),
    ("The law took effect in January.", "دخل القانون حيز التنفيذ في كانون الثاني."),
    ("Inflation hit 2.4% in September.", "بلغ التضخم 2.4 في المائة في أيلول/سبتمبر."),
    ("A quarter of a million people fled.", "فر ربع مليون شخص."),
    ("The flight took nine and a half hours.", "استغرقت الرحلة تسع ساعات ونصف."),
    ("More than 200 people attended.", "حضر أكثر من مئتي شخص."),
    ("The vote is on Sunday, Sept. 30.", "يجري التصويت يوم الأحد 30 سبتمبر."),
    ("Since the 9/11 attacks, security is tight.", "منذ هجمات 11 سبتمبر، الأمن مشدد."),
    ("The 2018-19 season was long.", "كان موسم 2018-2019 طويلًا."),
    ("He told The Sunday Times.", "قال لصحيفة صنداي تايمز."),
    ("Mrs May may resign.", "قد تستقيل السيدة ماي."),
    # typography and conversions
    ("More than 360,000 people have died.", "توفي أكثر من 360.000 شخص."),
    ("The storm moved 10 miles inland.", "تحركت العاصفة 16 كيلومترًا داخل البلاد."),
]


@pytest.mark.parametrize("english,arabic", EQUIVALENT)
def test_equivalent_renderings_draw_no_serious_finding(english, arabic):
    assert serious(english, arabic) == []


def test_a_converted_unit_is_reported_only_as_minor():
    (f,) = findings("The storm moved 10 miles inland.", "تحركت العاصفة 16 كيلومترًا داخل البلاد.")
    assert (f.code, f.severity) == ("NUM001", Severity.MINOR) and "miles" in f.message


def test_a_conversion_factor_is_not_an_excuse_without_the_metric_unit():
    (f,) = serious("Up to 2 inches of rain fell.", "هطل ما يصل إلى 5 بوصات من الأمطار.")
    assert (f.code, f.severity) == ("NUM001", Severity.CRITICAL)


# -- changed values: critical, both spans, the expected value ------------------------------
@pytest.mark.parametrize(
    "english,arabic,en_span,ar_span,suggestion",
    [
        ("The war lasted 12 days.", "استمرت الحرب 13 يومًا.", "12", "13", "12"),
        ("The war lasted 12 days.", "استمرت الحرب ١٣ يومًا.", "12", "١٣", "١٢"),
        ("The US bombed three sites.", "قصفت الولايات المتحدة خمسة مواقع.", "three", "خمسة", "ثلاثة"),
        ("It was the sixth call.", "كانت المكالمة السابعة.", "sixth", "السابعة", "السادسة"),
        ("The deal is worth $1.5 billion.", "تبلغ قيمة الصفقة 1.5 مليون دولار.", "1.5 billion", "1.5 مليون", "1.5 مليار"),
        ("Turnout was 45%.", "بلغت نسبة المشاركة 54%.", "45%", "54%", "45%"),
        ("The law was passed in 2019.", "أُقر القانون في عام 2018.", "2019", "2018", "2019"),
        ("Two people died.", "توفي ثلاثة أشخاص.", "Two", "ثلاثة", "اثنان"),
    ],
)
def test_a_changed_number_is_critical_with_both_spans_and_the_expected_value(english, arabic, en_span, ar_span, suggestion):
    (f,) = serious(english, arabic)
    assert (f.code, f.category.value, f.severity) == ("NUM001", "number", Severity.CRITICAL)
    assert f.src_span.of(english) == en_span and f.mt_span.of(arabic) == ar_span
    assert f.suggestion == suggestion


@pytest.mark.parametrize(
    "english,arabic,ar_span,suggestion",
    [
        ("He spoke to Trump on Thursday.", "تحدث إلى ترامب يوم الجمعة.", "الجمعة", "الخميس"),
        ("The law took effect in January.", "دخل القانون حيز التنفيذ في فبراير.", "فبراير", "يناير"),
        ("The law took effect in January.", "دخل القانون حيز التنفيذ في شباط.", "شباط", "كانون الثاني"),
    ],
)
def test_a_changed_month_or_weekday_is_a_critical_date_finding_in_the_translations_convention(english, arabic, ar_span, suggestion):
    (f,) = serious(english, arabic)
    assert (f.code, f.category.value, f.severity) == ("NUM004", "number", Severity.CRITICAL)
    assert f.mt_span.of(arabic) == ar_span and f.suggestion == suggestion


# -- missing and added: major ---------------------------------------------------------------
def test_a_number_missing_from_the_translation_is_major_with_the_english_span():
    english = "Police said 20 people were injured."
    (f,) = serious(english, "قالت الشرطة إن أشخاصًا أصيبوا.")
    assert (f.code, f.severity, f.src_span.of(english), f.mt_span, f.suggestion) == ("NUM002", Severity.MAJOR, "20", None, "20")


def test_a_number_added_by_the_translation_is_major_with_the_arabic_span():
    arabic = "استؤنفت المحادثات بعد 3 أيام."
    (f,) = serious("The talks resumed.", arabic)
    assert (f.code, f.severity, f.mt_span.of(arabic), f.src_span) == ("NUM003", Severity.MAJOR, "3", None)


def test_a_missing_or_added_weekday_is_a_major_date_finding():
    (f,) = serious("The vote is on Sunday.", "سيجري التصويت الأسبوع المقبل.")
    assert (f.code, f.severity) == ("NUM005", Severity.MAJOR)
    (f,) = serious("The vote was held.", "أجري التصويت يوم الأحد.")
    assert (f.code, f.severity) == ("NUM006", Severity.MAJOR)


def test_small_words_are_not_reported_missing_but_are_reported_when_replaced():
    assert serious("Only one person survived.", "نجا شخص.") == []
    (f,) = serious("Two people died.", "توفي سبعة أشخاص.")
    assert f.code == "NUM001"


def test_text_whose_spaces_were_lost_still_carries_its_values():
    assert serious("Pompeo spoke on Thursday.", "تحدثبومبيويومالخميسأمام المجلس.") == []


def test_phone_numbers_written_without_their_space_match():
    assert serious("Call Samaritans free on 116 123.", "اتصل بالسامريين مجانًا على الرقم 116123.") == []


def test_an_empty_side_is_left_to_the_alignment_checks():
    assert findings("He was born in 1950.", "") == []


# -- the acceptance figures, as regression guards --------------------------------------------
def test_human_translations_of_ntrex_draw_serious_number_findings_on_at_most_one_percent(ntrex):
    flagged = sum(bool(serious(en, ar)) for en, ar, _ in ntrex)
    assert flagged / len(ntrex) <= 0.01, flagged


def test_the_seed_articles_clean_lines_draw_no_critical_number_finding(shared_data, encoder):
    import json

    from qa.config import Config
    from qa.pipeline import check_documents

    seed = shared_data / "seed"
    clean = set(json.loads((seed / "gold.json").read_text(encoding="utf-8"))["clean_lines"])
    report = check_documents(seed / "article.en.txt", seed / "article.ar.mt.txt", config=Config(select=("NUM",)), encoder=encoder)
    critical = [
        (seg.pair.mt_lines, f.message)
        for seg in report.segments()
        for f in seg.findings
        if f.severity is Severity.CRITICAL and set(seg.pair.mt_lines) & clean
    ]
    assert critical == []
