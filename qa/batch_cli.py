"""`mtqa check DIR`, `--manifest`, `--format jsonl` and `--resume`: a batch run, streamed.

Everything is read and validated first; then the documents are checked (in parallel when
there are several and --jobs allows), each batch of final segments written as JSON Lines the
moment it arrives (`--format jsonl`), or collected into one report for the other formats.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

import click

from qa.batch import Batch, Job, discover, read_manifest, validate_jobs
from qa.config import Config
from qa.errors import OutputError, UsageError
from qa.model import CheckFailure, Report
from qa.records import DOCUMENT, Documents, dumps, read_stream
from qa.textio import write_atomic


def is_batch(inputs: Sequence[str], manifest: str | None, fmt: str, resume: bool) -> bool:
    """Whether `mtqa check` takes the batch path (a folder, a manifest, a stream or a resume)."""
    return manifest is not None or fmt == "jsonl" or resume or (len(inputs) == 1 and Path(inputs[0]).is_dir())


def run_batch(
    inputs: Sequence[str], manifest: str | None, reference: str | None, fmt: str, output: str | None,
    config: Config, encoding: str, jobs: int | None, resume: bool,
) -> tuple[Report, int]:
    """Check the batch: the report over every complete document (a resumed file's included), and
    how many documents were resumed from the output file."""
    batch = _batch(inputs, manifest, reference, output)
    if batch.ignored:
        shown = ", ".join(batch.ignored[:3]) + (", ..." if len(batch.ignored) > 3 else "")
        click.echo(f"mtqa: warning: {len(batch.ignored)} file(s) match no naming convention and are not checked: {shown}", err=True)
    if resume and (fmt != "jsonl" or output is None):
        raise UsageError("--resume continues a JSON Lines stream: give --format jsonl --output FILE")
    validate_jobs(batch.jobs, encoding, config.max_segment_chars)

    documents, keep, dropped = Documents(), None, 0
    if resume and Path(output).exists():
        previous = read_stream(output)
        documents, keep, dropped = previous.documents, previous.lines, previous.dropped_lines
    resumed = len(documents.complete)
    todo = [job for job in batch.jobs if job.key not in documents.complete]
    sink = _Sink(output, keep if dropped else None, append=resume) if fmt == "jsonl" else None
    errors: list[CheckFailure] = []
    try:
        with _progress(len(batch.jobs), len(batch.jobs) - len(todo)) as advance:
            for message in _messages(todo, config, encoding, jobs):
                _handle(message, batch.jobs, documents, sink, errors, output)
                if message[0] != "segments":
                    advance(documents)
        if sink is not None:
            sink.finish()
    finally:
        if sink is not None:
            sink.close()
    return documents.report(config.fail_on, [job.key for job in batch.jobs], errors), resumed


def _batch(inputs: Sequence[str], manifest: str | None, reference: str | None, output: str | None) -> Batch:
    if manifest is not None:
        if inputs or reference:
            raise UsageError("--manifest lists every document: give no SOURCE/TARGET paths and no --ref with it")
        return read_manifest(manifest)
    if len(inputs) == 1 and Path(inputs[0]).is_dir():
        if reference:
            raise UsageError(f"--ref does not apply to a folder: name each reference NAME.ref.ar.txt in {inputs[0]}")
        return discover(inputs[0], exclude=[output] if output else [])
    return Batch((Job(0, inputs[0], inputs[1] if len(inputs) == 2 else None, reference),))


def _messages(todo: list[Job], config: Config, encoding: str, jobs: int | None):
    from metrics.encoders import available_cores
    from qa.workers import check_parallel, check_serial

    cores = available_cores()
    workers = min(jobs or cores, len(todo))
    if workers <= 1:
        return check_serial(todo, config, encoding) if todo else iter(())
    return check_parallel(todo, config, encoding, workers, cores)


def _handle(message, jobs: Sequence[Job], documents: Documents, sink, errors: list[CheckFailure], output) -> None:
    kind, index = message[0], message[1]
    job = jobs[index]  # a Batch numbers its jobs 0..n-1
    if kind == "error":
        failure = CheckFailure("-", "document", "-", f"{job.source}: {message[2]}")
        errors.append(failure)
        if sink is not None:
            from qa.records import failure_record

            sink.write([dumps(failure_record(job.source, job.target, failure))])
        return
    signature, lines = message[2], message[3]
    if documents.signature is not None and signature != documents.signature:
        raise UsageError(
            f"{output} was written with other settings (signature {documents.signature}), this run has {signature}: "
            "resume with the same options, or write to a new file"
        )
    if sink is not None:
        sink.write(lines)
    documents.pending.setdefault(job.key, []).extend(json.loads(line) for line in lines)
    if kind == "done":
        records = documents.pending.pop(job.key)
        assert records[-1]["schema"] == DOCUMENT
        documents.add_complete(job.key, records)


class _Sink:
    """Where stream lines go: the --output file (opened at the first write) or stdout, flushed per batch.

    Resuming, a file that held incomplete documents or a torn line is first rewritten (atomically)
    with only its complete documents' lines, then appended to.
    """

    def __init__(self, output: str | None, keep: list[str] | None, append: bool) -> None:
        self.output, self.keep, self.append = output, keep, append
        self.handle = None

    def write(self, lines: list[str]) -> None:
        if self.handle is None:
            self.handle = self._open()
        self.handle.write("".join(lines))
        self.handle.flush()

    def finish(self) -> None:
        if self.handle is None and self.keep is not None:
            self.handle = self._open()  # nothing new, but the incomplete lines must still go

    def _open(self):
        if self.output is None:
            return sys.stdout
        if self.keep is not None:
            write_atomic(self.output, "".join(self.keep))
        try:
            return open(self.output, "a" if self.append else "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise OutputError(f"{self.output}: cannot write the stream ({exc.strerror or exc})") from None

    def close(self) -> None:
        if self.handle is not None and self.handle is not sys.stdout:
            self.handle.close()


def _progress(total: int, done: int):
    """A progress bar on stderr when it is a terminal; `advance(documents)` after each document."""
    if total <= 1 or not sys.stderr.isatty():
        return nullcontext(lambda documents: None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("documents · {task.fields[segments]} segments"),
        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    )
    task = progress.add_task("batch", total=total, completed=done, segments=0)

    class _Bar:
        def __enter__(self):
            progress.start()
            return lambda documents: progress.update(
task, advance=1, segments=documents.segments)

        def __exit__(self, *exc):
            progress.stop()

    return _Bar()


def summary_line(report: Report, resumed: int, output: str | None) -> str:
    """`PASSED: 812 segments in 50 documents · mean score 90.2 · 0 critical, 3 major, 10 minor`."""
    summary = report.summary
    counts = summary.get("findings", {})
    score = summary.get("score")
    parts = [
        f"{summary.get('segments', 0)} segments in {len(report.documents)} documents",
        f"mean score {score:.1f}" if isinstance(score, (int, float)) else "no score",
        ", ".join(f"{counts.get(s, 0)} {s}" for s in ("critical", "major", "minor")),
    ]
    if report.failures:
        parts.append(f"{len(report.failures)} check crash(es)")
    if resumed:
        parts.append(f"{resumed} documents resumed from {output}")
    return ("PASSED: " if summary.get("passed") else "FAILED: ") + " · ".join(parts)
