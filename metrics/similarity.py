"""From an encoder's cosine to a 0-100 adequacy score, calibrated per encoder on NTREX.

The mapping is linear between two cosines measured on the 1,997 NTREX English-Arabic pairs
(benchmarks/calibrate_similarity.py prints them): `floor`, the 95th percentile of the cosine of
*shuffled* (unrelated) pairs, scores 0; `ceiling`, the 75th percentile of the cosine of the human
translations, scores 100. The median human translation then scores about 90.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Calibration:
    floor: float
    ceiling: float
    measured: bool  # False: a fallback for an encoder we have not calibrated

    def score(self, cosine: float) -> float:
        value = 100.0 * (cosine - self.floor) / (self.ceiling - self.floor)
        return min(100.0, max(0.0, value))


# use-m3 on NTREX (2026-11-29): shuffled p95 0.200, human p25/p50/p75 0.634/0.712/0.772.
CALIBRATIONS = {"use-m3": Calibration(floor=0.200, ceiling=0.772, measured=True)}
UNCALIBRATED = Calibration(floor=0.200, ceiling=0.800, measured=False)


def calibration_for(encoder_name: str) -> Calibration:
    return CALIBRATIONS.get(encoder_name, UNCALIBRATED)
