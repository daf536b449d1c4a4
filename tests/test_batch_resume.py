"""Issue #7, acceptance 3: a batch of 50 NTREX documents checked in parallel, killed (SIGKILL)
part-way, completed by --resume; the final JSON Lines equal an uninterrupted run's, byte for byte
once the lines are sorted (parallel workers finish documents in any order)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from metrics.encoders import UseM3Encoder, available_cores
from qa.cli import main
from qa.workers import worker_threads

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS, LINES, JOBS = 50, 4, 2


@pytest.fixture(scope="module")
def batch(tmp_path_factory, ntrex) -> Path:
    """The first 4 lines of each of the first 50 NTREX documents, as NAME.en.txt + NAME.ar.txt."""
    folder = tmp_path_factory.mktemp("ntrex50")
    docs: dict[str, list[tuple[str, str]]] = {}
    for en, ar, doc in ntrex:
        docs.setdefault(doc, []).append((en, ar))
    for doc, rows in list(docs.items())[:DOCUMENTS]:
        (folder / f"{doc}.en.txt").write_text("".join(en + "\n" for en, _ in rows[:LINES]), encoding="utf-8")
        (folder / f"{doc}.ar.txt").write_text("".join(ar + "\n" for _, ar in rows[:LINES]), encoding="utf-8")
    return folder


def mtqa(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "check", *map(str, args)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def completed_documents(path: Path) -> int:
    return path.read_bytes().count(b'"schema": "mtqa.document/1"') if path.exists() else 0


def test_a_killed_parallel_batch_resumes_to_the_uninterrupted_result(batch, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    run = mtqa(batch, "--format", "jsonl", "--output", out, "--jobs", JOBS)
    deadline = time.monotonic() + 300
    while completed_documents(out) < 5 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)  # the main process only, as `kill -9 PID` does; its workers must follow
    run.wait()
    done_at_kill = completed_documents(out)
    assert run.returncode == -signal.SIGKILL and 5 <= done_at_kill < DOCUMENTS, run.stderr.read()
    for _ in range(100):  # the orphaned workers notice within a second and exit
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.killpg(run.pid, signal.SIGKILL)
        pytest.fail("the workers of a killed run kept running")

    resumed = mtqa(batch, "--format", "jsonl", "--output", out, "--jobs", JOBS, "--resume")
    _, stderr = resumed.communicate(timeout=600)
    assert f"{done_at_kill} documents resumed from {out}" in stderr, stderr

    # The uninterrupted run, in this process: the same settings and BLAS threads as each worker.
    encoder = UseM3Encoder(threads=worker_threads(available_cores(), JOBS))
    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    whole = tmp_path / "whole.jsonl"
    result = CliRunner().invoke(main, ["check", str(batch), "--format", "jsonl", "--output", str(whole), "--jobs", "1"])
    assert resumed.returncode == result.exit_code in (0, 1), stderr

    final, expected = out.read_text(encoding="utf-8"), whole.read_text(encoding="utf-8")
    assert sorted(final.splitlines()) == sorted(expected.splitlines())
    records = [json.loads(line) for line in final.splitlines()]
    assert sum(r["schema"] == "mtqa.document/1" for r in records) == DOCUMENTS
    assert len({(r["source"], r["target"], r.get("id")) for r in records}) == len(records)
    # The exit code and the summary are computed over the whole file, the resumed documents included.
    assert stderr.splitlines()[-1] == result.stderr.splitlines()[-1] + f" · {done_at_kill} documents resumed from {out}"
