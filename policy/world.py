"""The world a simulated conversation runs in: catalog, split, CF model, and the per-item
attribute arrays in the split's compact item indices.

Episodes follow the data protocol (``recsys.split.DataProtocol``: by default positives >= 3 and
a 10-core filter with a random 8:1:1 split for star ratings, everything kept for implicit
data with a given split): a user's train items are their history, a test (or valid, or train)
interaction is a target. ``exclude_history``: the user's history leaves the candidates (the
chat's choice, not the published protocol's). ``key()`` names what tuned and trained files for
this world must match: the catalog, the data protocol, the CF prior and the attribute sets.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from recsys.catalog import Catalog
from recsys.models import make_scorer
from recsys.scorers import Scorer
from recsys.split import DataProtocol, Interactions, split_interactions
from recsys.tuned import load_config

DEFAULT_OPEN = ("genre", "decade")
LEADS = 3  # a film's leads, for ``World.leads_only``: the names its card shows


def default_open_types(catalog: Catalog) -> tuple[str, ...]:
    """The types a simulated user opens with unless told: genre and decade where the catalog
    has them (the published MovieLens setting), else every type it has."""
    return tuple(t for t in DEFAULT_OPEN if t in catalog.attr_types) or tuple(catalog.attr_types)


def parse_types(catalog: Catalog, text: str | None, what: str) -> tuple[str, ...] | None:
    """``"genre,decade"`` -> a tuple of the catalog's types (None for None or ""); an unknown
    type is a ValueError naming the flag and the catalog's types."""
    if not text:
        return None
    types = tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
    unknown = [t for t in types if t not in catalog.attr_types]
    if unknown:
        raise ValueError(f"{what}: unknown attribute type{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(repr(t) for t in unknown)}; {catalog.name} has "
                         f"{', '.join(catalog.attr_types) or 'no attribute types'}")
    return types

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
    exclude_history: bool = False  # the user's history leaves the candidates (the chat's choice)
    config_dirs: tuple = ()  # folders laid out like configs/ searched first for tuned and trained files
    # people asked about (chips) only among the leads of some film (``Catalog.leads``): the chat's choice, so
    # "Anyone you would like to see in it?" offers stars, not the bit player in most films (Sven-Ole Thorsen)
    leads_only: bool = False

    @property
    def protocol(self) -> DataProtocol:
        return self.data.protocol

    @property
    def cf_key(self) -> str:
        """The name of the CF model's tuned file for this world's data (``recsys.split.cf_key``)."""
        from recsys.split import cf_key

        return cf_key(self.catalog, self.protocol)

    def key(self) -> dict:
        """What a tuned or trained file for this world must have been made for."""
        return {"dataset": self.catalog.key(), "catalog": self.catalog.fingerprint(),
                "data": self.protocol.key() if self.protocol else None, "prior": self.scorer.name,
                "ask_attrs": list(self.ask_types), "open_attrs": list(self.open_types),
                "exclude_history": self.exclude_history}

    @property
    def artifact_key(self) -> str:
        """The dataset part of tuned and trained file names: the dataset's key
        (``Catalog.key``), with a short hash of the data protocol and attribute sets when
        they are not the dataset's defaults."""
        cat = self.catalog
        from recsys.split import data_protocol

        default = (self.ask_types == tuple(cat.attr_types) and self.open_types == default_open_types(cat)
                   and (self.protocol is None or self.protocol.key() == data_protocol(cat).key())
                   and not self.exclude_history)
        if default:
            return cat.key()
        blob = json.dumps([self.protocol.key() if self.protocol else None, self.ask_types, self.open_types]
                          + ([True] if self.exclude_history else []))
        return f"{cat.key()}-{hashlib.sha256(blob.encode()).hexdigest()[:6]}"

    def check_key(self, stored: dict | None, path) -> None:
        """Refuse a file made for another key, naming what differs (a field the file does not
        record is not compared). ``stored`` None: a file from before keys were recorded (made
        under the old rules: history excluded), accepted only for a built-in dataset under its
        defaults, so the app keeps loading what it shipped with until it is prepared again."""
        mine = self.key()
        if stored is None:
            if self.artifact_key == self.catalog.name and self.catalog.builtin:
                return
            raise ValueError(f"{path} records no dataset key; this run needs {mine}: retune or retrain it")
        diff = [k for k in mine if k in stored and stored[k] != mine[k] and k != "catalog"]
        if stored.get("catalog") not in (None, mine["catalog"]):
            diff.insert(0, "catalog")
        if diff:
            raise ValueError(f"{path} was made for another " + "; ".join(
                f"{k} ({stored[k]!r} there, {mine[k]!r} here)" for k in diff))

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
            mask = np.isin(self.value_type, types)
            if self.leads_only and "cast" in self.ask_types:
                cat = self.catalog
                lead = np.zeros(len(mask), dtype=bool)
                lead[[cat.value_index("cast", name) for i in self.data.items
                      for name in cat.leads(int(i), LEADS)]] = True
                mask &= (self.value_type != cat.type_index("cast")) | lead
            self.__dict__["_askable"] = mask
        return self.__dict__["_askable"]

    @property
    def attr_by_value(self) -> sp.csr_matrix:
        """(n_values, n_items) CSR, the transpose of ``item_attr`` (computed once)."""
        if "_attr_t" not in self.__dict__:
            self.__dict__["_attr_t"] = self.item_attr.T.tocsr()
        return self.__dict__["_attr_t"]

    def askable_values(self) -> np.ndarray:
        return np.flatnonzero(self.askable_mask)

    def opening_values(self, item: int) -> np.ndarray:
        """The item's values of the opening types."""
        vals = self.values_of(item)
        return vals[np.isin(self.value_type[vals], [self.catalog.type_index(t) for t in self.open_types])]

    def _opening_sets(self) -> list[frozenset]:
        """Each item's opening values as a set (computed once)."""
        if "_open_sets" not in self.__dict__:
            self.__dict__["_open_sets"] = [frozenset(self.opening_values(i).tolist()) for i in range(self.n_items)]
        return self.__dict__["_open_sets"]

    def partners(self, user: int, target: int, split: str) -> list[int]:
        """For a two-target episode (as MCMIPL pairs them): the user's other items that share
        an opening value with ``target``, from the episode's own split (for test episodes,
        from valid when test has none)."""
        d, sets = self.data, self._opening_sets()
        mine = sets[target]
        for m in ((d.test, d.valid) if split == "test" else ((d.valid,) if split == "valid" else (d.train,))):
            row = m.indices[m.indptr[user] : m.indptr[user + 1]]
            pool = [int(i) for i in row if i != target and mine & sets[i]]
            if pool:
                return pool
        return []

    def episodes(self, split: str, n: int, rng: np.random.Generator, targets: int = 1) -> list[tuple[int, int]]:
        """Seeded sample of (user, target) pairs from ``split`` (train/valid/test); all if n <= 0.
        Targets need at least one value of an opening type; with ``targets=2``, also a partner
        that shares one (``partners``: pairs without one are dropped, as MCMIPL does)."""
        m = {"train": self.data.train, "valid": self.data.valid, "test": self.data.test}[split].tocoo()
        open_ids = [self.catalog.type_index(t) for t in self.open_types]
        openable = np.asarray(self.item_attr[:, np.isin(self.value_type, open_ids)].sum(axis=1)).ravel() > 0
        keep = openable[m.col]
        if not keep.all():
            log.info(f"{int((~keep).sum())} of {len(keep)} {split} pairs skipped: the target has no value "
                     f"of an opening type ({', '.join(self.open_types)})")
        if targets == 2:
            paired = np.array([bool(k) and bool(self.partners(int(u), int(i), split))
                               for u, i, k in zip(m.row, m.col, keep)], dtype=bool)
            if (keep & ~paired).any():
                log.info(f"{int((keep & ~paired).sum())} of {int(keep.sum())} {split} pairs skipped: no other "
                         "wanted film of the user shares an opening value (two targets, paired as MCMIPL)")
            keep &= paired
        pairs = np.stack([m.row[keep], m.col[keep]], axis=1)
        if 0 < n < len(pairs):
            pairs = pairs[np.sort(rng.choice(len(pairs), n, replace=False))]
        return [(int(u), int(i)) for u, i in pairs]


def build_world(catalog: Catalog, seed: int = 0, model: str = "ease", ask_types=None, open_types=None,
                config_dataset: str | None = None, protocol: DataProtocol | None = None,
                exclude_history: bool = False, config_dirs=(), leads_only: bool = False) -> World:
    """Split under ``protocol`` (the catalog's defaults when None), fit the tuned CF model on
    train, and lay out the attribute arrays. ``ask_types`` None: every type; ``open_types``
    None: ``default_open_types``."""
    ask_types = tuple(ask_types) if ask_types else tuple(catalog.attr_types)
    open_types = tuple(open_types) if open_types else default_open_types(catalog)
    for what, types in (("--ask-attrs", ask_types), ("--open-attrs", open_types)):
        parse_types(catalog, ",".join(types), what)
    if not open_types:
        raise ValueError(f"{catalog.name} has no attribute types: a simulated user has nothing to open with")
    data = split_interactions(catalog, seed=seed, protocol=protocol)
    from recsys.split import cf_key

    params = load_config(config_dataset or cf_key(catalog, data.protocol), dirs=config_dirs).get(model, {})
    scorer = make_scorer(model, params, seed=seed).fit(data.train)
    item_attr = catalog.item_attr[data.items].tocsr()
    item_attr.sort_indices()
    return World(catalog, data, scorer, item_attr, item_attr.tocsc(), catalog.item_known[data.items],
                 catalog.value_type, ask_types, open_types, exclude_history, tuple(config_dirs), leads_only)
