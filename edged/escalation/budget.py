"""Daily cloud budgets (persisted, so a restart does not reset them) and the circuit breaker."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from edged.escalation.config import Budgets, Prices

log = logging.getLogger(__name__)


@dataclass
class DayUsage:
    day: str
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    spend: float = 0.0
    avoided: float = 0.0  # what the answers given locally would have cost at the cloud's prices
    by_task: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


def _today(clock: Callable[[], float]) -> str:
    return datetime.fromtimestamp(clock(), tz=timezone.utc).strftime("%Y-%m-%d")


LOCAL_SAVE_INTERVAL_S = 10.0


class Budget:
    """Counts today's cloud use against the limits; saved to ``path`` after every change."""

    def __init__(
        self, limits: Budgets, prices: Prices, path: Path, clock: Callable[[], float] = time.time
    ) -> None:
        self.limits = limits
        self.prices = prices
        self.path = path
        self.clock = clock
        self._lock = threading.Lock()
        self._usage = self._load()
        self._saved_at = clock()

    def _load(self) -> DayUsage:
        today = _today(self.clock)
        try:
            raw = json.loads(self.path.read_text())
            usage = DayUsage(**raw)
        except FileNotFoundError:
            return DayUsage(today)
        except (OSError, ValueError, TypeError) as exc:
            # A damaged file must not hand out a fresh budget silently: start from the limits.
            log.error(  # noqa: TRY400 - the reason is in the message; no traceback wanted
"budget file %s is unreadable (%s); counting today as spent", self.path, exc)
            return DayUsage(
                today,
                requests=self.limits.requests_per_day or 0,
                prompt_tokens=self.limits.tokens_per_day or 0,
                spend=self.limits.spend_per_day or 0.0,
            )
        return usage if usage.day == today else DayUsage(today)

    def _roll(self) -> None:
        today = _today(self.clock)
        if self._usage.day != today:
            self._usage = DayUsage(today)

    def _save(self) -> None:
        self._saved_at = self.clock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".budget-")
        with os.fdopen(fd, "w") as handle:
            json.dump(asdict(self._usage), handle)
        Path(tmp).replace(self.path)

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (
            prompt_tokens * self.prices.prompt_per_1k + completion_tokens * self.prices.completion_per_1k
        ) / 1000

    def exhausted(self) -> str | None:
        """Which daily limit is spent, or None."""
        with self._lock:
            self._roll()
            u, lim = self._usage, self.limits
            if lim.requests_per_day is not None and u.requests >= lim.requests_per_day:
                return f"daily request budget spent ({u.requests}/{lim.requests_per_day})"
            if lim.tokens_per_day is not None and u.tokens >= lim.tokens_per_day:
                return f"daily token budget spent ({u.tokens}/{lim.tokens_per_day})"
            if lim.spend_per_day is not None and u.spend >= lim.spend_per_day:
                return f"daily spend budget spent ({u.spend:.4f}/{lim.spend_per_day} {self.prices.currency})"
            return None

    def record_cloud(self, task: str, prompt_tokens: int, completion_tokens: int) -> float:
        cost = self.cost(prompt_tokens, completion_tokens)
        with self._lock:
            self._roll()
            u = self._usage
            u.requests += 1
            u.prompt_tokens += prompt_tokens
            u.completion_tokens += completion_tokens
            u.spend += cost
            task_use = u.by_task.setdefault(task, {"cloud_requests": 0, "spend": 0.0, "avoided": 0.0})
            task_use["cloud_requests"] += 1
            task_use["spend"] += cost
            self._save()
        return cost

    def record_local(self, task: str, prompt_tokens: int, completion_tokens: int) -> None:
        """A local answer: what it would have cost in the cloud is the saving."""
        avoided = self.cost(prompt_tokens, completion_tokens)
        with self._lock:
            self._roll()
            self._usage.avoided += avoided
            task_use = self._usage.by_task.setdefault(
                task, {"cloud_requests": 0, "spend": 0.0, "avoided": 0.0}
            )
            task_use["avoided"] += avoided
            # Savings are statistics, not a limit: written at most every few seconds rather than
            # once per local answer on the engine's worker. Cloud use is always written at once.
            if self.clock() - self._saved_at >= LOCAL_SAVE_INTERVAL_S:
                self._save()

    def snapshot(self) -> DayUsage:
        with self._lock:
            self._roll()
            return DayUsage(**asdict(self._usage))


CircuitState = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    """Opens after ``failures`` consecutive failures; after ``reset_s`` lets one probe through."""

    def __init__(self, failures: int, reset_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.failures = failures
        self.reset_s = reset_s
        self.clock = clock
        self._lock = threading.Lock()
        self._consecutive = 0
        self._opened_at: float | None = None
        self._probing = False

    @property
    def state(self) -> CircuitState:
        with self._lock:
            return self._state()

    def _state(self) -> CircuitState:
        if self._opened_at is None:
            return "closed"
        if self.clock() - self._opened_at >= self.reset_s:
            return "half_open"
        return "open"

    def allow(self) -> bool:
        """May a request go out now? In half-open state only one probe at a time."""
        with self._lock:
            state = self._state()
            if state == "closed":
                return True
            if state == "half_open" and not self._probing:
                self._probing = True
                return True
            return False

    def success(self) -> None:
        with self._lock:
            self._consecutive = 0
            self._opened_at = None
            self._probing = False

    def failure(self) -> None:
        with self._lock:
            self._consecutive += 1
            if self._probing or self._consecutive >= self.failures:
                self._opened_at = self.clock()
            self._probing = False
