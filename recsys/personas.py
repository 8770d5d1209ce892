"""Several tastes per user (AMP-CF style): persona vectors and attention over them.

A user is K persona vectors in the fused item space (``fuse``: unit CF vector ; unit text
vector, scaled to unit length), the centroids of a spherical k-means over the items they
liked. K is chosen per user, not fixed: the largest k <= ``max_k`` for which every cluster
keeps at least ``min_size`` items and the mean within-cluster cosine gains at least
``min_gain`` over k-1 clusters. A user with few likes, or one coherent taste, keeps one
persona; a split that leaves a cluster of one or two items is noise, not a taste.

A candidate ``x`` is scored with attention conditioned on it (as AMP-CF):
    a_k(x) = softmax_k(β <p_k, x> + log w_k),   score(x) = Σ_k a_k(x) <p_k, x>
so an item close to any one persona scores high even when it is far from the mean of all
likes; ``argmax_k a_k(x)`` names the persona the item serves. ``w`` are persona weights
(shares of the likes at build time, shifted by feedback within a session: ``reweight``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np


@dataclass(frozen=True)
class PersonaConfig:
    max_k: int = 3
    min_size: int = 3
    min_gain: float = 0.03
    beta: float = 8.0  # attention sharpness
    iterations: int = 20
    step: float = 0.15  # weight shift per like / dislike within a session

    def __post_init__(self):
        if self.max_k < 1 or self.min_size < 1 or self.beta <= 0 or not 0 <= self.step < 1:
            raise ValueError(f"invalid PersonaConfig: {self}")


@dataclass(frozen=True)
class Persona:
    vector: np.ndarray  # (d,) unit
    weight: float
    items: tuple[int, ...]  # liked items it was built from (indices into the item matrix)
    description: str = ""


def l2(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    n = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(n, 1e-12)


def fuse(cf: np.ndarray, text: np.ndarray) -> np.ndarray:
    """Fused item vectors ``(n, d_cf + d_text)``: each part unit length, the whole unit length."""
    if cf.shape[0] != text.shape[0]:
        raise ValueError(f"cf has {cf.shape[0]} rows, text {text.shape[0]}")
    return (np.concatenate([l2(cf), l2(text)], axis=1) / np.sqrt(2.0)).astype(np.float32)


def spherical_kmeans(X: np.ndarray, k: int, iterations: int = 20) -> np.ndarray:
    """Cluster labels ``(n,)`` of unit rows ``X``; deterministic farthest-point start."""
    n = X.shape[0]
    centres = [X[np.argmax(X @ l2(X.mean(0)))]]
    while len(centres) < k:
        sims = np.max(X @ np.stack(centres).T, axis=1)
        centres.append(X[int(np.argmin(sims))])
    C = np.stack(centres)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        new = np.argmax(X @ C.T, axis=1)
        if _ >= 1 and np.array_equal(new, labels):
            break
        labels = new
        C = np.stack([l2(X[labels == j].sum(0)) if (labels == j).any() else C[j] for j in range(k)])
    return labels


def _cohesion(X: np.ndarray, labels: np.ndarray) -> float:
    """Mean cosine of each item to its cluster's centroid."""
    k = int(labels.max()) + 1
    C = np.zeros((k, X.shape[1]), dtype=np.float64)
    np.add.at(C, labels, X)
    return float(np.mean(np.sum(X * l2(C)[labels], axis=1)))


def build_personas(item_vectors: np.ndarray, liked: np.ndarray, config: PersonaConfig = PersonaConfig()
                   ) -> list[Persona]:
    """Personas from the liked items' rows of ``item_vectors`` ``(n_items, d)``; [] when none."""
    liked = np.unique(np.asarray(liked, dtype=np.int64))
    if liked.size == 0:
        return []
    X = l2(item_vectors[liked])
    best = np.zeros(len(liked), dtype=np.int64)
    score = _cohesion(X, best)
    for k in range(2, config.max_k + 1):
        if len(liked) < k * config.min_size:
            break
        labels = spherical_kmeans(X, k, config.iterations)
        sizes = np.bincount(labels, minlength=k)
        if sizes.min() < config.min_size:
            break
        s = _cohesion(X, labels)
        if s < score + config.min_gain:
            break
        best, score = labels, s
    out = []
    for j in np.unique(best):
        members = liked[best == j]
        out.append(Persona(l2(X[best == j].sum(0)), len(members) / len(liked), tuple(int(i) for i in members)))
    return sorted(out, key=lambda p: -p.weight)


def attention(personas: list[Persona], x: np.ndarray, beta: float = PersonaConfig.beta
              ) -> tuple[np.ndarray, np.ndarray]:
    """For candidates ``x`` ``(n, d)``: scores ``(n,)`` and attention weights ``(n, K)``."""
    P = np.stack([p.vector for p in personas])  # (K, d)
    w = np.array([max(p.weight, 1e-6) for p in personas])
    sims = x @ P.T  # (n, K)
    logits = beta * sims + np.log(w)
    logits -= logits.max(axis=1, keepdims=True)
    a = np.exp(logits)
    a /= a.sum(axis=1, keepdims=True)
    return (a * sims).sum(axis=1), a


def single_vector_scores(item_vectors: np.ndarray, liked: np.ndarray) -> np.ndarray:
    """The one-vector baseline with the same features: cosine to the mean liked vector."""
    return item_vectors @ l2(item_vectors[np.asarray(liked)].mean(0))


def reweight(personas: list[Persona], persona: int, liked: bool, step: float = PersonaConfig.step) -> list[Persona]:
    """Test-time update: shift weight toward (like) or away from (dislike) one persona."""
    w = np.array([p.weight for p in personas], dtype=np.float64)
    w[persona] = w[persona] + step if liked else max(w[persona] - step, 0.02)
    w /= w.sum()
    return [replace(p, weight=float(wk)) for p, wk in zip(personas, w)]


def describe(item_attr, attr_values: list[tuple[str, str]], items: tuple[int, ...], value_share: np.ndarray,
             n: int = 3) -> str:
    """Words for a persona, e.g. "Crime · Thriller · 1990s · Quentin Tarantino": the genres
    (at most two) and the decade that at least a third of its items share, most
    characteristic first (share among the persona's items over share in the catalog,
    ``value_share`` ``(n_values,)``), then a director or actor shared by a third of them
    (and by two items at least)."""
    counts = np.asarray(item_attr[list(items)].sum(axis=0)).ravel()
    share = counts / max(len(items), 1)
    chosen = []
    for attr_type, limit, need in (("genre", 2, 1), ("decade", 1, 1), ("director", 1, 2), ("cast", 1, 2)):
        of_type = [v for v, (t, _) in enumerate(attr_values) if t == attr_type and counts[v] >= need
                   and share[v] >= 1 / 3]
        of_type.sort(key=lambda v: (-share[v] * share[v] / max(value_share[v], 1e-3), v))
        chosen += [attr_values[v][1] for v in of_type[:limit]]
    return " · ".join(chosen[: n + 1]) if chosen else "varied taste"
