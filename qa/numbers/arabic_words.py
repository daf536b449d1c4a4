"""Arabic words that carry values: number words (with their proclitics), weekdays, months, dual
nouns (يومين "two days") and unit words, each recognised from its folded form.

`classify` answers for one folded word and is cached: a text's words repeat, and most words are
rejected by a cheap look at their endings before any clitic analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from qa.arabic import strip_clitics
from qa.numbers.lexicon import Entry, arabic_dual_nouns, arabic_units, arabic_words, months, weekdays

MONTH_FIRST_WORDS = ("كانون", "تشرين")  # كانون الثاني, تشرين الأول: two-word months
NOT_NUMBERS = frozenset(("وست", "لست", "بست", "فست"))  # West, "I am not" ...


@dataclass(frozen=True, slots=True)
class Word:
    """A number word of the lexicon, as it stands in the text (with its proclitics)."""

    entry: Entry
    stem: str
    waw: bool  # a conjunction و/ف before it: "and" in خمسة وعشرون
    article: bool


@dataclass(frozen=True, slots=True)
class Info:
    """What a folded word can be: a number word, a weekday, a month, a dual noun."""

    word: Word | None = None
    weekday: tuple[int, int] | None = None
    month: tuple[int, int] | None = None
    dual: bool = False
    month_part: str = ""  # كانون, تشرين: a month with the next word (كانون الثاني)


@cache
def _candidate_keys() -> frozenset[str]:
    keys = set(arabic_words()) | set(months("ar")) | set(weekdays("ar")) | set(MONTH_FIRST_WORDS)
    keys |= {k[2:] for k in weekdays("ar")}  # للخميس
    return frozenset(keys)


@lru_cache(maxsize=65536)
def classify(word: str) -> Info | None:
    """The reading of a folded word, or None for the vast majority of words (checked cheaply first)."""
    keys, duals = _candidate_keys(), arabic_dual_nouns()
    tails = [word[k:] for k in range(min(len(word) - 1, 6))]
    is_candidate = any(t in keys or (t[-1:] == "ا" and t[:-1] in keys) for t in tails)
    maybe_dual = word[-2:] in ("ين", "ان") and any(
        t[:-2] in duals or (t[-3:-2] == "ت" and t[:-3] + "ه" in duals) for t in tails
    )
    if not (is_candidate or maybe_dual) or word in NOT_NUMBERS:
        return None
    readings = strip_clitics(word)
    lex, day_table, month_table = arabic_words(), weekdays("ar"), months("ar")
    for prefix, stem in readings:
        if stem in day_table:
            return Info(weekday=day_table[stem])
        if stem.startswith("لل") and "ال" + stem[2:] in day_table:
            return Info(weekday=day_table["ال" + stem[2:]])
    for prefix, stem in readings:
        if stem in month_table and "ال" not in prefix:
            return Info(month=month_table[stem])
    for prefix, stem in readings:
        if "ك" in prefix:
            continue
        entry = lex.get(stem) or (lex.get(stem[:-1]) if stem.endswith("ا") and len(stem) > 3 else None)
        if entry is not None:
            key = stem if stem in lex else stem[:-1]
            return Info(word=Word(entry, key, prefix[:1] in ("و", "ف"), "ال" in prefix or "لل" in prefix))
    for _prefix, stem in readings:
        if stem in MONTH_FIRST_WORDS:
            return Info(month_part=stem)
    if maybe_dual:
        for _prefix, stem in readings:
            base = stem[:-2]
            if len(stem) >= 4 and stem[-2:] in ("ين", "ان") and (base in duals or (base.endswith("ت") and base[:-1] + "ه" in duals)):
                return Info(dual=True)
    return None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word without و ف ب ل ك ال (its last clitic reading)."""
    return strip_clitics(word)[-1][1]


@lru_cache(maxsize=8192)
def unit(word: str) -> str | None:
    """The unit a folded word names (كيلومترًا -> km), for conversions; None for most words."""
    units = arabic_units()
    for _prefix, bare in strip_clitics(word):
        found = units.get(bare) or (units.get(bare[:-1]) if bare.endswith("ا") else None)
        if found:
            return found
    return None
