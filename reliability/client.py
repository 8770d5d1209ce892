"""Talking to the running app through ``gradio_client``: requests that cannot hang the
caller, and the short conversations several checks need (reach films, ask why)."""

from __future__ import annotations

import json

from reliability.check import Check


def client(url: str):
    """A fresh ``gradio_client`` session on ``url``: one conversation, no telemetry."""
    from gradio_client import Client

    return Client(url, analytics_enabled=False, verbose=False)


def call(c, payload: str, api: str, timeout: float = 60):
    """One request that cannot hang the caller."""
    return c.submit(payload, api_name=api).result(timeout=timeout)


def reach_cards(c, opening: str = "a comedy from the 90s", check: Check | None = None) -> dict:
    """Open with ``opening`` and answer "any" until films come (each request counted)."""
    events = [{"type": "text", "text": opening}]
    reply: dict = {}
    for _ in range(6):
        reply = json.loads(call(c, json.dumps(events[-1]), "/step"))
        if check is not None:
            check.inputs += 1
        if reply.get("cards") or "turn" not in reply:
            break
        events.append({"type": "chip", "value": "any", "turn": reply["turn"]})
    return reply


def explain_top(c, opening: str, check: Check) -> str | None:
    """Reach films from ``opening``, then "why" on the top card: the narrative, or None (a
    problem recorded) when no films came."""
    reply = reach_cards(c, opening, check)
    if not check.expect(bool(reply.get("cards")), f"no films for {opening!r}"):
        return None
    why = json.loads(call(c, json.dumps({"type": "why", "item_id": reply["cards"][0]["item_id"]}), "/step"))
    check.inputs += 1
    return why.get("narrative", "")
