"""`mtqa check --engine ray`: the command's side of the Ray engine (checks its options, runs, words the result)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from qa.config import Config
from qa.engines import shards
from qa.engines.ray_engine import check_shards, connect
from qa.errors import UsageError


def run_for_cli(
    inputs: Sequence[str],
    output: str | None,
    config: Config,
    *,
    address: str | None,
    workers: int | None,
    results: str,
    encoding: str,
) -> tuple[dict[str, Any], str]:
    """`mtqa check --engine ray`: (the summary document, a one-paragraph account for stdout)."""
    if not inputs:
        raise UsageError("--engine ray needs bitext shards: files, folders or globs of .jsonl/.tsv/.parquet")
    if output is None:
        raise UsageError("--engine ray writes result shards: give a folder with -o/--output")
    shards.resolve_inputs(inputs)  # a missing shard fails before Ray starts
    local = not (address or os.environ.get("RAY_ADDRESS"))
    connect(address)
    if local and workers is not None:
        import ray

        cpus = int(ray.cluster_resources().get("CPU", 1))
        if workers > cpus:  # each actor reserves a CPU: the extra ones would never start
            raise UsageError(f"--workers {workers} is more than the {cpus} CPUs of the local Ray instance")
    document = check_shards(inputs, output, config, workers=workers, results=results, encoding=encoding)
    summary = document["summary"]
    counts = ", ".join(f"{n} {sev}" for sev, n in summary["findings"].items())
    verdict = "passed" if summary["passed"] else "FAILED"
    gate = config.fail_on.value if config.fail_on else "never"
    account = (
        f"{summary['segments']} segments from {len(document['inputs'])} shard(s): {counts}; "
        f"mean score {summary['score']}; {verdict} (--fail-on {gate}).\n"
        f"Results: {len(document['results']['parts'])} {results} part file(s) and summary.json in {output}\n"
    )
    return document, account
