"""GLO001: a glossary term of the source requires its Arabic term, matched through clitics and spelling."""

from __future__ import annotations

import pytest

from qa.checks.glossary import english_pattern, glossary_term_missing
from qa.checks.registry import CheckContext, all_checks
from qa.model import AlignedPair, Severity

GLOSSARY = (
    ("NATO", "الناتو", "house style"),
    ("United Nations", "الأمم المتحدة", ""),
    ("ceasefire", "وقف إطلاق النار", ""),
    ("agency", "وكالة", ""),
    ("government", "حكومة", ""),
)


def run(src: str, mt: str, glossary=GLOSSARY):
    return list(glossary_term_missing(AlignedPair("1", src, mt), CheckContext(glossary=glossary)))


def test_a_term_rendered_otherwise_is_a_major_finding_with_the_glossary_term_as_suggestion():
    src = "NATO leaders met in Brussels."
    (flag,) = run(src, "اجتمع قادة حلف شمال الأطلسي في بروكسل.")
    assert flag.severity is Severity.MAJOR
    assert flag.src_span.of(src) == "NATO"
    assert flag.suggestion == "الناتو"
    assert "house style" in flag.message


@pytest.mark.parametrize(
    "mt",
    [
        "اجتمع قادة الناتو في بروكسل.",
        "وبالناتو اجتمع القادة.",  # conjunction + preposition + article
        "اجتمع قادة ناتو في بروكسل.",  # the article dropped
        "اجتمع قادة الناتُو في بروكسل.",  # a diacritic
        "قال إن للناتو دورًا.",  # لل: preposition with the article's alef dropped
    ],
)
def test_the_glossary_term_matches_through_clitics_article_and_diacritics(mt):
    assert run("NATO leaders met in Brussels.", mt) == []


def test_a_term_without_the_article_in_the_glossary_matches_one_with_it():
    assert run("NATO met.", "اجتمع الناتو.", glossary=(("NATO", "ناتو", ""),)) == []


def test_multiword_terms_match_in_order_with_hamza_and_ta_marbuta_folded():
    assert run("The United Nations said so.", "وقالت للامم المتحده ذلك.") == []
    assert run("The United Nations said so.", "وقالت المتحدة الأمم ذلك.")  # words out of order
    assert run("A ceasefire was agreed.", "تم الاتفاق على وقف لإطلاق النار.") == []  # a clitic inside the term
    assert run("A ceasefire was agreed.", "تم الاتفاق على وقف القتال.")  # another wording


def test_sound_suffixes_and_possessives_match():
    assert run("Government agencies were closed.", "أُغلقت الوكالات التابعة لحكومته.") == []


def test_english_terms_match_case_insensitively_on_word_boundaries_with_plurals():
    assert english_pattern("agency").search("Several Agencies said") is not None
    assert english_pattern("ceasefire").search("two ceasefires") is not None
    assert english_pattern("NATO").search("Nato's chief") is not None
    assert english_pattern("NATO").search("NATOs") is not None
    assert english_pattern("agency").search("the agencyship") is None
    assert english_pattern("United Nations").search("united\nnations") is not None


def test_a_term_absent_from_the_source_requires_nothing():
    assert run("Leaders met in Brussels.", "اجتمع القادة في بروكسل.") == []


def test_an_empty_glossary_never_flags():
    assert run("NATO leaders met.", "اجتمع قادة الحلف.", glossary=()) == []


def test_the_documented_examples_declare_the_glossary_they_assume():
    spec = next(s for s in all_checks() if s.code == "GLO001")
    assert spec.example_glossary() == (("NATO", "الناتو", ""),)
    assert {flags for flags, _, _ in spec.examples()} == {True, False}
