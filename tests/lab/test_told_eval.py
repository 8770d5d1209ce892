"""lab.told_eval: the scores of films told by who is in them, and its table's checks."""

import pytest

from lab import told_eval


def test_scores_count_right_wrong_and_false_guesses():
    rows = [{"utterance": "a", "title": "Speed"}, {"utterance": "b", "title": "Speed"},
            {"utterance": "c", "title": "Fargo"}, {"utterance": "d", "title": ""}, {"utterance": "e", "title": ""}]
    answers = {"a": ["Speed"], "b": ["Heat"], "c": [], "d": ["Ghost"], "e": []}
    cases = told_eval.score(rows, answers.get)
    s = told_eval.summary(cases)
    assert s["found"] == pytest.approx(1 / 3) and s["wrong"] == pytest.approx(1 / 3)
    assert s["false_guess"] == pytest.approx(1 / 2) and s["precision"] == pytest.approx(1 / 3)
    assert (s["catalog_rows"], s["absent_rows"], s["films_named"]) == (3, 2, 3)


def test_a_table_naming_no_catalog_film_is_refused(tmp_path, monkeypatch):
    (tmp_path / "told_heldout.tsv").write_text("utterance\ttitle\nthe keanu bus one\tSpeed 3\n")
    monkeypatch.setattr(told_eval, "DATA", tmp_path)
    with pytest.raises(ValueError, match="no catalog title"):
        told_eval.load_rows("heldout", {"Speed"})
    assert told_eval.load_rows("heldout", {"Speed 3"})[0]["title"] == "Speed 3"
