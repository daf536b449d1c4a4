"""English left inside the Arabic: runs of ordinary English words, not names or codes.

Latin script is normal in Arabic news for acronyms (BBC, HER2), names kept as written (Sinovation
Ventures, "Johnny English Strikes Again"), URLs, e-mail, handles, units (km, mph), and glosses in
brackets (الحراك بالنقر (clicktivism)). What is not normal is an ordinary lower-case English word
(wordfreq Zipf frequency >= ORDINARY_ZIPF) outside brackets: it was copied, not translated.
Title-case runs pass as names; an untranslated Title Case headline is the limit of this rule.
Whole segments that are not Arabic are LNG001's business; this check looks at residue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qa.checks.format import machine_tokens
from qa.checks.registry import CheckContext, Flag, check
from qa.model import AlignedPair, Category, Severity, Span
from qa.names.lexicon import english_zipf

# Word frequencies are wordfreq's Zipf figures as the names checks ship them (importing wordfreq
# costs 0.7 s a run). Zipf 3.0 = once per million words: "bittersweet" (3.2), "terrace" (3.9) are ordinary;
# "clicktivism" (0), Welsh "twp" (2.6) are not.
ORDINARY_ZIPF = 3.0

# A Latin run: words (letters, digits, inner ' . & - +) joined by single spaces.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'&+.\-]*(?: [A-Za-z0-9][A-Za-z0-9'&+.\-]*)*")
_WORD = re.compile(r"[A-Za-z]+")
_MARKUP = re.compile(r"<[^<>]{0,200}>")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")

# Lower-case tokens that are not prose even when frequent: units, abbreviations, particles of names.
NOT_PROSE = frozenset(
    ["km", "kg", "cm", "mm", "mg", "ml", "mph", "kph", "kmh", "ft", "lb", "lbs", "oz", "mi", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "kw", "kwh", "mw", "gw", "am", "pm", "vs", "etc", "eg", "ie", "www", "com", "org", "net", "http", "https", "html", "pdf", "jpg", "png", "mp", "mps", "cc", "ad", "bc", "ce", "bce", "al", "el", "de", "la", "le", "du", "der", "van", "von", "den", "bin", "ibn", "da", "di", "del", "dos", "das"]
)
# Function words: they join the words of a title ("Chariots of Fire") and prove nothing alone.
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "but", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "it", "its", "be", "are", "was", "were", "this", "that", "these", "those", "i", "you", "he", "she", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "our", "their", "not", "no", "so", "if"]
)


def ordinary_words(run: str) -> list[str]:
    """The lower-case content words of a Latin run that are ordinary English."""
    return [
        w
        for w in _WORD.findall(run)
        if w.islower() and len(w) >= 3 and w not in NOT_PROSE and w not in FUNCTION_WORDS and english_zipf(w) >= ORDINARY_ZIPF
    ]


def residue_runs(mt: str) -> list[tuple[Span, list[str]]]:
    """(span, ordinary words) of each Latin run of the Arabic that holds ordinary English words.

    Markup, bracketed glosses, URLs, e-mail, handles and hashtags are blanked first (offsets kept).
    """
    masked = list(mt)
    for span in [Span(*m.span()) for p in (_MARKUP, _BRACKETED) for m in p.finditer(mt)] + [
        span for _, span in machine_tokens(mt)
    ]:
        masked[span.start : span.end] = " " * (span.end - span.start)
    out = []
    for m in _LATIN_RUN.finditer("".join(masked)):
        words = ordinary_words(m.group())
        if words:
            out.append((Span(m.start(), m.end()), words))
    return out


@check("UNT001", "english-residue", Category.UNTRANSLATED)
def english_residue(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """Ordinary English words left untranslated inside the Arabic.

    Flags:  The talks will resume on Monday, officials said. => قال المسؤولون إن the talks will resume يوم الاثنين.
    Flags:  The anniversary was bittersweet, she said. => قالت إن الذكرى كانت bittersweet.
    Passes: The BBC reported it on bbc.co.uk. => أفادت BBC بذلك على موقع bbc.co.uk.
    Passes: It is so-called clicktivism. => إنه ما يُسمى الحراك بالنقر (clicktivism).
    Passes: West performed the song I Love It. => أدى ويست أغنية "I Love it".
    """
    if not pair.src.strip():
        return
    src = pair.src.casefold()
    for span, words in residue_runs(pair.mt):
        run = span.of(pair.mt)
        at = src.find(run.casefold())
        yield Flag(
            Severity.MAJOR,
            f"English left untranslated: {run!r} ({', '.join(words)})",
            src_span=Span(at, at + len(run)) if at >= 0 else None,
            mt_span=span,
        )
