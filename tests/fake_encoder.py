"""A cheap deterministic stand-in for the sentence encoder, for invariants that hold whatever the vectors.

Each text maps to a unit vector seeded by a hash of its characters: the same text always gets the
same vector and different texts unrelated ones. It says nothing about meaning, so tests that use it
assert coverage and bookkeeping (every sentence aligned once, no text lost), never accuracy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

DIM = 32


def hash_vector(text: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
    vector = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return vector / np.linalg.norm(vector)


def hash_embed(texts: Sequence[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([hash_vector(t) for t in texts])


class HashEncoder:
    """The Encoder protocol over hash_embed (name "hash": no calibration, no model to load)."""

    name = "hash"
    version = "1"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return hash_embed(texts)
