"""Every refused input through the CLI: exit 2, one line `mtqa: error: ...`, no traceback, no work done.

docs/reliability.md lists each input with the test here (or in test_textio/test_cli) that pins it.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from qa.cli import main

EN = "The talks will resume on Monday in Geneva."
AR = "ستستأنف المحادثات يوم الاثنين في جنيف."


@pytest.fixture()
def mtqa(monkeypatch, encoder):
    """The CLI in-process; `loads` counts encoder loads, so a refusal can be shown to cost no model."""
    loads = []

    def open_encoder(model):
        loads.append(model)
        return encoder

    monkeypatch.setattr("qa.pipeline.open_encoder", open_encoder)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    invoke.loads = loads
    return invoke


def refused(result, *fragments: str) -> str:
    """The one stderr line of a refusal (exit 2), after checking its shape and its fragments."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtqa: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def pair_files(tmp_path, src: bytes, mt: bytes):
    source, target = tmp_path / "a.en.txt", tmp_path / "a.ar.txt"
    source.write_bytes(src)
    target.write_bytes(mt)
    return source, target


# -- encodings and bytes ------------------------------------------------------------------------


def test_a_cp1256_target_is_read_under_the_default_auto(mtqa, tmp_path):
    arabic = "قال المتحدث باسم الحكومة إن المحادثات ستستأنف يوم الاثنين في جنيف بعد توقف دام أسبوعين."
    source, target = pair_files(
        tmp_path, b"The government spokesman said the talks would resume on Monday in Geneva after a two-week pause.\n",
        f"{arabic}\n".encode("cp1256"),
    )
    result = mtqa("check", source, target, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["documents"][0]["segments"][0]["mt"] == arabic


@pytest.mark.parametrize(
    "mt,fragments",
    [
        (f"{AR}\n".encode("utf-16-le"), ["a.ar.txt: line 1 has a NUL byte: not a text file", "utf-16-le"]),
        (bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)) * 8, ["not a text file"]),
        (("\x01\x02\x03 x " * 100).encode(), ["are control characters: not a text file"]),
        (f"{AR}\n".encode().decode("cp1256").encode(), ["a.ar.txt: line 1 is mojibake (", "iconv -f utf-8 -t cp1256"]),
        (f"{AR}\n".encode().decode("cp1252", errors="ignore").encode(), ["line 1 is mojibake (", "decoded as cp1252"]),
        (b"x\xd3\xe1y\n", ["a.ar.txt: line 1 is not valid utf-8 (byte 0xd3): give the file's encoding with --encoding"]),
    ],
    ids=["utf16-without-bom", "binary", "control-characters", "mojibake-cp1256", "mojibake-cp1252", "stray-bytes"],
)
def test_undecodable_or_binary_targets_are_refused_before_the_model_loads(mtqa, tmp_path, mt, fragments):
    source, target = pair_files(tmp_path, f"{EN}\n".encode(), mt)
    refused(mtqa("check", source, target), *fragments)
    assert mtqa.loads == []


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_files_with_a_byte_order_mark_are_checked(mtqa, tmp_path, bom, codec):
    source, target = pair_files(tmp_path, bom + f"{EN}\n".encode(codec), bom + f"{AR}\n".encode(codec))
    result = mtqa("check", source, target, "--format", "json")
    assert result.exit_code == 0, result.output
    segment = json.loads(result.stdout)["documents"][0]["segments"][0]
    assert (segment["src"], segment["mt"]) == (EN, AR)


def test_a_utf8_file_with_a_wrong_encoding_option_says_to_drop_it(mtqa, tmp_path):
    source, target = pair_files(tmp_path, f"{EN}\n".encode(), f"{AR}\n".encode())
    refused(mtqa("check", source, target, "--encoding", "cp1256"), "a.ar.txt: line 1 read as cp1256 shows UTF-8 Arabic", "drop --encoding")


# -- structured inputs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,content,fragments",
    [
        ("p.jsonl", '{"src": "\\ud83d", "mt": "x"}\n', ["p.jsonl, line 1: 'src' has a lone surrogate \\ud83d at character 1"]),
        ("p.jsonl", '{"src": "a", "mt": "b", "id": ' + "7" * 5000 + "}\n", ["p.jsonl, line 1: not usable JSON (Exceeds the limit"]),
        ("p.jsonl", '{"src": "a", "mt": "b"}\n{"src": "a" "mt": "b"}\n', ["p.jsonl, line 2: not JSON (Expecting ',' delimiter, column 13)"]),
        ("p.jsonl", '{"src": "a", "mt": NaN}\n', ["p.jsonl, line 1: 'mt' must be a string, got float"]),
        ("p.tsv", "src\tmt\na\tb\tc\td\n", ["p.tsv, line 2: 4 tab-separated fields, the header has 2 (an extra field starts at column 5)"]),
        ("p.tsv", "\ufeffsrc\tmt\n\n", ["p.tsv: has a header but no rows"]),
        ("p.docx", "src,mt\na,b\n", ["p.docx: a single input must be a .jsonl or .tsv bitext file", ".xlf, .xliff, .tmx, .po, .csv"]),
    ],
    ids=["lone-surrogate", "huge-integer", "jsonl-syntax", "jsonl-nan", "tsv-extra-fields", "tsv-header-only", "unknown-suffix"],
)
def test_malformed_bitext_is_refused_with_line_and_column(mtqa, tmp_path, name, content, fragments):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    refused(mtqa("check", path), *fragments)
    assert mtqa.loads == []


def test_a_bare_carriage_return_inside_a_tsv_field_is_kept_as_text(tmp_path):
    from qa.textio import read_bitext

    path = tmp_path / "p.tsv"
    path.write_text(f"src\tmt\n{EN}\rmore\t{AR}\n", encoding="utf-8")
    (pair,) = read_bitext(path)
    assert pair.src == f"{EN}\rmore"


def test_a_glossary_row_with_more_fields_than_its_header_is_refused(mtqa, tmp_path):
    glossary = tmp_path / "g.tsv"
    glossary.write_text("en\tar\nGeneva\tجنيف\textra\n", encoding="utf-8")
    source, target = pair_files(tmp_path, f"{EN}\n".encode(), f"{AR}\n".encode())
    refused(
        mtqa("check", source, target, "--glossary", glossary),
        "g.tsv, line 2: 3 tab-separated fields, the header has 2 (an extra field starts at column 13)",
    )


# -- resource limits ----------------------------------------------------------------------------


def test_a_sentence_longer_than_max_segment_chars_is_refused_with_its_place(mtqa, tmp_path):
    blob = "Word " * 2000  # 10,000 characters and no full stop: one sentence
    source, target = pair_files(tmp_path, f"{EN}\n{EN} {blob}\n".encode(), f"{AR}\n{AR}\n".encode())
    refused(
        mtqa("check", source, target),
        "a.en.txt, line 2, column 44: a sentence has 9,999 characters, more than --max-segment-chars 5000: split it, or raise the limit",
    )
    assert mtqa.loads == []
    assert mtqa("check", source, target, "--max-segment-chars", "20000", "--select", "LNG").exit_code in (0, 1)


def test_a_bitext_row_longer_than_the_limit_is_refused_with_its_id(mtqa, tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"src": EN, "mt": AR * 10, "id": "r1"}) + "\n", encoding="utf-8")
    refused(mtqa("check", path, "--max-segment-chars", "100"), "p.jsonl, row 1 (id 'r1'): 'mt' has 380 characters, more than --max-segment-chars 100")


def test_a_batch_holds_every_document_to_the_limit_before_any_work_starts(mtqa, tmp_path):
    # A folder and a JSON Lines stream go through the batch engine: the same limit, the same message.
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "ok.en.txt").write_text(f"{EN}\n", encoding="utf-8")
    (folder / "ok.ar.txt").write_text(f"{AR}\n", encoding="utf-8")
    (folder / "long.jsonl").write_text(json.dumps({"src": EN, "mt": AR * 10, "id": "r1"}) + "\n", encoding="utf-8")
    refused(mtqa("check", folder, "--max-segment-chars", "100"), "long.jsonl, row 1 (id 'r1'): 'mt' has 380 characters, more than --max-segment-chars 100")
    assert mtqa.loads == []
    blob = "Word " * 40
    (folder / "long.jsonl").unlink()
    (folder / "ok.en.txt").write_text(f"{EN} {blob}\n", encoding="utf-8")
    refused(
        mtqa("check", folder, "--format", "jsonl", "--max-segment-chars", "150"),
        "ok.en.txt, line 1, column 44: a sentence has 199 characters, more than --max-segment-chars 150",
    )


def test_a_limit_below_one_is_a_usage_error(mtqa, tmp_path):
    source, target = pair_files(tmp_path, f"{EN}\n".encode(), f"{AR}\n".encode())
    refused(mtqa("check", source, target, "--max-segment-chars", "0"), "Invalid value for '--max-segment-chars'")


# -- outputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["missing-folder", "directory"])
def test_an_unwritable_output_fails_before_any_input_is_read_or_model_loaded(mtqa, tmp_path, where):
    output = tmp_path / "no" / "r.json" if where == "missing-folder" else tmp_path
    source, target = pair_files(tmp_path, f"{EN}\n".encode(), f"{AR}\n".encode())
    line = refused(mtqa("check", source, target, "-o", output))
    assert "create it first" in line or "is a directory" in line
    assert mtqa.loads == []


def test_a_killed_write_leaves_the_old_report_intact(tmp_path):
    """SIGKILL in the middle of write_atomic (after the bytes, before the rename): the old file stays."""
    report = tmp_path / "report.json"
    report.write_text('{"old": true}\n', encoding="utf-8")
    child = textwrap.dedent(
        f"""
        import os, sys, time
        from qa import textio
        def stall(fd):
            print("writing", flush=True)
            time.sleep(60)
        textio.os.fsync = stall
        textio.write_atomic({str(report)!r}, "x" * 5_000_000)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    assert proc.stdout.readline() == "writing\n"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert report.read_text(encoding="utf-8") == '{"old": true}\n'
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.json"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".report.json.") and leftovers[0].endswith(".tmp")


def test_ctrl_c_during_a_write_keeps_the_old_report_and_removes_the_temporary(tmp_path, monkeypatch):
    from qa import textio

    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(textio.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        textio.write_atomic(report, "new")
    assert report.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_report_to_a_named_pipe_is_written_into_the_pipe_not_over_it(tmp_path):
    from threading import Thread

    from qa.textio import write_atomic

    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received = []
    reader = Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_atomic(fifo, "report ✓ تقرير\n")
    reader.join(timeout=10)
    assert received == ["report ✓ تقرير\n"]
    assert fifo.is_fifo() and [p.name for p in tmp_path.iterdir()] == ["report.pipe"]


def test_a_report_path_that_is_a_symlink_updates_the_file_it_points_to(tmp_path):
    from qa.textio import write_atomic

    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
