"""How an expected value should appear in the Arabic: the text of a finding's suggestion.

The suggestion follows the translation's own style where it can: a number word replaced by the
word of the right value in the same form (خمسة -> ثلاثة, السابعة -> السادسة), digits in the
script the translation uses, months in its naming convention (يناير or كانون الثاني).
"""

from __future__ import annotations

from qa.arabic import fold
from qa.numbers.lexicon import arabic_month_names, arabic_spellings, arabic_weekday_names, month_conventions
from qa.numbers.quantity import ARABIC_SCALES, MONTH, NUM, WEEKDAY, Quantity, plain, scaled

_TO_INDIC = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")


def _word_like(value: float, like: Quantity, like_text: str) -> str | None:
    """The lexicon word for `value` in the form of the translation's word (ة ending, article)."""
    kind = "ordinal" if like.kind == "ordinal" else "cardinal"
    options = arabic_spellings().get((kind, value), ())
    if not options:
        return None
    folded = fold(like_text.strip())
    feminine = folded.endswith("ه") or folded.endswith("ي")
    pick = next((w for w in options if fold(w).endswith("ه") == feminine), options[0])
    article = "ال" if folded.startswith("ال") or folded[1:3] == "ال" else ""
    return article + pick


def expected_arabic(expected: Quantity, like: Quantity | None = None, mt: str = "") -> str:
    """The English value `expected` written as the Arabic should have it."""
    family, value = expected.readings[0]
    like_text = like.span.of(mt) if like is not None else ""
    if family == MONTH:
        convention = next((c for w, c in month_conventions().items() if like_text and w in fold(like_text)), "egypt-gulf")
        names = arabic_month_names()
        return names.get((int(value), convention)) or names[(int(value), "egypt-gulf")]
    if family == WEEKDAY:
        return arabic_weekday_names()[int(value)]
    if family != NUM:
        return plain(value)
    if like is not None and like.kind in ("cardinal", "ordinal") and value == int(value) and 1 <= value <= 10:
        word = _word_like(value, like, like_text)
        if word and not any(ch.isdigit() for ch in like_text):
            return word
    if expected.kind == "percent":
        text = f"{plain(value)}%"
    elif value >= 1e6:
        text = scaled(value, ARABIC_SCALES)
    else:
        text = plain(value)
    if any("٠" <= ch <= "٩" for ch in like_text):
        text = text.translate(_TO_INDIC)
    return text


def described(q: Quantity, text: str) -> str:
    """“1.5 billion” (1500000000): the mention, and its value when the words do not show it."""
    surface = q.span.of(text)
    family, value = q.readings[0]
    if family != NUM or surface.replace(",", "") == plain(value):
        return f"“{surface}”"
    return f"“{surface}” ({plain(value)})"
