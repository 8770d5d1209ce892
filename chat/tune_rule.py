"""Tune the ``rule`` policy on validation episodes, one configuration per user setting.

    python -m chat.tune_rule --dataset movielens-100k --episodes 300

Grid: belief temperature × recommend threshold × assumed answer-error rate ε (ε = 0 for the
literal user, whose answers are exact). When the best temperature or threshold lies on the
grid's edge, the grid is widened past it (temperature doubled or halved, threshold raised
by 0.1 or lowered by 0.05, staying in (0, 1)) until the best is inside, at most
``MAX_WIDEN`` times: an optimum on the edge says the grid was too small. Selection by validation SR@15, ties by AT; episodes
are (user, target) pairs from the valid split of split seed 0 — test is never looked at.
Writes ``configs/policies/rule-<dataset>.json``, which ``RulePolicy.for_setting`` reads.
"""

from __future__ import annotations

import argparse
import itertools
import sys

import numpy as np

from chat.beliefs import BeliefConfig
from chat.metrics import summarise
from chat.policies import POLICY_DIR, RuleConfig, RulePolicy, setting_key
from chat.simulate import run_episodes
from chat.simulator import UserModel
from chat.world import build_world
from recsys.datasets import load_dataset
from recsys.report import run_cli, run_metadata, write_json

SETTINGS = {  # name -> (user model, multi-choice)
    "literal": (UserModel(), False),
    "flip 0.1": (UserModel(flip=0.1), False),
    "don't know 0.2": (UserModel(dont_know=0.2), False),
    "patience 0.3": (UserModel(patience=0.3), False),
    "two targets": (UserModel(targets=2), False),
    "combined": (UserModel(flip=0.1, dont_know=0.2, patience=0.3), False),
    "multi-choice": (UserModel(), True),
}
TEMPERATURES = (0.6, 1.2, 2.4, 4.8)
THRESHOLDS = (0.1, 0.2, 0.3, 0.5, 0.7)
ERRORS = (0.05, 0.15)
MAX_WIDEN = 3


def widened(temps: list[float], thresholds: list[float], best_t: float, best_thr: float) -> bool:
    """Extend the grids in place past an edge the best configuration sits on; False when
    nothing was added."""
    added = False
    if best_t == max(temps):
        temps.append(round(best_t * 2, 4))
        added = True
    elif best_t == min(temps):
        temps.append(round(best_t / 2, 4))
        added = True
    if best_thr == max(thresholds) and best_thr + 0.1 < 1.0:
        thresholds.append(round(best_thr + 0.1, 4))
        added = True
    elif best_thr == min(thresholds) and best_thr - 0.05 > 0.0:
        thresholds.append(round(best_thr - 0.05, 4))
        added = True
    return added


def tune(world, episodes, um: UserModel, multi_choice: bool, name: str) -> dict:
    """The best configuration for one user setting (see the module docstring)."""
    errors = ERRORS if um.noisy else (0.0,)
    temps, thresholds = list(TEMPERATURES), list(THRESHOLDS)
    tried: dict[tuple, dict] = {}
    best = None
    for _ in range(MAX_WIDEN + 1):
        for t, thr, eps in itertools.product(temps, thresholds, errors):
            if (t, thr, eps) in tried:
                continue
            policy = RulePolicy(RuleConfig(BeliefConfig(t, eps), thr))
            s = tried[(t, thr, eps)] = summarise(run_episodes(world, policy, episodes, um, 0, multi_choice,
                                                               split="valid"))
            print(f"[tune_rule] {name}: T={t} threshold={thr} ε={eps}: SR@15 {s['SR@15']:.3f} AT {s['AT']:.2f}",
                  file=sys.stderr)
        cfg = None  # first of the best in the order tried
        for c, s in tried.items():
            if cfg is None or (s["SR@15"], -s["AT"]) > (tried[cfg]["SR@15"], -tried[cfg]["AT"]):
                cfg = c
        best = {"temperature": cfg[0], "threshold": cfg[1], "error": cfg[2], "valid": tried[cfg], "setting": name,
                "grid": {"temperature": sorted(temps), "threshold": sorted(thresholds), "error": list(errors)}}
        if not widened(temps, thresholds, cfg[0], cfg[1]):
            break
        print(f"[tune_rule] {name}: best on the grid's edge (T={cfg[0]}, threshold={cfg[1]}); widening",
              file=sys.stderr)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m chat.tune_rule", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-100k")
    ap.add_argument("--episodes", type=int, default=300)
    ap.add_argument("--settings", default=",".join(SETTINGS), help="comma-separated setting names")
    args = ap.parse_args(argv)
    catalog = load_dataset(args.dataset)
    world = build_world(catalog, seed=0)
    episodes = world.episodes("valid", args.episodes, np.random.default_rng(1234))
    out = {}
    for name in [s.strip() for s in args.settings.split(",")]:
        um, mc = SETTINGS[name]
        out[setting_key(um, mc)] = tune(world, episodes, um, mc, name)
    path = POLICY_DIR / f"rule-{catalog.name}.json"
    previous = {}
    if path.exists():
        import json

        previous = json.loads(path.read_text()).get("settings", {})
    write_json(path, {"dataset": args.dataset, "selected_on": f"valid SR@15 then AT, {len(episodes)} episodes, "
                      "split seed 0", "settings": {**previous, **out}, **run_metadata()})
    print(f"[tune_rule] wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
