"""mtqa: quality checks for English-to-Arabic machine-translated news.

    from qa import check_documents, check_pairs, Config
    report = check_documents("article.en.txt", "article.ar.txt")

The API is imported on first use, so `import qa` (and `mtqa --help`) stays light.
"""

from __future__ import annotations

from typing import Any

import metrics  # noqa: F401 - sets the OpenBLAS environment before anything loads numpy

__version__ = "0.1.0"
__all__ = ["Config", "__version__", "check_documents", "check_pairs"]

_LAZY = {"check_documents": "qa.pipeline", "check_pairs": "qa.pipeline", "Config": "qa.config"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
