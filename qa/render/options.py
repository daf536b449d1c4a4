"""What a renderer may be told besides the report: how wide, whether in colour, how much."""

from __future__ import annotations

from dataclasses import dataclass

SHOW_CHOICES = ("all", "findings")


@dataclass(frozen=True)
class RenderOptions:
    """`color`: ANSI styles (only for a terminal); `width`: columns (None: the renderer's default);
    `show`: "all" segments, or only those with "findings" (formats that list segments)."""

    color: bool = False
    width: int | None = None
    show: str = "all"
