"""Latency of one conversational turn on ML-1M: the policy's decision plus the graph update.

    python benchmarks/decision_latency.py --json out/decision_latency.json

For ``rule``, ``plan`` (as tuned, and with the two-step lookahead) and ``unified`` (a
network of the trained shape; timing does not depend on the weights), simulated
conversations run on ML-1M test episodes; each turn is timed from the state to the action
(beliefs, candidate preselection, lookahead, network) plus the query–item graph update with
that turn's feedback (label spreading to tol 1e-4, warm-started). Target (issue 4): p95 <=
50 ms.
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
from policy.actions import Answer, AskType, Recommend  # noqa: E402
from policy.registry import make_policy  # noqa: E402
from policy.state import UserModel  # noqa: E402
from policy.unified import QNetwork, UnifiedPolicy  # noqa: E402
from policy.world import build_world  # noqa: E402
from recsys.datasets import load_dataset  # noqa: E402
from recsys.graph import Feedback, GraphConfig, GraphSession, build_graph  # noqa: E402
from recsys.report import run_metadata, table, write_json  # noqa: E402


def feedback_of(action, conv) -> Feedback:
    s = conv.state
    if isinstance(action, Recommend):
        return Feedback(disliked_items=tuple(action.items))
    values = action.values if isinstance(action, AskType) else (action.value,)
    answers = s.answers[-len(values):]
    acc = tuple(v for v, a in zip(values, answers) if a is Answer.YES)
    rej = tuple(v for v, a in zip(values, answers) if a is Answer.NO)
    return Feedback(accepted_terms=acc, rejected_terms=rej)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="movielens-1m")
    ap.add_argument("--episodes", type=int, default=100)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    world = build_world(load_dataset(args.dataset), seed=0)
    cfg = GraphConfig(alpha=0.5)
    graph = build_graph(world.item_attr, world.value_type, world.catalog.attr_types, cfg, train=world.data.train)
    episodes = world.episodes("test", args.episodes, np.random.default_rng(0))
    um = UserModel(flip=0.1)
    rule, plan = make_policy("rule", world, um), make_policy("plan", world, um)
    try:  # the trained network when there is one for this world (timing does not depend on weights)
        unified, trained = make_policy("unified", world, um, seed=0), True
    except (FileNotFoundError, ValueError):
        unified, trained = UnifiedPolicy(QNetwork(64), rule.config, plan.config), False
    print(f"unified: {'trained (seed 0)' if trained else 'untrained'}", file=sys.stderr)
    c = plan.config
    policies = {"rule": rule, f"plan (depth {c.depth})": plan}
    if c.depth == 1:  # the two-step lookahead costs most: timed whatever depth was tuned for this setting
        policies["plan, depth 2"] = plan.tuned(c.margin, c.turn_weight, 2, c.sharpness)
    policies["unified"] = unified
    results = {}
    for name, policy in policies.items():
        times = []
        for k, (user, target) in enumerate(episodes):
            rng = np.random.default_rng([0, k])
            conv = Conversation(world, user, (target,), um, rng)
            session = GraphSession(graph, conv.state.prior, cfg)
            while not conv.done:
                t0 = time.perf_counter()
                action = policy.decide(conv.state)
                t1 = time.perf_counter()
                conv.step(action)  # the simulated user's answer, not timed
                t2 = time.perf_counter()
                session.update(feedback_of(action, conv))
                times.append((t1 - t0) + (time.perf_counter() - t2))
        ms = 1e3 * np.array(times)
        results[name] = {"turns": len(ms), "p50_ms": float(np.percentile(ms, 50)),
                         "p95_ms": float(np.percentile(ms, 95)), "max_ms": float(ms.max())}
    state = "trained" if trained else "untrained"
    print(f"{args.dataset}: one decision + graph update, {args.episodes} episodes, user flip 0.1, unified {state}")
    print(table([[n, r["turns"], f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['max_ms']:.1f}"]
                 for n, r in results.items()], ["policy", "turns", "p50 ms", "p95 ms", "max ms"]))
    if args.json:
        write_json(args.json, {"protocol": {"dataset": args.dataset, "episodes": args.episodes, "user": "flip 0.1",
                                            "unified_trained": trained, "graph_alpha": cfg.alpha},
                               "results": results, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
