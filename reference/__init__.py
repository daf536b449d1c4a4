"""Data mtqa ships: gazetteers, lexicons, transliteration tables, sample articles.

Each data family lives in its own folder with a SOURCES.md (origin, licence, the script that
builds it). Loaders read files through importlib.resources so a wheel install works like -e.
"""

from __future__ import annotations

from importlib import resources


def data_path(*parts: str):
    """A Traversable for a shipped file, e.g. data_path("names", "gazetteer.tsv")."""
    node = resources.files(__name__)
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return data_path(*parts).read_text(encoding="utf-8")


def read_tsv(*parts: str) -> list[list[str]]:
    """Rows of a shipped TSV, skipping blank lines and lines starting with '#'."""
    rows = []
    for line in read_text(*parts).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
