"""Wall time of the research commands with and without Ray on this machine, and whether the
results are the same.

    python benchmarks/ray_speed.py --json out/ray-speed.json

Each command runs three ways in a subprocess (one thread per process): plain, ``--ray
--workers 1`` and ``--ray --workers 2``; the table gives wall seconds (Ray's start and stop
included) and the ratio to plain, and the last column says whether the results equal the
plain run's (simulate: ``results`` and ``comparisons``; tuning: the chosen configurations;
training: every run's kept validation SR@15 and AT). Run it alone: the machine's cores are
what is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recsys.report import run_metadata, table, write_json  # noqa: E402

WAYS = (("plain", []), ("ray, 1 worker", ["--ray", "--workers", "1"]), ("ray, 2 workers", ["--ray", "--workers", "2"]))


def simulate(out: Path, episodes: int) -> tuple[list[str], callable]:
    cmd = ["-m", "lab.simulate", "--dataset", "movielens-100k", "--policy", "rule,unified", "--episodes",
           str(episodes), "--seeds", "3", "--json", str(out / "sim.json")]

    def result():
        d = json.loads((out / "sim.json").read_text())
        return d["results"], d.get("comparisons")
    return cmd, result


def tune(out: Path, episodes: int) -> tuple[list[str], callable]:
    cmd = ["-m", "lab.tune", "--dataset", "movielens-100k", "--policy", "rule", "--episodes", str(episodes),
           "--settings", "literal,patience 0.3", "--out", str(out / "tune.json")]

    def result():  # every configuration tried, its scores, and the choice
        return json.loads((out / "tune.json").read_text())["settings"]
    return cmd, result


def train(out: Path, episodes: int) -> tuple[list[str], callable]:
    cmd = ["-m", "lab.train_unified", "--dataset", "movielens-100k", "--seeds", "0,1", "--minutes", "0",
           "--episodes", str(episodes), "--valid-every", str(episodes // 2), "--valid-episodes", "100",
           "--out", str(out / "train")]

    def result():  # each seed's kept validation figures
        return [json.loads(p.read_text())["validation"] for p in sorted((out / "train").rglob("run.json"))]
    return cmd, result


COMMANDS = {"simulate": simulate, "tune": tune, "train": train}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--commands", default="simulate,tune,train")
    ap.add_argument("--episodes", type=int, default=2000, help="simulate: episodes per seed and policy")
    ap.add_argument("--tune-episodes", type=int, default=200)
    ap.add_argument("--train-episodes", type=int, default=600)
    ap.add_argument("--json")
    args = ap.parse_args()
    sizes = {"simulate": args.episodes, "tune": args.tune_episodes, "train": args.train_episodes}
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    rows, out = [], {}
    for name in args.commands.split(","):
        base = None
        for way, flags in WAYS:
            with tempfile.TemporaryDirectory(prefix="crs-ray-speed-") as d:
                cmd, result = COMMANDS[name](Path(d), sizes[name])
                t0 = time.perf_counter()
                done = subprocess.run([sys.executable, *cmd, *flags], cwd=ROOT, env=env, capture_output=True,
                                      text=True)
                wall = time.perf_counter() - t0
                if done.returncode:
                    raise SystemExit(f"{name} ({way}) failed:\n{done.stderr[-2000:]}")
                got = result()
            base = (wall, got) if base is None else base
            same = got == base[1]
            out[f"{name}, {way}"] = {"wall_s": wall, "ratio_to_plain": wall / base[0], "same_results": same}
            rows.append([name, sizes[name], way, f"{wall:.1f}", f"{wall / base[0]:.2f}", "yes" if same else "NO"])
            print(f"{name} ({way}): {wall:.1f} s", file=sys.stderr, flush=True)
    print(table(rows, ["command", "episodes", "how", "wall s", "x plain", "same results"]))
    print(f"({os.cpu_count()} cores; Ray's start and stop included)")
    if args.json:
        write_json(args.json, {"results": out, "cores": os.cpu_count(), **run_metadata()})
    return 0 if all(v["same_results"] for v in out.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
