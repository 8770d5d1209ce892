"""Many simulated users at once against the running app, over HTTP, loopback only.

    python benchmarks/load_test.py --users 5,10,20,50 --seconds 60 --json out/load.json

Starts ``python app.py`` on 127.0.0.1 (a free port, a temporary memory file, the template
narrator so that every turn measures the engine), then for each N runs N concurrent
``gradio_client`` users for ``--seconds``: each opens with its own genre and decade and
keeps answering through ``/step`` (chips, "more"), and checks that every reply belongs to
its own conversation (its constraints, its turn numbers). Reports per N: turns, errors,
replies delivered to the wrong session, turn latency p50 / p95 / p99, and the server's
resident memory before and after; then the largest N held with p95 under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recsys.report import run_metadata, table, write_json  # noqa: E402

OPENINGS = [("Comedy", "1990s"), ("Drama", "1980s"), ("Thriller", "1990s"), ("Western", "1960s"),
            ("Horror", "1980s"), ("Romance", "1950s"), ("Action", "1990s"), ("Sci-Fi", "1970s")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_app(tmp: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port),
           "CRS_MEMORY_PATH": str(tmp / "memory.sqlite3"), "CRS_NARRATOR": "template",
           "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    log = (tmp / "app.log").open("w")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited: {(tmp / 'app.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            if "ready in" in (tmp / "app.log").read_text():
                return proc, url
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("app not ready")


def user_loop(url: str, k: int, stop: threading.Event, out: dict) -> None:
    from gradio_client import Client

    genre, decade = OPENINGS[k % len(OPENINGS)]
    try:
        client = Client(url, analytics_enabled=False, verbose=False)
    except Exception as exc:
        out["errors"].append(f"connect: {exc}")
        return
    event = {"type": "text", "text": f"a {genre} film from the {decade}"}
    last_turn = -1
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            reply = json.loads(client.predict(json.dumps(event), api_name="/step"))
        except Exception as exc:
            out["errors"].append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.2)
            continue
        out["latency"].append(time.perf_counter() - t0)
        if "error" in reply:
            out["errors"].append(reply["error"])
            continue
        labels = {c[1] for c in reply["constraints"]}
        if event.get("type") == "text" and event["text"].startswith("a ") and not {genre, decade} <= labels:
            out["wrong_session"] += 1  # the reply does not carry this user's own opening
        if reply["turn"] <= last_turn:
            out["wrong_session"] += 1
        last_turn = reply["turn"]
        q = reply.get("question")
        if q:
            event = {"type": "chip", "value": q["options"][0][0] if q["options"] else "any", "turn": reply["turn"]}
        elif len(labels) > 6:
            event = {"type": "restart", "turn": reply["turn"]}
        elif reply["turn"] % 5 == 4:
            event = {"type": "text", "text": f"a {genre} film from the {decade}"}
        else:
            event = {"type": "text", "text": "more", "turn": reply["turn"]}


def run_level(url: str, n: int, seconds: float, pid: int) -> dict:
    stop = threading.Event()
    outs = [{"latency": [], "errors": [], "wrong_session": 0} for _ in range(n)]
    before = rss_mb(pid)
    threads = [threading.Thread(target=user_loop, args=(url, k, stop, outs[k]), daemon=True) for k in range(n)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    lat = np.array([x for o in outs for x in o["latency"]]) * 1000
    return {"users": n, "turns": int(lat.size), "errors": sum(len(o["errors"]) for o in outs),
            "wrong_session": sum(o["wrong_session"] for o in outs),
            "p50_ms": float(np.percentile(lat, 50)) if lat.size else None,
            "p95_ms": float(np.percentile(lat, 95)) if lat.size else None,
            "p99_ms": float(np.percentile(lat, 99)) if lat.size else None,
            "rss_before_mb": before, "rss_after_mb": rss_mb(pid),
            "error_samples": [e for o in outs for e in o["errors"]][:5]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", default="5,10,20,50")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--url", help="an app already running (default: start one)")
    ap.add_argument("--json")
    args = ap.parse_args()
    levels = [int(x) for x in args.users.split(",")]
    with tempfile.TemporaryDirectory() as d:
        proc, url = (None, args.url) if args.url else start_app(Path(d))
        pid = proc.pid if proc else int(os.environ.get("CRS_APP_PID", "0"))
        try:
            results = [run_level(url, n, args.seconds, pid) for n in levels]
        finally:
            if proc:
                proc.terminate()
                proc.wait(timeout=30)
    rows = [[r["users"], r["turns"], r["errors"], r["wrong_session"], f"{r['p50_ms']:.0f}", f"{r['p95_ms']:.0f}",
             f"{r['p99_ms']:.0f}", f"{r['rss_before_mb']:.0f} -> {r['rss_after_mb']:.0f}"] for r in results]
    print(table(rows, ["users", "turns", "errors", "wrong session", "p50 ms", "p95 ms", "p99 ms", "server RSS MB"]))
    held = [r["users"] for r in results if r["errors"] == 0 and r["wrong_session"] == 0 and r["p95_ms"] < 1000]
    print(f"largest N held with p95 < 1 s and no errors: {max(held) if held else 'none'} "
          f"({args.seconds:.0f} s per level, 2-core machine)")
    if args.json:
        write_json(args.json, {"levels": results, "largest_held": max(held) if held else None,
                               "seconds": args.seconds, **run_metadata()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
