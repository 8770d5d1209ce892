"""Who stars in a film, when the source lists the whole cast alphabetically.

OMDb's ``Cast`` has no billing order, and counting how many catalog films a person appears in
puts prolific extras first (Bess Flowers on three Hitchcock films). Prominence here comes from
the whole OMDb table (about 17,000 films), not only the catalog: a person whose films are
widely reviewed is better known than one with many small parts.

    prominence(p) = (sum of log(1 + reviews) over p's films / (n_films + 5))^2 * log(1 + n_films)

The first factor is the typical reach of the person's films, shrunk towards 0 for people with
few films; the second rewards a long career. Within one film, a cast member who also directed
it counts 0.3 of their prominence (Hitchcock's cameos, Harold Ramis in *Groundhog Day*).

The exponent, the shrinkage and the director factor were chosen on half of the hand-written
list ``lab/data/leads_hand.tsv`` and checked on the other half; ``python -m lab.evaluate_leads``
prints the accuracy on the whole list beside the old count-based order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

SHRINK = 5.0
POWER = 2.0
DIRECTOR_FACTOR = 0.3


def prominence(films: Iterable[tuple[list[str], float]]) -> dict[str, float]:
    """``films``: (cast names, number of critics' reviews) for every film of the source table.
    Returns person -> prominence (larger is better known)."""
    reach: dict[str, float] = {}
    count: dict[str, int] = {}
    for cast, reviews in films:
        weight = math.log1p(max(float(reviews or 0), 0.0))
        for name in cast:
            reach[name] = reach.get(name, 0.0) + weight
            count[name] = count.get(name, 0) + 1
    return {p: (reach[p] / (count[p] + SHRINK)) ** POWER * math.log1p(count[p]) for p in reach}


def order_cast(cast: Iterable[str], scores: dict[str, float], directors: Iterable[str] = (),
               fallback: dict[str, float] | None = None) -> list[str]:
    """``cast`` best known first: by ``scores`` (prominence), then ``fallback`` (e.g. catalog
    counts, for people the prominence table lacks), then name."""
    directed = set(directors)
    fallback = fallback or {}

    def key(name: str):
        s = scores.get(name, 0.0) * (DIRECTOR_FACTOR if name in directed else 1.0)
        return (-s, -fallback.get(name, 0.0), name)

    return sorted(dict.fromkeys(cast), key=key)


def prominence_by_era(films: Iterable[tuple[list[str], float, int, list[str]]], shrink: float = 5.0,
                      career: float = 0.05) -> dict[str, float]:
    """A variant tried on the hand list and not shipped (``python -m lab.evaluate_leads`` prints
    it beside the shipped order): each film's log reviews divided by the median of its year's
    films (old films have fewer online reviews, so careers in the 2000s looked bigger), films a
    person directed left out of their reach (no director factor), and a gentler career term:

        prominence(p) = sum(log(1 + reviews) / median_of_year) / (n_films + shrink) + career * log(1 + n_films)

    ``films``: (cast names, reviews, year, directors) for every film of the source table."""
    films = list(films)
    by_year: dict[int, list[float]] = {}
    for _, reviews, year, _ in films:
        by_year.setdefault(int(year or 0), []).append(math.log1p(max(float(reviews or 0), 0.0)))
    median: dict[int, float] = {}
    for year in by_year:
        for wide in range(10):  # the nearest years until there are 50 films to take the median of
            near = [w for y in range(year - wide, year + wide + 1) for w in by_year.get(y, [])]
            if len(near) >= 50:
                break
        median[year] = sorted(near)[len(near) // 2]
    reach: dict[str, float] = {}
    count: dict[str, int] = {}
    for cast, reviews, year, directors in films:
        weight = math.log1p(max(float(reviews or 0), 0.0)) / max(median[int(year or 0)], 0.5)
        for name in set(cast) - set(directors):
            reach[name] = reach.get(name, 0.0) + weight
            count[name] = count.get(name, 0) + 1
    return {p: reach[p] / (count[p] + shrink) + career * math.log1p(count[p]) for p in reach}
