"""Number errors: a value changed in the Arabic where the English states the same value.

Digits (Western and Arabic-Indic, kept in their script) get one digit changed; Arabic number
words get another number word of the same form (ثلاثة -> خمسة keeps the ة of the counted
masculine noun, عشرين -> ثلاثين keeps the case ending); مليون and مليار swap.
"""

from __future__ import annotations

import random
import re

from benchmarks.inject_common import Edit, arabic_tokens, english_tokens, replace, split_proclitics, stem_readings
from qa.arabic import fold

ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DIGITS = re.compile(r"[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*")

EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "millions": 10**6, "billions": 10**9,
}
# Units 3-10 in the two forms Arabic uses (with ة before a masculine noun, without before a feminine one).
UNITS_TA = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
UNITS = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
TENS = {20: "عشر", 30: "ثلاث", 40: "أربع", 50: "خمس", 60: "ست", 70: "سبع", 80: "ثمان", 90: "تسع"}
SCALES = {"مليون": ("مليار", 10**6), "مليار": ("مليون", 10**9), "ملايين": ("مليارات", 10**6), "مليارات": ("ملايين", 10**9)}


def _value(text: str) -> float | None:
    t = text.translate(ARABIC_INDIC).replace("٬", ",").replace("٫", ".")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    elif "," in t:
        t = t.replace(",", ".") if t.count(",") == 1 else t.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def english_values(src: str) -> dict[float, tuple[int, int]]:
    out: dict[float, tuple[int, int]] = {}
    for m in DIGITS.finditer(src):
        v = _value(m.group())
        if v is not None:
            out.setdefault(v, m.span())
    for t in english_tokens(src):
        if t.folded in EN_WORDS:
            out.setdefault(float(EN_WORDS[t.folded]), (t.start, t.end))
    return out


def _word_forms():
    forms: dict[str, tuple[int, str, str]] = {}  # folded word -> (value, family, suffix)
    for v, w in UNITS_TA.items():
        forms[fold(w)] = (v, "ta", "")
    for v, w in UNITS.items():
        forms.setdefault(fold(w), (v, "plain", ""))
    for v, w in TENS.items():
        for suffix in ("ون", "ين"):
            forms[fold(w + suffix)] = (v, "tens", suffix)
    return forms


NUMBER_WORDS = _word_forms()


def _changed_digits(text: str, rng: random.Random, taken: set[float]) -> str | None:
    indic = any("٠" <= c <= "٩" for c in text)
    western = text.translate(ARABIC_INDIC)
    positions = [i for i, c in enumerate(western) if c.isdigit()]
    for _ in range(20):
        i = rng.choice(positions[-2:] if len(positions) > 2 else positions)
        old = western[i]
        choices = [d for d in "0123456789" if d != old and not (d == "0" and i == positions[0])]
        new = western[:i] + rng.choice(choices) + western[i + 1 :]
        if _value(new) not in taken:
            return new.translate(TO_ARABIC_INDIC) if indic else new
    return None


def number_changed(src: str, ar: str, rng: random.Random, res) -> Edit | None:
    values = english_values(src)
    taken = set(values)
    sites = []
    for m in DIGITS.finditer(ar):
        v = _value(m.group())
        if v in values:
            sites.append(("digits", m.start(), m.end(), m.group(), values[v]))
    for t in arabic_tokens(ar):
        for _, stem in stem_readings(t):
            if stem in NUMBER_WORDS and float(NUMBER_WORDS[stem][0]) in values:
                nxt = ar[t.end : t.end + 6]
                if fold(nxt.strip()).startswith("عشر"):  # a compound teen (ثلاثة عشر)
                    break
                sites.append(("word", t, stem, None, values[float(NUMBER_WORDS[stem][0])]))
                break
            if stem in SCALES and float(SCALES[stem][1]) in values:
                sites.append(("scale", t, stem, None, values[float(SCALES[stem][1])]))
                break
    if not sites:
        return None
    kind, a, b, text, src_span = rng.choice(sites)
    if kind == "digits":
        new = _changed_digits(text, rng, taken)
        if new is None:
            return None
        mt, span = replace(ar, a, b, new)
        return Edit(mt, span, src_span, f"digits {text!r} -> {new!r}")
    token, stem = a, b
    prefix, _ = split_proclitics(token, stem)
    if kind == "scale":
        new = SCALES[stem][0]
    else:
        value, family, suffix = NUMBER_WORDS[stem]
        table = {"ta": UNITS_TA, "plain": UNITS, "tens": {k: w + suffix for k, w in TENS.items()}}[family]
        options = [w for k, w in table.items() if k != value and float(k) not in taken and abs(k - value) <= (30 if family == "tens" else 3)]
        if not options:
            return None
        new = rng.choice(options)
    mt, span = replace(ar, token.start, token.end, prefix + new)
    return Edit(mt, span, src_span, f"number word {token.text!r} -> {prefix + new!r}")
