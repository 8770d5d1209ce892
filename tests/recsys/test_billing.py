"""Leads in billing order (``recsys.billing``): name matching, alphabetical lists, the index."""

import numpy as np
import pytest

from recsys.billing import BillingIndex, _alphabetical, in_billing_order, name_key
from recsys.catalog import build_catalog
from recsys.movielens import normalise_title


def test_names_meet_on_their_ascii_letters_even_when_accents_were_garbled():
    assert name_key("Renée Zellweger") == name_key("RenÌ©e Zellweger", garbled=True) == "reneezellweger"
    assert name_key("Samuel L. Jackson") == name_key("Samuel L Jackson")


def test_billing_order_keeps_the_catalogs_spelling_and_order_of_the_list():
    cast = ["Al Pacino", "Bess Extra", "Penélope Cruz", "Robert De Niro", "Val Kilmer"]  # alphabetical
    billed = ["Robert De Niro", "Al Pacino", "PenÌ_lope Cruz", "Not In Cast", "Val Kilmer"]
    # "PenÌ_lope" lost a letter for good: matched on surname and initial
    assert in_billing_order(cast, billed) == ["Robert De Niro", "Al Pacino", "Penélope Cruz", "Val Kilmer"]
    # two people with one surname and initial: no loose match (which one would it be?)
    assert in_billing_order(["Joe Smith", "Jim Smith"], ["JÌ_ Smith"]) == []


def test_an_alphabetical_list_is_no_billing():
    assert _alphabetical(["Ann Adams", "Bo Baker", "Cy Cole", "Di Dunn", "Ed Evans", "Flo Fox"])
    assert not _alphabetical(["Bill Murray", "Andie MacDowell", "Chris Elliott", "Stephen Tobolowsky",
                              "Brian Doyle-Murray"])


def test_the_index_finds_a_film_a_year_off_and_the_first_source_wins():
    tmdb = [(["The Fugitive"], 1993, ["Harrison Ford", "Tommy Lee Jones"])]
    hetrec = [(["Fugitive, The"], 1993, ["Tommy Lee Jones", "Harrison Ford"]),
              (["Heat"], 1995, ["Al Pacino", "Robert De Niro"])]
    index = BillingIndex([tmdb, hetrec], normalise_title)
    assert index.find("Fugitive, The", 1993)[0] == "Harrison Ford"
    assert index.find("Heat", 1996) == ["Al Pacino", "Robert De Niro"]  # released the next year
    assert index.find("Heat", 1999) is None


def test_cards_show_the_billed_names_first_then_prominence():
    items = [("a", "Groundhog Day", 1993)]
    cast = ("Andie MacDowell", "Bill Murray", "Chris Elliott", "Marita Geraghty", "Stephen Tobolowsky")
    attrs = [("a", "cast", n) for n in cast]
    prominence = {"Stephen Tobolowsky": 9.0, "Andie MacDowell": 5.0, "Bill Murray": 4.0}  # the extra looks busiest
    cat = build_catalog("t", items, attrs, {}, ([], [], np.array([]), np.array([]), None), prominence=prominence,
                        billing={"a": ["Bill Murray", "Andie MacDowell"]})
    assert cat.leads(0) == ("Bill Murray", "Andie MacDowell", "Stephen Tobolowsky")
    assert cat.leads(0, first=("Chris Elliott",))[0] == "Chris Elliott"  # a person asked for goes first
    assert "With Bill Murray, Andie MacDowell, Stephen Tobolowsky." in cat.texts[0]
    assert cat.by_prominence(0)[0] == "Stephen Tobolowsky"


@pytest.mark.data
def test_the_stars_of_well_known_films_on_movielens():
    """The films the issue quoted with bit players first."""
    from recsys.datasets import load_dataset

    cat = load_dataset("movielens-100k")
    first = {t: cat.leads(i)[0] for i, t in enumerate(cat.titles) if cat.leads(i)}
    assert first["Liar Liar"] == "Jim Carrey" and first["Groundhog Day"] == "Bill Murray"
    assert first["Apollo 13"] == "Tom Hanks" and first["Rear Window"] == "James Stewart"
    assert first["North by Northwest"] == "Cary Grant" and first["Heat"] == "Al Pacino"
    assert "cast in billing order" in cat.report


def test_a_one_word_name_matches_only_itself():
    """Found reviewing the change: every one-word name had the same empty surname key, so any
    one-word name the billing lists took the place of the cast's one ("Coolio" as "Madonna")."""
    cast = ["Antonio Banderas", "Jonathan Pryce", "Madonna"]
    billed = ["Antonio Banderas", "Coolio", "Jonathan Pryce", "Madonna"]
    assert in_billing_order(cast, billed) == ["Antonio Banderas", "Jonathan Pryce", "Madonna"]
    assert in_billing_order(["Madonna"], ["Coolio"]) == []
