"""Daily budgets persist across restarts and roll over at midnight UTC; the circuit breaker."""

from __future__ import annotations

from pathlib import Path

from edged.escalation.budget import Budget, CircuitBreaker
from edged.escalation.config import Budgets, Prices

NOON = 1_795_000_000.0 - (1_795_000_000 % 86400) + 43200  # some day at 12:00 UTC
PRICES = Prices(prompt_per_1k=0.5, completion_per_1k=1.5)


def test_budget_counts_persists_and_rolls_over(tmp_path: Path) -> None:
    now = [NOON]
    path = tmp_path / "budget.json"
    budget = Budget(Budgets(requests_per_day=2, spend_per_day=1.0), PRICES, path, clock=lambda: now[0])
    assert budget.exhausted() is None
    assert budget.record_cloud("ask", 1000, 100) == 0.5 + 0.15
    assert budget.exhausted() is None
    budget.record_cloud("ask", 10, 10)
    assert "request budget" in (budget.exhausted() or "")
    # A restart keeps today's count: a crash loop cannot spend the budget again.
    again = Budget(Budgets(requests_per_day=2), PRICES, path, clock=lambda: now[0])
    assert again.exhausted() is not None
    now[0] += 86400
    assert again.exhausted() is None
    again.record_local("extract", 2000, 0)
    assert again.snapshot().avoided == 1.0
    assert again.snapshot().by_task["extract"]["avoided"] == 1.0


def test_a_damaged_budget_file_counts_as_spent(tmp_path: Path) -> None:
    path = tmp_path / "budget.json"
    path.write_text("{not json")
    budget = Budget(Budgets(requests_per_day=10), PRICES, path, clock=lambda: NOON)
    assert budget.exhausted() is not None


def test_spend_limit(tmp_path: Path) -> None:
    budget = Budget(Budgets(spend_per_day=0.01), PRICES, tmp_path / "b.json", clock=lambda: NOON)
    budget.record_cloud("ask", 100, 10)
    assert "spend budget" in (budget.exhausted() or "")


def test_circuit_opens_then_probes_then_closes() -> None:
    now = [0.0]
    circuit = CircuitBreaker(failures=3, reset_s=10, clock=lambda: now[0])
    for _ in range(2):
        assert circuit.allow()
        circuit.failure()
    assert circuit.state == "closed"
    circuit.failure()
    assert circuit.state == "open"
    assert not circuit.allow()
    now[0] = 10.5
    assert circuit.state == "half_open"
    assert circuit.allow()      # one probe
    assert not circuit.allow()  # and only one
    circuit.failure()           # the probe failed: open again for another reset period
    assert circuit.state == "open"
    now[0] = 21.0
    assert circuit.allow()
    circuit.success()
    assert circuit.state == "closed"
    assert circuit.allow()
