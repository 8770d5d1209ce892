"""Reliability: bad input, crashes, broken caches, privacy, load; ``python -m reliability``."""
