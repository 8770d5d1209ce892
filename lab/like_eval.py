"""How like a named film are the films a person gets for "something like <film>"?

    python -m lab.like_eval [--films 60] [--json docs/runs/like-movielens-100k.json]

For the ``--films`` most-rated films of MovieLens-100K with genres, a fresh conversation opens
with "something like <title>" and the first list is scored against that film: the mean genre
overlap (Jaccard) of its cards, the share of cards that share the film's director or one of
its three leads, and the mean fused-vector cosine (how alike the people who rated them find
them). The same films are run twice in one process: with the engine's lean to the film named
(``ChatState.lean``) and without it (the person's likes alone, as before the lean existed);
the differences are paired over the films with a 95% bootstrap interval.
"""

from __future__ import annotations

import argparse
import re
from unittest import mock

import numpy as np
from scipy.stats import bootstrap

from recsys.report import run_cli, run_metadata, write_json

METRICS = ("genre_jaccard", "shares_person", "fused_cosine")


def film_scores(m, x: int, cards: list[int]) -> dict[str, float]:
    """The first list's likeness to catalog film ``x`` (cards: catalog indices)."""
    cat = m.catalog
    genres = set(cat.values_of(x, "genre"))
    people = set(cat.values_of(x, "director")) | set(cat.leads(x, 3))
    jac = [len(genres & set(cat.values_of(c, "genre"))) / max(len(genres | set(cat.values_of(c, "genre"))), 1)
           for c in cards]
    share = [bool(people & (set(cat.values_of(c, "director")) | set(cat.leads(c, 3)))) for c in cards]
    wx = int(m.world.of_catalog[x])
    cos = [float(m.fused[wx] @ m.fused[int(m.world.of_catalog[c])]) for c in cards]
    return {"genre_jaccard": float(np.mean(jac)), "shares_person": float(np.mean(share)),
            "fused_cosine": float(np.mean(cos))}


def run(n_films: int, progress=print) -> dict:
    import chat.turn
    from chat.engine import Engine
    from chat.events import Text
    from chat.loading import load_models

    m = load_models("movielens-100k", "unified", retrieval=True, progress=progress)
    cat, world = m.catalog, m.world
    order = np.argsort(-m.popularity, kind="stable")
    films = [world.catalog_index(int(w)) for w in order
             if cat.values_of(world.catalog_index(int(w)), "genre")][:n_films]
    engine = Engine(m)
    out = {"lean": [], "no_lean": []}
    for setting in out:
        never = re.compile(r"(?!x)x")  # no message names a film to lean to: the likes alone, as before
        with mock.patch.object(chat.turn, "LIKE_THAT_RE", never) if setting == "no_lean" else mock.patch.object(
                chat.turn, "LIKE_THAT_RE", chat.turn.LIKE_THAT_RE):
            for x in films:
                state, _, _ = engine.start()
                title = re.sub(r"\s*\(.*\)$", "", cat.titles[x])
                title = re.sub(r"^(.*), (The|A|An)$", r"\2 \1", title)
                state, reply = engine.step(state, Text(f"something like {title}"))
                cards = [world.catalog_index(world.item_of_id(c.item_id)) for c in reply.cards]
                out[setting].append({"film": cat.titles[x], "cards": [cat.titles[c] for c in cards],
                                     **film_scores(m, x, cards)})
    rng = np.random.default_rng(0)
    results = {}
    for setting, rows in out.items():
        results[setting] = {k: float(np.mean([r[k] for r in rows])) for k in METRICS}
    diffs = {}
    for k in METRICS:
        a = np.array([r[k] for r in out["lean"]])
        b = np.array([r[k] for r in out["no_lean"]])
        ci = bootstrap((a, b), lambda x, y, axis=-1: np.mean(x - y, axis=axis), paired=True, vectorized=True,
                       n_resamples=2000, method="percentile", rng=rng).confidence_interval
        diffs[k] = {"diff": float((a - b).mean()), "ci95": [float(ci.low), float(ci.high)]}
    results["lean - no_lean"] = diffs
    return {"protocol": {"dataset": "movielens-100k", "films": len(films), "message": "something like <title>"},
            "results": results, "per_film": out, **run_metadata()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.like_eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--films", type=int, default=60, help="the most-rated films to ask about")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    if args.films < 2:
        raise ValueError("--films needs at least 2 films (the interval is paired over films)")
    payload = run(args.films)
    res = payload["results"]
    print(f"{payload['protocol']['films']} films, first list after \"something like <title>\"")
    print(f"{'setting':<16}" + "".join(f"{k:>16}" for k in METRICS))
    for setting in ("lean", "no_lean"):
        print(f"{setting:<16}" + "".join(f"{res[setting][k]:>16.3f}" for k in METRICS))
    d = res["lean - no_lean"]
    print(f"{'lean - no_lean':<16}" + "".join(
        f"{d[k]['diff']:>+7.3f} [{d[k]['ci95'][0]:+.3f}, {d[k]['ci95'][1]:+.3f}]".rjust(16) for k in METRICS))
    if args.json:
        write_json(args.json, payload)
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
