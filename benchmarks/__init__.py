"""Benchmarks and the evaluation harness (not shipped with the product; they may read ../shared/data)."""
