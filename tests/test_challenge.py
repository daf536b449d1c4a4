"""The challenge generator: deterministic, every challenge a real change, spans that cover it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package: bare `pytest` needs the root
    sys.path.insert(0, str(ROOT))

from benchmarks.challenge import CATEGORY, ERROR_TYPES, generate  # noqa: E402
from benchmarks.inject_common import delete  # noqa: E402
from benchmarks.inject_numbers import number_changed  # noqa: E402
from benchmarks.inject_polarity import antonym_swap, negation_added, negation_dropped  # noqa: E402
from qa.model import Category  # noqa: E402

SLICE = 400  # enough NTREX pairs for every type to occur


@pytest.fixture(scope="module")
def pairs(ntrex):
    return [(en, ar) for en, ar, _ in ntrex[:SLICE]]


@pytest.fixture(scope="module")
def challenges(pairs):
    return generate(pairs, seed=13)


def test_the_same_seed_gives_the_same_challenges(pairs, challenges):
    assert generate(pairs, seed=13) == challenges


def test_another_seed_draws_other_sites_but_the_same_pairs_qualify(pairs, challenges):
    other = generate(pairs, seed=14)
    assert other != challenges
    by_type = lambda cs: {(c.type, c.pair_index) for c in cs}  # noqa: E731
    assert by_type(other) & by_type(challenges)


def test_a_pairs_challenge_does_not_depend_on_the_other_pairs(pairs, challenges):
    alone = generate(pairs[:50], seed=13, types=("number_changed", "negation_dropped"))
    full = {(c.type, c.pair_index): c for c in challenges}
    for c in alone:
        assert full[(c.type, c.pair_index)] == c


def test_every_type_occurs_and_maps_to_a_category(challenges):
    assert {c.type for c in challenges} == set(ERROR_TYPES)
    for c in challenges:
        assert Category(c.category) and c.category == CATEGORY[c.type]


def test_every_challenge_differs_from_its_clean_translation(challenges):
    for c in challenges:
        assert c.mt != c.mt_clean, c


def test_the_mt_span_is_in_bounds_and_the_text_outside_it_is_unchanged(challenges):
    for c in challenges:
        start, end = c.mt_span
        assert 0 <= start <= end <= len(c.mt), c
        # Everything before the span is the clean text's prefix, everything after its suffix.
        assert c.mt_clean.startswith(c.mt[:start]), c
        assert c.mt_clean.endswith(c.mt[end:]), c
        if end > start:
            assert c.mt[start:end].strip(), c


def test_the_src_span_is_in_bounds_and_not_blank(challenges):
    for c in challenges:
        if c.src_span is None:
            assert c.type == "negation_added"
            continue
        start, end = c.src_span
        assert 0 <= start < end <= len(c.src) and c.src[start:end].strip(), c


def test_per_type_caps_each_type_with_a_seeded_draw(pairs):
    capped = generate(pairs, seed=13, per_type=5)
    for etype in ERROR_TYPES:
        assert len([c for c in capped if c.type == etype]) <= 5
    assert capped == generate(pairs, seed=13, per_type=5)


def _rng():
    import random

    return random.Random(0)


def test_a_dropped_future_negation_becomes_the_future():
    edit = negation_dropped("He will not accept the offer.", "لن يقبل العرض.", _rng(), None)
    assert edit.mt == "سيقبل العرض." and edit.mt[slice(*edit.mt_span)] == "سيقبل"


def test_a_dropped_past_negation_of_kana_becomes_the_perfect():
    edit = negation_dropped("There was no time.", "لم يكن هناك وقت.", _rng(), None)
    assert edit.mt == "كان هناك وقت."


def test_no_negation_is_dropped_when_the_english_is_not_negated():
    assert negation_dropped("He still works there.", "لا يزال يعمل هناك.", _rng(), None) is None
    assert negation_dropped("He accepted.", "لن يقبل العرض.", _rng(), None) is None


def test_an_added_negation_takes_the_jussive_after_lam():
    edit = negation_added("The company announced the results.", "أعلنت الشركة النتائج.", _rng(), type("R", (), {"arabic_vocabulary": frozenset()})())
    assert edit.mt == "لم تعلن الشركة النتائج."


def test_an_antonym_swap_keeps_the_proclitics_and_needs_the_english_verb():
    edit = antonym_swap("Prices rose sharply.", "وارتفعت الأسعار بشكل حاد.", _rng(), None)
    assert edit.mt == "وانخفضت الأسعار بشكل حاد."
    assert edit.mt[slice(*edit.mt_span)] == "وانخفضت"
    assert antonym_swap("Prices moved.", "وارتفعت الأسعار.", _rng(), None) is None


def test_a_changed_number_keeps_its_script_and_differs_from_the_english():
    edit = number_changed("He paid 250 dollars.", "دفع ٢٥٠ دولارًا.", _rng(), None)
    changed = edit.mt[slice(*edit.mt_span)]
    assert all("٠" <= ch <= "٩" for ch in changed) and changed != "٢٥٠"


def test_a_deleted_span_closes_the_gap_without_doubling_commas():
    text, span = delete("ذهب إلى لندن، باريس، وعاد.", 14, 19)
    assert text == "ذهب إلى لندن، وعاد." and span == (13, 13)
