"""The catalog: items with attributes, users, and their interactions.

Indices are dense ints (``0..n_items-1``, ``0..n_users-1``); external ids are strings.
Attributes are (type, value) pairs drawn from a vocabulary; ``item_attr`` is a binary CSR
matrix ``(n_items, n_values)``. Whether an item has *any* data for a type is recorded in
``item_known`` ``(n_items, n_types)``: an item without data for a type is *unknown* for it,
which filters and simulated users must not read as "no".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

# Split codes for ``Catalog.inter_split`` (a given split in the folder format).
NO_SPLIT, TRAIN, VALID, TEST = -1, 0, 1, 2
SPLIT_CODES = {"train": TRAIN, "valid": VALID, "test": TEST}


class DataError(ValueError):
    """Bad input data; the message names the file, line and column."""


@dataclass
class Catalog:
    name: str
    item_ids: list[str]
    titles: list[str]
    years: np.ndarray  # (n_items,) int32, -1 when unknown
    texts: list[str]
    attr_types: tuple[str, ...]
    attr_values: list[tuple[str, str]]  # vocabulary: value index -> (type, value)
    item_attr: sp.csr_matrix  # (n_items, n_values) binary
    item_known: np.ndarray  # (n_items, n_types) bool
    user_ids: list[str]
    inter_user: np.ndarray  # (n_inter,) int32
    inter_item: np.ndarray  # (n_inter,) int32
    inter_rating: np.ndarray  # (n_inter,) float32
    inter_time: np.ndarray  # (n_inter,) int64, 0 when unknown
    inter_split: np.ndarray | None = None  # (n_inter,) int8 split codes, when given
    report: dict = field(default_factory=dict)  # load statistics (match rate, coverage, drops)
    # person -> prominence (``recsys.leads``): the order cast is shown in, not a fact about items,
    # so it stays out of the fingerprint. Empty: people in more catalog films first.
    prominence: dict = field(default_factory=dict)
    # groups of item indices that are one film listed twice (same normalised title and year):
    # kept out of the same list (``duplicate_of``), counted in the load report.
    duplicates: list = field(default_factory=list)
    # item index -> the genres a second source lists for it (OMDb beside MovieLens): which of its
    # genres a film is known for, the order lists for a genre are shown in; not in the fingerprint
    second_genres: dict = field(default_factory=dict)
    # item index -> its cast (the catalog's names) in billing order, as far as a source with
    # credits in order lists them (``recsys.billing``): the order cards show; not hashed itself, but
    # the item texts name the first three (``Catalog.leads``), so it reaches the fingerprint there
    billing: dict = field(default_factory=dict)
    # item index -> its running time in minutes, where a source records it: what cards and answers say ("106
    # minutes") and what a limit in minutes holds to ("under 100 minutes"); the attribute is the band
    # (``runtime``), so the minutes stay out of the fingerprint
    minutes: dict = field(default_factory=dict)
    # item index -> the title the film was released under, where the source's title names another film (ML-100K's
    # "The Magnificent Seven" of 1954 is *Seven Samurai*): what people are shown; the source's title stays the
    # fingerprinted one
    retitled: dict = field(default_factory=dict)
    # False when the source has no ratings (implicit feedback: every interaction is a positive);
    # the data protocol's default threshold reads it (``recsys.split.data_protocol``)
    ratings: bool = True
    # False for a folder-format dataset: its name is only the folder's, so what is tuned or
    # trained on it is keyed by name and content (``key``)
    builtin: bool = True

    def __post_init__(self) -> None:
        self._item_index = {iid: i for i, iid in enumerate(self.item_ids)}
        self._user_index = {uid: u for u, uid in enumerate(self.user_ids)}
        self._value_index = {tv: v for v, tv in enumerate(self.attr_values)}
        self._type_index = {t: j for j, t in enumerate(self.attr_types)}
        self.value_type = np.array([self._type_index[t] for t, _ in self.attr_values], dtype=np.int32)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({"minutes": {}, "retitled": {}} | state)  # (a pickle from before these were kept)
        self.__post_init__()

    # sizes and id maps
    @property
    def n_items(self) -> int:
        return len(self.item_ids)

    @property
    def n_users(self) -> int:
        return len(self.user_ids)

    @property
    def n_values(self) -> int:
        return len(self.attr_values)

    def item_index(self, item_id: str) -> int:
        return self._item_index[item_id]

    def user_index(self, user_id: str) -> int:
        return self._user_index[user_id]

    def value_index(self, attr_type: str, value: str) -> int:
        return self._value_index[(attr_type, value)]

    def find_value(self, attr_type: str, value: str) -> int | None:
        """The vocabulary index of ``attr_type=value``, or None when the catalog has no such value."""
        return self._value_index.get((attr_type, value))

    def type_index(self, attr_type: str) -> int:
        return self._type_index[attr_type]

    # attributes
    def attributes_of(self, item: int) -> list[tuple[str, str]]:
        row = self.item_attr.indices[self.item_attr.indptr[item] : self.item_attr.indptr[item + 1]]
        return [self.attr_values[v] for v in row]

    def values_of(self, item: int, attr_type: str) -> list[str]:
        return [v for t, v in self.attributes_of(item) if t == attr_type]

    def knows(self, item: int, attr_type: str) -> bool:
        """True when the item has data for ``attr_type`` (so a missing value means "no")."""
        return bool(self.item_known[item, self._type_index[attr_type]])

    def items_with(self, value: int) -> np.ndarray:
        """Item indices that have attribute value ``value``."""
        return self._attr_csc.indices[self._attr_csc.indptr[value] : self._attr_csc.indptr[value + 1]]

    @property
    def _attr_csc(self) -> sp.csc_matrix:
        if "_csc" not in self.__dict__:
            self.__dict__["_csc"] = self.item_attr.tocsc()
        return self.__dict__["_csc"]

    def leads(self, item: int, n: int = 3, first: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Up to ``n`` of the item's cast: in billing order where a source lists it
        (``recsys.billing``), then best known first (``recsys.leads``). Names in ``first`` (people
        the user asked for) are always among them, in their billing place: a lead stays where the
        billing puts them, a supporting player takes the last place ("Kenneth Branagh, Derek
        Jacobi, Robin Williams" for *Hamlet*, not Robin Williams first, as if he starred)."""
        ordered = list(self.billing.get(item, ()))
        wanted = set(first)
        if len(ordered) < n or not wanted <= set(ordered):  # the billing alone does not give the n names
            ordered += [c for c in self.by_prominence(item) if c not in ordered]
        asked = [c for c in ordered if c in wanted][:n]
        rest = [c for c in ordered if c not in asked][: n - len(asked)]
        return tuple(sorted(rest + asked, key=ordered.index))

    def by_prominence(self, item: int) -> list[str]:
        """The item's whole cast, best known first (``recsys.leads``), whatever the billing."""
        from recsys.leads import order_cast

        if "cast" not in self._type_index:
            return []
        if "_cast_counts" not in self.__dict__:
            counts = self.value_counts()
            self.__dict__["_cast_counts"] = {v: float(counts[k]) for k, (t, v) in enumerate(self.attr_values)
                                             if t == "cast"}
        directors = self.values_of(item, "director") if "director" in self._type_index else []
        return order_cast(self.values_of(item, "cast"), self.prominence, directors, self._cast_counts)

    def crowd_counts(self) -> tuple[np.ndarray, np.ndarray | None]:
        """Per item, (users who rated it, users who rated it 4 or 5) on a 1–5 star scale; the second is
        None for a source without such ratings. Counted once."""
        if "_crowd" not in self.__dict__:
            n = np.bincount(self.inter_item, minlength=self.n_items)
            stars = self.ratings and len(self.inter_rating) and self.inter_rating.min() >= 1 \
                and self.inter_rating.max() == 5
            high = np.bincount(self.inter_item, weights=(self.inter_rating >= 4), minlength=self.n_items) \
                if stars else None
            self.__dict__["_crowd"] = (n, high)
        return self.__dict__["_crowd"]

    def crowd(self, item: int) -> tuple[int, float] | None:
        """(users who rated the item, the share of them rating it 4 or 5) on a 1–5 star scale;
        (users, -1.0) for a source without such ratings; None for an item nobody rated."""
        n, high = self.crowd_counts()
        if not n[item]:
            return None
        return int(n[item]), (float(high[item] / n[item]) if high is not None else -1.0)

    def genre_doubted(self, item: int, genre: str) -> bool:
        """True when the second source lists the item's genres without ``genre`` although it uses
        that genre for other films (*Star Wars* is a MovieLens War film; OMDb says Sci-Fi, Action,
        Adventure): a list for the genre shows it after the films both sources agree on."""
        if "_second_vocab" not in self.__dict__:
            self.__dict__["_second_vocab"] = frozenset().union(*self.second_genres.values())
        second = self.second_genres.get(item)
        return bool(second) and genre in self.__dict__["_second_vocab"] and genre not in second

    def duplicate_of(self) -> np.ndarray:
        """``(n_items,)``: the first item of each item's duplicate group (itself when unique)."""
        if "_dup_of" not in self.__dict__:
            rep = np.arange(self.n_items)
            for group in self.duplicates:
                rep[list(group)] = min(group)
            self.__dict__["_dup_of"] = rep
        return self.__dict__["_dup_of"]

    def decades(self) -> tuple[str, ...]:
        """The decade values the catalog has, oldest first ("1920s", …, "1990s"); computed once."""
        if "_decades" not in self.__dict__:
            self.__dict__["_decades"] = tuple(sorted(v for t, v in self.attr_values if t == "decade"))
        return self.__dict__["_decades"]

    def values_of_type(self, attr_type: str) -> np.ndarray:
        return np.flatnonzero(self.value_type == self._type_index[attr_type])

    def value_counts(self) -> np.ndarray:
        """Number of items per attribute value, ``(n_values,)``."""
        return np.asarray(self.item_attr.sum(axis=0)).ravel().astype(np.int64)

    # interactions
    def interaction_matrix(self, mask: np.ndarray | None = None, min_rating: float | None = None) -> sp.csr_matrix:
        """Binary user-item matrix ``(n_users, n_items)`` of the selected interactions."""
        keep = np.ones(len(self.inter_user), dtype=bool) if mask is None else mask.copy()
        if min_rating is not None:
            keep &= self.inter_rating >= min_rating
        m = sp.csr_matrix(
            (np.ones(int(keep.sum()), dtype=np.float32), (self.inter_user[keep], self.inter_item[keep])),
            shape=(self.n_users, self.n_items),
        )
        m.sum_duplicates()
        m.data[:] = 1.0
        return m

    def item_popularity(self) -> np.ndarray:
        return np.bincount(self.inter_item, minlength=self.n_items).astype(np.float64)

    def key(self) -> str:
        """What tuned and trained files for this dataset are named by: a built-in dataset's
        name, or a folder's name with its content fingerprint (two folders named ``data`` differ)."""
        return self.name if self.builtin else f"{self.name}-{self.fingerprint()[:8]}"

    def fingerprint(self) -> str:
        """Content hash of items, attributes and interactions (not of load statistics)."""
        if "_fingerprint" not in self.__dict__:
            self.__dict__["_fingerprint"] = self._fingerprint()
        return self.__dict__["_fingerprint"]

    def _fingerprint(self) -> str:
        h = hashlib.sha256()
        h.update(self.name.encode())
        h.update("\x1f".join(self.item_ids).encode())
        h.update("\x1f".join(self.titles).encode())
        h.update(repr(self.attr_values).encode())
        h.update(repr(self.attr_types).encode())
        h.update("\x1f".join(self.texts).encode())
        h.update("\x1f".join(self.user_ids).encode())
        h.update(np.packbits(self.item_known).tobytes())
        for arr in (self.item_attr.indptr, self.item_attr.indices, self.inter_user, self.inter_item,
                    self.inter_rating, self.inter_time, self.years):
            h.update(np.ascontiguousarray(arr).tobytes())
        if self.inter_split is not None:
            h.update(self.inter_split.tobytes())
        return h.hexdigest()[:16]

    def describe(self) -> str:
        lines = [f"{self.name}: {self.n_items:,} items, {self.n_users:,} users, "
                 f"{len(self.inter_user):,} interactions, {self.n_values:,} attribute values"]
        known = self.item_known.mean(axis=0)
        lines.append("  coverage: " + ", ".join(f"{t} {k:.0%}" for t, k in zip(self.attr_types, known)))
        for key, val in self.report.items():
            if key != "coverage":
                lines.append(f"  {key}: {val}")
        return "\n".join(lines)


_ARTICLE = re.compile(r"^(.*), (The|A|An|La|Le|Les|Il|El|Das|Der|Die)( \(.*\))?$")


def display_title(title: str) -> str:
    """"Usual Suspects, The" -> "The Usual Suspects" (MovieLens keeps a title's article last)."""
    m = _ARTICLE.match(title)
    return f"{m.group(2)} {m.group(1)}{m.group(3) or ''}" if m else title


def item_text(title: str, year: int, attrs: list[tuple[str, str]]) -> str:
    """Text for the semantic encoder, e.g. "Heat (1995). Action, Crime, Thriller. Directed by
    Michael Mann. With Al Pacino, Robert De Niro, Val Kilmer." Cast is named in the order
    given: ``build_catalog`` passes the leads (``Catalog.leads``: billing order, then best known)."""
    by_type: dict[str, list[str]] = {}
    for t, v in attrs:
        by_type.setdefault(t, []).append(v)
    parts = [f"{title} ({year})" if year > 0 else title]
    if "genre" in by_type:
        parts.append(", ".join(by_type["genre"]))
    if "director" in by_type:
        parts.append("Directed by " + ", ".join(by_type["director"][:2]))
    if "cast" in by_type:
        parts.append("With " + ", ".join(by_type["cast"][:3]))
    extra = [v for t in ("language", "country", "mpaa", "runtime", "oscar", "critics") for v in by_type.get(t, [])[:2]]
    if extra:
        parts.append("; ".join(extra))
    return ". ".join(parts) + "."


def build_catalog(
    name: str,
    items: list[tuple[str, str, int]],
    item_attrs: list[tuple[str, str, str]],
    known: dict[str, set[str]],
    interactions: tuple[list[str], list[str], np.ndarray, np.ndarray, np.ndarray | None],
    attr_types: tuple[str, ...] | None = None,
    texts: dict[str, str] | None = None,
    report: dict | None = None,
    prominence: dict[str, float] | None = None,
    duplicates: list[tuple[str, ...]] | None = None,
    second_genres: dict[str, frozenset[str]] | None = None,
    billing: dict[str, list[str]] | None = None,
    minutes: dict[str, int] | None = None,
    retitled: dict[str, str] | None = None,
    rated: bool = True,
    builtin: bool = True,
) -> Catalog:
    """Assemble a Catalog from plain rows.

    ``items``: (item_id, title, year); ``item_attrs``: (item_id, type, value);
    ``known``: item_id -> types it has data for (types it has a value for are added);
    ``interactions``: (user ids, item ids, ratings, timestamps, split codes or None);
    ``prominence``: person -> how well known (``recsys.leads``); ``duplicates``: groups of item
    ids that are one film listed more than once; ``second_genres``: item id -> the genres a second
    source lists for it (``Catalog.genre_doubted``); ``billing``: item id -> its cast in billing
    order (``Catalog.leads``); ``minutes``: item id -> its running time (``Catalog.minutes``); ``retitled``:
    item id -> the title it was released under (``Catalog.retitled``); ``rated`` False: the source has no ratings
    (implicit feedback); ``builtin`` False: a folder-format dataset (``Catalog.key``).
    """
    item_ids = [i for i, _, _ in items]
    index = {iid: k for k, iid in enumerate(item_ids)}
    seen_types = list(dict.fromkeys(t for _, t, _ in item_attrs))
    types = tuple(attr_types) if attr_types else tuple(seen_types)
    types = types + tuple(t for t in seen_types if t not in types)
    vocab = sorted({(t, v) for _, t, v in item_attrs}, key=lambda tv: (types.index(tv[0]), tv[1]))
    vindex = {tv: k for k, tv in enumerate(vocab)}
    pairs = sorted({(index[i], vindex[(t, v)]) for i, t, v in item_attrs})
    rows = np.array([p[0] for p in pairs], dtype=np.int32)
    cols = np.array([p[1] for p in pairs], dtype=np.int32)
    item_attr = sp.csr_matrix((np.ones(len(pairs), np.float32), (rows, cols)), shape=(len(items), len(vocab)))
    tindex = {t: j for j, t in enumerate(types)}
    item_known = np.zeros((len(items), len(types)), dtype=bool)
    for iid, ts in known.items():
        for t in ts:
            if t in tindex:
                item_known[index[iid], tindex[t]] = True
    item_known[rows, [tindex[vocab[c][0]] for c in cols]] = True

    users, inter_items, ratings, times, split = interactions
    user_ids = list(dict.fromkeys(users))
    uindex = {u: k for k, u in enumerate(user_ids)}
    inter_user = np.fromiter((uindex[u] for u in users), dtype=np.int32, count=len(users))
    inter_item = np.fromiter((index[i] for i in inter_items), dtype=np.int32, count=len(inter_items))

    attrs_by_item: list[list[tuple[str, str]]] = [[] for _ in items]
    for r, c in zip(rows, cols):
        attrs_by_item[r].append(vocab[c])
    catalog = Catalog(
        name=name,
        item_ids=item_ids,
        titles=[t for _, t, _ in items],
        years=np.array([y for _, _, y in items], dtype=np.int32),
        texts=[],
        attr_types=types,
        attr_values=vocab,
        item_attr=item_attr,
        item_known=item_known,
        user_ids=user_ids,
        inter_user=inter_user,
        inter_item=inter_item,
        inter_rating=np.asarray(ratings, dtype=np.float32),
        inter_time=np.asarray(times, dtype=np.int64),
        inter_split=None if split is None else np.asarray(split, dtype=np.int8),
        report=report or {},
        prominence=dict(prominence or {}),
        duplicates=[tuple(sorted(index[i] for i in g)) for g in (duplicates or []) if len(g) > 1],
        second_genres={index[i]: frozenset(g) for i, g in (second_genres or {}).items()},
        billing={index[i]: tuple(names) for i, names in (billing or {}).items() if names},
        minutes={index[i]: int(m) for i, m in (minutes or {}).items() if m and m > 0},
        retitled={index[i]: t for i, t in (retitled or {}).items()},
        ratings=rated,
        builtin=builtin,
    )
    # the encoder's texts name the cast as cards do: the leads (``Catalog.leads``)
    texts = texts or {}
    catalog.texts = [texts.get(iid) or item_text(title, year, [tv for tv in attrs_by_item[k] if tv[0] != "cast"]
                                                 + [("cast", name) for name in catalog.leads(k, 3)])
                     for k, (iid, title, year) in enumerate(items)]
    return catalog
