"""Glossary: each English term of the user's glossary that the source uses requires its Arabic term.

The glossary comes from `--glossary FILE.tsv` (columns en, ar, optional note) as ctx.glossary.
English terms match case-insensitively on word boundaries, the last word also in its plural
(agency/agencies, bus/buses). Arabic terms match through folding (hamza, alef, ta marbuta,
diacritics), proclitics (وبالناتو matches الناتو), the article either way (الناتو matches
ناتو and ناتو matches الناتو) and sound suffixes (ات ين ون ان, possessives: حكومته matches
حكومة). Broken plurals (لجنة/لجان) are not derived: list them as a second glossary row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from qa.arabic import words
from qa.checks.registry import CheckContext, Flag, check
from qa.wordforms import bare, word_forms
from qa.model import AlignedPair, Category, Severity, Span


@lru_cache(maxsize=4096)
def english_pattern(term: str) -> re.Pattern[str]:
    """Word-bounded, case-insensitive, any whitespace between words, the last word also plural."""
    parts = term.split()
    last = parts[-1]
    if re.search(r"[^aeiou]y$", last, re.IGNORECASE):
        last_re = re.escape(last[:-1]) + r"(?:y|ies)"
    elif re.search(r"(?:s|x|z|ch|sh)$", last, re.IGNORECASE):
        last_re = re.escape(last) + r"(?:es)?"
    else:
        last_re = re.escape(last) + r"s?"
    body = r"\s+".join([re.escape(p) for p in parts[:-1]] + [last_re])
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def arabic_term(term: str) -> tuple[str, ...]:
    """The term's words, folded, without articles."""
    return tuple(bare(w.folded) for w in words(term))


def find_arabic(term: Sequence[str], mt: str) -> Span | None:
    """The span of the first run of MT words matching the term's words in order, or None."""
    if not term:
        return None
    mt_words = words(mt)
    n = len(term)
    for i in range(len(mt_words) - n + 1):
        if all(term[k] in word_forms(mt_words[i + k].folded) for k in range(n)):
            return Span(mt_words[i].span.start, mt_words[i + n - 1].span.end)
    return None


@check("GLO001", "glossary-term-missing", Category.GLOSSARY)
def glossary_term_missing(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A glossary term of the source is not rendered with the glossary's Arabic term.

    The examples assume the glossary row `NATO<TAB>الناتو` (tests/test_glossary.py runs them so).
    Glossary: NATO => الناتو
    Flags:  NATO leaders met in Brussels. => اجتمع قادة حلف شمال الأطلسي في بروكسل.
    Passes: NATO leaders met in Brussels. => اجتمع قادة الناتو في بروكسل.
    Passes: He spoke to NATO. => وتحدث إلى ناتو وبالناتو.
    """
    for english, arabic, note in ctx.glossary:
        if not english.strip() or not arabic.strip():
            continue
        m = english_pattern(english.strip()).search(pair.src)
        if m is None:
            continue
        if find_arabic(arabic_term(arabic), pair.mt) is None:
            why = f" ({note})" if note else ""
            yield Flag(
                Severity.MAJOR,
                f"glossary: {m.group()!r} should be rendered {arabic!r}{why}",
                src_span=Span(m.start(), m.end()),
                suggestion=arabic,
            )
