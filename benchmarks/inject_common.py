"""Text surgery shared by the challenge injectors: tokens with offsets, edits that report spans.

Every injector returns an `Edit`: the modified Arabic, the span of the change in it (an empty
span at the deletion point when something was removed) and the English span that the change
contradicts. The injectors never use mtqa's checks (that would make recall circular); they use
only qa.arabic's folding, which is text normalisation, not detection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.arabic import normalize, strip_clitics, words

EN_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*\d|\d")
EN_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|neither|none|nobody|nothing|nowhere|cannot|without)\b|n['’]t\b", re.IGNORECASE
)
# Proclitics an injector keeps when it swaps a word's stem (conjunction + preposition + article).
CONJ = ("و", "ف")


@dataclass(frozen=True)
class Edit:
    mt: str
    mt_span: tuple[int, int]
    src_span: tuple[int, int] | None
    note: str


@dataclass(frozen=True)
class Token:
    text: str  # original spelling
    folded: str
    start: int
    end: int


def arabic_tokens(text: str) -> list[Token]:
    return [Token(text[w.span.start : w.span.end], w.folded, w.span.start, w.span.end) for w in words(text)]


def english_tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in EN_TOKEN.finditer(text)]


def english_negations(src: str) -> list[tuple[int, int]]:
    return [m.span() for m in EN_NEGATION.finditer(src)]


def replace(text: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    """text with [start, end) replaced by `new`, and the span of `new` in the result."""
    return text[:start] + new + text[end:], (start, start + len(new))


def delete(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """text with [start, end) removed and the whitespace around it closed; the empty span where it was."""
    before, after = text[:start], text[end:]
    if before.endswith(" ") and (after.startswith(" ") or not after or after[0] in ".،,؛:!?؟»\")"):
        before = before.rstrip(" ")
        if after.startswith(" ") and not before:
            after = after.lstrip(" ")
    elif not before and after.startswith(" "):
        after = after.lstrip(" ")
    if before and after and before[-1] in "،," and after[0] in "،,":
        after = after[1:]  # "X، [name]، Y" -> "X، Y"
    return before + after, (len(before), len(before))


def split_proclitics(token: Token, stem_folded: str) -> tuple[str, str]:
    """(original prefix, original stem) of a token whose folded stem reading is `stem_folded`."""
    norm = normalize(token.text)
    cut = len(norm.text) - len(stem_folded)
    at = norm.origin[cut] if cut < len(norm.origin) else len(token.text)
    return token.text[:at], token.text[at:]


def stem_readings(token: Token) -> list[tuple[str, str]]:
    return strip_clitics(token.folded)


def conj_prefix(token: Token) -> tuple[str, str]:
    """('و'/'ف'/'', rest) in original spelling: the conjunction a particle or verb may carry."""
    if len(token.folded) > 2 and token.folded[0] in CONJ:
        return token.text[0], token.text[1:]
    return "", token.text


def closest_span(spans: list[tuple[int, int]], rel: float, length: int) -> tuple[int, int] | None:
    """The span whose relative position in a text of `length` is nearest `rel` (0-1)."""
    if not spans:
        return None
    return min(spans, key=lambda s: abs(s[0] / max(1, length) - rel))
