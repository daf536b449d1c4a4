"""Configuration files: `mtqa.toml`, or `[tool.mtqa]` in `pyproject.toml`.

Looked up in the current directory (mtqa.toml first, then a pyproject.toml that has a
[tool.mtqa] table), or given with `--config FILE` (a pyproject.toml is read at [tool.mtqa], any
other file at its top level). Command-line flags override the file. Keys (kebab-case; snake_case
is accepted too), every one optional:

    model = "use-m3"                      # --model
    select = ["NAM", "NEG"]               # --select (a list, or a comma-separated string)
    ignore = ["FMT007"]                   # --ignore
    fail-on = "major"                     # --fail-on: critical | major | minor | never
    glossary = "terms.tsv"                # --glossary (relative to the config file's folder)
    min-score = 80                        # --min-score
    max-findings = { name = 0, total = 25 }   # --max-findings CATEGORY=N
    baseline = "mtqa-baseline.json"       # --baseline
    suppressions = "mtqa-suppressions.toml"   # --suppressions

    [severity]                            # [tool.mtqa.severity]: per-check severity overrides
    NAM004 = "minor"                      # by check code or name

    [settings]                            # [tool.mtqa.settings]: check thresholds (SETTINGS)
    "omission.threshold" = 0.12           # or nested: [settings.omission] threshold = 0.12

An unknown key, setting or check is an error naming it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from metrics.encoders import DEFAULT_MODEL
from qa.config import Config
from qa.errors import UsageError
from qa.gate import GateOptions
from qa.model import Severity
from qa.textio import read_text

CONFIG_NAMES = ("mtqa.toml", "pyproject.toml")
FAIL_ON = ("critical", "major", "minor", "never")

# Every threshold a check reads with ctx.setting(name, default): name -> what it is.
# tests/test_config.py checks this list against the ctx.setting calls in qa/checks/.
SETTINGS = {
    "omission.threshold": "OMS001: how much closer the source's dropped clause must bring the sides (cosine gain)",
    "addition.threshold": "ADD001: the same for a clause the Arabic adds",
    **{
        f"negation.{kind}.{level}": f"NEG: the decision probability from which a {kind} negation is {level}"
        for kind in ("dropped", "added", "antonym")
        for level in ("major", "critical")
    },
}
KEYS = ("model", "select", "ignore", "fail-on", "glossary", "min-score", "max-findings", "baseline", "suppressions",
        "severity", "settings")


@dataclass(frozen=True)
class FileConfig:
    """What a configuration file says, validated; paths resolved against the file's folder."""

    path: Path
    values: dict[str, Any] = field(default_factory=dict)  # KEYS present in the file -> value
    severity: dict[str, Severity] = field(default_factory=dict)
    settings: dict[str, float] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def to_config(self, encoding: str = "utf-8") -> Config:
        """The run settings this file gives (for the Python API; the CLI merges its flags first)."""
        from qa.textio import read_glossary

        fail_on = self.get("fail-on", "critical")
        return Config(
            model=self.get("model", DEFAULT_MODEL),
            select=self.get("select", ()),
            ignore=self.get("ignore", ()),
            fail_on=None if fail_on == "never" else Severity(fail_on),
            glossary=read_glossary(self.get("glossary"), encoding) if self.get("glossary") else (),
            settings=dict(self.settings),
            severities=dict(self.severity),
        )

    def gate_options(self) -> GateOptions:
        """The CI gate this file sets (fail-on, min-score, max-findings, baseline, suppressions)."""
        from qa.gatefiles import gate_options

        fail_on = self.get("fail-on", "critical")
        return gate_options(None if fail_on == "never" else Severity(fail_on), self.get("min-score"),
                            self.get("max-findings", ()), self.get("baseline"), self.get("suppressions"))


def find_config(explicit: str | Path | None = None, cwd: Path | None = None) -> Path | None:
    """The config file to use: `explicit`, else mtqa.toml, else a pyproject.toml with [tool.mtqa]."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"--config {path}: no such file")
        return path
    cwd = cwd or Path.cwd()
    if (cwd / "mtqa.toml").is_file():
        return cwd / "mtqa.toml"
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file() and "mtqa" in _parse(pyproject).get("tool", {}):
        return pyproject
    return None


def load_config(path: str | Path) -> FileConfig:
    path = Path(path)
    data = _parse(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtqa", {})
        where = f"{path} [tool.mtqa]"
    else:
        where = str(path)
    if not isinstance(data, dict):
        raise UsageError(f"{where}: expected a table of settings")
    values: dict[str, Any] = {}
    severity: dict[str, Severity] = {}
    settings: dict[str, float] = {}
    for raw_key, value in data.items():
        key = raw_key.replace("_", "-")
        if key not in KEYS:
            raise UsageError(f"{where}: unknown key {raw_key!r} (known: {', '.join(KEYS)})")
        if key == "severity":
            severity = _severities(where, value)
        elif key == "settings":
            settings = _settings(where, value)
        else:
            values[key] = _value(where, key, value, path.parent)
    return FileConfig(path, values, severity, settings)


def _parse(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc})") from None


def _value(where: str, key: str, value: Any, base: Path) -> Any:
    if key in ("select", "ignore"):
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise UsageError(f"{where}: {key!r} must be a list of check codes, names or categories")
        return tuple(i.strip() for i in items if i.strip())
    if key == "fail-on":
        if value not in FAIL_ON:
            raise UsageError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}, got {value!r}")
        return value
    if key == "min-score":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise UsageError(f"{where}: 'min-score' must be a number from 0 to 100, got {value!r}")
        return float(value)
    if key == "max-findings":
        if not isinstance(value, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
            raise UsageError(f"{where}: 'max-findings' must be a table CATEGORY = N, e.g. {{ name = 0 }}")
        return tuple(f"{k}={v}" for k, v in value.items())
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{where}: {key!r} must be a non-empty string")
    if key in ("glossary", "baseline", "suppressions"):
        return str(base / value) if not Path(value).is_absolute() else value
    return value


def _severities(where: str, table: Any) -> dict[str, Severity]:
    if not isinstance(table, dict):
        raise UsageError(f"{where}: 'severity' must be a table CHECK = \"critical\" | \"major\" | \"minor\"")
    from qa.checks.registry import all_checks

    codes = {c.code: c.code for c in all_checks()} | {c.name: c.code for c in all_checks()}
    out = {}
    for check, level in table.items():
        if check not in codes:
            raise UsageError(f"{where}: severity for unknown check {check!r}: run 'mtqa checks' to list codes and names")
        if level not in [s.value for s in Severity]:
            raise UsageError(f"{where}: severity of {check} must be critical, major or minor, got {level!r}")
        out[codes[check]] = Severity(level)
    return out


def _settings(where: str, table: Any, prefix: str = "") -> dict[str, float]:
    if not isinstance(table, dict):
        raise UsageError(f"{where}: 'settings' must be a table of thresholds")
    out: dict[str, float] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_settings(where, value, f"{name}."))
            continue
        if name not in SETTINGS:
            raise UsageError(f"{where}: unknown setting {name!r} (known: {', '.join(sorted(SETTINGS))})")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UsageError(f"{where}: setting {name!r} must be a number, got {value!r}")
        out[name] = float(value)
    return out


def effective(cli: dict[str, Any], given: set[str], file: FileConfig | None) -> dict[str, Any]:
    """The values a run uses: a flag given on the command line, else the file's value, else the flag's default.

    `cli` and `given` are keyed by KEYS names ("fail-on", "max-findings", ...).
    """
    if file is None:
        return dict(cli)
    out = dict(cli)
    for key, value in file.values.items():
        if key not in given:
            out[key] = value
    return out
