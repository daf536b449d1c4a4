"""Reading values out of English news text (qa.numbers.english)."""

from __future__ import annotations

import pytest
from num2words import num2words

from qa.numbers import HARD, IMPLIED, MONTH, NUM, VAGUE, WEEKDAY, WORD, extract_english


def mentions(text: str) -> list[tuple[str, float, int]]:
    """(surface, first value, strength) of every mention."""
    return [(q.span.of(text), q.value, q.strength) for q in extract_english(text)]


def readings(text: str) -> list[set[float]]:
    return [{v for _, v in q.readings} for q in extract_english(text)]


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("The deal is worth $1.5 billion.", "1.5 billion", 1.5e9),
        ("Losses reached 1,500 million euros.", "1,500 million", 1.5e9),
        ("He paid £1.2bn for the club.", "1.2bn", 1.2e9),
        ("Holly pulled out of a £11million deal.", "11million", 11e6),
        ("The firm raised $5m.", "5m", 5e6),
        ("Turnout was 45 per cent.", "45 per cent", 45),
        ("Turnout was 45%.", "45%", 45),
        ("It rose to 2.53 points.", "2.53", 2.53),
    ],
)
def test_digits_with_scales_suffixes_and_percent_signs_are_read_as_one_value(text, surface, value):
    assert (surface, value, HARD) in mentions(text)


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("Twelve people were hurt.", "Twelve", 12),
        ("About twenty-five protesters were held.", "twenty-five", 25),
        ("One hundred and fifty homes were lost.", "One hundred and fifty", 150),
        ("Two and a half million people voted.", "Two and a half million", 2.5e6),
        ("Half a million people marched.", "Half a million", 5e5),
        ("A hundred people came.", "A hundred", 100),
        ("It was the sixth call.", "sixth", 6),
        ("It was his twenty-first birthday.", "twenty-first", 21),
        ("It was his 21st birthday.", "21st", 21),
        ("Two-thirds of voters agreed.", "Two-thirds", 2 / 3),
    ],
)
def test_number_words_ordinals_and_fractions_are_read_as_values(text, surface, value):
    assert [(s, v) for s, v, _ in mentions(text)] == [(surface, pytest.approx(value))]


def test_every_number_num2words_spells_is_read_back():
    numbers = list(range(0, 1000)) + list(range(1000, 1_000_000, 997)) + list(range(10**6, 10**10, 98_765_431))
    for n in numbers:
        text = f"{num2words(n, lang='en')} people"
        found = extract_english(text)
        assert len(found) == 1 and float(n) in {v for _, v in found[0].readings}, text
    for n in range(1, 100):
        text = f"the {num2words(n, lang='en', to='ordinal')} time"
        assert [q.value for q in extract_english(text)] == [n], text


def test_one_as_a_pronoun_is_not_a_number_but_one_as_a_count_is_a_small_word():
    assert mentions("One of the men was arrested, and no one else.") == []
    assert mentions("Only one person survived.") == [("one", 1, WORD)]
    assert mentions("He signed a one-year deal.") == [("one", 1, WORD)]


def test_small_words_are_explicit_but_weak_and_implied_counts_are_weaker():
    assert mentions("Two people died.") == [("Two", 2, WORD)]
    assert mentions("Both leaders met twice.") == [("Both", 2, IMPLIED), ("twice", 2, IMPLIED)]
    assert mentions("A dozen eggs broke.") == [("A dozen", 12, IMPLIED)]
    assert mentions("It was his first trip.") == [("first", 1, WORD)]


def test_vague_quantities_keep_their_magnitude_only():
    (q,) = extract_english("Tens of thousands of people marched.")
    assert q.readings == ((VAGUE, 1e4),) and q.strength == IMPLIED
    (q,) = extract_english("Dozens of people were hurt.")
    assert q.readings == ((VAGUE, 10),)  # عشرات


def test_percentages_also_read_as_fractions():
    assert readings("Turnout must be 50 percent.") == [{50, 0.5}]


def test_times_have_their_twelve_and_twenty_four_hour_readings_and_minutes_apart():
    assert readings("The polls close at 3pm.") == [{3, 15}]
    assert readings("She was found at 7.55am.") == [{7}, {55, 55 / 60}]
    assert readings("The meeting starts at 15:00.") == [{15, 3}]


def test_decades_read_as_the_year_the_short_decade_and_the_century():
    assert readings("Prices rose in the 1990s.") == [{1990, 90, 20}]


def test_seasons_and_score_draws():
    assert readings("the 2018-19 season") == [{2018}, {2019, 19}]
    (first, second) = extract_english("a 2-2 draw with Villarreal")
    assert (first.strength, second.strength) == (HARD, IMPLIED)  # التعادل بهدفين names one two


@pytest.mark.parametrize(
    "text",
    ["Two F-16 jets flew over.", "The COVID-19 pandemic spread.", "The G20 summit opened.", "He bought an A380."],
)
def test_numbers_inside_names_are_codes_that_only_confirm(text):
    codes = [q for q in extract_english(text) if q.kind == "code"]
    assert len(codes) == 1 and codes[0].strength == IMPLIED


def test_a_year_after_a_lowercase_prefix_is_a_year_not_a_code():
    (q,) = extract_english("Elections are due by mid-2019.")
    assert (q.kind, q.value, q.strength) == ("year", 2019, HARD)


def test_months_weekdays_and_their_lookalikes():
    assert [q.readings for q in extract_english("They met on Thursday, Sept. 29, in early June.")] == [
        ((WEEKDAY, 4),), ((MONTH, 9),), ((NUM, 29.0),), ((MONTH, 6),)
    ]
    assert extract_english("Theresa May may resign.") == ()
    assert [q.readings for q in extract_english("Talks resume in May.")] == [((MONTH, 5),)]
    assert extract_english("She told The Sunday Times and Saturday Night Live.") == ()
    assert [q.readings for q in extract_english("He was diving on Saturday morning.")] == [((WEEKDAY, 6),)]


def test_dates_written_with_slashes_can_be_read_either_way_round():
    assert readings("the 9/11 attacks") == [{9}, {11}]
    assert [q.families for q in extract_english("the 9/11 attacks")][0] == {NUM, MONTH}
    (q,) = extract_english("open 24/7")
    assert q.strength == IMPLIED


def test_imperial_units_are_remembered_for_conversions():
    (q,) = extract_english("The storm moved 10 miles inland.")
    assert (q.value, q.unit) == (10, "miles")
    (q,) = extract_english("The 6-foot-6 forward scored.")
    assert {v for _, v in q.readings} >= {6.5, 6.6}


def test_spans_are_offsets_into_the_original_text():
    text = "In 2019, Apple earned $260 billion."
    assert [q.span.of(text) for q in extract_english(text)] == ["2019", "260 billion"]
