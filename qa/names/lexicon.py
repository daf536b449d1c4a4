"""Word statistics the names checks consult: frequencies and known name spellings.

All shipped in reference/names/ (built by build.py from wordfreq and Wikidata), loaded once.
"""

from __future__ import annotations

import math
from functools import cache

from qa.arabic import DROPPED, FOLD
from reference import read_text


def _pairs(name: str) -> dict[str, str]:
    """A two-column shipped TSV as a dict of strings (values parsed on use: loading stays cheap)."""
    text = read_text("names", name)
    return dict(line.split("\t", 1) for line in text.splitlines() if line and line[0] != "#")


@cache
def _arabic_zipf() -> dict[str, str]:
    return _pairs("arabic_words.tsv")


@cache
def _english_zipf() -> dict[str, str]:
    return _pairs("english_words.tsv")


@cache
def _name_tokens() -> dict[str, str]:
    return _pairs("name_tokens.tsv")


def arabic_zipf(folded: str) -> float:
    """wordfreq Zipf frequency of a folded Arabic word (0 below 3.5, the shipped floor)."""
    z = _arabic_zipf().get(folded)
    return float(z) if z else 0.0


def english_zipf(word: str) -> float:
    """wordfreq Zipf frequency of a lower-cased English word (0 below 2.0, the shipped floor)."""
    z = _english_zipf().get(word)
    return float(z) if z else 0.0


def known_spelling(token: str) -> tuple[str, int] | None:
    """The usual Arabic spelling of an English name token (Wikidata) and how many entities bear it."""
    row = _name_tokens().get(token)
    if row is None:
        return None
    arabic, count = row.split("\t")
    return arabic, int(count)


@cache
def known_arabic_names() -> frozenset[str]:
    """Folded Arabic spellings of the Wikidata name tokens: what a transliterated name looks like."""
    table = _fold_table()
    return frozenset(row.split("\t", 1)[0].translate(table) for row in _name_tokens().values())


@cache
def _fold_table() -> dict[int, str | None]:
    """qa.arabic.fold as a str.translate table (the same folding for the letters names use; fast in bulk)."""
    table: dict[int, str | None] = {ord(ch): None for ch in DROPPED}
    table.update({ord(k): v for k, v in FOLD.items()})
    return table


def name_likeness(token: str) -> float:
    """How much more a lower-cased token is a name than an ordinary English word.

    log10 of the Wikidata entities bearing it, less its English Zipf frequency above 3:
    jones 1.6, thomas 1.3, brown 0.9, ford 0.4, white -0.2, will -1.5, house -2.1. Other
    tokens: 3 less their frequency (kavanaugh -0.1, court -2.4), 1.0 when rarer than Zipf 2.
    """
    known = known_spelling(token)
    zipf = english_zipf(token)
    if known is None:
        return 1.0 if zipf == 0.0 else 3.0 - zipf
    return math.log10(known[1] + 1) - max(0.0, zipf - 3.0)


def is_rare_word(token: str) -> bool:
    """Rarer than Zipf 2 in English, and so are its stems without -s, -es, -ed, -ing."""
    if english_zipf(token):
        return False
    for suffix in ("s", "es", "ed", "ing", "'s"):
        if token.endswith(suffix) and english_zipf(token[: -len(suffix)]):
            return False
    return True


@cache
def _word_names() -> dict[str, tuple[str, ...]]:
    from qa.arabic import fold
    from reference import read_tsv

    return {en: tuple(dict.fromkeys(fold(a) for a in ar.split("|"))) for en, ar, *_ in read_tsv("names", "sources", "word_names.tsv")}


def word_translations(token: str) -> tuple[str, ...]:
    """Folded Arabic translations of an English word that is also a name (west: غرب), from the
    hand-curated reference/names/sources/word_names.tsv."""
    return _word_names().get(token, ())
