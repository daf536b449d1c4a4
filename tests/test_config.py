"""Configuration files (qa/configfile.py): mtqa.toml / [tool.mtqa], flags override, strict keys."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.cli import main
from qa.configfile import SETTINGS, effective, find_config, load_config
from qa.errors import UsageError
from qa.model import Severity

ROOT = Path(__file__).resolve().parents[1]
OMITTED = (("Pub and bar groups saw sales rise 2.7 per cent in July, but takings in restaurants were down 4.8 per cent, "
            "figures revealed."), "شهدت مجموعات الحانات والبارات ارتفاعًا في المبيعات بنسبة 2.7 في المائة في يوليو.")
KYIV = ("Talks must be between Kyiv and Moscow.", "يجب أن تكون المحادثات بين كيف وموسكو.")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_mtqa_toml_is_found_first_then_a_pyproject_with_tool_mtqa(tmp_path):
    assert find_config(cwd=tmp_path) is None
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(cwd=tmp_path) is None  # a pyproject without [tool.mtqa] is not a config
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.mtqa]\nfail-on = "major"\n')
    assert find_config(cwd=tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").get("fail-on") == "major"
    write(tmp_path / "mtqa.toml", 'fail-on = "minor"\n')
    assert find_config(cwd=tmp_path) == tmp_path / "mtqa.toml"
    with pytest.raises(UsageError, match="--config nope.toml: no such file"):
        find_config("nope.toml", cwd=tmp_path)


def test_every_key_is_read_and_paths_are_relative_to_the_file(tmp_path):
    path = write(tmp_path / "mtqa.toml", '''
model = "use-m3"
select = "NAM, NEG"
ignore = ["FMT007"]
fail_on = "major"
glossary = "terms.tsv"
min-score = 80
max-findings = { name = 0, total = 25 }
baseline = "/abs/baseline.json"
suppressions = "accepted.toml"

[severity]
NAM004 = "minor"
name-garbled-into-word = "major"

[settings]
"omission.threshold" = 0.2
[settings.negation.dropped]
major = 0.6
''')
    config = load_config(path)
    assert config.values == {
        "model": "use-m3", "select": ("NAM", "NEG"), "ignore": ("FMT007",), "fail-on": "major",
        "glossary": str(tmp_path / "terms.tsv"), "min-score": 80.0, "max-findings": ("name=0", "total=25"),
        "baseline": "/abs/baseline.json", "suppressions": str(tmp_path / "accepted.toml"),
    }
    assert config.severity == {"NAM004": Severity.MINOR, "NAM001": Severity.MAJOR}
    assert config.settings == {"omission.threshold": 0.2, "negation.dropped.major": 0.6}


@pytest.mark.parametrize("text, message", [
    ('fail-onn = "major"\n', "unknown key 'fail-onn'"),
    ('[settings]\n"omission.treshold" = 0.2\n', "unknown setting 'omission.treshold'"),
    ('[settings]\n"omission.threshold" = "high"\n', "must be a number"),
    ('[severity]\nNAM999 = "minor"\n', "unknown check 'NAM999'"),
    ('[severity]\nNAM001 = "fatal"\n', "must be critical, major or minor"),
    ('fail-on = "always"\n', "'fail-on' must be one of"),
    ('min-score = 120\n', "from 0 to 100"),
    ('max-findings = ["name=0"]\n', "a table CATEGORY = N"),
    ('select = [1]\n', "a list of check codes"),
    ('model = \n', "not valid TOML"),
])
def test_a_bad_config_is_a_usage_error_naming_the_key(tmp_path, text, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        load_config(write(tmp_path / "mtqa.toml", text))


def test_command_line_flags_override_the_file():
    file = type("F", (), {"values": {"fail-on": "minor", "model": "st:x"}})()
    cli = {"fail-on": "critical", "model": "use-m3"}
    assert effective(cli, {"fail-on"}, file) == {"fail-on": "critical", "model": "st:x"}
    assert effective(cli, set(), None) == cli


def test_settings_list_names_every_threshold_the_checks_read():
    """SETTINGS is what a config may set; it must cover every ctx.setting(...) in qa/checks."""
    from qa.polarity.decision import KINDS

    read = set()
    for source in (ROOT / "qa" / "checks").glob("*.py"):
        for name in re.findall(r"ctx\.setting\(f?\"([^\"]+)\"", source.read_text(encoding="utf-8")):
            read |= {name.replace("{candidate.kind}", kind) for kind in KINDS} if "{" in name else {name}
    assert read and read == set(SETTINGS)


# -- through the command ---------------------------------------------------------------------------


@pytest.fixture()
def mtqa(monkeypatch, encoder, tmp_path):
    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def jsonl(path: Path, *rows: tuple[str, str]) -> Path:
    return write(path, "".join(json.dumps({"src": s, "mt": m}, ensure_ascii=False) + "\n" for s, m in rows))


def test_config_severity_override_changes_the_finding_its_score_and_the_signature(mtqa, tmp_path):
    pairs = jsonl(tmp_path / "p.jsonl", KYIV)
    before = json.loads(mtqa("check", pairs, "-f", "json").stdout)
    write(tmp_path / "mtqa.toml", '[severity]\nNAM001 = "minor"\n')
    result = mtqa("check", pairs, "-f", "json")
    assert result.exit_code == 0  # the only finding is minor now: below the default fail-on
    after = json.loads(result.stdout)
    seg_before, seg_after = before["documents"][0]["segments"][0], after["documents"][0]["segments"][0]
    assert [f["severity"] for f in seg_after["findings"] if f["code"] == "NAM001"] == ["minor"]
    assert seg_after["score"] == seg_before["score"] + 25 - 1  # MQM penalty critical 25 -> minor 1
    assert after["signature"].endswith("|severity:NAM001=minor")
    assert "severity:" not in before["signature"]


def test_config_threshold_reaches_the_check_and_flags_override_the_file(mtqa, tmp_path):
    pairs = jsonl(tmp_path / "p.jsonl", OMITTED)

    def codes(result) -> list[str]:
        return [f["code"] for f in json.loads(result.stdout)["documents"][0]["segments"][0]["findings"]]

    assert "OMS001" in codes(mtqa("check", pairs, "-f", "json", "--fail-on", "never"))
    write(tmp_path / "pyproject.toml", '[tool.mtqa]\nfail-on = "never"\n[tool.mtqa.settings]\n"omission.threshold" = 0.9\n')
    result = mtqa("check", pairs, "-f", "json")
    assert result.exit_code == 0 and "OMS001" not in codes(result)
    assert "settings:omission.threshold=0.9" in json.loads(result.stdout)["signature"]
    write(tmp_path / "pyproject.toml", '[tool.mtqa]\nfail-on = "never"\nmax-findings = { name = 0 }\n')
    assert mtqa("check", jsonl(tmp_path / "k.jsonl", KYIV)).exit_code == 1
    assert mtqa("check", jsonl(tmp_path / "k.jsonl", KYIV), "--fail-on", "minor", "--max-findings", "name=5").exit_code == 1
    other = write(tmp_path / "other.toml", 'fail-on = "never"\n')
    assert mtqa("check", jsonl(tmp_path / "k.jsonl", KYIV), "--config", other).exit_code == 0


def test_a_bad_config_file_fails_the_command_with_exit_2_and_one_line(mtqa, tmp_path):
    write(tmp_path / "mtqa.toml", 'colour = "red"\n')
    result = mtqa("check", jsonl(tmp_path / "p.jsonl", KYIV))
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        (f"mtqa: error: {tmp_path / 'mtqa.toml'}: unknown key 'colour' (known: model, select, ignore, fail-on, glossary, "
         "min-score, max-findings, baseline, suppressions, severity, settings)")]
