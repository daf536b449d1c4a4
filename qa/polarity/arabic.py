"""Arabic negation cues, what they govern, and texts with a cue flipped.

Matching runs on qa.arabic's folded words with their proclitic readings; every span is an offset
into the original text. Written by hand because no installable Arabic analyser tells negative ما
from relative ما or restrictive لا ... إلا from negation (camel-tools needs a model download).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from qa.arabic import DROPPED, fold, normalize, strip_clitics, words
from qa.model import Span
from qa.polarity.lexicon import CueEntry, arabic_cues, longest_cue

if TYPE_CHECKING:
    from qa.polarity.antonyms import Word

# Proclitics a negation particle may carry (ولم، فلا); nouns, masdars and verbs may carry any.
_PARTICLE_CLITICS = ("", "و", "ف")
_FUNCTION_KINDS = ("particle", "copula", "idiom", "pronoun", "adverb", "conjunction", "preposition")
_SUFFIXES = ("هما", "ها", "هم", "ه", "كم", "نا", "ني")
_CLAUSE_END = re.compile(r"[،,؛;.!?؟:()\[\]«»–—]")
_SENTENCE_END = re.compile(r"[.!?؟]")
_EXCEPT = frozenset(fold(w) for w in ("إلا", "سوى"))
_ONLY = frozenset(fold(w) for w in ("فقط", "فحسب"))
_THAT = frozenset(fold(w) for w in ("أن", "أنه", "أنها", "إن", "انه"))
_QUESTION_OR_CONDITION = frozenset(fold(w) for w in ("هل", "إذا", "لو", "حال", "كلما", "أيا", "مهما", "يمكن", "يمكنه", "يمكنك",
                                                       "عكس", "خلاف", "بخلاف"))  # على عكس أي شيء = unlike anything
_IN = fold("إن")  # folds with أن "that": conditional only before a verb (إن كان، إن لم)
_NPI_BLOCKERS_BEFORE = frozenset(fold(w) for w in ("من", "في", "على", "عن", "إلى", "مع", "أكثر", "كل"))
_NPI_BLOCKERS_AFTER = frozenset(fold(w) for w in ("أن", "أنه", "أنها", "حال", "وقت", "مكان", "شخص"))
_PARTICLES_STRONG = frozenset(fold(w) for w in ("لا", "لم", "لن", "ما", "ليس", "ليست", "ليسوا", "ليسا", "لست", "لسنا"))


@dataclass(frozen=True)
class ArabicCue:
    entry: CueEntry
    strength: str  # the entry's, or weak when the context makes it restrictive (لم ... إلا)
    span: Span  # the cue word(s), proclitics included
    head: Span  # the cue and the next word ("لم يطرح", "غير سعيد")
    prefix: str  # the original proclitic letters on the cue ("و" in ولم)
    position: float
    word: int  # index of the cue's first word
    width: int  # number of words the cue covers


@dataclass(frozen=True)
class ArabicText:
    """A text's words and cues, for the decisions and probes of one pair."""

    text: str
    words: list
    cues: list[ArabicCue]
    unlicensed_npi: list[Span]  # "أي تقدم" with no negation, question or condition to license it


def _clause_break(text: str, ws, i: int, j: int) -> bool:
    """True when a clause boundary lies between words i and j (i < j)."""
    return bool(_CLAUSE_END.search(text[ws[i].span.end : ws[j].span.start]))


@lru_cache(maxsize=65536)
def _strip_suffix(stem: str) -> tuple[str, ...]:
    """The stem without a pronoun suffix; ة is written ت before one (براءته = براءة + ه)."""
    out = []
    for s in _SUFFIXES:
        if stem.endswith(s) and len(stem) - len(s) >= 3:
            bare = stem[: -len(s)]
            out.append(bare)
            if bare.endswith("ت"):
                out.append(bare[:-1] + "ه")
    return tuple(out)


@lru_cache(maxsize=65536)
def _clitic_readings(word: str) -> tuple[tuple[str, str], ...]:
    return tuple(strip_clitics(word))


@lru_cache(maxsize=65536)
def _stems(word: str) -> frozenset[str]:
    """Every stem a folded word may have, with and without a pronoun suffix (a quick pre-filter)."""
    return frozenset(x for _, stem in _clitic_readings(word) for x in (stem, *_strip_suffix(stem)))


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(words[0] for words in arabic_cues())


@lru_cache(maxsize=1)
def _cue_width() -> int:
    return longest_cue(arabic_cues())


@lru_cache(maxsize=65536)
def _may_cue(word: str) -> bool:
    """A quick filter: can this folded word start a cue (or hide a glued particle)?"""
    return (
        not _stems(word).isdisjoint(_first_words())
        or word == "الا"
        or len(word) >= GLUED_RUN
        or (len(word) >= 5 and (word.startswith(_GLUED_PARTICLES) or word.endswith(_GLUED_PARTICLES)))
        or (len(word) >= 8 and bool(_GLUED_INSIDE.search(word[2:])))
    )


def _readings(word: str, kind_ok) -> list[tuple[str, str]]:
    """(proclitics, stem) readings of a folded word whose proclitics the kind allows."""
    return [(pre, stem) for pre, stem in strip_clitics(word) if kind_ok(pre)]


def _match(ws, i: int, table, width: int):
    """The longest lexicon entry starting at word i: (entry, words covered, folded proclitics)."""
    if _stems(ws[i].folded).isdisjoint(_first_words()):
        return None, 0, ""
    for size in range(min(width, len(ws) - i), 0, -1):
        rest = tuple(w.folded for w in ws[i + 1 : i + size])
        for pre, stem in _clitic_readings(ws[i].folded):
            for candidate in (stem, *_strip_suffix(stem)) if size == 1 else (stem,):
                entry = table.get((candidate, *rest))
                if entry is None:
                    continue
                if entry.kind in _FUNCTION_KINDS and pre not in _PARTICLE_CLITICS:
                    continue
                if entry.kind == "npi" and pre:  # قط in فقط is "only"
                    continue
                if candidate != stem and entry.kind not in ("verb", "preposition"):  # بدونهما: without them
                    continue
                return entry, size, pre
    return None, 0, ""


def _original_prefix(text: str, span: Span, folded_prefix: str) -> str:
    """The original characters of a word's first `len(folded_prefix)` folded letters."""
    if not folded_prefix:
        return ""
    word = normalize(text[span.start : span.end])
    cut = len(folded_prefix)
    return span.of(text)[: word.origin[cut]] if cut < len(word.origin) else span.of(text)


def _restrictive(text: str, ws, i: int) -> bool:
    """لم/لا/ما/ليس ... إلا/سوى in one clause is "only" (لم يبق إلا يومان), not a negation."""
    for j in range(i + 1, min(len(ws), i + 10)):
        if _clause_break(text, ws, j - 1, j):
            return False
        if ws[j].folded in _EXCEPT:
            return not (j + 1 < len(ws) and ws[j + 1].folded in _THAT)
    return False


def restrictive_later(analysis: ArabicText, i: int) -> bool:
    """إلا/سوى later in the sentence of word i, past the clause that _restrictive looks at: a long
    "لم يتمكن ... من ... إلا بعد" is still "only"."""
    text, ws = analysis.text, analysis.words
    for j in range(i + 1, len(ws)):
        if _SENTENCE_END.search(text[ws[j - 1].span.end : ws[j].span.start]):
            return False
        if ws[j].folded in _EXCEPT:
            return not (j + 1 < len(ws) and ws[j + 1].folded in _THAT)
    return False


def _not_only(ws, i: int) -> bool:
    return any(w.folded in _ONLY for w in ws[i + 1 : i + 4])


def find_cues(text: str) -> ArabicText:
    ws = words(text)
    table = arabic_cues()
    width = _cue_width()
    cues: list[ArabicCue] = []
    npis: list[int] = []
    length = max(1, len(text))
    i = 0
    while i < len(ws):
        if not _may_cue(ws[i].folded):
            i += 1
            continue
        entry, n, pre = _match(ws, i, table, width)
        original = ws[i].span.of(text)
        if entry is None and original.startswith("ألا") and ws[i].folded == fold("ألا"):
            entry, n, pre = table[("لا",)], 1, ""  # أن + لا ("يجب ألا" = must not)
        if entry is not None and entry.kind == "npi":
            npis.append(i)
        if entry is not None and entry.words == ("ما",) and not _negative_ma(text, ws, i, pre):
            entry = None
        if entry is not None and entry.words == ("غير",) and _ghayr_is_verb(text, ws, i):
            entry = None
        if entry is None:
            entry, n, pre = _glued(ws[i].folded, original), 1, ""
        if entry is None or entry.strength == "none":
            i += max(n, 1)
            continue
        strength = entry.strength
        if strength == "strong" and entry.words[0] in _PARTICLES_STRONG and (_restrictive(text, ws, i) or _not_only(ws, i)):
            strength = "weak"
        if strength == "strong" and entry.words == ("لا",) and not pre and (i + 1 == len(ws) or _clause_break(text, ws, i, i + 1)):
            entry, strength = _INTERJECTION, "weak"  # "لا، لم أفعل" = "No, I didn't": an answer
        if strength == "strong" and n == 1 and entry.words[0] in _VERBAL and not _verb_follows(text, ws, i):
            strength = "weak"  # لم/لن take an imperfect verb: "وفقًا لم قاله" is a typo of لما
        if (entry.words == ("لا",) and entry.kind == "particle" and strength == "strong" and i + 1 < len(ws)
                and ws[i + 1].folded.startswith("م") and len(ws[i + 1].folded) >= 4 and not _clause_break(text, ws, i, i + 1)):
            entry = _LA_ADJECTIVE  # لا متناهية، لا محدود: an affix on a participle, like غير
        span = Span(ws[i].span.start, ws[i + n - 1].span.end)
        last = i + n - 1
        head_end = ws[last + 1].span.end if last + 1 < len(ws) and not _clause_break(text, ws, last, last + 1) else span.end
        cues.append(
            ArabicCue(entry, strength, span, Span(span.start, head_end), _original_prefix(text, ws[i].span, pre),
                      span.start / length, i, n)
        )
        i += n
    return ArabicText(text, ws, cues, _unlicensed(text, ws, cues, npis))


_GLUED = CueEntry(("لا",), "particle", "weak", "", "a negation particle run together with its neighbour (لميخبرها)")
_GLUED_PARTICLES = ("لم", "لن", "لا")
GLUED_RUN = 13  # an Arabic "word" this long is several words run together
_GLUED_INSIDE = re.compile("(?<!ا)(?:لا|لم|لن)[يتن]..")  # not the article: الاتحاد
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "كم", "نا")


_VERBAL = frozenset({"لم", "لن"})
_INTERJECTION = CueEntry(("لا",), "interjection", "weak", "", "لا as an answer (لا، = No,)")
_LA_ADJECTIVE = CueEntry(("لا",), "affix", "strong", "", "لا before a participle or adjective (لا متناهية = infinite)")


def _verb_follows(text: str, ws, i: int) -> bool:
    return i + 1 < len(ws) and ws[i + 1].folded[:1] in "يتنا" and not _clause_break(text, ws, i, i + 1)


def _ghayr_is_verb(text: str, ws, i: int) -> bool:
    """غيّر "changed" is written like غير "non-": with a shadda, or before a noun with a pronoun
    suffix (غير رأيه، غير اسمه), it is the verb (غير المنطقية, غير مباشر stay "non-")."""
    original = ws[i].span.of(text)
    if "\u0651" in original:
        return True
    if i + 1 >= len(ws) or _clause_break(text, ws, i, i + 1):
        return False
    nxt = ws[i + 1].span.of(text)
    return nxt.endswith(_PRONOUN_ENDINGS) and not nxt.startswith(("م", "ال")) and len(ws[i + 1].folded) >= 4


def _glued(word: str, original: str) -> CueEntry | None:
    """A particle run together with a word when the space is missing (لميخبرها، الشيوخلا،
    لكنزيارتهالأخيرةلمتسرع): a word unknown to wordfreq that starts with a particle before an
    imperfect verb, ends with a particle after a known word, or is a run of several words with a
    particle inside. A weak cue: it may render an English negation, it is never an added one."""
    if len(word) < 5:
        return None
    light = "".join(ch for ch in original if ch not in DROPPED)  # hamza kept: لأتمكن is ل + أتمكن
    if len(word) >= GLUED_RUN:
        return _GLUED if _GLUED_INSIDE.search(light) else None
    if len(word) >= 8 and _GLUED_INSIDE.search(light[2:]):  # فهملايلقون: فهم لا يلقون
        from qa.names.lexicon import arabic_zipf

        return None if arabic_zipf(word) else _GLUED
    starts, ends = light.startswith(_GLUED_PARTICLES), light.endswith(_GLUED_PARTICLES)
    if not starts and not ends:
        return None
    from qa.names.lexicon import arabic_zipf  # the shipped Arabic word frequencies

    if arabic_zipf(word):
        return None
    head, tail = word[2:], word[:-2]
    if starts and head[:1] in "يتن" and any(arabic_zipf(h) for h in (head, *_strip_suffix(head))):
        return _GLUED  # لايناسبه: لا يناسبه
    if ends and arabic_zipf(tail):
        return _GLUED
    return None


def _negative_ma(text: str, ws, i: int, pre: str) -> bool:
    """ما can negate a perfect verb only at the head of its clause (ما قال، وما زار), not after a
    verb or preposition (ما قاله = what he said, في ما، كل ما), and not before a definite noun."""
    starts_clause = i == 0 or bool(pre) or _clause_break(text, ws, i - 1, i)
    following = ws[i + 1].folded if i + 1 < len(ws) else ""
    return starts_clause and bool(following) and not following.startswith("ال")


def _unlicensed(text: str, ws, cues: list[ArabicCue], npis: list[int]) -> list[Span]:
    """Negative-polarity words with no negation, question or condition before them in their
    sentence: bare أي + noun after a verb ("أحرز أي تقدم"), or أبدا/قط ("ستتخلى أبدا"). Their
    negation is gone."""
    out = []
    cue_words = {c.word + k for c in cues for k in range(c.width)}
    for j, w in enumerate(ws):
        if j == 0:
            continue
        if j in npis:
            span = Span(ws[j - 1].span.start, w.span.end)
        elif w.folded == "اي" and w.span.of(text).startswith("أ") and j + 1 < len(ws):
            if _clause_break(text, ws, j, j + 1) or ws[j + 1].folded in _NPI_BLOCKERS_AFTER:
                continue  # "أي، ..." or "أي أن" = that is
            if ws[j - 1].folded in _NPI_BLOCKERS_BEFORE:
                continue  # "أكثر من أي", "في أي وقت": comparative or free choice
            span = Span(w.span.start, ws[j + 1].span.end)
        else:
            continue
        licensed = "؟" in text or "?" in text
        for k in range(j - 1, -1, -1):
            if _SENTENCE_END.search(text[ws[k].span.end : ws[k + 1].span.start]):
                break
            if k in cue_words or ws[k].folded in _QUESTION_OR_CONDITION or _conditional_in(ws, k):
                licensed = True
                break
        if not licensed:
            out.append(span)
    return out


def _conditional_in(ws, k: int) -> bool:
    """إن "if" (إن كان، إن لم، إن يفعل), not إن/أن "that" before a noun (قال إن الشركة)."""
    if ws[k].folded != _IN or k + 1 >= len(ws):
        return False
    nxt = ws[k + 1].folded
    return nxt in _IF_VERBS or nxt[:1] in "يت"


_IF_VERBS = frozenset(fold(w) for w in ("كان", "كانت", "كانوا", "لم"))


def delete_cue(text: str, cue: ArabicCue, ws) -> str:
    """The text with the cue made affirmative: deleted (its proclitics join the next word), or
    replaced by its lexicon flip (رفض -> قبل; لن تتراجع -> ستتراجع)."""
    flip = cue.entry.flip
    nxt = cue.word + cue.width
    if flip.endswith("+") or (not flip and cue.prefix):
        glue = cue.prefix + flip.rstrip("+")
        if nxt < len(ws):
            return text[: cue.span.start] + glue + text[ws[nxt].span.start :]
        return text[: cue.span.start].rstrip() + text[cue.span.end :]
    if flip:
        return text[: cue.span.start] + cue.prefix + flip + text[cue.span.end :]
    before, after = text[: cue.span.start], text[cue.span.end :]
    if before.endswith(" ") and after.startswith(" "):
        after = after[1:]
    elif not before:
        after = after.lstrip()
    return before + after


def swap(text: str, antonym: Word, replacement: str) -> str:
    """The text with the antonym word's stem replaced (its proclitics and suffixes kept)."""
    return text[: antonym.stem.start] + replacement + text[antonym.stem.end :]


def clause_bounds(analysis: ArabicText, first_word: int, last_word: int, before: int = 8, after: int = 10) -> Span:
    """The clause around words [first_word, last_word], at most `before`/`after` words either side."""
    text, ws = analysis.text, analysis.words
    first, last = first_word, last_word
    while first > 0 and first_word - first < before and not _clause_break(text, ws, first - 1, first):
        first -= 1
    while last + 1 < len(ws) and last - last_word < after and not _clause_break(text, ws, last, last + 1):
        last += 1
    return Span(ws[first].span.start, ws[last].span.end)


def chunks(analysis: ArabicText, size: int = 12) -> list[tuple[float, str]]:
    from qa.polarity.english import _cut

    ws = analysis.words
    if not ws:
        return []
    breaks = [_clause_break(analysis.text, ws, k, k + 1) for k in range(len(ws) - 1)]
    return _cut([(w.span.start, w.span.end) for w in ws], breaks, analysis.text, size)


def word_at(analysis: ArabicText, offset: int) -> int:
    return next((k for k, w in enumerate(analysis.words) if w.span.start <= offset < w.span.end), 0)


def negated_verb(word: str) -> str:
    """A suggestion for negating an Arabic verb as written: لا + an imperfect (يريد -> لا يريد),
    لم + the jussive skeleton of a perfect (أحرز -> لم يحرز, أحرزت -> لم تحرز, أحرزوا -> لم يحرزوا);
    ما + the word when its shape is unclear (ما is grammatical before any perfect verb); "" for
    a word shaped like a noun."""
    bare = "".join(ch for ch in word if ch not in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if len(bare) < 3 or bare.startswith("ال") or bare.endswith(("ة", "ات")):
        return ""  # a noun: no verb to negate
    if bare[0] in "يتن" and not bare.endswith(("ت", "وا")):
        return f"لا {word}"
    person, stem, tail = "ي", bare, ""
    if stem.endswith("وا"):
        stem, tail = stem[:-2], "وا"
    elif stem.endswith("ت"):
        person, stem = "ت", stem[:-1]
    if len(stem) < 3 or "ا" in stem[1:] or "ى" in stem:  # hollow or defective (قال، استطاع، بنى)
        return f"ما {word}"
    if stem[0] in "أا" and len(stem) >= 4:  # أفعل -> يفعل, افتعل -> يفتعل, استفعل -> يستفعل
        stem = stem[1:]
    return f"لم {person}{stem}{tail}"
