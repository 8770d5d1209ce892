"""``lab.outside_eval``: films the catalog lacks, named as people name them."""

import pytest

from lab import outside_eval


def test_titles_are_typed_as_people_type_them():
    assert outside_eval.typed("Amélie") == "amelie"
    assert outside_eval.typed("Kill Bill: Vol. 1") == "kill bill"  # the part before the colon, two words or more
    assert outside_eval.typed("Borat: Cultural Learnings of America") == "borat cultural learnings of america"
    assert outside_eval.typed("Charlie Wilson's War") == "charlie wilson's war"


@pytest.mark.data
def test_the_chat_reads_films_it_lacks_and_answers_with_films_like_them():
    payload = outside_eval.run("movielens-100k", 12, seed=0)
    res = payload["results"]
    assert len(res["per_case"]) == 12 and payload["protocol"]["outside_films"] > 5000
    assert res["recognised"]["loved"] >= 0.75 and res["verdict"]["boring"] >= 0.75
    first = res["first reply to \u201ci loved X\u201d"]
    assert first["films_now"] >= 0.75 and first["akin@5"] > first["peer akin@5"]
    assert res["everyday_as_film"] == 0.0, res["everyday_read_as_film"]
