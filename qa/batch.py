"""Batches: which documents a run checks, found in a folder or listed in a manifest.

A folder (searched recursively, hidden files and folders skipped):
  NAME.en.txt + NAME.ar.txt [+ NAME.ref.ar.txt]   one document pair (optional reference)
  NAME.jsonl .tsv .csv .xlf .xliff .tmx .po       one bitext document each
An English file without its Arabic MT (or either without the English) is an error before any
work starts: a batch that silently skips a document would pass a CI gate it should fail.
Other files (notes, reports) are ignored, with a warning that names them.

A manifest is a TSV file with a header row naming the columns `source`, `target` and
optionally `reference`; one document per row; a row with an empty target is a bitext file.
Relative paths resolve against the manifest's folder. Blank lines and lines starting with '#'
are skipped.

Every document is then read and validated (`validate_jobs`) before an encoder loads.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError
from qa.formats import SUFFIXES as FORMAT_SUFFIXES
from qa.textio import (
    BITEXT_SUFFIXES,
    read_bitext,
    read_document,
    read_text,
    split_lines,
)

SOURCE_SUFFIX, TARGET_SUFFIX, REFERENCE_SUFFIX = ".en.txt", ".ar.txt", ".ref.ar.txt"
MANIFEST_COLUMNS = ("source", "target", "reference")
SINGLE_FILE_SUFFIXES = BITEXT_SUFFIXES + FORMAT_SUFFIXES  # one file, one document: read by read_bitext


@dataclass(frozen=True)
class Job:
    """One document of a batch: two documents (and a reference), or one bitext file (target None).

    `source` and `target` are the strings the results carry; (source, target) identifies the
    document in a JSON Lines stream, so a resumed run must name the files the same way.
    """

    index: int
    source: str
    target: str | None = None
    reference: str | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.source, self.target)


@dataclass(frozen=True)
class Batch:
    jobs: tuple[Job, ...]
    ignored: tuple[str, ...] = ()  # files in a folder that match no naming convention


def discover(folder: str | Path, exclude: Sequence[str | Path] = ()) -> Batch:
    """The documents in `folder` by the naming convention (see the module docstring)."""
    root = Path(folder)
    skip = {Path(p).resolve() for p in exclude}
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts) and p.resolve() not in skip
    )
    stems: dict[Path, dict[str, Path]] = {}
    bitexts: list[Path] = []
    ignored: list[str] = []
    for path in files:
        name = path.name
        for role, suffix in (("reference", REFERENCE_SUFFIX), ("source", SOURCE_SUFFIX), ("target", TARGET_SUFFIX)):
            if name.endswith(suffix) and len(name) > len(suffix):
                stems.setdefault(path.with_name(name[: -len(suffix)]), {})[role] = path
                break
        else:
            if path.suffix.lower() in SINGLE_FILE_SUFFIXES:
                bitexts.append(path)
            else:
                ignored.append(str(path))
    jobs: list[tuple[str, str | None, str | None]] = []
    for stem, roles in sorted(stems.items()):
        if "source" not in roles:
            found = roles.get("target") or roles["reference"]
            raise InputError(
                f"{found}: no English source {stem.name}{SOURCE_SUFFIX} beside it: a batch folder pairs "
                f"NAME{SOURCE_SUFFIX} with NAME{TARGET_SUFFIX} (optional NAME{REFERENCE_SUFFIX})"
            )
        if "target" not in roles:
            raise InputError(
                f"{roles['source']}: no Arabic MT {stem.name}{TARGET_SUFFIX} beside it: a batch folder pairs "
                f"NAME{SOURCE_SUFFIX} with NAME{TARGET_SUFFIX} (optional NAME{REFERENCE_SUFFIX})"
            )
        ref = roles.get("reference")
        jobs.append((str(roles["source"]), str(roles["target"]), str(ref) if ref else None))
    jobs += [(str(p), None, None) for p in bitexts]
    if not jobs:
        raise InputError(
            f"{root}: no documents found: expected NAME{SOURCE_SUFFIX} + NAME{TARGET_SUFFIX} pairs "
            f"or bitext files ({' '.join(SINGLE_FILE_SUFFIXES)}; see docs/batches.md)"
        )
    jobs.sort()
    return Batch(tuple(Job(i, *job) for i, job in enumerate(jobs)), tuple(ignored))


def read_manifest(path: str | Path, encoding: str = "utf-8") -> Batch:
    """The documents listed in a manifest TSV (columns source, target, optional reference)."""
    path = Path(path)
    base = path.parent
    numbered = [(n, line) for n, line in enumerate(split_lines(read_text(path, encoding)), 1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        raise InputError(f"{path}: is empty: a manifest is a TSV with a header row source, target (optional reference)")
    header_no, header_line = numbered[0]
    header = [name.strip().lower() for name in _fields(header_line)]
    if "source" not in header or "target" not in header or set(header) - set(MANIFEST_COLUMNS):
        raise InputError(
            f"{path}: the header row (line {header_no}) must name the columns source, target and optionally "
            f"reference, separated by tabs (found: {', '.join(header)})"
        )
    jobs: list[Job] = []
    seen: dict[tuple[str, str | None], int] = {}
    for line_no, line in numbered[1:]:
        fields = _fields(line)
        if len(fields) > len(header):
            raise InputError(f"{path}, line {line_no}: {len(fields)} tab-separated fields, the header has {len(header)}")
        row = {name: value.strip() for name, value in zip(header, fields)}
        if not row.get("source"):
            raise InputError(f"{path}, line {line_no}: no source path")
        source = str(base / row["source"])
        target = str(base / row["target"]) if row.get("target") else None
        reference = str(base / row["reference"]) if row.get("reference") else None
        if target is None and Path(source).suffix.lower() not in SINGLE_FILE_SUFFIXES:
            raise InputError(
                f"{path}, line {line_no}: no target for {row['source']}: a row without a target must name a "
                f"bitext file ({' '.join(SINGLE_FILE_SUFFIXES)})"
            )
        if target is None and reference is not None:
            raise InputError(f"{path}, line {line_no}: a bitext row takes no reference column (give each row a 'ref')")
        if (source, target) in seen:
            raise InputError(f"{path}, line {line_no}: the same source and target as line {seen[source, target]}")
        seen[source, target] = line_no
        jobs.append(Job(len(jobs), source, target, reference))
    if not jobs:
        raise InputError(f"{path}: has a header but no documents")
    return Batch(tuple(jobs))


def _fields(line: str) -> list[str]:
    # QUOTE_NONE: a tab separates fields and nothing else is special (paths may hold quotes).
    return next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def validate_jobs(jobs: Sequence[Job], encoding: str = "utf-8", max_segment_chars: int | None = None) -> None:
    """Read and parse every file of every job, holding each row or sentence to `max_segment_chars`
    as a single check does (qa.limits): an InputError names the first bad one, before any encoder
    loads (the workers read the files again; reading is milliseconds per megabyte)."""
    from qa.limits import check_document_lines, within_limit

    for job in jobs:
        if job.target is None:
            for _ in within_limit(read_bitext(job.source, encoding), max_segment_chars, job.source):
                pass
        else:
            for path, lang in ((job.source, "en"), (job.target, "ar"), (job.reference, "ar")):
                if path is not None:
                    check_document_lines(read_document(path, encoding), lang, max_segment_chars, path)
