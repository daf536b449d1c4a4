"""Finding one name in the Arabic: its reference spellings and the words that spell it.

References are the spellings known without the model (gazetteer forms, the Wikidata spelling)
and the model's best guesses. A word spells a name when it holds a reference (also glued to a
neighbour when a space is missing), is a one-letter variant of a known spelling, or is a
spelling the transliteration model finds plausible. Ordinary Arabic words never count as
variants: كيف is not a spelling of Kyiv.
"""

from __future__ import annotations

from functools import lru_cache

from qa.arabic import fold
from qa.names import translit
from qa.names.arabic_side import ArabicSide
from qa.names.gazetteer import Gazetteer, form_key, gazetteer
from qa.names.lexicon import arabic_zipf, known_arabic_names, known_spelling
from qa.names.spelling import compare, is_near, skeleton, usual_variant

WORD_ZIPF = 4.0  # an Arabic word this frequent is an ordinary word when it stands for a name
GLUED_MIN = 4  # a reference this long glued to a neighbour counts (NTREX: لندنفي, السيدكافانو)
RUN_ON = 13  # no Arabic word is this long: it is several run together


def found_excess(token: str) -> float:
    """How far above the model's best spelling a word may cost and still be this name (nats).

    Calibrated on held-out Wikidata pairs (docs/names.md): longer names accumulate more
    legitimate variation, a distortion adds a roughly constant cost per edit.
    """
    return FOUND_BASE + FOUND_PER_LETTER * len(token)


FOUND_BASE, FOUND_PER_LETTER = 2.0, 0.6


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


def entity_references(entity: str, gaz: Gazetteer) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    for entry in gaz.entries:
        if entry.entity == entity:
            for form in entry.forms:
                key = form_key(form)
                if len(key) == 1:
                    out.setdefault(key[0], form)
    return tuple(out.items())



@lru_cache(maxsize=4096)
def written_keys(entity: str, gaz: Gazetteer) -> list[str]:
    """Every form of an entity folded as written, article and all, spaces dropped (for glued words)."""
    return [fold(f).replace(" ", "") for e in gaz.entries if e.entity == entity for f in e.forms]


@lru_cache(maxsize=4096)
def spaced_forms(entity: str, gaz: Gazetteer) -> list[str]:
    """The multiword forms of an entity, folded as written (article and all)."""
    return [f for e in gaz.entries if e.entity == entity for f in map(fold, e.forms) if " " in f]


def glued(side: ArabicSide, refs: list[str], used: set[int]) -> int | None:
    """A word that begins or ends with a long reference, two letters or more glued to it (a missing
    space: لندنفي, السيدكافانو), not a word that merely contains it (حيوان holds يوان)."""
    for i, w in enumerate(side.words):
        if i in used or frequent(side, i):  # ضروري is a word, not روري with a letter glued on
            continue
        if len(w.folded) >= RUN_ON and any(len(r) >= GLUED_MIN and r in w.folded for r in refs):
            return i  # words run together without spaces (a broken line): anywhere inside counts
        for stem in side.stems[i] | {w.folded}:
            for r in refs:
                if len(r) >= GLUED_MIN and len(stem) - len(r) >= 2 and (stem.startswith(r) or stem.endswith(r)):
                    return i
    return None


def transliterated(token: str, side: ArabicSide, used: set[int], extra=None, only_extra: bool = False) -> tuple[int, str] | None:
    """(index, stem) of a word that spells the token plausibly, if any.

    With a known spelling (gazetteer, Wikidata): that spelling (in any word, even one another
    mention of the name took), a variant one soft edit away (a long vowel, a same-sound
    consonant), the spelling glued to a neighbour, or a spelling the model finds plausible that
    is not a near miss of the known one (a near miss is a distortion, diagnosed later).
    Without one: the model's best spelling or one with its consonants, or one the model finds
    plausible (within found_excess). An ordinary Arabic word is never a variant of a name.
    """
    known = ([] if only_extra else [r for r, _ in token_references(token)]) + ([extra[0]] if extra else [])
    free = [i for i in range(len(side.words)) if i not in used]
    if known:
        for i in range(len(side.words)):
            hit = next((r for r in known if r in side.stems[i]), None)
            if hit is not None:
                return i, hit
        for i in free:
            if frequent(side, i):
                continue
            for stem in sorted(side.stems[i]):
                if any(known_variant(stem, r) for r in known):
                    return i, stem
        stuck = glued(side, known, used)
        if stuck is not None:
            return stuck, side.words[stuck].folded
        hit = model_match(token, side, [i for i in free if not frequent(side, i)], found_excess(translit.clean_english(token)))
        if hit is not None and not any(is_near(hit[1], r) for r in known):
            return hit
        return None
    best = model_references(token)
    for i in free:
        for stem in sorted(side.stems[i]):
            if any(stem == r or (abs(len(stem) - len(r)) <= 2 and skeleton(stem) == skeleton(r)) for r, _ in best):
                return i, stem
    stuck = glued(side, [r for r, _ in best], used)
    if stuck is not None:
        return stuck, side.words[stuck].folded
    return model_match(token, side, free, found_excess(translit.clean_english(token)))


def frequent(side: ArabicSide, i: int) -> bool:
    """An ordinary Arabic word (by itself or without its clitics), not a known name spelling."""
    w = side.words[i].folded
    if arabic_zipf(w) >= WORD_ZIPF:
        return w not in known_arabic_names()
    return any(arabic_zipf(s) >= WORD_ZIPF and s not in known_arabic_names() for s in side.stems[i] if len(s) >= 3)


KNOWN_MARGIN = 2.0  # nats: another spelling of a known name must be about as likely as the known one


def known_variant(stem: str, ref: str) -> bool:
    """One soft edit from a known spelling (a long vowel, a same-sound consonant)."""
    if stem == ref or abs(len(stem) - len(ref)) > 1 or skeleton(stem) != skeleton(ref):
        return False
    soft, hard = compare(stem, ref)
    return hard == 0 and soft <= 1


MODEL_CANDIDATES = 3  # words scored by the model per token, the likeliest by shared consonants
MODEL_MIN_LETTERS = 4  # shorter names (Kim, Lee) are too easily "spelt" by some word: exact or variant only


def model_match(token: str, side: ArabicSide, free: list[int], limit: float) -> tuple[int, str] | None:
    """The word the model finds a plausible spelling of the token (excess within `limit`), if any.

    The dynamic programme is the costly part, so only the few stems sharing most consonant
    classes with the model's best spelling (and a plausible first letter and length) are scored.
    """
    clean = translit.clean_english(token)
    if len(clean) < MODEL_MIN_LETTERS:
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


def run_together(side: ArabicSide, forms: list[str], used: set[int]) -> tuple[int, int] | None:
    """(first, last) word of a multiword form written with a space missing or moved (رئيسالولايات
    المتحدة, لاباز, كاروليناالجنوبية) or with long vowels chosen otherwise (فيرجينا الغربية):
    consecutive words whose letters, spaces dropped, hold the form (or are a usual variant of it)."""
    joined = [f.replace(" ", "") for f in forms if " " in f]
    if not joined:
        return None
    words = [w.folded for w in side.words]
    for first in range(len(words)):
        if first in used:
            continue
        for last in range(first, min(first + 3, len(words))):
            if last in used:
                break
            window = "".join(words[first : last + 1])
            head, tail = len(words[first]), len(window) - len(words[last])
            for form in joined:
                at = window.find(form)
                # the form starts in the first word and ends in the last: the span is the name's
                inside = 0 <= at < head and at + len(form) > tail
                if len(form) >= GLUED_MIN and (inside or usual_variant(window, form)):
                    return first, last
    return None
