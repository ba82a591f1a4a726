"""The service bench's sweep plot and its --levels option (the bench itself runs a real broker and
daemon; its figures are in the README, not asserted by tests)."""

from __future__ import annotations

import argparse

import pytest

from edged.bench.sweep import percentile, plot
from edged.commands.bench import _levels


def _row(clients: int, tps: float, p50: float, p99: float) -> dict[str, object]:
    return {"clients": clients, "tokens_per_s": tps, "e2e_ms": {"p50": p50, "p99": p99}}


def test_the_plot_scales_bars_to_the_best_level_and_prints_the_figures() -> None:
    text = plot([_row(1, 50.0, 700, 710), _row(8, 100.0, 2000, 2600)], width=20)
    lines = text.splitlines()
    assert len(lines) == 3
    one, eight = lines[1], lines[2]
    assert one.count("#") == 10 and eight.count("#") == 20
    assert "700/710" in one and "2000/2600" in eight
    assert eight.count("=") + eight.count("-") == 20  # p99 is the widest latency


def test_levels_parse_and_refuse() -> None:
    assert _levels("1,2,4") == (1, 2, 4)
    for bad in ("0,2", "a,b", "65"):
        with pytest.raises(argparse.ArgumentTypeError):
            _levels(bad)


def test_percentile_takes_the_nearest_rank() -> None:
    assert percentile([5.0, 1.0, 3.0], 0.5) == 3.0
    assert percentile([1.0, 2.0], 0.99) == 2.0


def test_step_costs_bound_the_speedup_and_the_wait() -> None:
    from edged.bench.continuous import _step_lines

    line = _step_lines({"decode_step_ms_by_rows": {"1": 10.0, "2": 12.0, "8": 40.0}})[0]
    assert "1 10.0 ms | 2 12.0 ms | 8 40.0 ms" in line
    assert "8 rows cost 4.00x one row" in line
    assert "at most 2.00x one caller's throughput" in line
    assert _step_lines({"decode_step_ms_by_rows": {}}) == []
