"""Run settings: which checks, how severe a failure is, the encoder, thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from metrics.encoders import DEFAULT_MODEL
from qa.limits import DEFAULT_MAX_SEGMENT_CHARS
from qa.model import Severity

# MQM-style penalty points per finding (as in MQM scorecards: minor 1, major 5, critical 25).
DEFAULT_PENALTIES = {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}


@dataclass(frozen=True)
class Config:
    """Everything that changes a run's results; recorded in its signature.

    `fail_on`: the lowest severity that fails the run (None: never fail on findings).
    `settings`: check thresholds by dotted name, e.g. {"omission.threshold": 0.12}
    (qa.configfile.SETTINGS lists them). `severities`: per-check overrides, {"NAM004": MINOR}.
    """

    model: str = DEFAULT_MODEL
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = Severity.CRITICAL
    penalties: dict[Severity, float] = field(default_factory=lambda: dict(DEFAULT_PENALTIES))
    settings: dict[str, Any] = field(default_factory=dict)
    glossary: tuple[tuple[str, str, str], ...] = ()
    chunk_size: int = 512
    severities: dict[str, Severity] = field(default_factory=dict)  # check code -> severity every finding of it gets
    max_segment_chars: int | None = DEFAULT_MAX_SEGMENT_CHARS  # longest sentence/row accepted (qa.limits)
