"""Train the wish gate (``chat.wish_gate``) on the development utterance tables.

    python -m lab.wish_gate --out out/wish-gate-movielens-100k
    python -m lab.promote out/wish-gate-movielens-100k

Each development table's row is parsed as the app parses it, and the words the parser leaves over
at the point it decides on a search phrase are recorded with the row's ``wish`` column (whether
the helper who wrote it meant a vague wish the catalog has no value for). A logistic regression on
the encoder's embedding of those words learns which are a wish. The regularisation and the
threshold are chosen by leaving one table out at a time: a row the gate would change counts as
mended when its only fault was a wish the table does not have, and as broken when it was right and
had its wish taken; the point with the most mended less broken wins (ties: fewer rows changed).
The held-out tables (``heldout*``) are never read. The run writes ``wish_gate.npz`` and
``run.json`` (kind ``wish_gate``, the catalog's fingerprint, the validation record) under ``--out``.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import numpy as np

from recsys.report import run_cli

log = logging.getLogger(__name__)

C_GRID = (0.3, 1.0, 3.0)
THRESHOLD_GRID = (0.2, 0.25, 0.3, 0.35, 0.4)


class _Recorder:
    """Stands in for a gate while the tables are parsed: keeps every leftover it is shown, and
    keeps them all as a wish (the parser as it is without a gate)."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def wanted(self, words: list[str]) -> bool:
        self.seen.append(list(words))
        return True


def collect(models, tables: dict[str, Path]) -> list[dict]:
    """Per row with words left over: the table, the words (the longest leftover of the parse and its
    sub-parses), the row's ``wish``, and whether the row's only fault is its wish / it has none."""
    from lab.conversation_eval import load_table, parse_problems

    parser, recorder = models.parser, _Recorder()
    kept, parser.wish_gate = parser.wish_gate, recorder
    rows = []
    try:
        for name, path in tables.items():
            for r in load_table(path):
                recorder.seen.clear()
                problems = parse_problems(parser, models.catalog, r["utterance"], r["expected"])
                words = max(recorder.seen, key=len, default=[])
                if words:
                    rows.append({"table": name, "words": words, "wish": r["expected"].wish,
                                 "only_wish_wrong": bool(problems) and all(p.startswith("wish") for p in problems),
                                 "right": not problems})
    finally:
        parser.wish_gate = kept
    return rows


def fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000).fit(x, y)


def validate(x: np.ndarray, rows: list[dict]) -> list[dict]:
    """Leave-one-table-out figures for every point of the grid."""
    y = np.array([r["wish"] for r in rows])
    tables = np.array([r["table"] for r in rows])
    out = []
    for c in C_GRID:
        p = np.zeros(len(rows))
        for t in np.unique(tables):
            fold = tables == t
            if len(set(y[~fold])) < 2:
                p[fold] = 1.0
                continue
            p[fold] = fit(x[~fold], y[~fold], c).predict_proba(x[fold])[:, 1]
        for th in THRESHOLD_GRID:
            gated = p < th
            mended = sum(1 for r, g in zip(rows, gated) if g and not r["wish"] and r["only_wish_wrong"])
            broken = sum(1 for r, g in zip(rows, gated) if g and r["wish"] and r["right"])
            out.append({"C": c, "threshold": th, "gated": int(gated.sum()), "gated_no_wish": int((gated & ~y).sum()),
                        "gated_wish": int((gated & y).sum()), "mended": mended, "broken": broken,
                        "net": mended - broken})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.wish_gate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--out", help="the run folder (default: out/wish_gate-<dataset>-<time>)")
    args = ap.parse_args(argv)
    from chat.loading import load_models
    from chat.wish_gate import gate_path
    from lab.conversation_eval import DATA, OTHER_TABLES
    from recsys.report import table
    from recsys.runs import CONFIGS, new_run, write_manifest

    t0 = time.perf_counter()
    run = new_run("wish_gate", args.dataset, out=args.out)
    models = load_models(args.dataset, "unified", progress=log.info)
    if models.retriever is None:
        raise ValueError("the wish gate needs the sentence encoder (semantic retrieval)")
    tables = {"main": DATA / "utterances.tsv", **{k: v for k, v in OTHER_TABLES.items() if not k.startswith("heldout")}}
    rows = collect(models, tables)
    encode = models.retriever.encode_query
    x = np.stack([np.asarray(encode(" ".join(r["words"])), dtype=np.float64) for r in rows])
    y = np.array([r["wish"] for r in rows])
    log.info(f"{len(rows)} rows of {len(tables)} development tables leave words over; {int(y.sum())} are a wish")
    grid = validate(x, rows)
    header = ["C", "threshold", "gated", "gated_no_wish", "gated_wish", "mended", "broken", "net"]
    print(table([[g[k] for k in header] for g in grid], header))
    best = max(grid, key=lambda g: (g["net"], -g["gated"]))
    print(f"chosen: C {best['C']}, threshold {best['threshold']} (leave one table out: {best['mended']} rows "
          f"mended, {best['broken']} broken)")
    clf = fit(x, y, best["C"])
    dst = gate_path(models.catalog).relative_to(CONFIGS)
    np.savez(run / "wish_gate.npz", weights=clf.coef_[0], bias=clf.intercept_[0], threshold=best["threshold"],
             fingerprint=models.catalog.fingerprint())
    write_manifest(run, kind="wish_gate", dataset=args.dataset, ships={"wish_gate.npz": str(dst)},
                   fingerprints={"catalog": models.catalog.fingerprint()},
                   validation={"leave_one_table_out": best, "grid": grid, "rows": len(rows),
                               "tables": sorted(tables)},
                   seconds=round(time.perf_counter() - t0, 1))
    print(f"wrote {run / 'wish_gate.npz'}; ship it with python -m lab.promote {run}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
