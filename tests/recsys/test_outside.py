"""Well-known films the catalog lacks (``recsys.outside``): which films, their facts, the cache."""

import json

import pytest

from recsys import assets
from recsys.outside import MIN_REVIEWS, VERSION, OutsideFilm, all_films, outside_films


def test_a_film_says_itself_in_the_catalogs_words():
    film = OutsideFilm("The Lives of Others", 2006, (("genre", "Drama"), ("genre", "Thriller"), ("decade", "2000s"),
                                                     ("director", "Florian Henckel von Donnersmarck"),
                                                     ("cast", "Ulrich Mühe"), ("language", "German")), 162)
    assert film.name == "The Lives of Others (2006)"
    assert film.summary() == "Drama, Thriller; directed by Florian Henckel von Donnersmarck; with Ulrich Mühe"
    assert film.text == ("The Lives of Others (2006). Drama, Thriller. Directed by Florian Henckel von "
                         "Donnersmarck. With Ulrich Mühe. German.")


@pytest.mark.data
def test_the_films_movielens_lacks_are_known_with_their_facts_and_cached():
    from recsys.datasets import load_dataset

    catalog = load_dataset("movielens-100k")
    films = outside_films(catalog)
    named = {f.name: f for f in films}
    assert "Toy Story (1995)" not in named and "Fargo (1996)" not in named  # the catalog's own
    nemo = named["Finding Nemo (2003)"]
    assert {"Animation", "Children's"} <= set(nemo.values("genre")) and nemo.values("director")[0] == "Andrew Stanton"
    assert named["Yojimbo (1961)"].values("director") == ["Akira Kurosawa"]  # a classic MovieLens 100K lacks
    fight = named["Fight Club (1999)"]
    assert fight.values("cast")[:2] == ["Brad Pitt", "Edward Norton"] or fight.values("cast")[:2] == [
        "Edward Norton", "Brad Pitt"]  # the leads (billing order), not the alphabetical list's first names
    assert all(f.reviews >= MIN_REVIEWS for f in films if f.year <= 2014)  # OMDb's: well known only
    assert [f.reviews for f in films] == sorted((f.reviews for f in films), reverse=True)  # best known first
    path = assets.data_dir() / "cache"
    cached = next(path.glob(f"outside-v{VERSION}-*.json"))
    assert len(json.loads(cached.read_text())) == len(all_films())
