"""Learn English->Arabic letter correspondences from Wikidata name pairs (build time only).

A joint segment model (as in joint source-channel transliteration, Li, Zhang and Su 2004): a name
pair is a monotone sequence of (English segment, Arabic segment) units, English 0-3 letters and
Arabic 0-2 letters; EM (forward-backward) estimates P(e, a) over all segmentations. Training
is staged to avoid the usual degeneracy of joint segment models (long segments win under a
uniform start): first 1-1/1-0/0-1 units, then longer units initialised from the product of
their best 1-1 alignment, so EM raises a long unit only where the data keeps it together.

Written by hand: no maintained Python library trains many-to-many transliteration alignments
(m2m-aligner and Phonetisaurus are C++ tools that are not on PyPI).

Output: rows `english_segment<TAB>arabic_segment<TAB>cost`, cost = -ln P(e, a), pruned.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from multiprocessing import get_context

from qa.arabic import fold

E_MAX, A_MAX = 3, 2
STAGE1 = [(1, 1), (1, 0), (0, 1)]
STAGE2 = [(le, la) for le in range(E_MAX + 1) for la in range(A_MAX + 1) if (le, la) != (0, 0) and (le, la) != (0, 2)]
MIN_PROB = 1e-7
MIN_SHIPPED = 2e-6  # units rarer than this (a few soft occurrences in 60k names) are not shipped
_ARABIC_LETTERS = set("ءابتثجحخدذرزسشصضطظعغفقكلمنهويى")


def clean_english(token: str) -> str:
    """Lower-case ASCII letters only: accents folded (chūhachi -> chuhachi), marks dropped."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def clean_arabic(letters: str) -> str:
    """Folded Arabic letters only (qa.arabic.fold), spaces and stray marks dropped."""
    return "".join(ch for ch in fold("".join(letters.split())) if ch in _ARABIC_LETTERS)


def read_pairs(path) -> list[tuple[str, str, int]]:
    """(english, arabic, count) pairs, cleaned; implausible length ratios (mis-mined rows) dropped."""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            en, ar = clean_english(parts[0]), clean_arabic(parts[1])
            if len(en) < 2 or len(ar) < 2 or not 0.3 <= len(ar) / len(en) <= 1.6:
                continue
            pairs.append((en, ar, int(parts[2])))
    return pairs


# -- EM --------------------------------------------------------------------------------------
_P: dict[tuple[str, str], float] = {}
_SHAPES: list[tuple[int, int]] = STAGE1


def _expected_counts(pairs: Sequence[tuple[str, str, int]]) -> tuple[dict[tuple[str, str], float], float, int]:
    """Soft counts of units over every segmentation of every pair (forward-backward)."""
    counts: dict[tuple[str, str], float] = defaultdict(float)
    loglik, failed = 0.0, 0
    for en, ar, _ in pairs:
        m, n = len(en), len(ar)
        alpha = [[0.0] * (n + 1) for _ in range(m + 1)]
        alpha[0][0] = 1.0
        for i in range(m + 1):
            for j in range(n + 1):
                a = alpha[i][j]
                if not a:
                    continue
                for le, la in _SHAPES:
                    if i + le > m or j + la > n:
                        continue
                    p = _P.get((en[i : i + le], ar[j : j + la]))
                    if p:
                        alpha[i + le][j + la] += a * p
        total = alpha[m][n]
        if total <= 0.0:
            failed += 1
            continue
        loglik += math.log(total)
        beta = [[0.0] * (n + 1) for _ in range(m + 1)]
        beta[m][n] = 1.0
        for i in range(m, -1, -1):
            for j in range(n, -1, -1):
                b = 0.0
                for le, la in _SHAPES:
                    if i + le > m or j + la > n:
                        continue
                    unit = (en[i : i + le], ar[j : j + la])
                    p = _P.get(unit)
                    if p and beta[i + le][j + la]:
                        b += p * beta[i + le][j + la]
                        if alpha[i][j]:
                            counts[unit] += alpha[i][j] * p * beta[i + le][j + la] / total
                if (i, j) != (m, n):
                    beta[i][j] = b
    return dict(counts), loglik, failed


def _worker_init(prob: dict[tuple[str, str], float], shapes: list[tuple[int, int]]) -> None:
    global _P, _SHAPES
    _P, _SHAPES = prob, shapes


def _em_step(pairs, prob, shapes, processes: int) -> tuple[dict[tuple[str, str], float], float, int]:
    chunks = [pairs[k::processes] for k in range(processes)]
    with get_context("fork").Pool(processes, initializer=_worker_init, initargs=(prob, shapes)) as pool:
        results = pool.map(_expected_counts, chunks)
    counts: dict[tuple[str, str], float] = defaultdict(float)
    loglik, failed = 0.0, 0
    for part, ll, f in results:
        loglik += ll
        failed += f
        for unit, c in part.items():
            counts[unit] += c
    total = sum(counts.values())
    new = {unit: c / total for unit, c in counts.items() if c / total >= MIN_PROB}
    return new, loglik, failed


def _all_units(pairs: Iterable[tuple[str, str, int]], shapes) -> set[tuple[str, str]]:
    units = set()
    for en, ar, _ in pairs:
        for i in range(len(en) + 1):
            for j in range(len(ar) + 1):
                for le, la in shapes:
                    if i + le <= len(en) and j + la <= len(ar):
                        units.add((en[i : i + le], ar[j : j + la]))
    return units


def _product_init(stage1: dict[tuple[str, str], float], units: set[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """P(e, a) for longer units: the best monotone 1-1/1-0/0-1 path through e and a under stage 1."""

    @lru_cache(maxsize=None)
    def best(e: str, a: str) -> float:
        if not e and not a:
            return 1.0
        options = []
        if e and a:
            options.append(stage1.get((e[0], a[0]), 0.0) * best(e[1:], a[1:]))
        if e:
            options.append(stage1.get((e[0], ""), 0.0) * best(e[1:], a))
        if a:
            options.append(stage1.get(("", a[0]), 0.0) * best(e, a[1:]))
        return max(options)

    prob = {u: best(*u) for u in units}
    prob = {u: p for u, p in prob.items() if p >= MIN_PROB * 1e-3}
    total = sum(prob.values())
    return {u: p / total for u, p in prob.items()}


def train(pairs: list[tuple[str, str, int]], stage1_iters: int = 4, stage2_iters: int = 6, processes: int = 2, log=print):
    """Joint unit probabilities P(e, a) after staged EM."""
    units = _all_units(pairs, STAGE1)
    prob = {u: 1.0 / len(units) for u in units}
    for it in range(stage1_iters):
        prob, ll, failed = _em_step(pairs, prob, STAGE1, processes)
        log(f"stage 1 iteration {it + 1}: log-likelihood {ll:.0f}, unaligned {failed}, units {len(prob)}")
    prob = _product_init(prob, _all_units(pairs, STAGE2))
    for it in range(stage2_iters):
        prob, ll, failed = _em_step(pairs, prob, STAGE2, processes)
        log(f"stage 2 iteration {it + 1}: log-likelihood {ll:.0f}, unaligned {failed}, units {len(prob)}")
    return prob


def joint_costs(prob: dict[tuple[str, str], float], min_prob: float = MIN_SHIPPED) -> list[tuple[str, str, float]]:
    """(e, a, -ln P(e, a)) for the units worth shipping, sorted.

    Joint costs, not conditional ones: a path's cost is then -ln P(e, a) along one segmentation,
    and the difference between two Arabic spellings of one English name is a log-likelihood ratio.
    """
    return sorted((e, a, round(-math.log(p), 3)) for (e, a), p in prob.items() if p >= min_prob)
