"""Word statistics the names checks consult: frequencies and known name spellings.

All shipped in reference/names/ (built by build.py from wordfreq and Wikidata), loaded once.
"""

from __future__ import annotations

from functools import cache

from qa.arabic import fold
from reference import read_tsv


@cache
def _arabic_zipf() -> dict[str, float]:
    return {w: float(z) for w, z in read_tsv("names", "arabic_words.tsv")}


@cache
def _english_zipf() -> dict[str, float]:
    return {w: float(z) for w, z in read_tsv("names", "english_words.tsv")}


@cache
def _name_tokens() -> dict[str, tuple[str, int]]:
    return {en: (ar, int(n)) for en, ar, n in read_tsv("names", "name_tokens.tsv")}


def arabic_zipf(folded: str) -> float:
    """wordfreq Zipf frequency of a folded Arabic word (0 below 3.5, the shipped floor)."""
    return _arabic_zipf().get(folded, 0.0)


def english_zipf(word: str) -> float:
    """wordfreq Zipf frequency of a lower-cased English word (0 below 3.0, the shipped floor)."""
    return _english_zipf().get(word, 0.0)


def known_spelling(token: str) -> tuple[str, int] | None:
    """The usual Arabic spelling of an English name token (Wikidata) and how many entities bear it."""
    return _name_tokens().get(token)


@cache
def known_arabic_names() -> frozenset[str]:
    """Folded Arabic spellings of the Wikidata name tokens: what a transliterated name looks like."""
    return frozenset(fold(ar) for ar, _ in _name_tokens().values())


def name_likeness(token: str) -> float:
    """How much more a lower-cased token is a name than an ordinary English word.

    log10 of the Wikidata entities bearing it, less its English Zipf frequency above 3:
    jones 1.6, thomas 1.3, brown 0.9, ford 0.4, white -0.2, will -1.5, house -2.1. A token in
    no list is a rare word, most likely a name (0.5).
    """
    import math

    known = known_spelling(token)
    zipf = english_zipf(token)
    if known is None:
        return 0.5 if zipf == 0.0 else 3.0 - zipf
    return math.log10(known[1] + 1) - max(0.0, zipf - 3.0)
