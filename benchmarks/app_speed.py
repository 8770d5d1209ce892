"""How fast the chatbot is: start-up, one turn, and the narrative.

    python benchmarks/app_speed.py --episodes 200 --json out/bench-app.json

1. Start-up: ``chat.loading.load_models`` in a fresh process, with the caches already built
   (a later start) and, with ``--cold``, in an empty data directory (the first start).
2. Turn latency without the narrative: simulated chat users (``lab.drive``, the engine in
   process, memory store attached as in the app) on ML-100K test targets; every
   ``Engine.step`` is timed: p50 / p95 / p99 (target: p95 <= 300 ms on 2 cores).
3. Narrative: time to the first chunk and to the whole text of ``Engine.narrate`` for the
   top card of each list (target: first token within 1 s).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recsys.report import run_metadata, table, write_json  # noqa: E402

START_CODE = ("import time; t = time.perf_counter(); from chat.loading import load_models; "
              "load_models(progress=lambda m: None); print(time.perf_counter() - t)")


def startup(data_dir: str | None) -> float:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    if data_dir:
        env["CRS_DATA_DIR"] = data_dir
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", START_CODE], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def pct(x, q):
    return float(np.percentile(np.asarray(x) * 1000, q))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--episodes", type=int, default=200)
    ap.add_argument("--starts", type=int, default=3, help="warm start-ups to time")
    ap.add_argument("--cold", action="store_true", help="also time a first start in an empty data dir")
    ap.add_argument("--narrator", default="template", help="template, or a configs/narrator/ folder name (LoRA)")
    ap.add_argument("--narratives", type=int, default=30, help="LoRA narratives to time (each takes seconds)")
    ap.add_argument("--json")
    args = ap.parse_args()

    from chat.engine import Engine
    from chat.loading import load_models
    from chat.memory import MemoryStore
    from lab.drive import EngineTransport, make_user, run_episode

    rows, out = [], {}
    startup(None)  # make sure the caches exist
    warm = [startup(None) for _ in range(args.starts)]
    out["startup_warm_s"] = {"median": float(np.median(warm)), "runs": warm}
    rows.append(["start-up, caches built (s)", f"{np.median(warm):.1f}", f"{min(warm):.1f}", f"{max(warm):.1f}",
                 "< 10"])
    if args.cold:
        with tempfile.TemporaryDirectory() as d:
            wheels = os.environ.get("CRS_WHEELS")
            if not wheels:
                from recsys import assets

                os.environ["CRS_WHEELS"] = str(assets.data_dir() / "wheels")
            cold = startup(d)
        out["startup_cold_s"] = cold
        rows.append(["first start, empty data dir (s)", f"{cold:.1f}", "", "", ""])

    models = load_models(progress=lambda m: None)
    if args.narrator != "template":  # the app's LM narrator, one torch thread as the app runs it
        from chat.narrator import make_narrator

        models.narrator = make_narrator(args.narrator, models, budget_s=6.0)
    with tempfile.TemporaryDirectory() as d:
        engine = Engine(models, MemoryStore(Path(d) / "memory.sqlite3"))
        world, catalog = models.world, models.catalog
        episodes = world.episodes("test", args.episodes, np.random.default_rng(0))
        turns, first, whole, success = [], [], [], 0
        for k, (_, target) in enumerate(episodes):
            user = make_user(catalog, world, target, np.random.default_rng([0, k]))
            transport = EngineTransport(engine)
            outcome = run_episode(transport, user)
            turns += user.latencies
            success += outcome.success_turn is not None
            if transport.state.cards and len(first) < (args.narratives if args.narrator != "template" else 10**9):
                t0 = time.perf_counter()
                chunks = engine.narrate(transport.state, None)
                next(chunks)
                first.append(time.perf_counter() - t0)
                for _ in chunks:
                    pass
                whole.append(time.perf_counter() - t0)
    out["turn_ms"] = {"n": len(turns), "p50": pct(turns, 50), "p95": pct(turns, 95), "p99": pct(turns, 99),
                      "max": pct(turns, 100)}
    out["narrative_ms"] = {"narrator": models.narrator.name, "n": len(first), "first_p50": pct(first, 50),
                           "first_p95": pct(first, 95), "whole_p50": pct(whole, 50), "whole_p95": pct(whole, 95)}
    out["episodes"] = len(episodes)
    out["success_rate"] = success / max(len(episodes), 1)
    t, n = out["turn_ms"], out["narrative_ms"]
    rows.append([f"turn, no narrative (ms, {t['n']} turns)", f"p50 {t['p50']:.0f}", f"p95 {t['p95']:.0f}",
                 f"p99 {t['p99']:.0f}", "p95 <= 300"])
    rows.append([f"narrative first chunk ({n['narrator']}, ms)", f"p50 {n['first_p50']:.1f}",
                 f"p95 {n['first_p95']:.1f}", "", "< 1000"])
    rows.append([f"narrative whole ({n['narrator']}, ms)", f"p50 {n['whole_p50']:.1f}", f"p95 {n['whole_p95']:.1f}",
                 "", "< 6000"])
    print(table(rows, ["measure", "median / p50", "min / p95", "max / p99", "target"]))
    if args.json:
        write_json(args.json, {**out, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
