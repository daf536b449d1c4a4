"""The Ray engine's packaging and its Ray-free parts: shard discovery, result files, summary folding."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.cli import main
from qa.engines import shards
from qa.engines.summary import chunk_stats, fold
from qa.errors import InputError, OutputError
from qa.model import (
    AlignedPair,
    Category,
    DocumentResult,
    Finding,
    SegmentResult,
    Severity,
)
from qa.scoring import summarize

ROOT = Path(__file__).resolve().parents[1]


def _requirement_names(requirements: list[str]) -> set[str]:
    return {r.split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower() for r in requirements}


def test_the_core_install_does_not_pull_ray_and_the_ray_extra_does():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not {"ray", "pyarrow"} & _requirement_names(project["dependencies"])
    extra = project["optional-dependencies"]["ray"]
    assert _requirement_names(extra) == {"ray", "pyarrow"}
    assert all(">=" in requirement for requirement in extra), "the ray extra pins lower bounds"
    assert any(r.startswith("ray[data]") for r in extra)
    assert "mtqa[ray]" in project["optional-dependencies"]["dev"], "CI installs .[dev], so it runs the Ray tests"


def test_shards_are_found_in_a_folder_and_by_a_glob_in_sorted_order(tmp_path):
    for name in ("b.jsonl", "a.parquet", "notes.txt", "sub/c.tsv"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    folder = shards.resolve_inputs([str(tmp_path)])
    assert [Path(p).relative_to(tmp_path).as_posix() for p in folder] == ["a.parquet", "b.jsonl", "sub/c.tsv"]
    assert shards.resolve_inputs([str(tmp_path / "*.jsonl"), str(tmp_path / "b.jsonl")]) == [str(tmp_path / "b.jsonl")]


@pytest.mark.parametrize("spec, message", [("missing.jsonl", "no such file"), ("*.nothing", "matches no file")])
def test_an_input_that_names_no_shard_is_an_input_error(tmp_path, monkeypatch, spec, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=message):
        shards.resolve_inputs([spec])


def test_a_results_folder_with_files_in_it_is_refused(tmp_path):
    (tmp_path / "part-00000-000000.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(OutputError, match="not empty"):
        shards.prepare_output_dir(tmp_path)


def test_parquet_shard_rows_get_the_same_ids_and_validation_as_jsonl(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = [{"src": "One.", "mt": "واحد."}, {"src": "Two.", "mt": "اثنان.", "id": "x"}]
    columns = {key: [row.get(key) for row in rows] for key in ("src", "mt", "id")}
    pq.write_table(pa.Table.from_pydict(columns), tmp_path / "s.parquet")
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert list(shards.read_pairs(str(tmp_path / "s.parquet"))) == list(shards.read_pairs(str(tmp_path / "s.jsonl")))
    pq.write_table(pa.Table.from_pylist([{"src": "One.", "mt": None}]), tmp_path / "bad.parquet")
    with pytest.raises(InputError, match="'mt' must be a string"):
        list(shards.read_pairs(str(tmp_path / "bad.parquet")))


def test_a_segment_written_twice_is_collected_once(tmp_path):
    seg = SegmentResult(AlignedPair("7", "Hi.", "مرحبا."), 90.0, {"similarity": 0.8, "chrf": None, "bleu": None, "ter": None}, ())
    record = shards.segment_record(seg, "a.jsonl", None)
    shards.write_part(tmp_path, "part-00000-000000", [record], "jsonl")
    shards.write_part(tmp_path, "part-00000-000001", [record], "jsonl")  # a stray second copy
    assert len(list(shards.iter_part_records(tmp_path))) == 2
    assert shards.read_results(tmp_path) == [record]


def test_folded_chunk_statistics_equal_the_local_summary(ntrex):
    segments = []
    for i, (en, ar, _) in enumerate(ntrex[:150]):
        findings = (Finding("NAM001", "name", Category.NAME, Severity.MAJOR, "m"),) if i % 7 == 0 else ()
        ref = ar if i % 3 else None  # some rows with a reference: corpus chrF/BLEU/TER from summed statistics
        segments.append(SegmentResult(AlignedPair(str(i), en, ar[::-1], ref, similarity=0.5 + i / 997), 40 + i / 3, {}, findings))
    local = summarize([DocumentResult("a", None, tuple(segments[:90])), DocumentResult("b", None, tuple(segments[90:]))], Severity.MAJOR)
    chunks = [chunk_stats(segments[i : min(i + 32, 90)]) for i in range(0, 90, 32)] + [chunk_stats(segments[90:])]
    assert fold(chunks, Severity.MAJOR) == local
    assert local["metrics"]["bleu"]["score"] > 0 and local["passed"] is False


def test_engine_options_without_the_ray_engine_are_a_usage_error():
    result = CliRunner().invoke(main, ["check", "pairs.jsonl", "--workers", "2"])
    assert result.exit_code == 2
    assert "--address and --workers go with --engine ray" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["pairs.jsonl", "--engine", "ray"], "give a folder with -o/--output"),
        (["a.txt", "b.txt", "--ref", "r.txt", "--engine", "ray", "-o", "out"], "give each row a 'ref' instead of --ref"),
    ],
)
def test_the_ray_engine_refuses_what_it_cannot_do_before_starting_ray(args, message):
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code == 2
    assert message in result.output
