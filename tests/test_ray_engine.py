"""The Ray engine gives the local engine's results: same findings, same scores, same summary,
also when a checking actor is killed in the middle of a run. One local Ray instance (2 CPUs, so
2 actors with 1 BLAS thread each) serves the whole module.

The local engine is run with the actors' BLAS thread count (1): USE-m3's float32 results differ in
the last bits with the thread count, and a pair's 4-decimal similarity can flip with them (measured
in docs/scale.md). With equal threads the Ray engine encodes exactly what the local engine
encodes, chunk by chunk, so the results are equal on any machine."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("ray")

from click.testing import CliRunner

from qa.checks.registry import select_checks
from qa.cli import main
from qa.config import Config
from qa.engines import ray_engine, shards
from qa.errors import InputError
from qa.model import Severity
from qa.pipeline import check_pairs
from qa.scoring import summarize
from qa.textio import read_bitext

CHECKING_ACTOR = "ray::MapWorker(MapBatches(CheckChunks)).submit"  # the process title while it checks a chunk


@pytest.fixture(scope="module")
def actor_encoder():
    """The local engine's encoder with the BLAS threads each of the 2 actors gets (2 CPUs // 2)."""
    from metrics.encoders import UseM3Encoder

    return UseM3Encoder(threads=1)


@pytest.fixture(scope="module")
def ray_instance():
    import ray

    ray_engine.connect(num_cpus=2)
    yield ray
    ray.shutdown()


def write_jsonl(path: Path, rows) -> str:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def local_records(shard: str, config: Config, encoder):
    """The local engine's report on one shard, as result records."""
    report = check_pairs(list(read_bitext(shard)), config, encoder, source=shard)
    return report, [shards.segment_record(s, shard, None) for s in report.segments()]


@pytest.fixture(scope="module")
def ntrex_shard(tmp_path_factory, ntrex) -> str:
    return write_jsonl(tmp_path_factory.mktemp("ntrex") / "ntrex.jsonl", ({"src": en, "mt": ar} for en, ar, _ in ntrex))


def test_ntrex_on_ray_has_the_local_engines_findings_scores_and_summary(ray_instance, ntrex_shard, actor_encoder, tmp_path):
    report, expected = local_records(ntrex_shard, Config(), actor_encoder)
    document = ray_engine.check_shards([ntrex_shard], tmp_path / "out", Config(), workers=2)
    records = shards.read_results(tmp_path / "out")
    assert document["engine"]["threads_per_worker"] == 1
    assert len(records) == len(expected) == 1997
    assert records == expected  # every field: findings with spans and messages, scores, similarities
    assert document["summary"] == report.summary
    assert document["signature"] == report.signature
    assert sum(len(r["findings"]) for r in records) > 0


def test_a_name_spelt_two_ways_across_chunks_is_found_by_the_document_phase_with_its_severity_override(ray_instance, actor_encoder, tmp_path):
    rows = [
        {"src": "Judge Kavanaugh denied the allegations.", "mt": "نفى القاضي كافانو الادعاءات."},
        {"src": "The hearing lasted nine hours.", "mt": "استمرت الجلسة تسع ساعات."},
        {"src": "On Thursday Kavanaugh spoke again.", "mt": "يوم الخميس تحدث كافانو مجددا."},
        {"src": "The Senate confirmed Kavanaugh.", "mt": "أكد مجلس الشيوخ تعيين كافاناه."},
    ]
    shard = write_jsonl(tmp_path / "doc.jsonl", rows)
    # the three mentions fall in two chunks, checked by different actors; a settings file raised NAM006 to major
    config = Config(chunk_size=2, severities={"NAM006": Severity.MAJOR})
    _, expected = local_records(shard, config, actor_encoder)
    ray_engine.check_shards([shard], tmp_path / "out", config, workers=2)
    records = shards.read_results(tmp_path / "out")
    assert records == expected
    assert [(r["id"], f["severity"], f["suggestion"]) for r in records for f in r["findings"] if f["code"] == "NAM006"] == [
        ("4", "major", "كافانو")
    ]


def _checking_actor_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
            except OSError:
                continue
            if title.strip() == CHECKING_ACTOR:
                pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the actor processes in Linux /proc")
def test_a_checking_actor_killed_mid_run_loses_and_duplicates_no_segment(ray_instance, ntrex, actor_encoder, tmp_path):
    shard = write_jsonl(tmp_path / "part.jsonl", ({"src": en, "mt": ar} for en, ar, _ in ntrex[:320]))
    config = Config(chunk_size=16)  # 20 chunks: the kill lands while chunks are still being checked
    report, expected = local_records(shard, config, actor_encoder)
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["document"] = ray_engine.check_shards([shard], tmp_path / "out", config, workers=2)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    killed = None
    deadline = time.monotonic() + 240
    while killed is None and thread.is_alive() and time.monotonic() < deadline:
        busy = _checking_actor_pids()
        if busy:
            os.kill(busy[0], signal.SIGKILL)  # the actor dies holding a chunk it has not returned
            killed = busy[0]
        time.sleep(0.05)
    thread.join(timeout=300)
    assert killed is not None, "no checking actor was caught at work"
    assert "error" not in outcome, outcome.get("error")
    written = list(shards.iter_part_records(tmp_path / "out"))  # as written: a duplicate would show here
    keys = [shards.record_key(r) for r in written]
    assert len(keys) == len(set(keys)) == 320
    assert written == expected
    assert outcome["document"]["summary"] == report.summary


def test_parquet_shards_in_a_folder_give_parquet_results_and_one_summary(ray_instance, ntrex, actor_encoder, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path / "in"
    folder.mkdir()
    config = Config(chunk_size=64)
    for name, rows in (("a", ntrex[:100]), ("b", ntrex[100:160])):
        # the reference is the human translation, the "MT" a truncated copy: reference metrics are exercised
        table = {"src": [en for en, _, _ in rows], "mt": [ar[: len(ar) * 3 // 4] for _, ar, _ in rows], "ref": [ar for _, ar, _ in rows]}
        pq.write_table(pa.Table.from_pydict(table), folder / f"{name}.parquet")
    reports = [check_pairs(list(shards.read_pairs(str(folder / f"{n}.parquet"))), config, actor_encoder, source=str(folder / f"{n}.parquet")) for n in "ab"]
    document = ray_engine.check_shards([str(folder)], tmp_path / "out", config, workers=2, results="parquet")
    records = shards.read_results(tmp_path / "out")
    expected = [shards.segment_record(s, d.source, None) for r in reports for d in r.documents for s in d.segments]
    assert records == expected
    assert all(p.endswith(".parquet") for p in document["results"]["parts"])
    local_summary = summarize([d for r in reports for d in r.documents], config.fail_on)
    assert document["summary"] == local_summary
    assert document["summary"]["metrics"]["chrf"]["score"] > 0


def test_a_malformed_row_in_a_shard_is_reported_like_the_local_engine_reports_it(ray_instance, tmp_path):
    shard = tmp_path / "bad.jsonl"
    shard.write_text('{"src": "One.", "mt": "واحد."}\n{"src": "Two."}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl, line 2: no 'mt' key"):
        ray_engine.check_shards([str(shard)], tmp_path / "out", Config(), workers=1)


def test_the_cli_runs_the_ray_engine_and_exits_by_the_gate(ray_instance, tmp_path):
    shard = write_jsonl(tmp_path / "s.jsonl", [{"src": "Kyiv is the capital.", "mt": "كيف هي العاصمة."}])
    result = CliRunner().invoke(main, ["check", shard, "--engine", "ray", "-o", str(tmp_path / "out")])
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert result.exit_code == 1, result.output
    assert summary["summary"]["passed"] is False and summary["summary"]["findings"]["critical"] >= 1
    assert "1 segments from 1 shard(s)" in result.output and "FAILED (--fail-on critical)" in result.output
    assert summary["signature"].startswith("mtqa:") and "NAM006" in summary["signature"]
    assert [c.code for c in select_checks()] == summary["signature"].split("checks:")[1].split("|")[0].split("+")
