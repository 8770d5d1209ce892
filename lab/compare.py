"""Paired comparison of two chat-protocol runs on the same episodes.

    python -m lab.compare out/a.json out/b.json [--row unified] [--json out/a-vs-b.json]

Each file is the JSON of ``python -m lab.simulate --via engine ... --json PATH`` (which keeps
every episode's outcome under ``per_episode``). The runs must share the dataset, split, seeds,
episodes and what the user told (``history_told``); they may differ in anything else (the
prior, the personas, the policy, the code). Prints ``a − b`` for SR@15, AT and hDCG with a 95%
paired bootstrap interval (episodes resampled together), as ``lab.simulate`` does for two
policies in one run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from lab.simulate import paired_bootstrap, print_comparisons
from recsys.report import run_cli, run_metadata, write_json

SAME = ("dataset", "split", "seeds", "episodes_per_seed", "max_turns", "users", "history_told")


def load(path: str, row: str | None) -> tuple[dict, str, np.ndarray]:
    data = json.loads(Path(path).read_text())
    if "per_episode" not in data:
        raise ValueError(f"{path}: no per-episode outcomes (made by lab.simulate --via ... --json before they "
                         "were kept); rerun it")
    rows = data["per_episode"]["rows"]
    name = row or next(iter(rows))
    if name not in rows:
        raise ValueError(f"{path}: no row {name!r}; it has {', '.join(rows)}")
    return data["protocol"], name, np.asarray(rows[name], dtype=np.float64)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.compare", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--row", help="the row of both files to compare (default: each file's first)")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    (pa, ra, a), (pb, rb, b) = load(args.a, args.row), load(args.b, args.row)
    differ = [k for k in SAME if pa.get(k) != pb.get(k)]
    if differ or len(a) != len(b):
        ap.error("the runs are not on the same episodes: " + ", ".join(
            f"{k} {pa.get(k)!r} vs {pb.get(k)!r}" for k in differ) if differ else f"{len(a)} vs {len(b)} episodes")
    label = f"{Path(args.a).stem} - {Path(args.b).stem}"
    result = {label: paired_bootstrap(a, b)}
    print(f"{len(a):,} paired episodes ({pa['dataset']}, {pa['split']}, seeds {pa['seeds']}); rows {ra!r} and {rb!r}")
    print_comparisons(result)
    if args.json:
        write_json(args.json, {"a": args.a, "b": args.b, "row": [ra, rb], "protocol": {k: pa.get(k) for k in SAME},
                               "results": result, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
