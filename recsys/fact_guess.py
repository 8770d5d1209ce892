"""A guess at a fact the catalog lacks: is a film rated R, is it in English?

Many films have no rating on record (1,301 of MovieLens-100K's 1,682) and some no language (288),
so "nothing rated R", "nothing too gory" or "not in English" let through every film whose fact is
unknown: *Braindead* and *Bad Taste* for a group that asked for nothing gory, five English-language
films for someone who asked for none. Who watches a film tells a good deal about it: a logistic
regression on a film's audience (the people who rated it, one column each, the row scaled to unit
length) and its decade, fitted on the films whose fact is on record, ranks an R-rated film above a
milder one 9 times in 10 on held-out films (``python -m lab.evaluate_fact_guess``, which also chose
``C``, and measured how each fact's threshold is chosen: see its docstring).

    p = probability(catalog, "mpaa", ADULT)  # (n_items,): 1 or 0 where the fact is known, a guess elsewhere
    looks(catalog, "mpaa", ADULT)            # (n_items,) bool: what a limit on ratings keeps off the cards

A catalog with too few films on record on either side (with the values, without them) to learn
from gets ``None``: nothing is guessed.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from recsys.catalog import Catalog

ADULT = ("rated R", "rated NC-17")
C = 10.0  # inverse L2 strength: five-fold cross-validation on the films with a rating on record chose it
CATCH = 0.95  # the share of films with the fact a limit must keep off, out of fold: what sets each fact's threshold
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.05))
FOLDS = 5
MIN_EACH = 20  # films on record needed on each side before anything is guessed


def features(catalog: Catalog) -> sp.csr_matrix:
    """``(n_items, n_users + n_decades)``: who rated each film, the row scaled to unit length, and
    its decade, one column each. The decade tells what the audience cannot: a film from before
    1968, when the ratings began, is almost never on record as R (none of the 25 before 1960 are),
    yet the audience alone took half of them for R."""
    if "_guess_features" in catalog.__dict__:
        return catalog.__dict__["_guess_features"]
    m = sp.csr_matrix((np.ones(len(catalog.inter_item), np.float32), (catalog.inter_item, catalog.inter_user)),
                      shape=(catalog.n_items, catalog.n_users))
    m.data[:] = 1.0  # a person who rated a film twice counts once
    norm = np.sqrt(np.asarray(m.sum(axis=1)).ravel())
    decades = np.flatnonzero([t == "decade" for t, _ in catalog.attr_values])
    out = sp.hstack([sp.diags(1.0 / np.maximum(norm, 1.0)) @ m,
                     catalog.item_attr[:, decades].astype(np.float32)]).tocsr()
    catalog.__dict__["_guess_features"] = out
    return out


def labels(catalog: Catalog, attr_type: str, values: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(items whose ``attr_type`` is on record, True for each with one of ``values``)."""
    if attr_type not in catalog.attr_types:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    known = np.flatnonzero(catalog.item_known[:, catalog.type_index(attr_type)])
    has = np.array([bool(set(catalog.values_of(int(i), attr_type)) & set(values)) for i in known], dtype=bool)
    return known, has


def fit(x: sp.csr_matrix, y: np.ndarray, c: float = C):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000).fit(x, y)


def probability(catalog: Catalog, attr_type: str, values: tuple[str, ...], c: float = C) -> np.ndarray | None:
    """``(n_items,)`` float32: 1 for a film known to have one of ``values`` (of ``attr_type``), 0 for
    one known to have none, the model's probability for the rest; None where too few films of
    either side are on record to learn from."""
    known, has = labels(catalog, attr_type, values)
    if has.sum() < MIN_EACH or (~has).sum() < MIN_EACH:
        return None
    x = features(catalog)
    out = fit(x[known], has, c).predict_proba(x)[:, 1].astype(np.float32)
    out[known] = has
    return out


def cached_probability(catalog: Catalog, attr_type: str, values: tuple[str, ...]) -> np.ndarray | None:
    """``probability`` with the shipped ``C``, fitted once per catalog object and fact (kept out of the
    catalog's pickled state, as its other caches are)."""
    memo = catalog.__dict__.setdefault("_fact_probability", {})
    key = (attr_type, tuple(sorted(values)))
    if key not in memo:
        memo[key] = probability(catalog, attr_type, values)
    return memo[key]


def threshold(x: sp.csr_matrix, items: np.ndarray, has: np.ndarray, c: float = C, seed: int = 0) -> float:
    """The highest threshold that still keeps off ``CATCH`` of the films with the fact, out of fold
    (``FOLDS``-fold cross-validation on ``items``, the films on record): each fact its own, as their
    base rates differ (half the rated films are R, nine in ten films with a language are in English)."""
    from sklearn.model_selection import StratifiedKFold

    p = np.zeros(len(items))
    for tr, va in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(items, has):
        p[va] = fit(x[items[tr]], has[tr], c).predict_proba(x[items[va]])[:, 1]
    return float(max((t for t in THRESHOLDS if (p[has] >= t).mean() >= CATCH), default=THRESHOLDS[0]))


def looks(catalog: Catalog, attr_type: str, values: tuple[str, ...]) -> np.ndarray:
    """``(n_items,)`` bool: a film whose ``attr_type`` is not on record that the guess takes to have one
    of ``values`` (at or above the fact's ``threshold``); all False where nothing can be guessed.
    Computed once per catalog object and fact (kept out of the catalog's pickled state, as its other
    caches are): about half a second for a fact of MovieLens-100K."""
    memo = catalog.__dict__.setdefault("_fact_guess", {})
    key = (attr_type, tuple(sorted(values)))
    if key not in memo:
        p = cached_probability(catalog, attr_type, values)
        if p is None:
            memo[key] = np.zeros(catalog.n_items, dtype=bool)
        else:
            known, has = labels(catalog, attr_type, values)
            unknown = np.ones(catalog.n_items, dtype=bool)
            unknown[known] = False
            memo[key] = unknown & (p >= threshold(features(catalog), known, has))
    return memo[key]


def adult_probability(catalog: Catalog, c: float = C) -> np.ndarray | None:
    """The probability that each film is rated R or NC-17 (``probability`` of the ``mpaa`` type)."""
    return probability(catalog, "mpaa", ADULT, c)
