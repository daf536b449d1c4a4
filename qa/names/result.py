"""The outcome of the name analysis for one English name (qa.names.analysis), and what the
passes share about it: its identity across a document and the kinds of names that are spelt."""

from __future__ import annotations

from dataclasses import dataclass

from qa.model import Span
from qa.names import translit
from qa.names.english import EnglishName

TRANSLITERATED = frozenset(["person", "country", "region", "city", "state", "place"])  # kinds spelt, not translated
PLACE_KINDS = frozenset(["country", "region", "city", "state", "place"])
WEAK = "uncertain"  # note of a missing name with some evidence against the omission (NAM003 minor)


@dataclass(frozen=True)
class NameResult:
    name: EnglishName
    status: str  # found, variant, distorted, garbled, swapped, missing, unverified, unchecked
    mt_span: Span | None = None
    suggestion: str | None = None
    found: str | None = None  # the Arabic as written
    note: str = ""
    key: str = ""  # identity of the name across a document
    form: str | None = None  # folded rendering, for consistency


def name_key(n: EnglishName) -> str:
    return n.entry.entity if n.entry else " ".join(translit.clean_english(w) for w in n.words)
