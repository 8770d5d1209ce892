"""Many simulated users at once against the running app, over HTTP, loopback only.

    python benchmarks/load_test.py --users 5,10,20,50 --seconds 60 --json out/load.json

Starts ``python app.py`` on 127.0.0.1 (a free port, a temporary memory file, the template
narrator so that every turn measures the engine), then for each N runs N concurrent
``gradio_client`` users for ``--seconds`` (``reliability.load``): each keeps its own
conversation through ``/step`` and checks every reply belongs to it. Reports per N: turns,
errors, replies delivered to the wrong session, turn latency p50 / p95 / p99, and the
server's resident memory before and after; then the largest N held with p95 under 1 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recsys.report import run_metadata, write_json  # noqa: E402
from reliability.app_process import AppProcess  # noqa: E402
from reliability.load import held, levels_table, run_level  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", default="5,10,20,50")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--json")
    args = ap.parse_args()
    levels = [int(x) for x in args.users.split(",")]
    with tempfile.TemporaryDirectory() as d, AppProcess(d) as app:
        results = [run_level(app, n, args.seconds) for n in levels]
    print(levels_table(results, args.seconds))
    if args.json:
        write_json(args.json, {"levels": results, "largest_held": held(results), "seconds": args.seconds,
                               **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
