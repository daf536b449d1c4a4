"""English values written with digits: scales and suffixes ($5m, £1.2bn, 1.5 billion), percentages,
ordinals (21st), decades (the 1990s), times (3pm, 7.55am, 15:00), slashed dates (9/11), seasons
(2018-19), score draws, codes inside names (F-16, COVID-19, G20) and imperial units.

A mixin of qa.numbers.english's parser: it reads tokens through `tok`, `low` and `add`.
"""

from __future__ import annotations

import re

from qa.numbers.lexicon import unit_factors
from qa.numbers.quantity import HARD, IMPLIED, MONTH, NUM, WORD, plain

_AM_PM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.I)

SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SUFFIX_SCALES = {
    "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "billion": 1e9,
    "k": 1e3, "thousand": 1e3, "tn": 1e12, "trn": 1e12, "trillion": 1e12,
}
UNIT_SUFFIXES = frozenset(
    "km kg cm mm mph ft lb lbs g mg ml l kw mw gw kwh mwh gb mb tb hz khz mhz ghz sq kmh km2 m2 m3 c f".split()
)
CURRENCY = frozenset("$ £ € ¥ ₹".split())
CURRENCY_WORDS = frozenset("us usd eur gbp cad aud sar aed egp".split())
ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))


class DigitsMixin:
    """Digit tokens of the English parser."""

    def is_code(self, i: int) -> bool:
        """F-16, COVID-19, A380, MH17, G20: a number inside a name."""
        t = self.toks[i]
        if t.start > 0 and self.text[t.start - 1].isalpha():
            return True
        prev, word = self.tok(i - 1), self.tok(i - 2)
        return bool(
            prev and word and prev.text == "-" and prev.end == t.start and word.type == "word"
            and word.end == prev.start and word.text[0].isupper()
        )

    def digits(self, i: int) -> int:
        t = self.toks[i]
        value = float(t.text.replace(",", ""))
        prev = self.tok(i - 1)
        currency = bool(prev and (prev.text in CURRENCY or prev.lower in CURRENCY_WORDS))
        if self.is_code(i) or (t.suffix and t.suffix not in SUFFIX_SCALES and t.suffix not in ORDINAL_SUFFIXES
                               and t.suffix not in ("s", "am", "pm", "x") and t.suffix not in UNIT_SUFFIXES):
            prev_word = self.tok(i - 2) if prev and prev.text == "-" else prev
            name = prev_word.text if prev_word and prev_word.type == "word" else t.suffix
            self.add([(NUM, value)], IMPLIED, i, i, "code", unit=name.upper())  # unit: the name around it
            return i + 1
        # h:mm times and a/b(/c) dates are two or three numbers glued by a symbol
        nxt, after = self.tok(i + 1), self.tok(i + 2)
        if nxt and after and after.type == "num" and nxt.end == after.start and nxt.start == t.end:
            if nxt.text == ":" and len(after.text) == 2 and value <= 24 and not t.suffix:
                return self.time(i, value, float(after.text), i + 2)
            if nxt.text == "/":
                return self.slashed(i)
            if nxt.text in "-–" and after.text == t.text and not t.suffix and not after.suffix and value < 100:
                self.add([(NUM, value)], HARD, i, i, "digits")  # a 2-2 draw: التعادل بهدفين
                self.add([(NUM, value)], IMPLIED, i + 2, i + 2, "digits")
                return i + 3
            if nxt.text in "-–/" and len(t.text) == 4 and len(after.text) == 2 and not after.suffix:
                century = int(value) // 100 * 100  # 2018-19: the second year is 2019
                self.add([(NUM, value)], HARD, i, i, "year")
                self.add([(NUM, century + float(after.text)), (NUM, float(after.text))], HARD, i + 2, i + 2, "year")
                return i + 3
        readings, kind, strength, unit = [(NUM, value)], "digits", HARD, None
        suffix = t.suffix
        if suffix in SUFFIX_SCALES:
            readings = [(NUM, value * SUFFIX_SCALES[suffix])] + ([] if currency or suffix != "m" else [(NUM, value)])
            kind = "money" if currency else "digits"
        elif suffix in ORDINAL_SUFFIXES:
            kind = "ordinal"
        elif suffix == "s":  # the 1990s, the '90s, in her 20s
            kind = "decade"
            if value >= 100:  # the 1930s: also "the 1930s of the twentieth century" (ثلاثينيات القرن العشرين)
                readings = [(NUM, value), (NUM, value % 100), (NUM, value // 100 + 1)]
            else:
                readings = [(NUM, value), (NUM, 1900 + value), (NUM, 2000 + value)]
        elif suffix in ("am", "pm"):
            hour, _, minutes = t.text.partition(".")
            return self.time(i, float(hour), float(minutes or 0), i, pm=suffix == "pm", am=suffix == "am")
        elif suffix in UNIT_SUFFIXES:
            unit = suffix
        j = i + 1
        while self.low(j) in SCALES and self.tok(j).type == "word":
            value *= SCALES[self.low(j)]
            readings = [(NUM, value)]
            j += 1
        if self.low(j) in ("%", "percent") or (self.low(j) == "per" and self.low(j + 1) == "cent"):
            kind = "percent"
            j += 2 if self.low(j) == "per" else 1
        elif not suffix and j == i + 1 and (m := _AM_PM.match(self.text, t.end)) and value < 13:
            hour, _, minutes = t.text.partition(".")
            return self.time(i, float(hour), float(minutes or 0), i, pm=m.group(1).lower() == "p", am=m.group(1).lower() == "a")
        elif kind == "digits" and len(t.text) == 4 and 1000 <= value <= 2100 and value == int(value):
            kind = "year"
        k = j + 1 if self.low(j) == "-" else j  # the unit word: "10 miles", "10-mile"
        if unit is None:
            if self.low(k) in unit_factors() or self.low(k) in ("degrees", "fahrenheit"):
                unit = self.low(k) if self.low(k) != "degrees" or self.low(k + 1) != "fahrenheit" else "fahrenheit"
        if currency:
            kind = "money"
        if unit in ("foot", "feet") and self.low(k + 1) == "-" and (inch := self.tok(k + 2)) and inch.type == "num":
            inches = float(inch.text)  # 6-foot-6: 6 ft 6 in, written 6.6 or 1.98 m
            readings = [(NUM, value + inches / 12), (NUM, float(f"{plain(value)}.{inch.text}")), (NUM, value)]
            self.add(readings, strength, i, k + 2, "height", unit)
            return k + 3
        self.add(readings, strength, i, j - 1, kind, unit)
        return j

    def time(self, i: int, hour: float, minutes: float, last: int, pm: bool = False, am: bool = False) -> int:
        """3pm, 3:30, 15:00: the hour with its 12/24-hour readings, the minutes apart."""
        readings = [(NUM, hour)]
        if pm and hour < 12:
            readings.append((NUM, hour + 12))
        elif not am and not pm:
            readings.append((NUM, hour - 12 if hour > 12 else hour + 12))
        end_tok = last
        self.add(readings, HARD, i, i, "time")
        if minutes:
            self.add([(NUM, minutes), (NUM, minutes / 60)], HARD, last, last, "minutes")
        m = _AM_PM.match(self.text, self.toks[end_tok].end)
        j = end_tok + 1
        if m:  # skip the a.m./p.m. tokens
            while j < len(self.toks) and self.toks[j].start < m.end():
                j += 1
        return j

    def slashed(self, i: int) -> int:
        """9/11, 24/7, 3/4/2019: each part a number (and a month, when it can be one)."""
        parts = [i]
        j = i
        while (s := self.tok(j + 1)) and s.text == "/" and (n := self.tok(j + 2)) and n.type == "num" and s.start == self.toks[j].end:
            parts.append(j + 2)
            j += 2
        values = [float(self.toks[p].text.replace(",", "")) for p in parts]
        if values == [24.0, 7.0]:  # "24/7": round the clock
            self.add([(NUM, 24.0)], IMPLIED, i, parts[-1], "code")
            return parts[-1] + 1
        if len(values) == 2 and values[0] < values[1] <= 10:  # 2/3: a fraction
            self.add([(NUM, values[0] / values[1])], WORD, i, parts[-1], "fraction")
            return parts[-1] + 1
        for p, v in zip(parts, values):
            readings = [(NUM, v)] + ([(MONTH, v)] if 1 <= v <= 12 and len(parts) >= 2 and v == int(v) else [])
            self.add(readings, HARD, p, p, "year" if v >= 1000 else "date")
        return parts[-1] + 1
