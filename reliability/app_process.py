"""``python app.py`` as a child process on 127.0.0.1, for tests, the load test and the
reliability suite: one launcher, so they all start the app the same way.

    with AppProcess(workdir) as app:       # waits until the engine answers
        client = Client(app.url)
        app.kill()                         # SIGKILL, as a crash would
        app.start()                        # same memory file, new port

The app's memory lives in ``workdir/memory.sqlite3`` and its console in ``workdir/app.log``
(appended across restarts). With ``audit=True`` the app runs under
:mod:`reliability.netaudit`, which records every network address the process tries to reach.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY = "ready in"  # the engine's start-up line (chat.loading) once every model is loaded


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppProcess:
    def __init__(self, workdir: str | Path, env: dict[str, str] | None = None, audit: bool = False,
                 narrator: str = "template"):
        """``env``: extra environment for the app (wins over the defaults here). ``narrator``:
        ``CRS_NARRATOR`` (template by default, so that turns measure the engine)."""
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.memory_path = self.workdir / "memory.sqlite3"
        self.log_path = self.workdir / "app.log"
        self.audit_path = self.workdir / "network.jsonl" if audit else None
        self.env = {"CRS_MEMORY_PATH": str(self.memory_path), "CRS_NARRATOR": narrator,
                    "CRS_BROWSER_SECRET": "reliability-test-secret", "GRADIO_ANALYTICS_ENABLED": "False",
                    "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1", **(env or {})}
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.log_mark = 0  # where the current start's lines begin in the log (bytes)
        self.starts = 0

    # lifecycle ---------------------------------------------------------------------------
    def start(self, timeout: float = 600, ready: str = READY) -> str:
        """Start the app and wait until the page answers and the log shows ``ready``; returns
        the base URL. Raises with the log's tail if the app exits or is not ready in time."""
        if self.running:
            raise RuntimeError("the app is already running")
        port = free_port()
        env = {**os.environ, **self.env, "GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port)}
        cmd = [sys.executable, "app.py"]
        if self.audit_path is not None:
            cmd = [sys.executable, "-m", "reliability.netaudit", str(self.audit_path), "app.py"]
        self.log_mark = self.log_size()
        with self.log_path.open("a") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.starts += 1
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited with {self.proc.returncode}:\n{self.log()[-3000:]}")
            try:
                urllib.request.urlopen(self.url, timeout=2)
                if ready in self.log(since=self.log_mark):
                    return self.url
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"app not ready after {timeout:.0f} s:\n{self.log()[-3000:]}")

    def wait_for(self, text: str, timeout: float = 300) -> bool:
        """Wait until ``text`` appears in the current start's log lines; False on timeout."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text in self.log(since=self.log_mark):
                return True
            if not self.running:
                return False
            time.sleep(0.3)
        return False

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def pid(self) -> int:
        return self.proc.pid if self.proc else 0

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, as in a crash or an out-of-memory kill."""
        if self.running:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.running:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=20)

    def __enter__(self) -> AppProcess:
        if not self.running:
            self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # what it did ---------------------------------------------------------------------------
    def log(self, since: int = 0) -> str:
        try:
            with self.log_path.open("rb") as f:
                f.seek(since)
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def rss_mb(self) -> float:
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def cpu_seconds(self) -> float:
        """CPU time the app process has used so far (user + system, all its threads)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return float("nan")

    def open_connections(self) -> list[tuple[str, int]]:
        """Remote (host, port) of the process's open internet sockets right now."""
        import psutil

        try:
            conns = psutil.Process(self.pid).net_connections(kind="inet")
        except (psutil.Error, OSError):
            return []
        return [(c.raddr.ip, c.raddr.port) for c in conns if c.raddr]

    def network_events(self) -> list[dict]:
        """What :mod:`reliability.netaudit` recorded (empty without ``audit=True``)."""
        if self.audit_path is None or not self.audit_path.exists():
            return []
        return [json.loads(line) for line in self.audit_path.read_text().splitlines() if line.strip()]
