"""JSON Lines (`--format jsonl`): one record per segment, the stream format of qa.records.

`mtqa check` streams these records as documents are checked (qa.batch_cli); this renderer
writes the same records for a report already finished (the Python API).
"""

from __future__ import annotations

from qa.model import Report
from qa.render.options import RenderOptions


def render(report: Report, options: RenderOptions) -> str:
    from qa.records import (  # here: qa.records imports qa.render.json
        dumps,
        report_records,
    )

    return "".join(dumps(record) for record in report_records(report))
