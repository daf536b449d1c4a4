"""How likely a candidate inversion is a real error: a small logistic model per candidate kind.

The inputs are the candidate's lexical features (qa.polarity.contrast: an unlicensed أي, the cue's
class, how many negations each side has, a weak cue of the other side nearby, ...) and the
encoder's contrastive signals (how much closer the repaired sentence and clause come to the other
side, and the pair's plain similarity). Neither is enough alone: the encoder barely hears a
negation, and the lexicons cannot tell a restructured negation ("has yet to" -> لم ... بعد) from a
lost one. The coefficients and the two thresholds per kind (major, critical) are fitted by
reference/negation/fit.py on NTREX human translations (negatives) and injected errors of seeds
other than the evaluation seed (positives), and shipped in reference/negation/model.json.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from qa.model import Severity
from reference import read_text

KINDS = ("dropped", "added", "antonym")


@dataclass(frozen=True)
class KindModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    major: float  # probability from which a candidate is a major finding
    critical: float  # ... and a critical one

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.bias
        for name, mean, scale, weight in zip(self.features, self.mean, self.scale, self.weights):
            z += weight * (float(values.get(name, 0.0)) - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


_installed: dict | None = None


def install(data: dict | None) -> None:
    """Use these fitted models instead of the shipped ones (reference/negation/evaluate.py --cv
    measures a model fitted on half the documents); None goes back to the shipped file."""
    global _installed
    _installed = data
    models.cache_clear()


@lru_cache(maxsize=1)
def models() -> dict[str, KindModel]:
    data = _installed or json.loads(read_text("negation", "model.json"))
    out = {}
    for kind in KINDS:
        m = data["kinds"][kind]
        out[kind] = KindModel(tuple(m["features"]), tuple(m["mean"]), tuple(m["scale"]), tuple(m["weights"]),
                              float(m["bias"]), float(m["major"]), float(m["critical"]))
    return out


def probability(kind: str, values: Mapping[str, float]) -> float:
    return models()[kind].probability(values)


def severity(kind: str, p: float, major: float | None = None, critical: float | None = None, npi: bool = False) -> Severity | None:
    """Critical, major or no finding for a probability (thresholds: the model's unless given).

    An English clause negation with no Arabic counterpart next to an Arabic negative-polarity word
    left without a negation (أحرز "أي تقدم" for made "no progress") is two independent lexical
    signals, and the encoder cannot weigh it (it reads أي as negative itself): critical, whatever
    the probability. Injected errors rarely leave such a word, so the model could not learn it."""
    if npi:
        return Severity.CRITICAL
    model = models()[kind]
    if p >= (model.critical if critical is None else critical):
        return Severity.CRITICAL
    if p >= (model.major if major is None else major):
        return Severity.MAJOR
    return None
