"""What a renderer may be told besides the report: how wide, whether in colour, how much."""

from __future__ import annotations

from dataclasses import dataclass

from qa.model import Severity

SHOW_CHOICES = ("all", "findings")


@dataclass(frozen=True)
class RenderOptions:
    """`color`: ANSI styles (only for a terminal); `width`: columns (None: the renderer's default);
    `show`: "all" segments, or only those with "findings" (formats that list segments);
    `fail_on`: the run's gate, findings at least this severe fail (JUnit failures; None: never)."""

    color: bool = False
    width: int | None = None
    show: str = "all"
    fail_on: Severity | None = Severity.CRITICAL
