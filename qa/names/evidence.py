"""Evidence about a name word not found where the rest of the name is (qa.names.analysis): an
ordinary word spelt almost like it (a stand-in word), another known name in its place, or the
word's own English meaning translated. Without such evidence a name word that is also an English
word (West, Sky) or a first name left out is no finding."""

from __future__ import annotations

import re

from qa.arabic import fold, strip_clitics
from qa.model import Span
from qa.names import translit
from qa.names.arabic_side import ArabicSide
from qa.names.english import CLASSIFIERS, EnglishName
from qa.names.expected import evidence_tokens, expected_tokens, suggest
from qa.names.lexicon import (
    arabic_zipf,
    known_arabic_names,
    name_likeness,
    word_translations,
)
from qa.names.matching import KNOWN_MARGIN, WORD_ZIPF, found_excess, token_references
from qa.names.result import NameResult, name_key
from qa.names.spelling import compare


def surname_left_out(n: EnglishName, names, found) -> bool:
    """A part of a gazetteer person that is the surname, when the Arabic gave the first name
    alone (دونالد for Donald Trump) although the surname alone is the usual short form (ترامب)."""
    if n.spelling is None or not n.run or n.words[0] != n.run[-1]:
        return False
    for m, r in zip(names, found):
        if m.entry is not None and m.span.start == n.group and r is not None and r.form:
            singles = {fold(f) for f in m.entry.forms if " " not in f}
            return r.form == fold(m.entry.forms[0]).split()[0] and n.spelling[0] in singles
    return False


def beside(n: EnglishName, side: ArabicSide, used: set[int], names, found) -> NameResult | None:
    """Evidence next to the Arabic of the rest of the name, for a name word not found: an ordinary
    word a letter or two from its spelling right beside it (تقريبا ماي for Theresa May: garbled), or
    a name-like word that no source name accounts for (بيتر سميث جونز for Peter Jones: swapped)."""
    anchors = _anchors(n, names, found)
    if not anchors:
        return None
    taken = _taken(side, used, found)
    refs = [n.spelling] if n.spelling else [r for t in (expected_tokens(n) or evidence_tokens(n)) for r in token_references(t)]
    names_like = known_arabic_names()
    for i, w in enumerate(side.words):
        gap = min(abs(_gap(side, i, a)) for a in anchors)
        if i in taken or gap > 1:
            continue
        stems = sorted(side.stems[i] | {w.folded})
        if gap == 0:
            hit = _ordinary_near(stems, refs)
            if hit is not None:
                return NameResult(n, "garbled", w.span, hit, w.span.of(side.text), "an ordinary word", name_key(n))
        stem = min(side.stems[i], key=len) if side.stems[i] else w.folded
        # right beside the rest of the name, a name spelling that is not an ordinary word (روجرز
        # ماي for Theresa May): names frequent in the news reach Zipf 3.5-4
        rare = arabic_zipf(w.folded) < WORD_ZIPF and all(arabic_zipf(s) < WORD_ZIPF for s in side.stems[i])
        if rare and not _ARTICLE.match(w.folded) and len(stem) >= 3 and (w.folded in names_like or any(s in names_like for s in side.stems[i])):
            return NameResult(n, "swapped", w.span, suggest(n.words[0]), w.span.of(side.text), "another name", name_key(n))
    return None


def _ordinary_near(stems, refs) -> str | None:
    """The written reference that a frequent Arabic word among `stems` is a letter or two from
    (one for a spelling of up to five letters): what a name read as a word looks like."""
    names_like = known_arabic_names()
    for stem in stems:
        if arabic_zipf(stem) < WORD_ZIPF or stem in names_like:
            continue
        for ref, written in refs:
            soft, hard = compare(stem, ref)
            if len(ref) >= 3 and stem != ref and soft + hard <= (1 if len(ref) <= 5 else 2):
                return written
    return None


def misread(n: EnglishName, side: ArabicSide, used: set[int], names, found) -> NameResult | None:
    """A name not in the Arabic, where a frequent word a letter or two from its known spelling
    stands anywhere in the sentence: the name read as that word (Phoenix: عينيك)."""
    refs = [n.spelling] if n.spelling else [r for t in (expected_tokens(n) or evidence_tokens(n)) for r in token_references(t)]
    taken = _taken(side, used, found)
    for i, w in enumerate(side.words):
        if i in taken:
            continue
        hit = _ordinary_near(sorted(side.stems[i] | {w.folded}), refs)
        if hit is not None:
            return NameResult(n, "garbled", w.span, hit, w.span.of(side.text), "an ordinary word", name_key(n))
    return None


_ARTICLE = re.compile("^[وف]?(?:ال|بال|كال|لل)")  # الكاهن "the priest" is a word, not a name


def translated(n: EnglishName, side: ArabicSide, used: set[int], found, names, src: str) -> NameResult | None:
    """A name word that is an English word, translated as that word (Kanye West: كاني غرب, Waters
    as مياه): the name is missing and the word's translation stands right beside the rest of the
    name, or the name is a lone capitalised word (a person called by the surname) that is not a
    generic head (Lake, Church, North: the West is الغرب). Titles after "The" (The Power of
    Nutrition) are translated fairly."""
    if n.acronym or len(n.words) != 1:
        return None
    clean = translit.clean_english(n.words[0])
    translations = word_translations(clean)
    if not translations or src[: n.span.start].rstrip().endswith(("The", "the")):
        return None
    if clean in CLASSIFIERS and clean not in ("north", "south", "east", "west"):
        return None  # Lake Titicaca: بحيرة تيتيكاكا; only a compass word is a surname (Kanye West)
    anchors = _anchors(n, names, found)
    lone = len(n.run) <= 1 and clean not in CLASSIFIERS
    if not anchors and not lone:
        return None
    taken = _taken(side, used, found)
    for i, w in enumerate(side.words):
        if i in taken or (anchors and min(abs(_gap(side, i, a)) for a in anchors) > 0):
            continue
        if any(t == stem for _, stem in strip_clitics(w.folded) for t in translations):
            return NameResult(n, "garbled", w.span, suggest(n.words[0]), w.span.of(side.text), "the word translated", name_key(n))
    return None


def stranger(n: EnglishName, side: ArabicSide, used: set[int], names, found, src: str) -> NameResult | None:
    """A name of the source not found, and in the Arabic a rare word that is a known name
    spelling which no word of the source accounts for (Brighton: جيريمي): another name swapped in.
    Only for words that are names at least as much as boots or waters are."""
    if n.acronym or (n.spelling is None and any(name_likeness(translit.clean_english(w)) < STRANGER_LIKENESS for w in n.words)):
        return None
    taken = _taken(side, used, found)
    names_like = known_arabic_names()
    source_words = [c for t in _WORD.findall(src) if len(c := translit.clean_english(t)) >= 2]
    model = translit.model()
    for i, w in enumerate(side.words):
        if i in taken or arabic_zipf(w.folded) >= WORD_ZIPF or _ARTICLE.match(w.folded):
            continue
        stems = [s for s in sorted(side.stems[i] | {w.folded}) if len(s) >= 3 and s in names_like and arabic_zipf(s) < WORD_ZIPF]
        if not stems:
            continue
        stem = stems[0]
        if any(model.excess(c, stem) <= found_excess(c) + KNOWN_MARGIN for c in source_words):
            continue
        return NameResult(n, "swapped", w.span, suggest(n.words[0]), w.span.of(side.text), "another name", name_key(n))
    return None


STRANGER_LIKENESS = -1.05  # a word less name-like (ring, ocean, world) is likely translated: no evidence
_WORD = re.compile(r"\b[^\W\d_]{3,}")


def _anchors(n: EnglishName, names, found) -> list[Span]:
    """The Arabic of the rest of the name: found words of the same run, or the gazetteer name it is part of."""
    return [
        r.mt_span
        for m, r in zip(names, found)
        if r is not None and r.mt_span and r.status in ("found", "variant") and m is not n
        and ((m.group == n.group >= 0) or (n.group >= 0 and m.entry is not None and m.span.start == n.group))
    ]


def _taken(side: ArabicSide, used: set[int], found) -> set[int]:
    """Words of the MT that a name of the source accounts for."""
    taken = set(used)
    for r in found:
        if r is not None and r.mt_span:
            taken |= {i for i, w in enumerate(side.words) if w.span.start >= r.mt_span.start and w.span.end <= r.mt_span.end}
    return taken


def _gap(side: ArabicSide, i: int, anchor: Span) -> int:
    """Words between word i and a span (0: adjacent)."""
    inside = [k for k, w in enumerate(side.words) if w.span.start >= anchor.start and w.span.end <= anchor.end]
    if not inside:
        return 99
    if i < inside[0]:
        return inside[0] - i - 1
    if i > inside[-1]:
        return i - inside[-1] - 1
    return 0
