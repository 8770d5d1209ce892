"""The world a simulated conversation runs in: catalog, split, CF model, and the per-item
attribute arrays in the split's compact item indices.

Episodes follow the foundation's per-user split (positives >= 3, 10-core, 8:1:1): a user's
train items are their history, a test (or valid, or train) interaction is a target.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from recsys.catalog import Catalog
from recsys.models import make_scorer
from recsys.scorers import Scorer
from recsys.split import Interactions, split_interactions
from recsys.tuned import load_config

log = logging.getLogger(__name__)


@dataclass
class World:
    catalog: Catalog
    data: Interactions
    scorer: Scorer
    item_attr: sp.csr_matrix  # (n_items, n_values) binary, compact item order
    attr_csc: sp.csc_matrix  # the same, column access
    known: np.ndarray  # (n_items, n_types) bool: the item has data for the type
    value_type: np.ndarray  # (n_values,) type index of each value
    ask_types: tuple[str, ...]
    open_types: tuple[str, ...]

    @property
    def n_items(self) -> int:
        return self.item_attr.shape[0]

    # the world owns the maps between its compact item indices, catalog indices and item ids
    def catalog_index(self, item: int) -> int:
        """The catalog index of world item ``item``."""
        return int(self.data.items[item])

    def item_id(self, item: int) -> str:
        return self.catalog.item_ids[self.data.items[item]]

    def item_of_id(self, item_id: str) -> int | None:
        """The world item of a catalog item id; None when unknown or not in the world (too few ratings)."""
        if "_of_id" not in self.__dict__:
            self.__dict__["_of_id"] = {self.catalog.item_ids[i]: w for w, i in enumerate(self.data.items)}
        return self.__dict__["_of_id"].get(item_id)

    @property
    def of_catalog(self) -> np.ndarray:
        """(n_catalog_items,) the world item of each catalog item, -1 for those outside the world."""
        if "_of_catalog" not in self.__dict__:
            out = np.full(self.catalog.n_items, -1, dtype=np.int64)
            out[self.data.items] = np.arange(len(self.data.items))
            self.__dict__["_of_catalog"] = out
        return self.__dict__["_of_catalog"]

    @property
    def duplicate_of(self) -> np.ndarray:
        """(n_items,) for each world item, the world item that stands for its film: one film
        listed twice in the catalog (``Catalog.duplicates``) maps to one item."""
        if "_dup_of" not in self.__dict__:
            rep = self.catalog.duplicate_of()[self.data.items]
            first: dict[int, int] = {}
            out = np.array([first.setdefault(int(r), w) for w, r in enumerate(rep)], dtype=np.int64)
            self.__dict__["_dup_of"] = out
        return self.__dict__["_dup_of"]

    def fingerprint(self) -> str:
        """The catalog's and the CF model's fingerprints: what trained policies and tuned
        configurations were computed on."""
        return f"{self.catalog.fingerprint()}-{self.scorer.fingerprint()}"

    def history(self, user: int) -> np.ndarray:
        tr = self.data.train
        return tr.indices[tr.indptr[user] : tr.indptr[user + 1]]

    def values_of(self, item: int) -> np.ndarray:
        return self.item_attr.indices[self.item_attr.indptr[item] : self.item_attr.indptr[item + 1]]

    def has(self, item: int, value: int) -> bool:
        row = self.values_of(item)
        k = np.searchsorted(row, value)
        return bool(k < len(row) and row[k] == value)

    def items_with(self, value: int) -> np.ndarray:
        return self.attr_csc.indices[self.attr_csc.indptr[value] : self.attr_csc.indptr[value + 1]]

    def knows(self, item: int, value: int) -> bool:
        return bool(self.known[item, self.value_type[value]])

    @property
    def askable_mask(self) -> np.ndarray:
        """(n_values,) bool: values of the types that may be asked (computed once)."""
        if "_askable" not in self.__dict__:
            types = [self.catalog.type_index(t) for t in self.ask_types]
            self.__dict__["_askable"] = np.isin(self.value_type, types)
        return self.__dict__["_askable"]

    @property
    def attr_by_value(self) -> sp.csr_matrix:
        """(n_values, n_items) CSR, the transpose of ``item_attr`` (computed once)."""
        if "_attr_t" not in self.__dict__:
            self.__dict__["_attr_t"] = self.item_attr.T.tocsr()
        return self.__dict__["_attr_t"]

    def askable_values(self) -> np.ndarray:
        return np.flatnonzero(self.askable_mask)

    def episodes(self, split: str, n: int, rng: np.random.Generator) -> list[tuple[int, int]]:
        """Seeded sample of (user, target) pairs from ``split`` (train/valid/test); all if n <= 0.
        Targets need at least one value of an opening type."""
        m = {"train": self.data.train, "valid": self.data.valid, "test": self.data.test}[split].tocoo()
        open_ids = [self.catalog.type_index(t) for t in self.open_types]
        openable = np.asarray(self.item_attr[:, np.isin(self.value_type, open_ids)].sum(axis=1)).ravel() > 0
        keep = openable[m.col]
        if not keep.all():
            log.info(f"{int((~keep).sum())} of {len(keep)} {split} pairs skipped: the target has no value "
                  f"of an opening type ({', '.join(self.open_types)})")
        pairs = np.stack([m.row[keep], m.col[keep]], axis=1)
        if 0 < n < len(pairs):
            pairs = pairs[np.sort(rng.choice(len(pairs), n, replace=False))]
        return [(int(u), int(i)) for u, i in pairs]


def build_world(catalog: Catalog, seed: int = 0, model: str = "ease", ask_types=None,
                open_types=("genre", "decade"), config_dataset: str | None = None) -> World:
    """Split, fit the tuned CF model on train, and lay out the attribute arrays."""
    data = split_interactions(catalog, seed=seed)
    params = load_config(config_dataset or catalog.name).get(model, {})
    scorer = make_scorer(model, params, seed=seed).fit(data.train)
    item_attr = catalog.item_attr[data.items].tocsr()
    item_attr.sort_indices()
    ask_types = tuple(ask_types) if ask_types else tuple(catalog.attr_types)
    for t in ask_types + tuple(open_types):
        if t not in catalog.attr_types:
            raise ValueError(f"unknown attribute type {t!r}: the catalog has {', '.join(catalog.attr_types)}")
    return World(catalog, data, scorer, item_attr, item_attr.tocsc(), catalog.item_known[data.items],
                 catalog.value_type, ask_types, tuple(open_types))
