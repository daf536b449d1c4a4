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

from qa.arabic import fold, strip_clitics
from qa.model import Span
from qa.names import translit
from qa.names.arabic_side import ArabicSide, Mention, prepare
from qa.names.english import CLASSIFIERS, TITLES, EnglishName, extract
from qa.names.gazetteer import Gazetteer, form_key, gazetteer
from qa.names.lexicon import (
    arabic_zipf,
    known_arabic_names,
    known_spelling,
    name_likeness,
    word_translations,
)
from qa.names.matching import (
    KNOWN_MARGIN,
    WORD_ZIPF,
    entity_references,
    found_excess,
    frequent,
    glued,
    model_match,
    model_references,
    run_together,
    spaced_forms,
    token_references,
    transliterated,
    written_keys,
)
from qa.names.renderings import (
    after_the,
    generic,
    glued_front,
    glued_variant,
    partial_trace,
    split_in_two,
)
from qa.names.spelling import compare, is_near, is_variant, skeleton, usual_variant

# A non-gazetteer token must be at least this much a name to be expected in the Arabic
# (lexicon.name_likeness): kavanaugh -0.1 and melrose -0.1 are, baton -0.6 and court -2.4 not.
EXPECT_NAME_LIKENESS = -0.3
RARE_ZIPF = 3.5  # below this (the shipped floor) an Arabic word that is a known name spelling is a name
FUNCTION_ZIPF = 6.3
VERY_COMMON_ZIPF = 5.0  # بأن "that": never a translator's spelling of a name (بون for Bone)  # في من على: never a name's stand-in
TRANSLITERATED = frozenset(["person", "country", "region", "city", "state", "place"])  # kinds spelt, not translated
_WE = re.compile(r"\b(?:we|us|our|ours|ourselves|let's)\b")


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
    for n, r in list(zip(names, found)):
        if r is not None and r.status == "found" and n.entry is not None and n.entry.kind == "person":
            extra = _name_parts(n, r, src)
            names += extra
            found += [_find(x, side, mentions, used, gaz) for x in extra]
    _recount(names, found, side, mentions, source_entities, used, src, gaz)
    present = {n.group for n, r in zip(names, found) if r is not None and r.status == "found" and n.group >= 0}
    results = []
    k = 0
    while k < len(names):
        n, r = names[k], found[k]
        k += 1
        if r is None:
            r = _diagnose(n, side, mentions, source_entities, used, src, gaz)
            if r.status in ("missing", "unverified") and n.entry is None:
                r = _translated(n, side, used, found, names, src) or r
            if r.status in ("missing", "unverified") and (n.spelling is not None or evidence_only(n)):
                # a first name left out (ترامب for Donald Trump) is usual, and so is a name word
                # that is an English word translated (Sky, West): only evidence beside the rest
                # of the name (an ordinary word near its spelling, another name) is a finding
                r = (
                    _beside(n, side, used, names, found)
                    or _misread(n, side, used, names, found)
                    or _stranger(n, side, used, names, found, src)
                    or (r if r.status == "missing" and _surname_left_out(n, names, found) else NameResult(n, "unchecked", key=r.key))
                )
            elif r.status == "distorted" and n.group in present and n.entry is None and generic(expected_tokens(n)):
                r = NameResult(n, "unchecked", key=r.key)  # a generic head translated: nothing near it is its spelling
            elif r.status == "missing" and n.group in present:
                # another word of the same name is there: a name-like word beside it is a swap
                r = _beside(n, side, used, names, found) or r
                if r.status == "missing" and n.entry is None and not r.note and generic(expected_tokens(n)):
                    # the generic head of a name beside the rest of it is translated, not spelt
                    # (Hurricane Rosa: إعصار روزا, Lake Titicaca, Victoria Cross)
                    r = NameResult(n, "missing", None, r.suggestion, None, WEAK, r.key)
            if r.status in ("found", "variant") and n.entry is not None and n.entry.kind == "person":
                # a full name recognised by one word: its other words are checked each
                extra = _name_parts(n, r, src)
                names += extra
                found += [_find(x, side, mentions, used, gaz) for x in extra]
            found[k - 1] = r
        results.append(r)
    return tuple(results)


def _recount(names, found, side, mentions, source_entities, used, src, gaz) -> None:
    """A name the source repeats needs as many renderings: when the Arabic has fewer, the later
    mentions are diagnosed again, on evidence only (a near miss, a trap, another name), since a
    translation may fairly say "it" for the second "Britain" but not misspell it."""
    groups: dict[str, list[int]] = {}
    for k, (n, r) in enumerate(zip(names, found)):
        if r is not None and r.status == "found" and r.mt_span is not None:
            groups.setdefault(_key(n), []).append(k)
    for key, idx in groups.items():
        if len(idx) < 2:
            continue
        n0 = names[idx[0]]
        if n0.entry is not None:
            renderings = _separate(m for m in mentions if m.entity == n0.entry.entity)
            inside = {k for m in renderings for k in range(m.first, m.last + 1)}
            keys = [k for k in written_keys(n0.entry.entity, gaz) if len(k) >= 4]
            # and words run together with a neighbour (مجلةواشنطن, المدعونالاتحاديونبنيويورك)
            renderings = renderings + [i for i, w in enumerate(side.words) if i not in inside and any(k in w.folded for k in keys)]
        else:
            refs = [r for r, _ in token_references(n0.words[0])] + ([n0.spelling[0]] if n0.spelling else [])
            refs += [found[k].form for k in idx if found[k].form]  # the spelling the translation uses
            renderings = {i for i, stems in enumerate(side.stems) if any(r in stems for r in refs)}
        for k in idx[max(len(renderings), 1) :]:
            again = _diagnose(names[k], side, mentions, source_entities, used, src, gaz, strict=True)
            if again.status in ("garbled", "distorted", "swapped") or (again.status == "missing" and _place_repeated(names[k])):
                found[k] = again


def _place_repeated(n: EnglishName) -> bool:
    """A gazetteer place named again: translators repeat places (a person may become "he"), so
    a second Scotland with one أسكتلندا in the Arabic is dropped. Not "US", which translators
    fold into an adjective or leave out as a modifier (US President Trump: الرئيس ترامب)."""
    return n.entry is not None and n.entry.kind in PLACE_KINDS and n.entry.entity != "US"


def _separate(mentions) -> list[Mention]:
    """Mentions that do not overlap (كيم جونغ أون and its كيم are one rendering)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.first, -m.last)):
        if not out or m.first > out[-1].last:
            out.append(m)
    return out


def _name_parts(n: EnglishName, r: NameResult, src: str) -> list[EnglishName]:
    """The words of a full name that a shorter Arabic form left unchecked (Theresa of Theresa May
    when only ماي was found): each must be there too, checked as a name of its own."""
    form = next((f for f in n.entry.forms if len(f.split()) == len(n.words)), None)
    if form is None or r.form is None or len(r.form.split()) >= len(n.words) or n.words[0].lower().strip(".") in TITLES:
        return []
    parts = []
    at = n.span.start
    for word, arabic in zip(n.words, form.split()):
        start = src.find(word, at)
        if start < 0:
            return []
        at = start + len(word)
        if fold(arabic) in r.form.split() or form_key(arabic)[0] in r.form.split():
            continue
        parts.append(EnglishName(word, Span(start, at), (word,), None, False, n.words, n.span.start, (fold(arabic), arabic)))
    return parts


def _surname_left_out(n: EnglishName, names, found) -> bool:
    """A part of a gazetteer person that is the surname, when the Arabic gave the first name
    alone (دونالد for Donald Trump) although the surname alone is the usual short form (ترامب)."""
    if n.spelling is None or not n.run or n.words[0] != n.run[-1]:
        return False
    for m, r in zip(names, found):
        if m.entry is not None and m.span.start == n.group and r is not None and r.form:
            singles = {fold(f) for f in m.entry.forms if " " not in f}
            return r.form == fold(m.entry.forms[0]).split()[0] and n.spelling[0] in singles
    return False


def _beside(n: EnglishName, side: ArabicSide, used: set[int], names, found) -> NameResult | None:
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
                return NameResult(n, "garbled", w.span, hit, w.span.of(side.text), "an ordinary word", _key(n))
        stem = min(side.stems[i], key=len) if side.stems[i] else w.folded
        # right beside the rest of the name, a name spelling that is not an ordinary word (روجرز
        # ماي for Theresa May): names frequent in the news reach Zipf 3.5-4
        rare = arabic_zipf(w.folded) < WORD_ZIPF and all(arabic_zipf(s) < WORD_ZIPF for s in side.stems[i])
        if rare and not _ARTICLE.match(w.folded) and len(stem) >= 3 and (w.folded in names_like or any(s in names_like for s in side.stems[i])):
            return NameResult(n, "swapped", w.span, _suggest(n.words[0]), w.span.of(side.text), "another name", _key(n))
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


def _misread(n: EnglishName, side: ArabicSide, used: set[int], names, found) -> NameResult | None:
    """A name not in the Arabic, where a frequent word a letter or two from its known spelling
    stands anywhere in the sentence: the name read as that word (Phoenix: عينيك)."""
    refs = [n.spelling] if n.spelling else [r for t in (expected_tokens(n) or evidence_tokens(n)) for r in token_references(t)]
    taken = _taken(side, used, found)
    for i, w in enumerate(side.words):
        if i in taken:
            continue
        hit = _ordinary_near(sorted(side.stems[i] | {w.folded}), refs)
        if hit is not None:
            return NameResult(n, "garbled", w.span, hit, w.span.of(side.text), "an ordinary word", _key(n))
    return None


_ARTICLE = re.compile("^[وف]?(?:ال|بال|كال|لل)")  # الكاهن "the priest" is a word, not a name


def _translated(n: EnglishName, side: ArabicSide, used: set[int], found, names, src: str) -> NameResult | None:
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
            return NameResult(n, "garbled", w.span, _suggest(n.words[0]), w.span.of(side.text), "the word translated", _key(n))
    return None


def _stranger(n: EnglishName, side: ArabicSide, used: set[int], names, found, src: str) -> NameResult | None:
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
        return NameResult(n, "swapped", w.span, _suggest(n.words[0]), w.span.of(side.text), "another name", _key(n))
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


def _key(n: EnglishName) -> str:
    return n.entry.entity if n.entry else " ".join(translit.clean_english(w) for w in n.words)


# -- pass 1: found ---------------------------------------------------------------------------
def _find(n: EnglishName, side: ArabicSide, mentions: list[Mention], used: set[int], gaz: Gazetteer) -> NameResult | None:
    if any(w.casefold() in side.latin for w in n.words) or n.text in side.latin:
        return NameResult(n, "found", key=_key(n))
    if n.entry is None:
        # a gazetteer name inside an unknown compound (Météo-France: الفرنسية) found in one of its
        # gazetteer forms (the name or its adjective) is found
        inner = {e.entity for w in n.words if (e := gaz.lookup(w)) is not None}
        hit = next((m for m in mentions if m.entity in inner), None)
        if hit is not None:
            return NameResult(n, "found", hit.span, found=hit.span.of(side.text), key=_key(n), form=" ".join(_words(side, hit)))
    if n.entry is not None:
        hits = [m for m in mentions if m.entity == n.entry.entity]
        if hits:
            m = hits[0]
            return NameResult(n, "found", m.span, found=m.span.of(side.text), key=_key(n), form=" ".join(_words(side, m)))
        if side.find_forms(gaz.traps_of.get(n.entry.entity, ()), frozenset(used)):
            return None  # a known misreading (تيريزا مايو) is no loose spelling of the name: diagnosed
        stuck = glued(side, written_keys(n.entry.entity, gaz), used)
        if stuck is not None:
            return NameResult(n, "found", side.words[stuck].span, found=side.words[stuck].span.of(side.text), key=_key(n))
        joined = run_together(side, spaced_forms(n.entry.entity, gaz), used)
        if joined is not None:
            span = side.span(*joined)
            return NameResult(n, "found", span, found=span.of(side.text), key=_key(n))
        if n.entry.kind in TRANSLITERATED:
            # transliterated rather than in an accepted form (تشاينا in "South China Morning Post",
            # فيرجينا for Virginia): a one-word name of 5+ letters spelt plausibly counts (only one
            # word: a part of "Boris Johnson" or "Las Vegas" found says nothing of the other), and
            # not a word that is another gazetteer name (ترامب is no spelling of Putin)
            if len(n.words) == 1 and len(translit.clean_english(n.words[0])) >= 5:
                taken = used | {k for m in mentions for k in range(m.first, m.last + 1)}  # other known names
                free = [i for i in range(len(side.words)) if i not in taken and not frequent(side, i)]
                clean = translit.clean_english(n.words[0])
                hit = model_match(n.words[0], side, free, found_excess(clean))
                refs = [r for r, _ in entity_references(n.entry.entity, gaz)]
                if hit is not None and len(hit[1]) >= 4 and not any(is_near(hit[1], r) or is_variant(hit[1], r) for r in refs):
                    w = side.words[hit[0]]
                    return NameResult(n, "found", w.span, found=w.span.of(side.text), key=_key(n))
        return None
    tokens = expected_tokens(n) or evidence_tokens(n)
    if not tokens:
        return NameResult(n, "unchecked", key=_key(n))
    for token in tokens:
        hit = transliterated(token, side, used, n.spelling, only_extra=n.spelling is not None)
        if hit is not None:
            i, stem = hit
            used.add(i)
            w = side.words[i]
            form = stem if stem in side.stems[i] else None  # not for words run together
            return NameResult(n, "found", w.span, found=w.span.of(side.text), key=_key(n), form=form)
    return None


def _first_name_only(n: EnglishName, side: ArabicSide) -> list[Mention]:
    """A person named by the first name alone (نانسي for Pelosi): the first word of a full form."""
    for form in n.entry.forms:
        words = fold(form).split()
        if len(words) > 1 and len(words[0]) >= 3:
            for i, stems in enumerate(side.stems):
                if words[0] in stems:
                    return [Mention(n.entry.entity, i, i, side.words[i].span)]
    return []


def _words(side: ArabicSide, m: Mention) -> list[str]:
    return [side.words[k].folded for k in range(m.first, m.last + 1)]


def expected_tokens(n: EnglishName) -> list[str]:
    """The words of a non-gazetteer name that should appear spelt out in the Arabic.

    A word is expected when it is more a name than an English word (lexicon.name_likeness), or
    when it has a known name spelling and stands next to such a word: West in Kanye West, Long
    in Long Lartin (but not in Long Island alone).
    """
    if n.spelling is not None:
        return list(n.words)
    if n.acronym:
        return []
    out = []
    for w in n.words:
        clean = translit.clean_english(w)
        if clean in PARTICLES and max(len(n.words), len(n.run)) > 1:
            continue
        if gazetteer().lookup(w) is not None or (len(clean) >= 3 and name_likeness(clean) >= EXPECT_NAME_LIKENESS):
            out.append(w)
        elif len(clean) >= 2 and known_spelling(clean) and _person_run(n.run, w):
            out.append(w)
    return out


def evidence_tokens(n: EnglishName) -> list[str]:
    """Words of a name that are English words too (West, Sky, Phoenix) but have a known name
    spelling: not expected in the Arabic (a translator may translate them), yet when the Arabic
    has something near their spelling, that is evidence (a distortion, a misreading)."""
    if n.acronym or n.entry is not None:
        return []
    return [w for w in n.words if len(translit.clean_english(w)) >= 3 and translit.clean_english(w) not in PARTICLES and token_references(w)]


def evidence_only(n: EnglishName) -> bool:
    """A name checked on evidence only: outside the gazetteer, not part of a gazetteer name, and
    no word of it expected spelt out (every word is also an English word: Brighton, West)."""
    return n.entry is None and n.spelling is None and not expected_tokens(n)


def _person_run(run: tuple[str, ...], word: str) -> bool:
    return any(
        other != word and len(c := translit.clean_english(other)) >= 3 and name_likeness(c) >= PERSON_RUN_LIKENESS
        for other in run
    )


# Articles and particles of names, usually run into the next word or left out (La Roche-Posay:
# لاروش بوزيه, Al-Moualem: المعلم): not expected on their own.
PARTICLES = frozenset("al el la le".split())
PERSON_RUN_LIKENESS = -0.3  # a neighbour this name-like (kanye, lartin, eden) makes the run a person's name


# -- pass 2: diagnosis -----------------------------------------------------------------------
def _diagnose(n, side: ArabicSide, mentions, source_entities, used, src: str, gaz: Gazetteer, strict: bool = False) -> NameResult:
    """Why a name was not found. `strict`: a later mention of a name the Arabic spells right
    elsewhere, so another spelling near it is a distortion unless it is a usual variant."""
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
        refs = list(entity_references(entity, gaz)) if kind in TRANSLITERATED else []
    else:
        kind = "person"
        tokens = expected_tokens(n) or evidence_tokens(n)
        # a word of a gazetteer name is checked against its own word of the full form (the
        # gazetteer row of "Widodo" also holds جوكوي, the whole name's short form)
        known = [n.spelling] if n.spelling else [r for t in tokens for r in token_references(t)]
        refs = known or [r for t in tokens for r in model_references(t, 3)]
        expected = n.spelling[1] if n.spelling else " ".join(_suggest(t) for t in tokens)
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


WEAK = "uncertain"  # note of a missing name with some evidence against the omission (NAM003 minor)


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


def _kind_class(kind: str) -> str:
    """Places of every kind swap for one another (Texas for Britain); people for people."""
    return "place" if kind in PLACE_KINDS else kind


PLACE_KINDS = frozenset(["country", "region", "city", "state", "place"])


@lru_cache(maxsize=4096)
def _entry_of(entity: str, gaz: Gazetteer):
    return next((e for e in gaz.entries if e.entity == entity and e.kind != "demonym"), None)


def _suggest(token: str) -> str:
    refs = token_references(token) or model_references(token)
    return refs[0][1] if refs else token
