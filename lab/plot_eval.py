"""Films described by their story: does the chat find them? (``recsys.plots``)

    python -m lab.plot_eval [--tables dev] [--json PATH]

Each row of ``lab/data/plots_<table>.tsv`` (written by a helper session from its own memory of
the films, never from the stories the engine reads: ``lab/data/README-plots.md``) is a first
message in a new conversation: ``find`` rows describe one film ("the one where the big ship
sinks"), ``topic`` rows ask for a subject ("a heist movie") and list films that fit. The first
list is the first reply with films, within two replies (the second message asks for films
plainly when the first reply is a question). Measured, per table, with the films' stories and,
in the same run on the same rows, without them (``Models.plots`` off):

- ``find_hit``: share of ``find`` rows whose film is in the first list;
- ``topic_precision``: share of the first list's films that the row lists, averaged over rows;
- ``topic_hit``: share of ``topic`` rows with at least one listed film in the first list;
- ``first_reply_films``: share of rows whose first reply has films;
- ``no_films``: rows that got no films in two replies;

with a paired bootstrap interval for each difference (with − without). Tune on ``dev``, report
``heldout`` once.
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
SHOW_ME = "just show me some films"


def load_rows(name: str) -> list[dict]:
    path = DATA / f"plots_{name}.tsv"
    if not path.exists():
        raise ValueError(f"no table {path}: use one of {', '.join(TABLES)}")
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        if r.get("kind") not in ("find", "topic") or not r.get("titles"):
            raise ValueError(f"{path}: a row needs kind find or topic and titles: {r}")
        r["titles"] = [t.strip() for t in r["titles"].split("|") if t.strip()]
    return rows


def first_list(engine, utterance: str) -> tuple[list[str], int]:
    """The catalog titles of the first reply with films, within two replies, and which reply it
    was (0: none)."""
    from chat.events import Text

    catalog = engine.m.catalog
    index = {item_id: i for i, item_id in enumerate(catalog.item_ids)}
    state, _, _ = engine.start()
    for k, message in enumerate((utterance, SHOW_ME), 1):
        state, reply = engine.step(state, Text(message))
        if reply.cards:
            return [catalog.titles[index[c.item_id]] for c in reply.cards], k
    return [], 0


def score_rows(engine, rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        shown, reply = first_list(engine, r["utterance"])
        wanted = set(r["titles"])
        out.append({"utterance": r["utterance"], "kind": r["kind"], "shown": shown, "reply": reply,
                    "hit": bool(wanted & set(shown)),
                    "precision": (sum(t in wanted for t in shown) / len(shown)) if shown else 0.0})
    return out


def summary(cases: list[dict]) -> dict:
    find = [c for c in cases if c["kind"] == "find"]
    topic = [c for c in cases if c["kind"] == "topic"]
    mean = lambda xs: float(np.mean(xs)) if xs else None  # noqa: E731
    return {"find_hit": mean([c["hit"] for c in find]), "topic_precision": mean([c["precision"] for c in topic]),
            "topic_hit": mean([c["hit"] for c in topic]), "no_films": sum(not c["shown"] for c in cases),
            "first_reply_films": mean([c["reply"] == 1 for c in cases]),
            "find_rows": len(find), "topic_rows": len(topic)}


def paired(a: list[float], b: list[float], seed: int = 0) -> dict:
    """Mean of a − b with a 95% paired percentile bootstrap interval (``lab.outside_eval.interval``);
    no interval for fewer than two rows."""
    from lab.outside_eval import interval

    x, y = np.asarray(a, float), np.asarray(b, float)
    if len(x) < 2:
        return {"diff": float((x - y).mean()) if len(x) else None, "ci95": None}
    return interval(x, y, seed)


def run(dataset: str, policy: str, tables: list[str]) -> dict:
    from chat.engine import Engine
    from chat.loading import load_models

    models = load_models(dataset, policy, progress=log.info)
    if models.plots is None:
        raise ValueError("the films' stories did not load (no encoder, or a catalog of other things)")
    stories = models.plots
    results = {}
    for name in tables:
        rows = load_rows(name)
        models.plots = stories
        with_ = score_rows(Engine(models), rows)  # an engine each: its caches hold what the stories gave
        models.plots = None
        without = score_rows(Engine(models), rows)
        models.plots = stories
        diffs = {}
        for kind, key in (("find", "hit"), ("topic", "precision"), ("topic", "hit")):
            a = [float(c[key]) for c in with_ if c["kind"] == kind]
            b = [float(c[key]) for c in without if c["kind"] == kind]
            diffs[f"{kind}_{key}"] = paired(a, b)
        diffs["first_reply_films"] = paired([float(c["reply"] == 1) for c in with_],
                                            [float(c["reply"] == 1) for c in without])
        results[name] = {"with_stories": summary(with_), "without_stories": summary(without), "difference": diffs,
                         "per_case": {"with_stories": with_, "without_stories": without}}
    return {"protocol": {"dataset": dataset, "policy": models.policy_name, "tables": tables,
                         "films_with_a_story": len(stories), "second_message": SHOW_ME},
            "results": results, **run_metadata()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.plot_eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--policy", default="unified", choices=("unified", "rule"))
    ap.add_argument("--tables", default="dev", help=f"comma-separated, of {', '.join(TABLES)}")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args(argv)
    tables = [t.strip() for t in args.tables.split(",") if t.strip()]
    payload = run(args.dataset, args.policy, tables)
    rows = []
    for name, res in payload["results"].items():
        for key in ("find_hit", "topic_precision", "topic_hit", "first_reply_films"):
            d = res["difference"][key]
            ci = d["ci95"]
            rows.append([name, key, fmt(res["with_stories"][key], 3), fmt(res["without_stories"][key], 3),
                         f"{d['diff']:+.3f}" + (f" [{ci[0]:+.3f}, {ci[1]:+.3f}]" if ci else "")])
        rows.append([name, "no films in two replies", str(res["with_stories"]["no_films"]),
                     str(res["without_stories"]["no_films"]), ""])
    print(table(rows, ["table", "measure", "with stories", "without", "difference (95% paired)"]))
    if args.json:
        write_json(args.json, payload)
        log.info(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
