"""A run signature in the manner of sacrebleu's: what produced these results, in one line."""

from __future__ import annotations

import platform
from collections.abc import Sequence

from metrics.encoders import Encoder
from metrics.similarity import calibration_for
from qa import __version__
from qa.checks.registry import CheckSpec
from qa.config import Config


def tool_info() -> dict[str, str]:
    return {"name": "mtqa", "version": __version__, "python": platform.python_version()}


def run_signature(config: Config, encoder: Encoder, checks: Sequence[CheckSpec]) -> str:
    """`mtqa:0.1.0|model:use-m3@0.2.1|calib:yes|checks:ALN001+LNG001|fail-on:critical|...`"""
    penalties = "/".join(f"{config.penalties[s]:g}" for s in sorted(config.penalties, key=lambda s: s.rank))
    settings = ",".join(f"{k}={v}" for k, v in sorted(config.settings.items())) or "default"
    parts = [
        f"mtqa:{__version__}",
        f"model:{encoder.name}@{encoder.version}",
        f"calib:{'yes' if calibration_for(encoder.name).measured else 'no'}",
        f"checks:{'+'.join(c.code for c in checks)}",
        f"fail-on:{config.fail_on.value if config.fail_on else 'never'}",
        f"penalties:{penalties}",
        f"settings:{settings}",
        f"glossary:{len(config.glossary)}",
    ]
    if config.severities:  # only when set, so signatures without overrides are unchanged
        parts.append("severity:" + ",".join(f"{code}={level.value}" for code, level in sorted(config.severities.items())))
    return "|".join(parts)
