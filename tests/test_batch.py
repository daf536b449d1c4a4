"""Batches: documents found by naming convention or listed in a manifest, streamed as JSON Lines,
resumed after a kill. The parallel, killed-and-resumed acceptance run is tests/test_batch_resume.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.batch import discover, read_manifest
from qa.cli import main
from qa.config import Config
from qa.errors import InputError
from qa.model import AlignedPair
from qa.pipeline import Run, check_documents, check_pairs
from qa.records import read_stream

SAMPLES = Path(__file__).resolve().parents[1] / "reference" / "samples"


def touch(path: Path, text: str = "x\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def mtqa(monkeypatch, encoder):
    """The CLI in-process (--jobs 1) with the session's encoder; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)

    def invoke(*args):
        result = CliRunner().invoke(main, [str(a) for a in args] + ["--jobs", "1"], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke


@pytest.fixture()
def folder(tmp_path, ntrex):
    """Four small NTREX documents (3 lines each), one with a reference, and one bitext file."""
    root = tmp_path / "batch"
    docs: dict[str, list[tuple[str, str]]] = {}
    for en, ar, doc in ntrex:
        docs.setdefault(doc, []).append((en, ar))
    for n, (doc, rows) in enumerate(list(docs.items())[:4]):
        rows = rows[:3]
        touch(root / f"{doc}.en.txt", "".join(en + "\n" for en, _ in rows))
        touch(root / f"{doc}.ar.txt", "".join(ar + "\n" for _, ar in rows))
        if n == 0:
            touch(root / f"{doc}.ref.ar.txt", "".join(ar + "\n" for _, ar in rows))
    bitext = [{"src": "The talks will resume on Monday.", "mt": "ستستأنف المحادثات يوم الاثنين.", "id": "a"},
              {"src": "The talks will resume on Monday.", "mt": "The talks will resume on Monday.", "id": "b"}]
    touch(root / "sub" / "rows.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in bitext))
    return root


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


# -- the streaming pipeline API ------------------------------------------------------------------


def test_streamed_batches_concatenate_to_check_document_with_and_without_document_checks(encoder):
    src = (SAMPLES / "riviera-storm.en.txt").read_text(encoding="utf-8").splitlines()
    mt = (SAMPLES / "riviera-storm.ar.txt").read_text(encoding="utf-8").splitlines()
    from qa.checks.registry import all_checks

    document_scope = tuple(c.code for c in all_checks() if c.scope == "document")  # NAM006, NAM007
    for ignore in ((), document_scope):  # a document-scope check makes the whole document one batch
        config = Config(ignore=ignore, chunk_size=5)
        pairs = Run(config, encoder).align_documents(src, mt)
        whole = Run(config, encoder).check_document(pairs)
        batches = list(Run(config, encoder).stream_document(iter(pairs)))
        assert [len(b) for b in batches] == ([len(pairs)] if not ignore else [5, 5, len(pairs) - 10])
        assert [s for batch in batches for s in batch] == list(whole.segments)


def test_a_document_scope_finding_on_an_early_pair_reaches_the_stream(encoder):
    # The odd spelling comes first, in the first chunk: NAM006 flags it only after the last chunk.
    pairs = [
        AlignedPair("1", "The Senate confirmed Kavanaugh.", "أكد مجلس الشيوخ تعيين كافاناه."),
        AlignedPair("2", "Judge Kavanaugh denied the allegations.", "نفى القاضي كافانو الادعاءات."),
        AlignedPair("3", "On Thursday Kavanaugh spoke again.", "يوم الخميس تحدث كافانو مجددا."),
    ]
    config = Config(select=("NAM006",), chunk_size=1)
    whole = check_pairs(pairs, config, encoder)
    streamed = [s for batch in Run(config, encoder).stream_document(pairs) for s in batch]
    assert streamed == list(whole.segments())
    assert [[f.code for f in s.findings] for s in streamed] == [["NAM006"], [], []]


# -- finding the documents -----------------------------------------------------------------------


def test_a_folder_pairs_en_and_ar_files_with_optional_reference_and_takes_bitext_files(folder):
    touch(folder / "notes.md")
    touch(folder / ".hidden" / "x.en.txt")
    batch = discover(folder)
    pairs = [j for j in batch.jobs if j.target]
    assert len(pairs) == 4 and all(j.source.endswith(".en.txt") and j.target.endswith(".ar.txt") for j in pairs)
    assert all(Path(j.source).name.removesuffix(".en.txt") == Path(j.target).name.removesuffix(".ar.txt") for j in pairs)
    assert sum(j.reference is not None for j in pairs) == 1
    assert [Path(j.source).name for j in batch.jobs if j.target is None] == ["rows.jsonl"]
    assert [j.index for j in batch.jobs] == list(range(5))
    assert batch.ignored == (str(folder / "notes.md"),)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (["a.en.txt"], "a.en.txt: no Arabic MT a.ar.txt beside it"),
        (["a.ar.txt"], "a.ar.txt: no English source a.en.txt beside it"),
        (["a.ref.ar.txt", "b.en.txt", "b.ar.txt"], "a.ref.ar.txt: no English source a.en.txt"),
        (["notes.md"], "no documents found"),
    ],
)
def test_an_unpaired_file_or_an_empty_folder_is_an_error_naming_it(tmp_path, files, message):
    for name in files:
        touch(tmp_path / name)
    with pytest.raises(InputError, match=message):
        discover(tmp_path)


def test_a_manifest_resolves_relative_paths_against_its_folder(tmp_path):
    touch(tmp_path / "m" / "list.tsv", "# documents\nsource\ttarget\treference\nd/a.en.txt\td/a.ar.txt\n\nrows.jsonl\t\n/abs/b.en.txt\t/abs/b.ar.txt\tr.txt\n")
    jobs = read_manifest(tmp_path / "m" / "list.tsv").jobs
    base = tmp_path / "m"
    assert [(j.source, j.target, j.reference) for j in jobs] == [
        (str(base / "d/a.en.txt"), str(base / "d/a.ar.txt"), None),
        (str(base / "rows.jsonl"), None, None),
        ("/abs/b.en.txt", "/abs/b.ar.txt", str(base / "r.txt")),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("src\tmt\na\tb\n", "must name the columns source, target"),
        ("source\ttarget\na.en.txt\t\n", "line 2: no target for a.en.txt"),
        ("source\ttarget\na\tb\na\tb\n", "line 3: the same source and target as line 2"),
        ("source\ttarget\n", "has a header but no documents"),
    ],
)
def test_a_malformed_manifest_names_its_line(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        read_manifest(touch(tmp_path / "list.tsv", text))


def test_a_missing_manifest_path_fails_before_the_encoder_loads(monkeypatch, tmp_path):
    def no_model(model):
        raise AssertionError("the encoder must not load before the inputs are validated")

    monkeypatch.setattr("qa.pipeline.open_encoder", no_model)
    touch(tmp_path / "a.en.txt", "Hello.\n")
    touch(tmp_path / "a.ar.txt", "مرحبا.\n")
    manifest = touch(tmp_path / "list.tsv", "source\ttarget\na.en.txt\ta.ar.txt\nb.en.txt\tb.ar.txt\n")
    result = CliRunner().invoke(main, ["check", "--manifest", str(manifest), "--format", "jsonl"])
    assert result.exit_code == 2
    assert result.stderr == f"mtqa: error: {tmp_path / 'b.en.txt'}: no such file\n"


# -- streaming and resuming through the command ---------------------------------------------------


def test_the_stream_holds_each_document_as_a_single_run_checks_it(mtqa, folder, encoder, tmp_path):
    out = tmp_path / "out.jsonl"
    code, stdout, stderr = mtqa("check", folder, "--format", "jsonl", "--output", out)
    records = [json.loads(line) for line in lines(out)]
    assert stdout == "" and stderr.startswith("mtqa: FAILED: ") and "in 5 documents" in stderr
    assert code == 1  # the bitext's copied row is a critical LNG002
    for job in discover(folder).jobs:
        mine = [r for r in records if (r["source"], r["target"]) == job.key]
        assert mine[-1]["schema"] == "mtqa.document/1" and mine[-1]["segments"] == len(mine) - 1
        if job.target is None:
            from qa.textio import read_bitext

            report = check_pairs(list(read_bitext(job.source)), encoder=encoder)
        else:
            report = check_documents(job.source, job.target, job.reference, encoder=encoder)
        expected = json.loads(mtqa_render(report))
        assert [{k: v for k, v in r.items() if k not in ("schema", "source", "target")} for r in mine[:-1]] == expected


def mtqa_render(report) -> str:
    from qa.render.json import segment_to_dict

    return json.dumps([segment_to_dict(s) for s in report.segments()], ensure_ascii=False)


def test_resume_drops_a_torn_line_and_an_incomplete_document_and_completes_the_stream(mtqa, folder, tmp_path):
    full = tmp_path / "full.jsonl"
    assert mtqa("check", folder, "--format", "jsonl", "--output", full)[0] == 1
    kept = lines(full)
    # A run killed while writing its third document: two complete, one document's lines and half a line.
    ends = [i for i, line in enumerate(kept) if '"mtqa.document/1"' in line]
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(kept[: ends[1] + 1] + kept[ends[1] + 1 : ends[2]] + [kept[ends[2]][:40]]), encoding="utf-8")
    state = read_stream(cut)
    assert len(state.documents.complete) == 2 and state.dropped_lines == ends[2] - ends[1]
    code, _, stderr = mtqa("check", folder, "--format", "jsonl", "--output", cut, "--resume")
    assert code == 1 and "2 documents resumed from" in stderr and "in 5 documents" in stderr
    assert sorted(lines(cut)) == sorted(kept)
    # Resuming a complete stream changes nothing and still reports over the whole file.
    code, _, stderr = mtqa("check", folder, "--format", "jsonl", "--output", cut, "--resume")
    assert code == 1 and "5 documents resumed" in stderr and sorted(lines(cut)) == sorted(kept)


def test_resume_with_other_settings_is_refused_and_leaves_the_file_alone(mtqa, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    mtqa("check", folder, "--format", "jsonl", "--output", out)
    before = out.read_bytes()
    out.write_bytes(before[: before.rindex(b'{"schema": "mtqa.document/1"')])  # the last document incomplete
    cut = out.read_bytes()
    code, _, stderr = mtqa("check", folder, "--format", "jsonl", "--output", out, "--resume", "--ignore", "NAM")
    assert code == 2 and "written with other settings" in stderr and out.read_bytes() == cut


def test_resume_needs_a_jsonl_output_file(mtqa, folder):
    code, _, stderr = mtqa("check", folder, "--resume")
    assert code == 2 and "--resume continues a JSON Lines stream: give --format jsonl --output FILE" in stderr


def test_a_folder_checked_to_json_is_one_report_in_folder_order(mtqa, folder):
    code, stdout, _ = mtqa("check", folder, "--format", "json")
    report = json.loads(stdout)
    assert code == 1 and [d["source"] for d in report["documents"]] == [j.source for j in discover(folder).jobs]
    assert report["summary"]["segments"] == sum(len(d["segments"]) for d in report["documents"])


def test_a_document_that_cannot_be_checked_is_a_failure_record_and_resume_retries_it(mtqa, folder, tmp_path, monkeypatch):
    from qa.pipeline import Run

    broken = discover(folder).jobs[1]
    align = Run.align_documents

    def fails_on_one(self, source, target, reference=None):
        if source == Path(broken.source).read_text(encoding="utf-8").splitlines():
            raise RuntimeError("aligner bug")
        return align(self, source, target, reference)

    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(Run, "align_documents", fails_on_one)
    code, _, stderr = mtqa("check", folder, "--format", "jsonl", "--output", out)
    records = [json.loads(line) for line in lines(out)]
    failure = [r for r in records if r["schema"] == "mtqa.failure/1"]
    assert code == 3 and "in 4 documents" in stderr and "1 check crash(es)" in stderr
    assert [(f["source"], f["check"], f["error"]) for f in failure] == [
        (broken.source, "document", f"{broken.source}: RuntimeError: aligner bug")
    ]
    assert not any(r["source"] == broken.source and r["schema"] != "mtqa.failure/1" for r in records)
    monkeypatch.setattr(Run, "align_documents", align)
    code, _, stderr = mtqa("check", folder, "--format", "jsonl", "--output", out, "--resume")
    assert code == 1 and "in 5 documents" in stderr and "4 documents resumed" in stderr
    assert not any(json.loads(line)["schema"] == "mtqa.failure/1" for line in lines(out))


def test_the_jsonl_renderer_writes_the_records_the_command_streams(mtqa, encoder, tmp_path):
    from qa.render import render
    from qa.textio import read_bitext

    rows = tmp_path / "rows.jsonl"
    touch(rows, json.dumps({"src": "Prices rose by 3% in May.", "mt": "ارتفعت الأسعار بنسبة 3% في مايو."}, ensure_ascii=False) + "\n")
    code, stdout, _ = mtqa("check", rows, "--format", "jsonl")
    report = check_pairs(list(read_bitext(rows)), encoder=encoder, source=str(rows))
    assert code == 0 and stdout == render(report, "jsonl")
