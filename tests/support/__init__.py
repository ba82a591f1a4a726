"""Shared test infrastructure: a real Mosquitto with mutual TLS (``broker``), a provisioned site
and pytest fixtures over both (``fixtures``, registered as a plugin in tests/conftest.py)."""
