"""The learned multi-persona model (``ampcf``): persona read-outs a card can name."""

from __future__ import annotations

import numpy as np
from conftest import SMALL_AMPCF

from recsys.ampcf import persona_words, recommend_with_personas
from recsys.models import make_scorer


def test_each_recommendation_names_a_persona_and_its_words(block_data, block_catalog):
    train, _ = block_data
    model = make_scorer("ampcf", {**SMALL_AMPCF, "personas": 2}).fit(train)
    history = [0, 1, 2, 12, 13, 14]  # half of group 0's films, half of group 2's
    recs = recommend_with_personas(model, history, k=4)
    assert len(recs) == 4 and not {i for i, _ in recs} & set(history)
    assert all(0 <= p < 2 for _, p in recs)
    # the persona that scored a film is the one with the largest attention for it
    _, alpha = model.persona_scores(history)
    assert all(alpha[:, i].argmax() == p for i, p in recs)
    # the best unseen films are the rest of the two groups the person likes
    assert {i for i, _ in recs} <= {3, 4, 5, 15, 16, 17}
    words = persona_words(model, history, block_catalog, n=2, types=("genre",))
    assert len(words) == 2
    # only the genres of the person's own films, best first, never a genre they have no film of
    assert all(set(w) <= {("genre", "G0"), ("genre", "G2")} and w for w in words)


def test_one_persona_is_the_k1_model(block_data):
    train, _ = block_data
    k1 = make_scorer("ampcf-k1", SMALL_AMPCF).fit(train)
    personas, attention = k1.personas([0, 1, 2])
    assert personas.shape == (1, SMALL_AMPCF["dim"]) and np.allclose(attention.sum(axis=1), 1.0)
    scores, alpha = k1.persona_scores([0, 1, 2])
    assert np.allclose(alpha, 1.0) and scores.shape == (train.shape[1],)
