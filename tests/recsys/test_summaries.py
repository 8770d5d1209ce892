"""Preference summaries (``recsys.summaries``) on the hand-written film catalog: what several
liked films share and the catalog does not, in words; only the films given are read."""

import pytest
from films import film_catalog

from recsys.summaries import preference_summary, shared_values


@pytest.fixture(scope="module")
def cat():
    return film_catalog()


def items(cat, *titles):
    index = {t: k for k, t in enumerate(cat.titles)}
    return [index[t] for t in titles]


def test_what_the_films_share_and_the_catalog_does_not_is_the_summary(cat):
    hitchcock = items(cat, "Vertigo", "Rear Window", "Psycho", "North by Northwest")
    text = preference_summary(cat, hitchcock)
    assert text.startswith("likes 1950s") and "thriller" in text and "mystery" in text
    assert "by Alfred Hitchcock" in text and "with James Stewart" in text
    assert "English" not in text  # most of the catalog is in English: it tells nothing


def test_one_film_is_summarised_by_itself_and_rejections_are_named(cat):
    text = preference_summary(cat, items(cat, "Fargo"), rejected=[("genre", "Horror"), ("director", "Wes Craven")])
    assert "by Joel Coen" in text and text.endswith("; no horror or Wes Craven")
    assert preference_summary(cat, []) == "likes films"


def test_only_the_films_given_are_read(cat):
    """A sparse user's summary from the films they kept: a value only their other films have
    (held out, or dropped) never appears."""
    kept = items(cat, "Searchers, The", "Stagecoach")
    held_out = items(cat, "Unforgiven", "Good, The Bad and The Ugly, The")
    text = preference_summary(cat, kept)
    assert "John Ford" in text and "John Wayne" in text and "western" in text
    assert "Clint Eastwood" not in text and "Sergio Leone" not in text
    assert "Clint Eastwood" in preference_summary(cat, kept + held_out)


def test_values_need_two_films_and_are_ranked_by_how_telling(cat):
    spielberg = items(cat, "Jaws", "Jurassic Park", "Schindler's List", "Saving Private Ryan")
    shared = shared_values(cat, spielberg)
    assert shared["director"] == ["Steven Spielberg"]
    assert "Horror" not in shared["genre"]  # only Jaws has it
    assert shared["genre"][0] in ("War", "Action")
