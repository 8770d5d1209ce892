"""Top-N metrics under full ranking, as in RecBole and DESIGN.md.

Recall@k = hits in the top k / the user's number of relevant items; NDCG@k uses binary gains
with the ideal DCG of min(relevant, k) hits; Hit@k = 1 when at least one relevant item is in
the top k. Users with no relevant item are skipped; the others are averaged.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def hit_matrix(ranked: np.ndarray, relevant: sp.csr_matrix) -> np.ndarray:
    """Boolean ``(n_users, K)``: whether the item at each rank is relevant."""
    rel = sp.csr_matrix(relevant)
    rows = np.repeat(np.arange(ranked.shape[0]), ranked.shape[1])
    return np.asarray(rel[rows, ranked.ravel()]).reshape(ranked.shape) > 0


def _ndcg(hits: np.ndarray, n_rel: np.ndarray, k: int) -> np.ndarray:
    """NDCG@k per row of a hit matrix, for rows with ``n_rel`` >= 1 relevant items; ranks past
    the matrix's width count as misses."""
    kk = min(k, hits.shape[1])
    discount = 1.0 / np.log2(np.arange(2, k + 2))
    return (hits[:, :kk] @ discount[:kk]) / np.cumsum(discount)[np.minimum(n_rel, k) - 1]


def ranking_metrics(ranked: np.ndarray, relevant: sp.csr_matrix, ks=(10, 20)) -> dict[str, float]:
    """Recall@k, NDCG@k, Hit@k for each k; ``ranked`` ``(n_users, >=max k)`` item indices."""
    n_rel = np.diff(sp.csr_matrix(relevant).indptr)
    users = n_rel > 0
    hits = hit_matrix(ranked[:, : max(ks)], relevant)[users].astype(np.float64)
    n_rel = n_rel[users]
    out = {}
    for k in ks:
        kk = min(k, hits.shape[1])  # fewer ranked items than k: the missing ranks are misses
        out[f"Recall@{k}"] = float(np.mean(hits[:, :kk].sum(axis=1) / n_rel))
        out[f"NDCG@{k}"] = float(np.mean(_ndcg(hits, n_rel, k)))
        out[f"Hit@{k}"] = float(np.mean(hits[:, :kk].any(axis=1)))
    return out


def ndcg_per_user(ranked: np.ndarray, relevant: sp.csr_matrix, k: int = 10) -> np.ndarray:
    """NDCG@k of each user (binary gains, as ``ranking_metrics``); NaN for users with no
    relevant item, so two models' arrays pair up user by user."""
    n_rel = np.diff(sp.csr_matrix(relevant).indptr)
    users = n_rel > 0
    out = np.full(len(n_rel), np.nan)
    out[users] = _ndcg(hit_matrix(ranked[:, :k], relevant)[users].astype(np.float64), n_rel[users], k)
    return out


def diversity(ranked: np.ndarray, vectors: np.ndarray, genres: np.ndarray) -> tuple[float, float]:
    """Of each row's ranked items: the mean intra-list distance (mean pairwise 1 − cosine of
    the rows of ``vectors``, which must be unit length) and the mean number of distinct genres
    (``genres``: a boolean item × genre matrix), averaged over rows."""
    V = vectors[ranked]  # (n_users, k, d)
    sims = np.einsum("ukd,ujd->ukj", V, V)
    k = ranked.shape[1]
    ild = (1 - (sims.sum(axis=(1, 2)) - k) / (k * (k - 1))).mean()
    cover = (genres[ranked.ravel()].reshape(*ranked.shape, -1).sum(axis=1) > 0).sum(axis=1).mean()
    return float(ild), float(cover)
