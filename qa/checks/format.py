"""Format: punctuation pairs, machine-readable tokens and characters that do not belong in MSA text.

All minor: none of these changes what a sentence says, but each breaks a page, a link or a
search. Decisions (docs/checks.md has the measurements):
- Quotes: English "…" and Arabic “…”, ”…”, «…», "…" are all quotation marks; a translation may
  switch styles. Only parity is checked, and only when the source's own quotes are balanced (a
  quotation that spans sentences opens in one segment and closes in another) and the source
  quotes with double quotes only (Arabic renders English 'single' quotation marks as double).
- Bidi controls: LRM, RLM and ALM (U+200E, U+200F, U+061C) pass: they are the standard way to fix
  the direction of punctuation next to Latin text or digits. Embeddings and isolates (U+202A/B,
  U+2066-8) pass when closed (U+202C, U+2069) in the same segment; overrides (U+202D/E) never
  pass: they reorder what the reader sees, the trick of "Trojan Source" text.
- Persian letters are flagged in names too: MSA news spells foreign names with Arabic letters
  (بوتين, not پوتین). ڤ (veh, for V) is common in Arabic news and passes.
- Tatweel: a single one at the end of a word is an abbreviation or prefix mark (هـ, لـ"…") and
  passes; one between letters, or several in a row, is padding.
- Words run together: an Arabic "word" of RUN_TOGETHER_LETTERS or more folded letters is several
  words with the spaces lost (3% of the NTREX references have one; the longest real words there
  have 14-15 letters). The encoder cannot read such text, so the omission checks stand aside
  when most of a translation is run together.
"""

from __future__ import annotations

from functools import lru_cache

import re
import unicodedata
from collections.abc import Iterator

from qa.arabic import words
from qa.checks.registry import CheckContext, Flag, check
from qa.model import AlignedPair, Category, Severity, Span

EN_QUOTES = '"\u201c\u201d'
AR_QUOTES = '"\u201c\u201d\u00ab\u00bb'
BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))

_TLDS = "com|org|net|gov|edu|int|info|io|co|uk|us|eu|de|fr|ae|sa|eg|qa|news|tv|me|ly|gl"
TOKEN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("e-mail address", re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    ("URL", re.compile(rf"(?:https?://|www\.)[^\s\"'<>\u060c]+|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:{_TLDS})\b(?:/[^\s\"'<>]*)?")),
    ("handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")),
    ("hashtag", re.compile(r"(?<![\w#&])#[A-Za-z0-9_]*[A-Za-z_][A-Za-z0-9_]*")),
)
_TRAILING = ".,;:!?)]}\"'\u201d"
# What every match of TOKEN_PATTERNS contains (an @, a #, a scheme, www., or a letter or digit, a dot
# and a lower-case TLD): most sentences have none and skip the four scans.
_MAYBE_TOKEN = re.compile(r"[@#]|://|www\.|[A-Za-z0-9-]\.[a-z]")

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
OVERRIDES = re.compile("[\u202d\u202e]")
OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
CLOSERS = {"\u202c", "\u2069"}

# Persian letters and the MSA letter news style uses instead (None: it depends on the name).
PERSIAN = {
    "\u06cc": "\u064a",  # ی Farsi yeh -> ي
    "\u06a9": "\u0643",  # ک keheh -> ك
    "\u067e": "\u0628",  # پ peh -> ب
    "\u0686": None,  # چ tcheh -> تش or ج
    "\u0698": "\u0632",  # ژ jeh -> ز (or ج)
    "\u06af": None,  # گ gaf -> غ, ج or ك by region
}
_PERSIAN = re.compile(f"[{''.join(PERSIAN)}]")
_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
# Tatweel between two letters (kashida), or two and more in a row.
_TATWEEL_PADDING = re.compile(f"(?<=[{_ARABIC_LETTER}])\u0640+(?=[{_ARABIC_LETTER}])|\u0640{{2,}}")


# English single quotes that quote rather than elide: an opening one before a word, or one closing
# after sentence punctuation. Where the source has them, the Arabic's double quotes cannot be counted against it.
_EN_SINGLE_QUOTATION = re.compile(r"(?:^|(?<=[\s(\[\"\u201c]))['\u2018](?=\w)|(?<=[.,!?])['\u2019]")


def quote_count(text: str, marks: str) -> int:
    return sum(text.count(m) for m in marks)


@check("FMT001", "quotes-unbalanced", Category.FORMAT)
def quotes_unbalanced(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A quotation mark of the Arabic is left open (the source's quotes are balanced).

    Flags:  He said "we will win" on Monday. => قال "سننتصر يوم الاثنين.
    Passes: He said "we will win" on Monday. => قال «سننتصر» يوم الاثنين.
    Passes: He said "we will win" on Monday. => قال “سننتصر” يوم الاثنين.
    """
    if _EN_SINGLE_QUOTATION.search(pair.src):
        return
    src_marks, mt_marks = quote_count(pair.src, EN_QUOTES), quote_count(pair.mt, AR_QUOTES)
    guillemets_open = pair.mt.count("\u00ab") != pair.mt.count("\u00bb")
    if src_marks % 2 == 0 and (mt_marks % 2 == 1 or guillemets_open):
        last = max(pair.mt.rfind(m) for m in AR_QUOTES)
        yield Flag(
            Severity.MINOR,
            f"unbalanced quotation marks: {mt_marks} in the Arabic, {src_marks} in the source",
            mt_span=Span(last, last + 1),
        )


def bracket_problem(text: str, opening: str, closing: str) -> int | None:
    """Offset of the first unmatched bracket of one kind, None when they pair up."""
    if opening not in text and closing not in text:  # most sentences: skip the character loop
        return None
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == opening:
            stack.append(i)
        elif ch == closing:
            if not stack:
                return i
            stack.pop()
    return stack[0] if stack else None


@check("FMT002", "brackets-unbalanced", Category.FORMAT)
def brackets_unbalanced(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A bracket of the Arabic is not closed (or closes nothing) where the source's pair up.

    Flags:  The agency (IAEA) said so. => قالت الوكالة (الوكالة الدولية للطاقة الذرية ذلك.
    Passes: The agency (IAEA) said so. => قالت الوكالة (الوكالة الدولية للطاقة الذرية) ذلك.
    """
    for opening, closing in BRACKETS:
        if bracket_problem(pair.src, opening, closing) is not None:
            continue
        at = bracket_problem(pair.mt, opening, closing)
        if at is not None:
            yield Flag(Severity.MINOR, f"unbalanced bracket {pair.mt[at]!r} in the Arabic", mt_span=Span(at, at + 1))


def machine_tokens(text: str) -> list[tuple[str, Span]]:
    """(kind, span) of each URL, e-mail address, @handle and #hashtag; an address is not also a handle."""
    found: list[tuple[str, Span]] = []
    if not _MAYBE_TOKEN.search(text):
        return found
    taken: list[Span] = []
    for kind, pattern in TOKEN_PATTERNS:
        for m in pattern.finditer(text):
            end = m.end()
            while end > m.start() + 1 and text[end - 1] in _TRAILING:
                end -= 1
            span = Span(m.start(), end)
            if any(span.start < t.end and t.start < span.end for t in taken):
                continue
            taken.append(span)
            found.append((kind, span))
    return sorted(found, key=lambda x: x[1])


@check("FMT003", "token-not-carried-over", Category.FORMAT)
def token_not_carried_over(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """A URL, e-mail address, @handle or #hashtag of the source is not in the Arabic verbatim.

    Flags:  Write to press@example.org for details. => اكتب إلى press@example.com للحصول على التفاصيل.
    Passes: Write to press@example.org for details. => للحصول على التفاصيل اكتب إلى press@example.org.
    Passes: Follow @UN_News and #COP28 on www.un.org. => تابعوا @UN_News و#COP28 على www.un.org
    """
    mt = pair.mt.casefold()
    for kind, span in machine_tokens(pair.src):
        token = span.of(pair.src)
        if token.casefold() not in mt:
            yield Flag(
                Severity.MINOR,
                f"the {kind} {token!r} is not in the Arabic as written",
                src_span=span,
                suggestion=token,
            )


@check("FMT004", "presentation-forms", Category.FORMAT)
def presentation_forms(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """Arabic presentation-form characters (U+FB50-FDFF, U+FE70-FEFF) instead of plain letters.

    Flags:  Peace talks => ﻣﺤﺎﺩﺛﺎﺕ اﻟﺴﻼﻡ
    Passes: Peace talks => محادثات السلام
    """
    runs = list(PRESENTATION_FORMS.finditer(pair.mt))
    if runs:
        count = sum(len(m.group()) for m in runs)
        first = runs[0]
        yield Flag(
            Severity.MINOR,
            f"{count} presentation-form character(s): they look right but defeat search and copy-paste",
            mt_span=Span(first.start(), first.end()),
            suggestion=unicodedata.normalize("NFKC", first.group()),
        )


def bidi_problems(text: str) -> list[tuple[int, str]]:
    """(offset, reason) of each override, and of each embedding or isolate left open or closing nothing."""
    problems = [(m.start(), "a directional override") for m in OVERRIDES.finditer(text)]
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if ch in OPENERS:
            stack.append((i, OPENERS[ch]))
        elif ch in CLOSERS:
            if stack and stack[-1][1] == ch:
                stack.pop()
            else:
                problems.append((i, "a directional terminator that closes nothing"))
    problems += [(i, "a directional embedding or isolate never closed") for i, _ in stack]
    return sorted(problems)


@check("FMT005", "stray-bidi-control", Category.FORMAT)
def stray_bidi_control(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """An invisible bidi control that reorders the text (override) or is left unpaired.

    Flags:  Talks resume on Monday. => تستأنف المحادثات \u202eيوم الاثنين.
    Passes: Talks resume on Monday. => تستأنف المحادثات يوم الاثنين.
    Passes: The BBC reported it. => أفادت \u2068BBC\u2069 بذلك.
    """
    problems = bidi_problems(pair.mt)
    if problems:
        at, reason = problems[0]
        yield Flag(
            Severity.MINOR,
            f"{len(problems)} stray bidi control(s), first U+{ord(pair.mt[at]):04X}: {reason}",
            mt_span=Span(at, at + 1),
        )


@check("FMT006", "persian-letters", Category.FORMAT)
def persian_letters(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """Persian letters (پ چ ژ گ ک ی) in Modern Standard Arabic text.

    Flags:  The president met Putin. => التقى الرئيس پوتین.
    Passes: The president met Putin. => التقى الرئيس بوتين.
    Passes: Vienna => ڤيينا
    """
    found = list(_PERSIAN.finditer(pair.mt))
    if found:
        first = found[0]
        letters = "".join(sorted({m.group() for m in found}))
        plain = PERSIAN[first.group()]
        yield Flag(
            Severity.MINOR,
            f"Persian letter(s) {' '.join(letters)} in MSA text ({len(found)} in all)",
            mt_span=Span(first.start(), first.end()),
            suggestion=plain,
        )


@check("FMT007", "tatweel-padding", Category.FORMAT)
def tatweel_padding(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """Tatweel (ـ) stretching words: justification padding that breaks search.

    Flags:  Peace => الســـلام
    Passes: Peace => السلام
    Passes: In 1445 AH => في عام 1445 هـ
    """
    found = list(_TATWEEL_PADDING.finditer(pair.mt))
    if found:
        first = found[0]
        yield Flag(
            Severity.MINOR,
            f"tatweel padding inside words ({len(found)} place(s))",
            mt_span=Span(first.start(), first.end()),
            suggestion="",
        )


RUN_TOGETHER_LETTERS = 16  # NTREX's longest real words have 14-15 letters (البروتستانتيين)


def run_together(text: str) -> list[Span]:
    """Spans of Arabic 'words' too long to be one word: several words with the spaces lost."""
    return [w.span for w in words(text) if len(w.folded) >= RUN_TOGETHER_LETTERS]


@lru_cache(maxsize=4096)
def run_together_share(text: str) -> float:
    """The share of the Arabic letters that sit in run-together words."""
    found = words(text)
    total = sum(len(w.folded) for w in found)
    glued = sum(len(w.folded) for w in found if len(w.folded) >= RUN_TOGETHER_LETTERS)
    return glued / total if total else 0.0


@check("FMT008", "words-run-together", Category.FORMAT)
def words_run_together(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """Arabic words run together: the spaces between them are lost.

    Flags:  North Korea pledged to dismantle a missile site. => تعهدتكورياالشمالية بتفكيك موقع للصواريخ.
    Passes: North Korea pledged to dismantle a missile site. => تعهدت كوريا الشمالية بتفكيك موقع للصواريخ.
    Passes: Protestants => البروتستانتيين
    """
    spans = run_together(pair.mt)
    if spans:
        yield Flag(
            Severity.MINOR,
            f"{len(spans)} run of Arabic words without spaces, e.g. {spans[0].of(pair.mt)!r}",
            mt_span=spans[0],
        )
