"""A cheap deterministic stand-in for the sentence encoder, for invariants that hold whatever the vectors.

Each text maps to a unit vector seeded by a hash of its characters: the same text always gets the
same vector and different texts unrelated ones. It says nothing about meaning: tests use it to
assert coverage and bookkeeping (every sentence aligned once, no text lost), never accuracy, and
benchmarks/bench_lines.py to measure the pipeline's own memory and time with the encoder's cost
taken out (at USE's 512 dimensions, so the vectors weigh what real ones do).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

DIM = 32


def hash_vector(text: str, dim: int = DIM) -> np.ndarray:
    seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
    vector = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return vector / np.linalg.norm(vector)


def hash_embed(texts: Sequence[str], dim: int = DIM) -> np.ndarray:
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    return np.stack([hash_vector(t, dim) for t in texts])


class HashEncoder:
    """The Encoder protocol over hash_embed (name "hash": no calibration, no model to load)."""

    name = "hash"
    version = "1"

    def __init__(self, dim: int = DIM) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return hash_embed(texts, self.dim)
