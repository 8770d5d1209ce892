"""The conversation evaluation: its table's format and size, its ground truth against the
catalog, how it counts loops and fit, and the command end to end."""

from __future__ import annotations

import json
from collections import Counter
from types import SimpleNamespace

import pytest

from lab import conversation_eval as ce

MINIMUM = {"show_me": 40, "misspelling": 40, "negation": 30, "follow_up": 30}


def test_the_table_has_the_rows_the_issue_asks_for():
    rows = ce.load_table()
    counts = Counter(r["category"] for r in rows)
    assert len(rows) >= 200 and all(counts[c] >= n for c, n in MINIMUM.items()), counts
    assert len({r["utterance"] for r in rows}) == len(rows), "an utterance is listed twice"
    scripts = json.loads((ce.DATA / "conversations.json").read_text())
    assert len(scripts) >= 30 and {s["category"] for s in scripts} >= {"concrete", "show_me", "restate"}


def test_constraint_and_title_fields():
    groups = ce.parse_constraints("+genre=Comedy; -genre=Horror;+country=France|language=French;~decade=1980s")
    assert groups["+"] == (frozenset({("genre", "Comedy")}),
                           frozenset({("country", "France"), ("language", "French")}))
    assert groups["-"] == (frozenset({("genre", "Horror")}),) and groups["~"] == (frozenset({("decade", "1980s")}),)
    titles = ce.parse_titles("+Heat;=Fargo;?The Matrix")
    assert titles["+"] == {"Heat"} and titles["="] == {"Fargo"} and titles["?"] == {"The Matrix"}
    with pytest.raises(ValueError):
        ce.parse_constraints("genre=Comedy")
    # one alternative of a group is enough; a value outside every group is an extra
    assert ce._groups_match(groups["+"], {("genre", "Comedy"), ("language", "French")})
    assert not ce._groups_match(groups["+"], {("genre", "Comedy")})
    assert not ce._groups_match(groups["+"], {("genre", "Comedy"), ("language", "French"), ("decade", "1990s")})


def test_a_loop_is_a_question_asked_again_about_a_type_already_answered():
    catalog = SimpleNamespace(attr_values=[("genre", "Sci-Fi"), ("decade", "1990s")])
    q = SimpleNamespace(attr_type="genre", text="What kind of film?")
    reply = lambda text, question=q: SimpleNamespace(text=text, question=question)  # noqa: E731
    state = lambda *values: SimpleNamespace(accepted=tuple(values), rejected=(), unanswered=())  # noqa: E731
    # asked again after the person spoke of the era only: not a loop
    assert ce.count_loops(catalog, [reply("a"), reply("b")], [state(), state(1)]) == 0
    # asked again after the genre was stated: a loop; the same reply twice in a row: another
    assert ce.count_loops(catalog, [reply("a"), reply("b")], [state(0), state(0)]) == 1
    assert ce.count_loops(catalog, [reply("a", None), reply("a", None)], [state(), state()]) == 1


@pytest.mark.data
def test_the_ground_truth_names_only_what_the_catalog_has(ml100k_catalog):
    cat = ml100k_catalog
    titles = set(cat.titles)
    rows = ce.load_table() + [r for path in ce.OTHER_TABLES.values() if path.exists() for r in ce.load_table(path)]
    assert len(rows) > len(ce.load_table())  # the tables written apart from the parser are there too
    for r in rows:
        e = r["expected"]
        for group in e.wanted + e.unwanted + e.dropped:
            assert all(cat.find_value(t, v) is not None for t, v in group), (r["utterance"], group)
        for kind in "+-=!":
            assert e.titles[kind] <= titles, (r["utterance"], e.titles[kind] - titles)
        assert not {t.lower() for t in e.titles["?"]} & {t.lower() for t in titles}, r["utterance"]
    for sc in json.loads((ce.DATA / "conversations.json").read_text()):
        for group in ce.parse_constraints(";".join(sc["wish"]))["+"]:
            assert all(cat.find_value(t, v) is not None for t, v in group), (sc["name"], group)


@pytest.mark.data
def test_the_command_writes_every_measure(tmp_path):
    out = tmp_path / "conversation.json"
    assert ce.main(["--no-retrieval", "--json", str(out)]) == 0
    res = json.loads(out.read_text())["results"]
    for key in ("first_list_fit", "median_turns_to_first_list", "loops", "show_me_success", "unknown_as_match",
                "first_question_natural"):
        assert key in res
    assert set(res["parse_accuracy"]) >= set(MINIMUM)
    assert len(res["per_case"]["utterances"]) == len(ce.load_table())
    assert all(0 <= v <= 1 for v in res["parse_accuracy"].values())
