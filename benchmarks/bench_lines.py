"""Scale: `mtqa check` on document pairs of 10k, 50k and 100k lines; wall, CPU and peak memory.

Each document pair is built from NTREX: every line is a paragraph of 1 or 2 sentences (2 in a third of lines) drawn at random
(seeded) from the 1,997 pairs, the same sentences on both sides, with a blank line (a paragraph
break) on both sides about every 20 lines. Each size is checked end to end by the CLI in its own
child process (`check SRC TGT --format json --output FILE --fail-on never`, every check); wall
time is measured here, CPU time and peak RSS come from os.wait4's rusage of that child.

Repeated sentences hit the run's embedding cache, so with the real encoder this measures the
pipeline (segmentation, alignment, checks, scoring, report) plus the embedding of what is new.
`--encoder hash` swaps in benchmarks.hash_encoder (512 dimensions, no model) and `--unique` makes
every sentence distinct (a "(ref LINE-K)" tag on both sides), so the cache holds one vector per
sentence, as a real document's would: the memory bound at the worst case, without the hours
USE would spend encoding 300,000 distinct sentences.

    nice -n 10 python -m benchmarks.bench_lines --cores 1                # 10k, 50k, 100k, use-m3
    nice -n 10 python -m benchmarks.bench_lines --encoder hash --unique  # memory worst case

ACCEPTANCE (issue 8): 100k lines under 2 GB peak RSS; time linear: seconds per line at 100k
within 1.5x of seconds per line at 10k.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_ntrex import ROOT, load_ntrex, run_child

CHILD = """
import sys
from qa.cli import main
if sys.argv[1] == "hash":
    import qa.pipeline
    from benchmarks.hash_encoder import HashEncoder
    qa.pipeline.open_encoder = lambda model: HashEncoder(512)
sys.argv = ["mtqa", "check", *sys.argv[2:]]
main()
"""
RSS_LIMIT_MB = 2048
LINEAR_LIMIT = 1.5


def build(lines: int, pairs: list[tuple[str, str]], unique: bool, seed: int = 8) -> tuple[list[str], list[str], int]:
    """English and Arabic lines (paragraphs of 1-2 sentences, blank lines between some) and the sentence count."""
    rng = random.Random(seed)
    en, ar, sentences = [], [], 0
    for number in range(lines):
        if rng.random() < 0.05:
            en.append("")
            ar.append("")
            continue
        picked = [pairs[rng.randrange(len(pairs))] for _ in range(rng.choice((1, 1, 2)))]
        tags = [f" (ref {number}-{k})" if unique else "" for k in range(len(picked))]
        en.append(" ".join(e.rstrip() + tag for (e, _), tag in zip(picked, tags)))
        ar.append(" ".join(a.rstrip() + tag for (_, a), tag in zip(picked, tags)))
        sentences += len(picked)
    return en, ar, sentences


def measure(lines: int, pairs, encoder: str, unique: bool, workdir: Path) -> dict:
    en, ar, sentences = build(lines, pairs, unique)
    src, tgt, out = workdir / f"{lines}.en.txt", workdir / f"{lines}.ar.txt", workdir / f"{lines}.json"
    src.write_text("\n".join(en) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(ar) + "\n", encoding="utf-8")
    argv = [sys.executable, "-c", CHILD, encoder, str(src), str(tgt), "--format", "json", "--output", str(out), "--fail-on", "never"]
    wall, rss_mb, _, cpu = run_child(argv, ok=(0,))
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    out.unlink()
    return {
        "lines": lines, "sentences": sentences, "segments": summary["segments"], "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1), "peak_rss_mb": round(rss_mb), "ms_per_line": round(1000 * wall / lines, 3),
        "cpu_ms_per_line": round(1000 * cpu / lines, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--encoder", choices=["use-m3", "hash"], default="use-m3")
    parser.add_argument("--unique", action="store_true", help="make every sentence distinct (no cache hits)")
    parser.add_argument(
        "--cores", type=int, default=None,
        help="pin the runs to this many cores (the encoder uses as many BLAS threads): on a loaded machine, "
        "2 spinning BLAS threads burn ~3x the CPU of 1 (measured: 25 s vs 5.6 s of CPU to align 400 lines)",
    )
    args = parser.parse_args()
    if args.cores:
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[: args.cores]))  # the children inherit it
    pairs = load_ntrex()
    results = []
    with tempfile.TemporaryDirectory(prefix="mtqa-lines-") as tmp:
        for lines in args.lines:
            started = time.strftime("%H:%M:%S")
            result = measure(lines, pairs, args.encoder, args.unique, Path(tmp))
            results.append(result)
            print(json.dumps({"encoder": args.encoder, "unique": args.unique, "started": started, **result}), flush=True)
    results.sort(key=lambda r: r["lines"])
    base, top = results[0], results[-1]
    ratio = top["ms_per_line"] / base["ms_per_line"]
    cpu_ratio = top["cpu_ms_per_line"] / base["cpu_ms_per_line"]
    print(f"\n{'lines':>8} {'sentences':>10} {'segments':>9} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'ms/line':>8}")
    for r in results:
        print(f"{r['lines']:>8} {r['sentences']:>10} {r['segments']:>9} {r['wall_s']:>8} {r['cpu_s']:>8} {r['peak_rss_mb']:>8} {r['ms_per_line']:>8}")
    print(f"per-line time {top['lines']} vs {base['lines']}: wall x{ratio:.2f}, CPU x{cpu_ratio:.2f} (linear: <= {LINEAR_LIMIT})")
    print(f"peak RSS at {top['lines']} lines: {top['peak_rss_mb']} MB (limit {RSS_LIMIT_MB} MB): "
          f"{'PASS' if top['peak_rss_mb'] < RSS_LIMIT_MB else 'FAIL'}; time {'PASS' if cpu_ratio <= LINEAR_LIMIT else 'FAIL'}")


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    main()
