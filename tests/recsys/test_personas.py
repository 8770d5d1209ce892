"""Persona construction and attention scoring on vectors with a known structure."""

import numpy as np
import pytest
import scipy.sparse as sp

from recsys.personas import (
    Persona,
    PersonaConfig,
    attention,
    build_personas,
    describe,
    fuse,
    reweight,
    single_vector_scores,
)


def two_tastes(n=12, d=16, seed=0):
    """Items in two tight clusters around orthogonal directions, plus a few loners."""
    rng = np.random.default_rng(seed)
    a, b = np.eye(d)[0], np.eye(d)[1]
    X = np.vstack([a + 0.1 * rng.standard_normal((n, d)), b + 0.1 * rng.standard_normal((n, d))])
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def test_two_tastes_give_two_personas_and_attention_names_the_right_one():
    X = two_tastes()
    liked = np.r_[0:5, 12:17]
    personas = build_personas(X, liked)
    assert len(personas) == 2
    assert sorted(len(p.items) for p in personas) == [5, 5]
    assert {frozenset(p.items) for p in personas} == {frozenset(range(5)), frozenset(range(12, 17))}
    scores, a = attention(personas, X)
    which = np.argmax(a, axis=1)
    first = [k for k, p in enumerate(personas) if 0 in p.items][0]
    assert (which[:12] == first).all() and (which[12:] != first).all()
    # the unliked items of either cluster outrank a random direction
    noise = np.ones(16) / 4
    s_noise, _ = attention(personas, noise[None, :])
    assert scores[5:12].min() > s_noise[0] and scores[17:].min() > s_noise[0]


def test_mean_vector_favours_neither_cluster_but_personas_do():
    X = two_tastes()
    liked = np.r_[0:5, 12:17]
    single = single_vector_scores(X, liked)
    multi, _ = attention(build_personas(X, liked), X)
    # with one vector every item sits between the two tastes; with personas each is near one
    assert multi[5:12].mean() > single[5:12].mean() + 0.2


def test_one_coherent_taste_or_few_likes_keep_one_persona():
    X = two_tastes()
    assert len(build_personas(X, np.arange(8))) == 1
    assert len(build_personas(X, np.r_[0, 1, 12])) == 1  # too few likes to split
    assert build_personas(X, np.array([], dtype=np.int64)) == []


def test_reweight_shifts_mass_and_stays_normalised():
    X = two_tastes()
    personas = build_personas(X, np.r_[0:5, 12:17])
    up = reweight(personas, 0, liked=True)
    assert up[0].weight > personas[0].weight and sum(p.weight for p in up) == pytest.approx(1.0)
    down = reweight(personas, 0, liked=False)
    assert down[0].weight < personas[0].weight and min(p.weight for p in down) > 0


def test_fuse_is_unit_length_and_checks_rows():
    f = fuse(np.random.default_rng(0).random((4, 3)), np.random.default_rng(1).random((4, 5)))
    np.testing.assert_allclose(np.linalg.norm(f, axis=1), 1.0, rtol=1e-5)
    with pytest.raises(ValueError):
        fuse(np.ones((3, 2)), np.ones((4, 2)))


def test_describe_names_shared_genre_and_decade():
    vocab = [("genre", "Crime"), ("genre", "Comedy"), ("decade", "1990s"), ("director", "Jane Doe")]
    item_attr = sp.csr_matrix(np.array([[1, 0, 1, 1], [1, 0, 1, 1], [1, 1, 1, 0], [0, 1, 0, 0]]))
    share = np.asarray(item_attr.mean(axis=0)).ravel()
    assert describe(item_attr, vocab, (0, 1, 2), share) == "Crime · Comedy · 1990s · Jane Doe"
    assert describe(item_attr, vocab, (3,), share) == "Comedy"


def test_config_is_validated():
    with pytest.raises(ValueError):
        PersonaConfig(max_k=0)
    assert isinstance(build_personas(two_tastes(), np.arange(3))[0], Persona)
