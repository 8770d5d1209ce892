"""Top-N metrics (recsys.metrics), checked against values worked out by hand.

Conventions pinned here (RecBole / recommenders style): binary gains, DCG discount
1/log2(rank + 1), ideal DCG over min(#relevant, k) hits, Recall@k = hits / #relevant (not
/ min(#relevant, k)), Hit@k = any hit, users with no relevant item are skipped.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp

from recsys.metrics import hit_matrix, ndcg_per_user, ranking_metrics


def relevant(rows: list[list[int]], n_items: int = 30) -> sp.csr_matrix:
    """CSR (n_users, n_items) with ones at each row's listed items."""
    r = [u for u, items in enumerate(rows) for _ in items]
    c = [i for items in rows for i in items]
    return sp.csr_matrix((np.ones(len(c), np.float32), (r, c)), shape=(len(rows), n_items))


def test_hit_matrix_marks_relevant_ranks():
    ranked = np.array([[5, 1, 7], [0, 2, 4]])
    rel = relevant([[7, 5], [3]])
    assert hit_matrix(ranked, rel).tolist() == [[True, False, True], [False, False, False]]


def test_perfect_ranking_scores_one():
    # every relevant item ranked first: NDCG = Recall = Hit = 1 at every k
    ranked = np.array([[3, 4, 0, 1, 2, 5, 6, 7, 8, 9], [9, 0, 1, 2, 3, 4, 5, 6, 7, 8]])
    out = ranking_metrics(ranked, relevant([[3, 4], [9]]), ks=(1, 5, 10))
    assert out["NDCG@5"] == pytest.approx(1.0)
    assert out["NDCG@10"] == pytest.approx(1.0)
    assert out["Recall@5"] == pytest.approx(1.0)
    assert out["Hit@1"] == pytest.approx(1.0)
    # at k=1 user 0 finds only 1 of its 2 items: Recall@1 = mean(1/2, 1) but NDCG@1 is ideal
    assert out["Recall@1"] == pytest.approx(0.75)
    assert out["NDCG@1"] == pytest.approx(1.0)


def test_no_hit_scores_zero():
    ranked = np.tile(np.arange(10), (2, 1))
    out = ranking_metrics(ranked, relevant([[20, 21], [15]]), ks=(10,))
    assert out == {"Recall@10": 0.0, "NDCG@10": 0.0, "Hit@10": 0.0}


def test_textbook_example():
    # 2 relevant items (ids 7 and 4) at ranks 1 and 3 of a top-10 list:
    #   DCG  = 1/log2(2) + 1/log2(4) = 1 + 0.5 = 1.5
    #   IDCG = 1/log2(2) + 1/log2(3) = 1 + 0.63093 = 1.63093   (ideal: both at ranks 1, 2)
    #   NDCG@10 = 1.5 / 1.63093 = 0.91972;  Recall@10 = 2/2 = 1;  Hit@10 = 1
    # At k=2 only rank 1 is a hit: DCG = 1, IDCG = 1.63093, NDCG@2 = 0.61315, Recall@2 = 1/2
    ranked = np.array([[7, 0, 4, 1, 2, 3, 5, 6, 8, 9]])
    out = ranking_metrics(ranked, relevant([[4, 7]]), ks=(2, 10))
    idcg = 1 + 1 / math.log2(3)
    assert out["NDCG@10"] == pytest.approx(1.5 / idcg)
    assert out["NDCG@10"] == pytest.approx(0.919720, abs=1e-6)
    assert out["Recall@10"] == pytest.approx(1.0)
    assert out["Hit@10"] == pytest.approx(1.0)
    assert out["NDCG@2"] == pytest.approx(1 / idcg)
    assert out["Recall@2"] == pytest.approx(0.5)


def test_recall_divides_by_all_relevant_and_idcg_caps_at_k():
    # 3 relevant items, one hit at rank 2 of a top-2 list:
    #   Recall@2 = 1/3 (divided by all 3 relevant, not by min(3, 2))
    #   NDCG@2   = (1/log2(3)) / (1 + 1/log2(3))  (IDCG over min(3, 2) = 2 ideal hits)
    ranked = np.array([[0, 1, 2, 3]])
    out = ranking_metrics(ranked, relevant([[1, 10, 11]]), ks=(2,))
    assert out["Recall@2"] == pytest.approx(1 / 3)
    d2 = 1 / math.log2(3)
    assert out["NDCG@2"] == pytest.approx(d2 / (1 + d2))
    assert out["Hit@2"] == 1.0


def test_users_without_relevant_items_are_skipped():
    # user 1 has nothing relevant: the mean is over users 0 and 2 only (1 and 0 -> 0.5)
    ranked = np.tile(np.arange(10), (3, 1))
    out = ranking_metrics(ranked, relevant([[0], [], [25]]), ks=(10,))
    assert out["Hit@10"] == pytest.approx(0.5)
    assert out["Recall@10"] == pytest.approx(0.5)
    assert out["NDCG@10"] == pytest.approx(0.5)


def test_extra_ranked_columns_are_ignored():
    # only the first max(ks) columns count: a hit at rank 11 does not reach @10
    ranked = np.arange(20)[None]
    out = ranking_metrics(ranked, relevant([[10]]), ks=(10,))
    assert out["Hit@10"] == 0.0


def test_fewer_ranked_items_than_k():
    # 5 items in all, so top_k can return only 5 columns; @10 should equal @5
    ranked = np.array([[0, 1, 2, 3, 4]])
    out = ranking_metrics(ranked, relevant([[0, 2]], n_items=5), ks=(10,))
    assert out["Recall@10"] == pytest.approx(1.0)



def test_ndcg_per_user_averages_to_the_reported_ndcg():
    rng = np.random.default_rng(0)
    relevant = sp.random(30, 40, density=0.08, format="csr", random_state=1)  # some users have none
    ranked = np.argsort(rng.random((30, 40)), axis=1)[:, :10]
    per_user = ndcg_per_user(ranked, relevant, 10)
    none = np.diff(relevant.indptr) == 0
    assert none.any() and np.isnan(per_user[none]).all() and not np.isnan(per_user[~none]).any()
    assert np.mean(per_user[~none]) == pytest.approx(ranking_metrics(ranked, relevant, (10,))["NDCG@10"])
