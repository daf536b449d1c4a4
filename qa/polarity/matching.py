"""Which English negation renders which Arabic one: cues matched across a pair by kind and position.

Each cue falls in a class (a clause negation, a negative determiner, a preposition, a lexical
negative, an affix, a near-negation, a conditional). A match costs the distance between the cues'
relative positions plus how unusual the rendering is: "not" -> لم costs nothing extra, "no" -> بلا
a little, "not" -> نقص ("shortage") is not allowed ("did not accept" -> رفض is an antonym, found
by qa.polarity.antonyms). The cheapest matches are taken first
(greedy, as the cue counts are small), so "unusually" takes غير before "rejected" can.
"""

from __future__ import annotations

from qa.polarity import arabic as ar
from qa.polarity import english as en

# English cue kind -> class.
EN_CLASS = {
    "particle": "clause", "adverb": "clause", "correlative": "clause", "copula": "clause",
    "determiner": "det", "pronoun": "det",
    "preposition": "prep",
    "verb": "lexical", "noun": "lexical",
    "affix": "affix",
    "quantifier": "near",
    "conjunction": "cond", "idiom": "cond", "restrictive": "cond",
}
# Arabic cue kind -> class (لا/لم/لن/ليس and لم يعد are particles or copulas).
AR_CLASS = {
    "particle": "particle", "copula": "particle",
    "affix": "affix",
    "preposition": "prep",
    "pronoun": "pronoun",
    "verb": "lexical",
    "adverb": "near",
    "conjunction": "cond", "idiom": "cond",
    "interjection": "interjection",
}
# Extra cost of rendering an English class with an Arabic class (absent: not a rendering).
COST = {
    ("clause", "particle"): 0.0, ("clause", "affix"): 0.1, ("clause", "pronoun"): 0.1, ("clause", "prep"): 0.2,
    ("clause", "near"): 0.2, ("clause", "cond"): 0.2,
    ("det", "particle"): 0.0, ("det", "pronoun"): 0.0, ("det", "affix"): 0.1, ("det", "prep"): 0.1,
    ("det", "cond"): 0.2, ("det", "interjection"): 0.0,
    ("prep", "prep"): 0.0, ("prep", "affix"): 0.05, ("prep", "particle"): 0.1, ("prep", "pronoun"): 0.2,
    ("prep", "lexical"): 0.2,
    ("lexical", "lexical"): 0.0, ("lexical", "particle"): 0.05, ("lexical", "affix"): 0.1, ("lexical", "prep"): 0.2,
    ("affix", "affix"): 0.0, ("affix", "prep"): 0.05, ("affix", "particle"): 0.05, ("affix", "pronoun"): 0.1,
    ("affix", "lexical"): 0.15,
    ("near", "near"): 0.0, ("near", "particle"): 0.1, ("near", "affix"): 0.15, ("near", "lexical"): 0.2,
    ("cond", "cond"): 0.0, ("cond", "particle"): 0.1, ("cond", "affix"): 0.2,
}
STRONG_WINDOW = 1.0  # a clause negation may move anywhere in its sentence (word order differs)
WEAK_WINDOW = 0.5  # other matches: at most half a sentence apart (cost included)


def en_class(cue: en.EnglishCue) -> str:
    return EN_CLASS.get(cue.entry.kind, "cond")


def ar_class(cue: ar.ArabicCue) -> str:
    return AR_CLASS.get(cue.entry.kind, "cond")


def match_cues(english: list[en.EnglishCue], arabic: list[ar.ArabicCue]):
    """Pair the cues of the two languages, cheapest first. Returns (pairs, unmatched English
    cues that need a counterpart (strong cues and affixes), unmatched strong Arabic cues)."""
    options = []
    for i, e in enumerate(english):
        for j, a in enumerate(arabic):
            extra = COST.get((en_class(e), ar_class(a)))
            if extra is None:
                continue
            distance = abs(e.position - a.position)
            both_strong = e.strength == "strong" and a.strength == "strong"
            # a natural rendering may move anywhere (Arabic fronts the verb: رفض ... for "X ... refused")
            natural = extra <= 0.05 and (e.strength == "strong" or a.strength == "strong")
            window = STRONG_WINDOW if (both_strong and extra <= 0.1) or natural else WEAK_WINDOW
            if distance + extra <= window:
                # strong with strong first at equal cost: a weak cue must not take a clause negation's partner
                options.append((distance + extra + (0 if both_strong else 0.05), i, j))
    pairs, used_e, used_a = [], set(), set()
    for _, i, j in sorted(options):
        if i not in used_e and j not in used_a:
            used_e.add(i)
            used_a.add(j)
            pairs.append((english[i], arabic[j]))
    e_left = [c for i, c in enumerate(english) if i not in used_e and (c.strength == "strong" or c.entry.kind == "affix")]
    a_left = [c for j, c in enumerate(arabic) if j not in used_a and c.strength == "strong"]
    return pairs, e_left, a_left
