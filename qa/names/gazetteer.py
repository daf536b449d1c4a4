"""The shipped gazetteer: English surfaces -> entities with their accepted Arabic forms.

reference/names/gazetteer.tsv (built by reference/names/build.py from CLDR and curated lists)
has one row per entity role: `entity, kind, English surfaces, Arabic forms, traps`. A country
has a name row and a demonym row (Russia / Russian); matching accepts every form of the entity
(الروسي for "Russia's"), suggestions use the row's own standard form.

An Arabic form is matched as folded words; its first word without the article, because
proclitics and the article attach to it (الولايات -> للولايات, بالجزائر).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from qa.arabic import fold
from reference import read_tsv

SEP = "|"
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,}$")


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: an entity in one role (name or demonym)."""

    entity: str
    kind: str
    surfaces: tuple[str, ...]
    forms: tuple[str, ...]  # original Arabic, the standard first
    traps: tuple[str, ...]

    def standard_for(self, surface_words: int) -> str:
        """The standard form, or the first form with as many words as the English surface (Putin -> بوتين)."""
        if surface_words == 1 and self.kind == "person":
            singles = [f for f in self.forms if " " not in f]
            if singles:
                return singles[0]
        return self.forms[0]


def form_key(arabic: str) -> tuple[str, ...]:
    """A form as folded words for matching, the first without its article.

    Only a written article is dropped (الولايات -> ولايات); ألمانيا begins with alef-hamza and
    keeps its letters, though it folds to the same المانيا.
    """
    words = fold(arabic).split()
    if words and arabic.lstrip().startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return tuple(words)


@lru_cache(maxsize=65536)
def english_key(text: str) -> str:
    """Case-folded, accent-free, dots and apostrophes dropped, a leading 'the' dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[.'’]", "", text).replace("-", " ").casefold()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True, eq=False)
class Gazetteer:
    entries: tuple[Entry, ...]
    by_key: dict[str, Entry]  # english_key(surface) -> row, for surfaces that are not acronyms
    by_acronym: dict[str, Entry]  # acronyms match only in capitals: "US" (not "Us"), "WHO" (not "Who")
    forms_of: dict[str, tuple[tuple[str, ...], ...]]  # entity -> every accepted form key of every row
    traps_of: dict[str, tuple[tuple[str, ...], ...]]
    by_first_word: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # first form word -> (entity, form key)
    max_words: int

    def lookup(self, surface: str) -> Entry | None:
        """The row an English surface names, or None (`US` yes, `Us` no; `NATO`, `Nato`)."""
        bare = surface.replace(".", "")
        if _ACRONYM.match(surface) or (bare.isupper() and len(bare) >= 2):
            hit = self.by_acronym.get(bare)
            if hit is not None:
                return hit
        return self.by_key.get(english_key(surface))


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once."""
    entries = []
    for eid, kind, surfaces, forms, *rest in read_tsv("names", "gazetteer.tsv"):
        traps = tuple(t for t in (rest[0].split(SEP) if rest else []) if t)
        entries.append(Entry(eid, kind, tuple(surfaces.split(SEP)), tuple(forms.split(SEP)), tuple(dict.fromkeys(traps))))
    by_key: dict[str, Entry] = {}
    by_acronym: dict[str, Entry] = {}
    forms_of: dict[str, list[tuple[str, ...]]] = {}
    traps_of: dict[str, list[tuple[str, ...]]] = {}
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    max_words = 1
    for entry in entries:
        for surface in entry.surfaces:
            bare = surface.replace(".", "")
            if bare.isupper() and len(bare) >= 2:
                by_acronym.setdefault(bare, entry)
            else:
                by_key.setdefault(english_key(surface), entry)
            max_words = max(max_words, len(english_key(surface).split()))
        keys = forms_of.setdefault(entry.entity, [])
        for form in entry.forms:
            key = form_key(form)
            if key and key not in keys:
                keys.append(key)
                by_first.setdefault(key[0], []).append((entry.entity, key))
        traps_of.setdefault(entry.entity, []).extend(form_key(t) for t in entry.traps if form_key(t))
    return Gazetteer(
        tuple(entries),
        by_key,
        by_acronym,
        {k: tuple(v) for k, v in forms_of.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in traps_of.items()},
        {k: tuple(v) for k, v in by_first.items()},
        max_words,
    )
