"""Prepare a dataset for every policy in one command: the CF prior, ``rule`` and ``plan`` for
every user setting, and ``unified`` for several seeds, all tuned or trained on validation.

    python -m lab.prepare --dataset path/to/folder [--ask-attrs …] [--open-attrs …] [--seeds 3] [--minutes 15]
    python -m lab.prepare --dataset movielens-100k --ray --workers 2   # tuning and seeds on Ray
    python -m lab.promote out/prepare-<key>        # ships everything it made into configs/

Steps, in order (each reads what the ones before made):

1. ``cf``: the CF prior's hyper-parameters (EASE, the policies' prior) on validation NDCG@10
   (``lab.evaluate_cf``'s grid), merged into the dataset's tuned file.
2. ``rule``: the rule for every user setting (``lab.tune``).
3. ``plan``: the lookahead for every user setting, on the rule's beliefs (``lab.tune --policy plan``).
4. ``unified-seed<k>``: the network for each seed (``lab.train_unified``, ``--minutes`` each),
   taught by ``plan``.

Everything goes under ``out/prepare-<key>/`` (``--out``): each step's own run folder in
``runs/``, and the files the app and the benchmarks read laid out as in ``configs/`` (``tuned/``,
``policies/``), so ``python -m lab.simulate --configs out/prepare-<key>`` measures the result
before it ships. Progress is shown and each step's time printed; the run is resumable: run the
same command again and finished steps are skipped (a stopped training resumes from its
checkpoint). Data and attribute flags as in ``lab.options``; they are part of the key, so two
attribute sets or data protocols prepare (and ship) side by side. With ``--ray [ADDRESS]``
(``lab.fanout``) the tuning's configurations run as Ray tasks and the unified seeds train side
by side, one task each (on 2 cores: 3 seeds of ``--minutes`` in about 2 × ``--minutes``).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path

from lab.fanout import Workers, add_ray_args
from lab.options import add_world_args, load_catalog, protocol_of, world_of
from recsys.report import run_cli, table
from recsys.runs import OUT, atomic_write, new_run, read_manifest, write_manifest

log = logging.getLogger(__name__)

PROGRESS = "progress.json"
PRIOR = "ease"  # the simulator's and the policies' CF prior (lab.simulate --model's default)


def world_flags(args) -> list[str]:
    """The data and attribute flags every step is given, as the user gave them."""
    out = ["--dataset", args.dataset]
    for flag, value in (("--min-rating", args.min_rating), ("--core", args.core), ("--ask-attrs", args.ask_attrs),
                        ("--open-attrs", args.open_attrs)):
        if value is not None:
            out += [flag, str(value)]
    return out + (["--exclude-history"] if args.exclude_history else [])


def stage(run: Path, root: Path) -> dict[str, str]:
    """Copy what a finished step's run ships into ``root``'s configs-like layout; returns
    {path inside root: destination under configs/}."""
    manifest = read_manifest(run)
    staged = {}
    for src, dst in manifest["ships"].items():
        target = root / dst
        target.parent.mkdir(parents=True, exist_ok=True)
        if (run / src).is_dir():
            shutil.copytree(run / src, target, dirs_exist_ok=True)
        else:
            atomic_write(target, (run / src).read_bytes())
        staged[dst] = dst
    return staged


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.prepare", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_world_args(ap)
    ap.add_argument("--seeds", type=int, default=3, help="unified networks to train (seeds 0..N-1)")
    ap.add_argument("--minutes", type=float, default=15.0, help="training budget per unified seed")
    ap.add_argument("--episodes", type=int, default=300, help="validation episodes for tuning rule and plan")
    ap.add_argument("--settings", default=None, help="user settings to tune (default: all of lab.tune's)")
    ap.add_argument("--steps", default="cf,rule,plan,unified", help="which steps to run (comma-separated)")
    ap.add_argument("--train-args", default="",
                    help="extra flags for python -m lab.train_unified, e.g. '--valid-every 750 --valid-episodes 150'")
    ap.add_argument("--out", help="the prepare folder (default out/prepare-<key>); an existing one is resumed")
    add_ray_args(ap)
    args = ap.parse_args(argv)
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    bad = [s for s in steps if s not in ("cf", "rule", "plan", "unified")]
    if bad:
        ap.error(f"unknown step {', '.join(bad)}; choose from cf, rule, plan, unified")
    if args.seeds < 1 and "unified" in steps:
        ap.error("--seeds must be >= 1")
    catalog = load_catalog(args)
    world = world_of(args, catalog, seed=0)  # checks the flags before anything runs
    key = world.artifact_key
    root = Path(args.out) if args.out else OUT / f"prepare-{key}"
    new_run("prepare", key, root)  # creates it, refusing a folder inside configs/
    progress_path = root / PROGRESS
    progress = json.loads(progress_path.read_text()) if progress_path.exists() else {}
    if progress.get("key") is not None:  # fields recorded then are compared (World.check_key's rule)
        world.check_key(progress["key"], root)
    progress["key"] = world.key()
    progress.setdefault("steps", {})
    for step in progress["steps"].values():  # older runs recorded the path as given on the command line
        if not (root / step["run"]).exists() and Path(step["run"]).exists():
            step["run"] = str(Path(step["run"]).resolve().relative_to(root.resolve()))
    flags = world_flags(args)
    configs = ["--configs", str(root)]
    plan = [("cf", None)] if "cf" in steps else []
    plan += [(p, None) for p in ("rule", "plan") if p in steps]
    plan += [(f"unified-seed{k}", k) for k in range(args.seeds)] if "unified" in steps else []
    log.info(f"preparing {args.dataset} as {key} in {root}: {', '.join(name for name, _ in plan)}")
    log.info(f"data protocol: {protocol_of(args, catalog)}; ask {', '.join(world.ask_types)}; "
             f"open {', '.join(world.open_types)}")
    t_all = time.perf_counter()

    def finish(n: int, name: str, run: Path, seconds: float) -> None:
        staged = stage(run, root)
        progress["steps"][name] = {"complete": True, "seconds": round(seconds, 1),
                                   "run": str(run.relative_to(root)), "ships": sorted(staged)}
        atomic_write(progress_path, json.dumps(progress, indent=2) + "\n")
        log.info(f"[{n}/{len(plan)}] {name}: {seconds:.0f} s")

    def train_args(seed: int, run: Path) -> list[str]:
        return [*flags, *configs, "--seed", str(seed), "--minutes", str(args.minutes), *args.train_args.split(),
                "--out", str(run)]

    ray_flag = ["--ray", args.ray] if args.ray else []
    with Workers.from_args(args) as workers:  # one Ray connection for every step (tune reuses it)
        parallel = []  # unified seeds to train side by side on Ray
        for n, (name, seed) in enumerate(plan, start=1):
            done = progress["steps"].get(name, {})
            if done.get("complete"):
                log.info(f"[{n}/{len(plan)}] {name}: done before ({done['seconds']:.0f} s), skipped")
                continue
            run = root / "runs" / name
            if seed is not None and workers.ray is not None:
                parallel.append((n, name, seed, run, done))
                continue
            log.info(f"[{n}/{len(plan)}] {name} ...")
            t0 = time.perf_counter()
            if name == "cf":
                from lab import evaluate_cf

                evaluate_cf.tune(args.dataset, [PRIOR], run=run, protocol=protocol_of(args, catalog))
            elif name in ("rule", "plan"):
                from lab import tune

                settings = ["--settings", args.settings] if args.settings else []
                code = tune.main([*flags, *configs, *settings, "--policy", name, "--episodes", str(args.episodes),
                                  "--out", str(run), *ray_flag])
                if code:
                    raise RuntimeError(f"step {name} failed (exit {code})")
            else:
                _train(train_args(seed, run), name, run)
            finish(n, name, run, time.perf_counter() - t0 + done.get("seconds", 0.0))
        if parallel:
            log.info(f"{', '.join(name for _, name, _, _, _ in parallel)} side by side on Ray ...")
            t0 = time.perf_counter()
            workers.map(_train, [(train_args(seed, run), name, run) for _, name, seed, run, _ in parallel],
                        desc="unified seeds")
            for n, name, _, run, done in parallel:  # each ran the whole time, beside the others
                finish(n, name, run, time.perf_counter() - t0 + done.get("seconds", 0.0))
    runs = {name: progress["steps"][name]["run"] for name, _ in plan if name in progress["steps"]}
    ships = {dst: dst for name in runs for dst in progress["steps"][name]["ships"]}
    write_manifest(root, kind="prepare", dataset=args.dataset, ships=ships, fingerprints={}, key=world.key(),
                   validation={name: read_manifest(root / r).get("validation") for name, r in runs.items()},
                   runs=runs)
    print(f"{args.dataset} prepared as {key} in {time.perf_counter() - t_all:.0f} s this time:")
    print(table([[name, f"{progress['steps'][name]['seconds']:.0f}", ", ".join(progress["steps"][name]["ships"])]
                 for name in runs], ["step", "seconds", "files (under configs/ once promoted)"]))
    print(f"measure it: python -m lab.simulate {' '.join(flags)} --configs {root} --policy rule,plan,unified")
    print(f"ship it:    python -m lab.promote {root}")
    return 0


def _train(argv: list[str], name: str, run: Path) -> None:
    """One unified seed's training (here, or as a Ray task); resumable from its checkpoint."""
    from lab import train_unified

    code = train_unified.main(argv)
    if code or not read_manifest(run).get("complete"):
        raise RuntimeError(f"step {name} did not finish (exit {code}); run the same command again to resume")


if __name__ == "__main__":
    sys.exit(run_cli(main))
