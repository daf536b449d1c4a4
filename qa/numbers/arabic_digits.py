"""Arabic values written with digits: decimal and thousands separators read both ways (76.000,
1,500, 2,5), clock times after الساعة or before صباحًا/مساءً, slashed dates, seasons (2018-19) and
codes glued to Latin letters (SS19, G20).

A mixin of qa.numbers.arabic's parser: it reads tokens through `tok`, `stem`, `add`, `number` and
`finish`.
"""

from __future__ import annotations

import re

from qa.arabic import fold
from qa.numbers.quantity import HARD, IMPLIED, MONTH, NUM, WORD

HOUR_WORDS = frozenset(fold(w) for w in ("الساعة", "ساعة"))
TIME_OF_DAY = frozenset(fold(w) for w in ("صباحا", "صباح", "مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "فجرا", "الصباح", "المساء"))
_CLOCK = re.compile(r"(\d{1,2})[.:](\d{2})")


class DigitsMixin:
    """Digit tokens of the Arabic parser."""

    @staticmethod
    def digit_values(text: str) -> list[float]:
        """1,500 -> [1500, 1.5]; 76.000 -> [76000, 76]; 2,5 -> [2.5]; 1.5 -> [1.5]."""
        if "," in text and "." in text:  # 1,500.5
            return [float(text.replace(",", ""))]
        sep = "," if "," in text else "." if "." in text else ""
        if not sep:
            return [float(text)]
        groups = text.split(sep)
        thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        whole = float("".join(groups))
        if len(groups) > 2:
            return [whole]
        decimal = float(groups[0] + "." + groups[1])
        if not thousands:
            return [decimal]
        return [whole, decimal] if sep == "," or len(groups[0]) > 1 or groups[0] != "0" else [decimal]

    def digits(self, i: int) -> int:
        t = self.toks[i]
        prev, nxt = self.tok(i - 1), self.tok(i + 1)
        if (prev and prev.type == "latin" and prev.end == t.start) or (nxt and nxt.type == "latin" and nxt.start == t.end):
            name = prev.text if prev and prev.type == "latin" and prev.end == t.start else nxt.text
            self.add([(NUM, v) for v in self.digit_values(t.text)], IMPLIED, i, i, "code", unit=name.upper())  # G20, MH17
            return i + 1
        after = self.tok(i + 2)
        if nxt and after and after.type == "num" and nxt.start == t.end and after.start == nxt.end:
            value = self.digit_values(t.text)[0]
            if nxt.text == ":" and len(after.text) == 2 and value <= 24:
                self.add([(NUM, value), (NUM, value - 12 if value > 12 else value + 12)], HARD, i, i, "time")
                if float(after.text):
                    self.add([(NUM, float(after.text)), (NUM, float(after.text) / 60)], HARD, i + 2, i + 2, "minutes")
                return i + 3
            if nxt.text == "/":
                return self.slashed(i)
            if nxt.text in "-–" and len(t.text) == 4 and len(after.text) == 2:
                century = int(value) // 100 * 100
                self.add([(NUM, value)], HARD, i, i, "year")
                self.add([(NUM, century + float(after.text)), (NUM, float(after.text))], HARD, i + 2, i + 2, "year")
                return i + 3
        clock = _CLOCK.fullmatch(t.text)
        if clock and int(clock[1]) <= 24 and int(clock[2]) < 60 and (self.stem(i - 1) in HOUR_WORDS or nxt and nxt.text in TIME_OF_DAY):
            hour, minutes = float(clock[1]), float(clock[2])  # الساعة 7.55 صباحا
            self.add([(NUM, hour), (NUM, hour - 12 if hour > 12 else hour + 12)], HARD, i, i, "time")
            if minutes:
                self.add([(NUM, minutes), (NUM, minutes / 60)], HARD, i, i, "minutes")
            return i + 1
        number = self.number(i)
        values = self.digit_values(t.text)
        if number.end == i:
            return self.finish(i, number, [(NUM, v) for v in values])
        return self.finish(i, number)

    def slashed(self, i: int) -> int:
        parts = [i]
        j = i
        while (s := self.tok(j + 1)) and s.text == "/" and (n := self.tok(j + 2)) and n.type == "num" and s.start == self.toks[j].end:
            parts.append(j + 2)
            j += 2
        values = [self.digit_values(self.toks[p].text)[0] for p in parts]
        if len(values) == 2 and values[0] < values[1] <= 10:  # 2/3: a fraction
            self.add([(NUM, values[0] / values[1])], WORD, i, parts[-1], "fraction")
            return parts[-1] + 1
        for p, v in zip(parts, values):
            readings = [(NUM, v)] + ([(MONTH, v)] if 1 <= v <= 12 and v == int(v) else [])
            self.add(readings, HARD, p, p, "year" if v >= 1000 else "date")
        return parts[-1] + 1
