"""Sentence alignment of a document and its translation: beads 1-1, 1-2, 2-1, 2-2, 1-0, 0-1.

Dynamic programming over sentence-embedding similarity, as vecalign and bertalign do, in a band:

1. Every sentence of both sides is embedded in one batch (the run's cache keeps the vectors for
   the checks). A band around the true path is found coarse-to-fine, as vecalign does: halve
   both documents by averaging neighbouring vectors until the grid is small, align 1-1/1-0/0-1
   there over the whole grid, and at each finer level search only within RADIUS of the coarser
   path. Each level costs O(n * RADIUS), so the whole search is linear in document length.
2. Pass A aligns inside the band with all six bead types; a two-sentence side is approximated
   by the normalised sum of its two sentence vectors (no encoder call).
3. Around every bead of pass A that is not a clear 1-1, the real two-sentence concatenations
   are embedded in one batch (joined with a space, as build_pairs joins them, so the pipeline
   finds them in its cache), and pass B re-aligns within FINE_RADIUS of pass A with them;
   two-sentence sides are allowed only where they were embedded.

Bead score (higher is better): the cosine minus the mean cosine of each side with a sample of
the other document's sentences (vecalign's normalisation against sentences that resemble
everything, here subtracted, so a random pair scores ~0), times bertalign's length term
log2(1 + shorter/longer) after scaling by the document's target/source character ratio. A 1-0
or 0-1 bead scores SKIP = 0, what a random pair scores: two sentences are paired only when they
match better than chance (docs/alignment.md has the measurements behind each choice).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from qa.model import AlignedPair, Segment

Embed = Callable[[Sequence[str]], np.ndarray]

SKIP = 0.0  # score of a 1-0 / 0-1 bead: what a random pair scores after normalisation
LENGTH_SMOOTHING = 15.0  # characters added to both lengths, so short sentences are not over-penalised
RADIUS = 10  # band half-width around the coarser level's path, in sentences
FINE_RADIUS = 3  # pass B's half-width around pass A's path
FULL_CELLS = 4_000_000  # grids up to this size are searched whole (the coarsest level; see _search_band)
SAMPLE = 256  # other-side sentences each vector is compared with for its baseline
BLOCK = 48  # rows per matrix product when scoring band cells
TYPES = ((1, 1), (2, 1), (1, 2), (2, 2), (1, 0), (0, 1))  # index = back-pointer code
DELETE, INSERT = 4, 5


@dataclass(frozen=True)
class Bead:
    """Source and target sentence indices aligned together; similarity is None for 1-0 / 0-1."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    similarity: float | None


Path = list[tuple[list[int], list[int]]]


def align_segments(src: Sequence[Segment], tgt: Sequence[Segment], embed: Embed, *, skip: float = SKIP) -> list[Bead]:
    """Beads in document order covering every source and target index exactly once."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), None) for i in range(n)] + [Bead((), (j,), None) for j in range(m)]
    vectors = np.asarray(embed([s.text for s in src] + [t.text for t in tgt]), dtype=np.float32)
    with threadpool_limits(1):  # many small products: BLAS threads only add waiting (13x on 2 busy cores)
        s = _Side(vectors[:n], [x.text for x in src])
        t = _Side(vectors[n:], [x.text for x in tgt])
        s.compare_with(t.vectors)
        t.compare_with(s.vectors)
        scorer = _Scorer(s, t, ratio=float(np.clip(t.lengths.sum() / max(s.lengths.sum(), 1.0), 1 / 3, 3)))
        band = _search_band(s.vectors, t.vectors, skip)
        path = _dp(band, scorer.cells(band, exact=False), skip)
        pairs_s, pairs_t = _uncertain(path, scorer)
    texts = [f"{s.texts[k]} {s.texts[k + 1]}" for k in pairs_s] + [f"{t.texts[k]} {t.texts[k + 1]}" for k in pairs_t]
    if texts:
        joined = np.asarray(embed(texts), dtype=np.float32)
        s.add_pairs(pairs_s, joined[: len(pairs_s)])
        t.add_pairs(pairs_t, joined[len(pairs_s) :])
    with threadpool_limits(1):
        band = _band_around(path, n, m, FINE_RADIUS, scale=1)
        path = _dp(band, scorer.cells(band, exact=True), skip)
    return [Bead(tuple(a), tuple(b), scorer.cosine(a, b)) for a, b in path]


def build_pairs(
    src: Sequence[Segment],
    mt: Sequence[Segment],
    beads: Sequence[Bead],
    ref: Sequence[Segment] | None = None,
    ref_beads: Sequence[Bead] | None = None,
) -> list[AlignedPair]:
    """One AlignedPair per bead; `ref` holds the reference sentences aligned to the same source."""
    ref_of_src: dict[int, list[int]] = {}
    for bead in ref_beads or ():
        for i in bead.src:
            ref_of_src.setdefault(i, []).extend(bead.tgt)
    pairs = []
    for k, bead in enumerate(beads):
        ref_text = None
        if ref is not None:
            indices = sorted({r for i in bead.src for r in ref_of_src.get(i, ())})
            ref_text = " ".join(ref[r].text for r in indices) or None
        pairs.append(
            AlignedPair(
                id=str(k + 1),
                src=" ".join(src[i].text for i in bead.src),
                mt=" ".join(mt[j].text for j in bead.tgt),
                ref=ref_text,
                src_lines=tuple(sorted({src[i].line for i in bead.src})),
                mt_lines=tuple(sorted({mt[j].line for j in bead.tgt})),
                src_origins=_origins([src[i] for i in bead.src]),
                mt_origins=_origins([mt[j] for j in bead.tgt]),
            )
        )
    return pairs


def _origins(segments: Sequence[Segment]) -> tuple[tuple[int, int, int], ...]:
    """Where each sentence of a joined pair text starts: (offset in the text, line, column)."""
    out, offset = [], 0
    for segment in segments:
        out.append((offset, segment.line, segment.span.start))
        offset += len(segment.text) + 1  # build_pairs joins the sentences with one space
    return tuple(out)


# -- one side of the document ------------------------------------------------------------------
class _Side:
    """Sentence vectors and lengths, their baselines, and embedded neighbour pairs (k, k+1)."""

    def __init__(self, vectors: np.ndarray, texts: list[str]) -> None:
        self.vectors = vectors
        self.texts = texts
        self.lengths = np.array([len(x) for x in texts], dtype=np.float64)
        self.pair_norm = np.maximum(np.linalg.norm(vectors[:-1] + vectors[1:], axis=1), 1e-6)
        self.pair_row = np.full(max(len(texts) - 1, 0), -1, dtype=np.int64)  # k -> row of pair_vectors
        self.pair_vectors = np.zeros((0, vectors.shape[1]), dtype=np.float32)
        self.pair_base = np.zeros(0)

    def compare_with(self, other: np.ndarray) -> None:
        """Baseline of each vector: its mean cosine with a sample of the other document."""
        self.sample = _sample(other)
        self.base = (self.vectors @ self.sample.T).mean(axis=1)

    def add_pairs(self, ks: np.ndarray, vectors: np.ndarray) -> None:
        self.pair_row[ks] = np.arange(len(ks))
        self.pair_vectors = vectors
        self.pair_base = (vectors @ self.sample.T).mean(axis=1)


def _sample(vectors: np.ndarray) -> np.ndarray:
    if len(vectors) <= SAMPLE:
        return vectors
    return vectors[np.sort(np.random.default_rng(0).choice(len(vectors), SAMPLE, replace=False))]


def _dots(x: np.ndarray, rows: np.ndarray, y: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """x[rows[k]] . y[cols[k]] for cells in band order (rows non-decreasing), one product per block."""
    out = np.empty(len(rows))
    if not len(rows):
        return out
    cuts = np.flatnonzero(np.diff(rows // BLOCK)) + 1
    for part in np.split(np.arange(len(rows)), cuts):
        r, c = rows[part], cols[part]
        r0, c0 = r.min(), c.min()
        block = x[r0 : r.max() + 1] @ y[c0 : c.max() + 1].T
        out[part] = block[r - r0, c - c0]
    return out


# -- scores ------------------------------------------------------------------------------------
class _Scorer:
    """Scores of the four match bead types for every cell of a band."""

    def __init__(self, s: _Side, t: _Side, ratio: float) -> None:
        self.s, self.t, self.ratio = s, t, ratio

    def score(self, cos, base_s, base_t, len_s, len_t) -> np.ndarray:
        norm = cos - 0.5 * (base_s + base_t)
        a = len_s * self.ratio + LENGTH_SMOOTHING
        b = len_t + LENGTH_SMOOTHING
        length = np.log2(1.0 + np.minimum(a, b) / np.maximum(a, b))
        return np.where(norm > 0, norm * length, norm)

    def cells(self, band: _Band, exact: bool) -> np.ndarray:
        """(4, cells) scores of 1-1, 2-1, 1-2, 2-2 beads ending at each cell; -inf where impossible."""
        s, t = self.s, self.t
        out = np.full((4, band.cells), -np.inf)
        i, j = band.coordinates()
        for code, (a, b) in enumerate(TYPES[:4]):
            ok = (i >= a) & (j >= b)
            if exact and a == 2:
                ok &= s.pair_row[np.clip(i - 2, 0, None)] >= 0 if len(s.pair_row) else False
            if exact and b == 2:
                ok &= t.pair_row[np.clip(j - 2, 0, None)] >= 0 if len(t.pair_row) else False
            if not ok.any():
                continue
            ii, jj = i[ok], j[ok]
            if exact or (a == 1 and b == 1):
                x, rs, base_s = self._unit(s, ii, a)
                y, cs, base_t = self._unit(t, jj, b)
                cos = _dots(x, rs, y, cs)
            else:  # the normalised sum of two vectors: cosines are sums of sentence cosines
                cos = sum(
                    _dots(s.vectors, ii - 1 - da, t.vectors, jj - 1 - db) for da in range(a) for db in range(b)
                )
                norm_s = s.pair_norm[ii - 2] if a == 2 else 1.0
                norm_t = t.pair_norm[jj - 2] if b == 2 else 1.0
                cos = cos / (norm_s * norm_t)
                base_s = sum(s.base[ii - 1 - da] for da in range(a)) / norm_s
                base_t = sum(t.base[jj - 1 - db] for db in range(b)) / norm_t
            len_s = sum(s.lengths[ii - 1 - da] for da in range(a)) + (a - 1)
            len_t = sum(t.lengths[jj - 1 - db] for db in range(b)) + (b - 1)
            out[code, ok] = self.score(cos, base_s, base_t, len_s, len_t)
        return out

    @staticmethod
    def _unit(side: _Side, ends: np.ndarray, size: int):
        """Vectors, row indices and baselines of the units of `size` sentences ending before `ends`."""
        if size == 1:
            return side.vectors, ends - 1, side.base[ends - 1]
        rows = side.pair_row[ends - 2]
        return side.pair_vectors, rows, side.pair_base[rows]

    def one_to_one(self, src: np.ndarray, tgt: np.ndarray) -> np.ndarray:
        s, t = self.s, self.t
        cos = np.einsum("ij,ij->i", s.vectors[src], t.vectors[tgt])
        return self.score(cos, s.base[src], t.base[tgt], s.lengths[src], t.lengths[tgt])

    def cosine(self, src: Sequence[int], tgt: Sequence[int]) -> float | None:
        if not src or not tgt:
            return None
        x, y = self._vector(self.s, src), self._vector(self.t, tgt)
        return round(float(x @ y), 4)

    @staticmethod
    def _vector(side: _Side, indices: Sequence[int]) -> np.ndarray:
        if len(indices) == 1:
            return side.vectors[indices[0]]
        return side.pair_vectors[side.pair_row[indices[0]]]


def _uncertain(path: Path, scorer: _Scorer) -> tuple[np.ndarray, np.ndarray]:
    """Neighbour pairs (k, k+1) to embed: around every bead of pass A that is not a clear 1-1.

    A 1-1 bead is clear when it scores at least half the document's median 1-1 score. Every
    other bead marks its sentences (for 1-0 / 0-1, the sentences next to the gap on the empty
    side) and one more either side; a pair is embedded when it touches a marked sentence.
    """
    n, m = len(scorer.s.texts), len(scorer.t.texts)
    ones = np.array([(a[0], b[0]) for a, b in path if len(a) == 1 and len(b) == 1], dtype=np.int64).reshape(-1, 2)
    scores = scorer.one_to_one(ones[:, 0], ones[:, 1])
    floor = 0.5 * float(np.median(scores)) if len(scores) else np.inf
    clear = set(map(tuple, ones[scores >= floor].tolist()))
    mark_s, mark_t = np.zeros(n + 1, bool), np.zeros(m + 1, bool)
    i = j = 0  # sentences consumed so far on each side
    for a, b in path:
        if not (len(a) == 1 and len(b) == 1 and (a[0], b[0]) in clear):
            mark_s[max(i - 2, 0) : i + len(a) + 1] = True
            mark_t[max(j - 2, 0) : j + len(b) + 1] = True
        i, j = i + len(a), j + len(b)
    pairs_s = np.flatnonzero(mark_s[: n - 1] | mark_s[1:n])
    pairs_t = np.flatnonzero(mark_t[: m - 1] | mark_t[1:m])
    return pairs_s, pairs_t


# -- the band and the DP -------------------------------------------------------------------------
@dataclass
class _Band:
    """For each source prefix i (0..n), the target prefixes lo[i]..hi[i] searched."""

    lo: np.ndarray
    hi: np.ndarray

    def __post_init__(self) -> None:
        self.width = self.hi - self.lo + 1
        self.offset = np.concatenate([[0], np.cumsum(self.width)])
        self.cells = int(self.offset[-1])

    def coordinates(self) -> tuple[np.ndarray, np.ndarray]:
        i = np.repeat(np.arange(len(self.lo)), self.width)
        return i, np.arange(self.cells) - self.offset[i] + self.lo[i]


def _dp(band: _Band, scores: np.ndarray, skip: float) -> Path:
    """Best-scoring path through the band, as beads (source indices, target indices).

    `scores[code, cell]` is the score of the match bead TYPES[code] ending at the cell; rows
    past len(scores) (e.g. all many-sentence types on the coarse levels) are not searched."""
    n = len(band.lo) - 1
    lo, hi, offset = band.lo.tolist(), band.hi.tolist(), band.offset.tolist()
    cost = np.full(band.cells, -np.inf)
    back = np.zeros(band.cells, dtype=np.uint8)
    active = [code for code in range(len(scores)) if np.isfinite(scores[code]).any()]
    for i in range(n + 1):
        width = hi[i] - lo[i] + 1
        row = slice(offset[i], offset[i] + width)
        candidates = np.full((5, width), -np.inf)
        if i == 0:
            candidates[DELETE, 0] = 0.0  # lo[0] == 0: the origin
        for code in [*active, DELETE]:
            a, b = TYPES[code]
            if a > i:
                continue
            p = i - a  # previous row; column j comes from j - b there
            first, last = max(lo[i], lo[p] + b), min(hi[i], hi[p] + b)
            if first > last:
                continue
            source = cost[offset[p] + first - b - lo[p] : offset[p] + last - b - lo[p] + 1]
            gain = skip if code == DELETE else scores[code, offset[i] + first - lo[i] : offset[i] + last - lo[i] + 1]
            candidates[code, first - lo[i] : last - lo[i] + 1] = source + gain
        pointer = candidates.argmax(axis=0).astype(np.uint8)
        best = candidates[pointer, np.arange(width)]
        # 0-1 steps within the row: cost[j] = max(best[j], cost[j-1] + skip), as a running max
        steps = np.arange(width) * skip
        running = np.maximum.accumulate(best - steps)
        pointer[running > best - steps] = INSERT
        cost[row] = running + steps
        back[row] = pointer
    beads = []
    i, j = n, hi[n]
    while i > 0 or j > 0:
        a, b = TYPES[back[offset[i] + j - lo[i]]]
        beads.append((list(range(i - a, i)), list(range(j - b, j))))
        i, j = i - a, j - b
    return beads[::-1]


def _search_band(src: np.ndarray, tgt: np.ndarray, skip: float) -> _Band:
    """The band for the full-resolution DP, found coarse-to-fine on averaged vectors.

    The coarsest level is the largest that fits FULL_CELLS (about 2,000 x 2,000), so its blocks
    stay small (64 sentences for a 100,000-sentence document): blocks of 256 sentences all look
    alike, and on a document that repeats itself the coarse path then slips by a repetition.
    """
    n, m = len(src), len(tgt)
    if n * m <= FULL_CELLS or min(n, m) <= 2 * RADIUS:
        return _Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
    coarse_s, coarse_t = _halve(src), _halve(tgt)
    band = _search_band(coarse_s, coarse_t, skip)
    base_s = (coarse_s @ _sample(coarse_t).T).mean(axis=1)
    base_t = (coarse_t @ _sample(coarse_s).T).mean(axis=1)
    scores = np.full((1, band.cells), -np.inf)  # 1-1 only
    i, j = band.coordinates()
    ok = (i >= 1) & (j >= 1)
    rows, cols = i[ok] - 1, j[ok] - 1
    scores[0, ok] = _dots(coarse_s, rows, coarse_t, cols) - 0.5 * (base_s[rows] + base_t[cols])
    return _band_around(_dp(band, scores, skip), n, m, RADIUS, scale=2)


def _halve(vectors: np.ndarray) -> np.ndarray:
    if len(vectors) % 2:
        vectors = np.vstack([vectors, vectors[-1:]])
    summed = vectors[0::2] + vectors[1::2]
    return summed / np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-6)


def _band_around(path: Path, n: int, m: int, radius: int, scale: int) -> _Band:
    """Cells within `radius` rows and columns of a path found at 1/scale resolution."""
    steps = np.array([(len(a), len(b)) for a, b in path], dtype=np.int64).reshape(-1, 2)
    nodes = np.vstack([[0, 0], np.cumsum(steps, axis=0)]) * scale
    reach = radius + scale
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for d in range(-reach, reach + 1):
        rows = np.clip(nodes[:, 0] + d, 0, n)
        np.minimum.at(lo, rows, np.clip(nodes[:, 1] - reach, 0, m))
        np.maximum.at(hi, rows, np.clip(nodes[:, 1] + reach, 0, m))
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # non-decreasing
    hi = np.maximum.accumulate(hi)
    lo[0], hi[n] = 0, m
    lo = np.minimum(lo, hi)
    hi[:-1] = np.maximum(hi[:-1], lo[1:])  # a 1-0 step from (i, hi[i]) lands inside row i+1
    return _Band(lo, hi)
