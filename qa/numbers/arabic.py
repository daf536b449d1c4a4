"""Values in Arabic text: Western, Arabic-Indic and Persian digits (with ٬ ٫ ٪), number words in
their gender, case and construct forms, compounds (خمسة وعشرون, مليار ونصف, مليون و200 ألف),
ordinals, fractions, duals (مليونين, يومين), decades, months in both conventions and weekdays.

Hand-written over the shipped lexicon: no maintained library parses Arabic number words in running
text (num2words only generates them). Words are folded with qa.arabic.fold one by one (cached), so
spans are offsets into the original text directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.arabic import ARABIC_LETTER, DROPPED, fold
from qa.model import Span
from qa.numbers.arabic_digits import DigitsMixin
from qa.numbers.arabic_words import Info, Word, classify, stem, unit
from qa.numbers.lexicon import english_words
from qa.numbers.quantity import HARD, IMPLIED, MONTH, NUM, VAGUE, WEEKDAY, WORD, Quantity, windows

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،", "01234567890123456789.,,")
_TOKEN = re.compile(
    rf"(?P<num>[{_DIGIT}]+(?:(?:[.,\u066b\u066c][{_DIGIT}]+)|(?:\u060c[{_DIGIT}]{{3}}(?![{_DIGIT}])))*)"
    rf"|(?P<word>(?:{ARABIC_LETTER}|[{''.join(sorted(DROPPED))}])+)"
    r"|(?P<latin>[A-Za-z]+)"
    r"|(?P<tag><[^<>\n]{1,80}>)"
    r"|(?P<sym>\S)"
)

TEN_WORDS = frozenset(("عشر", "عشره"))
HUNDRED_WORDS = frozenset((fold("مائة"), fold("مئة")))
HALF_WORDS = {"نصف": 0.5, "ربع": 0.25}
WEEKDAY_CONTEXT = frozenset(fold(w) for w in ("يوم", "صباح", "مساء", "ليلة", "ظهر", "عصر", "فجر", "نهار"))
CENTURY_WORDS = frozenset(("قرن", "قرنا"))
TWO_WORD_MONTHS = {("كانون", "ثاني"): 1, ("تشرين", "اول"): 10, ("تشرين", "ثاني"): 11, ("كانون", "اول"): 12}


_ANCHOR = re.compile(f"(?P<word>(?:{ARABIC_LETTER}|[{''.join(sorted(DROPPED))}])+)|(?P<num>[{_DIGIT}]+)|(?P<latin>[A-Za-z]+)")


@lru_cache(maxsize=8192)
def extract_arabic(text: str) -> tuple[Quantity, ...]:
    """Every value mentioned in an Arabic text, in text order (spans in the original text)."""
    lex = english_words()
    anchors = [
        m.span()
        for m in _ANCHOR.finditer(text)
        if m.lastgroup == "num"
        or (m.lastgroup == "word" and classify(fold(m.group())) is not None)
        or (m.lastgroup == "latin" and m.group().lower() in lex)
    ]
    if not anchors:
        return ()  # most sentences: nothing to parse
    return tuple(_Parser(text, windows(text, anchors)).run())


@dataclass(slots=True)
class _Tok:
    type: str  # num, word, latin, sym
    text: str  # folded word, or digits in ASCII
    start: int
    end: int
    info: Info | None = None
    waw: bool = False  # preceded by the conjunction و (glued, or alone before digits)

    @property
    def word(self) -> Word | None:
        return self.info.word if self.info is not None else None


@dataclass(slots=True)
class _Number:
    value: float
    scale: float  # the largest scale word used (1 when none)
    end: int  # index of the last token taken
    strength: int
    kind: str


class _Parser(DigitsMixin):
    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.toks: list[_Tok] = []
        for pos, endpos in spans:
            if self.toks:
                self.toks.append(_Tok("sym", "…", pos, pos))  # a gap between windows: nothing joins across
            self.tokenize(text, pos, endpos)
        self.out: list[Quantity] = []

    def tokenize(self, text: str, pos: int, endpos: int) -> None:
        for m in _TOKEN.finditer(text, pos, endpos):
            kind = m.lastgroup
            if kind == "tag":
                continue  # <seg id="1">: markup, not text
            alone_waw = bool(self.toks) and self.toks[-1].type == "word" and self.toks[-1].text in ("و", "ف")
            if kind == "num":
                if alone_waw:
                    self.toks.pop()  # و 200, و200: the conjunction belongs to the number
                self.toks.append(_Tok(kind, m.group().translate(_DIGITS), m.start(), m.end(), waw=alone_waw))
            elif kind == "word":
                folded = fold(m.group())
                info = classify(folded)
                word = info.word if info is not None else None
                if word is not None and alone_waw:
                    self.toks.pop()  # خمسة و عشرون, written with a space after و
                self.toks.append(_Tok(kind, folded, m.start(), m.end(), info, bool(word and (word.waw or alone_waw))))
            else:
                self.toks.append(_Tok(kind, m.group(), m.start(), m.end()))

    def tok(self, j: int) -> _Tok | None:
        return self.toks[j] if 0 <= j < len(self.toks) else None

    def stem(self, j: int) -> str:
        t = self.tok(j)
        if t is None:
            return ""
        return stem(t.text) if t.type == "word" else t.text

    def add(self, readings, strength: int, a: int, b: int, kind: str, unit: str | None = None) -> None:
        first = self.toks[a]
        start = first.start
        if first.type == "word" and first.word is not None and first.word.waw:
            start += 1  # وخمسة: the span starts at the number, after the glued conjunction
            while start < first.end - 1 and self.text[start] in DROPPED:
                start += 1
        self.out.append(Quantity(tuple(readings), strength, Span(start, self.toks[b].end), kind, unit))

    def unit_after(self, j: int) -> str | None:
        """The metric unit named by the word at token j (كيلومترًا -> km), for conversions."""
        t = self.tok(j)
        return unit(t.text) if t is not None and t.type == "word" else None

    def run(self) -> list[Quantity]:
        i = 0
        while i < len(self.toks):
            t = self.toks[i]
            if t.type == "num":
                i = self.digits(i)
            elif t.type == "word":
                i = self.word(i)
            elif t.type == "latin":
                i = self.latin(i)
            else:
                i += 1
        return self.out

    # -- words ------------------------------------------------------------------------------
    def word(self, i: int) -> int:
        t = self.toks[i]
        info = t.info
        if info is None:
            return i + 1
        if info.weekday is not None:
            number, strength = info.weekday
            if strength < HARD and self.stem(i - 1) in WEEKDAY_CONTEXT:
                strength = HARD
            readings = [(WEEKDAY, number)]
            if strength < HARD:  # الاثنين "the two", الأحد "the one"
                readings.append((NUM, 2.0 if number == 1 else 1.0))
            self.add(readings, strength, i, i, "weekday")
            return i + 1
        if info.month is not None:
            self.month(i, i, info.month[0], info.month[1])
            return i + 1
        if info.word is not None:
            return self.number_words(i)
        if info.month_part:
            two = TWO_WORD_MONTHS.get((info.month_part, self.stem(i + 1)))
            if two:
                self.month(i, i + 1, two, HARD)
                return i + 2
            return i + 1
        value, end = 2.0, i  # a dual noun: يومين "two days"
        frac = self.trailing_fraction(i)
        if frac:
            value, end = 2.0 + frac, i + 1
        self.add([(NUM, value)], IMPLIED, i, end, "dual")
        return end + 1

    def month(self, a: int, b: int, month: int, strength: int) -> None:
        """A month; named twice in both conventions (أيلول/سبتمبر, سبتمبر (أيلول)), it counts once."""
        last = self.out[-1] if self.out else None
        if last is not None and last.readings == ((MONTH, month),) and self.toks[a].start - last.span.end <= 3:
            strength = IMPLIED
        self.add([(MONTH, month)], strength, a, b, "month")

    def latin(self, i: int) -> int:
        """English left in the Arabic (a quoted title): its number words still count, weakly."""
        t = self.toks[i]
        entry = english_words().get(t.text.lower())
        if entry is not None and entry.kind in ("cardinal", "ten", "ordinal"):
            self.add([(NUM, entry.value)], IMPLIED, i, i, "latin")
        return i + 1

    def trailing_fraction(self, i: int) -> float:
        """0.5 when the next word is ونصف (no article), 0.25 for وربع, else 0."""
        nxt = self.tok(i + 1)
        w = nxt.word if nxt is not None else None
        if w is None or not nxt.waw or w.article:
            return 0.0
        return HALF_WORDS.get(w.stem, 0.0)

    def number_words(self, i: int) -> int:
        w = self.toks[i].word
        kind = w.entry.kind
        prev = self.tok(i - 1)
        if w.stem in HALF_WORDS and self.toks[i].waw and not w.article and prev is not None and prev.type == "word" and prev.info is None:
            value = HALF_WORDS[w.stem]  # ساعة ونصف: an hour and a half
            self.add([(NUM, value), (NUM, 1 + value)], WORD, i, i, "fraction")
            return i + 1
        if w.stem in HUNDRED_WORDS and w.article and (self.stem(i - 1) == "في" or self.toks[i].text.startswith("بال")):
            return i + 1  # في المئة, بالمائة: "percent", not a hundred
        if kind == "vague" or (kind == "scale-plural" and not self.toks[i].waw):
            end, magnitude = i, w.entry.value
            nxt = self.tok(i + 1)
            if nxt and nxt.word and nxt.word.entry.kind in ("scale-plural", "scale", "vague") and nxt.word.article:
                end, magnitude = i + 1, magnitude * nxt.word.entry.value  # عشرات الآلاف: tens of thousands
            self.add([(VAGUE, magnitude)], IMPLIED, i, end, "vague")
            return end + 1
        if kind in ("adjective", "decade"):
            value = w.entry.value
            readings = [(NUM, value)]
            if kind == "decade":
                readings += [(NUM, 1900 + value)] + ([(NUM, 2000 + value)] if value <= 30 else [])
            self.add(readings, w.entry.strength, i, i, kind)
            return i + 1
        number = self.number(i)
        if number is None:
            return i + 1
        if w.entry.value == 1 and kind == "cardinal" and w.article and number.end == i:
            number.strength = IMPLIED  # المباراة الواحدة: "the single game"
        if kind == "scale" and number.end == i and w.stem.endswith("ا"):  # ألفا: ألفًا (a thousand) or the dual
            return self.finish(i, number, [(NUM, number.value), (NUM, 2 * number.value)])
        return self.finish(i, number)

    # -- numbers ----------------------------------------------------------------------------
    def atom(self, i: int) -> tuple[float, str, int, int] | None:
        """(value, kind, last token index, strength) of one number at token i."""
        t = self.tok(i)
        if t is None:
            return None
        if t.type == "num":
            return self.digit_values(t.text)[0], "digits", i, HARD
        w = t.word
        if w is None:
            return None
        kind, value, strength = w.entry.kind, w.entry.value, w.entry.strength
        nxt = self.tok(i + 1)
        nxt_word = nxt.word if nxt is not None else None
        before_ten = nxt_word is not None and nxt_word.stem in TEN_WORDS and not nxt.waw
        if kind in ("cardinal", "teen-unit") and before_ten and value < 10:
            return value + 10, "teen", i + 1, HARD
        if kind in ("ordinal", "ordinal-unit") and before_ten and value < 10:
            return value + 10, "ordinal", i + 1, HARD
        if kind == "cardinal" and 3 <= value <= 9 and nxt_word is not None and nxt_word.stem in HUNDRED_WORDS and not nxt.waw:
            return value * 100, "hundred", i + 1, HARD
        if kind == "teen-unit":
            return None  # أحد alone is "one of", not a number
        if kind == "hundred-construct":  # مئتا ألف; alone, ميتا is "dead"
            return (value, "hundred", i, strength) if nxt_word is not None and nxt_word.entry.kind == "scale" else None
        if kind == "ordinal-unit":
            if nxt_word is not None and nxt.waw and nxt_word.entry.kind == "ten":
                return value, "ordinal", i, strength
            return None
        if kind in ("cardinal", "ten", "hundred", "scale", "scale-dual", "ordinal", "fraction"):
            return value, ("unit" if kind == "cardinal" else kind), i, strength
        return None

    def group(self, i: int) -> _Number | None:
        """A number below a thousand and the scale word after it: ثلاثمائة وخمسون ألفا, 5 ملايين."""
        first = self.atom(i)
        if first is None:
            return None
        value, kind, end, strength = first
        if kind in ("scale", "scale-dual"):
            scale = self.toks[i].word.entry.value if kind == "scale" else value / 2
            return _Number(value, scale, end, strength, "cardinal")
        result_kind = {"digits": "digits", "ordinal": "ordinal", "fraction": "fraction"}.get(kind, "cardinal")
        last = kind
        while kind != "digits":
            nxt = self.tok(end + 1)
            if nxt is None or nxt.word is None or not nxt.waw:
                break
            more = self.atom(end + 1)
            if more is None:
                break
            v, k, e, s = more
            if not ((last == "hundred" and k in ("unit", "teen", "ten")) or (last in ("unit", "ordinal") and k == "ten")):
                break
            value, last, end, strength = value + v, k, e, max(strength, s)
        nxt = self.tok(end + 1)
        if nxt is not None and nxt.word is not None and not nxt.waw and result_kind != "ordinal":
            entry = nxt.word.entry
            plural_ok = entry.kind == "scale-plural" and (kind == "digits" or 3 <= value <= 10)
            if entry.kind == "scale" or plural_ok:
                return _Number(value * entry.value, entry.value, end + 1, HARD, "digits" if kind == "digits" else "cardinal")
            if entry.kind == "fraction-plural" and 1 <= value <= 9:  # ثلاثة أرباع
                return _Number(value * entry.value, 1.0, end + 1, HARD, "fraction")
        return _Number(value, 1.0, end, strength, result_kind)

    def number(self, i: int) -> _Number | None:
        """Groups joined by و, each smaller than the scale before it: ألف وخمسمائة, مليار ونصف."""
        number = self.group(i)
        if number is None:
            return None
        while number.scale > 1:
            nxt = self.tok(number.end + 1)
            if nxt is None or not nxt.waw:
                break
            if nxt.word is not None and nxt.word.stem in HALF_WORDS and not nxt.word.article:
                number.value += HALF_WORDS[nxt.word.stem] * number.scale
                number.end += 1
                after = self.tok(number.end + 1)  # مليار ونصف المليار
                if after and after.word and after.word.article and after.word.entry.value == number.scale:
                    number.end += 1
                break
            more = self.group(number.end + 1)
            if more is None or more.value >= number.scale:
                break
            number.value += more.value
            number.end = more.end
            number.scale = more.scale  # a plain group (scale 1) ends the number
        return number

    def finish(self, i: int, number: _Number, readings: list | None = None) -> int:
        """Percent signs and words, trailing ونصف, centuries; then record the number."""
        end, kind = number.end, number.kind
        readings = readings or [(NUM, number.value)]
        strength = number.strength
        nxt = self.tok(end + 1)
        if nxt is not None and nxt.text in ("%", "\u066a"):  # % and the Arabic percent sign ٪
            kind, end = "percent", end + 1
        elif self.stem(end + 1) == "في" and self.stem(end + 2) in HUNDRED_WORDS:
            kind, end = "percent", end + 2
        elif nxt is not None and nxt.word is not None and nxt.word.stem in HUNDRED_WORDS and nxt.text.startswith("بال"):
            kind, end = "percent", end + 1
        elif number.scale <= 1 and number.value < 1000 and nxt is not None and nxt.type == "word" and nxt.word is None:
            frac = self.trailing_fraction(end + 1)  # ثلاث سنوات ونصف
            if frac:
                readings = [(NUM, number.value + frac)] + readings
                end += 2
        if kind == "percent":
            readings = readings + [(NUM, v / 100) for _, v in readings]  # 50% is a half (النصف)
        if self.stem(i - 1) in CENTURY_WORDS and number.value <= 21:
            kind, strength = "century", IMPLIED  # القرن العشرين: implied by "the 1930s" too
        if kind == "digits" and 1000 <= number.value <= 2100 and number.value == int(number.value) and "," not in self.toks[i].text:
            kind = "year"
        self.add(readings, strength, i, end, kind, self.unit_after(end + 1))
        return end + 1
