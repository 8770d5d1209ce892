"""The query–item graph: weights, construction paths, and propagation on graphs whose
scores are known by hand."""

import numpy as np
import pytest
import scipy.sparse as sp

from recsys.graph import (
    Feedback,
    GraphConfig,
    GraphSession,
    QueryItemGraph,
    build_graph,
    item_term_weights,
    propagate,
    rank_normalise,
)


def two_node_operator():
    # one edge of weight 1: degrees 1, so S = [[0, 1], [1, 0]]
    return QueryItemGraph(1, 1, sp.csr_matrix(np.array([[0, 1.0], [1.0, 0]], dtype=np.float32)))


def test_two_node_fixed_point_by_hand():
    # F = (1-α)(I-αS)⁻¹Y; with α = 0.5, (I - 0.5S)⁻¹ = [[1, .5], [.5, 1]] / 0.75,
    # so Y = [1, 0] gives F = 0.5/0.75 · [1, 0.5] = [2/3, 1/3]
    g = two_node_operator()
    F, iters = propagate(g.S, np.array([1.0, 0.0]), alpha=0.5, tol=1e-7, max_iter=200)
    np.testing.assert_allclose(F, [2 / 3, 1 / 3], atol=1e-5)
    assert 1 < iters < 200


def test_path_graph_matches_closed_form_and_stops_at_cap():
    # path a - b - c: degrees 1, 2, 1, so S[a,b] = S[b,c] = 1/√2
    W = sp.csr_matrix(np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=np.float32))
    g = QueryItemGraph(3, 0, W)
    assert g.S[0, 1] == pytest.approx(1 / np.sqrt(2))
    Y = np.array([1.0, 0.0, -1.0])
    F, _ = propagate(g.S, Y, alpha=0.8, tol=1e-8, max_iter=1000)
    exact = 0.2 * np.linalg.solve(np.eye(3) - 0.8 * g.S.toarray(), Y)
    np.testing.assert_allclose(F, exact, atol=1e-5)
    np.testing.assert_allclose(F[1], 0.0, atol=1e-6)  # symmetric labels cancel at the middle
    _, iters = propagate(g.S, np.array([1.0, 0.0, 0.0]), alpha=0.8, tol=1e-12, max_iter=3)
    assert iters == 3


def test_alpha_zero_is_no_propagation_and_warm_start_converges_faster():
    g = two_node_operator()
    F, iters = propagate(g.S, np.array([1.0, 0.0]), alpha=0.0)
    assert iters == 0 and F.tolist() == [1.0, 0.0]
    Y = np.array([1.0, 0.0])
    F, cold = propagate(g.S, Y, alpha=0.9, tol=1e-6, max_iter=500)
    _, warm = propagate(g.S, Y, alpha=0.9, F0=F, tol=1e-6, max_iter=500)
    assert warm < cold


def test_item_term_weights_split_a_type_across_its_values():
    # item 0: genre g0, cast c0 and c1 (cast weight 0.5 shared by two members)
    item_attr = sp.csr_matrix(np.array([[1, 1, 1], [1, 0, 0]], dtype=np.float32))
    value_type = np.array([0, 1, 1])
    w = item_term_weights(item_attr, value_type, np.array([1.0, 0.5], dtype=np.float32)).toarray()
    np.testing.assert_allclose(w, [[1.0, 0.25, 0.25], [1.0, 0.0, 0.0]])


def tiny_world():
    # 4 items, terms: 0 Comedy, 1 Horror, 2 1990s; items 0, 1 comedies, 2, 3 horror; 0 and 2 from the 90s
    item_attr = sp.csr_matrix(np.array([[1, 0, 1], [1, 0, 0], [0, 1, 1], [0, 1, 0]], dtype=np.float32))
    return item_attr, np.array([0, 0, 1]), ("genre", "decade")


def test_networkx_and_direct_csr_builds_agree():
    item_attr, vt, types = tiny_world()
    train = sp.csr_matrix(np.array([[1, 1, 0, 0], [1, 1, 0, 1], [0, 0, 1, 1]], dtype=np.float32))
    a = build_graph(item_attr, vt, types, GraphConfig(cf_neighbours=2), train, use_networkx=True)
    b = build_graph(item_attr, vt, types, GraphConfig(cf_neighbours=2), train, use_networkx=False)
    np.testing.assert_allclose(a.W.toarray(), b.W.toarray(), atol=1e-6)
    assert (a.W != a.W.T).nnz == 0
    nxg = a.to_networkx(nodes=np.array([0, 4]))
    assert nxg.number_of_edges() == 1 and nxg.nodes[4]["kind"] == "term"


def test_accepting_a_term_lifts_its_items_and_rejecting_lowers_them():
    item_attr, vt, types = tiny_world()
    g = build_graph(item_attr, vt, types, GraphConfig(alpha=0.5, cf_neighbours=0))
    s = GraphSession(g, prior_items=np.array([4.0, 3.0, 2.0, 1.0]), config=GraphConfig(alpha=0.5, cf_neighbours=0))
    assert np.argmax(s.item_scores) == 0
    s.update(Feedback(accepted_terms=(1,), rejected_terms=(0,)))  # yes horror, no comedy
    assert set(np.argsort(-s.item_scores)[:2]) == {2, 3}
    assert s.term_scores[1] > s.term_scores[0]


def test_disliked_item_spreads_to_its_terms_and_one_hop_baseline_differs():
    item_attr, vt, types = tiny_world()
    cfg = GraphConfig(alpha=0.5, cf_neighbours=0)
    g = build_graph(item_attr, vt, types, cfg)
    prop = GraphSession(g, np.zeros(4), cfg)
    hop = GraphSession(g, np.zeros(4), cfg, propagate_labels=False)
    for s in (prop, hop):
        s.update(Feedback(disliked_items=(0,)))
    # its own terms (Comedy, 1990s) take most of the negative mass; Horror is three hops away
    assert prop.term_scores[0] < prop.term_scores[1] < 0 and prop.term_scores[2] < prop.term_scores[1]
    # two hops away (item 1 via Comedy) only propagation reaches
    assert prop.item_scores[1] < 0 and hop.item_scores[1] == 0


def test_rank_normalise_and_config_validation():
    np.testing.assert_allclose(rank_normalise(np.array([10.0, -5.0, 10.0, 0.0])), [1.0, 0.0, 1.0, 0.5])
    with pytest.raises(ValueError, match="alpha"):
        GraphConfig(alpha=1.0)


def test_initial_prior_precedence():
    from recsys.graph import initial_prior

    cf, pop, text = np.array([3.0, 2.0, 1.0]), np.array([1.0, 2.0, 3.0]), np.array([0.1, 0.9, 0.5])
    np.testing.assert_allclose(initial_prior(3, cf_scores=cf, popularity=pop), [1.0, 0.5, 0.0])  # CF wins
    np.testing.assert_allclose(initial_prior(3, popularity=pop), [0.0, 0.5, 1.0])  # a new user
    np.testing.assert_allclose(initial_prior(3, retrieval_scores=text), [0.0, 1.0, 0.5])
    np.testing.assert_allclose(initial_prior(3, cf_scores=cf, retrieval_scores=text), [0.5, 0.75, 0.25])
    np.testing.assert_allclose(initial_prior(3), [0.5, 0.5, 0.5])
