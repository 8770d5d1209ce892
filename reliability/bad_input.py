"""Hostile and random input: :func:`engine_inputs` straight into ``Engine.step`` with memory
on disk, :func:`http_inputs` over the running app's ``/chat`` and ``/step``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np

from reliability.check import Check, timed
from reliability.client import call, client, reach_cards
from reliability.hostile import BAD_TEXTS, MALFORMED, random_text, state_problems, text_problems


def _engine_events(engine, state, reply, rng: np.random.Generator, catalog_ids: list[str]):
    """One random event for the session as it stands: any kind, at the current turn, a stale
    one, none, or nonsense."""
    from chat.events import CardFeedback, Chip, RemoveConstraint, Restart, Text, Undo, Why

    lag = rng.choice([None, 0, 0, 0, 1, 3, -5, 10**9], p=[.2, .2, .15, .15, .1, .1, .05, .05])
    turn = None if lag is None else int(reply.turn - lag)
    cards = [c.item_id for c in reply.cards]
    item = str(rng.choice(cards)) if cards and rng.random() < 0.7 else \
        str(rng.choice(catalog_ids + ["no-such-film", "", "0" * 300]))
    kind = rng.choice(["text", "text", "text", "chip", "chip", "like", "dislike", "seen", "why", "remove", "undo",
                       "restart"])
    if kind == "text":
        return Text(random_text(rng), turn)
    if kind == "chip":
        options = [v for v, _ in reply.question.options] if reply.question else []
        return Chip(str(rng.choice(options + ["any", "yes", "no", "genre=Bogus", "", "=", "decade="])), turn)
    if kind in ("like", "dislike", "seen"):
        return CardFeedback(item, str(kind), turn)
    if kind == "why":
        return Why(item if rng.random() < 0.8 else None, turn)
    if kind == "remove":
        keys = [c[0] for c in reply.constraints]
        return RemoveConstraint(str(rng.choice(keys + ["genre=Bogus", ""])), turn)
    return Undo(turn) if kind == "undo" else Restart(turn)


@timed
def engine_inputs(models, memory_path: str | Path, n_random: int = 500, seed: int = 0) -> Check:
    """Every text of :data:`BAD_TEXTS` as an opening and in a live session, then ``n_random``
    random events in sessions of up to 12 turns; memory on disk. Afterwards every committed
    turn must be in memory, and forget-me must delete every row of one user and no other."""
    from chat.engine import Engine
    from chat.events import Text
    from chat.memory import MemoryStore

    check = Check("bad input: engine")
    store = MemoryStore(memory_path)
    engine = Engine(models, store)
    rng = np.random.default_rng(seed)
    catalog_ids = [models.catalog.item_ids[i] for i in models.world.data.items[:200]]
    committed: dict[str, int] = {}
    tokens: dict[str, str] = {}

    def step(state, reply, event):
        check.inputs += 1
        try:
            new, out = engine.step(state, event)
        except Exception as exc:
            check.expect(False, f"{type(event).__name__} raised {type(exc).__name__}: {exc}"[:300])
            return state, reply
        for p in state_problems(engine, new, out):
            check.expect(False, f"{p} after {type(event).__name__}({str(event)[:60]!r})")
        if new.turn > state.turn:
            committed[new.user_id] = committed.get(new.user_id, 0) + 1
        return new, out

    def session():
        state, reply, token = engine.start()
        check.sessions += 1
        tokens[state.user_id] = token
        return state, reply

    for text in BAD_TEXTS:  # as an opening, and into a session that already has cards
        state, reply = session()
        step(state, reply, Text(text))
        state, reply = session()
        state, reply = step(state, reply, Text("a comedy from the 90s"))
        for _ in range(5):
            if reply.cards:
                break
            state, reply = step(state, reply, Text("any"))
        step(state, reply, Text(text))
    done = 0
    while done < n_random:
        state, reply = session()
        for _ in range(int(rng.integers(1, 13))):
            state, reply = step(state, reply, _engine_events(engine, state, reply, rng, catalog_ids))
            done += 1

    con = sqlite3.connect(memory_path)
    check.expect(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "memory file fails integrity_check")
    stored = dict(con.execute("SELECT user_id, COUNT(*) FROM turns GROUP BY user_id").fetchall())
    con.close()
    check.lost = sum(max(0, n - stored.get(u, 0)) for u, n in committed.items())
    check.expect(all(stored.get(u, 0) <= n for u, n in committed.items()), "more turns stored than taken")

    victim, other = sorted(committed, key=committed.get)[-2:]  # two users with turns
    before = store.count_rows(other)
    deleted = store.forget(victim)
    check.expect(sum(deleted.values()) > 0 and store.count_rows(victim) == 0, "forget-me left rows behind")
    check.expect(store.resume(tokens[victim]) is None, "a forgotten user's key still opens a memory")
    check.expect(store.count_rows(other) == before, "forget-me touched another user")
    check.note = f"{len(BAD_TEXTS)} hostile texts x 2 positions, {n_random} random events; {sum(committed.values())} " \
                 f"turns committed"
    return check


def _sendable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _step_problems(raw) -> tuple[dict | None, list[str]]:
    try:
        reply = json.loads(raw)
    except (TypeError, ValueError):
        return None, [f"/step answered with no JSON: {str(raw)[:80]!r}"]
    if not isinstance(reply, dict):
        return None, ["/step answered with no object"]
    if "error" in reply:
        return reply, text_problems(reply["error"])
    return reply, text_problems(reply.get("text", "")) + text_problems(reply.get("narrative") or "x")


@timed
def http_inputs(url: str, n_random: int = 100, seed: int = 0) -> Check:
    """Hostile texts over ``/chat`` and ``/step``, malformed events over ``/step``, random
    events over ``/step``; then an ordinary conversation must still reach recommendations."""
    check = Check("bad input: HTTP API")
    rng = np.random.default_rng(seed)

    def attempt(c, payload: str, api: str):
        check.inputs += 1
        try:
            out = call(c, payload, api)
        except Exception as exc:
            check.expect(False, f"{api} {payload[:40]!r}: {type(exc).__name__}: {str(exc)[:120]}")
            return None
        if api == "/chat":
            for p in text_problems(out):
                check.expect(False, f"/chat {payload[:40]!r}: {p}")
            return out
        reply, problems = _step_problems(out)
        for p in problems:
            check.expect(False, f"/step {payload[:40]!r}: {p}")
        return reply

    c = client(url)
    check.sessions += 1
    for text in BAD_TEXTS:
        if _sendable(text):  # an HTTP client cannot even encode a lone surrogate; /step gets it escaped
            attempt(c, text, "/chat")
        attempt(c, json.dumps({"type": "text", "text": text}), "/step")
    for payload in MALFORMED:
        reply = attempt(c, payload, "/step")
        if reply is not None and payload.startswith(("{not", "[[", "null")):
            check.expect("error" in reply, f"malformed event {payload[:20]!r} was not refused")
    c = client(url)
    check.sessions += 1
    reply = reach_cards(c, check=check)
    for _ in range(n_random):
        cards = [x["item_id"] for x in reply.get("cards", [])] or ["no-such-film"]
        turn = int(reply.get("turn", 0)) - int(rng.choice([0, 0, 1, 4]))
        kind = str(rng.choice(["text", "text", "chip", "like", "dislike", "seen", "why", "remove", "undo"]))
        event = {"type": kind, "turn": turn, "text": random_text(rng), "item_id": str(rng.choice(cards)),
                 "value": str(rng.choice([o[0] for o in (reply.get("question") or {}).get("options", [])] + ["any"])),
                 "key": str(rng.choice([k[0] for k in reply.get("constraints", [])] + ["genre=Bogus"]))}
        reply = attempt(c, json.dumps(event), "/step") or reply
        if "error" in reply:
            reply = {}
    c = client(url)
    check.sessions += 1
    final = reach_cards(c, "a western", check)
    check.expect(bool(final.get("cards")), "after the hostile input an ordinary conversation got no films")
    check.note = f"{len(BAD_TEXTS)} texts over /chat and /step, {len(MALFORMED)} malformed events, {n_random} random"
    return check
