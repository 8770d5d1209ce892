"""N concurrent ``gradio_client`` users against the running app for a fixed time.

Each user opens with its own genre and decade and keeps answering through ``/step`` (chips,
"more"), each event with its conversation's ``session`` id, and checks that every reply
belongs to its own conversation (its session, its constraints, its turn numbers).
:func:`run_level` reports turns, turns/s, errors, replies delivered to the wrong session,
turn latency p50 / p95 / p99, the CPU time the app processes used, and their resident
memory before and after. The target is one app (``AppProcess``) or several replicas behind a balancer
(``reliability.services.Cluster``); :func:`sizing` turns the measured throughput per core
into a sizing on paper.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time

import numpy as np

from recsys.report import table
from reliability.app_process import AppProcess
from reliability.check import Check
from reliability.client import client
from reliability.services import Cluster

OPENINGS = [("Comedy", "1990s"), ("Drama", "1980s"), ("Thriller", "1990s"), ("Western", "1960s"),
            ("Horror", "1980s"), ("Romance", "1950s"), ("Action", "1990s"), ("Sci-Fi", "1970s")]


def user_loop(url: str, k: int, stop: threading.Event, out: dict) -> None:
    genre, decade = OPENINGS[k % len(OPENINGS)]
    try:
        c = client(url)
    except Exception as exc:
        out["errors"].append(f"connect: {exc}")
        return
    event = {"type": "text", "text": f"a {genre} film from the {decade}"}
    last_turn, session = -1, None
    while not stop.is_set():
        t0 = time.perf_counter()
        try:  # with its session id, as a client of several replicas does (docs/http-api.md)
            sent = event | ({"session": session} if session else {})
            reply = json.loads(c.predict(json.dumps(sent), api_name="/step"))
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
        if reply["turn"] <= last_turn or (session is not None and reply.get("session") != session):
            out["wrong_session"] += 1  # not the next turn of this user's conversation
        last_turn, session = reply["turn"], session or reply.get("session")
        q = reply.get("question")
        if q:
            event = {"type": "chip", "value": q["options"][0][0] if q["options"] else "any", "turn": reply["turn"]}
        elif len(labels) > 6:
            event = {"type": "restart", "turn": reply["turn"]}
        elif reply["turn"] % 5 == 4:
            event = {"type": "text", "text": f"a {genre} film from the {decade}"}
        else:
            event = {"type": "text", "text": "more", "turn": reply["turn"]}


def run_level(app: AppProcess | Cluster, n: int, seconds: float) -> dict:
    stop = threading.Event()
    outs = [{"latency": [], "errors": [], "wrong_session": 0} for _ in range(n)]
    before, cpu_before = app.rss_mb(), app.cpu_seconds()
    threads = [threading.Thread(target=user_loop, args=(app.url, k, stop, outs[k]), daemon=True) for k in range(n)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    lat = np.array([x for o in outs for x in o["latency"]]) * 1000
    pct = {f"p{q}_ms": float(np.percentile(lat, q)) if lat.size else None for q in (50, 95, 99)}
    cpu = app.cpu_seconds() - cpu_before
    return {"users": n, "turns": int(lat.size), "turns_per_s": lat.size / seconds, "server_cpu_s": cpu,
            "turns_per_server_cpu_s": lat.size / cpu if cpu > 0 else None,
            "errors": sum(len(o["errors"]) for o in outs),
            "wrong_session": sum(o["wrong_session"] for o in outs), **pct,
            "rss_before_mb": before, "rss_after_mb": app.rss_mb(),
            "error_samples": [e for o in outs for e in o["errors"]][:5]}


def held(results: list[dict]) -> int | None:
    """The largest N with no errors, no wrong-session reply and p95 under 1 s."""
    ok = [r["users"] for r in results if r["errors"] == 0 and r["wrong_session"] == 0 and r["turns"]
          and r["p95_ms"] < 1000]
    return max(ok) if ok else None


def load(app: AppProcess | Cluster, levels: list[int], seconds: float, name: str = "load: concurrent users"
         ) -> tuple[list[dict], Check]:
    t0 = time.perf_counter()
    results = [run_level(app, n, seconds) for n in levels]
    check = Check(name, inputs=sum(r["turns"] for r in results), sessions=sum(levels))
    for r in results:
        check.expect(r["errors"] == 0, f"{r['users']} users: {r['errors']} errors, e.g. {r['error_samples'][:1]}")
        check.expect(r["wrong_session"] == 0, f"{r['users']} users: {r['wrong_session']} replies to the wrong session")
    check.note = "p95 ms by users: " + ", ".join(f"{r['users']}: {r['p95_ms']:.0f}" for r in results if r["turns"]) \
        + f"; largest N with p95 < 1 s: {held(results)}"
    check.seconds = time.perf_counter() - t0
    return results, check


def levels_table(results: list[dict], seconds: float) -> str:
    """One row per level (and per replica count, when the results carry ``replicas``)."""
    rows = [[_group(r.get("replicas", 0)), r["users"], r["turns"], f"{r['turns_per_s']:.1f}",
             f"{r['turns_per_server_cpu_s']:.1f}" if r.get("turns_per_server_cpu_s") else "-", r["errors"],
             r["wrong_session"], f"{r['p50_ms']:.0f}", f"{r['p95_ms']:.0f}", f"{r['p99_ms']:.0f}",
             f"{r['rss_before_mb']:.0f} -> {r['rss_after_mb']:.0f}"] for r in results]
    groups = sorted({r.get("replicas", 0) for r in results})
    held_line = "; ".join(f"{_group(g)}: {held([r for r in results if r.get('replicas', 0) == g]) or 'none'}"
                          for g in groups)
    return (table(rows, ["replicas", "users", "turns", "turns/s", "turns/app CPU s", "errors", "wrong session",
                         "p50 ms", "p95 ms",
                         "p99 ms", "server RSS MB"])
            + f"\nlargest N held with p95 < 1 s and no errors: {held_line} "
            f"({seconds:.0f} s per level, {os.cpu_count()}-core machine, load generator on the same cores)")


def _group(replicas: int) -> str:
    return "embedded app" if not replicas else f"{replicas} replica{'s' if replicas != 1 else ''}"


def results_table(results: list[dict]) -> dict:
    """The levels keyed "<replicas>, <users> users" (the shape ``lab.report`` renders)."""
    return {f"{_group(r.get('replicas', 0))}, {r['users']} users": {
        k: r.get(k) for k in ("turns_per_s", "turns_per_server_cpu_s", "p50_ms", "p95_ms", "p99_ms", "errors",
                              "wrong_session")} for r in results}


def sizing(results: list[dict], cores: int, daily_users: int = 1_000_000, turns_per_user: float = 15,
           peak_factor: float = 3.0) -> dict:
    """A sizing on paper from the measured throughput of the largest replica count, at its
    busiest level that held p95 < 1 s: turns/s per core of the whole machine (a floor: the
    load generator ran on the same cores) and turns per CPU-second the app processes
    themselves used (what an app core does when clients are elsewhere); the peak turn rate of
    ``daily_users`` people doing ``turns_per_user`` turns a day with a peak hour
    ``peak_factor`` times the mean, and the app cores each figure says that needs."""
    top = max((r.get("replicas", 1) for r in results), default=1)
    ok = [r for r in results if r.get("replicas", 1) == top and r["errors"] == 0 and r["wrong_session"] == 0
          and r["turns"] and r["p95_ms"] < 1000]
    best = max(ok, key=lambda r: r["turns_per_s"], default=None)
    per_core = best["turns_per_s"] / max(cores, 1) if best else 0.0
    per_app_core = (best or {}).get("turns_per_server_cpu_s") or 0.0
    peak = daily_users * turns_per_user / 86_400 * peak_factor
    need = lambda rate: math.ceil(peak / rate) if rate else None
    return {"replicas": top, "users": best["users"] if best else None, "turns_per_s_per_core": per_core,
            "turns_per_app_cpu_s": per_app_core, "daily_users": daily_users, "turns_per_user": turns_per_user,
            "peak_factor": peak_factor, "peak_turns_per_s": peak, "cores_needed": need(per_core),
            "app_cores_needed": need(per_app_core), "database_writes_per_s": peak}


def sizing_line(s: dict) -> str:
    if s["cores_needed"] is None:
        return "sizing on paper: no level held p95 < 1 s without errors"
    return (f"sizing on paper: {s['daily_users']:,} people a day x {s['turns_per_user']:g} turns, peak "
            f"{s['peak_factor']:g}x the mean = {s['peak_turns_per_s']:.0f} turns/s. Measured with "
            f"{s['replicas']} replica(s) at {s['users']} users: {s['turns_per_s_per_core']:.1f} turns/s per core of "
            f"this machine, load generator included -> {s['cores_needed']} cores (a ceiling); "
            f"{s['turns_per_app_cpu_s']:.1f} turns per CPU-second of the app processes -> "
            f"{s['app_cores_needed']} app cores with clients elsewhere; and "
            f"{s['database_writes_per_s']:.0f} one-transaction turns/s for PostgreSQL")
