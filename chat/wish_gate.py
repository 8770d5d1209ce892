"""Whether the words a message leaves over are a wish to search for.

The parser reads what it can into values, titles and requests; the words left over ("with a
twist", "slapstick", "for next month's meeting", "i'm learning japanese") were kept as a search
phrase unless every one was on a list of words that carry no wish. Helpers' tables show most
such phrases are no wish at all but who watches, when or why, and a search for them skews the
list. The gate is a logistic regression on the sentence encoder's embedding of the leftover
words, trained on the development tables' ``wish`` column (``python -m lab.wish_gate``; never on
the held-out tables), with a threshold chosen there by leave-one-table-out validation; shipped as
``configs/wish_gate/<catalog key>.npz`` by ``python -m lab.promote``.

    gate = load_gate(catalog, encode_one)      # None when none was shipped for this catalog
    gate.wanted(["for", "next", "months", "meeting"])  # False: no search for these
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from recsys.catalog import Catalog
from recsys.runs import CONFIGS

log = logging.getLogger(__name__)


def gate_path(catalog: Catalog):
    return CONFIGS / "wish_gate" / f"{catalog.key()}.npz"


@dataclass
class WishGate:
    weights: np.ndarray  # one per embedding dimension
    bias: float
    threshold: float  # below this probability, the words are no wish
    encode: Callable[[str], np.ndarray]

    def probability(self, words: list[str]) -> float:
        z = float(np.asarray(self.encode(" ".join(words)), dtype=np.float64) @ self.weights + self.bias)
        return 1.0 / (1.0 + np.exp(-z))

    def wanted(self, words: list[str]) -> bool:
        return not words or self.probability(words) >= self.threshold


def load_gate(catalog: Catalog, encode: Callable[[str], np.ndarray]) -> WishGate | None:
    """The shipped gate for ``catalog``; None (every leftover kept as a wish) when none was
    shipped or it was made for another catalog (its fingerprint differs: retrain it)."""
    path = gate_path(catalog)
    if not path.exists():
        return None
    data = np.load(path)
    if str(data["fingerprint"]) != catalog.fingerprint():
        log.warning(f"{path} was made for another catalog (fingerprint {data['fingerprint']}): not used; "
                    "retrain it with python -m lab.wish_gate, then promote")
        return None
    return WishGate(np.asarray(data["weights"], dtype=np.float64), float(data["bias"]), float(data["threshold"]),
                    encode)
