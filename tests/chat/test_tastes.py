"""The chat's personas from the learned AMP-CF model (``chat.tastes``), on the tiny synthetic
catalog: the same panel, cards and session reweighting as the k-means personas."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from tiny import tiny_catalog

from chat.engine import Engine
from chat.events import CardFeedback, Text
from chat.memory import MemoryStore
from recsys.folder import save_folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny") / "tinytastes"
    save_folder(tiny_catalog(), path)
    return str(path)


@pytest.fixture(scope="module")
def ampcf_models(folder):
    from chat.loading import load_models

    return load_models(folder, "rule", retrieval=False, progress=lambda msg: None, tastes="ampcf", prior="ampcf")


def test_ampcf_personas_partition_the_liked_films_and_score_like_the_model(ampcf_models):
    m = ampcf_models
    liked = np.arange(0, m.world.n_items, 3)[:9]
    personas = m.tastes.build(tuple(liked))
    assert personas and sum(p.weight for p in personas) == pytest.approx(1.0)
    assert sorted(i for p in personas for i in p.items) == sorted(liked.tolist())  # each liked film once
    scores, alpha = m.tastes.attend(personas)
    assert scores.shape == (m.world.n_items,) and alpha.shape == (m.world.n_items, len(personas))
    assert np.allclose(alpha.sum(axis=1), 1.0)
    # as built, the scores are the model's own over the personas kept
    assert len(personas) == m.prior.params.personas
    own, _ = m.prior.persona_scores(liked)
    assert np.allclose(scores, own, atol=1e-4)
    shifted, _ = m.tastes.attend([dataclasses.replace(personas[0], weight=0.9)] + [
        dataclasses.replace(p, weight=0.1 / (len(personas) - 1)) for p in personas[1:]])
    assert not np.allclose(shifted, own)  # a session's like moves the scores
    for p in personas:
        assert m.tastes.example(p) in p.items and m.tastes.words(p)


def test_the_engine_runs_on_ampcf_tastes_and_a_like_moves_their_weights(ampcf_models, tmp_path):
    engine = Engine(ampcf_models, MemoryStore(tmp_path / "memory.sqlite3"))
    state, reply, _ = engine.start()
    state, reply = engine.step(state, Text("a drama"))
    for _ in range(6):
        if reply.cards:
            break
        state, reply = engine.step(state, Text("any"))
    assert reply.cards
    state, reply = engine.step(state, CardFeedback(reply.cards[0].item_id, "like", turn=reply.turn))
    state, reply = engine.step(state, CardFeedback(reply.cards[1].item_id, "like", turn=reply.turn))
    assert reply.personas and sum(w for _, w in reply.personas) == pytest.approx(1.0, abs=1e-3)
    # a card names the taste it serves, one of theirs, where it shares it (else none)
    assert all(c.persona in {d for d, _ in reply.personas} | {""} for c in reply.cards)


def test_unknown_tastes_are_refused(folder):
    from chat.loading import load_models

    with pytest.raises(ValueError, match="unknown tastes"):
        load_models(folder, "rule", retrieval=False, progress=lambda msg: None, tastes="lda")


def test_tastes_described_alike_are_one_taste_on_the_page():
    """Two learned personas may get the same words; the panel shows one taste with their
    shares added, and its example from the larger one."""
    from chat.engine import _panel, _persona_view
    from chat.turn import TurnContext
    from recsys.personas import Persona

    v = np.ones(2, dtype=np.float32)
    personas = (Persona(v, 0.4, (1, 2), "Crime · 1990s"), Persona(v, 0.35, (3,), "Animation · 1990s"),
                Persona(v, 0.25, (4,), "Crime · 1990s"))
    ctx = TurnContext({}, (1, 2, 3, 4), personas)
    assert _persona_view(ctx) == (("Crime · 1990s", 0.65), ("Animation · 1990s", 0.35))
    assert [lead.items for _, _, lead in _panel(ctx)] == [(1, 2), (3,)]


def test_the_app_refuses_an_unknown_prior_or_tastes_at_once(monkeypatch):
    """``CRS_PRIOR`` / ``CRS_TASTES`` are checked when the settings are read, with the choices
    named, before anything loads."""
    from chat.service import AppConfig

    monkeypatch.setenv("CRS_TASTES", "lda")
    with pytest.raises(ValueError, match="CRS_TASTES='lda': choose from kmeans, ampcf"):
        AppConfig.from_env()
    monkeypatch.setenv("CRS_TASTES", "kmeans")
    monkeypatch.setenv("CRS_PRIOR", "svd")
    with pytest.raises(ValueError, match="CRS_PRIOR='svd': choose from .*ampcf"):
        AppConfig.from_env()
    monkeypatch.setenv("CRS_PRIOR", "ease")
    assert AppConfig.from_env().prior == "ease"
