"""Pair the values of an English sentence with those of its Arabic translation.

1. Mentions whose readings agree are matched (a maximum bipartite matching, strongest first, then
   the same kind, then nearest in relative position), so "1.5 billion" meets مليار ونصف and
   "sixth" meets السادسة.
2. A value in imperial units may meet its metric conversion (10 miles ↔ 16 كيلومترا): kept apart
   as `converted`, a legitimate difference. Digits split on one side and run together on the
   other (116 123 ↔ 116123) are matched.
3. What is left on both sides is paired by family and position into `changed` values.
4. The rest are `missing` (in the English only; looked for inside glued words first) and `added`
   (in the Arabic only).
Only values that must be carried (HARD) are reported missing or added; small words ("one", "two",
"first") are reported only when another explicit value stands in their place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.arabic import words
from qa.numbers.arabic_words import classify
from qa.numbers.lexicon import unit_factors
from qa.numbers.quantity import HARD, IMPLIED, MONTH, NUM, VAGUE, WEEKDAY, WORD, Quantity, value_key

CONVERSION_TOLERANCE = 0.06  # translators round converted values ("10 miles" -> "16 km": 0.6% off)
NOT_PARTNERS = frozenset(("vague", "code", "dual", "multiplier", "approx", "period", "adjective"))


@dataclass
class Comparison:
    matched: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    converted: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    changed: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    missing: list[Quantity] = field(default_factory=list)
    added: list[Quantity] = field(default_factory=list)


def _position(q: Quantity, length: int) -> float:
    return q.span.start / max(length, 1)


def _match(src: list[Quantity], mt: list[Quantity], src_len: int, mt_len: int) -> dict[int, int]:
    """Mentions whose readings agree, paired: first greedily by preference (stronger mentions first,
    so an implied "pair" rather than "second" is left over; then the same kind - "fourth" meets
    الرابعة and "four" أربع -; then nearer in relative position), then augmenting paths (Kuhn) so
    that no mention stays unpaired while a re-pairing could pair it."""
    edges = sorted(
        (
            -(e.strength + a.strength),
            (e.kind == "ordinal") != (a.kind == "ordinal"),
            abs(_position(e, src_len) - _position(a, mt_len)),
            s,
            k,
        )
        for s, e in enumerate(src)
        for k, a in enumerate(mt)
        if e.agrees(a)
    )
    options: dict[int, list[int]] = {}
    for *_, s, k in edges:
        options.setdefault(s, []).append(k)
    owner: dict[int, int] = {}  # mt index -> src index
    paired: set[int] = set()
    for *_, s, k in edges:
        if s not in paired and k not in owner:
            owner[k] = s
            paired.add(s)

    def augment(s: int, seen: set[int]) -> bool:
        for k in options[s]:
            if k in seen:
                continue
            seen.add(k)
            if k not in owner or augment(owner[k], seen):
                owner[k] = s
                return True
        return False

    for s in options:
        if s not in paired and augment(s, set()):
            paired.add(s)
    return {s: k for k, s in owner.items()}


def _converted(e: Quantity, a: Quantity) -> bool:
    """An imperial English value and its metric conversion, the Arabic naming the metric unit."""
    if e.unit is None or a.unit is None or NUM not in a.families or e.family != NUM:
        return False
    value, target = e.value, a.value
    if e.unit in ("fahrenheit", "f"):
        return a.unit == "c" and abs((value - 32) * 5 / 9 - target) <= 1.5
    for factor, unit in unit_factors().get(e.unit, ()):
        expected = value * factor
        if unit.startswith(a.unit) and expected and abs(target - expected) / expected <= CONVERSION_TOLERANCE:
            return True
    return False


def _partners(e: Quantity, a: Quantity) -> bool:
    """May these two leftovers be one value changed in translation?"""
    if e.kind == "code" or a.kind == "code":  # HER2 -> HER8: the same name with another number
        return e.kind == a.kind and e.unit is not None and e.unit == a.unit
    if e.kind == "vague" and a.kind == "vague":  # millions -> مليارات
        return True
    if e.kind in NOT_PARTNERS or a.kind in NOT_PARTNERS or VAGUE in e.families or VAGUE in a.families:
        return False
    if e.families.isdisjoint(a.families):
        return False
    if max(e.strength, a.strength) < HARD and min(e.strength, a.strength) < WORD:
        return False
    if min(e.strength, a.strength) == IMPLIED and MONTH not in e.families:
        return False  # an implied count is no evidence of a changed value (ambiguous month names are)
    year_e, year_a = e.kind == "year", a.kind == "year"
    return year_e == year_a or (e.kind in ("date", "digits") or a.kind in ("date", "digits"))


_DIGIT_RUN = re.compile(r"\d+")
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _digit_text(text: str, q: Quantity) -> str:
    """The digits of a mention ("116 123" -> "116123"), "" when it has none."""
    return "".join(_DIGIT_RUN.findall(q.span.of(text).translate(_TO_ASCII)))


def _concatenated(one: list[int], one_q: list[Quantity], one_text: str, other_q: Quantity, other_text: str) -> list[int]:
    """Leftovers on one side whose digits, run together, are the other side's number (116 123 ↔ 116123)."""
    target = _digit_text(other_text, other_q)
    if len(target) < 5:
        return []
    for a in range(len(one)):
        joined = ""
        for b in range(a, min(a + 4, len(one))):
            joined += _digit_text(one_text, one_q[one[b]])
            if joined == target and b > a:
                return one[a : b + 1]
            if not target.startswith(joined):
                break
    return []


def _inside_glued_words(e: Quantity, glued: list[str]) -> bool:
    """Text whose spaces were lost (يومالخميس, فييوليو, الثانٍالذي) still carries the value: a long
    word that is no value itself may hold one (a stretch of it that reads as a value word)."""
    if e.family == NUM and (e.kind in ("year", "money") or e.value > 10):
        return False
    for word in glued:
        for start in range(len(word) - 2):
            for end in range(start + 3, len(word) + 1):
                info = classify(word[start:end])
                if info is None:
                    continue
                found = (
                    (MONTH, info.month[0]) if info.month else
                    (WEEKDAY, info.weekday[0]) if info.weekday else
                    (NUM, info.word.entry.value) if info.word and info.word.entry.kind in ("cardinal", "ordinal", "ten") else None
                )
                if found is not None and (found[0], value_key(found[1])) in e.keys:
                    return True
    return False


def compare(src: tuple[Quantity, ...], mt: tuple[Quantity, ...], src_text: str, mt_text: str) -> Comparison:
    """Pair the mentions of an English text (src) and of its Arabic translation (mt)."""
    result = Comparison()
    src_len, mt_len = len(src_text), len(mt_text)
    src_l, mt_l = list(src), list(mt)
    pairs = _match(src_l, mt_l, src_len, mt_len)
    used_mt = set(pairs.values())
    for s, k in sorted(pairs.items()):
        result.matched.append((src_l[s], mt_l[k]))
    left_src = [s for s in range(len(src_l)) if s not in pairs]
    left_mt = [k for k in range(len(mt_l)) if k not in used_mt]

    for s in list(left_src):
        for k in left_mt:
            if _converted(src_l[s], mt_l[k]):
                result.converted.append((src_l[s], mt_l[k]))
                left_src.remove(s)
                left_mt.remove(k)
                break
    for k in list(left_mt):
        parts = _concatenated(left_src, src_l, src_text, mt_l[k], mt_text)
        if parts:
            result.matched += [(src_l[s], mt_l[k]) for s in parts]
            left_src = [s for s in left_src if s not in parts]
            left_mt.remove(k)
    for s in list(left_src):
        parts = _concatenated(left_mt, mt_l, mt_text, src_l[s], src_text)
        if parts:
            result.matched += [(src_l[s], mt_l[k]) for k in parts]
            left_mt = [k for k in left_mt if k not in parts]
            left_src.remove(s)

    candidates = sorted(
        (abs(_position(src_l[s], src_len) - _position(mt_l[k], mt_len)), s, k)
        for s in left_src
        for k in left_mt
        if _partners(src_l[s], mt_l[k])
    )
    taken_s: set[int] = set()
    taken_k: set[int] = set()
    for _distance, s, k in candidates:
        if s in taken_s or k in taken_k:
            continue
        taken_s.add(s)
        taken_k.add(k)
        result.changed.append((src_l[s], mt_l[k]))
    result.changed.sort(key=lambda pair: pair[0].span)
    missing = [src_l[s] for s in left_src if s not in taken_s and src_l[s].strength >= HARD]
    if missing:
        glued = [w.folded for w in words(mt_text) if len(w.folded) >= 6 and classify(w.folded) is None]
        missing = [e for e in missing if not _inside_glued_words(e, glued)]
    result.missing = missing
    result.added = [mt_l[k] for k in left_mt if k not in taken_k and mt_l[k].strength >= HARD]
    return result
