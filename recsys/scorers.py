"""Scorer protocol, shared ranking, and the simple scorers (popularity, EASE, item-KNN).

Every scorer writes ``fit(train)`` and ``score(history)``; ranking is written once in
``top_k``. ``history`` is a binary CSR ``(n_rows, n_items)`` of what each row's person liked,
so scoring works for people never seen in training (every new chat user and test user):
EASE and item-KNN score straight from it, ALS folds it in.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import time
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp


def as_history(history, n_items: int) -> sp.csr_matrix:
    """Accept a CSR matrix, or a list of item indices (one person) -> CSR ``(n_rows, n_items)``."""
    if sp.issparse(history):
        return sp.csr_matrix(history, dtype=np.float32)
    idx = np.unique(np.asarray(list(history), dtype=np.int64))
    if idx.size and (idx.min() < 0 or idx.max() >= n_items):
        raise IndexError(f"history item index out of range [0, {n_items})")
    return sp.csr_matrix((np.ones(idx.size, np.float32), (np.zeros(idx.size, np.int64), idx)), shape=(1, n_items))


def top_k(scores: np.ndarray, k: int, exclude: sp.csr_matrix | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Indices and scores of the ``k`` best items per row, best first; ``exclude`` (same
    shape, nonzero = excluded) items get score -inf and come last: they appear only when a row
    has fewer than ``k`` items left. Ties break by lower item index."""
    scores = np.array(scores, dtype=np.float32, copy=True, ndmin=2)
    if exclude is not None and exclude.nnz:
        ex = sp.csr_matrix(exclude)
        rows = np.repeat(np.arange(ex.shape[0]), np.diff(ex.indptr))
        scores[rows, ex.indices] = -np.inf
    k = min(k, scores.shape[1])
    # a stable sort keeps ties in index order even across the k-th place (argpartition does not)
    idx = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return idx, np.take_along_axis(scores, idx, axis=1)


@dataclass(frozen=True)
class Params:
    """Base for typed, frozen hyper-parameter sets; subclasses validate in __post_init__."""

    def to_dict(self) -> dict:
        return asdict(self)


class Scorer(ABC):
    """Fit on a binary user-item matrix; score rows of histories; recommend via ``top_k``."""

    name: str = "scorer"
    Params = Params

    def __init__(self, params: Params | None = None, seed: int = 0, catalog=None, items=None) -> None:
        """``catalog`` and ``items`` (the catalog item behind each column of the matrices the
        model will fit on; None: every catalog item, in order) are side information for models
        that read it (KGAT's attributes); the others ignore them. Neither is pickled."""
        self.params = params if params is not None else self.Params()
        self.seed = seed
        self.catalog = catalog
        self.items = None if items is None else np.asarray(items, np.int64)
        self.n_items = 0
        self.train_fingerprint = ""

    def __getstate__(self) -> dict:  # a saved model never carries the side information
        return {k: v for k, v in self.__dict__.items() if k not in ("catalog", "items")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({"catalog": None, "items": None, **state})

    @abstractmethod
    def _fit(self, train: sp.csr_matrix) -> None: ...

    @abstractmethod
    def _score(self, history: sp.csr_matrix) -> np.ndarray: ...

    def fit(self, train: sp.csr_matrix) -> Scorer:
        train = binary(train)
        self.n_items = train.shape[1]
        self.train_fingerprint = matrix_fingerprint(train)
        t0 = time.perf_counter()
        self._fit(train)
        self.fit_seconds = time.perf_counter() - t0
        return self

    def score(self, history) -> np.ndarray:
        """Scores ``(n_rows, n_items)`` float32; higher is better."""
        if not self.n_items:
            raise RuntimeError(f"{self.name}: call fit() before score()")
        return np.asarray(self._score(as_history(history, self.n_items)), dtype=np.float32)

    def recommend(self, history, k: int = 10, exclude_seen: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Best ``k`` item indices and scores for each row of ``history``."""
        h = as_history(history, self.n_items)
        return top_k(self.score(h), k, h if exclude_seen else None)

    def fingerprint(self) -> str:
        """Identifies the fitted model: class, parameters, seed and training data."""
        parts = [self.name, self.params.to_dict(), self.seed, self.train_fingerprint]
        if getattr(self, "side_fingerprint", ""):  # side information (the catalog) a model read
            parts.append(self.side_fingerprint)
        blob = json.dumps(parts, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def save(self, path: str | Path, **meta) -> None:
        """Pickle the fitted model with its fingerprint and caller metadata (catalog, split),
        atomically (a reader sees the old file or the whole new one)."""
        from recsys.runs import atomic_write

        atomic_write(path, pickle.dumps({"fingerprint": self.fingerprint(), "meta": meta, "model": self}))

    @staticmethod
    def load(path: str | Path, expect_fingerprint: str | None = None) -> Scorer:
        with Path(path).open("rb") as f:
            blob = pickle.load(f)
        if expect_fingerprint is not None and blob["fingerprint"] != expect_fingerprint:
            raise ValueError(
                f"{path}: model fingerprint {blob['fingerprint']} does not match the expected "
                f"{expect_fingerprint}; it was fitted on other data or parameters: refit it"
            )
        return blob["model"]


def binary(m) -> sp.csr_matrix:
    """A float32 CSR copy with duplicates summed and every stored value 1: what models fit on."""
    m = sp.csr_matrix(m, dtype=np.float32, copy=True)
    m.sum_duplicates()
    m.data[:] = 1.0
    return m


def matrix_fingerprint(m: sp.csr_matrix) -> str:
    m = sp.csr_matrix(m)
    m.sort_indices()
    h = hashlib.sha256(repr(m.shape).encode())
    h.update(m.indptr.tobytes())
    h.update(m.indices.tobytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class NoParams(Params):
    pass


class Popularity(Scorer):
    """Items ranked by their number of training interactions, the same for everyone."""

    name = "pop"
    Params = NoParams

    def _fit(self, train):
        self.counts = np.asarray(train.sum(axis=0)).ravel().astype(np.float32)

    def _score(self, history):
        return np.broadcast_to(self.counts, (history.shape[0], self.n_items)).copy()


@dataclass(frozen=True)
class EASEParams(Params):
    l2: float = 500.0  # λ on the Gram matrix diagonal
    dropout: float = 0.0  # p of EDLAE (Steck 2020): adds p/(1-p)·diag(G) to the penalty

    def __post_init__(self):
        if self.l2 < 0:
            raise ValueError(f"EASEParams.l2 must be >= 0, got {self.l2}")
        if not 0 <= self.dropout < 1:
            raise ValueError(f"EASEParams.dropout must be in [0, 1), got {self.dropout}")


class EASE(Scorer):
    """EASE^R (Steck 2019): B = I - P·diag(1/diag P), P = (XᵀX + Λ)⁻¹, with the emphasised
    denoising penalty Λ = λI + p/(1-p)·diag(XᵀX) of EDLAE when ``dropout`` > 0."""

    name = "ease"
    Params = EASEParams

    def _fit(self, train):
        g = (train.T @ train).toarray().astype(np.float64)  # (n_items, n_items)
        diag = np.diag(g).copy()
        p = self.params.dropout
        g[np.diag_indices_from(g)] += self.params.l2 + (p / (1 - p)) * diag
        inv = np.linalg.inv(g)
        b = -inv / np.diag(inv)
        np.fill_diagonal(b, 0.0)
        self.B = b.astype(np.float32)

    def _score(self, history):
        return np.asarray(history @ self.B)


@dataclass(frozen=True)
class ItemKNNParams(Params):
    k: int = 200  # neighbours kept per item
    shrink: float = 0.0  # cosine shrinkage

    def __post_init__(self):
        if self.k < 1:
            raise ValueError(f"ItemKNNParams.k must be >= 1, got {self.k}")
        if self.shrink < 0:
            raise ValueError(f"ItemKNNParams.shrink must be >= 0, got {self.shrink}")


class ItemKNN(Scorer):
    """Cosine item-item neighbours; a candidate is scored from its own k most similar
    items: score = history · Sᵀ with S row-truncated to each item's k neighbours."""

    name = "itemknn"
    Params = ItemKNNParams

    def _fit(self, train):
        g = (train.T @ train).toarray().astype(np.float32)
        norms = np.sqrt(np.diag(g)).copy()
        sim = g / (np.outer(norms, norms) + self.params.shrink + 1e-9)
        np.fill_diagonal(sim, 0.0)
        k = min(self.params.k, sim.shape[1] - 1)
        drop = np.argpartition(-sim, k, axis=1)[:, k:]  # everything past the k nearest
        np.put_along_axis(sim, drop, 0.0, axis=1)
        self.S = sp.csr_matrix(sim)  # row i: the neighbours of candidate i

    def _score(self, history):
        return np.asarray((history @ self.S.T).toarray())

