"""One turn, one way, on the tiny synthetic catalog (no MovieLens): the context is read once,
the event is applied without touching memory, and the turn is recorded once."""

from __future__ import annotations

import pytest
from tiny import tiny_catalog

from chat.engine import Engine
from chat.events import CardFeedback, ChatState, Chip, RemoveConstraint, Restart, Text, Undo, Why
from chat.memory import MemoryStore
from chat.turn import TurnContext, apply_event
from recsys.folder import save_folder


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory):
    from chat.loading import load_models

    folder = tmp_path_factory.mktemp("tiny") / "tinysim"
    save_folder(tiny_catalog(), folder)
    return load_models(str(folder), "rule", retrieval=False, progress=lambda msg: None)


class CountingStore(MemoryStore):
    """A memory store that counts the reads and writes a turn makes."""

    def __init__(self, path):
        super().__init__(path)
        self.reads, self.writes = 0, 0

    def summary(self, user_id):
        self.reads += 1
        return super().summary(user_id)

    def load(self, user_id):
        self.reads += 1
        return super().load(user_id)

    def commit_turn(self, *args, **kwargs):
        self.writes += 1
        return super().commit_turn(*args, **kwargs)


def test_one_memory_read_and_one_write_per_turn(tiny_models, tmp_path):
    store = CountingStore(tmp_path / "memory.sqlite3")
    engine = Engine(tiny_models, store)
    state, reply, _ = engine.start()
    assert store.reads == 1
    events = [lambda r: Text("a drama from the 90s"), lambda r: Chip("any", turn=r.turn),
              lambda r: Text("show me more"), lambda r: CardFeedback(r.cards[0].item_id, "like", turn=r.turn),
              lambda r: Why(r.cards[0].item_id, turn=r.turn), lambda r: RemoveConstraint("genre=Drama", turn=r.turn),
              lambda r: Undo(turn=r.turn), lambda r: Undo(turn=r.turn), lambda r: Restart(turn=r.turn),
              lambda r: Text("not sure")]
    for make in events:
        event = make(reply)
        store.reads = store.writes = 0
        state, reply = engine.step(state, event)
        assert (store.reads, store.writes) == (1, 1), f"{event}: {store.reads} reads, {store.writes} writes"


def test_applying_an_event_never_touches_memory(tiny_models):
    """``apply_event`` is a function of the models, the context and the state: the same inputs
    give the same state and lines, and a context with remembered likes is used, not re-read."""
    state = ChatState(session_id="s", turn=1)
    ctx = TurnContext({"accepted": {}, "rejected": {}, "liked": [], "disliked": [], "seen": [], "personas": []},
                      (), ())
    a = apply_event(tiny_models, ctx, state, Text("a comedy, no action"))
    b = apply_event(tiny_models, ctx, state, Text("a comedy, no action"))
    assert a == b and a.then == "decide"
    cat = tiny_models.catalog
    assert [cat.attr_values[v] for v in a.state.accepted] == [("genre", "Comedy")]
    assert [cat.attr_values[v] for v in a.state.rejected] == [("genre", "Action")]
    assert apply_event(tiny_models, ctx, state, Text("hello")).then == "stay"


def test_a_liked_film_is_remembered_in_the_next_session(tiny_models, tmp_path):
    store = MemoryStore(tmp_path / "memory.sqlite3")
    engine = Engine(tiny_models, store)
    state, reply, token = engine.start()
    state, reply = engine.step(state, Text("a comedy"))
    while not reply.cards:
        state, reply = engine.step(state, Chip("any", turn=reply.turn))
    liked = reply.cards[0].item_id
    state, reply = engine.step(state, CardFeedback(liked, "like", turn=reply.turn))
    assert liked in [c.item_id for c in reply.cards]  # a film liked stays in view
    state, reply, _ = engine.start(token)
    assert "I remember 1 film you liked." in reply.text
    assert store.summary(state.user_id)["liked"] == [liked]


def test_asking_for_more_after_every_film_was_shown_brings_the_list_round(tiny_models, tmp_path):
    """No dead end: once every film for the wish has been shown, "more" lists the best of them
    again and says so, instead of an empty reply (twice in a row, a loop)."""
    engine = Engine(tiny_models, MemoryStore(tmp_path / "memory.sqlite3"))
    state, reply, _ = engine.start()
    state, reply = engine.step(state, Text("a drama"))
    texts = []
    for _ in range(12):
        state, reply = engine.step(state, Text("something else"))
        assert reply.cards, reply.text
        texts.append(reply.text)
    assert any("every film I have" in t for t in texts)
    assert all(a != b for a, b in zip(texts, texts[1:]))
