"""What films are about (``recsys.plots``): the story score, and TMDB's stories on MovieLens."""

import numpy as np
import pytest

from recsys.plots import KEYWORD_WEIGHT, PlotIndex


def _unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_story_is_its_nearest_keyword_and_its_overview_and_a_film_without_one_has_none():
    vocab = ["heist", "dog", "space"]
    keyword_vectors = np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0, 0, 1)])
    overviews = np.stack([_unit(1, 1, 0), _unit(0, 1, 0), _unit(0, 0, 1)])
    index = PlotIndex(5, np.array([0, 2, 3]), overviews, vocab, keyword_vectors,
                      {0: ("heist", "dog"), 2: ("dog",), 3: ()})
    sims = index.similarity(_unit(1, 0, 0))  # "a heist movie"
    assert np.isnan(sims[1]) and np.isnan(sims[4])  # no story known
    assert sims[0] == pytest.approx(KEYWORD_WEIGHT * 1.0 + (1 - KEYWORD_WEIGHT) * float(_unit(1, 1, 0)[0]))
    assert sims[2] == pytest.approx(0.0, abs=1e-6)  # a dog film, nothing of a heist
    assert sims[3] == pytest.approx(0.0, abs=1e-6)  # no keywords: its overview alone
    assert int(np.nanargmax(sims)) == 0
    assert len(index) == 3


@pytest.mark.data
def test_films_described_by_their_story_are_found_on_movielens(ml100k_catalog):
    """Phrases from helpers who tried the app: nothing in the catalog's facts names a pig,
    a sinking ship or a moon mission."""
    from recsys.plots import load_plots
    from recsys.semantic import load_encoder

    encoder = load_encoder()
    plots = load_plots(ml100k_catalog, encoder)
    titles = ml100k_catalog.titles
    assert 400 < len(plots) < ml100k_catalog.n_items
    for query, film in (("that movie with the talking pig", "Babe"), ("dinosaurs", "Jurassic Park"),
                        ("stuck on the moon mission and have to get home", "Apollo 13")):
        sims = plots.similarity(encoder.encode([query])[0])
        top = [titles[i] for i in np.argsort(-np.nan_to_num(sims, nan=-1.0))[:3]]
        assert film in top, (query, top)
    again = load_plots(ml100k_catalog, encoder)  # from the cache
    assert np.array_equal(again.items, plots.items) and again.keywords == plots.keywords
