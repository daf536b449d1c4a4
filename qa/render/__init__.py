"""Report renderers: one module per format, registered here.

A renderer is `render(report, options) -> str`; it reads a finished Report and computes
nothing. Adding a format is one new module and one line in RENDERERS.
"""

from __future__ import annotations

from collections.abc import Callable

from qa.errors import UsageError
from qa.model import Report
from qa.render import csv, html, json, junit, sarif, text
from qa.render.options import RenderOptions

Renderer = Callable[[Report, RenderOptions], str]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "html": html.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "csv": csv.render,
}


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(sorted(RENDERERS))}") from None
    return renderer(report, options or RenderOptions())


__all__ = ["RENDERERS", "RenderOptions", "Renderer", "render"]
