"""Ray engine throughput on this machine, beside the local engine, and a cluster-size projection.

One run measures, on the 1,997 NTREX pairs (bitext, every check, default chunk size 512):

- local: `qa.pipeline.check_pairs` in this process (encoder loaded and warmed before timing);
  wall seconds and this process's CPU seconds (BLAS threads included);
- ray, 1 worker (an actor with all cores as BLAS threads) and 2 workers (one thread each): the
  end-to-end wall time of `check_shards` (actor start and encoder load, document phase, writing
  the part files and summary included), the wall time per stage, and the CPU seconds the actors
  spent checking chunks (`time.process_time()` around each chunk, reported in summary.json);
- the 2-worker / 1-worker wall-time ratio;
- a projection for 10 million segments an hour from CPU time (not wall time: other processes
  share this machine): CPU seconds per segment = the 2-worker actors' checking CPU / segments
  + the document phase's and the write stage's CPU per segment (measured here on one core, cold
  name-analysis cache, as a fresh Ray worker runs them); cores = 10M/3600 x that. Fixed costs
  (actor start and encoder load, ~2 s per actor; Ray scheduling) are amortised at that scale.

    nice -n 10 python benchmarks/bench_ray.py [--json results.json]
    nice -n 10 python benchmarks/bench_ray.py --layout    # the similarity noise across BLAS layouts
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NTREX = ROOT.parent / "shared" / "data" / "ntrex"
TARGET_PER_HOUR = 10_000_000


def ntrex_shard(folder: Path) -> str:
    en = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ar = (NTREX / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    path = folder / "ntrex.jsonl"
    path.write_text("".join(json.dumps({"src": s, "mt": m}, ensure_ascii=False) + "\n" for s, m in zip(en, ar)), encoding="utf-8")
    return str(path)


def stage_costs(shard: str, report) -> dict:
    """CPU seconds per segment of the two stages after checking, run here on one core, cold caches.

    The document phase re-analyses every pair's names in a fresh process (NAM006), so the name
    analysis cache is cleared first; the write stage parses, rescored and writes each chunk.
    """
    from qa.config import Config
    from qa.engines import ray_engine, shards
    from qa.names.analysis import analyse

    records = [shards.segment_record(s, shard, None) for s in report.segments()]
    chunks = [records[i : i + 512] for i in range(0, len(records), 512)]
    group = {"file_no": [0] * len(chunks), "chunk_no": list(range(len(chunks))), "records": [json.dumps(c) for c in chunks]}
    analyse.cache_clear()
    cpu = time.process_time()
    ray_engine.document_phase(group, Config())
    document = time.process_time() - cpu
    with tempfile.TemporaryDirectory() as out:
        batch = {
            "file_no": [0] * len(chunks), "chunk_no": list(range(len(chunks))), "records": group["records"],
            "failures": ["[]"] * len(chunks), "encoder": ["use-m3\t0"] * len(chunks), "cpu_seconds": [0.0] * len(chunks),
        }
        cpu = time.process_time()
        ray_engine.write_chunks(batch, out, "jsonl", Config(), {})
        write = time.process_time() - cpu
    return {"document_cpu_s_per_segment": document / len(records), "write_cpu_s_per_segment": write / len(records)}


def run_local(shard: str) -> dict:
    from metrics.encoders import load_encoder
    from qa.config import Config
    from qa.pipeline import check_pairs
    from qa.textio import read_bitext

    encoder = load_encoder("use-m3")
    encoder.encode(["warm up"])  # weights load lazily: outside the timing
    pairs = list(read_bitext(shard))
    wall, cpu = time.perf_counter(), time.process_time()
    report = check_pairs(pairs, Config(), encoder, source=shard)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"segments": len(pairs), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "summary": report.summary, "report": report}


def run_ray(shard: str, workers: int, out: Path) -> dict:
    from qa.config import Config
    from qa.engines.ray_engine import check_shards

    wall = time.perf_counter()
    document = check_shards([shard], out, Config(), workers=workers)
    wall = time.perf_counter() - wall
    engine = document["engine"]
    return {
        "workers": workers,
        "threads_per_worker": engine["threads_per_worker"],
        "segments": document["summary"]["segments"],
        "wall_s": round(wall, 2),
        "stages_s": engine["seconds"],
        "check_cpu_s": engine["check_cpu_seconds"],
        "summary": document["summary"],
    }


def layout_noise(shard: str) -> dict:
    """How much a pair's similarity moves with the BLAS layout, and how often its 4-decimal value flips.

    The src-mt cosine of every NTREX pair, encoded (a) as the local engine does (chunks of 512 pairs,
    threads = cores), (b) the same chunks with 1 thread (a 2-actor Ray run), (c) 1 thread and chunks
    of 64 pairs (another layout). A flip of round(cos, 4) needs the raw cosine within |delta| of a
    rounding boundary: its chance is |delta| / 1e-4, so flips per million = 1e6 * mean|delta| / 1e-4.
    """
    import numpy as np

    from metrics.encoders import UseM3Encoder, available_cores
    from qa.textio import read_bitext

    pairs = [(p.src, p.mt) for p in read_bitext(shard) if p.src.strip() and p.mt.strip()]

    def cosines(threads: int, chunk: int) -> np.ndarray:
        encoder, vectors = UseM3Encoder(threads=threads), {}
        for start in range(0, len(pairs), chunk):
            texts = list(dict.fromkeys(t for pair in pairs[start : start + chunk] for t in pair))
            vectors.update(zip(texts, encoder.encode(texts)))
        return np.array([float(np.dot(vectors[a], vectors[b])) for a, b in pairs])

    local = cosines(available_cores(), 512)
    out = {"pairs": len(pairs)}
    for name, threads, chunk in (("1_thread_same_chunks", 1, 512), ("1_thread_chunks_of_64", 1, 64)):
        other = cosines(threads, chunk)
        delta = np.abs(other - local)
        out[name] = {
            "pairs_with_different_bits": int((delta > 0).sum()),
            "max_abs_delta": float(delta.max()),
            "mean_abs_delta": float(delta.mean()),
            "rounded_4dp_flips": int((np.round(other, 4) != np.round(local, 4)).sum()),
            "expected_flips_per_million": round(1e6 * float(delta.mean()) / 1e-4, 1),
        }
    return out


def projection(ray2: dict, costs: dict) -> dict:
    check = ray2["check_cpu_s"] / ray2["segments"]
    per_segment = check + costs["document_cpu_s_per_segment"] + costs["write_cpu_s_per_segment"]
    rate = TARGET_PER_HOUR / 3600
    cores = rate * per_segment
    return {
        "check_cpu_ms_per_segment": round(1000 * check, 2),
        "document_cpu_ms_per_segment": round(1000 * costs["document_cpu_s_per_segment"], 2),
        "write_cpu_ms_per_segment": round(1000 * costs["write_cpu_s_per_segment"], 2),
        "per_core_segments_per_s": round(1 / per_segment, 1),
        "target_segments_per_s": round(rate, 1),
        "cores": math.ceil(cores),
        "nodes_16_cores": math.ceil(cores / 16),
        "nodes_32_cores": math.ceil(cores / 32),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--layout", action="store_true", help="only measure the similarity noise across BLAS layouts")
    args = parser.parse_args()

    from metrics.encoders import available_cores
    from qa.engines.ray_engine import connect

    load_before = os.getloadavg()
    if args.layout:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(layout_noise(ntrex_shard(Path(tmp))), indent=2))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shard = ntrex_shard(folder)
        local = run_local(shard)
        costs = stage_costs(shard, local.pop("report"))
        connect(num_cpus=available_cores())
        ray1 = run_ray(shard, 1, folder / "out1")
        ray2 = run_ray(shard, 2, folder / "out2")
    load_after = os.getloadavg()
    same = local["summary"] == ray1["summary"] == ray2["summary"]
    figures = {
        "cores": available_cores(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "local": local,
        "ray_1_worker": ray1,
        "ray_2_workers": ray2,
        "speedup_2_over_1_workers": round(ray1["wall_s"] / ray2["wall_s"], 2),
        "summaries_identical": same,
        "projection_10M_per_hour": projection(ray2, costs),
    }
    for run in (local, ray1, ray2):
        run.pop("summary")
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
