"""Input shards in, result records out: the file side of a distributed run (no Ray here).

Inputs are bitext shards (.jsonl, .tsv or .parquet with columns src, mt, optional ref, id): one
file, a directory of them, or a glob. Each shard is read with the local engine's own rules
(qa.textio: the same validation, the same default ids = 1-based row number) and cut into chunks
of `Config.chunk_size` pairs, exactly where `qa.pipeline.Run.check_document` cuts them, so a chunk
is the unit of work and of output.

Results use the shared record format: one JSON object per segment,
`{"schema": "mtqa.segment/1", "source", "target", **segment_to_dict}`, keyed by (source, target, id);
a check crash is a `mtqa.failure/1` record. Each chunk's records go to one part file whose name is
fixed by (shard number, chunk number) and which is replaced atomically: a retried chunk rewrites
its own file, so a retry can neither lose nor duplicate a segment. `read_results` still
deduplicates by key when collecting, so a stray copy could never count twice.
"""

from __future__ import annotations

import glob
import json
import os
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from qa.errors import InputError, OutputError
from qa.model import AlignedPair, CheckFailure, SegmentResult
from qa.render.json import segment_to_dict


def _shard_suffixes() -> tuple[str, ...]:
    try:  # the bitext formats qa.textio.read_bitext reads besides .jsonl/.tsv (XLIFF, TMX, PO, CSV)
        from qa.formats import SUFFIXES
    except ImportError:
        SUFFIXES = ()
    return tuple(dict.fromkeys((".jsonl", ".tsv", ".parquet", *SUFFIXES)))


SHARD_SUFFIXES = _shard_suffixes()
SEGMENT_SCHEMA = "mtqa.segment/1"
FAILURE_SCHEMA = "mtqa.failure/1"
RESULT_FORMATS = ("jsonl", "parquet")
OPTIONAL_FIELDS = ("src_origins", "mt_origins")


# -- inputs ----------------------------------------------------------------------------------
def resolve_inputs(inputs: Sequence[str]) -> list[str]:
    """The shard files named by `inputs` (files, directories, globs), sorted and without repeats.

    A file given by name keeps the spelling it was given (the local engine's `source`); files
    found in a directory or by a glob are listed in sorted order.
    """
    found: list[str] = []
    for spec in inputs:
        path = Path(spec)
        if path.is_file():
            found.append(spec)
        elif path.is_dir():
            shards = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SHARD_SUFFIXES)
            if not shards:
                raise InputError(f"{spec}: a directory with no {', '.join(SHARD_SUFFIXES)} shards")
            found += shards
        elif glob.has_magic(spec):
            shards = sorted(p for p in glob.glob(spec, recursive=True) if Path(p).is_file())
            if not shards:
                raise InputError(f"{spec}: the pattern matches no file")
            found += shards
        else:
            raise InputError(f"{spec}: no such file, directory or glob match")
    for shard in found:
        if Path(shard).suffix.lower() not in SHARD_SUFFIXES:
            raise InputError(f"{shard}: not a bitext shard: use .jsonl, .tsv or .parquet (columns src, mt, optional ref, id)")
    return list(dict.fromkeys(found))


def read_pairs(path: str, encoding: str = "utf-8") -> Iterator[AlignedPair]:
    """One shard's pairs, validated and numbered as `qa.textio.read_bitext` does."""
    from qa import textio

    if Path(path).suffix.lower() != ".parquet":
        return textio.read_bitext(path, encoding)
    return textio.pairs_from_rows(Path(path), _parquet_rows(path))  # the same id rules as .jsonl/.tsv rows


def _parquet_rows(path: str) -> Iterator[tuple[int, dict]]:
    import pyarrow.parquet as pq

    from qa import textio

    try:
        shard = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid/OSError for a non-Parquet file
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    names = set(shard.schema_arrow.names)
    for key in ("src", "mt"):
        if key not in names:
            raise InputError(f"{path}: no {key!r} column (found: {', '.join(sorted(names))}): a shard needs src, mt (optional ref, id)")
    columns = [c for c in ("src", "mt", "ref", "id") if c in names]
    row_no = 0
    for batch in shard.iter_batches(columns=columns):
        for row in batch.to_pylist():
            row_no += 1
            yield row_no, textio.validated_row(Path(path), row_no, row)


def pack_pairs(pairs: Sequence[AlignedPair]) -> bytes:
    """A chunk of pairs for the trip from the reader to an actor (every field, origins and tags included)."""
    return pickle.dumps(list(pairs), protocol=pickle.HIGHEST_PROTOCOL)


def unpack_pairs(data: bytes) -> list[AlignedPair]:
    return pickle.loads(data)  # bytes this run's own reader produced, never user input


# -- records ---------------------------------------------------------------------------------
def segment_record(seg: SegmentResult, source: str | None, target: str | None) -> dict[str, Any]:
    return {"schema": SEGMENT_SCHEMA, "source": source, "target": target, **segment_to_dict(seg)}


def failure_record(failure: CheckFailure, source: str | None, target: str | None) -> dict[str, Any]:
    return {
        "schema": FAILURE_SCHEMA, "source": source, "target": target,
        "code": failure.code, "check": failure.check, "segment": failure.pair_id, "error": failure.error,
    }


def record_key(record: dict[str, Any]) -> tuple:
    return (record["schema"], record.get("source"), record.get("target"), record.get("id", record.get("segment")),
            record.get("code"))


def parquet_schema():
    """Segment records as typed Parquet columns (findings a list of structs, metrics a struct)."""
    import pyarrow as pa

    span = pa.list_(pa.int64())
    finding = pa.struct([
        ("code", pa.string()), ("check", pa.string()), ("category", pa.string()), ("severity", pa.string()),
        ("message", pa.string()), ("src_span", span), ("mt_span", span), ("suggestion", pa.string()),
    ])
    metrics = pa.struct([(name, pa.float64()) for name in ("similarity", "chrf", "bleu", "ter")])
    return pa.schema([
        ("schema", pa.string()), ("source", pa.string()), ("target", pa.string()), ("id", pa.string()),
        ("src", pa.string()), ("mt", pa.string()), ("ref", pa.string()),
        ("src_lines", pa.list_(pa.int64())), ("mt_lines", pa.list_(pa.int64())),
        ("src_origins", pa.list_(pa.list_(pa.int64()))), ("mt_origins", pa.list_(pa.list_(pa.int64()))),
        ("score", pa.float64()), ("metrics", metrics), ("findings", pa.list_(finding)),
    ])


def write_part(out_dir: str | Path, name: str, records: Sequence[dict[str, Any]], fmt: str) -> str:
    """Write one chunk's records to `out_dir/name.<fmt>` atomically; returns the file name.

    Segment records only for Parquet (its failures are in the summary; XLIFF/TMX inline tags are kept
    in JSONL results only); JSONL holds both kinds.
    """
    out_dir = Path(out_dir)
    final = out_dir / f"{name}.{fmt}"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{final.name}.", suffix=".tmp")
    os.close(fd)
    try:
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [r for r in records if r["schema"] == SEGMENT_SCHEMA]
            pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), tmp)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as handle:
                handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        os.replace(tmp, final)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{final}: cannot write results ({exc.strerror or exc})") from None
    return final.name


def prepare_output_dir(out_dir: str | Path) -> Path:
    """The results folder: created if missing; refused if it holds files (old parts would mix in)."""
    path = Path(out_dir)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file: with --engine ray, --output names a folder for the result shards")
    if path.is_dir() and any(path.iterdir()):
        raise OutputError(f"{path}: is not empty: give a new or empty folder for the result shards")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create the results folder ({exc.strerror or exc})") from None
    return path


def iter_part_records(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Every record of every part file, as written (in shard, chunk, row order)."""
    for part in sorted(Path(out_dir).glob("part-*")):
        if part.suffix == ".parquet":
            import pyarrow.parquet as pq

            for record in pq.read_table(part).to_pylist():
                # optional fields segment_to_dict leaves out when empty: absent, as in JSONL
                yield {k: v for k, v in record.items() if not (k in OPTIONAL_FIELDS and v is None)}
        else:
            yield from (json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line.strip())


def read_results(out_dir: str | Path) -> list[dict[str, Any]]:
    """A finished run's records, each key (source, target, id) once: what a collector should read."""
    seen: dict[tuple, dict[str, Any]] = {}
    for record in iter_part_records(out_dir):
        seen.setdefault(record_key(record), record)
    return list(seen.values())
