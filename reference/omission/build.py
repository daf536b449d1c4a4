"""Build the English->Arabic word lexicon the omission check uses to see which source words
the Arabic covers.

Vocabulary: the most frequent English and Arabic words of wordfreq (Apache-2.0 code; word lists
CC BY-SA 4.0). Translations: for every English word, the Arabic words nearest to it in USE
multilingual v3 space (the run's own encoder), ranked by CSLS (cross-domain similarity local
scaling, Conneau et al. 2018: the cosine less each side's mean cosine to its K_HUB nearest
neighbours, which demotes "hub" words near everything) and kept while the cosine clears
MIN_COSINE. Arabic is stored folded (qa.arabic.fold). Output: lexicon.tsv.gz, lines
`english<TAB>ar1 ar2 ...`.

    python reference/omission/build.py [--cache emb.npz]   # ~15 min on 2 cores
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from metrics.encoders import load_encoder  # noqa: E402
from qa.arabic import fold  # noqa: E402

ENGLISH_WORDS = 30000
ARABIC_WORDS = 80000
TOP_K = 24
K_HUB = 10
MIN_COSINE = 0.45
_EN = re.compile(r"^[a-z][a-z'-]*[a-z]$")
_AR = re.compile(r"^[\u0621-\u064a]+$")


def vocabularies() -> tuple[list[str], list[str]]:
    from wordfreq import top_n_list

    english = [w for w in top_n_list("en", ENGLISH_WORDS) if _EN.match(w)]
    arabic, seen = [], set()
    for w in top_n_list("ar", ARABIC_WORDS):
        folded = fold(w)
        if _AR.match(folded) and len(folded) >= 2 and folded not in seen:
            seen.add(folded)
            arabic.append(folded)
    return english, arabic


def embed(encoder, words: list[str], batch: int = 1024) -> np.ndarray:
    rows = []
    for i in range(0, len(words), batch):
        rows.append(encoder.encode(words[i : i + batch]))
        print(f"  {i + batch}/{len(words)}", file=sys.stderr, flush=True)
    return np.concatenate(rows)


def hubness(a: np.ndarray, b: np.ndarray, batch: int = 2048) -> np.ndarray:
    """Mean cosine of each row of `a` to its K_HUB nearest rows of `b` (the CSLS penalty)."""
    out = np.empty(len(a), dtype=np.float32)
    for i in range(0, len(a), batch):
        sims = a[i : i + batch] @ b.T
        out[i : i + batch] = np.partition(sims, -K_HUB, axis=1)[:, -K_HUB:].mean(axis=1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(HERE / "lexicon.tsv.gz"))
    parser.add_argument("--cache", help="an .npz to keep the word embeddings in between builds")
    args = parser.parse_args()
    t0 = time.time()
    english, arabic = vocabularies()
    print(f"{len(english)} English, {len(arabic)} Arabic words", file=sys.stderr)
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        stored = np.load(cache)
        ve, va = stored["english"], stored["arabic"]
    else:
        encoder = load_encoder("use-m3")
        ve, va = embed(encoder, english), embed(encoder, arabic)
        if cache:
            np.savez(cache, english=ve, arabic=va)
    hub_en, hub_ar = hubness(ve, va), hubness(va, ve)
    lines = []
    for i in range(0, len(english), 1024):
        sims = ve[i : i + 1024] @ va.T
        csls = 2 * sims - hub_en[i : i + 1024, None] - hub_ar[None, :]
        top = np.argpartition(-csls, TOP_K, axis=1)[:, :TOP_K]
        for row, word in enumerate(english[i : i + 1024]):
            cand = sorted(((float(csls[row, j]), float(sims[row, j]), arabic[j]) for j in top[row]), reverse=True)
            kept = [a for _, c, a in cand if c >= MIN_COSINE]
            if kept:
                lines.append(f"{word}\t{' '.join(kept)}")
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# built by reference/omission/build.py: top {TOP_K} Arabic words by CSLS, cosine >= {MIN_COSINE}\n")
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} entries -> {args.out} in {time.time() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
