"""The names checks' figures through the evaluation harness (docs/names.md, "Measured").

    python reference/names/measure.py [REVIEWED_TSV]

Run(Config(select=("name",))) over the 1,997 NTREX pairs (one document at a time) and the four
name challenge types of benchmarks/challenge.py (seed 13, 300 each; each injected pair beside its
clean pair); false alarms net of the reviewed reference errors in REVIEWED_TSV (default: the
team's review file). Development-time only: reads ../shared/data, loads the encoder.
"""
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from benchmarks import eval_metrics as M
from benchmarks.challenge import generate
from benchmarks.eval_checks import check_sets, fresh_findings, load_ntrex
from metrics.encoders import load_encoder
from qa.config import Config
from qa.pipeline import Run

t0 = time.time()
enc = load_encoder("use-m3")
ntrex = load_ntrex()
ch = [c for c in generate([(e, a) for e, a, _ in ntrex], seed=13, per_type=300) if c.type.startswith("name_")]
run = Run(Config(select=("name",)), enc)
t1 = time.time()
checked = check_sets(run, ntrex, ch)
t2 = time.time()
fa = M.false_alarms([list(s.findings) for s in checked.ntrex], M.read_reviewed(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/team/names_reviewed.tsv")))
rec = M.recall(ch, fresh_findings(ch, checked))
print("FA overall", json.dumps(fa["overall"]))
print("FA by check", {k: (v["raw"]["pairs_serious"], v["net"]["pairs_serious"]) for k, v in fa["check"].items()})
tot = sum(r["n"] for r in rec.values()); caught = sum(round(r["recall"] * r["n"] / 100) for r in rec.values())
print("recall", {k: r["recall"] for k, r in rec.items()}, "overall", round(100 * caught / tot, 1))
print("timings (s)", {k: round(v, 2) for k, v in run.timings.items()}, "check_sets", round(t2 - t1, 1), "setup", round(t1 - t0, 1))
