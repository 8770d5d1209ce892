"""Policies with thousands of askable values: decision latency and episodes per second.

    python benchmarks/attribute_scale.py --json out/attribute_scale.json

A synthetic tag catalog (``--items`` items, a Zipf-popular tag vocabulary, ~12 tags per item,
implicit feedback from users with a taste for a few tags) is built twice in the same run:
with ``--values`` askable values (8,000 by default, a public tag dataset's size) and with a
tenth of them (the peer). For each policy, simulated conversations run on test episodes
(the literal user and flip 0.1); each decision is timed from the state to the action, and
whole episodes per second are what tuning (``lab.tune``) and training (``lab.train_unified``)
run on. ``unified`` is a network of the trained shape with untrained weights (timing does not
depend on them). Ratios are 8,000 against the peer, measured together on this machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from lab.simulator import Conversation  # noqa: E402
from policy.registry import make_policy  # noqa: E402
from policy.state import UserModel  # noqa: E402
from policy.unified import QNetwork, UnifiedPolicy  # noqa: E402
from policy.world import build_world  # noqa: E402
from recsys.catalog import build_catalog  # noqa: E402
from recsys.report import run_metadata, table, write_json  # noqa: E402

POLICIES = ("recommend", "maxent", "rule", "plan", "unified")
USERS = {"literal": UserModel(), "flip 0.1": UserModel(flip=0.1)}


def tag_catalog(n_items: int, n_values: int, n_users: int, seed: int = 0):
    """Items with ~12 tags each from a Zipf-popular vocabulary of ``n_values``; users liking
    20-60 items, mostly ones carrying their three favourite tags."""
    rng = np.random.default_rng(seed)
    pop = 1.0 / np.arange(1, n_values + 1) ** 0.8
    pop /= pop.sum()
    item_tags = [rng.choice(n_values, int(rng.integers(8, 17)), replace=False, p=pop) for _ in range(n_items)]
    attrs = [(f"i{k}", "tag", f"t{t}") for k, tags in enumerate(item_tags) for t in tags]
    by_tag: dict[int, list[int]] = {}
    for k, tags in enumerate(item_tags):
        for t in tags:
            by_tag.setdefault(int(t), []).append(k)
    users, items = [], []
    for u in range(n_users):
        fav = rng.choice(n_values, 3, replace=False, p=pop)
        liked = sorted({k for t in fav for k in by_tag.get(int(t), [])})
        n = int(rng.integers(20, 61))
        pick = set(rng.choice(liked, min(len(liked), int(0.7 * n)), replace=False).tolist()) if liked else set()
        pick |= set(rng.choice(n_items, n - len(pick), replace=False).tolist())
        users += [f"u{u}"] * len(pick)
        items += [f"i{k}" for k in sorted(pick)]
    inter = (users, items, np.ones(len(users)), np.zeros(len(users), dtype=np.int64), None)
    return build_catalog(f"tags-{n_values}", [(f"i{k}", f"Item {k}", -1) for k in range(n_items)], attrs,
                         {}, inter, attr_types=("tag",), rated=False)


def measure(world, name: str, um: UserModel, episodes) -> dict:
    if name == "unified":
        rule, plan = make_policy("rule", world, um), make_policy("plan", world, um)
        policy = UnifiedPolicy(QNetwork(64), rule.config, plan.config)
    else:
        policy = make_policy(name, world, um)
    times, t_start = [], time.perf_counter()
    for k, (user, target) in enumerate(episodes):
        conv = Conversation(world, user, (target,), um, np.random.default_rng([0, k]))
        while not conv.done:
            t0 = time.perf_counter()
            action = policy.decide(conv.state)
            times.append(time.perf_counter() - t0)
            conv.step(action)
    wall = time.perf_counter() - t_start
    ms = 1e3 * np.array(times)
    return {"decisions": len(ms), "p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)),
            "episodes_per_s": len(episodes) / wall}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=4000)
    ap.add_argument("--values", type=int, default=8000)
    ap.add_argument("--users", type=int, default=2000)
    ap.add_argument("--episodes", type=int, default=60, help="test episodes per policy and user")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    sizes = (args.values // 10, args.values)
    results, worlds = {}, {}
    for n_values in sizes:
        t0 = time.perf_counter()
        catalog = tag_catalog(args.items, n_values, args.users)
        world = build_world(catalog, seed=0, model="ease", config_dataset="none")
        worlds[n_values] = {"values": int(world.askable_mask.sum()), "items": world.n_items,
                            "users": len(world.data.users), "build_s": time.perf_counter() - t0}
        print(f"{n_values:,} values: world of {world.n_items:,} items, {len(world.data.users):,} users, "
              f"{int(world.askable_mask.sum()):,} askable values in {worlds[n_values]['build_s']:.1f} s",
              file=sys.stderr)
        episodes = world.episodes("test", args.episodes, np.random.default_rng(0))
        for user_name, um in USERS.items():
            for name in POLICIES:
                results[f"{n_values}|{user_name}|{name}"] = measure(world, name, um, episodes)
    rows = []
    for user_name in USERS:
        for name in POLICIES:
            small, big = (results[f"{n}|{user_name}|{name}"] for n in sizes)
            rows.append([user_name, name, f"{small['p95_ms']:.1f}", f"{big['p95_ms']:.1f}",
                         f"{big['p95_ms'] / small['p95_ms']:.2f}", f"{small['episodes_per_s']:.1f}",
                         f"{big['episodes_per_s']:.1f}", f"{big['episodes_per_s'] / small['episodes_per_s']:.2f}"])
    print(f"synthetic tag catalog, {args.items:,} items, {args.episodes} test episodes per policy and user; "
          f"{sizes[1]:,} askable values against {sizes[0]:,} in the same run")
    print(table(rows, ["user", "policy", f"p95 ms ({sizes[0]:,})", f"p95 ms ({sizes[1]:,})", "ratio",
                       f"episodes/s ({sizes[0]:,})", f"episodes/s ({sizes[1]:,})", "ratio"]))
    if args.json:
        write_json(args.json, {"protocol": {"items": args.items, "values": list(sizes), "users": args.users,
                                            "episodes": args.episodes, "unified": "untrained network, trained shape",
                                            "worlds": worlds},
                               "results": results, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
