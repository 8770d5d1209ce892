"""``python -m lab.like_eval``: the first list after "something like <film>", with and without the lean."""

from __future__ import annotations

import json

import pytest

from lab import like_eval


@pytest.mark.data
def test_like_eval_scores_both_settings_on_the_same_films(tmp_path, capsys):
    out = tmp_path / "like.json"
    assert like_eval.main(["--films", "4", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    lean, plain = data["per_film"]["lean"], data["per_film"]["no_lean"]
    assert [r["film"] for r in lean] == [r["film"] for r in plain] and len(lean) == 4
    for row in lean + plain:
        assert 0 <= row["genre_jaccard"] <= 1 and 0 <= row["shares_person"] <= 1 and row["cards"]
    assert set(data["results"]["lean - no_lean"]) == set(like_eval.METRICS)
    assert "lean - no_lean" in capsys.readouterr().out


def test_like_eval_needs_two_films():
    with pytest.raises(ValueError, match="at least 2"):
        like_eval.main(["--films", "1"])
