"""What the report's gate block (`summary.gate`, added by qa.gate.apply_gate) says about each
finding, for renderers: whether it fails the gate, is new against the baseline, or is suppressed.

The gate lists findings as entries (document index, segment id, code, message, ...); a finding
is matched to an entry by those four, each entry used once (the same check may flag the same
segment twice with the same message). Nothing is recomputed here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from qa.model import Finding, SegmentResult

Key = tuple[int, str, str, str]


def _key(entry: dict[str, Any]) -> Key:
    return (entry["document"], entry["segment"], entry["code"], entry["message"])


class GateView:
    def __init__(self, summary: dict[str, Any]) -> None:
        gate = summary.get("gate") or None
        self.gate = gate
        self._failing = Counter(_key(e) for e in gate.get("failing", [])) if gate else Counter()
        new = gate.get("new") if gate else None
        self._new = None if new is None else Counter(_key(e) for e in new)
        self._suppressed: dict[Key, list[str]] = {}
        for entry in gate.get("suppressed", []) if gate else []:
            self._suppressed.setdefault(_key(entry), []).append(entry.get("reason", ""))

    @property
    def has_baseline(self) -> bool:
        return self._new is not None

    def take(self, document: int, seg: SegmentResult, finding: Finding) -> dict[str, Any]:
        """This finding's standing: {"fails": bool, "new": bool | None, "suppressed": reason | None}.
        Call once per finding, in report order."""
        key = (document, seg.pair.id, finding.code, finding.message)
        return {
            "fails": _use(self._failing, key),
            "new": None if self._new is None else _use(self._new, key),
            "suppressed": self._suppressed[key].pop(0) if self._suppressed.get(key) else None,
        }


def _use(counter: Counter, key: Key) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False
