"""English negation cues, the words they govern, and sources with a cue flipped.

Written by hand: the cues are a closed class, and scope at clause level needs only the clause
boundaries (punctuation) and a few function words to skip when looking for the negated head; a
parser would cost more than the whole check (spaCy's small model alone takes seconds to load).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.model import Span
from qa.polarity.lexicon import CueEntry, english_affixal, english_cues, longest_cue

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*\d|\d")
_NT = re.compile(r"^(.+?)(n['’]t)$", re.IGNORECASE)
# Contracted verbs whose base is not the token minus n't.
_NT_BASE = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_NUMBER_AFTER = re.compile(r"\.?\s?\d")
# "neither X nor Y", "not X nor Y": one negation, however many cue words
_NOR_OPENERS = frozenset({"neither", "not", "n't", "no", "never", "nor"})
# A clause ends at these (quotes do not end one: "made "no progress"" is one clause).
_BOUNDARY = re.compile(r"[,;:.!?()\[\]–—]")
# Words between a cue and the word it negates ("did not even make any", "is not yet").
_SKIP = frozenset(
    """a an the any anything anyone be been being is are was were am do does did have has had having to
    yet even ever really very so too much more always necessarily actually quite entirely fully all
    he she it they we i you there this that these those his her its their our my your one of""".split()
)


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class EnglishCue:
    """A negation cue in the source: its lexicon entry, its span, and the cue with its head."""

    entry: CueEntry
    span: Span
    head: Span  # the cue and the word it governs ("no progress", "did not raise" -> "not raise")
    position: float  # relative position of the cue in the sentence (0..1), for cross-lingual matching
    token: int  # index of the cue's first token

    @property
    def strength(self) -> str:
        return self.entry.strength


def tokens(text: str) -> list[Token]:
    """Word tokens with offsets; a contracted negation is split off ("didn't" -> "did", "n't")."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        nt = _NT.match(word) if word[-1] in "tT" and ("'" in word or "’" in word) else None  # only n't can match
        if nt:
            cut = m.start() + len(nt.group(1))
            out.append(Token(nt.group(1), nt.group(1).lower(), m.start(), cut))
            out.append(Token(nt.group(2), "n't", cut, m.end()))
        else:
            out.append(Token(word, word.lower(), m.start(), m.end()))
    return out


def _clause_break(text: str, left: Token, right: Token) -> bool:
    return bool(_BOUNDARY.search(text[left.end : right.start]))


def _head(text: str, toks: list[Token], first: int, last: int) -> Span:
    """The cue tokens [first, last] and the first content word after them in the same clause."""
    end = toks[last].end
    for i in range(last + 1, min(len(toks), last + 6)):
        if _clause_break(text, toks[i - 1], toks[i]):
            break
        end = toks[i].end
        if toks[i].lower not in _SKIP:
            break
    start = toks[first].start
    if toks[first].lower == "n't":  # include the auxiliary: "don't need"
        start = toks[first - 1].start if first else start
    return Span(start, end)


@lru_cache(maxsize=1)
def _cue_width() -> int:
    return longest_cue(english_cues())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(words[0] for words in english_cues())


def find_cues(text: str) -> tuple[list[EnglishCue], list[Token]]:
    """Negation cues of an English sentence (longest lexicon match first; fixed phrases such as
    "not only" or "no matter" mask their words), and the tokens."""
    toks = tokens(text)
    table = english_cues()
    affixal = english_affixal()
    width = _cue_width()
    cues: list[EnglishCue] = []
    length = max(1, len(text))
    lowers = [t.lower for t in toks]
    first = _first_words()
    i = 0
    while i < len(toks):
        entry, n = None, 1
        if lowers[i] in first:
            for size in range(min(width, len(toks) - i), 0, -1):
                words = tuple(lowers[i : i + size])
                if words in table and not any(_clause_break(text, toks[k], toks[k + 1]) for k in range(i, i + size - 1)):
                    entry, n = table[words], size
                    break
        if entry is None and toks[i].lower in affixal:
            entry = CueEntry((toks[i].lower,), "affix", "weak", affixal[toks[i].lower], "negated by an affix")
        if entry is not None and toks[i].lower == "no" and n == 1 and _NUMBER_AFTER.match(text, toks[i].end):
            entry = None  # "No. 1", "No 10 Downing Street": a number sign
        elif entry is not None and toks[i].lower == "no" and n == 1 and text[toks[i].end : toks[i].end + 1] in (",", ".", "!", "?", ""):
            entry = CueEntry(entry.words, "determiner", "weak", "", "an answer (\"No, ...\")")
        if entry is not None and entry.strength == "strong" and n == 1 and text[toks[i].end : toks[i].end + 1] == "-" and entry.kind == "determiner":
            entry = CueEntry(entry.words, "affix", "weak", "", "a compound (no-confidence, no-fault)")
        if entry is not None and entry.kind in ("determiner", "pronoun", "adverb") and _concord(text, toks, cues, i):
            entry = CueEntry(entry.words, entry.kind, "weak", entry.flip, "negative concord (\"don't see no\")")
        if entry is not None and entry.words == ("nor",) and any(c.entry.words[0] in _NOR_OPENERS for c in cues):
            entry = CueEntry(entry.words, entry.kind, "weak", entry.flip, "nor continuing an earlier negation")
        if entry is not None and entry.strength != "none":
            head = _head(text, toks, i, i + n - 1)
            span = Span(toks[i].start, toks[i + n - 1].end)
            cues.append(EnglishCue(entry, span, head, toks[i].start / length, i))
        i += n
    return cues, toks


def _concord(text: str, toks: list[Token], cues: list[EnglishCue], i: int) -> bool:
    """A negative word up to three words after a clause negation in the same clause repeats it
    ("you don't see no tail"): one negation."""
    for cue in cues:
        if cue.entry.kind == "particle" and cue.strength == "strong" and 0 < i - cue.token <= 3:
            return not any(_clause_break(text, toks[k], toks[k + 1]) for k in range(cue.token, i))
    return False


def flip(text: str, cue: EnglishCue, toks: list[Token]) -> str:
    """The sentence with this cue made affirmative: deleted, or replaced by its lexicon flip
    ("refused" -> "agreed", "nothing" -> "something", "didn't" -> "did")."""
    first = toks[cue.token]
    if first.lower == "n't":
        aux = toks[cue.token - 1]
        base = _NT_BASE.get(aux.lower, aux.text)
        return _splice(text, aux.start, first.end, base)
    return _splice(text, cue.span.start, cue.span.end, cue.entry.flip)


def clause(text: str, cue: EnglishCue, toks: list[Token], before: int = 8, after: int = 10) -> tuple[str, str]:
    """The clause around a cue (at most `before`/`after` words either side) and the same clause
    with the cue flipped: a local probe, where the negation weighs more than in a long sentence."""
    first = last = cue.token
    while first > 0 and cue.token - first < before and not _clause_break(text, toks[first - 1], toks[first]):
        first -= 1
    while last + 1 < len(toks) and last - cue.token < after and not _clause_break(text, toks[last], toks[last + 1]):
        last += 1
    start, end = toks[first].start, toks[last].end
    local = text[start:end]
    local_toks = tokens(local)
    index = next(k for k, t in enumerate(local_toks) if t.start == toks[cue.token].start - start)
    shifted = EnglishCue(cue.entry, Span(cue.span.start - start, cue.span.end - start), cue.head, cue.position, index)
    return local, flip(local, shifted, local_toks)


def chunks(text: str, size: int = 12) -> list[tuple[float, str]]:
    """The sentence cut at clause punctuation into pieces of at most `size` words, with the
    relative position of each piece's centre: the candidates a clause of the other language is
    compared with."""
    toks = tokens(text)
    return _cut([(t.start, t.end) for t in toks], [_clause_break(text, a, b) for a, b in zip(toks, toks[1:])], text, size)


def _cut(spans: list[tuple[int, int]], breaks: list[bool], text: str, size: int) -> list[tuple[float, str]]:
    pieces, current = [], []
    for k, span in enumerate(spans):
        current.append(span)
        if k == len(spans) - 1 or breaks[k] or len(current) >= size:
            pieces.append(current)
            current = []
    if len(pieces) > 1 and len(pieces[-1]) < 3:  # a short tail joins the piece before it
        tail = pieces.pop()
        pieces[-1] += tail
    length = max(1, len(text))
    return [((p[0][0] + p[-1][1]) / 2 / length, text[p[0][0] : p[-1][1]]) for p in pieces]


def _splice(text: str, start: int, end: int, new: str) -> str:
    before, after = text[:start], text[end:]
    if new:
        return before + new + after
    before = before.rstrip(" ")
    if not before or before[-1] in "\"“'‘(":  # the cue opened the sentence or a quotation
        after = after.lstrip(" ,")
        return before + (after[:1].upper() + after[1:] if not before else after)
    return before + (after if after[:1] in ("", " ", ",", ".", "!", "?", ";", ":") else " " + after)
