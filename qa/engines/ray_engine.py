"""The Ray engine: the local engine's stages as a Ray Data pipeline (`mtqa check --engine ray`).

    shards --read (one task per shard)--> chunks of Config.chunk_size pairs
           --map_batches(CheckChunks, actor pool)--> scored segments, pair checks      [materialized]
           --groupby(shard).map_groups--> document-scope findings (NAM006), if selected
           --map_batches(write)--> one part file per chunk + per-chunk statistics --> summary.json

Why chunks and not rows: a chunk is exactly what `qa.pipeline.Run.check_document` embeds in one
batch, so the Ray engine encodes the same texts together as the local engine (the USE-m3 forward
pass is batched, and its float32 results differ in the last bits with the batch layout), and a
chunk is the unit of output: a retried chunk rewrites its own part file (see qa.engines.shards).

Document-scope checks see a whole document (a shard, as the local engine sees a whole bitext
file). They run in a second phase grouped by shard, over the segments the first phase produced in
row order; their findings are appended and those segments rescored, as `check_document` does.

Each actor loads the encoder once, with BLAS threads = the CPUs it reserves (cores // actors on
one machine): USE-m3's BLAS collapses ~20x when threads outnumber cores. Actors restart
(`max_restarts`) and their lost tasks are retried (`max_task_retries`) when a worker dies.
"""

from __future__ import annotations

import json
import os
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.config import Config
from qa.engines import shards
from qa.engines.summary import chunk_stats, fold
from qa.errors import MtqaError, UsageError
from qa.model import CheckFailure, Finding
from qa.parallel import chunked

SUMMARY_SCHEMA = "mtqa.summary/1"
RETRIES = 3  # restarts of a dead actor and retries of its lost task before the run fails
LOCAL_OBJECT_STORE = 256 * 1024 * 1024  # bytes; results spill to disk beyond it


# -- connecting ------------------------------------------------------------------------------
def connect(address: str | None = None, num_cpus: int | None = None) -> None:
    """Join the cluster at `address` (or $RAY_ADDRESS, as a RayJob sets it), else start a private
    local instance (no dashboard, a small object store)."""
    import logging

    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'mtqa[ray]'") from None

    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-stage INFO lines on the user's stderr
    if ray.is_initialized():
        return
    address = address or os.environ.get("RAY_ADDRESS")
    logging_config = ray.LoggingConfig(log_level="WARNING") if hasattr(ray, "LoggingConfig") else None
    if address:
        ray.init(address=address, logging_config=logging_config, log_to_driver=False)
        return
    from metrics.encoders import available_cores

    # Workers import the same qa/metrics packages as this process (a worktree or checkout included).
    code_root = str(Path(__file__).resolve().parents[2])
    ray.init(
        num_cpus=num_cpus or available_cores(),
        include_dashboard=False,
        object_store_memory=LOCAL_OBJECT_STORE,
        runtime_env={"env_vars": {"PYTHONPATH": code_root}},
        logging_config=logging_config,
        log_to_driver=False,
    )


# -- the stages ------------------------------------------------------------------------------
def open_encoder_with_threads(model: str, threads: int):
    """The run's encoder, its BLAS/torch threads capped at the CPUs this actor reserved."""
    from metrics.encoders import UseM3Encoder
    from qa.pipeline import open_encoder

    if model == "use-m3":
        return UseM3Encoder(threads=threads)
    encoder = open_encoder(model)
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:  # pragma: no cover - st: encoders bring torch
        pass
    return encoder


def read_shard(item: dict[str, Any], chunk_size: int, encoding: str):
    """One shard -> its chunks as rows (shard number, chunk number, source, the pairs pickled)."""
    pairs = shards.read_pairs(item["source"], encoding)
    for chunk_no, chunk in enumerate(chunked(pairs, chunk_size)):
        yield {"file_no": item["file_no"], "chunk_no": chunk_no, "source": item["source"], "pairs": shards.pack_pairs(chunk)}


class CheckChunks:
    """An actor: loads the encoder once, then checks one chunk per call as Run.check_document does."""

    def __init__(self, config: Config, threads: int) -> None:
        from qa.pipeline import start_run

        self.run = start_run(config, open_encoder_with_threads(config.model, threads))

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        from qa.scoring import score_segment

        run = self.run
        out: dict[str, list] = {
            "file_no": [], "chunk_no": [], "source": [], "records": [], "failures": [], "encoder": [], "cpu_seconds": []
        }
        for file_no, chunk_no, source, packed in zip(batch["file_no"], batch["chunk_no"], batch["source"], batch["pairs"]):
            started = time.process_time()  # this actor's CPU, its BLAS threads included: cost per segment
            run.failures.clear()
            run.cache.forget()  # each chunk encoded on its own: results independent of what this actor saw before
            measured = run.embed_and_measure(shards.unpack_pairs(packed))
            found = run.check_measured(measured)
            run.context.clear_memo()
            run.document_memo.clear()  # the document phase runs elsewhere (document_phase): keep nothing per pair
            segments = [score_segment(p, run.overridden(f), run.encoder.name, run.config.penalties) for p, f in zip(measured, found)]
            out["file_no"].append(int(file_no))
            out["chunk_no"].append(int(chunk_no))
            out["source"].append(str(source))
            out["records"].append(json.dumps([shards.segment_record(s, str(source), None) for s in segments], ensure_ascii=False))
            out["failures"].append(json.dumps([shards.failure_record(f, str(source), None) for f in run.failures], ensure_ascii=False))
            out["encoder"].append(f"{run.encoder.name}\t{run.encoder.version}")
            out["cpu_seconds"].append(time.process_time() - started)
        return out


class LazyEncoder:
    """An encoder loaded on first use: document checks that never embed never load a model."""

    def __init__(self, model: str) -> None:
        self.model, self._encoder = model, None
        self.name = model

    def encode(self, texts):
        if self._encoder is None:
            from metrics.encoders import available_cores

            self._encoder = open_encoder_with_threads(self.model, available_cores())
        return self._encoder.encode(texts)


def document_phase(group: dict[str, Any], config: Config) -> dict[str, list]:
    """All chunks of one shard -> the document-scope findings, keyed by (chunk, row in chunk)."""
    from qa.checks.registry import select_checks
    from qa.pipeline import Run
    from qa.render.json import segment_from_dict

    order = sorted(range(len(group["chunk_no"])), key=lambda i: int(group["chunk_no"][i]))
    segments = [segment_from_dict(r) for i in order for r in json.loads(group["records"][i])]
    checks = [c for c in select_checks(config.select, config.ignore) if c.scope == "document"]
    run = Run(config, LazyEncoder(config.model), checks)
    extra = run.run_document_checks([s.pair for s in segments])
    keyed = {
        f"{index // config.chunk_size}:{index % config.chunk_size}": [f.to_dict() for f in run.overridden(found)]
        for index, found in extra.items()
    }
    source = json.loads(group["records"][order[0]])[0]["source"] if segments else None
    return {
        "file_no": [int(group["file_no"][0])],
        "extras": [json.dumps(keyed, ensure_ascii=False)],
        "failures": [json.dumps([shards.failure_record(f, source, None) for f in run.failures], ensure_ascii=False)],
    }


def write_chunks(batch: dict[str, Any], out_dir: str, fmt: str, config: Config, extras: dict) -> dict[str, list]:
    """Append a chunk's document findings, rescore those segments, write its part file, report its statistics."""
    from qa.render.json import segment_from_dict
    from qa.scoring import score_segment

    out: dict[str, list] = {"file_no": [], "chunk_no": [], "part": [], "stats": [], "failures": [], "encoder": [], "cpu_seconds": []}
    for file_no, chunk_no, records_json, failures_json, encoder, cpu_seconds in zip(
        batch["file_no"], batch["chunk_no"], batch["records"], batch["failures"], batch["encoder"], batch["cpu_seconds"]
    ):
        records = json.loads(records_json)
        added = extras.get((int(file_no), int(chunk_no)), {})
        segments = []
        for offset, record in enumerate(records):
            seg = segment_from_dict(record)
            if offset in added:
                findings = seg.findings + tuple(_finding(f) for f in added[offset])
                seg = score_segment(seg.pair, findings, str(encoder).split("\t")[0], config.penalties)
                record = shards.segment_record(seg, record["source"], record["target"])
                records[offset] = record
            segments.append(seg)
        failures = json.loads(failures_json)
        part = shards.write_part(out_dir, f"part-{int(file_no):05d}-{int(chunk_no):06d}", records + failures, fmt)
        out["file_no"].append(int(file_no))
        out["chunk_no"].append(int(chunk_no))
        out["part"].append(part)
        out["stats"].append(json.dumps(chunk_stats(segments)))
        out["failures"].append(failures_json)
        out["encoder"].append(str(encoder))
        out["cpu_seconds"].append(float(cpu_seconds))
    return out


def _finding(data: dict[str, Any]) -> Finding:
    from qa.render.json import _finding_from

    return _finding_from(data)


# -- the run ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class RayRun:
    """How many actors and how many BLAS threads each."""

    workers: int
    threads: int


def plan(workers: int | None) -> RayRun:
    """Actors and threads for the connected cluster: threads = CPUs // actors (at least 1)."""
    import ray

    cpus = int(ray.cluster_resources().get("CPU", 1))
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    workers = workers or cpus
    return RayRun(workers, max(1, cpus // workers))


def check_shards(
    inputs: Sequence[str],
    out_dir: str | Path,
    config: Config | None = None,
    *,
    workers: int | None = None,
    results: str = "jsonl",
    encoding: str = "utf-8",
) -> dict[str, Any]:
    """Check every shard on the connected Ray cluster; write part files and summary.json to out_dir.

    Returns the summary (also written to out_dir/summary.json). Call `connect` first.
    """
    import ray

    from qa.checks.registry import select_checks

    config = config or Config()
    checks = select_checks(config.select, config.ignore)  # an unknown selector fails before Ray works
    if results not in shards.RESULT_FORMATS:
        raise UsageError(f"unknown results format {results!r}: choose one of {', '.join(shards.RESULT_FORMATS)}")
    sources = shards.resolve_inputs(inputs)
    out = shards.prepare_output_dir(out_dir)
    sizing = plan(workers)
    ctx = ray.data.DataContext.get_current()
    saved = (ctx.enable_progress_bars, ctx.verbose_stats_logs, ctx.target_max_block_size)
    ctx.enable_progress_bars = False
    ctx.verbose_stats_logs = False
    ctx.target_max_block_size = 1  # one chunk per block: chunks spread over the actors, one part file each
    try:
        with warnings.catch_warnings():
            # max_restarts/max_task_retries/max_retries still work as remote args in Ray 2.x; it warns they will move.
            warnings.simplefilter("ignore", DeprecationWarning)
            written, doc_failures, seconds = _execute(sources, out, config, checks, sizing, results, encoding)
    except Exception as exc:  # noqa: BLE001 - a bad shard surfaces inside Ray's exception chain: report it as mtqa would
        raise _mtqa_error(exc) or exc
    finally:
        ctx.enable_progress_bars, ctx.verbose_stats_logs, ctx.target_max_block_size = saved
    # One row per chunk; a chunk computed twice would write the same part file, and counts once here.
    by_chunk = {(int(r["file_no"]), int(r["chunk_no"])): r for r in written}
    rows = [by_chunk[k] for k in sorted(by_chunk)]
    failure_records = [f for r in rows for f in json.loads(r["failures"])] + doc_failures
    failures = [CheckFailure(f["code"], f["check"], f["segment"], f["error"]) for f in failure_records]
    summary = fold((json.loads(r["stats"]) for r in rows), config.fail_on, failures)
    document = _summary_document(config, checks, rows, summary, sources, results, sizing, failure_records)
    document["engine"]["seconds"] = {stage: round(t, 2) for stage, t in seconds.items()}
    document["engine"]["check_cpu_seconds"] = round(sum(float(r["cpu_seconds"]) for r in rows), 2)
    _write_summary(out, document)
    return document


def _execute(sources, out, config, checks, sizing, results, encoding):
    """The Ray Data pipeline; returns (one statistics row per chunk, document-phase failure records)."""
    import ray

    seconds: dict[str, float] = {}
    started = time.perf_counter()
    items = [{"file_no": i, "source": s} for i, s in enumerate(sources)]
    chunks = ray.data.from_items(items, override_num_blocks=len(items)).flat_map(
        # Reading is light and runs beside the actors that hold the CPUs: no CPU reserved, a few at a time.
        read_shard, fn_kwargs={"chunk_size": config.chunk_size, "encoding": encoding}, num_cpus=0,
        compute=ray.data.TaskPoolStrategy(size=max(1, min(len(items), sizing.workers))),
    )
    checked = chunks.map_batches(
        CheckChunks,
        fn_constructor_kwargs={"config": config, "threads": sizing.threads},
        compute=ray.data.ActorPoolStrategy(size=sizing.workers),
        batch_size=1,
        batch_format="numpy",
        num_cpus=sizing.threads,
        max_restarts=RETRIES,
        max_task_retries=RETRIES,
    ).materialize()
    seconds["read_and_check"] = time.perf_counter() - started
    started = time.perf_counter()
    extras: dict[tuple[int, int], dict[int, list]] = {}
    doc_failures: list[dict[str, Any]] = []
    if any(c.scope == "document" for c in checks):
        for row in (
            checked.select_columns(["file_no", "chunk_no", "records"])
            .groupby("file_no", num_partitions=max(1, min(len(sources), int(ray.cluster_resources().get("CPU", 1)))))
            .map_groups(document_phase, fn_kwargs={"config": config}, batch_format="numpy")
            .take_all()
        ):
            for key, found in json.loads(row["extras"]).items():
                chunk_no, offset = (int(x) for x in key.split(":"))
                extras.setdefault((int(row["file_no"]), chunk_no), {})[offset] = found
            doc_failures += json.loads(row["failures"])
    seconds["document_checks"] = time.perf_counter() - started
    started = time.perf_counter()
    written = checked.map_batches(
        write_chunks,
        fn_kwargs={"out_dir": str(out), "fmt": results, "config": config, "extras": extras},
        batch_size=1,
        batch_format="numpy",
        max_retries=RETRIES,
    ).take_all()
    seconds["write"] = time.perf_counter() - started
    return written, doc_failures, seconds


def _summary_document(config, checks, rows, summary, sources, results, sizing, failure_records) -> dict[str, Any]:
    from types import SimpleNamespace

    from qa.signature import run_signature, tool_info

    name, _, version = (rows[0]["encoder"] if rows else f"{config.model}\tunknown").partition("\t")
    return {
        "schema": SUMMARY_SCHEMA,
        "signature": run_signature(config, SimpleNamespace(name=name, version=version), checks),
        "tool": tool_info(),
        "summary": summary,
        "engine": {"name": "ray", "workers": sizing.workers, "threads_per_worker": sizing.threads},
        "inputs": list(sources),
        "results": {"format": results, "parts": [r["part"] for r in rows]},
        "failures": failure_records,
    }


def _write_summary(out: Path, document: dict[str, Any]) -> None:
    from qa.textio import write_atomic

    write_atomic(out / "summary.json", json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _mtqa_error(exc: BaseException) -> MtqaError | None:
    """The MtqaError (an input error in a shard) wrapped inside a Ray exception, as a plain one."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, MtqaError):
            error = next((c for c in type(current).__mro__ if c.__module__ == "qa.errors"), MtqaError)
            message = str(current.args[0]) if current.args else str(current)
            return error(message)
        stack += [current.__cause__, current.__context__, getattr(current, "cause", None)]
    return None

