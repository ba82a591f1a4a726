"""The thermal guard: fewer requests at once while the GPU is hot, back to normal once it cooled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from edged.hardware.profiles import ThermalLimits

THERMAL_REASONS = frozenset({"sw_thermal_slowdown", "hw_thermal_slowdown"})

# -- the thermal guard ----------------------------------------------------------------------------
ThermalLevel = Literal["ok", "throttle", "critical"]


@dataclass(frozen=True)
class ThermalState:
    level: ThermalLevel
    concurrency: int
    temperature_c: float | None
    reason: str | None

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "concurrency": self.concurrency,
                "temperature_c": self.temperature_c, "reason": self.reason}


class ThermalGuard:
    """Lowers how many requests run at once while the GPU is hot.

    At ``gpu_throttle_c`` (or when NVML reports thermal slowdown) half the normal concurrency;
    at ``gpu_max_c`` one request at a time, before the hardware cuts its clocks or shuts down.
    It returns to normal only ``hysteresis_c`` below the throttle limit, so it does not flap.
    """

    def __init__(self, limits: ThermalLimits, concurrency: int, hysteresis_c: float = 5.0) -> None:
        self.limits = limits
        self.normal = max(1, concurrency)
        self.hysteresis_c = hysteresis_c
        self.state = ThermalState("ok", self.normal, None, None)

    @staticmethod
    def _hot(temperature_c: float | None, limit: float | None, margin: float) -> bool:
        return temperature_c is not None and limit is not None and temperature_c > limit - margin - 1e-9

    def update(self, temperature_c: float | None, throttle_reasons: Sequence[str] = ()) -> ThermalState:
        throttle, critical = self.limits.gpu_throttle_c, self.limits.gpu_max_c
        thermal = sorted(THERMAL_REASONS.intersection(throttle_reasons))
        level: ThermalLevel = "ok"
        if temperature_c is None and not thermal:
            level = self.state.level  # no reading: keep what was decided
        elif critical is not None and temperature_c is not None and temperature_c >= critical:
            level = "critical"
        elif thermal or self._hot(temperature_c, throttle,
                                  0.0 if self.state.level == "ok" else self.hysteresis_c):
            level = "throttle"
        concurrency = {"ok": self.normal, "throttle": max(1, self.normal // 2), "critical": 1}[level]
        reason = None
        if level != "ok":
            shown = f"{temperature_c:.0f} C" if temperature_c is not None else "unknown temperature"
            limit = critical if level == "critical" else throttle
            why = f"above the profile's {'maximum' if level == 'critical' else 'throttle'} limit of {limit} C"
            if thermal and level == "throttle" and (temperature_c is None or throttle is None
                                                   or temperature_c < throttle):
                why = f"the GPU reports {', '.join(thermal)}"
            reason = (f"GPU at {shown}, {why}: at most {concurrency} request(s) at once "
                      f"instead of {self.normal}")
        self.state = ThermalState(level, concurrency, temperature_c, reason)
        return self.state
