"""Matching MovieLens titles to OMDb rows (recsys.movielens), on rows written here, and the
films the loose match brings in on the real catalog."""

import pytest

from recsys.movielens import TitleIndex, _split_list, loose_title


def _row(title, year, cast=""):
    return {"Title": title, "Year": year, "Cast": cast}


ROWS = [_row("Star Wars: Episode IV – A New Hope", 1977), _row("Star Wars: Episode V – The Empire Strikes Back", 1980),
        _row("Star Wars: Episode VI – Return of the Jedi", 1983), _row("12 Monkeys", 1995),
        _row("Das Boot", 1981), _row("Dr. Strangelove", 1964), _row("Star Trek II: The Wrath of Khan", 1982),
        _row("Léon: The Professional", 1994), _row("Monty Python\u2019s Life of Brian", 1979),
        _row("Amityville: It's About Time", 1992), _row("Rudolph the Red-Nosed Reindeer: The Movie", 1998),
        _row("Heat", 1995), _row("Heat", 1986), _row("Halloween: The Curse", 1995), _row("Halloween: Evil", 1995)]


@pytest.mark.parametrize("title, year, found", [
    ("Star Wars", 1977, "Star Wars: Episode IV – A New Hope"),  # the part before the colon
    ("Empire Strikes Back, The", 1980, "Star Wars: Episode V – The Empire Strikes Back"),  # the part after
    ("Return of the Jedi", 1983, "Star Wars: Episode VI – Return of the Jedi"),
    ("Twelve Monkeys", 1995, "12 Monkeys"),  # number words as digits
    ("Boot, Das", 1981, "Das Boot"),  # a foreign article, last in MovieLens, first in OMDb
    ("Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb", 1963, "Dr. Strangelove"),  # ±1 year
    ("Star Trek: The Wrath of Khan", 1982, "Star Trek II: The Wrath of Khan"),  # subtitle to subtitle
    ("Professional, The", 1994, "Léon: The Professional"),
    ("Monty Python's Life of Brian", 1979, "Monty Python\u2019s Life of Brian"),  # a typographic apostrophe
])
def test_a_loose_title_finds_its_film(title, year, found):
    row, loose = TitleIndex(ROWS).find(title, year)
    assert row is not None and row["Title"] == found
    assert loose


@pytest.mark.parametrize("title, year", [
    ("Amityville: A New Generation", 1993),  # shares only its first part with another sequel
    ("Gilligan's Island: The Movie", 1998),  # "The Movie" names no film
    ("Star Wars", 1999),  # no Star Wars row within a year
    ("Halloween", 1995),  # two rows fit: no guess
])
def test_no_match_is_better_than_a_wrong_one(title, year):
    assert TitleIndex(ROWS).find(title, year) == (None, False)


def test_an_exact_title_wins_and_is_not_counted_as_loose():
    row, loose = TitleIndex(ROWS).find("Heat", 1995)
    assert (row["Year"], loose) == (1995, False)


def test_loose_title():
    assert loose_title("Twelve Monkeys") == loose_title("12 Monkeys") == "12 monkeys"
    assert loose_title("Postino, Il") == loose_title("Il Postino") == "postino"


def test_a_name_suffix_stays_with_its_name():
    # OMDb's cast is comma-separated, and so is "Cuba Gooding, Jr."; roles in brackets go
    assert _split_list("Cuba Gooding, Jr., Tom Cruise (voice), Sammy Davis, Jr., N/A") == [
        "Cuba Gooding Jr.", "Tom Cruise", "Sammy Davis Jr."]


@pytest.mark.data
def test_the_best_known_films_are_enriched(ml100k_catalog):
    # the most rated film of ML-100K had no director, cast or country before loose matching
    cat = ml100k_catalog
    for title, person in (("Star Wars", "Harrison Ford"), ("Twelve Monkeys", "Bruce Willis"),
                          ("Jerry Maguire", "Cuba Gooding Jr.")):
        item = cat.titles.index(title)
        assert person in cat.values_of(item, "cast")
        assert person in cat.texts[item]
    assert "loose title" in cat.report["enrichment match"]
