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
    # the catalog's films under another title are the catalog's, not films it lacks; a sequel is not
    for same in ("Romeo + Juliet (1996)", "Se7en (1995)", "Léon: The Professional (1994)", "Das Boot (1981)",
                 "Star Wars: Episode IV – A New Hope (1977)", "Dracula (1992)", "Monty Python’s Life of Brian (1979)"):
        assert same not in named, same
    path = assets.data_dir() / "cache"
    cached = next(path.glob(f"outside-v{VERSION}-*.json"))
    assert len(json.loads(cached.read_text())) == len(all_films())


def test_a_title_is_read_as_its_words_and_its_numbers():
    from recsys.outside import _title_words

    assert _title_words("Romeo + Juliet")[0] == _title_words("William Shakespeare's Romeo and Juliet")[0]
    assert _title_words("Dracula")[0] == _title_words("Bram Stoker's Dracula")[0]
    assert _title_words("Schindler's List")[0] == {"schindler", "s", "list"}  # one word before "'s": the title's own
    assert _title_words("Star Trek II: The Wrath of Khan")[1] == {"2"}
    assert _title_words("Star Wars: Episode IV – A New Hope")[1] == frozenset()  # the number is after the colon
    assert _title_words("Scary Movie 2")[1] != _title_words("Scary Movie")[1]
