"""The wish gate (``chat.wish_gate``): the parser asks it whether the words it leaves over are a
wish to search for; a shipped gate loads only for the catalog it was trained on."""

import numpy as np
from films import film_catalog

from chat.parser import Parser
from chat.wish_gate import WishGate, load_gate


class Refusing:
    def __init__(self):
        self.asked = []

    def wanted(self, words):
        self.asked.append(list(words))
        return False


def test_the_parser_keeps_a_search_phrase_only_when_the_gate_wants_it():
    catalog = film_catalog()
    text = "a thriller with a twist for our book club"
    assert Parser(catalog).parse(text).wish  # without a gate: every word left over is kept as a wish
    gate = Refusing()
    out = Parser(catalog, wish_gate=gate).parse(text)
    assert out.wish == "" and out.accepted == [("genre", "Thriller")]  # the values stay
    assert gate.asked and "book" in gate.asked[-1] and not {"a", "with", "for", "our"} & set(gate.asked[-1])
    # (the words that might be a wish, no filler)


def test_a_gate_is_a_logistic_regression_on_the_words_embedding():
    vectors = {"twist ending": np.array([1.0, 0.0]), "book club": np.array([0.0, 1.0])}
    gate = WishGate(np.array([4.0, -4.0]), 0.0, 0.3, lambda text: vectors[text])
    assert gate.wanted(["twist", "ending"]) and not gate.wanted(["book", "club"])
    assert gate.wanted([])  # nothing left over: nothing to refuse
    assert abs(gate.probability(["twist", "ending"]) - 1 / (1 + np.exp(-4))) < 1e-9


def test_a_gate_loads_only_for_the_catalog_it_was_made_for(tmp_path, monkeypatch):
    import chat.wish_gate as wg

    catalog = film_catalog()
    monkeypatch.setattr(wg, "CONFIGS", tmp_path)
    assert load_gate(catalog, lambda text: np.zeros(2)) is None  # none shipped
    (tmp_path / "wish_gate").mkdir()
    path = tmp_path / "wish_gate" / f"{catalog.key()}.npz"
    np.savez(path, weights=np.ones(2), bias=0.5, threshold=0.3, fingerprint="another catalog")
    assert load_gate(catalog, lambda text: np.zeros(2)) is None  # made for another catalog: not used
    np.savez(path, weights=np.ones(2), bias=0.5, threshold=0.3, fingerprint=catalog.fingerprint())
    gate = load_gate(catalog, lambda text: np.zeros(2))
    assert gate is not None and gate.threshold == 0.3 and gate.bias == 0.5
