"""Multi-round offline evaluation of the query–item graph, in the MAGUS spirit.

    python -m lab.evaluate_graph --dataset movielens-100k --episodes 2000 --seeds 3 --json out/graph.json

Episodes are (user, target) pairs: targets from the test split of the per-user 8:1:1 split
(positives ≥ 3, 10-core, as the offline protocol), the user's train items their history.
Each round the system shows its top 5 items (history and already shown items excluded) and
its top 3 not-yet-judged query terms; the simulated user accepts the shown terms the target
has, rejects those it lacks (a type the target has no data for gets no answer), and rejects
the shown items that are not the target. A session reaches the target when it is shown.
Reported per round r: HR@3 and HR@5, the share of sessions whose target was in the top 3 / 5
at some round ≤ r, and Reach@R = HR@5 at round R. Methods: ``cf`` (the CF prior, shown items
removed, term answers unused), ``graph-1hop`` (feedback labels reach direct neighbours once,
no iteration), ``graph-propagated`` (label spreading to tolerance, warm-started per round).
The propagation strength α is chosen on validation episodes (targets from the valid split),
then test episodes are reported; mean ± std over seeds (each seed draws its own split).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time

import numpy as np
from tqdm import tqdm

from lab.options import add_data_args, load_catalog, protocol_of
from recsys.graph import Feedback, GraphConfig, GraphSession, build_graph
from recsys.models import make_scorer
from recsys.report import aggregate, fmt, run_cli, run_metadata, table, write_json
from recsys.split import split_interactions
from recsys.tuned import load_config

log = logging.getLogger(__name__)

METHODS = ("cf", "graph-1hop", "graph-propagated")
SHOW_ITEMS, SHOW_TERMS = 5, 3


def sample_episodes(matrix, n: int, rng: np.random.Generator) -> list[tuple[int, int]]:
    """Seeded sample of (row, item) pairs from the nonzeros of ``matrix`` (all if n <= 0)."""
    coo = matrix.tocoo()
    pairs = list(zip(coo.row.tolist(), coo.col.tolist()))
    if 0 < n < len(pairs):
        pairs = [pairs[i] for i in rng.choice(len(pairs), n, replace=False)]
    return pairs


def run_episode(method: str, graph, config: GraphConfig, prior: np.ndarray, history: np.ndarray,
                target: int, item_attr, known_term, rounds: int) -> tuple[int | None, int | None]:
    """Rounds (1-based) at which the target first entered the top 3 and the top 5, or None."""
    session = None if method == "cf" else GraphSession(graph, prior, config,
                                                        propagate_labels=(method == "graph-propagated"))
    blocked = np.zeros(graph.n_items, dtype=bool)
    blocked[history] = True
    judged = np.zeros(graph.n_terms, dtype=bool)
    target_terms = set(item_attr.indices[item_attr.indptr[target] : item_attr.indptr[target + 1]].tolist())
    first3 = first5 = None
    for r in range(1, rounds + 1):
        scores = prior if session is None else session.item_scores
        scores = np.where(blocked, -np.inf, scores)
        shown = np.argsort(-scores, kind="stable")[:SHOW_ITEMS]
        pos = np.flatnonzero(shown == target)
        if pos.size:
            first3 = r if pos[0] < 3 and first3 is None else first3
            first5 = first5 or r
            return first3, first5
        blocked[shown] = True
        if session is None:
            continue
        term_scores = np.where(judged, -np.inf, session.term_scores)
        asked = np.argsort(-term_scores, kind="stable")[:SHOW_TERMS]
        judged[asked] = True
        acc = tuple(int(t) for t in asked if t in target_terms)
        rej = tuple(int(t) for t in asked if t not in target_terms and known_term[t])
        session.update(Feedback(accepted_terms=acc, rejected_terms=rej, disliked_items=tuple(int(i) for i in shown)))
    return first3, first5


def evaluate_split(method, graph, config, data, scorer, item_attr, known, episodes, rounds, progress):
    hr3 = np.zeros(rounds)
    hr5 = np.zeros(rounds)
    it = tqdm(episodes, desc=method, file=sys.stderr, leave=False) if progress else episodes
    for user, target in it:
        history = data.train.indices[data.train.indptr[user] : data.train.indptr[user + 1]]
        prior = scorer.score(history)[0]
        known_term = known[target]
        f3, f5 = run_episode(method, graph, config, prior, history, target, item_attr, known_term, rounds)
        if f3:
            hr3[f3 - 1 :] += 1
        if f5:
            hr5[f5 - 1 :] += 1
    return hr3 / len(episodes), hr5 / len(episodes)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.evaluate_graph", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_args(ap)
    ap.add_argument("--episodes", type=int, default=2000, help="seeded sample per seed (0 = all)")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--model", default="ease", help="CF prior (tuned config of the dataset)")
    ap.add_argument("--alphas", default="0.35,0.5,0.6,0.7,0.8", help="α candidates chosen on validation")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    catalog = load_catalog(args)
    dp = protocol_of(args, catalog)
    alphas = [float(a) for a in args.alphas.split(",")]
    cfg_params = load_config(catalog.key()).get(args.model, {})
    per = {m: {"hr3": [], "hr5": []} for m in METHODS}
    chosen_alpha = []
    t0 = time.perf_counter()
    for seed in range(args.seeds):
        data = split_interactions(catalog, seed=seed, protocol=dp)
        scorer = make_scorer(args.model, cfg_params, seed=seed).fit(data.train)
        item_attr = catalog.item_attr[data.items].tocsr()
        known = catalog.item_known[data.items][:, catalog.value_type]  # (items, terms): target has data
        rng = np.random.default_rng(seed)
        valid_eps = sample_episodes(data.valid, min(args.episodes, 500) if args.episodes else 500, rng)
        test_eps = sample_episodes(data.test, args.episodes, rng)
        best = None
        for a in alphas:
            cfg = GraphConfig(alpha=a)
            graph = build_graph(item_attr, catalog.value_type, catalog.attr_types, cfg, train=data.train)
            _, h5 = evaluate_split("graph-propagated", graph, cfg, data, scorer, item_attr, known, valid_eps,
                                   args.rounds, False)
            log.info(f"seed {seed} valid α={a}: Reach@{args.rounds} {h5[-1]:.4f}")
            if best is None or h5[-1] > best[0]:
                best = (h5[-1], a, graph, cfg)
        _, a, graph, cfg = best
        chosen_alpha.append(a)
        for m in METHODS:
            h3, h5 = evaluate_split(m, graph, cfg, data, scorer, item_attr, known, test_eps, args.rounds, True)
            per[m]["hr3"].append(h3)
            per[m]["hr5"].append(h5)
            log.info(f"seed {seed} test {m}: Reach@{args.rounds} {h5[-1]:.4f}")
    results = {}
    for m, d in per.items():
        res = {}
        for r in range(args.rounds):
            res[f"HR@3 round {r + 1}"] = aggregate([h[r] for h in d["hr3"]])
            res[f"HR@5 round {r + 1}"] = aggregate([h[r] for h in d["hr5"]])
        res[f"Reach@{args.rounds}"] = aggregate([h[-1] for h in d["hr5"]])
        results[m] = res
    protocol = {"dataset": args.dataset, "data": dp.as_dict(),
                "episodes_per_seed": args.episodes or "all", "seeds": list(range(args.seeds)),
                "rounds": args.rounds, "shown_items": SHOW_ITEMS, "shown_terms": SHOW_TERMS, "prior": args.model,
                "alpha_candidates": alphas, "alpha_chosen_on_valid": chosen_alpha,
                "seconds": round(time.perf_counter() - t0, 1)}
    rows = [[m] + [fmt(results[m][f"HR@3 round {r + 1}"], 3) + " / " + fmt(results[m][f"HR@5 round {r + 1}"], 3)
                   for r in range(args.rounds)] for m in METHODS]
    print(f"{args.dataset}: HR@3 / HR@5 by round, {args.episodes or 'all'} test episodes x {args.seeds} seeds")
    print(table(rows, ["method"] + [f"round {r + 1}" for r in range(args.rounds)]))
    if args.json:
        write_json(args.json, {"protocol": protocol, "results": results, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
