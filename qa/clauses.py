"""Clauses of a sentence: the units an omission or an addition is made of.

A clause here is a stretch of a sentence between clause boundaries: punctuation (commas,
semicolons, colons, dashes, brackets) and the words that open a coordinate, relative or
adverbial clause (English "but", "which", "after", "saying"; Arabic لكن، الذي، بعد أن، مضيفا).
Fragments shorter than `MIN_WORDS` are merged into a neighbour, so "Kyiv and Moscow" stays one
piece. Spans are offsets into the original text.

Written by hand: sentence splitters (pysbd) stop at sentence ends, and a parser (spaCy,
Stanza) would cost a model load and more time than the whole run for a boundary heuristic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.arabic import fold
from qa.model import Span

MIN_WORDS = 3

# Punctuation that ends a clause; a comma or colon between digits (1,000 / 10:30) does not.
_EN_PUNCT = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|;|\s[-\u2013\u2014]+\s|[\u2013\u2014]")
# A sentence end inside a pair (the aligner joins up to two sentences) is a boundary too, unless
# the full stop ends an abbreviation or an initial ("Mr. Trump", "J. K. Rowling").
_EN_SENTENCE_END = re.compile(r"(\S+)[.!?][\"'\u201d)]?\s+(?=[\"'\u201c(]?[A-Z])")
EN_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st rev gen sen rep gov lt col capt sgt prof jr sr mt ft no vs etc inc ltd co corp jan feb
    mar apr aug sept sep oct nov dec u.s u.k u.n e.u d.c""".split()
)
_AR_PUNCT = re.compile(
    r"[\u060c\u061b;]|(?<!\d)[,:]|[,:](?!\d)|\s[-\u2013\u2014]+\s|[\u2013\u2014]|(?<=[.!?\u061f])\s+(?=\S)"
)

# A bracketed stretch is a clause of its own, brackets included.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")

# Words that open a clause (the boundary falls before them).
EN_OPENERS = frozenset(
    """and but yet while whereas which who whom whose where when after before because although though
    since until unless if whether saying adding including despite amid following according""".split()
)
_EN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

# Arabic openers, folded (qa.arabic.fold): conjunctions, relatives, subordinators, circumstantial participles.
AR_OPENERS = frozenset(
    fold(w)
    for w in """لكن ولكن لكنه لكنها بينما فيما الذي التي الذين اللذين اللذان اللتان اللتين اللواتي اللاتي والذي والتي والذين
    حيث وحيث مضيفا مضيفة ومضيفا قائلا قائلة وقائلا عندما وعندما حين وحين بعد وبعد قبل وقبل لأن لانه لانها بسبب
    رغم ورغم برغم بالرغم على وعلى حتى إذا وإذا لو ولو كما وكما ثم مما وقال وقالت وأضاف وأضافت أضاف أضافت
    وفقا ووفقا بما وبما إلا""".split()
)
# "على" opens a clause only in "على الرغم"; handled below.
_AR_TOKEN = re.compile(r"\S+")


def _merge_short(spans: list[Span], text: str, min_words: int) -> list[Span]:
    """Merge spans with fewer than min_words words into the following one (the last into the previous)."""
    out: list[Span] = []
    pending: Span | None = None
    for span in spans:
        if pending is not None:
            span = Span(pending.start, span.end)
            pending = None
        if len(text[span.start : span.end].split()) < min_words:
            pending = span
        else:
            out.append(span)
    if pending is not None:
        if out:
            out[-1] = Span(out[-1].start, pending.end)
        else:
            out.append(pending)
    return out


def _trim(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding spaces and clause punctuation; None if nothing is left."""
    strip = " \t\u00a0,;:\u060c\u061b-\u2013\u2014"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip + ".?!\u061f\u2026":
        end -= 1
    return Span(start, end) if start < end else None


def _cut(text: str, cuts: list[int], min_words: int) -> list[Span]:
    bounds = sorted({0, len(text), *cuts})
    raw = [s for a, b in zip(bounds, bounds[1:]) if (s := _trim(text, a, b)) is not None]
    return _merge_short(raw, text, min_words)


def _punct_cuts(pattern: re.Pattern[str], text: str) -> list[int]:
    cuts = [i for m in pattern.finditer(text) for i in (m.start(), m.end())]
    cuts += [i for m in _BRACKETED.finditer(text) for i in (m.start(), m.end())]
    return cuts


@lru_cache(maxsize=8192)
def english_clauses(text: str, min_words: int = MIN_WORDS, split_words: bool = True) -> tuple[Span, ...]:
    """Clause spans of an English sentence (split_words=False: cut at punctuation only)."""
    cuts = _punct_cuts(_EN_PUNCT, text)
    for m in _EN_SENTENCE_END.finditer(text):
        word = m.group(1).lower().strip("\"'(\u201c")
        if word not in EN_ABBREVIATIONS and not (len(word) == 1 and word.isalpha()):
            cuts.append(m.end())
    for m in _EN_WORD.finditer(text) if split_words else ():
        if m.group().lower() in EN_OPENERS and m.start() > 0:
            cuts.append(m.start())
    return tuple(_cut(text, cuts, min_words))


@lru_cache(maxsize=8192)
def arabic_clauses(text: str, min_words: int = MIN_WORDS, split_words: bool = True) -> tuple[Span, ...]:
    """Clause spans of an Arabic sentence (split_words=False: cut at punctuation only)."""
    cuts = _punct_cuts(_AR_PUNCT, text)
    tokens = list(_AR_TOKEN.finditer(text)) if split_words else []
    for i, m in enumerate(tokens):
        if m.start() == 0:
            continue
        word = fold(m.group().strip("\"'\u201c\u201d.،"))
        if word in AR_OPENERS:
            if word in ("علي", "وعلي"):
                nxt = fold(tokens[i + 1].group()) if i + 1 < len(tokens) else ""
                if nxt != "الرغم":
                    continue
            cuts.append(m.start())
    return tuple(_cut(text, cuts, min_words))


_JOINT = " \t\u00a0,;:\u060c\u061b-\u2013\u2014"
_FINAL = (".", "?", "!", "\u061f", "\"", "\u201d", "\u00bb", "")


def without(text: str, span: Span) -> str:
    """The text with one span removed and its joint tidied: the separator before a removed
    last clause goes with it, and a removed first clause takes the separator after it."""
    left, right = text[: span.start].rstrip(), text[span.end :].lstrip()
    if not left:
        right = right.lstrip(_JOINT)
    elif right[:1] in _FINAL or right[:1] in _JOINT:
        left = left.rstrip(_JOINT)
    if right[:1] in _FINAL or right[:1] in ",;:\u060c\u061b":
        return (left + right).strip()
    return f"{left} {right}".strip()
