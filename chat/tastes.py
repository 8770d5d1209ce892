"""A person's tastes (personas) in the chat: how they are built from liked films, how they
score every film, and what the persona panel and the cards say about them.

Two kinds, chosen at load (``load_models(tastes=...)``, ``CRS_TASTES``):

- ``kmeans`` (the default): spherical k-means over the liked films' fused CF + text vectors
  (``recsys.personas``); a film is scored by attention over the centroids.
- ``ampcf``: the learned AMP-CF model (``recsys.ampcf``, fitted on the world's train split):
  K persona vectors pooled from the liked films by learned attention heads, and the
  candidate-conditioned attention over them that the model was trained with. A liked film
  belongs to the persona that attends to it most; personas no liked film belongs to are left
  out of the panel and of the scores.

Both give the same ``Persona`` records (vector, weight, liked films, words), so the panel, the
memory and the session's like / dislike reweighting (``recsys.personas.reweight``) work alike.
"""

from __future__ import annotations

import numpy as np
from scipy.special import softmax

from recsys.personas import Persona, attention, build_personas, describe

TASTES = ("kmeans", "ampcf")
# what the app ships (chat.loading.load_models' defaults, CRS_PRIOR / CRS_TASTES override): chosen
# on the chat protocol's validation split with users who first tell five liked films
# (docs/benchmark.md, "The chat's prior and personas")
SHIPPED_PRIOR, SHIPPED_TASTES = "ampcf", "ampcf"


class _Tastes:
    """What both kinds share: a persona's words (``recsys.personas.describe`` over its films) and
    its example, the liked film whose vector in the persona space is closest to the persona's."""

    def __init__(self, vectors: np.ndarray, item_attr, attr_values, value_share: np.ndarray) -> None:
        self.vectors = vectors  # (n_world_items, d): each film in the space the personas live in
        self.item_attr, self.attr_values, self.value_share = item_attr, attr_values, value_share

    def example(self, p: Persona) -> int | None:
        """The liked film that best stands for ``p``."""
        if not p.items:
            return None
        items = list(p.items)
        return items[int(np.argmax(self.vectors[items] @ p.vector))]

    def words(self, p: Persona) -> str:
        return describe(self.item_attr, self.attr_values, p.items, self.value_share)


class KMeansTastes(_Tastes):
    """Spherical k-means personas over the fused CF + text vectors."""

    def build(self, liked) -> list[Persona]:
        return build_personas(self.vectors, np.asarray(liked, dtype=np.int64))

    def attend(self, personas: list[Persona], items=None) -> tuple[np.ndarray, np.ndarray]:
        """Scores ``(n,)`` of ``items`` (world items; all when None) and attention ``(n, K)``."""
        return attention(personas, self.vectors if items is None else self.vectors[np.asarray(items)])


class AMPCFTastes(_Tastes):
    """Personas of a fitted ``recsys.ampcf.AMPCF`` whose columns are the world's items (its input
    embeddings are the space its personas live in)."""

    def __init__(self, model, item_attr, attr_values, value_share: np.ndarray) -> None:
        super().__init__(model.weights["emb"], item_attr, attr_values, value_share)
        self.model = model
        self.weights = model.weights

    def build(self, liked) -> list[Persona]:
        liked = np.unique(np.asarray(liked, dtype=np.int64))
        if liked.size == 0:
            return []
        vectors, a = self.model.personas(liked)  # (K, d), (K, n): each head's attention over the liked films
        owner = a.argmax(axis=0)
        out = [Persona(vectors[k].astype(np.float32), float(np.mean(owner == k)),
                       tuple(int(i) for i in liked[owner == k])) for k in range(len(vectors)) if (owner == k).any()]
        return sorted(out, key=lambda p: -p.weight)

    def attend(self, personas: list[Persona], items=None) -> tuple[np.ndarray, np.ndarray]:
        """The model's own score, Σ_k α_k(i) p_kᵀq_i + b_i, with α conditioned on the candidate; a
        persona whose weight the session's likes and dislikes moved away from its share of the
        liked films is tilted by the log of the ratio (none at build time)."""
        w = self.weights
        cols = slice(None) if items is None else np.asarray(items)
        P = np.stack([p.vector for p in personas])  # (K, d)
        s = (P @ w["out"][cols].T).T  # (n, K)
        built = np.array([len(p.items) for p in personas], dtype=np.float64)  # the shares they were built with
        tilt = np.log(np.maximum([p.weight for p in personas], 1e-6)) - np.log(np.maximum(built / built.sum(), 1e-6))
        alpha = softmax(s / self.model.params.temperature + tilt, axis=1)
        return (alpha * s).sum(axis=1) + w["bias"][cols], alpha


def make_tastes(name: str, *, fused: np.ndarray, item_attr, attr_values, value_share: np.ndarray, ampcf=None):
    if name == "kmeans":
        return KMeansTastes(fused, item_attr, attr_values, value_share)
    if name == "ampcf":
        if ampcf is None:
            raise ValueError("tastes 'ampcf' need a fitted AMP-CF model")
        return AMPCFTastes(ampcf, item_attr, attr_values, value_share)
    raise ValueError(f"unknown tastes {name!r}: use one of {', '.join(TASTES)}")
