"""Film series read from a catalog's titles (``chat.series``): "all the alien movies"."""

import pytest

from chat.series import find_series


@pytest.mark.data
def test_the_series_of_movielens_are_read_from_their_titles(ml100k_catalog):
    cat = ml100k_catalog
    everyday = {"alien", "speed", "scream", "fear", "killer", "crow", "godfather", "jaws", "grease"}.__contains__
    series = find_series(cat, everyday)

    def films(*name):
        return [cat.titles[i] for i in series[name].items]

    # oldest first; "Aliens" joins "Alien"; an everyday word is a series with a numbered sequel
    assert films("alien") == ["Alien", "Aliens", "Alien 3", "Alien: Resurrection"]
    assert films("godfather") == ["Godfather, The", "Godfather: Part II, The"]
    assert films("jurassic", "park") == ["Jurassic Park", "Lost World: Jurassic Park, The"]  # a name after a colon
    assert films("star", "wars") == ["Star Wars", "Empire Strikes Back, The", "Return of the Jedi"]  # named
    assert series[("star", "trek")].name == "Star Trek" and len(series[("star", "trek")].items) == 8
    # not series: a remake under its own title, one film listed twice, everyday words with no sequel, two
    # films that share a name and no one who made them
    for name in (("cape", "fear"), ("sabrina",), ("little", "princess"), ("chasing", "amy"), ("fear",),
                 ("killer",), ("crow",), ("city", "of", "angels"), ("movie",)):
        assert name not in series, name
