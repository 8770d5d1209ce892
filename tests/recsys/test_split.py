"""Seeded splits (recsys.split): the per-user 8:1:1 interaction split, the user split and the
iterative k-core filter, on synthetic catalogs where the right answer is known."""

from __future__ import annotations

import numpy as np
import pytest

from recsys.catalog import TEST, TRAIN, VALID, build_catalog
from recsys.split import (
    DataProtocol,
    interaction_split_codes,
    positive_core,
    sparsify,
    split_interactions,
    user_split,
)


def catalog_from(pairs, ratings=None, n_items=None, split=None):
    """A catalog from (user id, item index) pairs; items are ``i0..i{n-1}``."""
    n_items = n_items or (max(i for _, i in pairs) + 1)
    items = [(f"i{k}", f"Item {k}", 2000) for k in range(n_items)]
    ratings = np.full(len(pairs), 5.0) if ratings is None else np.asarray(ratings, float)
    inter = ([u for u, _ in pairs], [f"i{i}" for _, i in pairs], ratings, np.zeros(len(pairs)), split)
    return build_catalog("split-test", items, [], {}, inter)


@pytest.fixture(scope="module")
def varied():
    """User k (k = 0..24) has 5 + 3k distinct items out of 100: sizes 5..77, so int(0.1 n)
    runs through 0..7 and rounding matters."""
    rng = np.random.default_rng(1)
    pairs = [(f"u{k}", int(i)) for k in range(25) for i in rng.choice(100, 5 + 3 * k, replace=False)]
    return catalog_from(pairs, n_items=100)


def per_user(m):
    return np.diff(m.indptr)


def test_per_user_counts_are_int_tenth(varied):
    data = split_interactions(varied, seed=0, protocol=DataProtocol(None, 1))
    n = per_user(data.train) + per_user(data.valid) + per_user(data.test)
    assert n.tolist() == [5 + 3 * k for k in range(25)]
    assert per_user(data.valid).tolist() == [int(0.1 * x) for x in n]
    assert per_user(data.test).tolist() == [int(0.1 * x) for x in n]
    assert data.shape == (25, 100) and data.seed == 0


def test_parts_are_disjoint_and_cover_everything(varied):
    data = split_interactions(varied, seed=4, protocol=DataProtocol(None, 1))
    t, v, s = data.train, data.valid, data.test
    assert t.multiply(v).nnz == 0 and t.multiply(s).nnz == 0 and v.multiply(s).nnz == 0
    whole = varied.interaction_matrix()[data.users][:, data.items]
    assert ((t + v + s) != whole).nnz == 0


def test_same_seed_same_split_other_seed_other_split(varied):
    a = split_interactions(varied, seed=0, protocol=DataProtocol(None, 1))
    b = split_interactions(varied, seed=0, protocol=DataProtocol(None, 1))
    c = split_interactions(varied, seed=1, protocol=DataProtocol(None, 1))
    assert (a.test != b.test).nnz == 0 and (a.valid != b.valid).nnz == 0
    assert (a.test != c.test).nnz > 0


def test_split_codes_directly():
    # 20 interactions of one user, 10 of another: valid/test get 2 + 1 each
    user = np.r_[np.zeros(20, int), np.ones(10, int)]
    codes = interaction_split_codes(user, seed=0)
    for u, n_eval in ((0, 2), (1, 1)):
        part = codes[user == u]
        assert (part == VALID).sum() == n_eval and (part == TEST).sum() == n_eval
        assert (part == TRAIN).sum() == (user == u).sum() - 2 * n_eval
    given = np.array([TEST, TRAIN, VALID], np.int8)
    assert interaction_split_codes(np.zeros(3, int), seed=5, given=given).tolist() == given.tolist()


def test_user_split_disjoint_covering_seeded(varied):
    train, test = user_split(varied, seed=0)
    assert len(np.intersect1d(train, test)) == 0
    assert np.union1d(train, test).tolist() == list(range(varied.n_users))
    assert len(test) == round(0.2 * varied.n_users) == 5
    again, other = user_split(varied, seed=0), user_split(varied, seed=1)
    assert again[1].tolist() == test.tolist() and other[1].tolist() != test.tolist()
    assert len(user_split(varied, seed=0, test_fraction=0.01)[1]) == 1  # never empty
    with pytest.raises(ValueError, match="test_fraction"):
        user_split(varied, test_fraction=1.0)


def test_positive_core_is_iterative():
    # core 2. u_a and u_b like items 0, 1; u_c likes 1 and 2. Item 2 has one user -> removed;
    # that leaves u_c with one item -> removed too (a single pass would keep u_c's item 1).
    pairs = [("u_a", 0), ("u_a", 1), ("u_b", 0), ("u_b", 1), ("u_c", 1), ("u_c", 2)]
    keep = positive_core(catalog_from(pairs), min_rating=None, core=2)
    assert keep.tolist() == [True, True, True, True, False, False]
    assert positive_core(catalog_from(pairs), min_rating=None, core=1).all()


def test_positive_core_rating_threshold_then_core():
    # u_b's rating-2 row is not a positive, leaving item 2 with only u_c; item 2 goes, then
    # u_c (one positive left) goes, and u_a, u_b with items 0, 1 remain
    pairs = [("u_a", 0), ("u_a", 1), ("u_b", 0), ("u_b", 1), ("u_b", 2), ("u_c", 2), ("u_c", 1)]
    ratings = [5, 4, 3, 5, 2, 5, 5]
    keep = positive_core(catalog_from(pairs, ratings), min_rating=3.0, core=2)
    assert keep.tolist() == [True, True, True, True, False, False, False]
    data = split_interactions(catalog_from(pairs, ratings), protocol=DataProtocol(3.0, 2))
    assert data.shape == (2, 2) and data.users.tolist() == [0, 1] and data.items.tolist() == [0, 1]


def test_positive_core_counts_duplicate_pairs_once():
    # u_a rated item 0 twice: it still has only one distinct positive, below core 2
    pairs = [("u_a", 0), ("u_a", 0), ("u_b", 0), ("u_b", 1), ("u_c", 0), ("u_c", 1)]
    keep = positive_core(catalog_from(pairs), min_rating=None, core=2)
    assert keep.tolist() == [False, False, True, True, True, True]


def test_positive_core_keeps_a_pair_whose_later_rating_is_positive():
    # u_a rated item 0 with 2, then again with 4: the pair is a positive
    keep = positive_core(catalog_from([("u_a", 0), ("u_a", 0)], ratings=[2, 4]), min_rating=3.0, core=1)
    assert keep.tolist() == [False, True]


@pytest.mark.parametrize("ratings, rated, split, expect", [
    ([5, 4, 2, 1], True, None, (3.0, 10)),  # stars, a seeded split: RecBole's protocol
    ([1, 1, 1, 1], False, None, (None, 10)),  # no rating column: implicit feedback
    ([1, 0, 1, 1], True, None, (1.0, 10)),  # a 0/1 column: the 1s
    ([12, 40, 3, 7], True, None, (None, 10)),  # counts: every interaction
    ([5, 4, 2, 1], True, [0, 0, 1, 2], (3.0, 1)),  # a given split is kept whole
])
def test_data_protocol_defaults_follow_what_the_data_has(ratings, rated, split, expect):
    from dataclasses import replace

    from recsys.split import data_protocol

    cat = replace(catalog_from([("u0", 0), ("u0", 1), ("u1", 0), ("u1", 1)], ratings,
                               split=None if split is None else np.array(split)), ratings=rated)
    dp = data_protocol(cat)
    assert (dp.min_rating, dp.core) == expect and dp.reason
    assert data_protocol(cat, "none", 2).key() == {"min_rating": None, "core": 2}  # flags win


def test_a_filter_that_empties_the_data_is_a_one_line_error_with_counts():
    from recsys.catalog import DataError

    cat = catalog_from([("u0", 0), ("u0", 1), ("u1", 0)], [2, 2, 2])
    with pytest.raises(DataError, match=r"--min-rating 3 keeps 0 of 3 interactions \(ratings range 2..2\)"):
        split_interactions(cat, protocol=DataProtocol(3.0, 1))
    with pytest.raises(DataError, match=r"the 5-core filter keeps 0 of 3 interactions \(2 users, 2 items"):
        split_interactions(cat, protocol=DataProtocol(None, 5))


def test_sparse_users_keep_at_most_k_training_items_and_nothing_else_changes(varied):
    data = split_interactions(varied, seed=3, protocol=DataProtocol(min_rating=None, core=1))
    kept, sparse = sparsify(data, k=4, share=0.2)
    assert sparse.sum() == 5  # 20% of 25 users
    before, after = per_user(data.train), per_user(kept.train)
    assert (after[sparse] == np.minimum(before[sparse], 4)).all() and (after[~sparse] == before[~sparse]).all()
    assert ((kept.train - data.train).toarray() <= 0).all()  # only removals, of the user's own items
    assert (kept.valid != data.valid).nnz == 0 and (kept.test != data.test).nnz == 0
    again, same = sparsify(data, k=4, share=0.2)
    assert (same == sparse).all() and (again.train != kept.train).nnz == 0  # drawn with the split seed
    _, other = sparsify(split_interactions(varied, seed=4, protocol=DataProtocol(min_rating=None, core=1)), k=4)
    assert not np.array_equal(other, sparse)  # another split seed, other sparse users
    with pytest.raises(ValueError):
        sparsify(data, k=0)
