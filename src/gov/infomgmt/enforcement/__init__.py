"""Enforcement case files: journaling, sealing at archiving, integrity checks."""
