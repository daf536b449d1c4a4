"""A challenge set of injected translation errors, generated deterministically from NTREX.

Each challenge is an NTREX pair whose (human, good) Arabic gets one realistic error of a known
type, with the span of the change in the new Arabic (`mt_span`; empty at the deletion point for
dropped text) and the English span it contradicts (`src_span`). The injectors are hand-written
rules independent of mtqa's checks (recall would be circular otherwise); docs/challenge.md
says what each type injects and how it was judged.

    python benchmarks/challenge.py --dump negation_dropped --n 30     # read examples
    python benchmarks/challenge.py --counts                           # candidates per type
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` and `qa` importable
    sys.path.insert(0, str(ROOT))

from benchmarks import inject_clauses, inject_names, inject_numbers, inject_polarity  # noqa: E402
from benchmarks.inject_common import Edit  # noqa: E402

NTREX = ROOT.parent / "shared" / "data" / "ntrex"
DEFAULT_SEED = 13

ERROR_TYPES: tuple[str, ...] = (
    "negation_dropped",
    "negation_added",
    "antonym_swap",
    "name_common_word",
    "name_dropped",
    "name_distorted",
    "name_swapped",
    "number_changed",
    "clause_dropped",
)
CATEGORY = {
    "negation_dropped": "negation",
    "negation_added": "negation",
    "antonym_swap": "negation",
    "name_common_word": "name",
    "name_dropped": "name",
    "name_distorted": "name",
    "name_swapped": "name",
    "number_changed": "number",
    "clause_dropped": "omission",
}
Injector = Callable[[str, str, random.Random, "Resources"], Edit | None]
INJECTORS: dict[str, Injector] = {
    "negation_dropped": inject_polarity.negation_dropped,
    "negation_added": inject_polarity.negation_added,
    "antonym_swap": inject_polarity.antonym_swap,
    "name_common_word": inject_names.name_common_word,
    "name_dropped": inject_names.name_dropped,
    "name_distorted": inject_names.name_distorted,
    "name_swapped": inject_names.name_swapped,
    "number_changed": inject_numbers.number_changed,
    "clause_dropped": inject_clauses.clause_dropped,
}


@dataclass(frozen=True)
class Challenge:
    type: str
    pair_index: int  # 0-based NTREX line
    src: str
    mt_clean: str
    mt: str  # with the error
    category: str  # the qa.model.Category value a check should report
    src_span: tuple[int, int] | None
    mt_span: tuple[int, int] | None  # the injected change in `mt` (empty at the point of a deletion)
    note: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Resources:
    """Data the injectors share, loaded once per generate() call."""

    pairs: Sequence[tuple[str, str]]

    @cached_property
    def names(self) -> inject_names.NameResources:
        return inject_names.load_names()

    @cached_property
    def name_pool(self) -> dict[str, list[tuple[str, str, str]]]:
        return inject_names.name_pool(self.pairs, self.names)

    @cached_property
    def arabic_vocabulary(self) -> frozenset[str]:
        import wordfreq

        from qa.arabic import fold

        return frozenset(fold(w) for w in wordfreq.top_n_list("ar", 50000))


def generate(pairs: Sequence[tuple[str, ...]], seed: int = DEFAULT_SEED, per_type: int | None = None, types: Sequence[str] = ERROR_TYPES) -> list[Challenge]:
    """Challenges for every type: at most one per pair and type (the site drawn with a per-pair
    seed, so a pair's challenge does not depend on the other pairs), then `per_type` of them
    drawn with the seed when given. Ordered by type, then pair index."""
    bitext = [(p[0], p[1]) for p in pairs]
    res = Resources(bitext)
    out: list[Challenge] = []
    for etype in types:
        inject = INJECTORS[etype]
        found = []
        for index, (src, ar) in enumerate(bitext):
            if not src.strip() or not ar.strip():
                continue
            edit = inject(src, ar, random.Random(f"{seed}:{etype}:{index}"), res)
            if edit is None or edit.mt == ar:
                continue
            found.append(Challenge(etype, index, src, ar, edit.mt, CATEGORY[etype], edit.src_span, edit.mt_span, edit.note))
        if per_type is not None and len(found) > per_type:
            found = sorted(random.Random(f"{seed}:{etype}").sample(found, per_type), key=lambda c: c.pair_index)
        out += found
    return out


def load_ntrex() -> list[tuple[str, str]]:
    en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ar = (NTREX / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    return list(zip(en, ar))


def _mark(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return text
    a, b = span
    return f"{text[:a]}⟦{text[a:b]}⟧{text[b:]}"


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", metavar="TYPE", choices=ERROR_TYPES, help="print examples of one error type")
    parser.add_argument("--n", type=int, default=30, help="how many examples to print (default 30)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-type", type=int, default=None, help="cap per type, drawn with the seed")
    parser.add_argument("--counts", action="store_true", help="print how many challenges each type yields")
    args = parser.parse_args(argv)
    pairs = load_ntrex()
    types = (args.dump,) if args.dump else ERROR_TYPES
    challenges = generate(pairs, seed=args.seed, per_type=args.per_type, types=types)
    if args.dump:
        shown = [c for c in challenges if c.type == args.dump]
        picked = sorted(random.Random(f"{args.seed}:dump").sample(shown, min(args.n, len(shown))), key=lambda c: c.pair_index)
        for c in picked:
            print(f"--- {c.type} #{c.pair_index}  ({c.note})")
            print(f"EN : {_mark(c.src, c.src_span)}")
            print(f"AR : {c.mt_clean}")
            print(f"ERR: {_mark(c.mt, c.mt_span)}")
        print(f"\n{len(picked)} of {len(shown)} {args.dump} challenges (seed {args.seed})")
    if args.counts or not args.dump:
        for etype in types:
            print(f"{etype:18} {sum(c.type == etype for c in challenges):5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
