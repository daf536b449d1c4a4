"""Score any English name against any Arabic word, and spell English names in Arabic.

The model is a table of joint English/Arabic segment units with costs -ln P(e, a), learned from
65k Wikidata name pairs by reference/names/train_translit.py. The cost of an (English, Arabic)
pair is its cheapest monotone segmentation into units (a small dynamic programme); `excess`
subtracts the cheapest Arabic spelling the model knows for that English, so it reads as a
log-likelihood ratio: 0 for the model's own best spelling, a few nats for an accepted variant
(Zelensky: زيلينسكي or زيلنسكي), far more for a distortion or an unrelated word.

Letters the table has no unit for still pair up, at a fallback cost above every learned unit,
so every pair has a finite score. Written by hand because the cost table is learned here and no
library computes a weighted many-to-many edit distance from such a table.
"""

from __future__ import annotations

import heapq
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from reference import read_tsv

FALLBACK_MARGIN = 2.0  # nats above the dearest learned unit for a pairing the table never saw


@lru_cache(maxsize=65536)
def clean_english(token: str) -> str:
    """Lower-case ASCII letters (accents folded, apostrophes and hyphens dropped)."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


@dataclass(frozen=True, eq=False)  # hashed by identity: its methods are cached per model
class TranslitModel:
    units: dict[str, tuple[tuple[str, float], ...]]  # English segment -> (Arabic segment, cost), cheapest first
    max_english: int
    fallback: float

    @classmethod
    def from_rows(cls, rows: list[list[str]]) -> TranslitModel:
        table: dict[str, list[tuple[str, float]]] = {}
        for e, a, cost in rows:
            table.setdefault(e, []).append((a, float(cost)))
        units = {e: tuple(sorted(v, key=lambda x: x[1])) for e, v in table.items()}
        dearest = max(c for v in units.values() for _, c in v)
        return cls(units, max(len(e) for e in units), dearest + FALLBACK_MARGIN)

    def cost(self, english: str, arabic: str) -> float:
        """The cheapest segmentation cost of an English name (cleaned) and a folded Arabic word."""
        return _cost(self, english, arabic)

    def best_cost(self, english: str) -> float:
        """The cost of the model's cheapest Arabic spelling of `english`."""
        return _best_cost(self, english)

    def excess(self, english: str, arabic: str) -> float:
        """cost(english, arabic) - best_cost(english): 0 for the model's own spelling."""
        return self.cost(english, arabic) - self.best_cost(english)

    def spellings(self, english: str, k: int = 3, beam: int = 12) -> list[tuple[str, float]]:
        """The k cheapest Arabic spellings of an English name (folded), with their excess."""
        return list(_spellings(self, english, k, beam))

    def best_spelling(self, english: str) -> str:
        """The model's cheapest Arabic spelling (folded), by a Viterbi pass over the English."""
        return _best_spelling(self, english)

    def first_letters(self, english: str, margin: float = 6.0) -> frozenset[str]:
        """Arabic letters a spelling of `english` may start with (within `margin` nats of the best
        first unit), plus alef, which Arabic prefixes to some names (Stanley: استانلي)."""
        return _first_letters(self, english, margin)


MAX_EXCESS = 30.0  # nats: past this an Arabic word is unrelated to the name, its cost is not refined


@dataclass(frozen=True)
class _Plan:
    """Per English position: the units that may start there, indexed by their first Arabic letter."""

    steps: tuple[tuple[tuple[int, dict[str, tuple[tuple[str, float], ...]], float | None], ...], ...]
    suffix: tuple[float, ...]  # suffix[i]: cheapest cost of spelling e[i:], a lower bound for the DP


@lru_cache(maxsize=50_000)
def _segment_index(model: TranslitModel, seg: str) -> tuple[dict[str, tuple[tuple[str, float], ...]], float | None]:
    """The units of one English segment by the first letter of their Arabic side, and the cost
    of the segment spelt with nothing (a silent letter)."""
    by_first: dict[str, list[tuple[str, float]]] = {}
    empty = None
    for arabic, c in model.units.get(seg, ()):
        if arabic:
            by_first.setdefault(arabic[0], []).append((arabic, c))
        elif seg:
            empty = c
    return {k: tuple(v) for k, v in by_first.items()}, empty


@lru_cache(maxsize=20_000)
def _plan(model: TranslitModel, e: str) -> _Plan:
    steps = []
    for i in range(len(e) + 1):
        here = []
        for le in range(0, min(model.max_english, len(e) - i) + 1):
            seg = e[i : i + le]
            if seg in model.units:
                by_first, empty = _segment_index(model, seg)
                here.append((le, by_first, empty))
        steps.append(tuple(here))
    suffix = [0.0] * (len(e) + 1)
    for i in range(len(e) - 1, -1, -1):
        best = model.fallback + suffix[i + 1]
        for le in range(1, min(model.max_english, len(e) - i) + 1):
            options = model.units.get(e[i : i + le])
            if options:
                best = min(best, options[0][1] + suffix[i + le])
        suffix[i] = best
    return _Plan(tuple(steps), tuple(suffix))


def _cost_uncached(model: TranslitModel, e: str, a: str) -> float:
    """Cheapest path through the (English position, Arabic position) lattice.

    Cells whose cost plus the cheapest possible rest exceeds best + MAX_EXCESS are skipped
    (an admissible bound), so unrelated words cost little to reject.
    """
    plan = _plan(model, e)
    m, n = len(e), len(a)
    inf = float("inf")
    fb = model.fallback
    limit = plan.suffix[0] + MAX_EXCESS
    d = [[inf] * (n + 1) for _ in range(m + 1)]
    d[0][0] = 0.0
    for i in range(m + 1):
        row, steps, lower = d[i], plan.steps[i], plan.suffix[i]
        for j in range(n + 1):
            base = row[j]
            if base + lower > limit:
                continue
            ch = a[j] if j < n else ""
            for le, by_first, empty in steps:
                target = d[i + le]
                if empty is not None and base + empty < target[j]:
                    target[j] = base + empty
                for seg, c in by_first.get(ch, ()):
                    if a.startswith(seg, j):
                        k = j + len(seg)
                        if base + c < target[k]:
                            target[k] = base + c
            if i < m:  # fallbacks: substitute or delete an English letter
                nxt = d[i + 1]
                if j < n and base + fb < nxt[j + 1]:
                    nxt[j + 1] = base + fb
                if base + fb < nxt[j]:
                    nxt[j] = base + fb
            if j < n and base + fb < row[j + 1]:  # insert an Arabic letter
                row[j + 1] = base + fb
    return min(d[m][n], limit)


@lru_cache(maxsize=200_000)
def _cost(model: TranslitModel, e: str, a: str) -> float:
    return _cost_uncached(model, e, a)


def _best_cost(model: TranslitModel, e: str) -> float:
    return _plan(model, e).suffix[0]


@lru_cache(maxsize=20_000)
def _best_spelling(model: TranslitModel, e: str) -> str:
    plan = _plan(model, e)
    out, i = [], 0
    while i < len(e):
        target = plan.suffix[i]
        step = None
        for le in range(1, min(model.max_english, len(e) - i) + 1):
            options = model.units.get(e[i : i + le])
            if options and abs(options[0][1] + plan.suffix[i + le] - target) < 1e-9:
                step = (le, options[0][0])
                break
        if step is None:  # only the fallback reaches here: the letter has no unit
            i += 1
            continue
        out.append(step[1])
        i += step[0]
    return "".join(out)


@lru_cache(maxsize=20_000)
def _first_letters(model: TranslitModel, e: str, margin: float) -> frozenset[str]:
    plan = _plan(model, e)
    letters = {"ا"}
    for le, by_first, _ in plan.steps[0]:
        if not le:
            continue
        for first, options in by_first.items():
            if any(c + plan.suffix[le] <= plan.suffix[0] + margin for _, c in options):
                letters.add(first)
    return frozenset(letters)


@lru_cache(maxsize=4096)
def _spellings(model: TranslitModel, e: str, k: int, beam: int) -> tuple[tuple[str, float], ...]:
    """Position-synchronous beam search: at each English position keep the `beam` cheapest prefixes."""
    at: list[dict[str, float]] = [{} for _ in range(len(e) + 1)]
    at[0][""] = 0.0
    for i in range(len(e)):
        for out, cost in heapq.nsmallest(beam, at[i].items(), key=lambda x: x[1]):
            for le in range(1, min(model.max_english, len(e) - i) + 1):
                for seg, c in model.units.get(e[i : i + le], ())[:4]:
                    key = out + seg
                    if cost + c < at[i + le].get(key, float("inf")):
                        at[i + le][key] = cost + c
    best = _best_cost(model, e)
    ranked = heapq.nsmallest(k, ((o, c) for o, c in at[len(e)].items() if o), key=lambda x: x[1])
    return tuple((out, round(c - best, 3)) for out, c in ranked)


@cache
def model() -> TranslitModel:
    """The shipped model (reference/names/translit.tsv), loaded once."""
    return TranslitModel.from_rows(read_tsv("names", "translit.tsv"))
