"""A value found in a text: what it may mean, how sure we are it must be translated, where it is.

A mention can have several readings: "5m" is 5 million (or 5 metres), "3pm" is 3 or 15 o'clock,
"الاثنين" is Monday or "the two", "third" is 3rd or 1/3. Two mentions match when any readings
agree. A reading is (family, value): family "num" for quantities, ordinals, years, times and
percentages (a translator may write "sixth" as 6 or السادسة, "50%" as "50 في المئة"), "month"
(1-12), "weekday" (ISO 1-7) and "vague" ("hundreds of" ↔ مئات, magnitude only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from qa.model import Span

NUM, MONTH, WEEKDAY, VAGUE = "num", "month", "weekday", "vague"

# How sure we are that a mention must be carried over.
HARD = 2  # digits, number words from three up, scales, months, weekdays: missing or changed is a finding
WORD = 1  # explicit but small or ambiguous ("one", "two", "first", "half", واحد): flagged only when
#           another explicit value stands in its place on the other side
IMPLIED = 0  # implied counts (dual nouns, "both", "twice", ثلاثي): absorb a match, never flagged


def value_key(value: float) -> float:
    """Values compared at nine significant digits (1/3 from both sides, 1.5e9 from 1,500 million)."""
    return float(f"{value:.9g}")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One mention of a value. `readings` are ordered, the most likely first."""

    readings: tuple[tuple[str, float], ...]
    strength: int
    span: Span
    kind: str  # digits, cardinal, ordinal, percent, year, time, decade, fraction, month, weekday, vague, ...
    unit: str | None = None  # the English unit word after the value (miles, feet) for conversions
    keys: frozenset[tuple[str, float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset((fam, value_key(v)) for fam, v in self.readings))

    @property
    def family(self) -> str:
        return self.readings[0][0]

    @property
    def value(self) -> float:
        return self.readings[0][1]

    @property
    def families(self) -> frozenset[str]:
        return frozenset(fam for fam, _ in self.readings)

    def agrees(self, other: Quantity) -> bool:
        return not self.keys.isdisjoint(other.keys)


def plain(value: float) -> str:
    """12, 1.5, 1500000, 2/3 (no exponent, no trailing zeros, thirds as fractions)."""
    if value == int(value):
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if len(text.partition(".")[2]) > 3:
        fraction = Fraction(value).limit_denominator(12)
        if abs(float(fraction) - value) < 1e-9:
            return f"{fraction.numerator}/{fraction.denominator}"
    return text


def scaled(value: float, units: tuple[tuple[float, str], ...]) -> str:
    """1.5 billion, 5 million: the largest scale that leaves at most three digits before the point."""
    for size, word in units:
        if value >= size and value / size == round(value / size, 3):
            return f"{plain(value / size)} {word}"
    return plain(value)


ENGLISH_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
ARABIC_SCALES = ((1e12, "تريليون"), (1e9, "مليار"), (1e6, "مليون"))


def windows(text: str, anchors: list[tuple[int, int]], before: int = 48, after: int = 72) -> list[tuple[int, int]]:
    """Stretches of text around anchors (values), cut at spaces and merged where they overlap.

    Parsers tokenise only these: a value's phrase and its context ("in the", "per cent",
    "في المئة") lie within a few words of it, and most of a sentence has no value at all.
    """
    spans: list[tuple[int, int]] = []
    for start, end in anchors:
        lo = text.rfind(" ", 0, max(start - before, 0)) + 1 if start > before else 0
        hi = text.find(" ", end + after)
        hi = len(text) if hi < 0 else hi
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans
