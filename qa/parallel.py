"""The check stage spread over the cores, in forked processes, while the encoder keeps working.

The pair checks of a document run in fixed groups of consecutive pairs (GROUP_SIZE, cut from each
embedded chunk), and a group's result depends on nothing else, so the groups can run anywhere:

- While this process embeds the next chunk (the encoder's BLAS threads on every core), forked
  children at the lowest priority check the groups already embedded. The encoder leaves a core idle
  for about half its time (its tokenizer is pure Python, and with OPENBLAS_THREAD_TIMEOUT short,
  metrics/__init__.py, its idle BLAS threads sleep instead of spinning), and the child runs in
  those gaps: measured, the encoder's speed is unchanged (docs/benchmarks.md). At normal priority
  the child would make the two BLAS threads wait for each other, several times slower.
- Once every chunk is embedded, the background children stop after their current group and the
  groups left are dealt over `processes` processes at normal priority, this one included (`fork_map`).

A child inherits the run (its checks, its embedding cache with the chunk's vectors) and sends back
only results. A child that dies without answering leaves its groups to this process: the answer
is the same, only later. Forking only where it is safe and pays: Linux, an encoder that says it
survives a fork (numpy; not torch), and enough pairs.
Written on multiprocessing's fork context rather than a pool: a pool forks its workers once, before
the chunks they will check are embedded, and would have to be sent every vector.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from typing import Generic, TypeVar

G = TypeVar("G")
R = TypeVar("R")

GROUP_SIZE = 128  # pairs per check group: a group's probes are embedded in one batch (qa.pipeline)
# Below this many pairs per process, a fork (20-30 ms with a loaded encoder, measured) costs more
# than the checks it takes over (about 3 ms a pair).
MIN_PAIRS_PER_PROCESS = 24
BACKGROUND_NICENESS = 19


def can_fork(encoder: object) -> bool:
    """Forking is safe here: Linux (fork is the platform's own start method), an encoder that says
    so (numpy's OpenBLAS survives a fork; torch's OpenMP pool may not, so st: models stay serial),
    and not inside a daemonic process (a multiprocessing.Pool worker may not have children)."""
    return (
        sys.platform.startswith("linux")
        and bool(getattr(encoder, "fork_safe", False))
        and not multiprocessing.current_process().daemon
    )


def process_count(wanted: int, pairs: int) -> int:
    """How many processes to check `pairs` pairs with, at most `wanted`."""
    return max(1, min(wanted, pairs // MIN_PAIRS_PER_PROCESS))


def chunked(items: Iterable[G], size: int) -> Iterator[list[G]]:
    """Consecutive lists of `size` items, the last one shorter: the pipeline's embedding chunks
    (Config.chunk_size pairs), cut at the same places by the local and the Ray engine."""
    chunk: list[G] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def groups_of(start: int, stop: int) -> list[range]:
    """The check groups of the pairs start..stop-1 (one embedded chunk)."""
    return [range(s, min(s + GROUP_SIZE, stop)) for s in range(start, stop, GROUP_SIZE)]


def run_groups(fn: Callable[[range], R], groups: Sequence[range], processes: int) -> dict[int, R]:
    """fn(group) for every group, by group start, the groups dealt round-robin over up to
    `processes` processes (this one included) at normal priority."""
    groups = sorted(groups, key=lambda g: g.start)
    n = process_count(processes, sum(len(g) for g in groups))
    shares = [groups[k::n] for k in range(n)]
    results: dict[int, R] = {}
    for share, answers in zip(shares, fork_map(lambda share: [fn(group) for group in share], shares)):
        results.update(zip((group.start for group in share), answers))
    return results


def fork_map(fn: Callable[[G], R], parts: Sequence[G]) -> list[R]:
    """[fn(p) for p in parts], the first in this process and the others in forked children."""
    if len(parts) < 2:
        return [fn(p) for p in parts]
    children: dict[int, tuple] = {}
    for index in range(1, len(parts)):
        forked = _fork(_answer, fn, parts[index])
        if forked is not None:  # else no fork was possible now: this process does the part
            children[index] = forked
    results: dict[int, R] = {}
    try:
        for index, part in enumerate(parts):
            if index in children:
                try:
                    results[index] = children[index][1].recv()
                    continue
                except (EOFError, OSError):  # the child died first (killed, out of memory): do its part here
                    pass
            results[index] = fn(part)
    finally:
        for child, reader in children.values():
            reader.close()
            if len(results) < len(parts):  # interrupted or failed here: no child outlives its work
                child.kill()
            child.join()
    return [results[index] for index in range(len(parts))]


def _answer(fn: Callable[[G], R], part: G, reader, writer, parent: int) -> None:
    _child_start(reader, parent)
    try:
        writer.send(fn(part))
    except BaseException:  # noqa: BLE001, S110 - no traceback from a child: the parent redoes the part and reports
        pass
    finally:
        writer.close()
        os._exit(0)  # skip the atexit handlers inherited by the fork


class GroupScheduler(Generic[R]):
    """Runs fn(group) for every group added, in the background while the caller embeds, and
    returns every result by group once `finish` is called (see the module docstring).

    Up to `processes` background children at a time: a new one takes the groups embedded since
    the last one started, so none sits idle while the caller embeds. With processes=1 (or where
    forking is not possible) every group runs in `finish`, in order.
    """

    def __init__(self, fn: Callable[[range], R], processes: int, prepare: Callable[[], None] | None = None) -> None:
        self.fn, self.processes = fn, processes
        self.prepare = prepare  # run here once, before the first fork, for every child to inherit
        self.pending: list[range] = []
        self.results: dict[int, R] = {}  # by group start
        self.background: list[_Background] = []

    def add(self, groups: Iterable[range]) -> None:
        """Groups whose pairs are embedded: checked from now on, in a child if one is free."""
        self.pending += groups
        if self.processes < 2:
            return
        for child in list(self.background):
            self._collect(child, block=False)
        if len(self.background) < self.processes and sum(len(g) for g in self.pending) >= MIN_PAIRS_PER_PROCESS:
            self._start_background()

    def finish(self) -> dict[int, R]:
        """Stop the background children after their current group, then check every group left
        over all processes at normal priority; the results of all groups, by group start."""
        for child in self.background:
            child.stop.set()
        for child in list(self.background):
            self._collect(child, block=True)
        left, self.pending = self.pending, []
        if process_count(self.processes, sum(len(g) for g in left)) > 1:
            self._prepare()
        self.results.update(run_groups(self.fn, left, self.processes))
        return self.results

    def close(self) -> None:
        """End the background children now (the run was interrupted or failed)."""
        for child in self.background:
            child.process.kill()
            child.process.join()
            child.reader.close()
        self.background = []

    def _prepare(self) -> None:
        if self.prepare is not None:
            prepare, self.prepare = self.prepare, None
            prepare()

    def _start_background(self) -> None:
        self._prepare()
        stop = multiprocessing.get_context("fork").Event()
        forked = _fork(_check_in_background, self.fn, self.pending, stop)
        if forked is None:  # no fork possible now: the groups wait
            return
        process, reader = forked
        self.background.append(_Background(process, reader, stop, self.pending))
        self.pending = []

    def _collect(self, child: _Background, block: bool) -> None:
        """Take a background child's results so far; once it has exited, its unanswered groups
        go back to pending. With block, wait for it to exit."""
        while True:
            try:
                if not block and not child.reader.poll():
                    return
                start, result = child.reader.recv()
            except (EOFError, OSError):  # exited: finished, stopped or died
                break
            self.results[start] = result
        child.reader.close()
        child.process.join()
        self.pending = [g for g in child.groups if g.start not in self.results] + self.pending
        self.background.remove(child)


@dataclass
class _Background:
    process: multiprocessing.Process
    reader: Connection
    stop: Event
    groups: list[range]


def _check_in_background(fn: Callable[[range], R], groups: list[range], stop, reader, writer, parent: int) -> None:
    _child_start(reader, parent)
    try:
        os.nice(BACKGROUND_NICENESS)
        for group in groups:
            if stop.is_set():
                break
            writer.send((group.start, fn(group)))
    except BaseException:  # noqa: BLE001, S110 - the parent checks whatever this child did not answer
        pass
    finally:
        writer.close()
        os._exit(0)


def _fork(target: Callable[..., None], *args) -> tuple[multiprocessing.Process, Connection] | None:
    """A forked child running target(*args, reader, writer, parent pid) and the end of its pipe
    this process reads; None when no fork is possible now (process or memory limits)."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    try:
        child = context.Process(target=target, args=(*args, reader, writer, os.getpid()), daemon=True)
        child.start()
    except OSError:
        reader.close()
        return None
    finally:
        writer.close()
    return child, reader


def _child_start(reader, parent: int) -> None:
    """What a forked child does first: leave Ctrl-C to the parent, close its copy of the pipe's
    reading end (so that a write fails once the parent is gone, instead of filling a pipe nobody
    reads), and end itself within half a second of its parent's death (SIGTERM or SIGKILL give the
    parent no time to stop its children; a sibling may still hold the pipe open)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    reader.close()
    threading.Thread(target=exit_with_parent, args=(parent,), daemon=True).start()


def exit_with_parent(parent: int) -> None:
    """End this process within half a second of `parent`'s death (run in a daemon thread)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
