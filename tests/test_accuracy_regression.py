"""The checks' accuracy on a small fixed slice has not regressed against the committed figures.

The slice (first 200 NTREX human translations for false alarms; 40 challenges per error type
generated from the first 800 NTREX pairs) runs through the same harness code as the full
benchmark. Its committed figures live in docs/accuracy.json under "slice"; refresh them with
`python benchmarks/eval_checks.py` (or `--slice`) after a deliberate change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package: bare `pytest` needs the root
    sys.path.insert(0, str(ROOT))

from benchmarks.eval_checks import DOCS_JSON, evaluate_slice  # noqa: E402

# A false-alarm rate may rise by at most 1 point (2 of the 200 pairs); a recall may fall by at most
# 5 points (2 of the 40 challenges of a type).
FALSE_ALARM_TOLERANCE = 1.0
RECALL_TOLERANCE = 5.0


@pytest.fixture(scope="module")
def committed() -> dict:
    path = DOCS_JSON
    assert path.exists(), "docs/accuracy.json is missing: run python benchmarks/eval_checks.py"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "slice" in data, "docs/accuracy.json has no slice figures: run python benchmarks/eval_checks.py --slice"
    return data["slice"]


@pytest.fixture(scope="module")
def current(encoder, committed) -> dict:
    return evaluate_slice(encoder, seed=committed["seed"])


def test_the_slice_is_the_one_the_figures_were_measured_on(current, committed):
    assert current["counts"] == committed["counts"], (
        "the challenge generator changed the slice: re-run python benchmarks/eval_checks.py to commit new figures"
    )


def test_no_check_raises_more_false_alarms_on_human_translations(current, committed):
    assert current["false_alarm_overall"] <= committed["false_alarm_overall"] + FALSE_ALARM_TOLERANCE
    worse = {
        code: (committed["false_alarm_by_check"].get(code, 0.0), rate)
        for code, rate in current["false_alarm_by_check"].items()
        if code in committed["checks"] and rate > committed["false_alarm_by_check"].get(code, 0.0) + FALSE_ALARM_TOLERANCE
    }
    assert not worse, f"false-alarm rate (committed, now) rose past {FALSE_ALARM_TOLERANCE} point: {worse}"


def test_no_error_type_is_caught_less_often(current, committed):
    worse = {
        etype: (recall, current["recall"].get(etype, 0.0))
        for etype, recall in committed["recall"].items()
        if current["recall"].get(etype, 0.0) < recall - RECALL_TOLERANCE
    }
    assert not worse, f"recall (committed, now) fell past {RECALL_TOLERANCE} points: {worse}"
