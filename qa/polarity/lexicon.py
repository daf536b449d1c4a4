"""The negation lexicons shipped in reference/negation/, loaded once into lookup tables.

Cue files have the columns cue, kind, strength, flip, description; antonyms.tsv has pair, lang,
side a, side b, description (one row per aligned pair of forms). Arabic entries are folded with
qa.arabic.fold so they match folded text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qa.arabic import fold
from reference import read_tsv

STRENGTHS = ("strong", "weak", "none")


@dataclass(frozen=True)
class CueEntry:
    """One lexicon entry. `words` is the cue as a tuple of (lower-cased or folded) words."""

    words: tuple[str, ...]
    kind: str
    strength: str  # strong | weak | none
    flip: str  # replacement in a contrastive probe; "" deletes the cue
    description: str


@dataclass(frozen=True)
class AntonymForm:
    """One form of one side of an antonym pair, with the aligned form of the other side."""

    pair: str
    side: int  # 0 = side a, 1 = side b
    form: str  # lower-cased English or folded Arabic
    other: str  # the aligned form of the opposite side, as written (for probes and suggestions)
    matchable: bool


def _cues(filename: str, key) -> dict[tuple[str, ...], CueEntry]:
    table: dict[tuple[str, ...], CueEntry] = {}
    for row in read_tsv("negation", filename):
        cue, kind, strength, flip, description = (cell.strip() for cell in row)
        if strength not in STRENGTHS:
            raise ValueError(f"{filename}: cue {cue!r} has strength {strength!r}, not one of {STRENGTHS}")
        words = tuple(key(w) for w in cue.split())
        table[words] = CueEntry(words, kind, strength, "" if flip == "-" else flip, description)
    return table


@lru_cache(maxsize=1)
def english_cues() -> dict[tuple[str, ...], CueEntry]:
    return _cues("en_cues.tsv", str.lower)


@lru_cache(maxsize=1)
def arabic_cues() -> dict[tuple[str, ...], CueEntry]:
    return _cues("ar_cues.tsv", fold)


@lru_cache(maxsize=1)
def english_affixal() -> dict[str, str]:
    """Words negated by an affix (unable, illegal, homeless), weak English cues, with their
    affirmative stem when the build found one ("unlikely" -> "likely"), else ""."""
    out = {}
    for row in read_tsv("negation", "en_affixal.tsv"):
        word, how = row[0].strip().lower(), row[1].strip()
        stem = how.split(" + ")[1] if how.startswith(("un-", "non-", "il-", "ir-")) else ""
        out[word] = how.split(" + ")[0] if how.endswith("-less") else stem
    return out


@lru_cache(maxsize=1)
def antonyms() -> dict[str, dict[str, list[AntonymForm]]]:
    """{"en"|"ar": {matchable form: [AntonymForm, ...]}} (a form may belong to several pairs)."""
    out: dict[str, dict[str, list[AntonymForm]]] = {"en": {}, "ar": {}}
    for row in read_tsv("negation", "antonyms.tsv"):
        pair, lang, a, b, _description = (cell.strip() for cell in row)
        key = str.lower if lang == "en" else fold
        for side, (form, other) in enumerate(((a, b), (b, a))):
            matchable = not form.startswith("~")
            form, other = form.lstrip("~"), other.lstrip("~")
            entry = AntonymForm(pair, side, key(form), other, matchable)
            if matchable:
                out[lang].setdefault(entry.form, []).append(entry)
    return out


def longest_cue(table: dict[tuple[str, ...], CueEntry]) -> int:
    return max(len(words) for words in table)
