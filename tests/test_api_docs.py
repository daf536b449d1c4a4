"""docs/api.md: every ```python block runs, in order, from the repository root (with the session encoder)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_example_in_the_api_docs_runs(monkeypatch, encoder, capsys):
    monkeypatch.setattr("qa.pipeline.open_encoder", lambda model: encoder)
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) == 2
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), namespace)  # noqa: S102 - our own documentation
    printed = capsys.readouterr().out
    assert "1 NAM001 critical Kyiv -> كيف" in printed
    assert "('s4', ['NAM001'])" in printed
