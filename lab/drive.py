"""Simulated users who talk to the chat engine the way a person does: through events.

Used by ``python -m lab.simulate --via engine`` (the engine in this process) and
``--via http://127.0.0.1:7860`` (the running app, over ``gradio_client``'s ``/start`` and
``/step`` endpoints), by the turn-latency benchmark and by the load test.

The chat protocol (the whole app end to end, not the policy alone): a new user (no
history: the app's users are people, not MovieLens rows; ``history=K`` makes them first type
"I loved A, B and ..." with K of their training films, uncounted) wants one target film; they open
by typing one of its genre or decade values; to a chip question they click a chip the
target has (else "any"); to a yes/no question they answer truthfully ("any" when the target
has no data for the type); when a list of cards holds the target they like it (success at
that turn), otherwise they ask for more. Turns are counted like the simulator's: t = 0 is
the system's first reply, at most ``max_turns - 1`` replies; SR@k, AT and hDCG as there
(the rank is the target's place among the cards).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from lab.metrics import EpisodeOutcome
from recsys.catalog import display_title


class EngineTransport:
    """Events to an in-process engine; replies as dicts (``Reply.to_dict``)."""

    def __init__(self, engine):
        self.engine = engine
        self.state = None

    def start(self) -> dict:
        self.state, reply, _ = self.engine.start()
        return reply.to_dict()

    def send(self, event: dict) -> dict:
        from chat.events import event_from_dict

        self.state, reply = self.engine.step(self.state, event_from_dict(event))
        return reply.to_dict()

    def close(self) -> None:
        if self.state is not None and self.engine.memory is not None:
            self.engine.forget(self.state)  # simulated users leave no memory behind


class HttpTransport:
    """Events to the running app through ``gradio_client`` (one client = one session)."""

    def __init__(self, url: str):
        from gradio_client import Client

        self.client = Client(url, analytics_enabled=False, verbose=False)

    def _call(self, api: str, *args) -> dict:
        out = json.loads(self.client.predict(*args, api_name=api))
        if "error" in out:
            raise RuntimeError(f"{api}: {out['error']}")
        return out

    def start(self) -> dict:
        return self._call("/start")

    def send(self, event: dict) -> dict:
        return self._call("/step", json.dumps(event))

    def close(self) -> None:
        self.client.close() if hasattr(self.client, "close") else None


@dataclass
class ChatUser:
    """Knows its target's values (type=value keys) and types its opening."""

    target_id: str
    values: set[str]  # "type=value" keys the target has
    known_types: set[str]  # types the target has data for
    opening: str
    latencies: list[float] = field(default_factory=list)

    def respond(self, reply: dict) -> dict | None:
        """The next event, or None when the target is listed (the user then likes it)."""
        ids = [c["item_id"] for c in reply.get("cards", [])]
        if self.target_id in ids:
            return None
        q = reply.get("question")
        turn = reply["turn"]
        if q:
            if q["yes_no"]:
                if q["attr_type"] not in self.known_types:
                    return {"type": "chip", "value": "any", "turn": turn}
                return {"type": "chip", "value": "yes" if q["subject"] in self.values else "no", "turn": turn}
            for key, _ in q["options"]:
                if key in self.values:
                    return {"type": "chip", "value": key, "turn": turn}
            return {"type": "chip", "value": "any", "turn": turn}
        return {"type": "text", "text": "more", "turn": turn}


def run_episode(transport, user, max_turns: int = 15,
                observe: Callable[[dict], bool] | None = None, told: str = "") -> EpisodeOutcome:
    """One conversation: the user's opening, then its answers until its target is listed (it
    likes it: success) or turns run out. ``observe(reply)`` (the talking user's) sees every
    reply first; True means the user quits (a loop). ``told``: a message sent before the
    opening ("I loved Heat, Fargo and ...": a user with a history), not counted as a turn; when
    its reply lists the target, the user likes it there (success at t = 0)."""
    transport.start()
    if told:  # the reply to it may list films already: the target among them is found at t = 0
        reply = transport.send({"type": "text", "text": told})  # (the talking user's measures start
        ids = [c["item_id"] for c in reply.get("cards", [])]  # with its wish: this list precedes it)
        if user.target_id in ids:
            transport.send({"type": "like", "item_id": user.target_id, "turn": reply["turn"]})
            return EpisodeOutcome(0, ids.index(user.target_id) + 1)
    event = {"type": "text", "text": user.opening}
    for t in range(max_turns - 1):
        t0 = time.perf_counter()
        reply = transport.send(event)
        user.latencies.append(time.perf_counter() - t0)
        ids = [c["item_id"] for c in reply.get("cards", [])]
        quits = observe(reply) if observe else False
        if user.target_id in ids:
            transport.send({"type": "like", "item_id": user.target_id, "turn": reply["turn"]})
            return EpisodeOutcome(t, ids.index(user.target_id) + 1)
        if quits:
            return EpisodeOutcome(None)
        event = user.respond(reply)
        event.setdefault("turn", reply["turn"])
    return EpisodeOutcome(None)


def make_user(catalog, world, target: int, rng: np.random.Generator, open_types=("genre", "decade")) -> ChatUser:
    """The chat user for world item ``target``: opening from one of its genre/decade values."""
    i = int(world.data.items[target])
    pairs = catalog.attributes_of(i)
    options = [v for t, v in pairs if t in open_types]
    opening = str(rng.choice(options)) if options else catalog.titles[i]
    known = {t for t in catalog.attr_types if catalog.knows(i, t)}
    return ChatUser(catalog.item_ids[i], {f"{t}={v}" for t, v in pairs}, known, opening)


def told_history(catalog, world, user: int, target: int, k: int, rng: np.random.Generator) -> str:
    """"I loved A, B and C": ``k`` of the user's training films (not the target), as a person
    would type them; "" when ``k`` is 0 or the user has none."""
    row = world.data.train[user]
    films = [int(i) for i in row.indices if int(i) != target]
    if not k or not films:
        return ""
    chosen = rng.choice(films, size=min(k, len(films)), replace=False)
    titles = [display_title(catalog.titles[world.catalog_index(int(i))]) for i in chosen]
    return "I loved " + (", ".join(titles[:-1]) + " and " + titles[-1] if len(titles) > 1 else titles[0])


def drive(make_transport: Callable[[], object], catalog, world, episodes, seed: int, max_turns: int = 15,
          progress: Callable[[int], None] | None = None, users: str = "click", history: int = 0
          ) -> tuple[list[EpisodeOutcome], list[float], list[dict]]:
    """Run chat episodes (``(user, target)`` pairs; the user is only a source of targets, and of
    ``history`` liked films told before the opening) with the clicking (``users="click"``) or
    the talking user (``"chat"``, ``lab.talker``); returns outcomes, every turn's latency in
    seconds, and per episode the turn of the first list, whether the user quit on a loop, and
    the first list's fit to what it had stated."""
    from lab.talker import load_bank, make_talker

    bank = load_bank() if users == "chat" else None
    outcomes, latencies, stats = [], [], []

    def card_keys(item_id: str) -> set[str]:
        return {f"{t}={v}" for t, v in catalog.attributes_of(catalog.item_index(item_id))}

    for k, (u, target) in enumerate(episodes):
        rng = np.random.default_rng([seed, k])
        told = told_history(catalog, world, u, target, history, np.random.default_rng([seed, k, 1]))
        transport = make_transport()
        try:
            if users == "chat":
                user = make_talker(catalog, world, target, rng, bank, world.open_types)
                outcomes.append(run_episode(transport, user, max_turns, told=told,
                                            observe=lambda reply, user=user: user.observe(reply, card_keys)))
                stats.append({"first_list_turn": user.first_list_turn, "loop": user.quit_on_loop,
                              "first_list_fit": user.first_list_fit(), "changed_mind": user.changed_mind})
            else:
                user = make_user(catalog, world, target, rng, world.open_types)
                outcomes.append(run_episode(transport, user, max_turns, told=told))
                stats.append({})
        finally:
            transport.close()
        latencies += user.latencies
        if progress:
            progress(k)
    return outcomes, latencies, stats
