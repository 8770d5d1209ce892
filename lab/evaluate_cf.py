"""Offline top-N evaluation under RecBole's ML-1M benchmark protocol.

    python -m lab.evaluate_cf --dataset movielens-1m --models pop,als,ease,itemknn --json out.json
    python -m lab.evaluate_cf --dataset movielens-1m --tune        # writes out/cf-<dataset>-<time>/
    python -m lab.promote out/cf-movielens-1m-<time>               # ships it as configs/tuned/<dataset>.json

Protocol (built-in MovieLens; ``--min-rating`` / ``--core`` change it, defaults for a folder in
``recsys.split.data_protocol``): ratings >= 3 are positives, 10-core filter, random per-user 8:1:1 split, models fit
on train only and score from each user's training history, full ranking; validation excludes
train items, test excludes train + valid items. Hyper-parameters come from the committed
config that ``--tune`` chose on validation NDCG@10 (split seed 0) — test is never looked at
while tuning. Results are mean ± std over split seeds, with two diversity measures of the test
top 10 (ILD@10 on the MiniLM text vectors, genres@10) and, for the pairs in ``PAIRS`` that were
both evaluated, the per-user difference of test NDCG@10 with a 95% interval (users × seeds).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from lab.options import add_data_args, load_catalog, protocol_of
from recsys.datasets import load_dataset
from recsys.metrics import diversity, ndcg_per_user, ranking_metrics
from recsys.models import MODELS, Blend, fit_key, make_scorer
from recsys.report import aggregate, configure_logging, fmt, run_metadata, table, write_json
from recsys.runs import new_run, write_manifest
from recsys.scorers import top_k
from recsys.semantic import item_embeddings
from recsys.split import SPARSE_SHARE, DataProtocol, Interactions, cf_key, sparsify, split_interactions
from recsys.tuned import config_path, find_config, load_config, model_params

log = logging.getLogger(__name__)

KS = (10, 20)
# (embedding size, share of a history given as input, personas); ML-1M, seed 0's validation: 0.2270, 0.2223,
# 0.2242 for the first three (2026-12-04). On 2026-12-05 more personas: 8 gave 0.2292, 16 gave 0.2298 (a share
# drawn anew from 0.1-0.5 each time, 0.2270, and a sharper attention over personas, temperature 0.5, 0.2269, did
# not help; neither is in the grid)
AMPCF_POINTS = ((64, 0.25, 4), (128, 0.25, 4), (64, 0.5, 4), (64, 0.25, 8), (64, 0.25, 16))
GRIDS = {
    "pop": [{}],
    "ease": [{"l2": l2, "dropout": p}
             for l2, p in itertools.product((250, 500, 750, 1000, 1500), (0.0, 0.1, 0.2, 0.3))],
    "itemknn": [{"k": k, "shrink": s} for k, s in itertools.product((50, 100, 200, 400), (0.0, 10.0, 50.0))],
    # a first sweep at 128 factors (λ 10 and 50 × α 1, 3, 10; 20 iterations) peaked at λ 50,
    # α 3 (valid NDCG@10 0.2276); this grid refines around that point
    "als": [{"factors": f, "l2": l2, "alpha": a, "iterations": 20}
            for f, (l2, a) in itertools.product((128, 256), ((25.0, 3.0), (50.0, 3.0), (100.0, 3.0), (50.0, 5.0)))],
    # Mult-VAE: 100 epochs of 500 users overfit less than longer or faster runs (seed 0's validation,
    # 20 to 150 epochs, lr 1e-3 and 3e-3). A smaller latent and a stronger KL cap help on ML-1M (seed 0's
    # validation NDCG@10: latent 200 / 64 / 32 / 16 at beta 0.5: 0.1998 / 0.2037 / 0.2063 / 0.2024; at latent
    # 32, beta 0.2 / 0.5 / 1.0: 0.1995 / 0.2063 / 0.2080; dropout 0.3 or 0.7, weight decay, lr 3e-3 and
    # RecBole's near-zero sampling noise were no better). A wider hidden layer then helps (latent 32 at cap 1.0,
    # hidden 300 / 600 / 1200 / 2000: 0.2024 / 0.2080 / 0.2095 / 0.2092) and lets a larger latent help too
    # (hidden 1200, latent 64: 0.2110); RecBole's interaction sampling (heavy users drawn more often: 0.1838),
    # batches of 100 (0.2064), 200 epochs at lr 5e-4 (0.2075) were no better; so the grid is the latent at
    # hidden 1200 and cap 1.0, with the earlier choice (hidden 600, latent 32) beside it
    "multvae": [{"epochs": 100, "beta": 1.0, "anneal_steps": 1000, "latent": lat, "hidden": h}
                for h, lat in ((600, 32), (1200, 32), (1200, 64), (1200, 128))],
    # AMP-CF and its one-persona ablation: the same grid, so the same budget (120 epochs beat 60 on
    # ML-1M); the embedding size and the share of a history given as input
    "ampcf": [{"epochs": 120, "batch_size": 32, "keep": k, "dim": d, "personas": n} for d, k, n in AMPCF_POINTS],
    "ampcf-k1": [{"epochs": 120, "batch_size": 32, "keep": k, "dim": d} for d, k, n in AMPCF_POINTS if n == 4],
    # KGAT and its user-item ablation, the same grid: the defaults (the one point that fits the 10-minute fit
    # on ML-1M) and a slower schedule, better on ML-100K's validation but about 25 minutes a fit on ML-1M
    # (TransR at its own rate, 1e-3 by default: ML-100K's validation NDCG@10 0.1808 against 0.1682 with TransR at
    # lr 1e-2 too; the slow schedule 0.1838)
    "kgat": [{"epochs": 15, "batch_size": 8192, "lr": 1e-2}, {"epochs": 20, "batch_size": 4096, "lr": 1e-3}],
    "kgat-ui": [{"epochs": 15, "batch_size": 8192, "lr": 1e-2}, {"epochs": 20, "batch_size": 4096, "lr": 1e-3}],
}
BLEND_WEIGHTS = (0.2, 0.3, 0.4, 0.5, 0.6)
BLEND_EXTRA = ("multvae", "ampcf", "itemknn")  # tried as third, fourth... members, in this order
EXTRA_WEIGHTS = (0.1, 0.2, 0.35)  # before normalising: the EASE + ALS weights sum to 1
# paired over users (test NDCG@10, every split seed): run when both models are evaluated
PAIRS = (("ampcf", "ampcf-k1"), ("ampcf", "als"), ("kgat", "kgat-ui"), ("multvae", "ease"), ("blend", "ease"),
         ("gserec", "gserec-nocodes"), ("gserec", "ease"))


@dataclass(frozen=True)
class Looks:
    """What the diversity measures read, for the split's items: unit MiniLM text vectors
    (intra-list distance; the same for every model, unlike any model's own factors) and a
    boolean item × genre matrix (genres covered)."""

    vectors: np.ndarray
    genres: np.ndarray

    @classmethod
    def of(cls, catalog, items: np.ndarray, text: np.ndarray) -> Looks:
        """``text``: the catalog's unit text vectors (``recsys.semantic.item_embeddings``)."""
        cols = [v for v, (t, _) in enumerate(catalog.attr_values) if t == "genre"]
        return cls(text[items], catalog.item_attr[items][:, cols].toarray().astype(bool))


def paired(per_model: dict[str, list[dict]], pairs=PAIRS) -> dict[str, dict]:
    """A − B test NDCG@10 per user, pooled over split seeds: mean and a normal 95% interval."""
    out = {}
    for a, b in pairs:
        if a in per_model and b in per_model:
            d = np.concatenate([ra["per_user"] - rb["per_user"] for ra, rb in zip(per_model[a], per_model[b])])
            d = d[~np.isnan(d)]
            half = 1.96 * d.std(ddof=1) / np.sqrt(len(d))
            out[f"{a} - {b}"] = {"test NDCG@10": {"diff": float(d.mean()),
                                                  "ci95": [float(d.mean() - half), float(d.mean() + half)]},
                                 "users x seeds": len(d)}
    return out


def evaluate_model(name: str, params: dict, data: Interactions, seed: int = 0, ks=KS,
                   fitted: dict | None = None, looks: Looks | None = None, catalog=None,
                   groups: dict[str, np.ndarray] | None = None) -> dict:
    """Fit on train, rank for validation and test. ``fitted`` caches models fitted on this
    split by (name, params) so a blend reuses its members instead of refitting them; with
    ``looks``, the test top 10's diversity and each user's test NDCG@10 (for paired comparisons);
    ``groups`` (name -> user mask, e.g. sparse and warm users) adds each group's test metrics."""
    t0 = time.perf_counter()
    model = make_scorer(name, params, seed=seed, catalog=catalog, items=data.items)
    if fitted is not None and isinstance(model, Blend):
        model.prefit = fitted
    model.fit(data.train)
    # a blend's cost is its members' fits, even when they were reused from the cache
    fit_s = getattr(model, "member_seconds", model.fit_seconds)
    if fitted is not None:
        fitted[fit_key(name, params)] = model
    scores = model.score(data.train)
    valid_idx, _ = top_k(scores, max(ks), data.train)
    test_idx, _ = top_k(scores, max(ks), data.train + data.valid)
    test = ranking_metrics(test_idx, data.test, ks)
    out = {"valid": ranking_metrics(valid_idx, data.valid, ks), "test": test}
    for group, mask in (groups or {}).items():
        out[group] = {"test": ranking_metrics(test_idx[mask], data.test[mask], ks)}
    if groups and getattr(model, "codebook", None) is not None:  # GSERec: can the graph reach sparse users?
        out["connectivity"] = model.connectivity(data.train, groups["sparse"])
    if looks is not None:
        test["ILD@10"], test["genres@10"] = diversity(test_idx[:, :10], looks.vectors, looks.genres)
        out["per_user"] = ndcg_per_user(test_idx, data.test, 10)
    if hasattr(model, "graph_size"):  # a graph model: what it propagated over, and an epoch's cost
        out["graph"] = model.graph_size
        out["epoch_seconds"] = float(np.mean(model.epoch_seconds))
    return {**out, "fit_seconds": fit_s, "total_seconds": time.perf_counter() - t0}


def tune_blend(base: dict, data: Interactions, fitted: dict, catalog=None) -> tuple[list, dict]:
    """The blend's members and weights on validation: the EASE + ALS weight first, then each
    model of ``BLEND_EXTRA`` that has parameters in ``base``, added greedily at the best of
    ``EXTRA_WEIGHTS`` when it raises validation NDCG@10 (kept out otherwise)."""
    for name in ["ease", "als", *BLEND_EXTRA]:  # every candidate member fitted once, then reused
        if name in base and fit_key(name, base[name]) not in fitted:
            fitted[fit_key(name, base[name])] = make_scorer(name, base[name], catalog=catalog,
                                                            items=data.items).fit(data.train)
    trials = []

    def trial(members: list, what: str) -> float:
        v = evaluate_model("blend", {"members": members}, data, fitted=fitted, catalog=catalog)["valid"]["NDCG@10"]
        trials.append({"params": {"members": members}, "valid NDCG@10": v})
        log.info(f"blend {what}: valid NDCG@10 {v:.4f}")
        return v

    pairs = [[["ease", base["ease"], 1 - w], ["als", base["als"], w]] for w in BLEND_WEIGHTS]
    best_v, best = max(((trial(m, f"als weight {m[1][2]}"), m) for m in pairs), key=lambda t: t[0])
    for name in (m for m in BLEND_EXTRA if m in base):
        grown = [best + [[name, base[name], w]] for w in EXTRA_WEIGHTS]
        v, members = max(((trial(m, f"+ {name} at {m[-1][2]}"), m) for m in grown), key=lambda t: t[0])
        if v > best_v:
            best_v, best = v, members
    return trials, {"members": best}


def tune(dataset: str, models: list[str], out: Path | None = None, run: Path | None = None,
         protocol: DataProtocol | None = None) -> dict:
    """Grid search on validation NDCG@10 (split seed 0); then the blend (``tune_blend``).
    Writes the chosen parameters to ``out`` when given, else into a run folder under ``out/``
    (``run``, or a new one) that ``python -m lab.promote`` ships as ``configs/tuned/<dataset>.json``."""
    catalog = load_dataset(dataset)
    data = split_interactions(catalog, seed=0, protocol=protocol)
    if not data.valid.nnz:
        raise ValueError(f"{dataset}: no validation interactions under {data.protocol} to tune on: give the folder "
                         "valid rows (split column) or drop the split column for a seeded 8:1:1 split")
    key = cf_key(catalog, data.protocol)
    shipped_path = find_config(key)
    shipped = json.loads(shipped_path.read_text()) if shipped_path is not None else {}
    if "blend" in models and not {"ease", "als"} <= set(shipped.get("params", {})) | set(models):
        raise ValueError("the blend starts from EASE and ALS: tune them too (--models ease,als,...,blend)")
    chosen, trials, fitted = {}, {}, {}
    for name in [m for m in models if m != "blend"]:
        trials[name] = []
        for i, params in enumerate(GRIDS.get(name, [{}])):
            res = evaluate_model(name, params, data, fitted=fitted, catalog=catalog)
            v = res["valid"]["NDCG@10"]
            trials[name].append({"params": params, "valid NDCG@10": v})
            log.info(f"{name} {i + 1}/{len(GRIDS.get(name, [{}]))} {params}: valid NDCG@10 {v:.4f}")
        chosen[name] = max(trials[name], key=lambda t: t["valid NDCG@10"])["params"]
        keep = fit_key(name, chosen[name])  # the blend reuses only the chosen fit
        fitted = {k: m for k, m in fitted.items() if k == keep or m.name != name}
    if "blend" in models:
        trials["blend"], chosen["blend"] = tune_blend({**shipped.get("params", {}), **chosen}, data, fitted, catalog)
    payload = {"dataset": dataset, "selected_on": "valid NDCG@10, split seed 0", "params": chosen,
               "trials": trials, "data": (protocol or data.protocol).as_dict(), **run_metadata()}
    if out is not None:
        write_json(out, payload)
        log.info(f"wrote {out}")
        return chosen
    run = new_run("cf", catalog.key(), run)
    if shipped_path is not None:  # models not tuned now keep their shipped parameters, so shipping loses nothing
        kept = {m: p for m, p in shipped.get("params", {}).items() if m not in chosen}
        payload["params"] = {**kept, **chosen}
        payload["trials"] = {**{m: t for m, t in shipped.get("trials", {}).items() if m in kept}, **trials}
        payload["kept_from"] = {m: str(shipped_path.relative_to(shipped_path.parents[2])) for m in kept}
    name = config_path(key).name
    write_json(run / name, payload)
    valid = {m: max(t["valid NDCG@10"] for t in trials[m]) for m in chosen}
    write_manifest(run, kind="cf", dataset=dataset, ships={name: f"tuned/{name}"},
                   fingerprints={"catalog": catalog.fingerprint()}, validation={"NDCG@10": valid})
    log.info(f"wrote {run / name}; ship it with python -m lab.promote {run}")
    return chosen


def _split(catalog, seed: int, protocol: DataProtocol | None, sparse: int | None):
    """One split seed's data, and the sparse and warm users' masks under the sparse-user protocol."""
    data = split_interactions(catalog, seed=seed, protocol=protocol)
    if sparse is None:
        return data, None
    data, mask = sparsify(data, sparse)
    return data, {"sparse": mask, "warm": ~mask}


_WORKER: dict = {}  # a worker process's catalog, text vectors and each split seed's data (``_run_parallel``)


def _worker_start(dataset: str, protocol, sparse, threads: int) -> None:
    import torch
    from threadpoolctl import threadpool_limits

    torch.set_num_threads(threads)
    threadpool_limits(threads)  # numpy's BLAS too: the jobs share the machine's cores
    catalog = load_dataset(dataset)
    _WORKER.update(catalog=catalog, text=item_embeddings(catalog), protocol=protocol, sparse=sparse, seeds={})


def _worker_task(name: str, params: dict, seed: int, ks, prefit: dict, keep: bool):
    """One model on one split seed, in a worker; the fitted model comes back when a blend of the
    same seed will reuse it (``keep``)."""
    w = _WORKER
    if seed not in w["seeds"]:
        data, groups = _split(w["catalog"], seed, w["protocol"], w["sparse"])
        w["seeds"][seed] = (data, groups, Looks.of(w["catalog"], data.items, w["text"]))
    data, groups, looks = w["seeds"][seed]
    fitted = dict(prefit)
    result = evaluate_model(name, params, data, seed=seed, ks=ks, fitted=fitted, looks=looks, catalog=w["catalog"],
                            groups=groups)
    return result, (fitted.get(fit_key(name, params)) if keep else None)


def _run_parallel(dataset: str, models: list[str], seeds: int, config: dict, ks, protocol, sparse,
                  jobs: int) -> dict[str, list[dict]]:
    """Every (model, split seed) as a task for ``jobs`` worker processes, each with an equal share of
    the cores; a blend runs once the members it shares with the stand-alone models of its seed are
    fitted, and reuses them. The figures are those of the one-process run (each fit is seeded), up
    to the rounding of sums split across a different number of threads."""
    import multiprocessing
    import os
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    threads = max(1, (os.cpu_count() or 1) // jobs)
    params = {name: model_params(name, config) for name in models}
    members = {name: {fit_key(n, p) for n, p, _ in params[name].get("members", [])} if name == "blend" else set()
               for name in models}
    wanted = set().union(*members.values())  # fits a blend will reuse
    done: dict[tuple[str, int], dict] = {}
    kept: dict[int, dict] = {seed: {} for seed in range(seeds)}
    waiting = [(name, seed) for seed in range(seeds) for name in models]
    ctx = multiprocessing.get_context("spawn")  # (no fork of a process whose torch threads already run)
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_start,
                             initargs=(dataset, protocol, sparse, threads)) as pool:
        running = {}
        while waiting or running:
            ready = [(n, s) for n, s in waiting if not members[n] - set(kept[s])]  # a blend waits for its members
            for name, seed in ready:
                waiting.remove((name, seed))
                prefit = {k: m for k, m in kept[seed].items() if k in members[name]}
                log.info(f"seed {seed}: {name} ... (a worker of {jobs}, {threads} thread{'s' * (threads > 1)})")
                running[pool.submit(_worker_task, name, params[name], seed, ks, prefit,
                                    fit_key(name, params[name]) in wanted)] = (name, seed)
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                name, seed = running.pop(future)
                result, model = future.result()
                done[(name, seed)] = result
                if model is not None:
                    kept[seed][fit_key(name, params[name])] = model
                log.info(f"seed {seed}: {name} test NDCG@10 {result['test']['NDCG@10']:.4f}"
                         f" ({result['total_seconds']:.1f} s)")
    return {name: [done[(name, seed)] for seed in range(seeds)] for name in models}


def run(dataset: str, models: list[str], seeds: int, config: dict, ks=KS,
        protocol: DataProtocol | None = None, sparse: int | None = None, jobs: int = 1) -> dict:
    """Every model on each split seed. ``sparse`` K: the sparse-user protocol
    (``recsys.split.sparsify``: a seeded 20% of users keep at most K training interactions),
    with test metrics for the sparse and the warm users apart, and paired comparisons over
    the sparse users. ``jobs`` > 1: the (model, seed) fits run in that many worker processes
    (``_run_parallel``)."""
    t_start = time.perf_counter()
    catalog = load_dataset(dataset, verbose=True)
    text = item_embeddings(catalog)  # for the diversity measures, once for every split seed
    per_model: dict[str, list[dict]] = {m: [] for m in models}
    if jobs > 1:
        per_model.update(_run_parallel(dataset, models, seeds, config, ks, protocol, sparse, jobs))
    masks = []
    for seed in range(seeds):  # each split once here: the fits, or (with workers) the shape and the sparse users
        data, groups = _split(catalog, seed, protocol, sparse)
        if groups is not None:
            masks.append(groups["sparse"])
        if jobs > 1:
            continue
        fitted: dict = {}
        looks = Looks.of(catalog, data.items, text)
        for name in models:
            log.info(f"seed {seed}: {name} ...")
            per_model[name].append(evaluate_model(name, model_params(name, config), data, seed=seed, ks=ks,
                                                  fitted=fitted, looks=looks, catalog=catalog, groups=groups))
            log.info(f"seed {seed}: {name} test NDCG@10 {per_model[name][-1]['test']['NDCG@10']:.4f}"
                f" ({per_model[name][-1]['total_seconds']:.1f} s)")
    n_users, n_items = data.shape
    n_inter = data.train.nnz + data.valid.nnz + data.test.nnz
    n_sparse = int(masks[-1].sum()) if masks else 0
    results = {}
    for name, runs in per_model.items():
        results[name] = {
            part: {k: aggregate([r[part][k] for r in runs]) for k in runs[0][part]} for part in ("valid", "test")
        }
        if "connectivity" in runs[0]:
            results[name]["connectivity"] = {
                "sparse_linked_two_levels": aggregate([r["connectivity"]["sparse_linked_two_levels"] for r in runs]),
                "sparse_linked_two_levels_own": aggregate([r["connectivity"]["sparse_linked_two_levels_own"]
                                                           for r in runs]),
                "collisions": aggregate([r["connectivity"]["collisions"] for r in runs]),
                "used": [aggregate([r["connectivity"]["levels"][k]["used"] for r in runs])
                         for k in range(len(runs[0]["connectivity"]["levels"]))],
                "perplexity": [aggregate([r["connectivity"]["levels"][k]["perplexity"] for r in runs])
                               for k in range(len(runs[0]["connectivity"]["levels"]))]}
        for group in ("sparse", "warm"):
            if group in runs[0]:
                results[name][group] = {"test": {k: aggregate([r[group]["test"][k] for r in runs])
                                                 for k in runs[0][group]["test"]}}
        results[name]["fit_seconds"] = aggregate([r["fit_seconds"] for r in runs])
        results[name]["params"] = model_params(name, config)
        if "graph" in runs[0]:
            results[name]["graph"] = runs[0]["graph"]
            results[name]["epoch_seconds"] = aggregate([r["epoch_seconds"] for r in runs])
    dp = data.protocol
    protocol = {"dataset": dataset, "catalog_fingerprint": catalog.fingerprint(),
                "positives": "every interaction" if dp.min_rating is None else f"rating >= {dp.min_rating:g}",
                "core": dp.core, "data": dp.as_dict(),
                "split": "given (the folder's split column)" if catalog.inter_split is not None
                else "random per-user 8:1:1 (valid = test = int(0.1 n))",
                "split_seeds": list(range(seeds)),
                "users": n_users, "items": n_items, "interactions": n_inter, "ranking": "full",
                "valid_excludes": "train", "test_excludes": "train + valid", "ks": list(ks),
                "tuned_on": "validation NDCG@10 (see configs/tuned)",
                **({"sparse": {"k": sparse, "share": SPARSE_SHARE, "users": n_sparse,
                               "rule": "a seeded share of users (the split seed) keep at most k training "
                                       "interactions, drawn with the split seed; valid and test unchanged; "
                                       "models train on what is left"}} if sparse is not None else {}),
                "seconds": round(time.perf_counter() - t_start, 1), "jobs": jobs}
    payload = {"protocol": protocol, "results": results, "paired": paired(per_model)}
    if sparse is not None:  # the same pairs over the sparse users only
        payload["paired_sparse"] = paired({m: [r | {"per_user": r["per_user"][mask]} for r, mask in zip(runs, masks)]
                                           for m, runs in per_model.items()})
    return {**payload, **run_metadata()}


def print_table(payload: dict) -> None:
    metrics = ["NDCG@10", "Recall@10", "Hit@10", "NDCG@20", "Recall@20", "ILD@10", "genres@10"]
    rows = [[name] + [fmt(r["test"][m]) if m in r["test"] else "-" for m in metrics]
            + [fmt(r["valid"]["NDCG@10"]), fmt(r["fit_seconds"], 1)] for name, r in payload["results"].items()]
    p = payload["protocol"]
    print(f"{p['dataset']}: {p['users']:,} users, {p['items']:,} items, {p['interactions']:,} interactions; "
          f"test metrics over split seeds {p['split_seeds']} ({p['seconds']:.0f} s in all)")
    print(table(rows, ["model"] + [f"test {m}" for m in metrics] + ["valid NDCG@10", "fit s"]))
    if "sparse" in p:
        s = p["sparse"]
        print(f"sparse-user protocol: {s['users']:,} users keep at most {s['k']} training interactions; test:")
        rows = [[name] + [fmt(r[g]["test"][m]) for g in ("sparse", "warm") for m in ("NDCG@10", "Recall@10")]
                for name, r in payload["results"].items()]
        print(table(rows, ["model", "sparse NDCG@10", "sparse Recall@10", "warm NDCG@10", "warm Recall@10"]))
        for name, r in payload["results"].items():
            if "connectivity" in r:
                c = r["connectivity"]
                used = ", ".join(fmt(u) for u in c["used"])
                perplexity = ", ".join(fmt(x, 1) for x in c["perplexity"])
                print(f"{name} code graph: {fmt(c['sparse_linked_two_levels'])} of sparse users share their first "
                      f"two code levels with a warm user ({fmt(c['sparse_linked_two_levels_own'])} counting warm "
                      f"users' own summaries only, without their sparse views); codes used per level {used}; "
                      f"perplexity {perplexity}; "
                      f"users sharing a whole code tuple {fmt(c['collisions'])}")
    for key, who in (("paired", "users"), ("paired_sparse", "sparse users")):
        if payload.get(key):
            print(f"paired over {who} and split seeds (test NDCG@10, 95% interval):")
            rows = [[k, f"{d['diff']:+.4f}", f"[{d['ci95'][0]:+.4f}, {d['ci95'][1]:+.4f}]", str(v["users x seeds"])]
                    for k, v in payload[key].items() for d in [v["test NDCG@10"]]]
            print(table(rows, ["A - B", "mean", "95% interval", "n"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.evaluate_cf", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_args(ap, dataset_default="movielens-1m")
    ap.add_argument("--models", default="pop,als,ease,itemknn,blend",
                    help=f"comma-separated, from {', '.join(MODELS)}")
    ap.add_argument("--seeds", type=int, default=3, help="number of split seeds (0..N-1)")
    ap.add_argument("--json", help="write results here")
    ap.add_argument("--config", help="hyper-parameter config (default: configs/tuned/<dataset>.json)")
    ap.add_argument("--tune", action="store_true", help="grid-search on validation and write the config into a run "
                    "folder under out/ (or to --config when given); python -m lab.promote ships it")
    ap.add_argument("--out", help="--tune: the run folder (default out/cf-<dataset>-<time>/)")
    ap.add_argument("--sparse", type=int, metavar="K",
                    help="the sparse-user protocol: a seeded 20%% of users keep at most K training interactions; "
                         "test metrics for sparse and warm users apart")
    ap.add_argument("--jobs", type=int, default=1,
                    help="worker processes for the (model, seed) fits, each with an equal share of the cores "
                         "(default 1: one process, every core)")
    args = ap.parse_args(argv)
    configure_logging()
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    unknown = [m for m in models if m not in MODELS]
    if unknown:
        ap.error(f"unknown model(s) {', '.join(unknown)}; choose from {', '.join(MODELS)}")
    if args.seeds < 1:
        ap.error("--seeds must be >= 1")
    if args.jobs < 1 or args.jobs > 1 and args.tune:
        ap.error("--jobs must be >= 1, and is for evaluation, not --tune")
    if args.sparse is not None and (args.sparse < 1 or args.tune):
        ap.error("--sparse K needs K >= 1, and is for evaluation, not --tune")
    try:
        catalog = load_catalog(args)
        protocol = protocol_of(args, catalog)
        if args.tune:
            tune(args.dataset, models, Path(args.config) if args.config else None, Path(args.out) if args.out else None,
                 protocol)
            return 0
        config = load_config(cf_key(catalog, protocol), args.config)
        payload = run(args.dataset, models, args.seeds, config, protocol=protocol, sparse=args.sparse, jobs=args.jobs)
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print_table(payload)
    if args.json:
        write_json(args.json, payload)
        log.info(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    np.seterr(all="ignore")
    raise SystemExit(main())
