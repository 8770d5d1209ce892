"""Run a Python script with every network address it tries to reach written down.

    python -m reliability.netaudit network.jsonl app.py [args...]

A :func:`sys.addaudithook` hook sees the interpreter's ``socket.connect``, ``socket.sendto``,
``socket.getaddrinfo`` and ``socket.gethostbyname`` events, from every thread and library
that goes through Python's socket module (httpx, requests, urllib, gradio, chromadb's
telemetry client), and appends one JSON line per event. :func:`is_loopback` tells whether an
address stays on this machine.
"""

from __future__ import annotations

import ipaddress
import json
import runpy
import sys
import threading

EVENTS = {"socket.connect", "socket.sendto", "socket.getaddrinfo", "socket.gethostbyname",
          "socket.gethostbyaddr"}
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""}


def is_loopback(host) -> bool:
    """True for loopback addresses and names, Unix sockets (paths) and the unspecified
    address a server binds; False for anything that could leave the machine."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("utf-8", "replace")
    host = str(host).strip("[]").lower()
    if host in LOCAL_NAMES or host.startswith("/") or host.startswith("\x00"):
        return True
    try:
        ip = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False  # a host name other than localhost
    return ip.is_loopback or ip.is_unspecified


def _host_of(event: str, args: tuple):
    if event in ("socket.connect", "socket.sendto"):
        address = args[1]
        return address[0] if isinstance(address, tuple) else address  # AF_UNIX: a path
    return args[0]


def install(path: str) -> None:
    out = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (open for the process's life)
    lock = threading.Lock()

    def hook(event: str, args: tuple) -> None:
        if event not in EVENTS:
            return
        try:
            host = _host_of(event, args)
            port = args[1][1] if event in ("socket.connect", "socket.sendto") and isinstance(args[1], tuple) \
                else (args[1] if event == "socket.getaddrinfo" else None)
            line = json.dumps({"event": event, "host": host if isinstance(host, str) else repr(host),
                               "port": port if isinstance(port, int | str | None) else repr(port),
                               "loopback": is_loopback(host), "thread": threading.current_thread().name})
        except Exception as exc:  # never break the program being watched
            line = json.dumps({"event": event, "host": repr(args)[:200], "loopback": False, "error": repr(exc)})
        with lock:
            out.write(line + "\n")

    sys.addaudithook(hook)


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit("usage: python -m reliability.netaudit LOG.jsonl SCRIPT.py [args...]")
    log, script = sys.argv[1], sys.argv[2]
    install(log)
    sys.argv = sys.argv[2:]
    sys.path.insert(0, str(__import__("pathlib").Path(script).resolve().parent))
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
