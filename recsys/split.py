"""Seeded splits.

(a) ``interaction_split``: per user, shuffle their interactions with ``seed``; valid =
    int(0.1·n), test = int(0.1·n), the rest train (RecBole's random 8:1:1 ``RS`` split).
    A catalog that carries a given split (folder format ``split`` column) keeps it.
(b) ``user_split``: a seeded partition of users into train users and test users, for what
    must generalise to unseen people (the narrator, cold start).

``positive_core`` applies the offline protocol's filtering: ratings >= ``min_rating`` are
positives, then users and items with fewer than ``core`` positives are removed repeatedly
until both conditions hold (RecBole's k-core). ``Interactions`` is the result in compact
indices with the split applied, as the scorers and metrics consume it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from recsys.catalog import TEST, TRAIN, VALID, Catalog


@dataclass(frozen=True)
class Interactions:
    """Compact user-item matrices for one split. Rows are ``users`` (catalog user indices),
    columns are ``items`` (catalog item indices); matrices are binary CSR ``(n_u, n_i)``."""

    users: np.ndarray
    items: np.ndarray
    train: sp.csr_matrix
    valid: sp.csr_matrix
    test: sp.csr_matrix
    seed: int

    @property
    def shape(self) -> tuple[int, int]:
        return self.train.shape


def interaction_split_codes(user: np.ndarray, seed: int, given: np.ndarray | None = None) -> np.ndarray:
    """Split code (TRAIN/VALID/TEST) per interaction; ``user`` holds the row's user index."""
    if given is not None:
        return given.astype(np.int8)
    rng = np.random.default_rng(seed)
    order = np.lexsort((rng.random(len(user)), user))  # users grouped, shuffled within
    codes = np.empty(len(user), dtype=np.int8)
    starts = np.flatnonzero(np.r_[True, user[order][1:] != user[order][:-1]])
    ends = np.r_[starts[1:], len(user)]
    for s, e in zip(starts, ends):
        n = e - s
        n_eval = int(0.1 * n)
        block = np.full(n, TRAIN, dtype=np.int8)
        block[n - 2 * n_eval : n - n_eval] = VALID
        block[n - n_eval :] = TEST
        codes[order[s:e]] = block
    return codes


def user_split(catalog: Catalog, seed: int = 0, test_fraction: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """(train user indices, test user indices), disjoint and seeded."""
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be in (0, 1), got {test_fraction}")
    perm = np.random.default_rng(seed).permutation(catalog.n_users)
    n_test = max(1, int(round(test_fraction * catalog.n_users)))
    return np.sort(perm[n_test:]), np.sort(perm[:n_test])


def positive_core(catalog: Catalog, min_rating: float | None = 3.0, core: int = 10) -> np.ndarray:
    """Mask over interactions kept by the rating threshold and the iterative k-core filter."""
    keep = np.ones(len(catalog.inter_user), dtype=bool)
    if min_rating is not None:
        keep &= catalog.inter_rating >= min_rating
    # duplicates of a (user, item) pair count once
    pair = catalog.inter_user.astype(np.int64) * catalog.n_items + catalog.inter_item
    idx = np.flatnonzero(keep)  # among rows passing the threshold, the first of each pair
    first = np.zeros_like(keep)
    first[idx[np.unique(pair[idx], return_index=True)[1]]] = True
    keep &= first
    while core > 1:
        u_count = np.bincount(catalog.inter_user[keep], minlength=catalog.n_users)
        i_count = np.bincount(catalog.inter_item[keep], minlength=catalog.n_items)
        bad = keep & ((u_count[catalog.inter_user] < core) | (i_count[catalog.inter_item] < core))
        if not bad.any():
            break
        keep &= ~bad
    return keep


def split_interactions(catalog: Catalog, seed: int = 0, min_rating: float | None = 3.0, core: int = 10) -> Interactions:
    """The offline protocol's data: positives, k-core, per-user 8:1:1 split (or the given one)."""
    keep = positive_core(catalog, min_rating, core)
    users = np.unique(catalog.inter_user[keep])
    items = np.unique(catalog.inter_item[keep])
    u_map = np.full(catalog.n_users, -1, dtype=np.int64)
    u_map[users] = np.arange(len(users))
    i_map = np.full(catalog.n_items, -1, dtype=np.int64)
    i_map[items] = np.arange(len(items))
    u = u_map[catalog.inter_user[keep]]
    i = i_map[catalog.inter_item[keep]]
    given = None if catalog.inter_split is None else catalog.inter_split[keep]
    codes = interaction_split_codes(u, seed, given)
    shape = (len(users), len(items))

    def matrix(code: int) -> sp.csr_matrix:
        sel = codes == code
        m = sp.csr_matrix((np.ones(int(sel.sum()), np.float32), (u[sel], i[sel])), shape=shape)
        m.sort_indices()
        return m

    return Interactions(users, items, matrix(TRAIN), matrix(VALID), matrix(TEST), seed)
