"""Films told by who is in them: does the chat name the right film? (``Parser._told_films``)

    python -m lab.told_eval [--table heldout] [--json docs/runs/told-movielens-100k.json]
    python -m lab.told_eval --table dev --grid     # the thresholds tried on the development table

Each row of ``lab/data/told_<table>.tsv`` (written by a helper session from its own memory of
the films and the catalog's title list only: ``lab/data/README-told.md``) is a first message
that describes a film and names someone in it ("the one where keanu has to keep the bus above
50"). Its ``title`` is the catalog film meant, or empty for a film the catalog lacks (a later
film of a star it has). Measured on the parser alone, with the chat's way of finding such a
film (its people's films, by their stories) and, on the same rows, with the way the chat had
before it (the nearest story of the whole catalog, ``PlotIndex.clear_match``, as the turn's
story search did):

- ``found``: share of the rows of catalog films whose film is named;
- ``wrong``: share of those rows that name another film;
- ``false_guess``: share of the rows of films the catalog lacks that name a film;
- ``precision``: share of all films named that are right;

with a 95% paired bootstrap interval for each difference. ``--grid`` scores the parser's
thresholds (``TOLD_NEAR``, ``TOLD_MARGIN``) on a table: choose them on ``dev``, report ``heldout``.
"""

from __future__ import annotations

import argparse
import csv
import logging
from pathlib import Path

import numpy as np

from recsys.report import fmt, run_cli, run_metadata, table, write_json

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
TABLES = ("dev", "heldout")
NEARS = (0.30, 0.33, 0.35, 0.38, 0.40, 0.43)
MARGINS = (0.04, 0.06, 0.08, 0.10, 0.12)


def load_rows(name: str, titles: set[str]) -> list[dict]:
    path = DATA / f"told_{name}.tsv"
    if not path.exists():
        raise ValueError(f"no table {path}: use one of {', '.join(TABLES)}")
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        if not r.get("utterance") or r.get("title") is None:
            raise ValueError(f"{path}: a row needs an utterance and a title (empty for a film the catalog lacks): {r}")
        r["title"] = r["title"].strip()
        if r["title"] and r["title"] not in titles:
            raise ValueError(f"{path}: {r['title']!r} is no catalog title")
    return rows


def score(rows: list[dict], named) -> list[dict]:
    """Each row with the titles ``named(utterance)`` gives and whether they are right."""
    out = []
    for r in rows:
        got = named(r["utterance"])
        out.append({"utterance": r["utterance"], "title": r["title"], "named": got,
                    "found": bool(r["title"]) and got == [r["title"]],
                    "wrong": bool(r["title"]) and bool(got) and got != [r["title"]],
                    "false_guess": not r["title"] and bool(got)})
    return out


def summary(cases: list[dict]) -> dict:
    inside = [c for c in cases if c["title"]]
    outside = [c for c in cases if not c["title"]]
    guesses = [c for c in cases if c["named"]]
    mean = lambda xs: float(np.mean(xs)) if xs else None  # noqa: E731
    return {"found": mean([c["found"] for c in inside]), "wrong": mean([c["wrong"] for c in inside]),
            "false_guess": mean([c["false_guess"] for c in outside]),
            "precision": mean([c["found"] for c in guesses]), "films_named": len(guesses),
            "catalog_rows": len(inside), "absent_rows": len(outside)}


def run(dataset: str, name: str) -> dict:
    from chat.loading import load_models
    from lab.plot_eval import paired

    models = load_models(dataset, "unified", progress=log.info)
    parser, cat = models.parser, models.catalog
    if parser.stories is None:
        raise ValueError("the films' stories did not load (no encoder, or a catalog of other things)")
    rows = load_rows(name, set(cat.titles))
    plots, encode = parser.stories

    def told(text: str) -> list[str]:
        return [cat.titles[i] for i in parser.parse(text).told]

    def whole_catalog(text: str) -> list[str]:
        i = plots.clear_match(encode(text))
        return [] if i is None else [cat.titles[i]]

    with_ = score(rows, told)
    before = score(rows, whole_catalog)
    diffs = {}
    for key, kind in (("found", True), ("wrong", True), ("false_guess", False)):
        a = [float(c[key]) for c in with_ if bool(c["title"]) == kind]
        b = [float(c[key]) for c in before if bool(c["title"]) == kind]
        diffs[key] = paired(a, b)
    return {"protocol": {"dataset": dataset, "table": name, "rows": len(rows),
                         "films_with_a_story": len(plots)},
            "results": {"people_films": summary(with_), "whole_catalog": summary(before), "difference": diffs,
                        "per_case": {"people_films": with_, "whole_catalog": before}},
            **run_metadata()}


def grid(dataset: str, name: str) -> list[dict]:
    """``summary`` of the parser's films told for each pair of thresholds, on table ``name``."""
    from unittest import mock

    import chat.parser
    from chat.loading import load_models

    models = load_models(dataset, "unified", progress=log.info)
    parser, cat = models.parser, models.catalog
    rows = load_rows(name, set(cat.titles))
    out = []
    for near in NEARS:
        for margin in MARGINS:
            with mock.patch.object(chat.parser, "TOLD_NEAR", near), mock.patch.object(chat.parser, "TOLD_MARGIN",
                                                                                       margin):
                cases = score(rows, lambda text: [cat.titles[i] for i in parser.parse(text).told])
            out.append({"near": near, "margin": margin, **summary(cases)})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.told_eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--table", default="heldout", choices=TABLES)
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--grid", action="store_true", help="score each pair of thresholds instead")
    args = ap.parse_args(argv)
    if args.grid:
        found = grid(args.dataset, args.table)
        print(table([[f"{g['near']:.2f}", f"{g['margin']:.2f}", fmt(g["found"], 3), fmt(g["wrong"], 3),
                      fmt(g["false_guess"], 3), str(g["films_named"])] for g in found],
                    ["near", "margin", "found", "wrong", "false_guess", "films named"]))
        if args.json:
            write_json(args.json, {"protocol": {"dataset": args.dataset, "table": args.table}, "grid": found,
                                   **run_metadata()})
        return 0
    payload = run(args.dataset, args.table)
    res = payload["results"]
    rows = []
    for key in ("found", "wrong", "false_guess", "precision"):
        d = res["difference"].get(key)
        ci = d["ci95"] if d else None
        a, b = res["people_films"][key], res["whole_catalog"][key]
        rows.append([key, "-" if a is None else fmt(a, 3), "-" if b is None else fmt(b, 3),
                     "" if not d else f"{d['diff']:+.3f}" + (f" [{ci[0]:+.3f}, {ci[1]:+.3f}]" if ci else "")])
    rows.append(["films named", str(res["people_films"]["films_named"]), str(res["whole_catalog"]["films_named"]), ""])
    print(f"{args.table}: {res['people_films']['catalog_rows']} films of the catalog, "
          f"{res['people_films']['absent_rows']} it lacks")
    print(table(rows, ["measure", "their people's films", "whole catalog (before)", "difference (95% paired)"]))
    if args.json:
        write_json(args.json, payload)
        log.info(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
