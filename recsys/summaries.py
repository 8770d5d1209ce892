"""Preference summaries: a short text of what a person likes, from the films they liked (and,
when known, the values they ruled out), as GSERec's "search view" of a user (arXiv 2508.04145,
where an LM writes it; here a template, so it is exact, cheap and leaks nothing).

    preference_summary(catalog, liked_items)
    # "likes 1990s crime and thriller films by Joel Coen and Quentin Tarantino, with John Turturro"
    preference_summary(catalog, liked_items, rejected=[("genre", "Horror")])   # "...; no horror"

A value enters the summary when it tells these films apart from the catalog: at least two of
them have it (one, for a single film) and ``LIFT`` times more often than the catalog's films
do ("English" in an English-language catalog says nothing); per type, the most telling first
(count × log lift), at most ``PER_TYPE[type]`` of them. Cast counts each film's leads only
(``Catalog.leads``), so bit players never define a taste. Only the items passed in are read: a sparse user's summary is
made from what they kept, nothing else.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from recsys.catalog import Catalog

PER_TYPE = {"decade": 2, "genre": 3, "director": 2, "cast": 2, "language": 1, "country": 1}
LIFT = 1.5  # a value tells a taste when these films have it this many times more than the catalog
ORDER = ("decade", "genre", "director", "cast", "language", "country")


class Summaries:
    """What summaries read, taken from the catalog once: each item's (type, value) pairs (cast
    as its leads) and every value's share of the catalog's items. ``items``: the catalog item
    behind each index the summaries will be given (default: the catalog's own order). Small
    and picklable, so a model that writes summaries keeps it instead of the catalog."""

    def __init__(self, catalog: Catalog, items: Sequence[int] | None = None,
                 per_type: dict[str, int] = PER_TYPE) -> None:
        self.per_type = dict(per_type)
        every = [frozenset(_values(catalog, i, per_type)) for i in range(catalog.n_items)]
        counts = Counter(tv for values in every for tv in values)
        self.base = {tv: n / catalog.n_items for tv, n in counts.items()}
        self.values = every if items is None else [every[int(i)] for i in items]

    def shared(self, items: Sequence[int], lift: float = LIFT) -> dict[str, list[str]]:
        """Per attribute type, the values that tell these ``items`` apart: held by two of them
        at least (one, for a single item) and ``lift`` times more often than across the
        catalog, ranked by count x log(lift) (most telling first; ties in value order)."""
        items = list(dict.fromkeys(int(i) for i in items))
        counts = Counter(tv for i in items for tv in self.values[i])
        need = 2 if len(items) > 1 else 1
        out: dict[str, list[tuple[float, str]]] = {t: [] for t in self.per_type}
        for (t, v), n in counts.items():
            gain = n / len(items) / self.base[(t, v)]
            if n >= need and gain >= lift:
                out[t].append((-n * math.log(gain), v))
        return {t: [v for _, v in sorted(ranked)[:self.per_type[t]]] for t, ranked in out.items()}

    def text(self, items: Sequence[int], rejected: Iterable[tuple[str, str]] = ()) -> str:
        """The summary of a person who liked ``items`` and ruled out the ``rejected`` (type,
        value) pairs; "likes films" when nothing is shared."""
        shared = self.shared(items)
        decades, genres = shared.get("decade", []), [g.lower() for g in shared.get("genre", [])]
        head = " ".join(p for p in (_and(decades), _and(genres)) if p)
        parts = [f"likes {head + ' ' if head else ''}films"]
        if shared.get("director"):
            parts.append(f"by {_and(shared['director'])}")
        if shared.get("cast"):
            parts.append(f"with {_and(shared['cast'])}")
        if shared.get("language"):
            parts.append(f"in {_and(shared['language'])}")
        if shared.get("country"):
            parts.append(f"from {_and(shared['country'])}")
        text = parts[0] + ("" if len(parts) == 1 else " " + ", ".join(parts[1:]))
        no = [v.lower() if t == "genre" else v for t, v in rejected]
        return text + (f"; no {_and(no, 'or')}" if no else "")


def summaries_of(catalog: Catalog) -> Summaries:
    """The catalog's ``Summaries`` in its own item order, made once per catalog."""
    if "_summaries" not in catalog.__dict__:
        catalog.__dict__["_summaries"] = Summaries(catalog)
    return catalog.__dict__["_summaries"]


def shared_values(catalog: Catalog, items: Sequence[int]) -> dict[str, list[str]]:
    """``Summaries.shared`` over catalog item indices."""
    return summaries_of(catalog).shared(items)


def preference_summary(catalog: Catalog, items: Sequence[int], rejected: Iterable[tuple[str, str]] = ()) -> str:
    """``Summaries.text`` over catalog item indices."""
    return summaries_of(catalog).text(items, rejected)


def _values(catalog: Catalog, item: int, types) -> set[tuple[str, str]]:
    """The item's (type, value) pairs of ``types``; cast is its leads only."""
    out = {(t, v) for t, v in catalog.attributes_of(item) if t in types and t != "cast"}
    if "cast" in types:
        out |= {("cast", v) for v in catalog.leads(item)}
    return out


def _and(words: Sequence[str], last: str = "and") -> str:
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}" if words else ""
