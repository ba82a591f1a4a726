"""Benchmarks: commands that print figures (`edged bench ...`), never tests with time limits."""
