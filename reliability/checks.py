"""The reliability checks. Each puts one kind of trouble in front of the real engine or the
running app and returns a :class:`Check`: what it tried, what it injected, how many
conversations it held, how many completed turns or records went missing (must be 0), and
every problem it saw. ``python -m reliability`` runs them all and prints the table; the tests
in ``tests/reliability/test_reliability.py`` run each with smaller counts.

- :func:`engine_inputs`: hostile and random text and events straight into ``Engine.step``,
  with memory on disk; the state stays valid, every reply is polite and escaped, every turn
  is in memory, forget-me leaves nothing.
- :func:`http_inputs`: the same over ``/chat`` and ``/step`` plus malformed events.
- :func:`privacy`: guessed memory keys open nothing; the app process and the page reach
  nothing but loopback (needs an app started with ``audit=True``).
- :func:`crash_restart`: SIGKILL the app while users talk to it, restart it, count turns.
- :func:`broken_caches`: corrupt every cache (catalog, embeddings, ALS, vector store, LM),
  restart: rebuilt with a message, and a clean start afterwards.
- :func:`degraded`: chromadb missing, the LM narrator broken, then too slow: the app answers
  with the in-memory index and the template narrator, and says so in the log.

The checks live by kind in :mod:`reliability.bad_input`, :mod:`reliability.privacy` and
:mod:`reliability.faults`; the inputs and judges they share in :mod:`reliability.hostile`.
This module names them in the order the suite runs them, so callers import from one place.
"""

from __future__ import annotations

from reliability.bad_input import engine_inputs, http_inputs
from reliability.check import HEADER, Check, timed
from reliability.client import call, client
from reliability.faults import KINDS, broken_caches, crash_restart, degraded
from reliability.hostile import BAD_TEXTS, MALFORMED, random_text, state_problems, text_problems
from reliability.privacy import BROWSER_ARGS, CHROMIUM, browser_session, privacy

__all__ = [
    # the checks, in the order the suite runs them
    "engine_inputs", "http_inputs", "privacy", "crash_restart", "broken_caches", "degraded",
    # a row of the table
    "Check", "HEADER", "timed",
    # what the checks send and how they judge the answers
    "BAD_TEXTS", "MALFORMED", "random_text", "text_problems", "state_problems", "KINDS",
    # talking to the app and to the page
    "client", "call", "CHROMIUM", "BROWSER_ARGS", "browser_session",
]
