"""Renderings human translators use that are not errors, for the diagnosis (qa.names.diagnosis).

A name run into a frequent neighbour (كافانوفي, دوغالذي) or split in two (لوو كي), a title
transliterated with its article (ذا هل for The Hill), the generic head of a name translated
(Hurricane Rosa: إعصار روزا). Each was a false alarm on the NTREX human translations and is
measured against the injected errors of the challenge set (docs/names.md).
"""

from __future__ import annotations

from qa.names import translit
from qa.names.arabic_side import ArabicSide
from qa.names.english import CLASSIFIERS, EnglishName
from qa.names.lexicon import arabic_zipf
from qa.names.matching import WORD_ZIPF, found_excess
from qa.names.spelling import compare, skeleton, usual_variant

TRACE_CONSONANTS = 3  # a spelling with this many consonants, all of them in a row inside a longer word: a run-on
GLUE_EXTRA = 2  # letters beyond the spelling that make a word a run-on (غايغرفي, دومفريسوغالاوي)


def glued_front(side: ArabicSide, refs, used: set[int]) -> bool:
    """A short spelling run into a frequent word after it (دوغالذي, روكقام...): `glued` wants
    four letters, since a three-letter spelling inside any longer word proves nothing."""
    for i, w in enumerate(side.words):
        if i in used:
            continue
        for stem in side.stems[i] | {w.folded}:
            for ref, _ in refs:
                if len(ref) >= 3 and stem.startswith(ref):
                    rest = stem[len(ref) :]
                    if any(arabic_zipf(rest[:k]) >= GLUE_ZIPF for k in range(3, min(len(rest), 6) + 1)):
                        return True
    return False


def split_in_two(side: ArabicSide, known, used: set[int]) -> bool:
    """A known spelling written as two words (لوو كي for Lowkey): two neighbours that together
    are the spelling or a usual variant of it."""
    for i in range(len(side.words) - 1):
        if i in used or i + 1 in used:
            continue
        joined = side.words[i].folded + side.words[i + 1].folded
        if any(len(ref) >= 4 and (joined == ref or usual_variant(joined, ref, 0)) for ref, _ in known):
            return True
    return False


def generic(tokens: list[str]) -> bool:
    """Every expected word of the name is a generic head noun (english.CLASSIFIERS)."""
    return bool(tokens) and all(translit.clean_english(t) in CLASSIFIERS for t in tokens)


def partial_trace(side: ArabicSide, refs, used: set[int]) -> bool:
    """An unused, not-ordinary word that holds a reference spelling's consonants in a row and is
    longer than it: the name run into a neighbour beyond what `glued` accepts (غايغرفي, ويستروس)."""
    for ref, _ in refs:
        if len(skeleton(ref)) < TRACE_CONSONANTS:
            continue
        for i, w in enumerate(side.words):
            if i in used or arabic_zipf(w.folded) >= WORD_ZIPF:
                continue
            for stem in side.stems[i] | {w.folded}:
                if len(stem) >= len(ref) + GLUE_EXTRA and skeleton(ref) in skeleton(stem):
                    return True
    return False


def after_the(side: ArabicSide, i: int, src: str, n: EnglishName) -> bool:
    """The English article of a title spelt out before the word (The Hill: ذا هل): the whole title
    is transliterated, so a word that is also an Arabic word is still the name."""
    return i > 0 and side.words[i - 1].folded in ("ذا", "ذي") and src[: n.span.start].rstrip().endswith("The")


def glued_variant(word: str, ref: str, clean: str) -> bool:
    """The name run into a frequent word (كافانواعلى, إنجليشحين, ثريففي): the word is a frequent
    Arabic word appended to an accepted spelling (the reference up to soft edits, or one the
    model finds plausible)."""
    model = translit.model()
    for k in range(max(2, len(ref) - 2), len(word) - 1):
        head, tail = word[:k], word[k:]
        if len(tail) >= 2 and arabic_zipf(tail) >= GLUE_ZIPF:
            _, hard = compare(head, ref)
            if hard == 0 or model.excess(clean, head) <= found_excess(clean):
                return True
    return False


GLUE_ZIPF = 4.5  # a word this frequent (في على حين قائلا) is often run into the word before it
