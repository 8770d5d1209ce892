"""Real servers on loopback, started and stopped by the project itself: a PostgreSQL server
in a temporary folder and an haproxy load balancer with sticky sessions in front of app
replicas. Tests, the load test (``python -m reliability --load --replicas N``) and the docs'
recipes use them; nothing here is needed by ``make run``.

    with PostgresServer() as pg:                      # initdb + postgres on a free port
        os.environ["CRS_DATABASE_URL"] = pg.url
    with LoadBalancer([app0.url, app1.url]) as lb:    # haproxy, cookie-sticky
        Client(lb.url)

Debian's packages provide the servers (``postgresql``, ``haproxy``); ``ensure_debian``
installs one when it is missing and we may (root with apt-get), as ``make services`` does.
PostgreSQL refuses to run as root, so as root ``initdb`` and the server run as the
``postgres`` user (``runuser``).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from reliability.app_process import free_port


class ServiceUnavailable(RuntimeError):
    """A server cannot be installed or started here; the message says why."""


def ensure_debian(package: str, probe: str) -> None:
    """Install the Debian ``package`` when the file or command ``probe`` (a glob) is missing,
    if we are root with apt-get; else raise ``ServiceUnavailable``."""
    if glob.glob(probe) or command(probe):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise ServiceUnavailable(f"{package} is not installed and cannot be installed here (not root with apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", package]
    done = subprocess.run(install, env=env, capture_output=True, text=True)
    if done.returncode:  # the package lists may be missing on a fresh machine
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, text=True)
        done = subprocess.run(install, env=env, capture_output=True, text=True)
    if not (glob.glob(probe) or command(probe)):
        raise ServiceUnavailable(f"installing {package} failed: {done.stderr.strip()[-300:]}")


def command(name: str) -> str | None:
    """The path of command ``name``: on PATH, else in the sbin folders where Debian puts
    ``runuser`` and ``haproxy`` (a root shell with a minimal PATH lacks them); None if absent."""
    return shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or ([shutil.which(name)] if shutil.which(name)
                                                                       else [])
    if not found:
        raise ServiceUnavailable(f"PostgreSQL's {name} not found")
    return found[-1]  # the newest version


class PostgresServer:
    """A throwaway PostgreSQL cluster: ``initdb`` in a temporary folder, the server on
    127.0.0.1 at a free port (no Unix socket outside the folder), one database ``crs``, trust
    authentication on loopback only. ``fsync=False`` trades durability across an operating
    system crash for speed (tests); a killed client or app process loses nothing either way."""

    def __init__(self, fsync: bool = True, database: str = "crs") -> None:
        self.fsync, self.database = fsync, database
        self.port = 0
        self.url = ""
        self.root: Path | None = None
        self.as_postgres = os.geteuid() == 0

    def _run(self, cmd: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
        if self.as_postgres:
            cmd = [command("runuser") or "runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

    def start(self) -> str:
        ensure_debian("postgresql", "/usr/lib/postgresql/*/bin/initdb")
        self.root = Path(tempfile.mkdtemp(prefix="crs-pg-"))
        data, sock = self.root / "data", self.root / "sock"
        sock.mkdir()
        os.chmod(self.root, 0o755)
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(sock, "postgres")
        done = self._run([_pg_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                          "--no-sync", "--locale=C"])
        if done.returncode:
            raise ServiceUnavailable(f"initdb failed: {done.stderr.strip()[-300:]}")
        self.port = free_port()
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={sock} "
                f"-c max_connections=200 -c fsync={'on' if self.fsync else 'off'}")
        done = self._run([_pg_bin("pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"), "-o", opts,
                          "-w", "-t", "60", "start"])
        if done.returncode:
            raise ServiceUnavailable(f"PostgreSQL did not start: {done.stderr.strip()[-200:]} "
                                     f"{self.log()[-300:]}")
        self.url = self.new_database(self.database)
        return self.url

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")
        except (OSError, TypeError):
            return ""

    def new_database(self, name: str) -> str:
        """A fresh empty database on this server; its URL."""
        done = self._run([_pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name])
        if done.returncode:
            raise ServiceUnavailable(f"createdb {name} failed: {done.stderr.strip()[-300:]}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.root is not None:
            self._run([_pg_bin("pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop"])
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


HAPROXY = """global
    maxconn 2000
defaults
    mode http
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 300s
    timeout server 300s
    timeout tunnel 300s
    timeout check 5s
frontend crs
    bind 127.0.0.1:{port}
    default_backend replicas
backend replicas
    balance roundrobin
    cookie CRS_REPLICA insert indirect nocache
    option httpchk GET /
    default-server inter 2s fall 3 rise 2
{servers}
"""


class LoadBalancer:
    """haproxy on 127.0.0.1 in front of app replicas (their base URLs): round robin for new
    clients, then sticky by the ``CRS_REPLICA`` cookie it sets (``gradio_client`` and
    browsers send it back), so a conversation's queue and event stream stay on one replica.
    A request to a replica that refuses connections is sent to another at once (``option
    redispatch``); a replica that fails three health checks in a row (every 2 s, 5 s each:
    lenient, so that a replica busy under load is not taken for dead) is taken out. Either
    way its clients go to another replica, which continues their conversations from the
    shared store by session id."""

    def __init__(self, replicas: list[str]) -> None:
        self.replicas = list(replicas)
        self.proc: subprocess.Popen | None = None
        self.root: Path | None = None
        self.url = ""
        self.port = 0

    def start(self, timeout: float = 30) -> str:
        """Start haproxy (on the port it had before, when restarted); returns its URL."""
        ensure_debian("haproxy", "haproxy")
        self.root = Path(tempfile.mkdtemp(prefix="crs-lb-"))
        port = self.port = self.port or free_port()
        servers = "\n".join(f"    server r{k} {u.split('://', 1)[-1].rstrip('/')} check cookie r{k}"
                            for k, u in enumerate(self.replicas))
        cfg = self.root / "haproxy.cfg"
        cfg.write_text(HAPROXY.format(port=port, servers=servers))
        with (self.root / "haproxy.log").open("w") as out:
            self.proc = subprocess.Popen([command("haproxy") or "haproxy", "-db", "-f", str(cfg)],
                                         stdout=out, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise ServiceUnavailable(f"haproxy exited: {(self.root / 'haproxy.log').read_text()[-300:]}")
            try:
                urllib.request.urlopen(self.url, timeout=2)
                return self.url
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise ServiceUnavailable(f"haproxy not answering on {self.url} after {timeout:.0f} s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> LoadBalancer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class Cluster:
    """``n`` app replicas (``reliability.app_process.AppProcess``) sharing one PostgreSQL
    database, behind an haproxy load balancer: the topology of ``docs/scale.md`` on one
    machine. A server is started for the database unless ``database_url`` is given. The
    replicas start in parallel; ``url`` is the balancer's.

        with Cluster(2, workdir) as c:
            Client(c.url)                   # sticky through haproxy
            Client(c.replicas[1].url)       # or one replica directly, with a session id
            c.replicas[0].kill()            # SIGKILL
    """

    def __init__(self, n: int, workdir: str | Path, database_url: str | None = None,
                 env: dict[str, str] | None = None, balancer: bool = True) -> None:
        from reliability.app_process import AppProcess

        if n < 1:
            raise ValueError(f"a cluster has at least one replica, got {n}")
        self.workdir = Path(workdir)
        self.pg = None if database_url else PostgresServer()
        self.database_url = database_url or ""
        self.env = dict(env or {})
        self.replicas = [AppProcess(self.workdir / f"replica-{k}", env=self.env) for k in range(n)]
        self.lb = LoadBalancer([]) if balancer else None
        self.url = ""

    def start(self, timeout: float = 600) -> str:
        import threading

        if self.pg is not None:
            self.database_url = self.pg.start()
        errors: list[BaseException] = []

        def start(app) -> None:
            try:
                app.env["CRS_DATABASE_URL"] = self.database_url
                app.start(timeout=timeout)
            except BaseException as exc:  # reported below, after the others finish
                errors.append(exc)

        threads = [threading.Thread(target=start, args=(app,)) for app in self.replicas]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            self.stop()
            raise errors[0]
        if self.lb is not None:
            self.lb.replicas = [app.url for app in self.replicas]
            self.url = self.lb.start()
        else:
            self.url = self.replicas[0].url
        return self.url

    def revive(self, k: int, timeout: float = 600) -> None:
        """Start replica ``k`` again (a new port) and put it back behind the balancer, which
        restarts on its own port."""
        app = self.replicas[k]
        app.kill()
        app.start(timeout=timeout)
        if self.lb is not None:
            self.lb.stop()
            self.lb.replicas = [a.url for a in self.replicas]
            self.url = self.lb.start()

    def cpu_seconds(self) -> float:
        """CPU time the running replicas have used so far, together."""
        return sum(app.cpu_seconds() for app in self.replicas if app.running)

    def rss_mb(self) -> float:
        """The replicas' resident memory together (MB)."""
        return sum(app.rss_mb() for app in self.replicas if app.running)

    def stop(self) -> None:
        if self.lb is not None:
            self.lb.stop()
        for app in self.replicas:
            app.stop()
        if self.pg is not None:
            self.pg.stop()

    def __enter__(self) -> Cluster:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
