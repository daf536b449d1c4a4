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

from functools import lru_cache

from qa.arabic import fold
from qa.model import Span
from qa.names import translit
from qa.names.arabic_side import ArabicSide, Mention, prepare
from qa.names.diagnosis import diagnose
from qa.names.english import TITLES, EnglishName, extract
from qa.names.evidence import beside, misread, stranger, surname_left_out, translated
from qa.names.expected import evidence_only, evidence_tokens, expected_tokens
from qa.names.gazetteer import Gazetteer, form_key, gazetteer
from qa.names.matching import (
    entity_references,
    found_excess,
    frequent,
    glued,
    model_match,
    run_together,
    spaced_forms,
    token_references,
    transliterated,
    written_keys,
)
from qa.names.renderings import generic
from qa.names.result import PLACE_KINDS, TRANSLITERATED, WEAK, NameResult, name_key
from qa.names.spelling import is_near, is_variant

__all__ = ["WEAK", "NameResult", "analyse", "analyse_pair", "evidence_only", "evidence_tokens", "expected_tokens"]


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
            r = diagnose(n, side, mentions, source_entities, used, src, gaz)
            if r.status in ("missing", "unverified") and n.entry is None:
                r = translated(n, side, used, found, names, src) or r
            if r.status in ("missing", "unverified") and (n.spelling is not None or evidence_only(n)):
                # a first name left out (ترامب for Donald Trump) is usual, and so is a name word
                # that is an English word translated (Sky, West): only evidence beside the rest
                # of the name (an ordinary word near its spelling, another name) is a finding
                r = (
                    beside(n, side, used, names, found)
                    or misread(n, side, used, names, found)
                    or stranger(n, side, used, names, found, src)
                    or (r if r.status == "missing" and surname_left_out(n, names, found) else NameResult(n, "unchecked", key=r.key))
                )
            elif r.status == "distorted" and n.group in present and n.entry is None and generic(expected_tokens(n)):
                r = NameResult(n, "unchecked", key=r.key)  # a generic head translated: nothing near it is its spelling
            elif r.status == "missing" and n.group in present:
                # another word of the same name is there: a name-like word beside it is a swap
                r = beside(n, side, used, names, found) or r
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
            groups.setdefault(name_key(n), []).append(k)
    for idx in groups.values():
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
            again = diagnose(names[k], side, mentions, source_entities, used, src, gaz, strict=True)
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


# -- pass 1: found ---------------------------------------------------------------------------
def _find(n: EnglishName, side: ArabicSide, mentions: list[Mention], used: set[int], gaz: Gazetteer) -> NameResult | None:
    if any(w.casefold() in side.latin for w in n.words) or n.text in side.latin:
        return NameResult(n, "found", key=name_key(n))
    if n.entry is None:
        # a gazetteer name inside an unknown compound (Météo-France: الفرنسية) found in one of its
        # gazetteer forms (the name or its adjective) is found
        inner = {e.entity for w in n.words if (e := gaz.lookup(w)) is not None}
        hit = next((m for m in mentions if m.entity in inner), None)
        if hit is not None:
            return NameResult(n, "found", hit.span, found=hit.span.of(side.text), key=name_key(n), form=" ".join(_words(side, hit)))
    if n.entry is not None:
        hits = [m for m in mentions if m.entity == n.entry.entity]
        if hits:
            m = hits[0]
            return NameResult(n, "found", m.span, found=m.span.of(side.text), key=name_key(n), form=" ".join(_words(side, m)))
        if side.find_forms(gaz.traps_of.get(n.entry.entity, ()), frozenset(used)):
            return None  # a known misreading (تيريزا مايو) is no loose spelling of the name: diagnosed
        stuck = glued(side, written_keys(n.entry.entity, gaz), used)
        if stuck is not None:
            return NameResult(n, "found", side.words[stuck].span, found=side.words[stuck].span.of(side.text), key=name_key(n))
        joined = run_together(side, spaced_forms(n.entry.entity, gaz), used)
        if joined is not None:
            span = side.span(*joined)
            return NameResult(n, "found", span, found=span.of(side.text), key=name_key(n))
        # transliterated rather than in an accepted form (تشاينا in "South China Morning Post",
        # فيرجينا for Virginia): a one-word name of 5+ letters spelt plausibly counts (only one
        # word: a part of "Boris Johnson" or "Las Vegas" found says nothing of the other), and
        # not a word that is another gazetteer name (ترامب is no spelling of Putin)
        if n.entry.kind in TRANSLITERATED and len(n.words) == 1 and len(translit.clean_english(n.words[0])) >= 5:
            taken = used | {k for m in mentions for k in range(m.first, m.last + 1)}  # other known names
            free = [i for i in range(len(side.words)) if i not in taken and not frequent(side, i)]
            clean = translit.clean_english(n.words[0])
            hit = model_match(n.words[0], side, free, found_excess(clean))
            refs = [r for r, _ in entity_references(n.entry.entity, gaz)]
            if hit is not None and len(hit[1]) >= 4 and not any(is_near(hit[1], r) or is_variant(hit[1], r) for r in refs):
                w = side.words[hit[0]]
                return NameResult(n, "found", w.span, found=w.span.of(side.text), key=name_key(n))
        return None
    tokens = expected_tokens(n) or evidence_tokens(n)
    if not tokens:
        return NameResult(n, "unchecked", key=name_key(n))
    for token in tokens:
        hit = transliterated(token, side, used, n.spelling, only_extra=n.spelling is not None)
        if hit is not None:
            i, stem = hit
            used.add(i)
            w = side.words[i]
            form = stem if stem in side.stems[i] else None  # not for words run together
            return NameResult(n, "found", w.span, found=w.span.of(side.text), key=name_key(n), form=form)
    return None


def _words(side: ArabicSide, m: Mention) -> list[str]:
    return [side.words[k].folded for k in range(m.first, m.last + 1)]
