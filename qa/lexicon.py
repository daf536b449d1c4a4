"""Which words of an English sentence its Arabic translation covers, by a word lexicon.

The lexicon (reference/omission/lexicon.tsv.gz, built by reference/omission/build.py) maps an
English word to the folded Arabic words nearest to it in the encoder's space. An English word is
*covered* when some word of the Arabic, after clitics and a sound suffix are removed, is one of
its translations; digits are covered by the same digits. Words the lexicon does not know (most
names) are neither covered nor uncovered. Lookups only: no encoder call at run time.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from qa.arabic import ARTICLE, strip_clitics, words
from qa.model import Span
from reference import data_path

TA_MARBUTA_FOLDED = "\u0647"  # ة folds to ه; before a suffix it is written ت
SUFFIXES = ("", "ات", "ان", "ين", "ون", "يه", "ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "ك", "تان", "تين")
MIN_STEM = 3  # a shorter stem matches too much to count as evidence

# English words that carry no content of their own (the lexicon maps them poorly anyway).
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself also said says say told according mr mrs ms dr one two""".split()
)
_EN_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?|\d+(?:[.,]\d+)*")
_AR_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")
_DIGITS = re.compile(r"\d+")


def bare(folded: str) -> str:
    """A folded Arabic word without its article."""
    return folded[len(ARTICLE) :] if folded.startswith(ARTICLE) and len(folded) > len(ARTICLE) + 1 else folded


@lru_cache(maxsize=131072)
def word_forms(folded: str) -> frozenset[str]:
    """Every article-less stem a folded Arabic word may carry once clitics and a sound suffix are removed."""
    forms = set()
    for _, stem in strip_clitics(folded):
        stem = bare(stem)
        for suffix in SUFFIXES:
            if suffix and not stem.endswith(suffix):
                continue
            base = stem[: len(stem) - len(suffix)] if suffix else stem
            if len(base) < 2:
                continue
            forms.add(base)
            if suffix and base.endswith("ت"):  # حكومته -> حكومت -> حكومه (ta marbuta)
                forms.add(base[:-1] + TA_MARBUTA_FOLDED)
            if suffix in ("ات", "تان", "تين"):  # وكالات -> وكاله: the plural replaces ta marbuta
                forms.add(base + TA_MARBUTA_FOLDED)
    return frozenset(forms)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """English word -> the stems (word_forms) of its Arabic translations."""
    table: dict[str, frozenset[str]] = {}
    with data_path("omission", "lexicon.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as rows:
        for line in rows:
            if line.startswith("#") or "\t" not in line:
                continue
            english, arabic = line.rstrip("\n").split("\t")
            stems = set()
            for a in arabic.split():
                stems |= {f for f in word_forms(a) if len(f) >= MIN_STEM}
            if stems:
                table[english] = frozenset(stems)
    return table


def english_lookup(word: str) -> frozenset[str] | None:
    """The translations of an English word (tried as written, then without an inflection)."""
    table = lexicon()
    w = word.lower().replace("\u2019", "'")
    for candidate in (w, w.removesuffix("'s"), w[:-1] if w.endswith("s") else "", w[:-2] if w.endswith("es") else "",
                      w[:-2] if w.endswith("ed") else "", w[:-1] if w.endswith("ed") else "", w[:-3] if w.endswith("ing") else ""):
        if candidate and candidate in table:
            return table[candidate]
    return None


@dataclass(frozen=True)
class EnglishWord:
    text: str
    span: Span
    covered: bool | None  # None: the lexicon does not know it


def arabic_stems(text: str) -> frozenset[str]:
    """Every stem reading of every Arabic word of a text."""
    stems: set[str] = set()
    for w in words(text):
        stems |= word_forms(w.folded)
    return frozenset(stems)


def arabic_numbers(text: str) -> frozenset[str]:
    return frozenset(_DIGITS.findall(text.translate(_AR_DIGITS).replace(",", "").replace("\u066c", "")))


def coverage(src: str, mt: str, spans: Iterable[Span] | None = None) -> list[EnglishWord]:
    """The content words of the English (within `spans` if given), each marked covered or not by the Arabic."""
    stems, numbers = arabic_stems(mt), arabic_numbers(mt)
    out = []
    for m in _EN_TOKEN.finditer(src):
        token = m.group()
        span = Span(m.start(), m.end())
        if spans is not None and not any(s.start <= span.start and span.end <= s.end for s in spans):
            continue
        if token[0].isdigit():
            value = token.replace(",", "")
            out.append(EnglishWord(token, span, all(d in numbers for d in _DIGITS.findall(value))))
            continue
        if token.lower() in STOPWORDS or len(token) < 3:
            continue
        known = english_lookup(token)
        out.append(EnglishWord(token, span, None if known is None else bool(known & stems)))
    return out
