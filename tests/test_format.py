"""Format checks (FMT001-FMT007): punctuation pairs, machine tokens, characters foreign to MSA."""

from __future__ import annotations

import pytest

from qa.checks.format import (
    brackets_unbalanced,
    machine_tokens,
    persian_letters,
    presentation_forms,
    quotes_unbalanced,
    stray_bidi_control,
    tatweel_padding,
    token_not_carried_over,
)
from qa.checks.registry import CheckContext
from qa.model import AlignedPair, Severity

CTX = CheckContext()


def run(fn, src: str, mt: str):
    return list(fn(AlignedPair("1", src, mt), CTX))


SRC_QUOTE = '"Russia will not back down," the Kremlin aide told reporters.'


@pytest.mark.parametrize(
    "mt",
    [
        '"لن تتراجع روسيا"، قال مساعد الكرملين للصحفيين.',
        "“لن تتراجع روسيا” ، قال مساعد الكرملين للصحفيين.",
        "«لن تتراجع روسيا»، قال مساعد الكرملين للصحفيين.",
        "”لن تتراجع روسيا\"، قال مساعد الكرملين للصحفيين.",  # NTREX translators mix ” and "
    ],
)
def test_any_arabic_quotation_style_balances_english_quotes(mt):
    assert run(quotes_unbalanced, SRC_QUOTE, mt) == []


def test_a_quotation_left_open_is_a_minor_format_finding_at_the_stray_mark():
    mt = "“لن تتراجع روسيا، قال مساعد الكرملين للصحفيين."
    (flag,) = run(quotes_unbalanced, SRC_QUOTE, mt)
    assert flag.severity is Severity.MINOR
    assert flag.mt_span.of(mt) == "“"


def test_guillemets_must_pair_even_when_the_count_is_even():
    assert run(quotes_unbalanced, SRC_QUOTE, "«لن تتراجع روسيا« قال مساعد الكرملين.")


def test_a_quotation_that_spans_segments_is_not_judged():
    # The source closes a quotation opened in the previous sentence: its own quotes are odd.
    assert run(quotes_unbalanced, 'So are we," she added.', "وكذلك نحن\".") == []


def test_a_bracket_left_open_is_flagged_and_a_dropped_pair_is_not():
    src = "Member of the Welsh Parliament (MWP) was the favourite."
    (flag,) = run(brackets_unbalanced, src, "كان عضو برلمان ويلز (MWP هو المفضل.")
    assert flag.mt_span.of("كان عضو برلمان ويلز (MWP هو المفضل.") == "("
    assert run(brackets_unbalanced, src, "كان عضو برلمان ويلز هو المفضل.") == []
    assert run(brackets_unbalanced, src, "كان عضو برلمان ويلز (MWP) هو المفضل.") == []


def test_machine_tokens_are_found_with_trailing_punctuation_left_out():
    text = "Email jo@samaritans.org, see weather.com. or https://www.bbc.co.uk/news/world), DM @MerPolCC #MeToo #1"
    found = [(kind, span.of(text)) for kind, span in machine_tokens(text)]
    assert found == [
        ("e-mail address", "jo@samaritans.org"),
        ("URL", "weather.com"),
        ("URL", "https://www.bbc.co.uk/news/world"),
        ("handle", "@MerPolCC"),
        ("hashtag", "#MeToo"),
    ]


def test_a_translated_hashtag_and_an_altered_address_are_flagged_with_the_source_token():
    src = "Call 101, DM @MerPolCC or email jo@samaritans.org in the #MeToo era."
    mt = "اتصل على 101 أو راسل @MerPolCC أو البريد jo@samaritans.com في عصر هاشتاج أنا أيضًا."
    flags = run(token_not_carried_over, src, mt)
    assert {f.suggestion for f in flags} == {"jo@samaritans.org", "#MeToo"}
    assert all(f.severity is Severity.MINOR and f.src_span.of(src) == f.suggestion for f in flags)


def test_a_token_carried_over_in_any_letter_case_passes():
    assert run(token_not_carried_over, "Visit LiverpoolFC.com now.", "تفضلوا بزيارة liverpoolfc.com الآن.") == []


def test_presentation_forms_are_flagged_with_the_plain_letters_as_suggestion():
    mt = "بدأت \ufee3\ufea4\ufe8e\ufea9\ufe9b\ufe8e\ufe95 السلام"
    (flag,) = run(presentation_forms, "Peace talks began", mt)
    assert flag.suggestion == "محادثات"
    assert flag.mt_span.of(mt) == "\ufee3\ufea4\ufe8e\ufea9\ufe9b\ufe8e\ufe95"


@pytest.mark.parametrize(
    "mt",
    [
        "أفادت \u2067BBC\u2069 بذلك.",  # an isolate, closed
        "أفادت BBC\u200f بذلك.",  # RLM after Latin text
        "في الساعة 10:30\u200e صباحًا.",  # LRM after digits
    ],
)
def test_paired_isolates_and_direction_marks_pass(mt):
    assert run(stray_bidi_control, "-", mt) == []


@pytest.mark.parametrize(
    "mt",
    [
        "تستأنف المحادثات \u202eيوم الاثنين.",  # right-to-left override
        "أفادت \u2067BBC بذلك.",  # isolate never closed
        "أفادت BBC\u202c بذلك.",  # a terminator with nothing to close
    ],
)
def test_overrides_and_unpaired_controls_are_flagged(mt):
    (flag,) = run(stray_bidi_control, "-", mt)
    assert flag.severity is Severity.MINOR


def test_persian_keyboard_letters_are_flagged_with_the_arabic_letter():
    (flag,) = run(persian_letters, "Putin met Kirill.", "التقى بوتين البطريرک كيريل.")
    assert flag.suggestion == "ك"
    (flag,) = run(persian_letters, "Putin spoke.", "تحدث پوتین.")
    assert "پ" in flag.message and "ی" in flag.message


def test_veh_for_v_is_arabic_usage_and_passes():
    assert run(persian_letters, "Vienna and Volvo", "ڤيينا وڤولڤو") == []


@pytest.mark.parametrize("mt", ["في عام 1445 هـ", "قال إن لـ“البحث عن حل” أولوية", "لـ 2022"])
def test_a_tatweel_closing_an_abbreviation_or_a_prefix_passes(mt):
    assert run(tatweel_padding, "-", mt) == []


@pytest.mark.parametrize("mt", ["الســلام عليكم", "السلامـ عليكم ـــ"])
def test_tatweel_stretching_a_word_is_padding(mt):
    (flag,) = run(tatweel_padding, "Peace be upon you", mt)
    assert "\u0640" in flag.mt_span.of(mt)


def test_english_single_quotation_marks_leave_the_arabic_count_unjudged():
    # Arabic renders 'single' quotation marks as double ones: the counts cannot be compared.
    src = "Trump says Kavanaugh 'suffered, the meanness, the anger' of the Democratic Party"
    assert run(quotes_unbalanced, src, 'قال ترامب إن كافانو "قد عانى من حقد الحزب') == []
    assert run(quotes_unbalanced, "I got bit!'", 'لقد تم عضي!"') == []
    # An apostrophe is not a quotation mark.
    assert run(quotes_unbalanced, "O'Hagan said it's over.", 'قال أوهاغان "إنه انتهى.')
