"""Names checked on evidence: the other words of a known person's name, name words that are
English words, repeated mentions, and names a document spells elsewhere (issue 4 follow-up)."""

from __future__ import annotations

from qa.checks.registry import CheckContext, all_checks
from qa.model import AlignedPair, Severity

CHECKS = {spec.code: spec for spec in all_checks() if spec.code.startswith("NAM")}


def serious(english: str, arabic: str):
    ctx = CheckContext()
    out = []
    for _, spec in sorted(CHECKS.items()):
        if spec.scope == "pair":
            out += [f for f in spec.run(AlignedPair("1", english, arabic), ctx) if f.severity.rank >= Severity.MAJOR.rank]
    return out


def one(english: str, arabic: str):
    found = serious(english, arabic)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def test_a_first_name_read_as_an_ordinary_word_beside_the_surname_is_critical():
    en = "Prime Minister Theresa May accused critics of playing politics."
    ar = "اتهمت رئيسة الوزراء تقريبا ماي المنتقدين بممارسة السياسة."
    f = one(en, ar)
    assert (f.code, f.severity) == ("NAM001", Severity.CRITICAL)
    assert f.src_span.of(en) == "Theresa" and f.mt_span.of(ar) == "تقريبا"
    assert f.suggestion == "تيريزا"


def test_another_first_name_beside_a_known_surname_is_a_swap():
    en = "The policy comes weeks after Boris Johnson called for lower tariffs."
    ar = "تأتي السياسة بعد أسابيع من دعوة روزا جونسون إلى خفض الرسوم."
    f = one(en, ar)
    assert f.code == "NAM002" and f.mt_span.of(ar) == "روزا"


def test_a_surname_name_word_translated_as_the_english_word_is_critical():
    en = "The rapper Kanye West changes his name to Ye."
    ar = "مغني الراب كاني غرب يغير اسمه إلى يي."
    f = one(en, ar)
    assert (f.code, f.severity) == ("NAM001", Severity.CRITICAL)
    assert f.src_span.of(en) == "West" and f.mt_span.of(ar) == "غرب"


def test_a_name_word_that_is_an_english_word_may_be_absent_without_a_finding():
    assert serious("The Sky Blues forward tapped the ball in.", "سدد مهاجم السماوي الكرة في الشباك.") == []
    assert serious("The rapper Kanye West changes his name to Ye.", "مغني الراب كاني ويست يغير اسمه إلى يي.") == []


def test_another_persons_name_in_place_of_a_team_name_is_a_swap():
    en = "He beat three defenders from Brighton before shooting."
    f = one(en, "راوغ ثلاثة مدافعين من ماكفيرسون قبل أن يسدد.")
    assert f.code == "NAM002" and f.src_span.of(en) == "Brighton"
    assert serious(en, "راوغ ثلاثة مدافعين من برايتون قبل أن يسدد.") == []


def test_a_surname_left_out_when_only_the_first_name_is_given_is_missing():
    en = "President Donald Trump won the county by 20 points."
    f = one(en, "فاز الرئيس دونالد بالمقاطعة بفارق 20 نقطة.")
    assert (f.code, f.severity) == ("NAM003", Severity.MAJOR) and f.src_span.of(en) == "Trump"
    assert serious(en, "فاز الرئيس ترامب بالمقاطعة بفارق 20 نقطة.") == []


def test_a_known_place_with_a_sound_alike_consonant_and_another_edit_is_distorted():
    en = "No cases were reported in Northwest Florida last week."
    f = one(en, "لم تسجل أي حالات في شمال غرب فلريضا الأسبوع الماضي.")
    assert (f.code, f.severity) == ("NAM004", Severity.MAJOR) and f.suggestion == "فلوريدا"
    # one sound-alike consonant alone is a recognisable variant: minor, not serious
    assert serious(en, "لم تسجل أي حالات في شمال غرب فلوريضا الأسبوع الماضي.") == []


def test_a_place_named_twice_and_rendered_once_is_missing_the_second_time():
    en = "The schools across Scotland are the pride of Scotland."
    f = one(en, "المدارس في جميع أنحاء أسكتلندا هي فخر البلاد.")
    assert f.code == "NAM003" and f.src_span.start == en.rindex("Scotland")
    assert serious(en, "المدارس في جميع أنحاء أسكتلندا هي فخر أسكتلندا.") == []


def test_a_repeated_name_distorted_in_its_second_mention_is_flagged():
    en = "Having crushed Woods in the fourballs, they beat a deflated Woods again."
    ar = "بعد أن سحقا وودز في الأربع كرات، تغلبا على ووذذ المهزوم مجددا."
    f = one(en, ar)
    assert f.code == "NAM004" and f.mt_span.of(ar) == "ووذذ"


def test_g_as_jim_or_ghain_is_a_usual_spelling_not_a_distortion():
    assert serious("Grace said the case was filed in June.", "قالت جرايس إن الدعوى رفعت في يونيو.") == []


def test_a_name_the_document_spells_elsewhere_and_drops_here_is_major():
    spec = CHECKS["NAM007"]
    pairs = [
        AlignedPair("1", "Aguero beat three defenders from Brighton.", "راوغ أجويرو ثلاثة مدافعين من برايتون."),
        AlignedPair("2", "He then scored against Brighton.", "ثم سجل هدفا."),
        AlignedPair("3", "Brighton did not react.", "لم يرد برايتون."),
    ]
    flagged = list(spec.fn(pairs, CheckContext()))
    assert [(i, f.severity, f.src_span.of(pairs[i].src)) for i, f in flagged] == [(1, Severity.MAJOR, "Brighton")]
    assert "برايتون" in flagged[0][1].suggestion
