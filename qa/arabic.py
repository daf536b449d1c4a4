"""Arabic text for matching: normalisation that keeps offsets, words, and clitic analyses.

Matching needs a folded form (hamza and alef variants, alef maqsura, ta marbuta, diacritics,
tatweel, presentation forms, Persian look-alikes); reports need offsets into the original text.
`normalize` returns both: the folded string and, for every folded character, the index of the
original character it came from. Written by hand because no maintained library keeps offsets
through Arabic folding (pyarabic and camel-tools return strings only).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from qa.model import Span

# Closed character sets, named with their code points (as translate-toolkit's lang/ar.py does).
FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
SUPERSCRIPT_ALEF = "\u0670"
TATWEEL = "\u0640"
DIACRITICS = frozenset(
    [FATHATAN, DAMMATAN, KASRATAN, FATHA, DAMMA, KASRA, SHADDA, SUKUN, SUPERSCRIPT_ALEF]
    + [chr(c) for c in range(0x0610, 0x061B)]  # Quranic annotation signs
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # Quranic small high signs
)
DROPPED = DIACRITICS | {TATWEEL, "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}  # ZWNJ, ZWJ, LRM, RLM, ALM

ALEF = "\u0627"
FOLD = {
    "\u0623": ALEF,  # أ alef with hamza above
    "\u0625": ALEF,  # إ alef with hamza below
    "\u0622": ALEF,  # آ alef with madda
    "\u0671": ALEF,  # ٱ alef wasla
    "\u0649": "\u064a",  # ى alef maqsura -> ي
    "\u0629": "\u0647",  # ة ta marbuta -> ه
    "\u0624": "\u0648",  # ؤ waw with hamza -> و
    "\u0626": "\u064a",  # ئ yeh with hamza -> ي
    "\u06cc": "\u064a",  # ی Farsi yeh -> ي
    "\u06a9": "\u0643",  # ک keheh -> ك
    "\u06c1": "\u0647",  # ہ heh goal -> ه
}

ARABIC_LETTER = "[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc]"
_WORD = re.compile(f"(?:{ARABIC_LETTER}|[{''.join(sorted(DROPPED))}])+")

# Proclitics in the order they stack: conjunction, preposition, article.
CONJUNCTIONS = ("\u0648", "\u0641")  # و ف
PREPOSITIONS = ("\u0628", "\u0644", "\u0643")  # ب ل ك
ARTICLE = "\u0627\u0644"  # ال
LAM_ARTICLE = "\u0644\u0644"  # لل: ل + ال with the alef dropped


@dataclass(frozen=True)
class Normalized:
    """A folded text and, per folded character, the index of its original character."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def span_to_original(self, start: int, end: int) -> Span:
        """Map a [start, end) span of the folded text back to the original text."""
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else self.original_length
            return Span(at, at)
        return Span(self.origin[start], self.origin[end - 1] + 1)


def fold_char(ch: str) -> str:
    """The folded form of one character ('' when it is dropped)."""
    if ch in DROPPED:
        return ""
    if ch in FOLD:
        return FOLD[ch]
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:  # presentation forms
        composed = unicodedata.normalize("NFKC", ch)
        if composed == ch:  # ﴾ ﴿ (U+FD3E/F), unassigned points: no decomposition (was endless recursion)
            return ch
        return "".join(fold_char(c) for c in composed)
    return ch


def normalize(text: str) -> Normalized:
    """Fold Arabic for matching, keeping the origin of every character."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        out.append(folded)
        origin.extend([i] * len(folded))
    return Normalized("".join(out), tuple(origin), len(text))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The folded text alone (for lexicon entries and gazetteer keys)."""
    return "".join(fold_char(ch) for ch in text)


@dataclass(frozen=True)
class ArabicWord:
    """A word of the original text: its folded form and its span in the original."""

    folded: str
    span: Span


def words(text: str) -> list[ArabicWord]:
    """The Arabic words of a text, folded, with spans in the original text."""
    return list(_words(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[ArabicWord, ...]:
    # Cached: several checks of a run read the words of the same Arabic sentence (measured: 4.7 calls a pair).
    out = []
    for m in _WORD.finditer(text):
        folded = fold(m.group())
        if folded:
            out.append(ArabicWord(folded, Span(m.start(), m.end())))
    return tuple(out)


def strip_clitics(word: str) -> list[tuple[str, str]]:
    """Every (proclitics, stem) reading of a folded word, the bare word first.

    وبالناتو -> [("", "وبالناتو"), ("و", "بالناتو"), ("وب", "الناتو"), ("وبال", "ناتو")].
    A reading keeps a stem of at least two letters; which reading is right is the caller's
    business (a name like واشنطن begins with و).
    """
    return list(_clitic_readings(word))


@lru_cache(maxsize=65536)
def _clitic_readings(word: str) -> tuple[tuple[str, str], ...]:
    # Cached: the name, number and negation checks each strip the same words (23k calls on NTREX).
    readings = [("", word)]
    seen = {word}

    def add(prefix: str, stem: str) -> None:
        if len(stem) >= 2 and stem not in seen:
            seen.add(stem)
            readings.append((prefix, stem))

    for conj in ("", *CONJUNCTIONS):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        add(conj, rest)
        for prep in ("", *PREPOSITIONS):
            if prep and not rest.startswith(prep):
                continue
            after = rest[len(prep) :]
            add(conj + prep, after)
            if after.startswith(ARTICLE):
                add(conj + prep + ARTICLE, after[2:])
        if rest.startswith(LAM_ARTICLE):
            add(conj + LAM_ARTICLE, rest[2:])
    return tuple(readings)
