"""Discrete codes for vectors: a residual-quantised VAE (RQ-VAE), as GSERec (arXiv 2508.04145)
uses to turn a user's preference-summary embedding into a few codes that users can share.

    codes = fit_codes(x, levels=3, size=64, seed=0)   # x: (n, d) float vectors
    c = codes.assign(x)                               # (n, levels) int codes, coarse to fine
    codes.report(c)                                   # usage per level, collisions

An encoder (MLP) maps a vector to a latent z; ``levels`` codebooks of ``size`` codes each
quantise it residually (level 1 takes the code nearest z, level 2 the code nearest what is
left, …), and a decoder reconstructs the vector from the sum of the chosen codes. Training
(Adam, PyTorch on CPU) minimises reconstruction error plus, per level, the codebook and
commitment terms of VQ-VAE (``beta`` weighs the commitment), with the straight-through
estimator for the encoder. Two guards against *code collapse* (a few codes taking every
vector, so codes stop telling users apart):

- **k-means initialisation**: before training, each level's codebook is k-means (k-means++
  seeding, ``scipy.cluster.vq.kmeans2``) of that level's residuals under the initial
  encoder, so every code starts where vectors are;
- **dead-code restarts**: after each epoch, a code no vector chose in that epoch is moved to
  a randomly drawn residual of its level (at most ``restarts`` epochs of it), so capacity
  that collapsed is put back where the data is.

Deterministic for a seed (torch and numpy generators seeded).
The fitted model keeps its weights as numpy arrays, so assignment needs no torch and
pickles small.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class CodeParams:
    levels: int = 3
    size: int = 64  # codes per level
    latent: int = 32
    hidden: int = 128
    epochs: int = 200
    batch_size: int = 256
    lr: float = 1e-3
    beta: float = 0.25  # commitment weight
    restarts: int = 150  # epochs (from the first) after which dead codes are moved

    def __post_init__(self):
        if self.levels < 1 or self.size < 2 or self.latent < 1 or self.hidden < 1:
            raise ValueError(f"CodeParams: levels >= 1, size >= 2, latent and hidden >= 1, got {self}")
        if self.epochs < 0 or self.batch_size < 1 or not self.lr > 0 or self.beta < 0:
            raise ValueError(f"CodeParams: epochs >= 0, batch_size >= 1, lr > 0, beta >= 0, got {self}")


@dataclass
class Codes:
    """A fitted RQ-VAE: encoder and decoder weights, and one codebook per level."""

    params: CodeParams
    encoder: list[tuple[np.ndarray, np.ndarray]]  # (W, b) per layer, tanh between
    decoder: list[tuple[np.ndarray, np.ndarray]]
    codebooks: np.ndarray  # (levels, size, latent)
    history: list[dict] = field(default_factory=list)  # per epoch: loss parts and codes used per level

    def encode(self, x: np.ndarray) -> np.ndarray:
        return _mlp(np.asarray(x, dtype=np.float32), self.encoder)

    def assign(self, x: np.ndarray) -> np.ndarray:
        """``(n, levels)`` codes of the vectors ``x``, coarse to fine."""
        z = self.encode(x)
        return self._descend(z, _nearest(z, self.codebooks[0]))

    def assign_beam(self, x: np.ndarray, width: int) -> list[np.ndarray]:
        """``width`` code paths per vector: its ``width`` nearest first-level codes, nearest to best,
        each followed by the nearest codes below it (the first path is ``assign``'s)."""
        z = self.encode(x)
        first = ((z[:, None, :] - self.codebooks[0][None]) ** 2).sum(-1).argsort(axis=1)[:, :width]
        return [self._descend(z, first[:, j]) for j in range(first.shape[1])]

    def _descend(self, z: np.ndarray, first: np.ndarray) -> np.ndarray:
        """``(n, levels)`` codes of latents ``z`` whose first-level codes are ``first``: at each level
        below, the code nearest to what the levels above leave."""
        out = np.empty((len(z), self.params.levels), dtype=np.int64)
        out[:, 0] = first
        residual = z - self.codebooks[0][first]
        for level in range(1, self.params.levels):
            out[:, level] = _nearest(residual, self.codebooks[level])
            residual = residual - self.codebooks[level][out[:, level]]
        return out

    def reconstruct(self, codes: np.ndarray) -> np.ndarray:
        """The vectors the decoder makes from ``(n, levels)`` codes."""
        z = sum(self.codebooks[level][codes[:, level]] for level in range(codes.shape[1]))
        return _mlp(z, self.decoder)

    def report(self, codes: np.ndarray) -> dict:
        """How the codes are used: per level, the share of the codebook used and the
        perplexity (exp of the entropy of code use: ``size`` when uniform, 1 when collapsed);
        the share of vectors whose whole code tuple another vector also has (collisions), and
        the number of distinct tuples."""
        n = len(codes)
        levels = []
        for level in range(codes.shape[1]):
            counts = np.bincount(codes[:, level], minlength=self.params.size)
            p = counts[counts > 0] / max(n, 1)
            levels.append({"used": float((counts > 0).mean()), "perplexity": float(np.exp(-(p * np.log(p)).sum()))})
        _, inverse, counts = np.unique(codes, axis=0, return_inverse=True, return_counts=True)
        return {"levels": levels, "distinct": int(len(counts)),
                "collisions": float((counts[inverse.ravel()] > 1).mean()) if n else 0.0}


def fit_codes(x: np.ndarray, params: CodeParams | None = None, seed: int = 0, **overrides) -> Codes:
    """An RQ-VAE fitted to the rows of ``x`` (``params``, with any field overridden by name)."""
    import torch

    params = CodeParams(**{**(params.__dict__ if params else {}), **overrides})
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2 or len(x) < params.size:
        raise ValueError(f"fit_codes needs a 2-D array with at least size={params.size} rows, got {x.shape}")
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    d = x.shape[1]
    enc = torch.nn.Sequential(torch.nn.Linear(d, params.hidden), torch.nn.Tanh(),
                              torch.nn.Linear(params.hidden, params.latent))
    dec = torch.nn.Sequential(torch.nn.Linear(params.latent, params.hidden), torch.nn.Tanh(),
                              torch.nn.Linear(params.hidden, d))
    data = torch.from_numpy(x)
    with torch.no_grad():
        books = torch.nn.Parameter(torch.from_numpy(_kmeans_books(enc(data).numpy(), params, rng)))
    opt = torch.optim.Adam([*enc.parameters(), *dec.parameters(), books], lr=params.lr)
    history = []
    for epoch in range(params.epochs):
        order = torch.from_numpy(rng.permutation(len(x)))
        used = np.zeros((params.levels, params.size), dtype=bool)
        sums = np.zeros(3)
        for start in range(0, len(x), params.batch_size):
            batch = data[order[start:start + params.batch_size]]
            z = enc(batch)
            residual, quantised, vq = z, torch.zeros_like(z), torch.zeros(())
            for level in range(params.levels):
                with torch.no_grad():
                    idx = torch.cdist(residual, books[level]).argmin(dim=1)
                used[level, idx.numpy()] = True
                e = books[level][idx]
                vq = vq + ((residual.detach() - e) ** 2).sum(1).mean() + \
                    params.beta * ((residual - e.detach()) ** 2).sum(1).mean()
                quantised = quantised + e
                residual = residual - e.detach()
            out = dec(z + (quantised - z).detach())  # straight through: the decoder's gradient reaches z
            recon = ((out - batch) ** 2).sum(1).mean()
            loss = recon + vq
            opt.zero_grad()
            loss.backward()
            opt.step()
            sums += [loss.item() * len(batch), recon.item() * len(batch), vq.item() * len(batch)]
        dead = 0
        if epoch < params.restarts:
            with torch.no_grad():
                dead = _restart_dead(enc(data), books, used, rng)
        history.append({"epoch": epoch, "loss": sums[0] / len(x), "reconstruction": sums[1] / len(x),
                        "vq": sums[2] / len(x), "used": used.mean(axis=1).round(4).tolist(), "restarted": dead})
    weights = lambda net: [(m.weight.detach().numpy().T.copy(), m.bias.detach().numpy().copy())
                           for m in net if isinstance(m, torch.nn.Linear)]
    return Codes(params, weights(enc), weights(dec), books.detach().numpy().copy(), history)


def _kmeans_books(z: np.ndarray, params: CodeParams, rng: np.random.Generator) -> np.ndarray:
    """Each level's codebook: k-means of that level's residuals (the level before removed)."""
    from scipy.cluster.vq import kmeans2

    books, residual = [], z.astype(np.float64)
    for _ in range(params.levels):
        # a whisker of noise: identical vectors (or a level with nothing left) would give k-means++ no spread
        jittered = residual + 1e-6 * rng.normal(size=residual.shape)
        with warnings.catch_warnings():  # an empty cluster is fine: dead-code restarts move it
            warnings.simplefilter("ignore", UserWarning)
            centroids, labels = kmeans2(jittered, params.size, minit="++", seed=rng, iter=20)
        books.append(centroids)
        residual = residual - centroids[labels]
    return np.stack(books).astype(np.float32)


def _restart_dead(z, books, used: np.ndarray, rng: np.random.Generator) -> int:
    """Move each code unused this epoch to a random residual of its level; returns how many."""
    import torch

    residual, moved = z, 0
    for level in range(books.shape[0]):
        idx = torch.cdist(residual, books[level]).argmin(dim=1)
        dead = np.flatnonzero(~used[level])
        if len(dead):
            picks = rng.choice(len(residual), size=len(dead), replace=len(dead) > len(residual))
            books.data[level, torch.from_numpy(dead)] = residual[torch.from_numpy(picks)]
            moved += len(dead)
        residual = residual - books[level][idx]
    return moved


def _mlp(x: np.ndarray, layers: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    for k, (w, b) in enumerate(layers):
        x = x @ w + b
        if k < len(layers) - 1:
            x = np.tanh(x)
    return x.astype(np.float32)


def _nearest(x: np.ndarray, book: np.ndarray) -> np.ndarray:
    d = (x * x).sum(1, keepdims=True) - 2 * x @ book.T + (book * book).sum(1)
    return d.argmin(axis=1)
