"""Screen GSERec's code size, sparse views and prior strength on validation, under the sparse-user protocol.

    python -m lab.screen_gserec --dataset movielens-1m --codes 8,16,64 --json out/screen-gserec.json
    python -m lab.screen_gserec --codes 64 --views 0,4 --strength 5,20,50 --json out/screen-views.json
    python -m lab.screen_gserec --codes 64 --views 4 --strength 20,30 --prior-max 0,20 --levels mean,deepest
    python -m lab.screen_gserec --codes 64 --strength 10,30 --prior-max 20 --levels smoothed,popular --seeds 3
    python -m lab.screen_gserec --codes 64 --strength 20 --prior-max 20 --levels smoothed --query hard,beam2,loo

On one split (``--seed``), a seeded share of users keep at most ``--sparse`` training
interactions (``recsys.split.sparsify``, as ``lab.evaluate_cf --sparse`` does). For
``gserec-nocodes`` and ``gserec`` with each number of codes per level, it prints the
*validation* NDCG@10 of the sparse users, the warm users and all, and the share of sparse
users who share their first two code levels with a warm user (through whom the code graph
can reach them). One fit per (codes, views); the prior's strength, cap, levels and back-off only
change scoring, so each fit is scored at every ``--strength`` × ``--prior-max`` × ``--levels`` (×
``--backoff`` for ``smoothed``, × ``--query``). ``--seeds N`` screens split seeds 0 … N−1 and prints their mean
(one seed's sparse users are about 1,200: a single seed's validation chose settings whose test
gain halved).
``--learned`` also fits the learned two-view model.
Validation only: this chooses what to run on test, it reports nothing about
test. EASE, the models' base, takes the dataset's tuned parameters (``configs/tuned``).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import time

import numpy as np

from recsys.datasets import load_dataset
from recsys.gserec import PRIOR_LEVELS, PRIOR_QUERIES
from recsys.metrics import ranking_metrics
from recsys.models import make_scorer
from recsys.report import run_cli, run_metadata, table, write_json
from recsys.scorers import top_k
from recsys.split import cf_key, sparsify, split_interactions
from recsys.tuned import load_config, model_params

log = logging.getLogger(__name__)


def screen(dataset: str, codes: list[int], seed: int = 0, sparse: int = 5, views: tuple[int, ...] = (4,),
           strength: tuple[float, ...] = (20.0,), learned: bool = False, prior_max: tuple[int, ...] = (0,),
           levels: tuple[str, ...] = ("mean",), backoff: tuple[float, ...] = (5.0,),
           query: tuple[str, ...] = ("hard",)) -> dict:
    catalog = load_dataset(dataset)
    data, mask = sparsify(split_interactions(catalog, seed=seed), sparse)
    base = model_params("gserec", load_config(cf_key(catalog, data.protocol)))["base_params"]
    runs = [("gserec-nocodes", {})] + [("gserec", {"codes": k, "views": v}) for k in codes for v in views]
    if learned:
        runs += [("gserec-nocodes", {"learned": True}),
                 ("gserec", {"codes": codes[-1], "views": views[-1], "learned": True})]
    out = {}
    for n, (name, params) in enumerate(runs, 1):
        log.info(f"fit {n}/{len(runs)}: {name} {params or ''}")
        t0 = time.perf_counter()
        model = make_scorer(name, {**params, "base_params": base}, seed=seed, catalog=catalog, items=data.items)
        model.fit(data.train)
        fit_s = time.perf_counter() - t0
        linked = {}
        if getattr(model, "codebook", None) is not None:  # the audit reads the fit alone, not the scoring
            c = model.connectivity(data.train, mask)
            linked = {k: c[k] for k in ("sparse_linked_two_levels", "sparse_linked_two_levels_own")}
        scorings = [{"prior_strength": kappa, "prior_max": cap, "prior_levels": how, "prior_backoff": b,
                     "prior_query": q}
                    for kappa in strength for cap in prior_max for how in levels
                    for b in (backoff if how == "smoothed" else backoff[:1]) for q in query] if name == "gserec" \
            else [{}]
        for scoring in scorings:  # what only changes scoring: one fit serves every setting
            model.params = dataclasses.replace(model.params, **scoring)
            ranked, _ = top_k(model.score(data.train), 10, data.train)
            row = {group: ranking_metrics(ranked[m], data.valid[m], (10,))["NDCG@10"]
                   for group, m in (("sparse", mask), ("warm", ~mask), ("all", mask | ~mask))}
            row.update(linked)
            row["seconds"] = round(fit_s, 1)
            shown = {"strength": scoring["prior_strength"]} if scoring else {}
            if scoring and len(prior_max) > 1:
                shown["max"] = scoring["prior_max"]
            if scoring and len(levels) > 1:
                shown["levels"] = scoring["prior_levels"]
            if scoring and scoring["prior_levels"] == "smoothed" and len(backoff) > 1:
                shown["backoff"] = scoring["prior_backoff"]
            if scoring and len(query) > 1:
                shown["query"] = scoring["prior_query"]
            label = " ".join(f"{k}={v}" for k, v in {**params, **shown}.items())
            out[f"{name} {label}".strip()] = row
            log.info(f"{name} {label}: sparse {row['sparse']:.4f}, warm {row['warm']:.4f} (fit {fit_s:.0f} s)")
    return {"protocol": {"dataset": dataset, "seed": seed, "sparse": {"k": sparse, "users": int(mask.sum())},
                         "metric": "validation NDCG@10", "base_params": base}, "results": out}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="movielens-1m")
    ap.add_argument("--codes", default="8,16,64", help="codes per level to try, comma-separated")
    ap.add_argument("--seed", type=int, default=0, help="the (first) split seed (and the models')")
    ap.add_argument("--seeds", type=int, default=1, help="screen this many split seeds from --seed on; the table "
                    "shows their mean")
    ap.add_argument("--sparse", type=int, default=5, metavar="K", help="sparse users keep at most K interactions")
    ap.add_argument("--views", default="4", help="sparse views per richer training user to try, comma-separated")
    ap.add_argument("--strength", default="20", help="prior strengths (kappa) to try, comma-separated")
    ap.add_argument("--prior-max", default="0", help="films above which the graph is not used (0: never), "
                    "comma-separated")
    ap.add_argument("--levels", default="mean", help="g from the 'mean' of the levels, the 'deepest', "
                    "'smoothed' (each level backed off towards its parent), or 'popular' (the ablation without "
                    "codes: everyone's mean history); comma-separated")
    ap.add_argument("--backoff", default="5", help="for 'smoothed': pseudo-users of the parent in each node, "
                    "comma-separated")
    ap.add_argument("--query", default="hard", help="the code paths g averages: 'hard' (the person's codes), "
                    "'beam2', 'beam3' (through their 2 or 3 nearest first-level codes), 'loo' (their codes and "
                    "those of their films with one left out in turn); comma-separated")
    ap.add_argument("--learned", action="store_true", help="also fit the learned two-view model, with and "
                    "without codes")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args(argv)
    try:
        codes = [int(k) for k in args.codes.split(",")]
        views = tuple(int(v) for v in args.views.split(","))
        strength = tuple(float(v) for v in args.strength.split(","))
        prior_max = tuple(int(v) for v in args.prior_max.split(","))
        backoff = tuple(float(v) for v in args.backoff.split(","))
    except ValueError:
        ap.error(f"--codes, --views and --prior-max take whole numbers, --strength and --backoff numbers, separated "
                 f"by commas; got {args.codes!r}, {args.views!r}, {args.strength!r}, {args.prior_max!r}, "
                 f"{args.backoff!r}")
    levels, query = tuple(args.levels.split(",")), tuple(args.query.split(","))
    if (min(codes) < 2 or args.sparse < 1 or min(views) < 0 or min(strength) < 0 or min(prior_max) < 0
            or min(backoff) < 0 or args.seeds < 1):
        ap.error("--codes needs at least 2 codes per level, --sparse and --seeds at least 1, --views, --strength, "
                 "--prior-max and --backoff >= 0")
    if set(levels) - set(PRIOR_LEVELS):
        ap.error(f"--levels takes {', '.join(PRIOR_LEVELS)}, got {args.levels!r}")
    if set(query) - set(PRIOR_QUERIES):
        ap.error(f"--query takes {', '.join(PRIOR_QUERIES)}, got {args.query!r}")
    seeds = list(range(args.seed, args.seed + args.seeds))
    runs = [screen(args.dataset, codes, seed, args.sparse, views, strength, args.learned, prior_max, levels, backoff,
                   query)
            for seed in seeds]
    res = {"protocol": {**runs[0]["protocol"], "seed": seeds[0], "seeds": seeds}, "results": {}}
    for name in runs[0]["results"]:
        per_seed = [r["results"][name] for r in runs]
        res["results"][name] = {**{k: float(np.mean([r[k] for r in per_seed])) for k in per_seed[0]},
                                "per_seed": per_seed}
    p = res["protocol"]
    which = f"split seed {seeds[0]}" if len(seeds) == 1 else f"mean of split seeds {seeds[0]}-{seeds[-1]}"
    print(f"{args.dataset}, {which}: {p['sparse']['users']:,} users keep at most {args.sparse} "
          "training interactions; validation NDCG@10:")
    rows = [[name, f"{r['sparse']:.4f}", f"{r['warm']:.4f}", f"{r['all']:.4f}",
             f"{r['sparse_linked_two_levels']:.3f}" if "sparse_linked_two_levels" in r else "-",
             f"{r['sparse_linked_two_levels_own']:.3f}" if "sparse_linked_two_levels_own" in r else "-",
             f"{r['seconds']:.0f}"]
            for name, r in res["results"].items()]
    print(table(rows, ["model", "sparse", "warm", "all", "sparse linked (2 levels)", "(own summaries only)",
                       "fit s"]))
    if args.json:
        write_json(args.json, {**res, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
