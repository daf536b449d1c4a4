"""Pass 2 of the name analysis (qa.names.analysis): why a name was not found, most specific cause
first (a known misreading, "US" read as "us", a word near its spelling, another name of the same
kind, no trace)."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.arabic import fold
from qa.model import Span
from qa.names import translit
from qa.names.arabic_side import ArabicSide, Mention
from qa.names.english import EnglishName
from qa.names.expected import evidence_tokens, expected_tokens, suggest
from qa.names.gazetteer import Gazetteer
from qa.names.lexicon import arabic_zipf, known_arabic_names
from qa.names.matching import (
    KNOWN_MARGIN,
    WORD_ZIPF,
    entity_references,
    found_excess,
    model_references,
    token_references,
)
from qa.names.renderings import (
    after_the,
    glued_front,
    glued_variant,
    partial_trace,
    split_in_two,
)
from qa.names.result import TRANSLITERATED, WEAK, NameResult, name_key
from qa.names.spelling import compare, is_near, is_variant, skeleton, usual_variant

FUNCTION_ZIPF = 6.3
VERY_COMMON_ZIPF = 5.0  # بأن "that": never a translator's spelling of a name (بون for Bone)  # في من على: never a name's stand-in
_WE = re.compile(r"\b(?:we|us|our|ours|ourselves|let's)\b")


def diagnose(n, side: ArabicSide, mentions, source_entities, used, src: str, gaz: Gazetteer, strict: bool = False) -> NameResult:
    """Why a name was not found. `strict`: a later mention of a name the Arabic spells right
    elsewhere, so another spelling near it is a distortion unless it is a usual variant."""
    key = name_key(n)
    known: list[tuple[str, str]] = []
    if n.entry is not None:
        entity, kind = n.entry.entity, n.entry.kind
        expected = n.entry.standard_for(len(n.words))
        trap = side.find_forms(gaz.traps_of.get(entity, ()), frozenset(used))
        if trap:
            m = trap[0]
            return NameResult(n, "garbled", m.span, expected, m.span.of(side.text), "a known misreading", key)
        if entity == "US" and n.acronym and not _WE.search(_without(src, n.span).lower()):
            hits = [i for i in side.we_pronouns() if i not in used]
            if hits:
                span = _run_span(side, hits)
                return NameResult(n, "garbled", span, expected, span.of(side.text), "read as the pronoun “us”", key)
        refs = list(entity_references(entity, gaz)) if kind in TRANSLITERATED else []
    else:
        kind = "person"
        tokens = expected_tokens(n) or evidence_tokens(n)
        # a word of a gazetteer name is checked against its own word of the full form (the
        # gazetteer row of "Widodo" also holds جوكوي, the whole name's short form)
        known = [n.spelling] if n.spelling else [r for t in tokens for r in token_references(t)]
        refs = known or [r for t in tokens for r in model_references(t, 3)]
        expected = n.spelling[1] if n.spelling else " ".join(suggest(t) for t in tokens)
    near = _near_word(side, refs, used)
    if near is not None:
        i, stem, (ref, written) = near
        w = side.words[i]
        common = arabic_zipf(w.folded) >= WORD_ZIPF or arabic_zipf(stem) >= WORD_ZIPF
        soft, hard = compare(stem, ref)
        if n.entry is None and (ref, written) not in known:
            # Only the model's guesses to go by: a word with the same consonants, an ordinary word
            # (Arabic names are words: المعلم for Moualem) or one the model finds likely enough is the name.
            clean = translit.clean_english(tokens[0])
            if not strict and (hard == 0 or common or translit.model().excess(clean, stem) <= found_excess(clean) + KNOWN_MARGIN or glued_variant(w.folded, ref, clean)):
                return NameResult(n, "found", w.span, found=w.span.of(side.text), key=key, form=stem)
            return NameResult(n, "distorted", w.span, written, w.span.of(side.text), "", key, stem)
        if n.entry is None and ((usual_variant(stem, ref, 0 if common else 1) and arabic_zipf(stem) < VERY_COMMON_ZIPF) or after_the(side, i, src, n)):
            # the known spelling's consonants with long vowels chosen or added: a translator's
            # spelling even when it is also a word (دواير for Dwyer; كيف for Kyiv drops one)
            return NameResult(n, "found", w.span, found=w.span.of(side.text), key=key, form=stem)
        if n.entry is None and common and hard + 0.5 * soft <= 1 and stem not in known_arabic_names():
            # a frequent word one letter from the known spelling: جريمة ("crime") for Jeremy
            return NameResult(n, "garbled", w.span, written, w.span.of(side.text), "an ordinary word", key)
        if n.entry is None:
            clean = translit.clean_english(_token_of(tokens, ref))
            plausible = translit.model().excess(clean, stem) <= found_excess(clean)
            if not strict and ((plausible and (hard == 0 or common)) or glued_variant(w.folded, ref, clean)):
                # a vowel-letter variant the model finds likely (جاستن for Justin), or a name that is
                # spelt like a word (دواير for Dwyer)
                return NameResult(n, "found", w.span, found=w.span.of(side.text), key=key, form=stem)
        if common and hard + 0.5 * soft <= 1 and stem not in known_arabic_names():
            return NameResult(n, "garbled", w.span, written, w.span.of(side.text), "an ordinary word", key)
        if not common:
            status = "variant" if n.entry is not None and is_variant(stem, ref) else "distorted"
            return NameResult(n, status, w.span, written, w.span.of(side.text), "", key, stem)
    if strict:
        loose = _loose_near(side, refs, used)
        if loose is not None:
            w = side.words[loose[0]]
            return NameResult(n, "distorted", w.span, loose[1], w.span.of(side.text), "", key, loose[2])
    if n.entry is not None and n.entry.kind == "person":
        first = _first_name_only(n, side)
        if first:
            m = first[0]
            return NameResult(n, "found", m.span, found=m.span.of(side.text), key=key, form=side.words[m.first].folded)
    other = _other_name(n, mentions, source_entities, used, gaz)
    if other is not None:
        return NameResult(n, "swapped", other.span, expected, other.span.of(side.text), "another name", key)
    if n.entry is not None and kind == "demonym":
        return NameResult(n, "unchecked", key=key)
    if n.entry is None and not known:
        # no known spelling and none the model recognises: perhaps dropped, perhaps spelt in a way
        # the model does not know (Guizhou: قويتشو) or translated; too uncertain for a major finding
        return NameResult(n, "unverified", None, expected, None, "", key)
    if n.entry is None and (glued_front(side, refs + list(known), used) or split_in_two(side, known, used)):
        return NameResult(n, "found", None, expected, None, "", key)
    if n.entry is None and partial_trace(side, refs + list(known), used):
        # a common English word (Hurricane, Chambers) may be translated, and a word sharing most
        # of the name's consonants is likely a spelling the model does not know (سيرزير for
        # Scherzer) or the name run into a neighbour: shown to reviewers, not a major finding
        return NameResult(n, "missing", None, expected, None, WEAK, key)
    return NameResult(n, "missing", None, expected, None, "", key)


def _token_of(tokens: list[str], ref: str) -> str:
    """The expected word whose reference spelling `ref` is (the first word if none)."""
    return next((t for t in tokens if any(r == ref for r, _ in token_references(t))), tokens[0])


def _without(src: str, span: Span) -> str:
    return src[: span.start] + " " + src[span.end :]


def _run_span(side: ArabicSide, hits: list[int]) -> Span:
    """The first hit and the hits right after it (تريدنا مشاركةنا), as one span."""
    last = hits[0]
    for i in hits[1:]:
        if i == last + 1:
            last = i
    return side.span(hits[0], last)


def _near_word(side: ArabicSide, refs, used: set[int]):
    """(index, stem, (ref, written)) of the unused word closest to a reference, if near one."""
    best = None
    for i, w in enumerate(side.words):
        if i in used or arabic_zipf(w.folded) >= FUNCTION_ZIPF:
            continue
        for stem in sorted(side.stems[i]):  # sorted: ties resolve the same in every run
            for ref, written in refs:
                if len(ref) >= 3 and stem != ref and abs(len(stem) - len(ref)) <= 3 and is_near(stem, ref):
                    soft, hard = compare(stem, ref)
                    if best is None or 2 * hard + soft < best[0]:
                        best = (2 * hard + soft, i, stem, (ref, written))
    return best[1:] if best else None


def _loose_near(side: ArabicSide, refs, used: set[int]):
    """(index, written reference, stem) of a rare word within two consonant edits of a reference,
    starting like it: for a later mention of a name spelt right elsewhere in the sentence
    (وودز ... ووذذ, ترامب ... تزابم), such a word is that name distorted."""
    for i, w in enumerate(side.words):
        if i in used or arabic_zipf(w.folded) >= WORD_ZIPF or any(arabic_zipf(s) >= WORD_ZIPF for s in side.stems[i] if len(s) >= 3):
            continue
        for stem in sorted(side.stems[i]):
            for ref, written in refs:
                if len(ref) < 4 or stem == ref or abs(len(stem) - len(ref)) > 2 or (stem[0] != ref[0] and skeleton(stem)[:1] != skeleton(ref)[:1]):
                    continue
                soft, hard = compare(stem, ref)
                if hard <= 2 and hard + soft <= 3:
                    return i, written, stem
    return None


def _other_name(n: EnglishName, mentions, source_entities, used, gaz: Gazetteer) -> Mention | None:
    """A gazetteer name of the same kind that the source does not mention, unused in the MT.

    Only gazetteer names: a rare Arabic word that merely looks like a name is no evidence of a
    swap (human translations are full of them); a missing non-gazetteer name stays "missing".
    Names inside one another (Virginia, West Virginia) are no swap.
    """
    if n.entry is None or n.entry.kind not in TRANSLITERATED:
        return None
    mine = n.text.casefold()
    for m in mentions:
        if m.entity in source_entities or any(k in used for k in range(m.first, m.last + 1)):
            continue
        entry = _entry_of(m.entity, gaz)
        if entry is None or entry.kind != n.entry.kind:
            continue
        if any(s.casefold() in mine or mine in s.casefold() for s in entry.surfaces):
            continue
        return m
    return None


@lru_cache(maxsize=4096)
def _entry_of(entity: str, gaz: Gazetteer):
    return next((e for e in gaz.entries if e.entity == entity and e.kind != "demonym"), None)

def _first_name_only(n: EnglishName, side: ArabicSide) -> list[Mention]:
    """A person named by the first name alone (نانسي for Pelosi): the first word of a full form."""
    for form in n.entry.forms:
        words = fold(form).split()
        if len(words) > 1 and len(words[0]) >= 3:
            for i, stems in enumerate(side.stems):
                if words[0] in stems:
                    return [Mention(n.entry.entity, i, i, side.words[i].span)]
    return []
