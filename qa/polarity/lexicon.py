"""The negation lexicons shipped in reference/negation/, loaded once into lookup tables.

Cue files have the columns cue, kind, strength, flip, description; antonyms.tsv has concept, lang,
class, side a, side b, note (English rows list the words of each side; Arabic rows pair two lexemes,
inflected by qa.polarity.morphology). Arabic entries are folded with
qa.arabic.fold so they match folded text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qa.arabic import fold
from qa.polarity.morphology import inflect
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
    """One form of one side of an antonym concept; for Arabic, with the form of the partner
    lexeme in the same slot (person, number, tense), which a probe swaps in."""

    pair: str  # the concept ("rise/fall")
    side: int  # 0 = side a, 1 = side b
    form: str  # lower-cased English or folded Arabic
    other: str  # Arabic: the partner's form as written; English: ""
    matchable: bool
    slot: str = "en"  # Arabic: the inflection slot (qa.polarity.morphology), "fixed" for comparatives
    taa: bool = False  # Arabic: written with a final ة (folded to ه)


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
    """{"en"|"ar": {form: [AntonymForm, ...]}}: a form may belong to several concepts; within a
    concept and side an Arabic form keeps the partner of the first row that lists it. Ambiguous
    Arabic forms (written "~", matchable False) are listed too: they show that a side may be
    present (قبل may be "before"), but are never taken for a reversal."""
    out: dict[str, dict[str, list[AntonymForm]]] = {"en": {}, "ar": {}}

    def add(lang: str, entry: AntonymForm) -> None:
        forms = out[lang].setdefault(entry.form, [])
        if not any(f.pair == entry.pair and f.side == entry.side for f in forms):
            forms.append(entry)

    for row in read_tsv("negation", "antonyms.tsv"):
        concept, lang, kind, a, b = (cell.strip() for cell in row[:5])
        if lang == "en":
            if kind not in ("pair", "scale"):
                raise ValueError(f"antonyms.tsv: English row {concept!r} has class {kind!r}, not pair or scale")
            for side, words in enumerate((a, b)):
                for word in words.split():
                    add("en", AntonymForm(concept, side, word.lower(), "", True))
            continue
        forms_a, forms_b = inflect(a, kind), inflect(b, kind)
        for side, (mine, theirs) in enumerate(((forms_a, forms_b), (forms_b, forms_a))):
            partner: dict[str, str] = {}
            for form in theirs:
                partner.setdefault(form.slot, form.text)
            for form in mine:
                other = partner.get(form.slot) or partner.get(form.slot.split(".")[0] + ".sg") or theirs[0].text
                add("ar", AntonymForm(concept, side, fold(form.text), other, form.matchable, form.slot, form.text.endswith("ة")))
    return out


@lru_cache(maxsize=1)
def contradictory() -> frozenset[str]:
    """Concepts whose sides are contradictories ("pair"): a negated word is the other side."""
    return frozenset(row[0].strip() for row in read_tsv("negation", "antonyms.tsv") if row[1].strip() == "en" and row[2].strip() == "pair")


def longest_cue(table: dict[tuple[str, ...], CueEntry]) -> int:
    return max(len(words) for words in table)
