"""Registry of collaborative-filtering scorers, by name, and the validation-tuned blend."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from recsys.als import ALS, ImplicitALS
from recsys.ampcf import AMPCF, AMPCF1
from recsys.gserec import GSERec, GSERecNoCodes
from recsys.kgat import KGAT, KGATUI
from recsys.multvae import MultVAE
from recsys.scorers import EASE, ItemKNN, Params, Popularity, Scorer, matrix_fingerprint

MODELS: dict[str, type[Scorer]] = {
    "pop": Popularity,
    "als": ImplicitALS,
    "als-cg": ALS,
    "ease": EASE,
    "itemknn": ItemKNN,
    "multvae": MultVAE,
    "ampcf": AMPCF,
    "ampcf-k1": AMPCF1,
    "kgat": KGAT,
    "kgat-ui": KGATUI,
    "gserec": GSERec,
    "gserec-nocodes": GSERecNoCodes,
}


def make_scorer(name: str, params: dict | None = None, seed: int = 0, catalog=None, items=None) -> Scorer:
    """Build a registered scorer with hyper-parameters from a plain dict; ``catalog`` and
    ``items`` are side information for models that read it (``Scorer.__init__``)."""
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}: choose from {', '.join(MODELS)}")
    cls = MODELS[name]
    try:
        params = dict(params or {})
        if "members" in params:  # JSON lists -> the frozen tuple form
            params["members"] = tuple((n, dict(p), float(w)) for n, p, w in params["members"])
        p = cls.Params(**params)
    except TypeError as exc:
        raise ValueError(f"bad parameters for {name}: {exc}") from exc
    return cls(p, seed=seed, catalog=catalog, items=items)


def fit_key(name: str, params: dict | None) -> str:
    return json.dumps([name, params or {}], sort_keys=True)


def _zscore(s):
    mu = s.mean(axis=1, keepdims=True)
    sd = s.std(axis=1, keepdims=True)
    return (s - mu) / np.maximum(sd, 1e-9)


@dataclass(frozen=True)
class BlendParams(Params):
    """Members as ((model name, params dict, weight), ...); weights are normalised."""

    members: tuple = (("ease", {"l2": 500.0, "dropout": 0.2}, 0.6), ("als", {}, 0.4))

    def __post_init__(self):
        if not self.members:
            raise ValueError("BlendParams.members must not be empty")
        for name, _, w in self.members:
            if name not in MODELS or name == "blend":
                raise ValueError(f"BlendParams.members: {name!r} is not a registered base model")
            if w < 0:
                raise ValueError(f"BlendParams.members: weight of {name} must be >= 0, got {w}")


class Blend(Scorer):
    """Weighted sum of member scores, each standardised per row (z-score), so members on
    different scales mix; the weights are chosen on validation (``lab.evaluate_cf --tune``)."""

    name = "blend"
    Params = BlendParams

    prefit: dict | None = None  # fit_key -> a model already fitted on the same training data

    def _fit(self, train):
        fp = matrix_fingerprint(train)
        self.members = []
        for n, p, w in self.params.members:
            model = (self.prefit or {}).get(fit_key(n, p))
            if model is None or model.train_fingerprint != fp or model.seed != self.seed:
                model = make_scorer(n, p, self.seed, self.catalog, self.items).fit(train)
            self.members.append((model, w))
        self.prefit = None  # never pickle the cache
        self.member_seconds = sum(m.fit_seconds for m, _ in self.members)
        self.total = sum(w for _, w in self.members) or 1.0

    def _score(self, history):
        out = np.zeros((history.shape[0], self.n_items), dtype=np.float32)
        for model, w in self.members:
            if w:
                out += (w / self.total) * _zscore(model.score(history))
        return out


MODELS["blend"] = Blend
