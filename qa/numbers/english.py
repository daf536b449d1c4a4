"""Values in English news text: digits, number words, ordinals, fractions, percentages, times,
decades, month and weekday names, each with its span.

Hand-written over the shipped lexicon: word2number converts only a string that is a number as a
whole (it cannot find numbers in running text, and has no ordinals, fractions or "a dozen").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from qa.model import Span
from qa.numbers.english_digits import SCALES, DigitsMixin
from qa.numbers.lexicon import english_words, months, unit_factors, weekdays
from qa.numbers.quantity import HARD, IMPLIED, MONTH, NUM, VAGUE, WEEKDAY, WORD, Quantity, windows

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suffix>[A-Za-z]+)?"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<sym>[^\sA-Za-z\d])"
)
A_BEFORE = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "quarter", "third"))
# "one" is a pronoun more often than a number: "one of", "no one", "the one who".
ONE_PRONOUN_AFTER = frozenset("of another who that which whose or and s ' ’ , . ; : ? ! \" ) —".split())
ONE_PRONOUN_BEFORE = frozenset(
    "the this that any no every each which last next little big new old such".split()
)
SECOND_AS_TIME_BEFORE = frozenset(("a", "one", "per", "every", "split", "each", "fraction"))
MAY_CONTEXT = frozenset(
    "in of since until till by from early late mid last next this end on through before after between during".split()
)
TITLE_WORDS = frozenset(
    "times telegraph mirror post express people herald mail sport night morning show star sun independent review "
    "magazine edition brunch kitchen politics club league school service".split()
)
SENTENCE_START = frozenset(('.', '"', "“", "‘", "'", "(", ":", "!", "?"))


class Tok(NamedTuple):
    type: str  # num, word, sym
    text: str
    lower: str
    start: int
    end: int
    suffix: str


def _tokens(text: str, spans: list[tuple[int, int]]) -> list[Tok]:
    out: list[Tok] = []
    append, new = out.append, tuple.__new__
    for pos, endpos in spans:
        if out:
            append(new(Tok, ("sym", "…", "…", pos, pos, "")))  # a gap: nothing joins across it
        for m in _TOKEN.finditer(text, pos, endpos):
            s, (start, end) = m.group(), m.span()
            number = m.group("num")
            if number is not None:
                append(new(Tok, ("num", number, number, start, end, (m.group("suffix") or "").lower())))
            else:
                append(new(Tok, ("word" if s[0].isalpha() else "sym", s, s.lower(), start, end, "")))
    return out


@cache
def _interesting() -> frozenset[str]:
    """Lower-case words that may start a value (months keep their capitals in `months`)."""
    words = set(english_words()) | {w.lower() for w in weekdays("en")} | {w.lower() + "s" for w in weekdays("en")}
    return frozenset(words | {"group", "pool"})


_WORDS = re.compile(r"[A-Za-z]+|\d+")


@lru_cache(maxsize=8192)
def extract_english(text: str) -> tuple[Quantity, ...]:
    """Every value mentioned in an English text, in text order."""
    interesting, month_names = _interesting(), months("en")
    anchors = [
        m.span() for m in _WORDS.finditer(text)
        if m.group()[0].isdigit() or m.group().lower() in interesting or m.group() in month_names
    ]
    if not anchors:
        return ()  # most sentences: nothing to parse
    return tuple(_Parser(text, windows(text, anchors)).run())


class _Parser(DigitsMixin):
    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.toks = _tokens(text, spans)
        self.out: list[Quantity] = []

    # -- helpers ----------------------------------------------------------------------------
    def tok(self, j: int) -> Tok | None:
        return self.toks[j] if 0 <= j < len(self.toks) else None

    def low(self, j: int) -> str:
        t = self.tok(j)
        return t.lower if t else ""

    def add(self, readings, strength: int, a: int, b: int, kind: str, unit: str | None = None) -> None:
        span = Span(self.toks[a].start, self.toks[b].end)
        if kind == "percent":
            readings = list(readings) + [(NUM, v / 100) for _, v in readings]  # 50 percent: half (النصف)
        self.out.append(Quantity(tuple(readings), strength, span, kind, unit))

    def run(self) -> list[Quantity]:
        i = 0
        while i < len(self.toks):
            t = self.toks[i]
            if t.type == "num":
                i = self.digits(i)
            elif t.type == "word" and (t.lower in _interesting() or t.lower in ("a", "an") or t.text in months("en")):
                i = self.word(i)
            else:
                i += 1
        return self.out

    # -- words ------------------------------------------------------------------------------
    def word(self, i: int) -> int:
        t = self.toks[i]
        if t.text in months("en"):
            return self.month(i)
        if t.text[0].isupper() and (t.text in weekdays("en") or t.text[:-1] in weekdays("en")):
            nxt = self.tok(i + 1)
            if nxt and nxt.text[:1].isupper() and (nxt.lower in TITLE_WORDS or self.low(i - 1) == "the"):
                return i + 2  # The Sunday Times, Saturday Night Live: a title, not a day
            day, strength = weekdays("en").get(t.text) or weekdays("en")[t.text[:-1]]
            self.add([(WEEKDAY, day)], strength, i, i, "weekday")
            return i + 1
        if t.lower in english_words() or (t.lower in ("a", "an") and self.low(i + 1) in A_BEFORE):
            return self.number_words(i)
        if t.lower in ("group", "pool") and (nxt := self.tok(i + 1)) and len(nxt.text) == 1 and nxt.text.isupper():
            self.add([(NUM, ord(nxt.text) - 64)], IMPLIED, i + 1, i + 1, "letter")  # Group G -> المجموعة السابعة
            return i + 2
        return i + 1

    def month(self, i: int) -> int:
        t = self.toks[i]
        month, strength = months("en")[t.text]
        prev, nxt = self.tok(i - 1), self.tok(i + 1)
        near_number = (nxt and nxt.type == "num") or (prev and prev.type == "num")
        abbreviation = len(t.text) <= 4 and t.text not in ("May", "June", "July")
        if abbreviation:
            # Jan, Sept, Dec: abbreviations only with a full stop or a number after them
            if not (nxt and (nxt.text == "." or nxt.type == "num")):
                return i + 1
        if t.text == "May":
            prev_word = self.low(i - 2) if prev and prev.text == "-" else self.low(i - 1)
            if not near_number and prev_word not in MAY_CONTEXT:
                return i + 1  # the modal verb
            strength = HARD
        if t.text == "March" and (i == 0 or (prev and prev.text in SENTENCE_START)) and not near_number:
            strength = IMPLIED  # "March" opening a sentence may be the verb
        end = i + 1 if abbreviation and nxt and nxt.text == "." else i
        self.add([(MONTH, month)], strength, i, end, "month")
        return end + 1

    def number_words(self, i: int) -> int:
        lex = english_words()
        total = current = 0.0
        last = None  # kind of the last word taken
        last_scale = 1.0
        strength = 0
        kind = "cardinal"
        readings = None
        j = i
        end = i
        while j < len(self.toks):
            w = self.low(j)
            entry = lex.get(w)
            if j == i and w in ("a", "an"):
                current, last, j = 1.0, "article", j + 1
                continue
            if entry is None:
                nxt = lex.get(self.low(j + 1))
                if w == "-" and last == "ten" and nxt and nxt.kind in ("cardinal", "ordinal") and nxt.value < 10:
                    j += 1
                    continue
                if w == "-" and last == "cardinal" and nxt and nxt.kind == "fraction":
                    j += 1
                    continue
                if w == "and" and self.low(j + 1) in ("a", "an") and self.low(j + 2) == "half" and last not in (None, "article", "half"):
                    if last == "scale":
                        total += 0.5 * last_scale
                    else:
                        current += 0.5
                    last, end, j = "half", j + 2, j + 3  # only a scale may follow: two and a half million
                    continue
                if w == "and" and last in ("hundred", "scale") and nxt and nxt.kind in ("cardinal", "ten"):
                    j += 1  # one hundred and fifty
                    continue
                if w == "," and last == "scale" and self.scaled_run_at(j + 1):
                    j += 1  # one thousand, nine hundred; two billion, seventy-five million
                    continue
                break
            k = entry.kind
            if k != "scale" and last == "half":
                break
            if k == "cardinal":
                if last in ("cardinal", "article") or (last == "ten" and entry.value >= 10):
                    break
                current += entry.value
            elif k == "ten":
                if last in ("cardinal", "ten", "article"):
                    break
                current += entry.value
            elif k == "hundred":
                if last == "hundred":
                    break
                current = (current or 1.0) * 100
            elif k == "scale":
                total += (current or 1.0) * entry.value
                current, last_scale = 0.0, entry.value
            elif k == "ordinal":
                if last not in (None, "ten", "hundred", "scale", "article"):
                    break
                value = total + current + entry.value if last != "article" else entry.value
                kind = "ordinal"
                readings = [(NUM, value)]
                if 3 <= entry.value <= 10 and last in (None, "article"):
                    readings.append((NUM, 1 / entry.value))  # "a third of"
                strength = max(strength, entry.strength)
                end = j
                break
            elif k == "fraction":
                if last in (None, "article"):
                    value = entry.value
                    end = j
                    of = 1 if self.low(j + 1) == "of" else 0  # half a million, a quarter of a million
                    if self.low(j + 1 + of) in ("a", "an") and self.low(j + 2 + of) in SCALES:
                        value *= SCALES[self.low(j + 2 + of)]
                        end = j + 2 + of
                        strength = HARD
                    readings, kind = [(NUM, value)], "fraction"
                    strength = max(strength, entry.strength)
                    break
                if last == "cardinal":  # two-thirds; "seven halves" (halved matches) may stay 7
                    readings, kind = [(NUM, current * entry.value), (NUM, current)], "fraction"
                    strength = max(strength, HARD if current >= 3 else WORD)
                    end = j
                    break
                break
            elif k == "vague":
                if last is not None:
                    break
                end, magnitude = j, entry.value
                if self.low(j + 1) == "of" and (more := lex.get(self.low(j + 2))) is not None and more.kind == "vague":
                    end, magnitude = j + 2, magnitude * more.value  # tens of thousands: عشرات الآلاف
                self.add([(VAGUE, magnitude)], IMPLIED, i, end, "vague")
                return end + 1
            else:  # multiplier, approx, period: implied counts ("a dozen", "twice", "decade")
                if last not in (None, "article", "cardinal"):
                    break
                value = entry.value * (current if last == "cardinal" else 1.0)
                s = HARD if last == "cardinal" and current >= 3 else IMPLIED
                self.add([(NUM, value)], s, i, j, k)
                return j + 1
            strength = max(strength, entry.strength)
            last, end, j = k, j, j + 1
        if readings is None:
            if last in (None, "article"):
                return i + 1
            value = total + current
            readings = [(NUM, value)]
        if kind == "cardinal" and readings[0][1] == 1 and end == i and not self.one_is_a_number(i):
            return i + 1
        if self.low(i) == "second" and end == i and self.low(i - 1) in SECOND_AS_TIME_BEFORE:
            return i + 1
        if self.low(i) == "first" and end == i and self.low(i - 1) == "at":
            return i + 1
        if self.low(i) == "half" and end == i and (self.low(i + 1) in ("time", "-", "way") or self.low(i - 1) in ("first", "second")):
            return i + 1  # half-time, the second half: a period of a match (الشوط الثاني)
        if self.low(end + 1) in ("%", "percent") or (self.low(end + 1) == "per" and self.low(end + 2) == "cent"):
            kind = "percent"
            end += 2 if self.low(end + 1) == "per" else 1
        unit = self.low(end + 1) if self.low(end + 1) in unit_factors() else None
        self.add(readings, strength, i, end, kind, unit)
        return end + 1

    def scaled_run_at(self, j: int) -> bool:
        """Number words from token j on that include hundred or a scale ("seventy-five million")."""
        lex = english_words()
        while (entry := lex.get(self.low(j))) is not None or self.low(j) == "-":
            if entry is not None and entry.kind not in ("cardinal", "ten", "hundred", "scale"):
                return False
            if entry is not None and entry.kind in ("hundred", "scale"):
                return True
            j += 1
        return False

    def one_is_a_number(self, i: int) -> bool:
        """"one" as a count ("one person", "one-year") rather than a pronoun ("one of", "no one")."""
        nxt, prev = self.tok(i + 1), self.tok(i - 1)
        if nxt is None or nxt.lower in ONE_PRONOUN_AFTER:
            return False
        if prev is not None and prev.lower in ONE_PRONOUN_BEFORE:
            return False
        return not (self.toks[i].text == "One" and i > 0 and prev and prev.text not in SENTENCE_START)
