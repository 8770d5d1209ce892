"""A guess at the age rating the catalog lacks: is a film rated R (or NC-17), or milder?

Most films have no rating on record (1,301 of MovieLens-100K's 1,682), so "nothing rated R" or
"nothing too gory" let through every film whose rating is unknown: *Braindead* and *Bad Taste*
for a group that asked for nothing gory. Who watches a film tells a good deal about its rating:
a logistic regression on a film's audience (the people who rated it, one column each, the row
scaled to unit length) and its decade, fitted on the films whose rating is on record, ranks an
R-rated film above a milder one 9 times in 10 on held-out films (``python -m lab.evaluate_rating_guess``,
which also chose ``C`` and ``THRESHOLD`` on validation folds: see its docstring).

    p = cached(catalog)              # (n_items,): 1 or 0 where the rating is known, a guess elsewhere
    looks_adult = p >= THRESHOLD     # what a limit on ratings keeps off the cards

A catalog with no ratings on record, or too few of either side to learn from, gets ``None``:
nothing is guessed.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from recsys.catalog import Catalog

ADULT = ("rated R", "rated NC-17")
C = 10.0  # inverse L2 strength, chosen on validation folds of every film on record (lab.evaluate_rating_guess)
THRESHOLD = 0.3  # a film of unknown rating at or above this is kept off cards under a limit on ratings
MIN_EACH = 20  # films on record needed on each side (adult, milder) before anything is guessed


def features(catalog: Catalog) -> sp.csr_matrix:
    """``(n_items, n_users + n_decades)``: who rated each film, the row scaled to unit length, and
    its decade, one column each. The decade tells what the audience cannot: a film from before
    1968, when the ratings began, is almost never on record as R (none of the 25 before 1960 are),
    yet the audience alone took half of them for R."""
    m = sp.csr_matrix((np.ones(len(catalog.inter_item), np.float32), (catalog.inter_item, catalog.inter_user)),
                      shape=(catalog.n_items, catalog.n_users))
    m.data[:] = 1.0  # a person who rated a film twice counts once
    norm = np.sqrt(np.asarray(m.sum(axis=1)).ravel())
    decades = np.flatnonzero([t == "decade" for t, _ in catalog.attr_values])
    return sp.hstack([sp.diags(1.0 / np.maximum(norm, 1.0)) @ m,
                      catalog.item_attr[:, decades].astype(np.float32)]).tocsr()


def labels(catalog: Catalog) -> tuple[np.ndarray, np.ndarray]:
    """(items whose rating is on record, True for each rated R or NC-17)."""
    if "mpaa" not in catalog.attr_types:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    known = np.flatnonzero(catalog.item_known[:, catalog.type_index("mpaa")])
    adult = np.array([any(v in ADULT for v in catalog.values_of(int(i), "mpaa")) for i in known], dtype=bool)
    return known, adult


def fit(features: sp.csr_matrix, adult: np.ndarray, c: float = C):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000).fit(features, adult)


def cached(catalog: Catalog) -> np.ndarray | None:
    """``adult_probability`` with the shipped constants, computed once per catalog object (kept out of
    its pickled state, as the catalog's other caches are)."""
    if "_adult_guess" not in catalog.__dict__:
        catalog.__dict__["_adult_guess"] = adult_probability(catalog)
    return catalog.__dict__["_adult_guess"]


def adult_probability(catalog: Catalog, c: float = C) -> np.ndarray | None:
    """``(n_items,)`` float32: 1 for a film known to be rated R or NC-17, 0 for one known to be
    rated milder, the model's probability of R or NC-17 for the rest; None where the catalog has
    too few ratings on record to learn from."""
    known, adult = labels(catalog)
    if adult.sum() < MIN_EACH or (~adult).sum() < MIN_EACH:
        return None
    x = features(catalog)
    out = fit(x[known], adult, c).predict_proba(x)[:, 1].astype(np.float32)
    out[known] = adult
    return out
