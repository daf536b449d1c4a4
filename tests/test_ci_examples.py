"""The CI examples of docs/ci.md, run for real: the pre-commit hook in a throw-away git repo with
the `pre-commit` package, and the GitHub Actions check step as the bash script a runner executes.

What cannot run here (no GitHub runner, no network): actions/checkout, setup-python, the pip
install step and upload-artifact. docs/ci.md records the manual `pre-commit try-repo` run that
installed the hook from .pre-commit-hooks.yaml into pre-commit's own virtualenv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "docs" / "examples" / "riviera-storm.xlf"
FIXED = ("بين <g id=\"1\">لطيف</g>", "بين <g id=\"1\">نيس</g>")  # the planted error, and its fix

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def environment(tmp_path: Path) -> dict[str, str]:
    """mtqa on PATH (a shim running this worktree's qa.cli with this Python), nothing from the network."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "mtqa"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m qa.cli "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
               PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"), GIT_CONFIG_GLOBAL=os.devnull, NO_COLOR="1")
    return env


def run(args, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_pre_commit_hook_blocks_a_translation_with_a_critical_error_and_passes_the_fix(tmp_path):
    pytest.importorskip("pre_commit")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["id"] == "mtqa" and hook["entry"] == "mtqa check-each"
    repo = tmp_path / "translations"
    repo.mkdir()
    env = environment(tmp_path)
    # The published hook's definition, run by `language: system` with the shim instead of a fresh virtualenv.
    local = {**hook, "language": "system"}
    local.pop("description", None)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}),
                                                  encoding="utf-8")
    shutil.copy(SAMPLE, repo / "news.xlf")
    (repo / "notes.txt").write_text("not a translation file\n", encoding="utf-8")
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    run(["git", "add", "."], repo, env)

    result = run([sys.executable, "-m", "pre_commit", "run", "--files", "news.xlf", "notes.txt"], repo, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "mtqa (English→Arabic MT checks)" in result.stdout and "Failed" in result.stdout
    assert "CRITICAL NAM001" in result.stdout and "notes.txt" not in result.stdout

    text = (repo / "news.xlf").read_text(encoding="utf-8")
    (repo / "news.xlf").write_text(text.replace(*FIXED), encoding="utf-8")
    result = run([sys.executable, "-m", "pre_commit", "run", "--files", "news.xlf"], repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_github_actions_check_step_fails_on_a_new_error_and_passes_with_its_baseline(tmp_path):
    workflow = yaml.safe_load((ROOT / "docs" / "examples" / "github-actions-mtqa.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["mtqa"]["steps"]
    step = next(s for s in steps if s.get("name") == "Check translations")
    assert step["shell"] == "bash"
    (tmp_path / "script.sh").write_text(step["run"], encoding="utf-8")
    work = tmp_path / "checkout"
    (work / "translations").mkdir(parents=True)
    shutil.copy(SAMPLE, work / "translations" / "news.xlf")
    env = dict(environment(tmp_path), GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"))
    bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(tmp_path / "script.sh")]  # GitHub's `shell: bash`

    result = run(bash, work, env)
    assert result.returncode == 1, result.stderr
    report = work / "mtqa-reports" / "news.xlf.json"
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert report.is_file() and "### translations/news.xlf" in summary and "CRITICAL NAM001" in summary

    (work / "mtqa-baseline").mkdir()
    shutil.copy(report, work / "mtqa-baseline" / "news.xlf.json")  # adopt the backlog
    result = run(bash, work, env)
    assert result.returncode == 0, result.stderr
    assert "0 new, 1 in the baseline, 0 suppressed" in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_the_workflow_in_the_docs_is_the_committed_example():
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    shown = docs.split("```yaml\n", 1)[1].split("\n```\n", 1)[0]
    example = (ROOT / "docs" / "examples" / "github-actions-mtqa.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(shown) == yaml.safe_load(example)
