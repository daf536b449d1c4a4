"""Sentence segmentation for English and Arabic news, one paragraph per line.

A sentence ends at a run of terminal punctuation (. ! ? ؟ … ۔) plus any closing quotes or
brackets right after it (`sold."`, `«لن نتراجع.»`), where whitespace follows; the few rules
below then veto the ends that are abbreviations, initials or number labels. Spans are offsets
into the line and are trimmed, so spans plus the whitespace between them give back the line.

Written by hand (one regex pass plus a veto) after measuring the libraries on NTREX documents
rebuilt as paragraphs (benchmarks/bench_alignment.py --segmenters, docs/alignment.md): pysbd
keeps multi-sentence quotations whole and, with NTREX's quotes opening on one line and closing
on another, loses a quarter of the boundaries; it detaches closing quotes (`sold. | " Experts`);
its Arabic rules end sentences at every Arabic comma and colon (boundary precision 0.40); and it
runs at ~800 lines/s. sentencex keeps quotations whole too (recall 0.80 en, 0.71 ar). Neither
pairs the two languages consistently, which is what the aligner needs most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.model import Segment, Span

# Terminal punctuation: full stop, ! ? and the Arabic question mark, ellipsis, Urdu/Arabic full
# stop (U+06D4). Not the Arabic semicolon ؛ nor comma ، nor ':' : NTREX's professional Arabic uses
# ؛ where English has ';' or ',' (7 lines, none of them two sentences), and MT copies that.
TERMINALS = ".!?\u061f\u2026\u06d4"
CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}"  # " ' ” ’ » › ) ] }
OPENERS = "\"'\u201c\u2018\u00ab\u2039([{\u00bf\u00a1\u2014-"  # " ' “ ‘ « ‹ ( [ { ¿ ¡ —
_CANDIDATE = re.compile(f"[{re.escape(TERMINALS)}]+[{re.escape(CLOSERS)}]*(?=\\s)")
_NON_SPACE = re.compile(r"\S+")

# Titles and other words whose abbreviation is always followed by the word it qualifies.
PREPOSITIVE = frozenset(
    "mr mrs ms messrs mme mlle dr drs prof rev hon sen sens rep reps gov gen lt col maj capt cmdr "
    "adm sgt cpl pvt brig insp supt det fr sr sra st mt ft pres v vs".split()
)
# Labels followed by a number: "No. 10", "pp. 4-5", "Art. 3".
BEFORE_NUMBER = frozenset("no nos art arts p pp vol vols fig figs ch sec para ref op".split())
# Abbreviations that may end a sentence or sit inside one ("in the U.S." / "U.S. Secretary").
# A real word that is also an abbreviation (Ill., Miss., Wash.) is left out on purpose.
AMBIGUOUS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "inc ltd co corp plc llc bros dept univ assn est approx etc jr esq ave blvd rd hwy "
    "calif colo conn fla ga ky mich minn nev okla penn tenn tex va vt wis wyo".split()
)
# Capitalised words that begin sentences far more often than they follow an abbreviation.
SENTENCE_STARTERS = frozenset(
    "A An And As At But By During For From He Her His How However I If In It Its It's Many "
    "Meanwhile More Most No Not Now On One Our She So Some Such That The Their Then There These "
    "They This Those Thus To We What When Where Which While Who Why Yet You Your".split()
)
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, a.m, e.g, Ph.D (last dot cut off)
_LATIN = re.compile(r"[A-Za-z]")
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_ARABIC_ABBREVIATION = re.compile(f"^[{ARABIC_LETTERS}]\u0640?(?:\\.[{ARABIC_LETTERS}]\u0640?)*$")  # د / أ.د / ج.م.ع
_ARABIC_ERA = frozenset(["\u0645", "\u0647", "\u0647\u0640"])  # م (AD) / هـ (AH) after a year


def split_sentences(text: str, lang: str) -> list[Span]:
    """Sentence spans in one line: trimmed, in order, covering every non-space character.

    `lang` is "en" or "ar"; any other value gets the Arabic rules, which use no letter case.
    """
    ends: list[int] = []
    for match in _CANDIDATE.finditer(text):
        if _is_sentence_end(text, match.start(), match.end(), lang):
            ends.append(match.end())
    spans: list[Span] = []
    start = 0
    for end in [*ends, len(text)]:
        span = _trimmed(text, start, end)
        if span is not None:
            spans.append(span)
        start = end
    return spans


def segment_lines(lines: Sequence[str], lang: str) -> list[Segment]:
    """Every sentence of a document given one paragraph per line; blank lines give none."""
    return [
        Segment(text=span.of(line), lang=lang, line=number, span=span)
        for number, line in enumerate(lines)
        for span in split_sentences(line, lang)
    ]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    words = list(_NON_SPACE.finditer(text, start, end))
    if not words:
        return None
    return Span(words[0].start(), words[-1].end())


def _is_sentence_end(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the punctuation run text[start:end] (terminals, then closers) ends a sentence."""
    run = text[start:end]
    terminals = run.rstrip(CLOSERS)
    left = _word_before(text, start).lstrip(OPENERS)
    right = _next_word(text, end)
    if not right:
        return True
    right_kind = _kind(right)
    if lang == "en" or (_LATIN.search(left or "") and right_kind != "arabic"):
        return _english_end(terminals, left, right, right_kind)
    return _arabic_end(terminals, left, text, start)


def _english_end(terminals: str, left: str, right: str, right_kind: str) -> bool:
    if right_kind == "lower":  # '"Why?" she asked', 'e.g. the', '... they said'
        return False
    if terminals != ".":
        return True  # ? ! ?! ... : a capitalised word after them starts a sentence
    word = left.lower()
    if word in PREPOSITIVE:
        return False
    if word in BEFORE_NUMBER and right_kind == "digit":
        return False
    if word in AMBIGUOUS or _INITIALISM.match(left) or (len(left) == 1 and left.isupper()):
        # "Jan. 5", "U.S. Secretary", "George W. Bush", "7 p.m. ET" go on; "in the U.S. The" ends.
        return right_kind not in ("digit", "upper") or _bare(right) in SENTENCE_STARTERS
    return True


def _arabic_end(terminals: str, left: str, text: str, start: int) -> bool:
    if ".." in terminals or "\u2026" in terminals:
        return False  # an ellipsis inside an Arabic paragraph is a pause, not an end (NTREX)
    if terminals == "." and left and _ARABIC_ABBREVIATION.match(left):
        if left in _ARABIC_ERA and _word_before(text, start - len(left)).isdigit():
            return True  # "عام 1990 م." ends; "د. محمد" does not
        return False
    return True


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at `end`, after skipping spaces before `end`."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def _next_word(text: str, end: int) -> str:
    match = _NON_SPACE.search(text, end)
    return match.group() if match else ""


def _bare(word: str) -> str:
    return word.lstrip(OPENERS).rstrip(CLOSERS + TERMINALS + ",;:\u060c\u061b")


def _kind(word: str) -> str:
    """lower / upper / digit / arabic / other, from the first letter or digit of the word."""
    for char in word:
        if char.isdigit():
            return "digit"
        if char.isalpha():
            if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufeff":
                return "arabic"
            if char.islower():
                return "lower"
            if char.isupper():
                return "upper"
            return "other"
    return "other"
