"""Registry of collaborative-filtering scorers, by name."""

from __future__ import annotations

from recsys.als import ALS
from recsys.scorers import EASE, ItemKNN, Popularity, Scorer

MODELS: dict[str, type[Scorer]] = {
    "pop": Popularity,
    "als": ALS,
    "ease": EASE,
    "itemknn": ItemKNN,
}


def make_scorer(name: str, params: dict | None = None, seed: int = 0) -> Scorer:
    """Build a registered scorer with hyper-parameters from a plain dict."""
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}: choose from {', '.join(MODELS)}")
    cls = MODELS[name]
    try:
        p = cls.Params(**(params or {}))
    except TypeError as exc:
        raise ValueError(f"bad parameters for {name}: {exc}") from exc
    return cls(p, seed=seed)
