"""What became of each English name in the Arabic: one shared analysis per pair.

For every name of the source (qa.names.english) the Arabic (qa.names.arabic_side) is searched:
gazetteer names by their accepted forms, other names token by token through their known
Wikidata spelling or the transliteration model. A name that is not found is diagnosed, most
specific cause first:

  garbled    an ordinary Arabic word stands where the name should be: a known misreading
             (Kyiv -> كيف "how", Turkey -> ديك رومي), "US" read as the pronoun "us" (نا), or a
             frequent word spelt almost like the name;
  swapped    another gazetteer name of the same kind, which the source does not mention;
  distorted  a word spelt close to the name but beyond the accepted variants (بويتن for Putin);
  variant    a recognisable non-standard spelling of a gazetteer name (زيلنسكي for زيلينسكي);
  missing    no trace of the name.

Analyses are cached by text, so the pair checks and the document check share one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.arabic import fold
from qa.model import Span
from qa.names import translit
from qa.names.arabic_side import ArabicSide, Mention, prepare
from qa.names.english import EnglishName, extract
from qa.names.gazetteer import Gazetteer, form_key, gazetteer
from qa.names.lexicon import arabic_zipf, known_arabic_names, known_spelling, name_likeness
from qa.names.spelling import compare, is_near, is_variant

# A non-gazetteer token must be at least this much a name to be expected in the Arabic
# (lexicon.name_likeness): kavanaugh -0.1 and melrose -0.1 are, baton -0.6 and court -2.4 not.
EXPECT_NAME_LIKENESS = -0.3
WORD_ZIPF = 4.0  # an Arabic word this frequent is an ordinary word when it stands for a name
FUNCTION_ZIPF = 6.3  # في من على: never a name's stand-in
GLUED_MIN = 4  # a reference this long found inside a longer word counts (NTREX: لندنفي, السيدكافانو)
TRANSLITERATED = frozenset(["person", "country", "region", "city", "state", "place"])  # kinds spelt, not translated
_WE = re.compile(r"\b(?:we|us|our|ours|ourselves|let's)\b")


def found_excess(token: str) -> float:
    """How far above the model's best spelling a word may cost and still be this name (nats).

    Calibrated on held-out Wikidata pairs (docs/names.md): longer names accumulate more
    legitimate variation, a distortion adds a roughly constant cost per edit.
    """
    return FOUND_BASE + FOUND_PER_LETTER * len(token)


FOUND_BASE, FOUND_PER_LETTER = 2.0, 0.6


@dataclass(frozen=True)
class NameResult:
    name: EnglishName
    status: str  # found, variant, distorted, garbled, swapped, missing, unchecked
    mt_span: Span | None = None
    suggestion: str | None = None
    found: str | None = None  # the Arabic as written
    note: str = ""
    key: str = ""  # identity of the name across a document
    form: str | None = None  # folded rendering, for consistency


def analyse_pair(pair, ctx=None) -> tuple[NameResult, ...]:
    """The analysis of an AlignedPair (the signature CheckContext.memo expects)."""
    return analyse(pair.src, pair.mt)


@lru_cache(maxsize=8192)
def analyse(src: str, mt: str) -> tuple[NameResult, ...]:
    if not src.strip() or not mt.strip():
        return ()
    gaz = gazetteer()
    names = extract(src, gaz)
    if not names:
        return ()
    side = prepare(mt)
    mentions = side.gazetteer_mentions(gaz)
    source_entities = {n.entry.entity for n in names if n.entry}
    used: set[int] = set()
    for m in mentions:
        if m.entity in source_entities:
            used.update(range(m.first, m.last + 1))
    found = [_find(n, side, mentions, used, gaz) for n in names]
    return tuple(
        r if r is not None else _diagnose(n, side, mentions, source_entities, used, src, gaz) for n, r in zip(names, found)
    )


def _key(n: EnglishName) -> str:
    return n.entry.entity if n.entry else " ".join(translit.clean_english(w) for w in n.words)


# -- references: the spellings a name may have ----------------------------------------------
@lru_cache(maxsize=16384)
def token_references(token: str) -> tuple[tuple[str, str], ...]:
    """(folded, written) spellings of one English token known without the model: gazetteer forms
    of the token as a surface, then its Wikidata spelling."""
    out: dict[str, str] = {}
    entry = gazetteer().lookup(token) if token[:1].isupper() else None
    if entry is not None:
        for form in entry.forms:
            key = form_key(form)
            if len(key) == 1:
                out.setdefault(key[0], form)
    known = known_spelling(translit.clean_english(token))
    if known:
        out.setdefault(fold(known[0]), known[0])
    return tuple(out.items())


@lru_cache(maxsize=16384)
def model_references(token: str) -> tuple[tuple[str, str], ...]:
    clean = translit.clean_english(token)
    return tuple((s, s) for s, _ in translit.model().spellings(clean, 3))


def _entity_references(entity: str, gaz: Gazetteer) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    for entry in gaz.entries:
        if entry.entity == entity:
            for form in entry.forms:
                key = form_key(form)
                if len(key) == 1:
                    out.setdefault(key[0], form)
    return tuple(out.items())


# -- pass 1: found ---------------------------------------------------------------------------
def _find(n: EnglishName, side: ArabicSide, mentions: list[Mention], used: set[int], gaz: Gazetteer) -> NameResult | None:
    if any(w.casefold() in side.latin for w in n.words) or n.text in side.latin:
        return NameResult(n, "found", key=_key(n))
    if n.entry is not None:
        hits = [m for m in mentions if m.entity == n.entry.entity]
        if hits:
            m = hits[0]
            return NameResult(n, "found", m.span, found=m.span.of(side.text), key=_key(n), form=" ".join(_words(side, m)))
        glued = _glued(side, [r for r, _ in _entity_references(n.entry.entity, gaz)], used)
        if glued is not None:
            return NameResult(n, "found", side.words[glued].span, found=side.words[glued].span.of(side.text), key=_key(n))
        return None
    tokens = expected_tokens(n)
    if not tokens:
        return NameResult(n, "unchecked", key=_key(n))
    for token in tokens:
        hit = _transliterated(token, side, used)
        if hit is not None:
            i, stem = hit
            used.add(i)
            w = side.words[i]
            return NameResult(n, "found", w.span, found=w.span.of(side.text), key=_key(n), form=stem)
    return None


def _words(side: ArabicSide, m: Mention) -> list[str]:
    return [side.words[k].folded for k in range(m.first, m.last + 1)]


def expected_tokens(n: EnglishName) -> list[str]:
    """The words of a non-gazetteer name that should appear spelt out in the Arabic."""
    if n.acronym:
        return []
    return [
        w
        for w in n.words
        if token_references(w)
        or (len(translit.clean_english(w)) >= 3 and name_likeness(translit.clean_english(w)) >= EXPECT_NAME_LIKENESS)
    ]


def _glued(side: ArabicSide, refs: list[str], used: set[int]) -> int | None:
    """A word that holds a long reference with other letters glued to it (missing space)."""
    for i, w in enumerate(side.words):
        if i not in used and any(len(r) >= GLUED_MIN and r in w.folded and r != w.folded for r in refs):
            return i
    return None


def _transliterated(token: str, side: ArabicSide, used: set[int]) -> tuple[int, str] | None:
    """(index, stem) of an unused word that spells the token plausibly, if any.

    Plausible: a known spelling or a variant of one (long vowels, same-sound consonants), one
    glued to another word, or a spelling within found_excess of the model's best.
    """
    free = [i for i in range(len(side.words)) if i not in used]
    known = [r for r, _ in token_references(token)]
    for refs in (known, None):
        if refs is None:
            refs = [r for r, _ in model_references(token)]
        for i in free:
            hit = next((r for r in refs if r in side.stems[i]), None)
            if hit is not None:
                return i, hit
        for i in free:
            for stem in side.stems[i]:
                if any(abs(len(stem) - len(r)) <= 2 and is_variant(stem, r) for r in refs):
                    return i, stem
        glued = _glued(side, refs, used)
        if glued is not None:
            return glued, side.words[glued].folded
        if refs is known:
            scored = _model_match(token, side, free)
            if scored is not None:
                return scored
    return None


def _model_match(token: str, side: ArabicSide, free: list[int]) -> tuple[int, str] | None:
    clean = translit.clean_english(token)
    if len(clean) < 2:
        return None
    model = translit.model()
    best, best_hit = found_excess(clean), None
    firsts = model.first_letters(clean)
    low, high = 0.4 * len(clean), 1.5 * len(clean) + 2
    for i in free:
        for stem in side.stems[i]:
            if stem[0] in firsts and low <= len(stem) <= high:
                excess = model.excess(clean, stem)
                if excess <= best:
                    best, best_hit = excess, (i, stem)
    return best_hit


# -- pass 2: diagnosis -----------------------------------------------------------------------
def _diagnose(n, side: ArabicSide, mentions, source_entities, used, src: str, gaz: Gazetteer) -> NameResult:
    key = _key(n)
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
        refs = list(_entity_references(entity, gaz)) if kind in TRANSLITERATED else []
    else:
        kind = "person"
        tokens = expected_tokens(n)
        refs = [r for t in tokens for r in token_references(t) + model_references(t)]
        expected = " ".join(_suggest(t) for t in tokens)
    near = _near_word(side, refs, used)
    if near is not None:
        i, stem, (ref, written) = near
        w = side.words[i]
        word_like = arabic_zipf(w.folded) >= WORD_ZIPF or (arabic_zipf(stem) >= WORD_ZIPF and stem not in known_arabic_names())
        if word_like:
            return NameResult(n, "garbled", w.span, written, w.span.of(side.text), "an ordinary word", key)
        status = "variant" if n.entry is not None and is_variant(stem, ref) else "distorted"
        return NameResult(n, status, w.span, written, w.span.of(side.text), "", key, stem)
    other = _other_name(n, mentions, source_entities, used, gaz)
    if other is not None:
        return NameResult(n, "swapped", other.span, expected, other.span.of(side.text), "another name", key)
    if n.entry is not None and kind == "demonym":
        return NameResult(n, "unchecked", key=key)
    return NameResult(n, "missing", None, expected, None, "", key)


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
        for stem in side.stems[i]:
            for ref, written in refs:
                if len(ref) >= 3 and stem != ref and abs(len(stem) - len(ref)) <= 3 and is_near(stem, ref):
                    soft, hard = compare(stem, ref)
                    if best is None or 2 * hard + soft < best[0]:
                        best = (2 * hard + soft, i, stem, (ref, written))
    return best[1:] if best else None


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


def _suggest(token: str) -> str:
    refs = token_references(token) or model_references(token)
    return refs[0][1] if refs else token
