"""Omission: an Arabic clause deleted where the English plainly has it.

The sentence is cut at commas; when the English and the Arabic have the same number of
comma-separated parts (a proxy for parallel clause structure) and part k of the Arabic is a
subordinate or coordinate clause (it opens with و, الذي, حيث, ...) or a parenthetical, it is
deleted with its comma. Numbers and capitalised names in the two parts must agree, and their
shares of the sentence length must be close, so the English part really is the dropped clause.
"""

from __future__ import annotations

import random
import re

from benchmarks.inject_common import Edit, arabic_tokens, delete, english_tokens
from qa.arabic import fold

AR_COMMA = re.compile(r"\s*[،,]\s*")
EN_COMMA = re.compile(r",\s*")
OPENERS = {fold(w) for w in (
    "الذي", "التي", "الذين", "اللذين", "اللتين", "حيث", "بينما", "عندما", "حين", "حينما", "لأن", "لكن", "ولكن", "إذ", "مما",
    "بعد", "قبل", "كما", "وهو", "وهي", "وهم", "والتي", "والذي", "والذين", "إلا", "فيما", "رغم", "بالرغم", "منذ", "وذلك", "ما",
    "إلى", "وفقا", "وفق", "مضيفا", "مضيفة", "قائلا", "قائلة", "خاصة", "أي", "بما", "كي", "حتى", "أو",
)}
DIGIT = re.compile(r"\d|[٠-٩]")
MIN_WORDS = 3


def _parts(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """Spans of the comma-separated parts (a final . ! ? stays outside the last part)."""
    end = len(text.rstrip())
    while end and text[end - 1] in ".!?؟\"'”»":
        end -= 1
    spans, start = [], 0
    for m in pattern.finditer(text, 0, end):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, end))
    return spans


def _digits(text: str) -> list[str]:
    return sorted(re.findall(r"[0-9٠-٩]+", text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))))


def clause_dropped(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    ar_parts, en_parts = _parts(ar, AR_COMMA), _parts(src, EN_COMMA)
    if len(ar_parts) < 2 or len(ar_parts) != len(en_parts):
        return None
    ar_len, en_len = len(arabic_tokens(ar)) or 1, len(english_tokens(src)) or 1
    sites = []
    for k in range(1, len(ar_parts)):
        (a0, a1), (e0, e1) = ar_parts[k], en_parts[k]
        a_words, e_words = arabic_tokens(ar[a0:a1]), english_tokens(src[e0:e1])
        if len(a_words) < MIN_WORDS or len(e_words) < MIN_WORDS:
            continue
        if len(a_words) > 0.6 * ar_len:  # keep the main clause: the sentence must not lose most of itself
            continue
        opener = a_words[0].folded
        parenthetical = k < len(ar_parts) - 1
        if not (opener in OPENERS or opener[:1] in "وف" and len(opener) > 2 or parenthetical):
            continue
        if _digits(ar[a0:a1]) != _digits(src[e0:e1]):
            continue
        share_ar, share_en = len(a_words) / ar_len, len(e_words) / en_len
        if not 0.5 <= share_ar / share_en <= 2.0:
            continue
        if k < len(ar_parts) - 1:  # a middle part goes with the comma after it: "X، [part]، Y" -> "X، Y"
            sites.append((a0, ar_parts[k + 1][0], (e0, e1)))
        else:  # the last part goes with the comma before it
            cut = max(ar.rfind("،", 0, a0), ar.rfind(",", 0, a0))
            sites.append((cut if cut >= 0 else a0, a1, (e0, e1)))
    if not sites:
        return None
    start, end, src_span = rng.choice(sites)
    dropped = ar[start:end]
    mt, span = delete(ar, start, end)
    return Edit(mt, span, src_span, f"dropped clause {dropped.strip(' ،,')!r}")
