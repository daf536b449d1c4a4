"""Text left untranslated: MT that is not Arabic, or that copies the source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qa.checks.registry import CheckContext, Flag, check
from qa.model import AlignedPair, Category, Severity, Span

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"(?=[^\W\d_])[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_WORD = re.compile(r"[^\W\d_]{2,}")

# Below this many letters langdetect guesses (it reads "OK" as many languages); we decide by script.
MIN_LETTERS_FOR_LANGDETECT = 20


@lru_cache(maxsize=4096)
def detect_language(text: str) -> str | None:
    """langdetect with a fixed seed (its results are random otherwise); None when it cannot tell."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(text)
    except LangDetectException:
        return None


def arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


@check("LNG001", "target-not-arabic", Category.UNTRANSLATED)
def target_not_arabic(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """The machine translation is not in Arabic (mostly another script or language).

    Flags:  The talks will resume on Monday. => Die Gespräche werden am Montag fortgesetzt.
    Passes: The talks will resume on Monday. => ستستأنف المحادثات يوم الاثنين.
    Passes: NASA => ناسا NASA
    """
    letters = _LETTER.findall(pair.mt)
    if not letters or not pair.src.strip() or arabic_share(pair.mt) >= 0.5:
        return
    if len(letters) < MIN_LETTERS_FOR_LANGDETECT:
        # Too short for a language guess: a short Latin-only MT of a multi-word source is untranslated.
        if arabic_share(pair.mt) == 0 and len(_WORD.findall(pair.src)) >= 3 and pair.mt.strip() != pair.src.strip():
            yield Flag(Severity.CRITICAL, "the translation has no Arabic text", mt_span=Span(0, len(pair.mt)))
        return
    language = detect_language(pair.mt)
    if language != "ar":
        named = f" (detected: {language})" if language else ""
        yield Flag(Severity.CRITICAL, f"the translation is not Arabic{named}", mt_span=Span(0, len(pair.mt)))


@check("LNG002", "source-copied", Category.UNTRANSLATED)
def source_copied(pair: AlignedPair, ctx: CheckContext) -> Iterator[Flag]:
    """The machine translation repeats the English source instead of translating it.

    Flags:  The talks will resume on Monday. => The talks will resume on Monday.
    Passes: UNESCO => UNESCO
    Passes: The talks will resume on Monday. => ستستأنف المحادثات يوم الاثنين.
    """
    src, mt = " ".join(pair.src.split()), " ".join(pair.mt.split())
    if src and src.casefold() == mt.casefold() and len(_WORD.findall(src)) >= 3:
        yield Flag(
            Severity.CRITICAL,
            "the translation is a copy of the source",
            src_span=Span(0, len(pair.src)),
            mt_span=Span(0, len(pair.mt)),
        )
