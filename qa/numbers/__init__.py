"""Numbers and dates in an English sentence and its Arabic translation, compared as values.

`extract_english` / `extract_arabic` find every value mention (digits in three scripts, number
words, ordinals, fractions, percentages, times, decades, months, weekdays) with its span;
`compare_texts` pairs them (qa.numbers.match) into matched, converted, changed, missing, added.
"""

from __future__ import annotations

from qa.numbers.arabic import extract_arabic
from qa.numbers.english import extract_english
from qa.numbers.match import Comparison, compare
from qa.numbers.quantity import HARD, IMPLIED, MONTH, NUM, VAGUE, WEEKDAY, WORD, Quantity


def compare_texts(src: str, mt: str) -> Comparison:
    """The values of an English text and of its Arabic translation, paired."""
    return compare(extract_english(src), extract_arabic(mt), src, mt)


__all__ = [
    "HARD", "IMPLIED", "MONTH", "NUM", "VAGUE", "WEEKDAY", "WORD",
    "Comparison", "Quantity", "compare", "compare_texts", "extract_arabic", "extract_english",
]
