"""A batch of NTREX documents checked with 1 worker and with 2: wall and CPU seconds per run.

    nice -n 10 python benchmarks/bench_batch.py --documents 60 --repeat 2 --settings 1,2,1t

writes the first N NTREX documents (English source, human Arabic translation as the "MT") as
NAME.en.txt + NAME.ar.txt in a temporary folder and runs, alternating the settings,
`python -m qa.cli check DIR --format jsonl --output OUT --jobs J` in a child process (J = 1: one
process, its encoder with as many BLAS threads as cores; J = 2: two workers with cores // 2 BLAS
threads each; "1t": one process with 1 BLAS thread, to separate the two effects); it prints
the wall time, the CPU seconds of the child and its workers (rusage of waited children), the
segments per second, and the load average before and after each run (the machine is shared:
a run under load is a lower bound on speed). Reads ../shared/data; not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "data" / "ntrex"


def write_batch(folder: Path, documents: int) -> int:
    en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ar = (NTREX / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[tuple[str, str]]] = {}
    for e, a, d in zip(en, ar, ids):
        docs.setdefault(d, []).append((e, a))
    lines = 0
    for doc, rows in list(docs.items())[:documents]:
        (folder / f"{doc}.en.txt").write_text("".join(e + "\n" for e, _ in rows), encoding="utf-8")
        (folder / f"{doc}.ar.txt").write_text("".join(a + "\n" for _, a in rows), encoding="utf-8")
        lines += len(rows)
    return lines


# "1t": one process (--jobs 1) whose encoder has 1 BLAS thread instead of the cores, to tell the
# gain of two workers apart from the gain of one BLAS thread per process.
ONE_THREAD = (
    "import sys, qa.pipeline as p; from metrics.encoders import UseM3Encoder; "
    "p.open_encoder = lambda model: UseM3Encoder(threads=1); from qa.cli import main; sys.argv[0] = 'mtqa'; main()"
)


def run_once(folder: Path, out: Path, setting: str) -> dict:
    jobs = 1 if setting == "1t" else int(setting)
    command = ["-c", ONE_THREAD] if setting == "1t" else ["-m", "qa.cli"]
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *command, "check", str(folder), "--format", "jsonl", "--output", str(out), "--jobs", str(jobs)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"run failed ({done.returncode}): {done.stderr}")
    segments = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if '"mtqa.segment/1"' in line)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"jobs": setting, "wall": wall, "cpu": cpu, "segments": segments, "load": (load_before, os.getloadavg()[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--settings", default="1,2,1t", help="--jobs values to alternate; 1t: one worker, 1 BLAS thread")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        lines = write_batch(folder, args.documents)
        print(f"{args.documents} documents, {lines} lines each side; cores: {len(os.sched_getaffinity(0))}")
        print("| run | jobs | wall s | CPU s | segments/s | load avg before → after |")
        print("| --- | --- | --- | --- | --- | --- |")
        for n in range(args.repeat):
            for setting in args.settings.split(","):
                r = run_once(folder, Path(tmp) / f"out{setting}.jsonl", setting)
                print(
                    f"| {n + 1} | {setting} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['segments'] / r['wall']:.1f} "
                    f"| {r['load'][0]:.1f} → {r['load'][1]:.1f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
