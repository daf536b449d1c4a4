"""Arabic inflections of an antonym lexeme, each tagged with its slot, so a swapped word can be put
back in the same person, number and tense (انخفضت -> ارتفعت, سينخفض -> سيرتفع, المنخفضة -> المرتفعة).

Written by hand: the paradigms needed are the regular suffix and prefix patterns of news Arabic
(perfect, imperfect, future سـ, masdar, participle), which no installable analyser generates
(camel-tools' generator needs a model download). Proclitics (و ف ب ل ك ال) and pronoun suffixes are
not generated: the matcher strips them (qa.arabic.strip_clitics).

A lexeme is written as in reference/negation/antonyms.tsv: a verb as "perfect imperfect" (3rd person
masculine singular: "ارتفع يرتفع", "نفى ينفي"), a noun ("ارتفاع", "زيادة"), an adjective or
participle ("مرتفع", "إيجابي"), or a fixed word that does not inflect ("أكثر"). A word prefixed
with "~" is ambiguous (قبل is also "before"): its own form is only ever written, never matched.
"""

from __future__ import annotations

from dataclasses import dataclass

CLASSES = ("verb", "noun", "adj", "fixed")


@dataclass(frozen=True)
class Form:
    slot: str  # "perf.3fs", "impf.3mp", "fut.3ms", "noun.pl", ...
    text: str  # as written (hamza kept; the matcher folds it)
    matchable: bool


def _perfect(stem: str) -> list[tuple[str, str]]:
    if stem.endswith(("ى", "ا")):  # defective: نفى -> نفت، نفوا، نفينا
        base = stem[:-1]
        return [("3ms", stem), ("3fs", base + "ت"), ("3mp", base + "وا"), ("3md", base + "يا"),
                ("3fd", base + "تا"), ("1p", base + "ينا"), ("2mp", base + "يتم")]
    forms = [("3ms", stem), ("3fs", stem + "ت"), ("3mp", stem + "وا"), ("3md", stem + "ا"),
             ("3fd", stem + "تا"), ("1p", stem + "نا"), ("2mp", stem + "تم")]
    if stem.endswith("أ"):  # بدأوا is also written بدؤوا
        forms.append(("3mp", stem[:-1] + "ؤوا"))
    return forms


def _imperfect(stem: str) -> list[tuple[str, str]]:
    """From the 3ms imperfect (يرتفع): every person prefix, the plural and dual endings."""
    body = stem[1:]
    plural = body[:-1] if body.endswith(("ي", "و")) else body  # ينفي -> ينفون، يدعو -> يدعون
    out = []
    # no 1st person singular: أبدأ folds to أبدًا "never", أرفع to the elative, أحب to أحب "dearer"
    for person, prefix in (("3ms", "ي"), ("3fs", "ت"), ("1p", "ن")):
        out.append((person, prefix + body))
    out += [("3mp", "ي" + plural + "ون"), ("3mp.j", "ي" + plural + "وا"), ("2mp", "ت" + plural + "ون"),
            ("3md", "ي" + body + "ان"), ("3fd", "ت" + body + "ان")]
    if body.endswith("أ"):  # يبدأون / يبدؤون
        out.append(("3mp", "ي" + body[:-1] + "ؤون"))
    return out


def _nominal(word: str, adjective: bool) -> list[tuple[str, str]]:
    """A noun or adjective with its number/gender endings (ة، ات، ون، ين، ان، accusative ا)."""
    if word.endswith("ة"):
        base = word[:-1]
        return [("sg", word), ("pl", base + "ات"), ("du", base + "تان"), ("du.o", base + "تين")]
    out = [("sg", word), ("acc", word + "ا"), ("du", word + "ان"), ("du.o", word + "ين")]
    if adjective:
        out += [("f", word + "ة"), ("mpl", word + "ون"), ("mpl.o", word + "ين"), ("fpl", word + "ات"),
                ("fdu", word + "تان"), ("fdu.o", word + "تين")]
    else:
        out.append(("pl", word + "ات"))
    return out


def inflect(lexeme: str, kind: str) -> list[Form]:
    """Every form of a lexeme with its slot; the first word's bare form is unmatchable when it is
    written with "~" (the other forms of an ambiguous verb, قبلت، يقبل، are not ambiguous)."""
    if kind not in CLASSES:
        raise ValueError(f"unknown lexeme class {kind!r}, expected one of {CLASSES}")
    parts = lexeme.split()
    ambiguous = {p.lstrip("~") for p in parts if p.startswith("~")}
    parts = [p.lstrip("~") for p in parts]
    raw: list[tuple[str, str]] = []
    if kind == "verb":
        if len(parts) != 2:
            raise ValueError(f"a verb is written 'perfect imperfect', got {lexeme!r}")
        perfect, imperfect = parts
        raw += [(f"perf.{s}", w) for s, w in _perfect(perfect)]
        impf = _imperfect(imperfect)
        raw += [(f"impf.{s}", w) for s, w in impf]
        raw += [(f"fut.{s}", "س" + w) for s, w in impf]
    elif kind in ("noun", "adj"):
        raw += [(f"{kind}.{s}", w) for s, w in _nominal(parts[0], kind == "adj")]
    else:
        raw += [("fixed", p) for p in parts]
    seen: set[str] = set()
    out = []
    for slot, text in raw:
        if text in seen:  # 3fs perfect and 1s imperfect of some verbs coincide with others
            continue
        seen.add(text)
        out.append(Form(slot, text, text not in ambiguous))
    return out
