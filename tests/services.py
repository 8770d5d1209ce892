"""Servers the tests need (PostgreSQL, haproxy, a Chroma server, Ray): skipped when they
cannot be had here, unless ``CRS_REQUIRE_SERVICES=1`` (``.ci/run`` sets it), where a missing
server fails the test instead, so CI proves them."""

from __future__ import annotations

import os

import pytest


def required() -> bool:
    return os.environ.get("CRS_REQUIRE_SERVICES") == "1"


def unavailable(what: str, why: str):
    """Skip (or, under ``CRS_REQUIRE_SERVICES=1``, fail) a test whose server ``what`` is missing."""
    message = f"{what} unavailable: {why}"
    if required():
        pytest.fail(message + " (CRS_REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)
