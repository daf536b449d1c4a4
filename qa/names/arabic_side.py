"""The Arabic side of a pair, prepared for finding names in it.

Every word gets its candidate stems: each clitic reading of qa.arabic.strip_clitics (و ف ب ل ك
ال لل) and each of those without a common suffix (ة/ية of the feminine, the dual and plural
endings of nisba adjectives: الأمريكيين -> أمريكي). Gazetteer forms are then found in one pass
over the words, by the first word of each form (an index lookup per stem), so the whole MT is
matched against the whole gazetteer at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.arabic import ArabicWord, strip_clitics, words
from qa.model import Span
from qa.names.gazetteer import Gazetteer
from qa.names.lexicon import arabic_zipf

# Suffixes a name or a nisba adjective takes (folded): feminine ة (-> ه), ية, dual, plurals, and
# the accusative ending of a nisba (جمهوريًا -> جمهوري).
SUFFIXES = ("يين", "يون", "ين", "ون", "ان", "ات", "يه", "ه")
# First person plural ("we", "us", "our"): free pronouns and prepositions with the suffix.
WE_PRONOUNS = frozenset(["نحن", "لنا", "الينا", "منا", "علينا", "بنا", "عنا", "معنا", "لدينا", "عندنا", "انفسنا", "اننا", "لكننا"])
# Words ending in نا that are not "us" although their stem is a word (here, sometimes, fine, I).
NOT_US = frozenset(["هنا", "ههنا", "احيانا", "حسنا", "انا", "اذنا", "لكنا"])
WORD_ZIPF = 3.5  # an Arabic word at least this frequent (wordfreq Zipf) is an attested word
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


@dataclass(frozen=True)
class Mention:
    """A gazetteer form found in the MT: words [first, last] of the MT."""

    entity: str
    first: int
    last: int
    span: Span


@dataclass(frozen=True, eq=False)
class ArabicSide:
    text: str
    words: tuple[ArabicWord, ...]
    stems: tuple[frozenset[str], ...]  # per word: every clitic/suffix reading
    latin: frozenset[str]  # Latin-script words kept in the MT, case-folded (acronyms left as is)

    def span(self, first: int, last: int) -> Span:
        return Span(self.words[first].span.start, self.words[last].span.end)

    def find_forms(self, forms: tuple[tuple[str, ...], ...], used: frozenset[int] = frozenset()) -> list[Mention]:
        """Occurrences of any of the given form keys (for one entity's forms or traps)."""
        found = []
        for i, stems in enumerate(self.stems):
            if i in used:
                continue
            for form in forms:
                if form[0] in stems and self._rest_matches(i, form):
                    last = i + len(form) - 1
                    found.append(Mention("", i, last, self.span(i, last)))
                    break
        return found

    def _rest_matches(self, i: int, form: tuple[str, ...]) -> bool:
        if i + len(form) > len(self.words):
            return False
        return all(w == self.words[i + k].folded or w in self.stems[i + k] for k, w in enumerate(form) if k)

    def gazetteer_mentions(self, gaz: Gazetteer) -> list[Mention]:
        """Every gazetteer form in the MT (longest first at each word; overlaps kept)."""
        found = []
        for i, stems in enumerate(self.stems):
            here = []
            for stem in sorted(stems):  # a set: sorted, so that the order (and hits[0]) is the same in every process
                for entity, form in gaz.by_first_word.get(stem, ()):
                    if self._rest_matches(i, form):
                        here.append((-len(form), entity, form))
            for length, entity, _ in sorted(here):
                last = i - length - 1
                found.append(Mention(entity, i, last, self.span(i, last)))
        return found

    def we_pronouns(self) -> list[int]:
        """Words that carry "we/us/our": a free pronoun, or a word plus the suffix نا (تريدنا "wants us").

        The suffix reading needs the word without نا to be a word and the word without its last
        alef not to be one: ممكنا and قانونا are nouns with the accusative ending, not "us".
        """
        hits = []
        for i, w in enumerate(self.words):
            f = w.folded
            if f in WE_PRONOUNS or self.stems[i] & WE_PRONOUNS:
                hits.append(i)
            elif len(f) >= 4 and f.endswith("نا") and f not in NOT_US and arabic_zipf(f[:-1]) < WORD_ZIPF:
                base = f[:-2]
                bases = {base, base[:-1] + "ه"} if base.endswith("ت") else {base}  # مشاركتنا: مشاركة + نا
                if any(arabic_zipf(s) >= WORD_ZIPF for b in bases for s in _word_stems(b) | {b}):
                    hits.append(i)
        return hits


def word_stems(folded: str) -> frozenset[str]:
    return _word_stems(folded)


@lru_cache(maxsize=65536)
def _word_stems(folded: str) -> frozenset[str]:
    out = set()
    for _, stem in strip_clitics(folded):
        out.add(stem)
        for suffix in SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                out.add(stem[: -len(suffix)])
        if stem.endswith("يا") and len(stem) >= 5:
            out.add(stem[:-1])
    return frozenset(out)


@lru_cache(maxsize=4096)
def prepare(mt: str) -> ArabicSide:
    ws = tuple(words(mt))
    latin = frozenset(m.group().strip(".'’-") for m in _LATIN.finditer(mt))
    latin |= {re.sub(r"['’]s$", "", w) for w in latin}  # Europe's kept in Latin script is Europe
    return ArabicSide(mt, ws, tuple(_word_stems(w.folded) for w in ws), frozenset(l.casefold() for l in latin) | latin)
