"""Checking a batch's documents: in this process, or in a pool of worker processes.

Each worker loads the encoder once and checks whole documents, one fresh Run per document (so
a document's results never depend on which documents its worker saw before). Results reach
the parent as messages, one per batch of final segments (Run.stream_document):

  ("segments", job_index, signature, [record line, ...])
  ("done", job_index, signature, [failure lines..., the mtqa.document/1 line])
  ("error", job_index, message)      the document could not be checked at all

USE-m3's BLAS slows down many times over when its threads outnumber the cores (docs/benchmarks.md),
so W workers get cores // W BLAS threads each (at least 1).
"""

from __future__ import annotations

import os
import queue as queues
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from qa.batch import Job
from qa.config import Config
from qa.errors import MtqaError
from qa.parallel import exit_with_parent
from qa.records import document_record, dumps, failure_record, segment_record

Message = tuple


class WorkerError(MtqaError):
    """A worker process died (killed, out of memory): the run cannot finish."""

    exit_code = 3


def worker_threads(cores: int, workers: int) -> int:
    """BLAS threads per worker so that all workers together use no more threads than cores."""
    return max(1, cores // max(1, workers))


@dataclass
class DocumentChecker:
    """What one process needs to check documents: the run settings and a loaded encoder.

    `DocumentChecker.load(config, encoding, threads=n)` loads the encoder once (n BLAS threads;
    None: the encoder's default); `check(job)` yields one document's messages (module docstring).
    Any executor can drive it: this module's process pool, or a distributed one.
    """

    config: Config
    encoding: str
    encoder: object
    checks: list
    signature: str

    @classmethod
    def load(cls, config: Config, encoding: str, encoder=None, threads: int | None = None) -> DocumentChecker:
        from qa.checks.registry import select_checks
        from qa.pipeline import open_encoder
        from qa.signature import run_signature

        checks = select_checks(config.select, config.ignore)
        if encoder is None:
            encoder = _load_encoder(config.model, threads) if threads else open_encoder(config.model)
        return cls(config, encoding, encoder, checks, run_signature(config, encoder, checks))

    def check(self, job: Job) -> Iterator[Message]:
        """One document's messages; any exception becomes an "error" message for that document."""
        from qa.pipeline import Run
        from qa.textio import read_bitext, read_document

        sig = self.signature
        try:
            run = Run(self.config, self.encoder, list(self.checks))
            if job.target is None:
                pairs = read_bitext(job.source, self.encoding)
            else:
                reference = read_document(job.reference, self.encoding) if job.reference else None
                lines = read_document(job.source, self.encoding), read_document(job.target, self.encoding)
                pairs = run.align_documents(*lines, reference)
            count = 0
            for batch in run.stream_document(pairs):
                count += len(batch)
                yield ("segments", job.index, sig, [dumps(segment_record(job.source, job.target, s)) for s in batch])
            tail = [dumps(failure_record(job.source, job.target, f)) for f in run.failures]
            tail.append(dumps(document_record(job.source, job.target, count, len(run.failures), sig)))
            yield ("done", job.index, sig, tail)
        except Exception as exc:  # noqa: BLE001 - one document's problem must not stop the batch
            yield ("error", job.index, f"{type(exc).__name__}: {exc}")


def _load_encoder(model: str, threads: int):
    """The run's encoder with `threads` BLAS (and torch) threads."""
    from threadpoolctl import threadpool_limits

    from qa.errors import ModelError
    from qa.pipeline import open_encoder

    threadpool_limits(limits=threads)  # every BLAS call of this process: alignment and checks too
    if model == "use-m3":
        from metrics.encoders import EncoderUnavailable, UseM3Encoder

        try:
            return UseM3Encoder(threads=threads)
        except EncoderUnavailable as exc:
            raise ModelError(str(exc)) from None
    encoder = open_encoder(model)
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:
        pass
    return encoder


def check_serial(jobs: Sequence[Job], config: Config, encoding: str, encoder=None) -> Iterator[Message]:
    """Every job in this process, in order (the encoder is loaded here unless given)."""
    checker = DocumentChecker.load(config, encoding, encoder)
    for job in jobs:
        yield from checker.check(job)


def check_parallel(jobs: Sequence[Job], config: Config, encoding: str, workers: int, cores: int) -> Iterator[Message]:
    """Every job in a pool of `workers` spawned processes; messages in the order they arrive.

    The pool is torn down when the generator is closed (the caller stopped early, Ctrl-C).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a process holding BLAS threads
    inbox = context.Queue()
    threads = worker_threads(cores, workers)
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_worker_start, initargs=(config, encoding, threads, inbox, os.getpid())
    )
    completed = False
    try:
        futures = [pool.submit(_worker_check, job) for job in jobs]
        finished = 0
        while finished < len(jobs):
            try:
                message = inbox.get(timeout=0.5)
            except queues.Empty:
                for future in futures:
                    if future.done() and future.exception() is not None:
                        raise WorkerError(
                            f"a worker process died ({future.exception() or 'killed'}): the documents completed so "
                            "far are kept; run again with --resume to finish"
                        )
                continue
            if message[0] == "fatal":
                from qa.errors import ModelError

                raise ModelError(message[1])
            finished += message[0] in ("done", "error")
            yield message
        completed = True
    finally:
        if not completed:  # stopped early: end the work in progress now, not after its document
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=completed, cancel_futures=True)


# -- inside a worker process -------------------------------------------------------------------
_WORKER: dict = {}


def _worker_start(config: Config, encoding: str, threads: int, inbox, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    threading.Thread(target=exit_with_parent, args=(parent,), daemon=True).start()  # SIGKILL leaves no time to stop it
    _WORKER["inbox"] = inbox
    try:
        _WORKER["checker"] = DocumentChecker.load(config, encoding, threads=threads)
    except MtqaError as exc:  # reported by the first job, so the parent shows one clean line
        _WORKER["fatal"] = str(exc)


def _worker_check(job: Job) -> None:
    inbox = _WORKER["inbox"]
    if "fatal" in _WORKER:
        inbox.put(("fatal", _WORKER["fatal"]))
        return
    for message in _WORKER["checker"].check(job):
        inbox.put(message)
