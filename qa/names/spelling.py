"""Compare two Arabic spellings of a name: how far apart, and whether the difference is a variant.

Arabic spellings of one foreign name differ in long-vowel letters (زيلينسكي / زيلنسكي, كافانو /
كافانا) and in consonants that render one foreign sound (g: غ ج ق; t: ت ط; s: س ص). Those are
soft edits; any other change (another consonant, a transposition, a dropped consonant) is hard
and makes a distortion. A minimum-cost alignment where soft edits cost less than hard ones
counts both. Written by hand: the soft/hard costs are specific to Arabic transliteration, and
the strings are short (a 10x10 table per pair).
"""

from __future__ import annotations

from functools import lru_cache

VOWEL_LETTERS = frozenset("اويىهء")
# Consonant letters that render one foreign sound (folded forms: أ إ آ are ا, ة is ه).
SOUND_CLASSES = ("غجقك", "تط", "سصث", "زذظ", "سز", "دض", "هح", "فڤ", "كق", "شچ")
_SAME_SOUND = {(a, b) for group in SOUND_CLASSES for a in group for b in group if a != b}
SOFT, HARD = 0.34, 1.0


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if (a in VOWEL_LETTERS and b in VOWEL_LETTERS) or (a, b) in _SAME_SOUND:
        return SOFT
    return HARD


def _indel_cost(ch: str) -> float:
    return SOFT if ch in VOWEL_LETTERS else HARD


_CLASS_OF = {}
for _group in ("غجقك", "سصثزذظ", "تط", "دض", "هح", "فڤ", "شچ"):
    for _ch in _group:
        _CLASS_OF[_ch] = _group[0]


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonants of a spelling, same-sound letters merged: equal skeletons <=> no hard edit."""
    return "".join(_CLASS_OF.get(ch, ch) for ch in word if ch not in VOWEL_LETTERS)


@lru_cache(maxsize=65536)
def compare(a: str, b: str) -> tuple[int, int]:
    """(soft edits, hard edits) of the cheapest alignment of two folded spellings."""
    # Each cell holds (cost, soft, hard); the cheapest of the three moves, ties to the first
    # (diagonal, deletion, insertion), as min() over them would pick.
    cost_a = [_indel_cost(ch) for ch in a]
    cost_b = [_indel_cost(ch) for ch in b]
    prev = [(0.0, 0, 0)]
    for j, ins in enumerate(cost_b):
        c, s, h = prev[j]
        prev.append((c + ins, s + (ins == SOFT), h + (ins == HARD)))
    for i, ch in enumerate(a):
        dele = cost_a[i]
        del_soft, del_hard = dele == SOFT, dele == HARD
        c0, s0, h0 = prev[0]
        row = [(c0 + dele, s0 + del_soft, h0 + del_hard)]
        for j, other in enumerate(b):
            sub = _sub_cost(ch, other)
            dc, ds, dh = prev[j]
            best = (dc + sub, ds + (sub == SOFT), dh + (sub == HARD))
            uc, us, uh = prev[j + 1]
            move = (uc + dele, us + del_soft, uh + del_hard)
            if move < best:
                best = move
            ins = cost_b[j]
            lc, ls, lh = row[j]
            move = (lc + ins, ls + (ins == SOFT), lh + (ins == HARD))
            if move < best:
                best = move
            row.append(best)
        prev = row
    _, soft, hard = prev[-1]
    return soft, hard


def is_variant(a: str, b: str) -> bool:
    """Different spellings that differ by soft edits only (at most two, not more than a third of the letters)."""
    if a == b or skeleton(a) != skeleton(b):
        return False
    soft, hard = compare(a, b)
    if hard or soft > max(1, min(2, len(b) // 3)):
        return False
    # two edits are a variant only when they are long vowels: a sound-alike consonant with another
    # edit (كانسص, تينثي, بريتانا for بريطانيا) is what distortions look like
    return soft <= 1 or _raw_consonants(a) == _raw_consonants(b)


def _raw_consonants(word: str) -> str:
    return "".join(ch for ch in word if ch not in VOWEL_LETTERS)


def is_near(a: str, b: str) -> bool:
    """Close enough to be the same name mis-spelt: a transposition or one or two edits in a longer name.

    Allowed: one hard edit in names of 4+ letters, two in names of 8+; a soft edit weighs half,
    and all edits together at most a third of the other letters (a swapped vowel letter is two
    soft edits).
    """
    longest = max(len(a), len(b))
    if longest < 3 or a == b:
        return False
    max_hard = 0 if longest < 4 else (1 if longest < 8 else 2)
    sa, sb = skeleton(a), skeleton(b)
    if abs(len(sa) - len(sb)) > max_hard or len(set(sb) - set(sa)) > max_hard or len(set(sa) - set(sb)) > max_hard:
        return False  # cheap bound: each hard edit changes at most one consonant class on each side
    soft, hard = compare(a, b)
    return hard <= max_hard and hard + 0.5 * soft <= max(1.0, (longest - 1) / 3)



# Consonants that render one foreign sound in the usual Arabic spellings of European names:
# Spanish j/g as خ (سيرخيو / سيرجيو), German and Dutch j as ي (يوهانس / جوهانس), g as ج or غ
# (Egyptian and Levantine conventions: جرايس / غريس, ماكجريجور / ماكغريغور).
_USUAL_ALTERNATIONS = {"خ": "ج", "غ": "ج"}
_LONG_VOWELS = frozenset("اوي")


@lru_cache(maxsize=65536)
def usual_variant(stem: str, ref: str, dropped: int = 1) -> bool:
    """A spelling translators use for the same name: the same consonants in the same order (no
    sound-alike swaps beyond the usual foreign alternations), long-vowel letters chosen or added
    (تايلر / تيلور), at most `dropped` left out (جاستن / جوستين): consonant changes and long
    vowels dropped by the handful are what garbled spellings look like (and a vowel dropped into
    an ordinary word, كنت for كينت, is a misreading). An initial ه is the consonant h (هنري is
    not نري)."""
    if stem == ref or len(ref) < 3:
        return False
    a, b = stem, ref
    if a[0] in "جي" and b[0] in "جي":
        a, b = "ج" + a[1:], "ج" + b[1:]
    if consonants(a) != consonants(b):
        return False
    return sum(ch in _LONG_VOWELS for ch in stem) >= sum(ch in _LONG_VOWELS for ch in ref) - dropped


def consonants(word: str) -> str:
    """The consonant letters of a spelling, the usual foreign alternations merged; an initial ه
    counts (elsewhere it may be a silent h or the feminine ending)."""
    return "".join(_USUAL_ALTERNATIONS.get(ch, ch) for k, ch in enumerate(word) if ch not in VOWEL_LETTERS or (ch == "ه" and k == 0))
