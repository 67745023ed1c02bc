"""Benchmarks at scale: a synthetic corpus generator (``generate``) and a side-by-side harness (``run``)."""
