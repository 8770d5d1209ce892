"""Seeded splits.

(a) ``interaction_split``: per user, shuffle their interactions with ``seed``; valid =
    int(0.1·n), test = int(0.1·n), the rest train (RecBole's random 8:1:1 ``RS`` split).
    A catalog that carries a given split (folder format ``split`` column) keeps it.
(b) ``user_split``: a seeded partition of users into train users and test users, for what
    must generalise to unseen people (the narrator, cold start).

``positive_core`` applies the data protocol (``DataProtocol``): ratings >= ``min_rating`` are
positives, then users and items with fewer than ``core`` positives are removed repeatedly
until both conditions hold (RecBole's k-core). ``Interactions`` is the result in compact
indices with the split applied, as the scorers and metrics consume it.

Defaults depend on what the data has (``data_protocol``): with ratings on a star scale
(every rating in 0..5) positives are ratings >= 3, with a 0/1 column the 1s, otherwise (no
rating column: implicit feedback; or counts) every interaction is positive; a random split follows RecBole's
protocol (10-core), a given split is kept whole (no core filter). Every command that loads
data takes ``--min-rating`` and ``--core`` to say otherwise, prints the protocol at load and
records it in its JSON.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from recsys.catalog import TEST, TRAIN, VALID, Catalog, DataError

log = logging.getLogger(__name__)

STAR_SCALE = (0.0, 5.0)  # ratings all in this range read as stars: positives are >= 3
STAR_POSITIVE = 3.0
RANDOM_SPLIT_CORE = 10  # RecBole's k-core for a random 8:1:1 split


@dataclass(frozen=True)
class DataProtocol:
    """Which interactions are positives (``min_rating``, None: all) and the k-core filter
    (``core``; 1: none). ``reason`` says where the values came from (flags or defaults)."""

    min_rating: float | None
    core: int
    reason: str = ""

    def __post_init__(self):
        if self.core < 1:
            raise ValueError(f"core must be >= 1 (1: no filter), got {self.core}")

    def as_dict(self) -> dict:
        return {"min_rating": self.min_rating, "core": self.core, "chosen": self.reason}

    def key(self) -> dict:
        """What identifies the data a model saw (without the explanation)."""
        return {"min_rating": self.min_rating, "core": self.core}

    def __str__(self) -> str:
        pos = "every interaction" if self.min_rating is None else f"rating >= {self.min_rating:g}"
        core = "no k-core filter" if self.core <= 1 else f"{self.core}-core"
        return f"positives: {pos}; {core}" + (f" ({self.reason})" if self.reason else "")


def data_protocol(catalog: Catalog, min_rating: float | None | str = "default",
                  core: int | None = None) -> DataProtocol:
    """The protocol for ``catalog``: the flags' values where given (``min_rating`` None or
    "none": every interaction positive), the defaults above otherwise."""
    why = []
    if isinstance(min_rating, str):
        if min_rating.lower() == "none":
            min_rating, why = None, ["--min-rating none"]
        elif min_rating == "default":
            r = catalog.inter_rating
            if not catalog.ratings:
                min_rating = None
                why.append("no ratings: implicit feedback, every interaction positive")
            elif len(r) and set(np.unique(r).tolist()) <= {0.0, 1.0}:
                min_rating = 1.0
                why.append("a 0/1 rating column: the 1s are positives")
            elif len(r) and STAR_SCALE[0] <= float(r.min()) and float(r.max()) <= STAR_SCALE[1]:
                min_rating = STAR_POSITIVE
                why.append(f"star ratings: >= {STAR_POSITIVE:g} positive")
            else:
                min_rating = None
                why.append("ratings not on a 0..5 star scale: every interaction positive")
        else:
            min_rating, why = float(min_rating), [f"--min-rating {min_rating}"]
    elif min_rating is not None:
        why.append(f"--min-rating {min_rating:g}")
    if core is None:
        core = 1 if catalog.inter_split is not None else RANDOM_SPLIT_CORE
        why.append("a given split, kept whole" if core == 1 else f"a random split: RecBole's {core}-core")
    else:
        why.append(f"--core {core}")
    return DataProtocol(None if min_rating is None else float(min_rating), int(core), "; ".join(why))


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
    protocol: DataProtocol | None = None

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


def cf_key(catalog: Catalog, protocol: DataProtocol | None) -> str:
    """What the CF model's tuned file is named by (``configs/tuned/<cf_key>.json``): the
    dataset's key (``Catalog.key``), with a short hash of the data protocol when it is not the
    dataset's default, so tuning under ``--core 5`` never overwrites the default's file."""
    import hashlib
    import json

    if protocol is None or protocol.key() == data_protocol(catalog).key():
        return catalog.key()
    return f"{catalog.key()}-d{hashlib.sha256(json.dumps(protocol.key()).encode()).hexdigest()[:6]}"


def positive_core(catalog: Catalog, min_rating: float | None = 3.0, core: int = 10) -> np.ndarray:
    """Mask over interactions kept by the rating threshold and the iterative k-core filter.
    A filter that keeps nothing is a ``DataError`` naming it and the counts before and after."""
    keep = np.ones(len(catalog.inter_user), dtype=bool)
    if min_rating is not None:
        keep &= catalog.inter_rating >= min_rating
        if not keep.any():
            lo, hi = (float(catalog.inter_rating.min()), float(catalog.inter_rating.max())) if len(keep) else (0, 0)
            raise DataError(f"{catalog.name}: the rating threshold --min-rating {min_rating:g} keeps 0 of "
                            f"{len(keep):,} interactions (ratings range {lo:g}..{hi:g}); lower it or pass "
                            "--min-rating none")
    before_core = int(keep.sum())
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
    if not keep.any():
        raise DataError(f"{catalog.name}: the {core}-core filter keeps 0 of {before_core:,} interactions "
                        f"({catalog.n_users:,} users, {catalog.n_items:,} items before it); lower --core "
                        "(1: no filter)")
    return keep


def split_interactions(catalog: Catalog, seed: int = 0, protocol: DataProtocol | None = None) -> Interactions:
    """The offline protocol's data: positives, k-core, per-user 8:1:1 split (or the given one).
    ``protocol`` None: the catalog's defaults (``data_protocol``)."""
    protocol = protocol or data_protocol(catalog)
    keep = positive_core(catalog, protocol.min_rating, protocol.core)
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

    return Interactions(users, items, matrix(TRAIN), matrix(VALID), matrix(TEST), seed, protocol)


SPARSE_SHARE = 0.2  # users made sparse by ``sparsify``


def sparsify(data: Interactions, k: int, share: float = SPARSE_SHARE) -> tuple[Interactions, np.ndarray]:
    """The sparse-user protocol: a seeded ``share`` of the users (drawn with the split seed)
    each keep at most ``k`` of their training interactions, also drawn with the split seed;
    the other users ("warm") and every validation and test interaction are unchanged. Returns
    the data with the trimmed training matrix, and the sparse users' mask."""
    if k < 1 or not 0 < share <= 1:
        raise ValueError(f"sparsify: k >= 1 and 0 < share <= 1, got k={k}, share={share}")
    rng = np.random.default_rng([data.seed, 0x5BA25E])
    n_users = data.train.shape[0]
    sparse = np.zeros(n_users, dtype=bool)
    sparse[rng.choice(n_users, size=max(1, round(share * n_users)), replace=False)] = True
    train = data.train.tocsr()
    rows, cols = [], []
    for user in range(n_users):
        items = train.indices[train.indptr[user]:train.indptr[user + 1]]
        if sparse[user] and len(items) > k:
            items = np.sort(rng.choice(items, size=k, replace=False))
        rows.append(np.full(len(items), user))
        cols.append(items)
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    kept = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=train.shape)
    kept.sort_indices()
    return dataclasses.replace(data, train=kept), sparse
