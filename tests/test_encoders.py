"""The use-m3 encoder as mtqa runs it: its word-by-word tokenizer, its BLAS threads, the embedding cache."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from metrics.encoders import EmbeddingCache, UseM3Encoder, one_blas_thread
from metrics.tokenizer import WordwiseTokenizer, wordwise

ODD_TEXTS = [
    "", "   ", "a  b", "trailing  ", "  leading", "tab\tseparated", "new\nline", "▁mark", "mid▁mark",
    "\u200f\u200eRLM LRM", "Ｆｕｌｌ ｗｉｄｔｈ", "emoji 🙂 ok", "ﷺ ligature", "٣٫٥ مليون", "U.S.-led", "«اقتباس»",
]


def test_the_wordwise_tokenizer_gives_the_packages_pieces_on_every_ntrex_sentence(encoder, ntrex):
    tokenizer = encoder._model._sp
    assert isinstance(tokenizer, WordwiseTokenizer)
    texts = [t for en, ar, _ in ntrex for t in (en, ar)] + ODD_TEXTS
    assert [tokenizer.encode(t) for t in texts] == [tokenizer.inner.encode(t) for t in texts]
    assert tokenizer.encode(texts[:5]) == tokenizer.inner.encode(texts[:5])  # a batch as well as one text
    assert tokenizer.encode("Kyiv", out_type=str) == tokenizer.inner.encode("Kyiv", out_type=str)


def test_a_vocabulary_with_pieces_across_words_keeps_the_packages_tokenizer():
    class Spanning:
        _pieces = ("▁new", "▁new▁york")
        _unk_id = 0

        class _normalizer:
            normalize = staticmethod(str)

        def _viterbi(self, text):
            return [1]

    spanning = Spanning()
    assert wordwise(spanning) is spanning
    assert wordwise(object()) is not None  # other internals: returned as it is


def test_one_blas_thread_is_set_inside_the_block_and_restored_after(encoder):
    backend = encoder._model._model
    before = backend.threads
    with one_blas_thread(encoder):
        assert backend.threads == 1
        inside = encoder.encode(["The talks will resume on Monday."])
    assert backend.threads == before
    outside = encoder.encode(["The talks will resume on Monday."])
    assert float(inside[0] @ outside[0]) > 0.9999  # the thread count changes only the last bits


def test_scoped_texts_get_a_batch_of_their_own_and_the_cache_is_restored(encoder):
    cache = EmbeddingCache(encoder)
    cache.prime(["The talks will resume on Monday.", "ستستأنف المحادثات يوم الاثنين."])
    kept = dict(cache._vectors)
    with cache.scoped(["The talks will resume.", "The talks will resume on Monday."]):
        assert len(cache._vectors) == 3
        probe = cache.embed(["The talks will resume."])[0]
        assert np.isclose(np.linalg.norm(probe), 1.0)
    assert cache._vectors.keys() == kept.keys()
    assert all(cache._vectors[k] is v for k, v in kept.items())  # the cached vectors themselves are back


def test_the_encoder_tells_the_pipeline_it_survives_a_fork():
    assert UseM3Encoder.fork_safe is True


def test_importing_mtqa_sets_a_short_openblas_thread_timeout_before_numpy_loads():
    code = "import os, qa; from qa.pipeline import Run; print(os.environ.get('OPENBLAS_THREAD_TIMEOUT'))"
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_THREAD_TIMEOUT"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "10"
    env["OPENBLAS_THREAD_TIMEOUT"] = "28"  # a user's own setting wins
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "28"
