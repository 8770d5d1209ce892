"""The whole reliability suite in one command, with a table at the end.

    python -m reliability                        # about 6 minutes on 2 cores
    python -m reliability --load --users 5,10,20,50 --seconds 60 --json out/reliability.json
    python -m reliability --only none --load --replicas 0,1,2 --users 5,10,20 --seconds 30
    python -m reliability --only engine,http --random 100

Checks (see ``reliability.checks``): hostile and random input into the engine and over the
HTTP API; guessed memory keys and every network address the app process reaches; SIGKILL
of the app mid-traffic and a restart; every cache corrupted; chromadb missing, the LM
narrator broken and too slow; with ``--load``, N concurrent users per level (with
``--replicas``, against 1, 2, … app replicas sharing a PostgreSQL server behind haproxy,
and a sizing on paper from the measured throughput per core). Each row gives
inputs tried, faults injected, sessions held and data lost (must be 0); the exit status is 1
when any check fails. The app runs on 127.0.0.1 only, its memory in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from recsys.report import run_metadata, table, write_json
from reliability import checks
from reliability.app_process import AppProcess

ALL = ("engine", "http", "privacy", "crash", "caches", "degraded")


def _progress(msg: str) -> None:
    print(f"[reliability] {msg}", file=sys.stderr, flush=True)


def _replica_load(tmp: Path, counts: list[int], levels: list[int], seconds: float, rows: list) -> list[dict]:
    """The load levels against each replica count, on one PostgreSQL server (fsync on); 0
    is the peer in the same run: the one embedded app (SQLite, no balancer), as ``make run``."""
    from contextlib import ExitStack

    from reliability.load import load
    from reliability.services import Cluster, PostgresServer

    out = []
    with ExitStack() as stack:
        pg = stack.enter_context(PostgresServer()) if max(counts) > 0 else None
        for n in counts:
            if n == 0:
                _progress("starting the embedded app (SQLite)")
                target = AppProcess(tmp / "embedded")
            else:
                _progress(f"starting {n} replica(s) behind haproxy on PostgreSQL")
                target = Cluster(n, tmp / f"cluster-{n}", database_url=pg.new_database(f"load{n}"))
            with target:
                _progress(f"load on {n or 'the embedded'} replica(s): {levels} users, {seconds:.0f} s each")
                results, check = load(target, levels, seconds,
                                      name=f"load: {n} replica(s)" if n else "load: embedded app")
            rows.append(check)
            out += [r | {"replicas": n} for r in results]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m reliability", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join(ALL),
                    help=f"comma-separated subset of {', '.join(ALL)} (none: only --load)")
    ap.add_argument("--random", type=int, default=500, help="random events into the engine (a fifth of it over HTTP)")
    ap.add_argument("--kill-users", type=int, default=8, help="users talking when the app is killed")
    ap.add_argument("--kill-rounds", type=int, default=2, help="kill-and-restart rounds")
    ap.add_argument("--load", action="store_true", help="also run the load test")
    ap.add_argument("--users", default="5,10,20,50", help="load levels (with --load)")
    ap.add_argument("--seconds", type=float, default=60, help="seconds per load level (with --load)")
    ap.add_argument("--replicas", help="with --load: replica counts to measure, e.g. 0,1,2 (each behind haproxy on "
                                       "one PostgreSQL server; 0: the embedded app on SQLite, as make run); "
                                       "default: the embedded app only")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", help="write every row, the load levels and the problems seen here")
    args = ap.parse_args(argv)
    only = [x.strip() for x in args.only.split(",") if x.strip() and x.strip() != "none"]
    unknown = sorted(set(only) - set(ALL))
    if unknown:
        ap.error(f"unknown check(s) {', '.join(unknown)}; choose from {', '.join(ALL)}")
    if args.random < 0 or args.kill_users < 1 or args.kill_rounds < 1 or args.seconds <= 0:
        ap.error("--random must be >= 0, --kill-users and --kill-rounds >= 1, --seconds > 0")
    levels = [int(x) for x in args.users.split(",")] if args.load else []
    try:
        replicas = [int(x) for x in args.replicas.split(",")] if args.replicas else []
    except ValueError:
        ap.error(f"--replicas takes replica counts such as 1,2, got {args.replicas!r}")
    if replicas and (not levels or min(replicas) < 0):
        ap.error("--replicas needs --load, and counts >= 0")

    rows: list[checks.Check] = []
    load_results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="crs-reliability-") as tmp:
        tmp = Path(tmp)

        def run(name: str, fn, *a, **kw) -> None:
            _progress(f"{name} ...")
            check = fn(*a, **kw)
            rows.append(check)
            _progress(f"{name}: {'pass' if check.ok else 'FAIL'} in {check.seconds:.0f} s ({check.note})")

        if "engine" in only:
            from chat.loading import load_models

            _progress("loading the engine's models")
            run("engine", checks.engine_inputs, load_models(progress=lambda m: None), tmp / "engine.sqlite3",
                n_random=args.random, seed=args.seed)
        if replicas:
            load_results += _replica_load(tmp, replicas, levels, args.seconds, rows)
        if {"http", "privacy"} & set(only) or (levels and not replicas):
            _progress("starting the app (network audit on)")
            with AppProcess(tmp / "app", audit=True) as app:
                if "http" in only:
                    run("http", checks.http_inputs, app.url, n_random=args.random // 5, seed=args.seed)
                if levels and not replicas:
                    from reliability.load import load

                    _progress(f"load: {levels} users, {args.seconds:.0f} s each")
                    load_results, check = load(app, levels, args.seconds)
                    rows.append(check)
                if "privacy" in only:  # last: its network check covers everything the app did above
                    run("privacy", checks.privacy, app, seed=args.seed)
        if "crash" in only:
            run("crash", checks.crash_restart, tmp / "crash", users=args.kill_users, rounds=args.kill_rounds)
        if "caches" in only:
            run("caches", checks.broken_caches, tmp / "caches")
        if "degraded" in only:
            run("degraded", checks.degraded, tmp / "degraded")

    total = checks.Check("total", sum(c.inputs for c in rows), sum(c.faults for c in rows),
                         sum(c.sessions for c in rows), sum(c.lost for c in rows),
                         [p for c in rows for p in c.problems], sum(c.seconds for c in rows))
    print(table([c.row() for c in rows + [total]], checks.HEADER))
    for c in rows:
        print(f"- {c.name}: {c.note}")
        for p in c.problems[:10]:
            print(f"    problem: {p}")
    sized = None
    if levels:
        from reliability.load import levels_table, sizing, sizing_line

        print(levels_table(load_results, args.seconds))
        sized = sizing(load_results, os.cpu_count() or 1)
        print(sizing_line(sized))
    if args.json:
        from reliability.load import results_table

        write_json(args.json, {"checks": [c.to_dict() for c in rows], "total": total.to_dict(),
                               "load": load_results, "sizing": sized, "results": results_table(load_results),
                               **run_metadata()})
    print(f"data lost: {total.lost}; {'all checks passed' if total.ok else 'SOME CHECKS FAILED'}")
    return 0 if total.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
