"""Benchmarks run by `invoke bench` (figures, not pass/fail tests)."""
