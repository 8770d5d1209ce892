"""A guess at a fact the catalog lacks (``recsys.fact_guess``): who watches a film, and its decade."""

import numpy as np
import pytest

from recsys import fact_guess
from recsys.catalog import build_catalog


def _catalog(n_each: int = 30):
    """Two audiences: films 'a*' watched by users 0–9, films 'k*' by users 10–19. Of each, the
    first ``n_each`` have a rating on record (R for 'a', PG for 'k'); the last two of each have none."""
    items, attrs, users, films = [], [], [], []
    for side, rating, audience in (("a", "rated R", range(10)), ("k", "rated PG", range(10, 20))):
        for j in range(n_each + 2):
            iid = f"{side}{j}"
            items.append((iid, f"Film {iid}", 1995))
            attrs.append((iid, "decade", "1990s"))
            if j < n_each:
                attrs.append((iid, "mpaa", rating))
            for u in audience:
                if (u + j) % 3:  # each film seen by two thirds of its audience
                    users.append(f"u{u}")
                    films.append(iid)
    inter = (users, films, np.full(len(users), 4.0), np.zeros(len(users), dtype=np.int64), None)
    return build_catalog("guess", items, attrs, {}, inter, attr_types=("decade", "mpaa"))


def test_a_film_whose_rating_is_unknown_takes_the_rating_of_films_its_audience_watches():
    cat = _catalog()
    ids = cat.item_ids
    p = fact_guess.adult_probability(cat)
    assert p[ids.index("a0")] == 1.0 and p[ids.index("k0")] == 0.0  # on record: as recorded
    assert p[ids.index("a31")] > 0.5 > p[ids.index("k31")]
    looks = fact_guess.looks(cat, "mpaa", fact_guess.ADULT)
    assert looks[ids.index("a31")] and not looks[ids.index("k31")]
    assert not looks[ids.index("a0")]  # a film on record is never a guess


def test_nothing_is_guessed_from_too_few_films_on_record():
    cat = _catalog(n_each=fact_guess.MIN_EACH - 1)
    assert fact_guess.adult_probability(cat) is None
    assert not fact_guess.looks(cat, "mpaa", fact_guess.ADULT).any()


@pytest.mark.data
def test_the_guess_tells_facts_of_films_it_did_not_see_on_movielens(ml100k_catalog):
    """Held-out films on record: the guess ranks a film with the fact above one without far more
    often than chance, and the threshold chosen on the rest keeps off most films with the fact
    (the lab script's numbers are the measurement; these are floors well below them)."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split

    x = fact_guess.features(ml100k_catalog)
    for attr_type, values in (("mpaa", fact_guess.ADULT), ("language", ("English",))):
        known, has = fact_guess.labels(ml100k_catalog, attr_type, values)
        tr, te = train_test_split(np.arange(len(known)), test_size=0.3, stratify=has, random_state=0)
        p = fact_guess.fit(x[known[tr]], has[tr]).predict_proba(x[known[te]])[:, 1]
        assert roc_auc_score(has[te], p) > 0.8, attr_type
        assert (p[has[te]] >= fact_guess.threshold(x, known[tr], has[tr])).mean() > 0.85, attr_type
    old = np.flatnonzero((ml100k_catalog.years > 0) & (ml100k_catalog.years < 1960))
    assert fact_guess.looks(ml100k_catalog, "mpaa", fact_guess.ADULT)[old].mean() < 0.2  # before ratings: seldom R
