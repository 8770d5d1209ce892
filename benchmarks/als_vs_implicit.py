"""Our torch ALS (the ``als-cg`` scorer) against PyPI ``implicit``'s ALS (behind the ``als``
scorer) on the same split, in the same run.

    python benchmarks/als_vs_implicit.py --json out/als_vs_implicit.json

Both fit the ML-1M protocol data (ratings >= 3, 10-core, per-user 8:1:1 split) with the same
hyper-parameters (DESIGN.md's: 128 factors, λ 50, α 3, 30 iterations, 3 CG steps, implicit's
confidence convention c = α) and are scored the same way: ours folds each user in from the
training history, implicit's user factors come from training. Reported: test NDCG@10 /
Recall@10 of each, their ratio, and the fit-time ratio (ours / implicit's, median of
``--repeats`` fits), over split seeds. Both get ``--threads`` threads, each as its
documentation asks: implicit runs its own threads and wants BLAS single-threaded (it warns
otherwise), so its fit runs under ``threadpoolctl.threadpool_limits(1, "blas")``; ours is
torch's kernels with ``torch.set_num_threads``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from recsys.als import ALS, ALSParams  # noqa: E402
from recsys.datasets import load_dataset  # noqa: E402
from recsys.metrics import ranking_metrics  # noqa: E402
from recsys.report import aggregate, fmt, run_metadata, table, write_json  # noqa: E402
from recsys.scorers import top_k  # noqa: E402
from recsys.split import split_interactions  # noqa: E402


def fit_implicit(train, p: ALSParams, seed: int, threads: int):
    from implicit.cpu.als import AlternatingLeastSquares
    from threadpoolctl import threadpool_limits

    model = AlternatingLeastSquares(factors=p.factors, regularization=p.l2, alpha=p.alpha,
                                    iterations=p.iterations, random_state=seed, num_threads=threads)
    with threadpool_limits(1, "blas"):  # implicit's documented setting: its threads, one BLAS thread
        t0 = time.perf_counter()
        model.fit(train, show_progress=False)
        return model, time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-1m")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=1, help="fits per model per seed for the timing median")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    params = ALSParams(factors=128, l2=50.0, alpha=3.0, iterations=30, cg_steps=3)
    catalog = load_dataset(args.dataset)
    rows = {"ours": {"ndcg": [], "recall": [], "fit": []}, "implicit": {"ndcg": [], "recall": [], "fit": []}}
    for seed in range(args.seeds):
        data = split_interactions(catalog, seed=seed)
        exclude = data.train + data.valid
        for name in ("ours", "implicit"):
            times = []
            for _ in range(args.repeats):
                if name == "ours":
                    t0 = time.perf_counter()
                    model = ALS(params, seed=seed).fit(data.train)
                    times.append(time.perf_counter() - t0)
                    scores = model.score(data.train)
                else:
                    model, dt = fit_implicit(data.train, params, seed, args.threads)
                    times.append(dt)
                    scores = model.user_factors @ model.item_factors.T
            idx, _ = top_k(scores, 10, exclude)
            m = ranking_metrics(idx, data.test, (10,))
            rows[name]["ndcg"].append(m["NDCG@10"])
            rows[name]["recall"].append(m["Recall@10"])
            rows[name]["fit"].append(float(np.median(times)))
            print(f"seed {seed} {name}: NDCG@10 {m['NDCG@10']:.4f}, fit {np.median(times):.2f} s", file=sys.stderr)
    ndcg_ratio = [a / b for a, b in zip(rows["ours"]["ndcg"], rows["implicit"]["ndcg"])]
    time_ratio = [a / b for a, b in zip(rows["ours"]["fit"], rows["implicit"]["fit"])]
    results = {name: {"NDCG@10": aggregate(r["ndcg"]), "Recall@10": aggregate(r["recall"]),
                      "fit_seconds": aggregate(r["fit"])} for name, r in rows.items()}
    recall_ratio = [a / b for a, b in zip(rows["ours"]["recall"], rows["implicit"]["recall"])]
    results["ratio ours/implicit"] = {"NDCG@10": aggregate(ndcg_ratio), "Recall@10": aggregate(recall_ratio),
                                      "fit_seconds": aggregate(time_ratio)}
    print(table([[n, fmt(r["NDCG@10"]), fmt(r["Recall@10"]), fmt(r["fit_seconds"], 2)]
                 for n, r in results.items()], ["ALS", "test NDCG@10", "test Recall@10", "fit s"]))
    if args.json:
        write_json(args.json, {"protocol": {"dataset": args.dataset, "params": params.to_dict(),
                                            "split_seeds": list(range(args.seeds)), "threads": args.threads,
                                            "implicit_blas_threads": 1},
                               "results": results, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
