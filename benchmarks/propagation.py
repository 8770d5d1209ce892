"""Speed of one propagation round: the ML-1M graph and synthetic graphs of growing size.

    python benchmarks/propagation.py --json out/propagation.json

A round is what the engine runs after each turn: new feedback labels (one accepted term,
five disliked items), then label spreading to tol 1e-4 warm-started from the previous
round's scores. Timed over ``--rounds`` consecutive rounds of one session (median, p95).
Synthetic graphs (items, terms, item–term edges with Zipf-distributed term popularity) are
built straight into CSR; build time and round time are printed per size to show growth.
Targets (issue 3): ML-1M median round <= 20 ms; 1M items / 5M edges round <= 500 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from recsys.datasets import load_dataset  # noqa: E402
from recsys.graph import Feedback, GraphConfig, GraphSession, QueryItemGraph, build_graph  # noqa: E402
from recsys.report import run_metadata, table, write_json  # noqa: E402
from recsys.split import split_interactions  # noqa: E402


def time_rounds(graph: QueryItemGraph, config: GraphConfig, rounds: int, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    session = GraphSession(graph, rng.random(graph.n_items), config)
    times, iters = [], []
    for _ in range(rounds):
        fb = Feedback(accepted_terms=(int(rng.integers(graph.n_terms)),),
                      disliked_items=tuple(int(i) for i in rng.integers(graph.n_items, size=5)))
        t0 = time.perf_counter()
        session.update(fb)
        _ = session.item_scores  # what the policy reads next
        times.append(time.perf_counter() - t0)
        iters.append(session.iterations)
    return {"median_ms": 1e3 * float(np.median(times)), "p95_ms": 1e3 * float(np.percentile(times, 95)),
            "mean_iterations": float(np.mean(iters))}


def synthetic(n_items: int, n_edges: int, seed: int) -> tuple[sp.csr_matrix, np.ndarray]:
    rng = np.random.default_rng(seed)
    n_terms = max(10, n_items // 20)
    pairs = np.empty(0, dtype=np.int64)
    while pairs.size < n_edges:  # draw until there are n_edges distinct item–term edges
        k = 2 * (n_edges - pairs.size)
        rows = rng.integers(n_items, size=k)
        cols = np.minimum(rng.zipf(1.3, size=k) - 1, n_terms - 1)  # few hub terms, a long tail
        pairs = np.unique(np.concatenate([pairs, rows.astype(np.int64) * n_terms + cols]))
    pairs = rng.permutation(pairs)[:n_edges]
    m = sp.csr_matrix((np.ones(n_edges, np.float32), (pairs // n_terms, pairs % n_terms)), shape=(n_items, n_terms))
    return m, rng.integers(4, size=n_terms)  # four attribute types


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--sizes", default="10000:50000,100000:500000,1000000:5000000", help="items:edges,...")
    ap.add_argument("--alpha", type=float, default=0.5)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    config = GraphConfig(alpha=args.alpha)
    rows, results = [], {}
    catalog = load_dataset("movielens-1m")
    data = split_interactions(catalog, seed=0)
    t0 = time.perf_counter()
    g = build_graph(catalog.item_attr[data.items].tocsr(), catalog.value_type, catalog.attr_types, config,
                    train=data.train)
    build = time.perf_counter() - t0
    r = time_rounds(g, config, args.rounds, 0)
    results["movielens-1m"] = {"nodes": g.n_nodes, "edges": g.W.nnz // 2, "build_s": build, **r}
    for spec in args.sizes.split(","):
        n_items, n_edges = (int(x) for x in spec.split(":"))
        item_attr, vt = synthetic(n_items, n_edges, 0)
        t0 = time.perf_counter()
        g = build_graph(item_attr, vt, ("a", "b", "c", "d"), config, use_networkx=False)
        build = time.perf_counter() - t0
        r = time_rounds(g, config, max(5, args.rounds // 3), 0)
        results[f"synthetic {n_items:,} items"] = {"nodes": g.n_nodes, "edges": g.W.nnz // 2, "build_s": build, **r}
    for name, r in results.items():
        rows.append([name, f"{r['nodes']:,}", f"{r['edges']:,}", f"{r['build_s']:.2f}", f"{r['median_ms']:.1f}",
                     f"{r['p95_ms']:.1f}", f"{r['mean_iterations']:.1f}"])
    print(table(rows, ["graph", "nodes", "edges", "build s", "round median ms", "round p95 ms", "iterations"]))
    if args.json:
        write_json(args.json, {"protocol": {"alpha": args.alpha, "tol": config.tol, "rounds": args.rounds},
                               "results": results, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
