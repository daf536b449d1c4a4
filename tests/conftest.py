"""Shared fixtures: the ../shared data and one encoder per test session (loading costs ~2 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared test data is missing at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def encoder():
    from metrics.encoders import load_encoder

    return load_encoder("use-m3")


@pytest.fixture(scope="session")
def ntrex(shared_data) -> list[tuple[str, str, str]]:
    """(English, Arabic, document id) for the 1,997 NTREX lines."""
    d = shared_data / "ntrex"
    en = (d / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ar = (d / "newstest2019-ref.arb.txt").read_text(encoding="utf-8").splitlines()
    ids = (d / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    assert len(en) == len(ar) == len(ids) == 1997
    return list(zip(en, ar, ids))


@pytest.fixture()
def context(encoder):
    """A CheckContext backed by the real encoder, as the pipeline builds it."""
    from metrics.encoders import EmbeddingCache
    from qa.checks.registry import CheckContext

    return CheckContext(embed=EmbeddingCache(encoder).embed)
