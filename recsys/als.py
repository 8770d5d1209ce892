"""Implicit-feedback weighted ALS (Hu, Koren & Volinsky 2008), conjugate-gradient solver.

Loss over all user-item pairs: Σ c_ui (p_ui - x_uᵀy_i)² + λ(‖X‖² + ‖Y‖²), with p_ui = 1 and
confidence c_ui = α for observed pairs, p_ui = 0 and c_ui = 1 otherwise (``implicit``'s
convention, so parameters carry over). Each half-step solves, for every user at once,
(YᵀY + λI + Yᵀ(C_u - I)Y) x_u = Yᵀ C_u p_u with a few CG steps warm-started from the
previous x_u (Takács et al. 2011), as ``implicit`` does; the per-pair products y_iᵀv_u
(a sampled dense-dense product) are computed in row blocks through one dense matmul each,
which on catalogs of a few thousand items beats gathering factor rows pair by pair.

New people are folded in from their history by running the same solver from zero with more
steps, so every unseen chat or test user is scored without retraining.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from recsys.scorers import Params, Scorer

_BLOCK_CELLS = 1 << 24  # dense cells per block of the sampled product (64 MB of float32)


@dataclass(frozen=True)
class ALSParams(Params):
    factors: int = 128
    l2: float = 50.0
    alpha: float = 3.0  # confidence of an observed pair
    iterations: int = 30
    cg_steps: int = 3
    fold_in_steps: int = 24

    def __post_init__(self):
        for name in ("factors", "iterations", "cg_steps", "fold_in_steps"):
            if getattr(self, name) < 1:
                raise ValueError(f"ALSParams.{name} must be >= 1, got {getattr(self, name)}")
        if self.l2 < 0 or self.alpha <= 0:
            raise ValueError(f"ALSParams needs l2 >= 0 and alpha > 0, got l2={self.l2}, alpha={self.alpha}")


def _sampled_dots(pattern: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """(left @ right.T) at the nonzeros of ``pattern``, in CSR data order: ``(nnz,)``."""
    n_rows, n_cols = pattern.shape
    out = np.empty(pattern.nnz, dtype=np.float32)
    step = max(1, _BLOCK_CELLS // max(n_cols, 1))
    for start in range(0, n_rows, step):
        stop = min(n_rows, start + step)
        lo, hi = pattern.indptr[start], pattern.indptr[stop]
        if lo == hi:
            continue
        dense = left[start:stop] @ right.T  # (block, n_cols)
        rows = np.repeat(np.arange(stop - start), np.diff(pattern.indptr[start : stop + 1]))
        out[lo:hi] = dense[rows, pattern.indices[lo:hi]]
    return out


def cg_solve(conf: sp.csr_matrix, Y: np.ndarray, X: np.ndarray, l2: float, steps: int) -> np.ndarray:
    """Update every row x_u of ``X`` ``(n_rows, f)`` towards the weighted least-squares
    solution given the other side's factors ``Y`` ``(n_cols, f)`` and confidences ``conf``
    ``(n_rows, n_cols)`` (c_ui at observed pairs). Returns the new ``X``."""
    f = Y.shape[1]
    yty = (Y.T @ Y).astype(np.float32) + l2 * np.eye(f, dtype=np.float32)  # (f, f)
    weights = conf.copy()

    def apply_a(v: np.ndarray) -> np.ndarray:  # A_u v_u for every row, (n_rows, f)
        weights.data = (conf.data - 1.0) * _sampled_dots(conf, v, Y)
        return v @ yty + weights @ Y

    X = X.astype(np.float32, copy=True)
    b = conf @ Y  # Σ_i c_ui y_i, (n_rows, f)
    r = b - apply_a(X)
    p = r.copy()
    rs_old = np.einsum("ij,ij->i", r, r)
    for _ in range(steps):
        ap = apply_a(p)
        denom = np.einsum("ij,ij->i", p, ap)
        step = np.divide(rs_old, denom, out=np.zeros_like(rs_old), where=denom > 1e-20)
        X += step[:, None] * p
        r -= step[:, None] * ap
        rs_new = np.einsum("ij,ij->i", r, r)
        beta = np.divide(rs_new, rs_old, out=np.zeros_like(rs_new), where=rs_old > 1e-20)
        p = r + beta[:, None] * p
        rs_old = rs_new
    return X


class ALS(Scorer):
    """Weighted matrix factorisation; ``user_factors`` ``(n_users, f)``, ``item_factors``
    ``(n_items, f)`` are what the narrator's soft tokens read."""

    name = "als"
    Params = ALSParams

    def _fit(self, train):
        p = self.params
        rng = np.random.default_rng(self.seed)
        n_users, n_items = train.shape
        X = (rng.random((n_users, p.factors), dtype=np.float32) * 0.01)
        Y = (rng.random((n_items, p.factors), dtype=np.float32) * 0.01)
        cui = (train * p.alpha).astype(np.float32).tocsr()
        ciu = cui.T.tocsr()
        for _ in range(p.iterations):
            X = cg_solve(cui, Y, X, p.l2, p.cg_steps)
            Y = cg_solve(ciu, X, Y, p.l2, p.cg_steps)
        self.user_factors, self.item_factors = X, Y

    def fold_in(self, history: sp.csr_matrix) -> np.ndarray:
        """User vectors ``(n_rows, f)`` for histories, solved from zero."""
        conf = (sp.csr_matrix(history, dtype=np.float32) * self.params.alpha).tocsr()
        x0 = np.zeros((conf.shape[0], self.params.factors), dtype=np.float32)
        return cg_solve(conf, self.item_factors, x0, self.params.l2, self.params.fold_in_steps)

    def _score(self, history):
        return self.fold_in(history) @ self.item_factors.T
