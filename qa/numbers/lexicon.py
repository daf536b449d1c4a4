"""The shipped number lexicons (reference/numbers/), loaded once and keyed for matching.

Arabic entries are keyed by their folded form (qa.arabic.fold), so a lexicon line like مائة also
matches مائه, مائةً and مائــة.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qa.arabic import fold
from reference import read_text, read_tsv


@dataclass(frozen=True, slots=True)
class Entry:
    value: float
    kind: str
    strength: int


@cache
def english_words() -> dict[str, Entry]:
    return {w: Entry(float(v), kind, int(s)) for w, v, kind, s in read_tsv("numbers", "english.tsv")}


@cache
def arabic_words() -> dict[str, Entry]:
    return {fold(w): Entry(float(v), kind, int(s)) for w, v, kind, s in read_tsv("numbers", "arabic.tsv")}


@cache
def months(language: str) -> dict[str, tuple[int, int]]:
    """name -> (month 1-12, strength); English keys keep their capitals, Arabic ones are folded."""
    out = {}
    for month, lang, name, _convention, strength in read_tsv("numbers", "months.tsv"):
        if lang == language:
            out[fold(name) if lang == "ar" else name] = (int(month), int(strength))
    return out


@cache
def arabic_month_names() -> dict[tuple[int, str], str]:
    """(month, convention) -> the Arabic spelling, to suggest a month in the convention the MT uses."""
    out: dict[tuple[int, str], str] = {}
    for month, lang, name, convention, _strength in read_tsv("numbers", "months.tsv"):
        if lang == "ar":
            out.setdefault((int(month), convention), name)
    return out


@cache
def month_conventions() -> dict[str, str]:
    """folded Arabic month name -> its convention (egypt-gulf, levant, maghreb, morocco)."""
    return {fold(name): conv for _m, lang, name, conv, _s in read_tsv("numbers", "months.tsv") if lang == "ar"}


@cache
def weekdays(language: str) -> dict[str, tuple[int, int]]:
    """name -> (ISO weekday, strength); Arabic keys are folded and carry the article (الخميس)."""
    out = {}
    for day, lang, name, strength in read_tsv("numbers", "weekdays.tsv"):
        if lang == language:
            out[fold(name) if lang == "ar" else name] = (int(day), int(strength))
    return out


@cache
def arabic_weekday_names() -> dict[int, str]:
    names: dict[int, str] = {}
    for day, lang, name, _strength in read_tsv("numbers", "weekdays.tsv"):
        if lang == "ar":
            names.setdefault(int(day), name)
    return names


@cache
def unit_factors() -> dict[str, tuple[tuple[float, str], ...]]:
    """English unit word -> (factor, metric unit) pairs a translator may have converted it by."""
    out: dict[str, list[tuple[float, str]]] = {}
    for word, factor, unit in read_tsv("numbers", "units.tsv"):
        out.setdefault(word, []).append((float(factor), unit))
    return {word: tuple(factors) for word, factors in out.items()}


@cache
def arabic_units() -> dict[str, str]:
    """folded Arabic unit word -> unit key (km, kg, c ...)."""
    return {fold(word): unit for word, unit in read_tsv("numbers", "arabic_units.tsv")}


@cache
def arabic_dual_nouns() -> frozenset[str]:
    lines = read_text("numbers", "arabic_dual_nouns.txt").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


@cache
def arabic_spellings() -> dict[tuple[str, float], tuple[str, ...]]:
    """(kind, value) -> the lexicon's Arabic spellings, in file order (to write a suggestion)."""
    out: dict[tuple[str, float], list[str]] = {}
    for word, value, kind, _strength in read_tsv("numbers", "arabic.tsv"):
        out.setdefault((kind, float(value)), []).append(word)
    return {key: tuple(words) for key, words in out.items()}
