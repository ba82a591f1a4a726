"""Escalation to a cloud LLM: when to (router), how (cloud client), within what limits (budget,
circuit breaker), and with what (minimized, redacted requests, put back together afterwards)."""
