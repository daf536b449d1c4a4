"""The negation cue finders, scope, matching and antonym words, without the encoder (fast)."""

from __future__ import annotations

import json

from qa.polarity import antonyms as ant
from qa.polarity import arabic as ar
from qa.polarity import english as en
from qa.polarity.contrast import analyse, match_cues
from qa.polarity.decision import KINDS, models
from qa.polarity.lexicon import antonyms, arabic_cues, english_cues
from qa.polarity.morphology import inflect
from reference import read_text


def english(text: str) -> list[tuple[str, str]]:
    cues, _ = en.find_cues(text)
    return [(" ".join(c.entry.words), c.strength) for c in cues]


def arabic(text: str) -> list[tuple[str, str]]:
    return [(" ".join(c.entry.words), c.strength) for c in ar.find_cues(text).cues]


def kinds(src: str, mt: str) -> list[tuple[str, str]]:
    return [(c.kind, c.cue) for c in analyse(src, mt).candidates]


# --- lexicons ------------------------------------------------------------------------------------


def test_every_lexicon_entry_has_a_description():
    for table in (english_cues(), arabic_cues()):
        assert all(entry.description for entry in table.values())
    assert antonyms()["en"] and antonyms()["ar"]


def test_the_shipped_model_has_every_kind_with_thresholds_no_lower_than_an_even_chance():
    data = json.loads(read_text("negation", "model.json"))
    for kind in KINDS:
        model = models()[kind]
        assert len(model.features) == len(model.weights) == len(model.mean) == len(model.scale)
        assert 0.5 <= model.major <= model.critical <= 1.0
        assert data["kinds"][kind]["negatives"] > 0 and data["kinds"][kind]["positives"] > 0
    assert 13 not in data["data"]["seeds"]  # never fitted on the evaluation seed


# --- English cues --------------------------------------------------------------------------------


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


def test_not_only_no_matter_and_only_never_need_an_arabic_negation():
    assert english("Not only did prices rise, wages rose too.") == [("not only", "weak")]
    assert english("No matter what happens, the vote goes ahead.") == []
    assert english("Only two days are left.") == [("only", "weak")]  # it may match لم ... إلا


def test_lexical_negatives_and_affixes_are_english_cues_of_their_strength():
    assert english("He refused to comment and denied the report.") == [("refused", "strong"), ("denied", "strong")]
    assert english("The ceasefire is unconditional.") == [("unconditional", "weak")]
    assert english("The party is no longer in power.") == [("no longer", "strong")]
    assert english("The plan has yet to be approved.") == [("yet to", "strong")]
    assert english("The battle is far from over.") == [("far from", "weak")]


def test_affixed_words_that_translators_render_affirmatively_are_no_cues():
    assert english("Unfortunately, unemployment rose, regardless of the plan.") == []
    assert english("The outcome was inevitable.") == []
    assert english("Rescuers unearthed the bodies.") == []  # reversative un-: undo, not negate


def test_number_sign_no_is_not_a_negation():
    assert english("China aims to be No.1 in AI by 2030.") == []
    assert english("He lives at No 10 Downing Street.") == []


def test_a_no_compound_an_answer_and_a_repeated_negation_are_weak():
    assert english('The motion of "no-confidence" failed.') == [("no", "weak")]
    assert english("No, I wait one.") == [("no", "weak")]
    assert english("You don't see no tail.") == [("n't", "strong"), ("no", "weak")]
    assert english("It was neither ordered nor carried out by Cromwell.") == [("neither", "strong"), ("nor", "weak")]


# --- Arabic cues ---------------------------------------------------------------------------------


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
    assert arabic("قتل ما لا يقل عن 384 شخصا") == []  # "at least"
    assert arabic("ولم شمله مع صديقه السابق") == []  # لمّ الشمل = reunite


def test_ghayyara_changed_is_not_the_negation_ghayr():
    assert arabic("غيّر الرئيس موقفه") == []
    assert arabic("إن الشعب البريطاني غير رأيه") == []
    assert arabic("ما زال من غير الواضح ما إذا كان سيفوز") == [("غير", "strong")]
    assert arabic("نشر المخاوف غير المنطقية") == [("غير", "strong")]


def test_relative_ma_is_no_negation_but_clause_initial_ma_may_be():
    assert arabic("هذا ما قاله الوزير") == []
    assert arabic("وما قال الوزير شيئا") == [("ما", "weak")]


def test_negation_with_illa_is_restrictive_only_not_a_negation():
    assert arabic("لم يبق إلا يومان على التصويت") == [("لم", "weak")]


def test_a_particle_run_together_with_its_neighbour_is_a_weak_cue():
    assert arabic("قالت إنه لميخبرها أحد") == [("لا", "weak")]  # لم يخبرها
    assert arabic("لكنزيارتهالأخيرةلمتسرعلىمايرام") == [("لا", "weak")]
    assert arabic("الولايات المتحدة") == []  # لا inside a word is not a particle


def test_lam_before_a_non_verb_and_la_as_an_answer_are_weak():
    assert arabic("وفقًا لم قاله غاي سيسيل") == [("لم", "weak")]  # a typo of لما
    assert arabic("قالوا لا، لم أفعل ذلك") == [("لا", "weak"), ("لم", "strong")]


def test_la_before_a_participle_is_an_affix_like_ghayr():
    (cue,) = ar.find_cues("بشجاعة لا متناهية").cues
    assert (cue.entry.kind, cue.strength) == ("affix", "strong")


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
    assert ar.find_cues("على عكس أي شيء آخر على الشاشة").unlicensed_npi == []  # "unlike anything"


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


# --- matching ------------------------------------------------------------------------------------


def test_english_affix_matches_arabic_ghayr_before_a_clause_negation_can_claim_it():
    _, english_left, arabic_left = match_cues(
        en.find_cues("He rejected the idea that the decision was unusually fast.")[0],
        ar.find_cues("قبل فكرة أن القرار كان سريعا بشكل غير عادي.").cues,
    )
    assert [" ".join(c.entry.words) for c in english_left] == ["rejected"] and arabic_left == []


def test_a_lexical_negative_matches_its_arabic_verb_fronted_to_the_start():
    pairs, _, _ = match_cues(
        en.find_cues("A spokesman for the ministry in the capital declined to comment.")[0],
        ar.find_cues("رفض متحدث باسم الوزارة في العاصمة التعليق.").cues,
    )
    assert [(" ".join(e.entry.words), " ".join(a.entry.words)) for e, a in pairs] == [("declined to", "رفض")]


def test_a_clause_negation_is_not_taken_by_a_noun_meaning_shortage():
    pairs, english_left, _ = match_cues(
        en.find_cues("They could not eat into the deficit.")[0], ar.find_cues("تمكنوا من التغلب على النقص.").cues
    )
    assert pairs == [] and [" ".join(c.entry.words) for c in english_left] == ["not"]


def test_foreign_la_is_an_article_not_a_negation():
    assert kinds("It was the stand out piece of the La Riviera collection.", "كانت القطعة البارزة في مجموعة لا ريفيرا.") == []


# --- antonyms ------------------------------------------------------------------------------------


def test_arabic_lexemes_are_inflected_slot_by_slot_with_the_future_prefix():
    forms = {f.slot: f.text for f in inflect("ارتفع يرتفع", "verb")}
    assert (forms["perf.3fs"], forms["impf.3mp"], forms["fut.3fs"]) == ("ارتفعت", "يرتفعون", "سترتفع")
    assert {f.slot: f.text for f in inflect("نفى ينفي", "verb")}["perf.3fs"] == "نفت"
    assert {f.slot: f.text for f in inflect("مرتفع", "adj")}["adj.f"] == "مرتفعة"
    assert all(f.text != "أبدأ" for f in inflect("بدأ يبدأ", "verb"))  # it folds to أبدًا "never"


def test_an_inflected_antonym_is_swapped_back_in_its_own_person_and_tense():
    ((kind, cue),) = kinds("Oil prices will rise next year.", "ستنخفض أسعار النفط العام المقبل.")
    assert (kind, cue) == ("antonym", "ستنخفض")
    (candidate,) = analyse("Oil prices will rise next year.", "ستنخفض أسعار النفط العام المقبل.").candidates
    assert candidate.counterpart == "سترتفع"
    (candidate,) = analyse("Turnout rose in the north.", "وانخفضت نسبة المشاركة في الشمال.").candidates
    assert (candidate.cue, candidate.counterpart) == ("وانخفضت", "ارتفعت")


def test_ta_marbuta_keeps_ball_and_idea_apart_from_hated():
    text = ar.find_cues("للحصول على الكرة وعلى فكرة أن")
    assert ant.arabic_words(text) == []


def test_a_negated_contradictory_is_the_other_side_and_a_negated_gradable_is_neither():
    cues, toks = en.find_cues("He was found not guilty, and prices did not rise.")
    words = {w.span.of("He was found not guilty, and prices did not rise."): w.polarity_keys()
             for w in ant.english_words("He was found not guilty, and prices did not rise.", toks, cues)}
    assert words["guilty"] == {("guilty/innocent", 1, False)}
    assert words["rise"] == {("rise/fall", 0, True)}


def test_a_negated_english_word_with_its_affirmative_arabic_is_a_dropped_negation_not_an_antonym():
    assert kinds("He has pleaded not guilty to the charges.", "وأقر بأنه مذنب في التهم الموجهة إليه.") == [
        ("dropped", "not guilty")
    ]
    assert kinds("He has pleaded not guilty to the charges.", "ودفع ببراءته من التهم الموجهة إليه.") == []


def test_a_negated_english_word_rendered_by_its_antonym_is_no_candidate():
    assert analyse("The team did not win the match.", "خسر الفريق المباراة.").candidates == []


def test_words_of_both_sides_are_counted_not_just_seen():
    # both sides present in both languages, far apart after reordering: nothing to report
    assert kinds('"It will be more than one and less than 48," said Walton.', 'قال والتون "سيكون أكثر من دقيقة وأقل من 48 دقيقة".') == []
    # one "more" too many in the Arabic: the swapped "less"
    assert kinds('"It will be more than one and less than 48," said Walton.', 'قال والتون "سيكون أكثر من دقيقة وأكثر من 48 دقيقة".') == [
        ("antonym", "وأكثر")
    ]


def test_fixed_arabic_phrases_are_not_antonym_words():
    assert kinds("The group was launched this weekend.", "أطلقت المجموعة بنهاية الأسبوع.") == []  # weekend
    assert kinds("Younger voters did not turn out in great numbers.", "لم يصوت الناخبون الأصغر سنا بأعداد كبيرة.") == []


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
