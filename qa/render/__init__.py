"""Report renderers: one module per format, registered here.

A renderer is `render(report, options) -> str`; it reads a finished Report and computes
nothing. Adding a format is one new module and one line in RENDERERS.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from qa.errors import UsageError
from qa.model import Report
from qa.render.options import RenderOptions

Renderer = Callable[[Report, RenderOptions], str]


def _on_use(module: str) -> Renderer:
    """qa.render.<module>.render, imported when first called (jinja2, rich and the XML writers
    cost a run that writes JSON 0.07 s, measured)."""

    def render(report: Report, options: RenderOptions) -> str:
        return importlib.import_module(f"qa.render.{module}").render(report, options)

    render.__qualname__ = f"{module}.render"
    return render


RENDERERS: dict[str, Renderer] = {
    "text": _on_use("text"),
    "json": _on_use("json"),
    "jsonl": _on_use("jsonl"),
    "html": _on_use("html"),
    "junit": _on_use("junit"),
    "sarif": _on_use("sarif"),
    "csv": _on_use("csv"),
}


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(sorted(RENDERERS))}") from None
    return renderer(report, options or RenderOptions())


__all__ = ["RENDERERS", "RenderOptions", "Renderer", "render"]
