"""Arabic word forms for matching a term inside running text: clitics, article and sound suffixes.

qa.arabic.strip_clitics gives the proclitic readings of a folded word; a term must also match
through the article either way (الناتو / ناتو), sound plural and dual suffixes (وكالات / وكالة)
and possessive pronouns (حكومته / حكومة). Broken plurals are out of reach of rules like these.
"""

from __future__ import annotations

from functools import lru_cache

from qa.arabic import ARTICLE, strip_clitics

TA_MARBUTA_FOLDED = "\u0647"  # ة folds to ه; before a suffix it is written ت
SUFFIXES = ("", "ات", "ان", "ين", "ون", "يه", "ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "ك", "تان", "تين")


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
