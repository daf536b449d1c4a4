"""The negation cue finders, scope and matching, without the encoder (fast)."""

from __future__ import annotations

from qa.polarity import arabic as ar
from qa.polarity import english as en
from qa.polarity.contrast import analyse, match_cues
from qa.polarity.lexicon import antonyms, arabic_cues, english_cues


def english(text: str) -> list[tuple[str, str]]:
    cues, _ = en.find_cues(text)
    return [(" ".join(c.entry.words), c.strength) for c in cues]


def arabic(text: str) -> list[tuple[str, str]]:
    return [(" ".join(c.entry.words), c.strength) for c in ar.find_cues(text).cues]


def test_every_lexicon_entry_has_a_description():
    for table in (english_cues(), arabic_cues()):
        assert all(entry.description for entry in table.values())
    assert antonyms()["en"] and antonyms()["ar"]


def test_contracted_negation_is_split_from_its_verb_and_flips_to_the_bare_verb():
    cues, toks = en.find_cues("No, I don't need help with Iran.")
    assert [(" ".join(c.entry.words)) for c in cues] == ["no", "n't"]
    assert cues[1].head.of("No, I don't need help with Iran.") == "don't need"
    assert en.flip("No, I don't need help with Iran.", cues[1], toks) == "No, I do need help with Iran."
    assert en.flip("They won't come.", *_only_cue("They won't come.")) == "They will come."


def _only_cue(text):
    cues, toks = en.find_cues(text)
    assert len(cues) == 1
    return cues[0], toks


def test_quoted_negation_is_found_with_its_head_and_flipped_inside_the_quotes():
    text = 'Trump said he had made "no progress" with Putin.'
    cue, toks = _only_cue(text)
    assert cue.head.of(text) == "no progress"
    assert en.flip(text, cue, toks) == 'Trump said he had made "progress" with Putin.'


def test_not_only_no_matter_and_only_are_not_english_negations():
    assert english("Not only did prices rise, wages rose too.") == []
    assert english("No matter what happens, the vote goes ahead.") == []
    assert english("Only two days are left.") == []


def test_lexical_negatives_and_affixes_are_english_cues_of_their_strength():
    assert english("He refused to comment and denied the report.") == [("refused", "strong"), ("denied", "strong")]
    assert english("The ceasefire is unconditional.") == [("unconditional", "weak")]
    assert english("The party is no longer in power.") == [("no longer", "strong")]


def test_arabic_particles_copula_and_affixes_are_strong_cues():
    assert arabic("لم يطرح ترامب الموضوع") == [("لم", "strong")]
    assert arabic("لن تتراجع روسيا") == [("لن", "strong")]
    assert arabic("ليست هناك حاجة إليها") == [("ليست", "strong")]
    assert arabic("إنه غير سعيد") == [("غير", "strong")]
    assert arabic("ولم يكن هناك شيء") == [("لم", "strong")]


def test_arabic_phrases_that_are_not_negations_are_masked():
    assert arabic("لا سيما في المدن الكبرى") == []
    assert arabic("لا يزال المتمردون يسيطرون على البلدة") == []
    assert arabic("غير أن الحكومة رفضت") == [("رفضت", "weak")]


def test_relative_ma_is_no_negation_but_clause_initial_ma_may_be():
    assert arabic("هذا ما قاله الوزير") == []
    assert arabic("وما قال الوزير شيئا") == [("ما", "weak")]


def test_negation_with_illa_is_restrictive_only_not_a_negation():
    assert arabic("لم يبق إلا يومان على التصويت") == [("لم", "weak")]


def test_faqat_is_only_not_the_npi_qatt():
    text = ar.find_cues("وصل فقط يومان")
    assert text.cues == [] and text.unlicensed_npi == []


def test_any_without_a_negation_is_an_unlicensed_negative_polarity_item():
    text = "قال إنه أحرز “أي تقدم” مع بوتين"
    found = ar.find_cues(text).unlicensed_npi
    assert [s.of(text) for s in found] == ["أي تقدم"]
    assert ar.find_cues("قال إنه لم يحرز أي تقدم مع بوتين").unlicensed_npi == []
    assert ar.find_cues("هل أحرز أي تقدم مع بوتين؟").unlicensed_npi == []
    assert ar.find_cues("وهي أكثر من أي وقت مضى").unlicensed_npi == []


def test_abadan_without_a_negation_is_unlicensed():
    text = "ستتخلى بوليفيا أبدا عن حقها"
    assert [s.of(text) for s in ar.find_cues(text).unlicensed_npi] == ["بوليفيا أبدا"]
    assert ar.find_cues("لن تتخلى بوليفيا أبدا عن حقها").unlicensed_npi == []


def test_deleting_an_arabic_cue_keeps_its_conjunction_and_turns_lan_into_future():
    text = "ولم يكن هناك شيء"
    found = ar.find_cues(text)
    assert ar.delete_cue(text, found.cues[0], found.words) == "ويكن هناك شيء"
    text = "لن تتراجع روسيا"
    found = ar.find_cues(text)
    assert ar.delete_cue(text, found.cues[0], found.words) == "ستتراجع روسيا"


def test_negated_verb_suggestions():
    assert ar.negated_verb("أحرز") == "لم يحرز"
    assert ar.negated_verb("أحرزت") == "لم تحرز"
    assert ar.negated_verb("يريد") == "لا يريد"
    assert ar.negated_verb("قال") == "ما قال"
    assert ar.negated_verb("التقدم") == ""


def test_english_affix_matches_arabic_ghayr_before_a_clause_negation_can_claim_it():
    pairs, english_left, arabic_left = match_cues(
        en.find_cues("He rejected the idea that the decision was unusually fast.")[0],
        ar.find_cues("قبل فكرة أن القرار كان سريعا بشكل غير عادي.").cues,
    )
    assert [" ".join(c.entry.words) for c in english_left] == ["rejected"] and arabic_left == []


def test_a_negated_english_word_rendered_by_its_antonym_is_no_candidate():
    assert analyse("The team did not win the match.", "خسر الفريق المباراة.").candidates == []


def test_candidates_of_the_seed_error():
    result = analyse(
        'Trump said after the call that he had made "no progress" with Putin, adding that he was "not happy".',
        "قال ترامب بعد الدعوة إلى أنه أحرز “أي تقدم” مع بوتين، مضيفًا أنه “غير سعيد”.",
    )
    (candidate,) = result.candidates
    assert (candidate.kind, candidate.cue, candidate.npi) == ("dropped", "no progress", True)


def test_antonym_candidate_names_the_form_the_english_calls_for():
    (candidate,) = analyse("Parliament rejected the budget.", "وافق البرلمان على الميزانية.").candidates
    assert (candidate.kind, candidate.cue, candidate.counterpart) == ("antonym", "وافق", "رفض")
