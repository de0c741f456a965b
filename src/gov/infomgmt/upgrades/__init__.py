"""Upgrade steps of the default profile, one module a step."""
