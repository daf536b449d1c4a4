"""The machinery of the names checks: extraction, gazetteer, Arabic matching, spelling, the model."""

from __future__ import annotations

from qa.arabic import fold
from qa.names import translit
from qa.names.arabic_side import prepare
from qa.names.english import extract
from qa.names.gazetteer import gazetteer
from qa.names.spelling import compare, is_near, is_variant


def names(text):
    return [(n.text, n.entry.entity if n.entry else None) for n in extract(text, gazetteer())]


def test_extraction_keeps_multiword_names_acronyms_possessives_and_hyphenated_pairs():
    text = "President Joe Biden told the UN that Putin's plan for the Israel-Iran war and European Union aid."
    assert names(text) == [
        ("Joe Biden", "BIDEN"),
        ("UN", "UN"),
        ("Putin", "PUTIN"),
        ("Israel", "IL"),
        ("Iran", "IR"),
        ("European Union", "EU"),
    ]


def test_acronyms_match_only_in_capitals():
    assert gazetteer().lookup("US").entity == "US"
    assert gazetteer().lookup("U.S.").entity == "US"
    assert gazetteer().lookup("Us") is None
    assert gazetteer().lookup("Who") is None and gazetteer().lookup("WHO").entity == "WHO"


def test_a_place_next_to_a_person_like_word_is_a_persons_name():
    assert names("Three-times winner Jordan Spieth set the benchmark.") == [("Jordan", None), ("Spieth", None)]


def test_cldr_and_curated_sources_are_both_in_the_gazetteer():
    gaz = gazetteer()
    assert gaz.lookup("Kyiv").forms[0] == "كييف"  # curated, merged with the CLDR exemplar city
    assert gaz.lookup("Burma").entity == "MM"  # CLDR "Myanmar (Burma)"
    assert "تركيا" in gaz.lookup("Turkey").forms  # CLDR calls it Türkiye
    assert gaz.lookup("Ukrainian").kind == "demonym"


def test_arabic_words_carry_clitic_and_nisba_readings_and_original_spans():
    side = prepare("وللولايات المتحدة والأوكرانيون")
    assert "ولايات" in side.stems[0] and "اوكراني" in side.stems[2]
    mentions = {m.entity for m in side.gazetteer_mentions(gazetteer())}
    assert {"US", "UA"} <= mentions
    us = next(m for m in side.gazetteer_mentions(gazetteer()) if m.entity == "US")
    assert us.span.of(side.text) == "وللولايات المتحدة"


def test_first_person_plural_suffix_is_told_from_accusative_nouns():
    side = prepare("لا تريدنا مشاركتنا وليس ممكنا قانونا هنا")
    assert [side.words[i].folded for i in side.we_pronouns()] == ["تريدنا", "مشاركتنا"]


def test_vowel_letters_and_same_sound_consonants_are_soft_edits():
    assert compare(fold("زيلنسكي"), fold("زيلينسكي")) == (1, 0)
    assert is_variant(fold("زيلنسكي"), fold("زيلينسكي"))
    assert not is_variant(fold("زيلسنكي"), fold("زيلينسكي"))
    assert is_near(fold("زيلسنكي"), fold("زيلينسكي"))
    assert not is_near(fold("لندن"), fold("لبنان"))


def test_the_model_scores_the_usual_spelling_above_a_distortion_and_an_unrelated_name():
    model = translit.model()
    usual = model.excess("putin", fold("بوتين"))
    assert usual < 1.0
    assert model.excess("putin", fold("بويتن")) > usual + 5
    assert model.excess("smith", fold("موسكو")) > 20
    assert model.best_spelling("putin") == fold("بوتين")
    assert fold("بوتين") in [s for s, _ in model.spellings("putin", 3)]


def test_usual_variants_keep_the_consonants_and_drop_at_most_one_long_vowel():
    from qa.names.spelling import usual_variant

    assert usual_variant("جاستن", "جوستين")  # one long vowel fewer, another chosen
    assert usual_variant("سيرخيو", "سيرجيو")  # Spanish j
    assert usual_variant("يوهانس", "جوهانس")  # German j
    assert not usual_variant("جستن", "جوستين")  # two long vowels dropped
    assert not usual_variant("بيليس", "تيليس")  # another consonant
    assert not usual_variant("كنت", "كينت", dropped=0)  # strict form used for ordinary words
