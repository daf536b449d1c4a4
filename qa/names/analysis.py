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
from qa.names.spelling import compare, is_near, is_variant, skeleton

# A non-gazetteer token must be at least this much a name to be expected in the Arabic
# (lexicon.name_likeness): kavanaugh -0.1 and melrose -0.1 are, baton -0.6 and court -2.4 not.
EXPECT_NAME_LIKENESS = -0.3
WORD_ZIPF = 4.0  # an Arabic word this frequent is an ordinary word when it stands for a name
RARE_ZIPF = 3.5  # below this (the shipped floor) an Arabic word that is a known name spelling is a name
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
    status: str  # found, variant, distorted, garbled, swapped, missing, unverified, unchecked
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
    present = {n.group for n, r in zip(names, found) if r is not None and r.status == "found" and n.group >= 0}
    results = []
    for n, r in zip(names, found):
        if r is None:
            r = _diagnose(n, side, mentions, source_entities, used, src, gaz)
            if r.status == "missing" and n.group in present:
                # another word of the same name is there: a name-like word beside it is a swap
                r = _stand_in(n, side, used, names, found) or r
        results.append(r)
    return tuple(results)


def _stand_in(n: EnglishName, side: ArabicSide, used: set[int], names, found) -> NameResult | None:
    """A name-like word that no source name accounts for, next to the Arabic of the rest of the
    name (another name swapped in: بيتر سميث جونز for Peter Jones)."""
    anchors = [r.mt_span for m, r in zip(names, found) if m.group == n.group and r is not None and r.mt_span]
    if not anchors:
        return None
    taken = {i for i in used}
    for r in found:
        if r is not None and r.mt_span:
            taken |= {i for i, w in enumerate(side.words) if w.span.start >= r.mt_span.start and w.span.end <= r.mt_span.end}
    names_like = known_arabic_names()
    for i, w in enumerate(side.words):
        if i in taken or not any(abs(_gap(side, i, a)) <= 1 for a in anchors):
            continue
        stem = min(side.stems[i], key=len) if side.stems[i] else w.folded
        rare = arabic_zipf(w.folded) < RARE_ZIPF and all(arabic_zipf(s) < RARE_ZIPF for s in side.stems[i])
        if rare and len(stem) >= 3 and (w.folded in names_like or any(s in names_like for s in side.stems[i])):
            return NameResult(n, "swapped", w.span, _suggest(n.words[0]), w.span.of(side.text), "another name", _key(n))
    return None


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
def model_references(token: str, k: int = 1) -> tuple[tuple[str, str], ...]:
    """The model's k best spellings (k=1 is a cheap Viterbi pass; more need the beam search)."""
    clean = translit.clean_english(token)
    if k == 1:
        best = translit.model().best_spelling(clean)
        return ((best, best),) if best else ()
    return tuple((s, s) for s, _ in translit.model().spellings(clean, k))


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
        glued = _glued(side, _written_keys(n.entry.entity, gaz), used)
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
    """The words of a non-gazetteer name that should appear spelt out in the Arabic.

    A word is expected when it is more a name than an English word (lexicon.name_likeness), or
    when it has a known name spelling and stands next to such a word: West in Kanye West, Long
    in Long Lartin (but not in Long Island alone).
    """
    if n.acronym:
        return []
    out = []
    for w in n.words:
        clean = translit.clean_english(w)
        if gazetteer().lookup(w) is not None or (len(clean) >= 3 and name_likeness(clean) >= EXPECT_NAME_LIKENESS):
            out.append(w)
        elif len(clean) >= 2 and known_spelling(clean) and _person_run(n.run, w):
            out.append(w)
    return out


def _person_run(run: tuple[str, ...], word: str) -> bool:
    return any(
        other != word and len(c := translit.clean_english(other)) >= 3 and name_likeness(c) >= PERSON_RUN_LIKENESS
        for other in run
    )


PERSON_RUN_LIKENESS = 0.3  # a neighbour this name-like (kanye, lartin, eden) makes the run a person's name


@lru_cache(maxsize=4096)
def _written_keys(entity: str, gaz: Gazetteer) -> list[str]:
    """Every form of an entity folded as written, article and all, spaces dropped (for glued words)."""
    return [fold(f).replace(" ", "") for e in gaz.entries if e.entity == entity for f in e.forms]


def _glued(side: ArabicSide, refs: list[str], used: set[int]) -> int | None:
    """A word that holds a long reference with other letters glued to it (missing space)."""
    for i, w in enumerate(side.words):
        if i not in used and any(len(r) >= GLUED_MIN and r in w.folded and r != w.folded for r in refs):
            return i
    return None


def _transliterated(token: str, side: ArabicSide, used: set[int]) -> tuple[int, str] | None:
    """(index, stem) of a word that spells the token plausibly, if any.

    With a known spelling (gazetteer, Wikidata): that spelling (in any word, even one another
    mention of the name took), a variant one soft edit away (a long vowel, a same-sound
    consonant), the spelling glued to a neighbour, or a spelling the model finds plausible that
    is not a near miss of the known one (a near miss is a distortion, diagnosed later).
    Without one: the model's best spelling or one with its consonants, or one the model finds
    plausible (within found_excess). An ordinary Arabic word is never a variant of a name.
    """
    known = [r for r, _ in token_references(token)]
    free = [i for i in range(len(side.words)) if i not in used]
    if known:
        for i in range(len(side.words)):
            hit = next((r for r in known if r in side.stems[i]), None)
            if hit is not None:
                return i, hit
        for i in free:
            if _frequent(side, i):
                continue
            for stem in side.stems[i]:
                if any(_known_variant(stem, r) for r in known):
                    return i, stem
        glued = _glued(side, known, used)
        if glued is not None:
            return glued, side.words[glued].folded
        hit = _model_match(token, side, [i for i in free if not _frequent(side, i)], found_excess(translit.clean_english(token)))
        if hit is not None and not any(is_near(hit[1], r) for r in known):
            return hit
        return None
    best = model_references(token)
    for i in free:
        for stem in side.stems[i]:
            if any(stem == r or (abs(len(stem) - len(r)) <= 2 and skeleton(stem) == skeleton(r)) for r, _ in best):
                return i, stem
    glued = _glued(side, [r for r, _ in best], used)
    if glued is not None:
        return glued, side.words[glued].folded
    return _model_match(token, side, free, found_excess(translit.clean_english(token)))


def _frequent(side: ArabicSide, i: int) -> bool:
    """An ordinary Arabic word (by itself or without its clitics), not a known name spelling."""
    w = side.words[i].folded
    if arabic_zipf(w) >= WORD_ZIPF:
        return w not in known_arabic_names()
    return any(arabic_zipf(s) >= WORD_ZIPF and s not in known_arabic_names() for s in side.stems[i] if len(s) >= 3)


KNOWN_MARGIN = 2.0  # nats: another spelling of a known name must be about as likely as the known one


def _known_variant(stem: str, ref: str) -> bool:
    """One soft edit from a known spelling (a long vowel, a same-sound consonant)."""
    if stem == ref or abs(len(stem) - len(ref)) > 1 or skeleton(stem) != skeleton(ref):
        return False
    soft, hard = compare(stem, ref)
    return hard == 0 and soft <= 1


MODEL_CANDIDATES = 3  # words scored by the model per token, the likeliest by shared consonants


def _model_match(token: str, side: ArabicSide, free: list[int], limit: float) -> tuple[int, str] | None:
    """The word the model finds a plausible spelling of the token (excess within `limit`), if any.

    The dynamic programme is the costly part, so only the few stems sharing most consonant
    classes with the model's best spelling (and a plausible first letter and length) are scored.
    """
    clean = translit.clean_english(token)
    if len(clean) < 2:
        return None
    model = translit.model()
    classes = set(skeleton(model.best_spelling(clean)))
    firsts = model.first_letters(clean)
    low, high = 0.4 * len(clean), 1.5 * len(clean) + 2
    need = max(1, len(classes) // 2)
    scored = []
    for i in free:
        for stem in side.stems[i]:
            if stem[0] in firsts and low <= len(stem) <= high:
                shared = len(classes & set(skeleton(stem)))
                if shared >= need:
                    scored.append((-shared, abs(len(stem) - len(clean)), i, stem))
    best, best_hit = limit, None
    for _, _, i, stem in sorted(scored)[:MODEL_CANDIDATES]:
        excess = model.excess(clean, stem)
        if excess <= best:
            best, best_hit = excess, (i, stem)
    return best_hit


# -- pass 2: diagnosis -----------------------------------------------------------------------
def _diagnose(n, side: ArabicSide, mentions, source_entities, used, src: str, gaz: Gazetteer) -> NameResult:
    key = _key(n)
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
        refs = list(_entity_references(entity, gaz)) if kind in TRANSLITERATED else []
    else:
        kind = "person"
        tokens = expected_tokens(n)
        known = [r for t in tokens for r in token_references(t)]
        refs = known + [r for t in tokens for r in model_references(t, 3) if r not in known]
        expected = " ".join(_suggest(t) for t in tokens)
    near = _near_word(side, refs, used)
    if near is not None:
        i, stem, (ref, written) = near
        w = side.words[i]
        frequent = arabic_zipf(w.folded) >= WORD_ZIPF or arabic_zipf(stem) >= WORD_ZIPF
        soft, hard = compare(stem, ref)
        if n.entry is None and (ref, written) not in known:
            # Only the model's guesses to go by: a word with the same consonants, an ordinary word
            # (Arabic names are words: المعلم for Moualem) or one the model finds likely enough is the name.
            clean = translit.clean_english(tokens[0])
            if hard == 0 or frequent or translit.model().excess(clean, stem) <= found_excess(clean) + KNOWN_MARGIN:
                return NameResult(n, "found", w.span, found=w.span.of(side.text), key=key, form=stem)
            return NameResult(n, "distorted", w.span, written, w.span.of(side.text), "", key, stem)
        if n.entry is None:
            clean = translit.clean_english(tokens[0])
            plausible = translit.model().excess(clean, stem) <= found_excess(clean)
            if plausible and (hard == 0 or frequent):
                # a vowel-letter variant the model finds likely (جاستن for Justin), or a name that is
                # spelt like a word (دواير for Dwyer)
                return NameResult(n, "found", w.span, found=w.span.of(side.text), key=key, form=stem)
        if frequent and hard + 0.5 * soft <= 1 and stem not in known_arabic_names():
            return NameResult(n, "garbled", w.span, written, w.span.of(side.text), "an ordinary word", key)
        if not frequent:
            status = "variant" if n.entry is not None and is_variant(stem, ref) else "distorted"
            return NameResult(n, status, w.span, written, w.span.of(side.text), "", key, stem)
    other = _other_name(n, mentions, source_entities, used, gaz)
    if other is not None:
        return NameResult(n, "swapped", other.span, expected, other.span.of(side.text), "another name", key)
    if n.entry is not None and kind == "demonym":
        return NameResult(n, "unchecked", key=key)
    if n.entry is None and not known:
        # no known spelling and none the model recognises: perhaps dropped, perhaps spelt in a way
        # the model does not know (Guizhou: قويتشو) or translated; too uncertain for a major finding
        return NameResult(n, "unverified", None, expected, None, "", key)
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
