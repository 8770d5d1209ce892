"""GSERec's user–code graph: prefix nodes, sparse views, and the prior it gives the base scorer."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import scipy.sparse as sp
from conftest import SMALL_GSEREC

from recsys.gserec import CodeGraph
from recsys.models import make_scorer


def _train(rows: list[list[int]], n_items: int) -> sp.csr_matrix:
    r = np.repeat(np.arange(len(rows)), [len(x) for x in rows])
    return sp.csr_matrix((np.ones(len(r), np.float32), (r, np.concatenate(rows))), shape=(len(rows), n_items))


def test_a_person_gets_the_mean_history_of_the_users_at_their_code_prefixes():
    train = _train([[0, 1], [1], [2, 3], [4]], 5)
    x = np.array([[.5, .5, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, .5, .5, 0], [0, 0, 0, 0, 1]], np.float32)
    codes = np.array([[0, 1], [0, 1], [0, 2], [1, 0]])  # size 4, two levels
    graph = CodeGraph(codes, np.arange(4), train, size=4)
    assert graph.size() == [2, 3] and graph.edges() == 4 + 4
    people = np.array([[0, 1], [0, 3], [3, 3], [1, 0]])
    assert graph.nodes(people, 1).tolist() == [0, 0, -1, 1]
    assert graph.nodes(people, 2).tolist() == [0, -1, -1, 2]  # (0, 3) and (3, 3): no one has them
    g = graph.histories(people)
    level1 = x[:3].mean(axis=0)  # users 0, 1, 2 start with code 0
    np.testing.assert_allclose(g[0], (level1 + x[:2].mean(axis=0)) / 2, rtol=1e-6)
    np.testing.assert_allclose(g[1], level1, rtol=1e-6)  # only the first level has anyone
    np.testing.assert_allclose(g[2], 0)  # no node: nothing from the graph
    np.testing.assert_allclose(g[3], x[3], rtol=1e-6)
    deepest = graph.histories(people, how="deepest")  # the finest level whose node has anyone
    np.testing.assert_allclose(deepest[[0, 1, 3]], [x[:2].mean(axis=0), level1, x[3]], rtol=1e-6)
    np.testing.assert_allclose(deepest[2], 0)
    everyone = x.mean(axis=0)
    np.testing.assert_allclose(graph.histories(people, how="popular"), np.tile(everyone, (4, 1)), rtol=1e-6)
    smooth = graph.histories(people, how="smoothed", backoff=2.0)  # each node holds 2 pseudo-users of its parent
    first = (3 * level1 + 2 * everyone) / 5  # three users start with code 0
    np.testing.assert_allclose(smooth[0], (2 * x[:2].mean(axis=0) + 2 * first) / 4, rtol=1e-6)
    np.testing.assert_allclose(smooth[1], first, rtol=1e-6)  # no one at (0, 3): the first level's node
    np.testing.assert_allclose(smooth[2], everyone, rtol=1e-6)  # no node at all: everyone's mean
    np.testing.assert_allclose(smooth[3], (x[3] + 2 * (x[3] + 2 * everyone) / 3) / 3, rtol=1e-6)
    np.testing.assert_allclose(graph.histories(people, how="smoothed", backoff=0.0), deepest[[0, 1, 2, 3]] +
                               np.outer([0, 0, 1, 0], everyone), rtol=1e-6)  # no back-off: the deepest node
    with pytest.raises(ValueError, match="how must be one of"):
        graph.histories(people, how="max")


def test_a_user_linked_twice_to_one_node_counts_once():
    train = _train([[0], [1]], 2)
    codes = np.array([[0], [0], [0]])  # user 0 by their own summary and by a sparse view
    graph = CodeGraph(codes, np.array([0, 1, 0]), train, size=2)
    np.testing.assert_allclose(graph.histories(np.array([[0]]))[0], [0.5, 0.5])
    assert graph.reaches(np.array([[0], [1]]), 1, np.array([False, True])).tolist() == [True, False]


def test_few_films_lean_on_the_graph_and_many_barely_do(block_catalog, block_data):
    train, _ = block_data
    model = make_scorer("gserec", {**SMALL_GSEREC, "prior_strength": 4.0}, catalog=block_catalog).fit(train)
    people = _train([[0], list(range(6))], train.shape[1])
    codes = model.codebook.assign(model.text_vectors([np.array([0]), np.arange(6)]))
    g = model.code_graph.histories(codes, how=model.params.prior_levels, backoff=model.params.prior_backoff)
    h = model.prior_history(people, g).toarray()
    np.testing.assert_allclose(h.sum(axis=1), 1, rtol=1e-5)  # own films and the graph's, a distribution
    assert h[0, 0] == pytest.approx(1 / 5 + 4 / 5 * g[0, 0], rel=1e-5)
    own_share = [h[0, 0] - 4 / 5 * g[0, 0], (h[1, :6] - 4 / 10 * g[1, :6]).sum()]
    assert own_share == pytest.approx([1 / 5, 6 / 10], rel=1e-5)  # n / (n + kappa)
    model.params = dataclasses.replace(model.params, prior_max=3)  # the graph for three films or fewer only
    h = model.prior_history(people, g).toarray()
    np.testing.assert_allclose(h[1], np.r_[np.full(6, 1 / 6), np.zeros(train.shape[1] - 6)], rtol=1e-6)
    assert h[0, 0] == pytest.approx(1 / 5 + 4 / 5 * g[0, 0], rel=1e-5)


def test_sparse_views_put_rich_users_where_sparse_summaries_land(block_catalog, block_data):
    train, _ = block_data
    sparse = np.zeros(train.shape[0], dtype=bool)
    sparse[::4] = True
    kept = train.tolil()
    for u in np.flatnonzero(sparse):  # a sparse user keeps two of their films
        for i in train[u].indices[2:]:
            kept[u, i] = 0
    kept = kept.tocsr()
    kept.eliminate_zeros()
    params = {**SMALL_GSEREC, "sparse_size": 2}
    plain = make_scorer("gserec", {**params, "views": 0}, catalog=block_catalog).fit(kept)
    viewed = make_scorer("gserec", {**params, "views": 3}, catalog=block_catalog).fit(kept)
    assert plain.graph_size["views"] == 0 and viewed.graph_size["views"] == 3 * int((~sparse).sum())
    a, b = plain.connectivity(kept, sparse), viewed.connectivity(kept, sparse)
    assert a["sparse_linked_two_levels"] == a["sparse_linked_two_levels_own"]  # no views: the same measure
    assert b["sparse_linked_two_levels"] >= b["sparse_linked_two_levels_own"]
    assert b["sparse_linked_two_levels"] == 1.0  # every sparse user's prefix holds a rich user's view


def test_without_codes_and_learning_the_model_is_its_base(block_catalog, block_data):
    train, _ = block_data
    nocodes = make_scorer("gserec-nocodes", SMALL_GSEREC, catalog=block_catalog).fit(train)
    ease = make_scorer("ease", {}).fit(train)
    np.testing.assert_allclose(nocodes.score(train), ease.score(train), rtol=1e-6)
    with pytest.raises(ValueError, match="learned"):
        make_scorer("gserec", {"base": "", "learned": False}, catalog=block_catalog)
    for bad in ({"prior_levels": "max"}, {"views": -1}, {"prior_max": -5}):
        with pytest.raises(ValueError):
            make_scorer("gserec", bad, catalog=block_catalog)


def test_codes_from_the_rating_view_alone_need_no_summary(block_catalog, block_data):
    train, withheld = block_data
    model = make_scorer("gserec", {**SMALL_GSEREC, "text": "ratings"}, catalog=block_catalog).fit(train)
    assert model.rating_factors.shape[0] == train.shape[1]
    vectors = model.text_vectors([train[0].indices, train[8].indices])
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1, rtol=1e-5)
    ranked = model.recommend(train, k=1)[0].ravel()
    assert (ranked == withheld).mean() == 1.0  # each user's own group's missing film, as EASE finds it


def test_the_prior_may_average_several_code_paths_of_a_person(block_catalog, block_data):
    """``prior_query``: "beam2" averages g over the paths through a person's two nearest
    first-level codes (the first is their codes); "loo" averages g at their codes with g at the
    codes of their films with one left out in turn, and leaves a one-film person as they were."""
    train, _ = block_data
    model = make_scorer("gserec", SMALL_GSEREC, catalog=block_catalog).fit(train)
    rows = [np.array([0]), np.arange(4)]
    text = model.text_vectors(rows)
    read = lambda c: model.code_graph.histories(c, how=model.params.prior_levels, backoff=model.params.prior_backoff)
    paths = model.codebook.assign_beam(text, 2)
    np.testing.assert_array_equal(paths[0], model.codebook.assign(text))
    assert (paths[1][:, 0] != paths[0][:, 0]).all()
    hard = model.graph_histories(rows, text)
    np.testing.assert_allclose(hard, read(paths[0]), rtol=1e-6)
    model.params = dataclasses.replace(model.params, prior_query="beam2")
    np.testing.assert_allclose(model.graph_histories(rows, text), (read(paths[0]) + read(paths[1])) / 2, rtol=1e-5)
    model.params = dataclasses.replace(model.params, prior_query="loo", prior_max=0)
    left = model.codebook.assign(model.text_vectors([np.delete(rows[1], j) for j in range(4)]))
    loo = model.graph_histories(rows, text)
    np.testing.assert_allclose(loo[0], hard[0], rtol=1e-6)
    np.testing.assert_allclose(loo[1], (hard[1] + read(left).mean(axis=0)) / 2, rtol=1e-5)
    with pytest.raises(ValueError, match="prior_query"):
        make_scorer("gserec", {**SMALL_GSEREC, "prior_query": "soft"}, catalog=block_catalog)
