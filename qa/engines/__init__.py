"""Engines that run the checks somewhere other than this one process.

`qa.pipeline` is the local engine. `qa.engines.ray_engine` runs the same Run stages over Ray Data
(imported only for `mtqa check --engine ray`, so the core install never needs Ray);
`qa.engines.shards` reads input shards and writes/collects result records (no Ray import), and
`qa.engines.summary` folds per-chunk statistics into the same summary `qa.scoring.summarize` gives.
"""
