"""The one base of edged's pydantic models (configuration, profiles, manifests, plans): unknown
keys are refused, so a typo is an error and not a silently ignored setting, and a validated
value is frozen."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """A pydantic model that forbids unknown keys and cannot be changed once validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
