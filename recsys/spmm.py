"""Sparse × dense products for torch's autograd, with the transpose built once.

The backward pass of ``torch.sparse.mm(A, X)`` needs Aᵀ · dY, and torch builds Aᵀ afresh on
every call. On KGAT's ML-1M graph (12k entities, 1.4M edges, 64 dimensions) that made a
backward pass six times the cost of its forward pass (0.07 s against 0.005 s on 2 cores), and
the backward passes most of a training epoch. ``Product(A)`` holds A and Aᵀ as CSR and uses
Aᵀ directly: the same sums, a fraction of the time.
"""

from __future__ import annotations

import warnings

import numpy as np
import scipy.sparse as sp


def torch_csr(m: sp.csr_matrix):
    """A scipy CSR matrix as a torch CSR tensor (float32)."""
    import torch

    warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta state")
    return torch.sparse_csr_tensor(torch.from_numpy(m.indptr.astype(np.int64)),
                                   torch.from_numpy(m.indices.astype(np.int64)),
                                   torch.from_numpy(np.ascontiguousarray(m.data, dtype=np.float32)),
                                   size=m.shape, check_invariants=False)


class Product:
    """``Product(A)(X)`` is A · X for a fixed sparse A and a dense X that may need gradients
    (A itself gets none)."""

    def __init__(self, m: sp.spmatrix) -> None:
        m = sp.csr_matrix(m, dtype=np.float32)
        self.shape = m.shape
        self.a = torch_csr(m)
        self.at = torch_csr(m.T.tocsr())

    def __call__(self, x):
        return _apply(self.a, self.at, x)

    def t(self) -> Product:
        """Aᵀ, sharing both tensors."""
        out = Product.__new__(Product)
        out.shape, out.a, out.at = self.shape[::-1], self.at, self.a
        return out


_FUNCTION = None


def _apply(a, at, x):
    global _FUNCTION
    if _FUNCTION is None:  # torch is imported lazily, so the class is made on first use
        import torch

        class SpMM(torch.autograd.Function):
            @staticmethod
            def forward(ctx, a, at, x):
                ctx.at = at
                return torch.sparse.mm(a, x)

            @staticmethod
            def backward(ctx, grad):
                return None, None, torch.sparse.mm(ctx.at, grad)

        _FUNCTION = SpMM
    return _FUNCTION.apply(a, at, x)
