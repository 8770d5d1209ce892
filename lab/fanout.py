"""Fan a command's independent tasks (chunks of simulated episodes, tuning configurations,
training seeds) out over Ray, or run them one after another in this process.

    ap = argparse.ArgumentParser(...)
    add_ray_args(ap)                          # --ray [ADDRESS] --workers N
    args = ap.parse_args(argv)
    with Workers.from_args(args) as workers:  # this process, a local Ray instance, or a cluster
        ref = workers.share(world)            # big read-only objects go to the object store once
        results = workers.map(play, [(ref, chunk) for chunk in chunks])  # in the order given

Results never depend on where a task ran: a task is a plain function of its arguments, and
the callers keep every random draw a function of (seed, episode index) (``lab.simulate``).
``--ray`` alone starts a local instance (``ray.init(num_cpus=--workers)``), ``--ray auto``
joins the cluster ``ray start --head`` started on this machine, ``--ray HOST:PORT`` any
other (Ray's token authentication, on by default, then wants ``RAY_AUTH_MODE=token`` and the
cluster's ``~/.ray/auth_token`` here); its nodes must see the repository, ``configs/`` and the
data at the same paths. Ray is imported only when asked for.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.machinery
import logging
import math
import os
import socket
import sys
from collections.abc import Callable, Sequence

from tqdm import tqdm

log = logging.getLogger(__name__)

LOCAL_RAY = "local"
MIN_CHUNK = 25  # episodes: below this a task's start (unpickling the world and policy) dominates


def add_ray_args(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--ray", nargs="?", const=LOCAL_RAY, default=None, metavar="ADDRESS",
                    help="spread the work over Ray: alone, a local instance with --workers CPUs; 'auto' or "
                         "HOST:PORT, a running cluster (ray start --head prints its address)")
    ap.add_argument("--workers", type=int, default=None,
                    help="with --ray alone: CPUs of the local Ray instance (default: every core)")


def _dialled(address: str) -> str | None:
    """The host:port Ray will dial for ``address``: ``auto`` is $RAY_ADDRESS or else the cluster
    ``ray start`` last started on this machine, which may have stopped since; None: none known."""
    if address != "auto":
        return address.removeprefix("ray://")
    try:  # Ray's own reading of "auto" (a private function: without it, Ray's own error is the answer)
        from ray._private.services import canonicalize_bootstrap_address

        return canonicalize_bootstrap_address("auto")
    except Exception:
        return None


def _reachable(address: str) -> str | None:
    """None when something listens at ``address`` (host:port), else why not. Ray itself retries
    an unreachable address for minutes, so this answers first. Ray dials a loopback host at
    this machine's address, so both are tried."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        return "expected HOST:PORT, e.g. 127.0.0.1:6379"
    hosts = [host.strip("[]")]
    if hosts[0] in ("localhost", "127.0.0.1", "::1"):
        from ray.util import get_node_ip_address

        hosts.append(get_node_ip_address())
    why = None
    for h in hosts:
        try:
            socket.create_connection((h, int(port)), timeout=3).close()
            return None
        except OSError as exc:
            why = f"{h}:{port}: {exc.strerror or type(exc).__name__}"
    return why


class Workers:
    """Where one command's tasks run: this process (``Workers()``) or Ray (``Workers.connect``)."""

    def __init__(self, ray=None, cpus: int = 1, owner: bool = True):
        self.ray, self.cpus = ray, cpus  # ray: the module once connected, else None
        self.owner = owner  # this object called ray.init, so close() shuts Ray down
        self._shared: dict[int, tuple[object, object]] = {}
        self._task = None if ray is None else ray.remote(_as_driver)

    @classmethod
    def connect(cls, address: str = LOCAL_RAY, num_cpus: int | None = None) -> Workers:
        """A local Ray instance (``address="local"``) or the cluster at ``address``. A bad
        address is a ValueError naming ``--ray`` (one line, no traceback through ``run_cli``)."""
        if num_cpus is not None and num_cpus < 1:
            raise ValueError(f"--workers must be at least 1, got {num_cpus}")
        if address != LOCAL_RAY and num_cpus is not None:
            raise ValueError("--workers sizes a local Ray instance (--ray alone); a cluster brings its own CPUs")
        try:
            import ray
        except ImportError as exc:
            raise ValueError(f"--ray needs the ray package ({exc}): pip install -r requirements.txt") from None
        if ray.is_initialized():  # a notebook's (or a test's) own ray.init: used as it is, left running
            log.info("Ray: already connected in this process; --ray's address and --workers are not used")
            return cls(ray, max(1, int(ray.cluster_resources().get("CPU", 1))), owner=False)
        if address == LOCAL_RAY:
            ray.init(address=LOCAL_RAY, num_cpus=num_cpus, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
        else:
            dialled = _dialled(address)
            why = _reachable(dialled) if dialled else None
            if why is None:
                try:
                    ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
                except (ConnectionError, ValueError, RuntimeError) as exc:
                    why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    if address != "auto" and "RAY_AUTH_MODE" not in os.environ:  # Ray's default for ray start
                        why += "; a cluster with token authentication needs RAY_AUTH_MODE=token and its token here"
            if why is not None:
                raise ValueError(f"--ray {address}: cannot reach a Ray cluster there ({why}); start one with "
                                 "ray start --head, or give --ray alone for a local instance")
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        log.info(f"Ray: {cpus} CPUs at {address if address != LOCAL_RAY else 'a local instance'}")
        return cls(ray, cpus)

    @classmethod
    def from_args(cls, args) -> Workers:
        """``add_ray_args``' flags: Ray when ``--ray`` was given, else this process."""
        if args.ray is None:
            if args.workers is not None:
                raise ValueError("--workers sizes the local Ray instance: add --ray")
            return cls()
        return cls.connect(args.ray, args.workers)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.ray is not None and self.owner and self.ray.is_initialized():
            self.ray.shutdown()
        self._shared.clear()

    def share(self, obj):
        """A handle to pass as a task argument: ``obj`` itself here; with Ray an object-store
        reference, made once per object (so a world or a network is serialised once, not per task)."""
        if self.ray is None:
            return obj
        if id(obj) not in self._shared:
            self._shared[id(obj)] = (obj, self.ray.put(obj))  # obj kept alive so its id stays its own
        return self._shared[id(obj)][1]

    def chunks(self, n: int, whole: bool = False) -> list[range]:
        """``range(n)`` cut into consecutive pieces for tasks: one piece here (or ``whole``),
        with Ray about two per CPU (at least ``MIN_CHUNK`` each), so slow and fast pieces even out."""
        if self.ray is None or whole or n == 0:
            return [range(n)]
        size = max(MIN_CHUNK, math.ceil(n / (2 * self.cpus)))
        return [range(a, min(a + size, n)) for a in range(0, n, size)]

    def map(self, fn: Callable, calls: Sequence[tuple], desc: str | None = None, cpus_per_task: int = 1) -> list:
        """``[fn(*c) for c in calls]``, as Ray tasks when connected (each holding
        ``cpus_per_task`` CPUs: the threads it runs); results in the order of ``calls``.
        ``share`` handles among a call's arguments arrive as their objects. A task's exception
        is raised here as itself, as it would be without Ray."""
        if self.ray is None:
            return [fn(*c) for c in calls]
        main_name = _main_name()
        if fn.__module__ == "__main__" and main_name:  # sent by name, as the module the worker imports
            fn = getattr(importlib.import_module(main_name), fn.__qualname__, fn)
        driver = (list(sys.argv), main_name, os.getcwd())
        task = self._task.options(num_cpus=min(cpus_per_task, self.cpus))
        refs = [task.remote(driver, fn, *c) for c in calls]
        pending = list(refs)
        try:
            with tqdm(total=len(refs), desc=desc, file=sys.stderr, leave=False, disable=desc is None) as bar:
                while pending:
                    done, pending = self.ray.wait(pending, num_returns=1)
                    self.ray.get(done)  # a failed task stops the command now, not after the rest
                    bar.update(len(done))
            return self.ray.get(refs)
        except self.ray.exceptions.RayTaskError as exc:
            if exc.cause is not None:
                raise exc.cause from None
            raise


def _main_name() -> str | None:
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return spec.name if spec is not None else None


def _as_driver(driver: tuple, fn: Callable, *args):
    """Run ``fn(*args)`` in a Ray worker as if in the command that sent it: its argv and its
    ``__main__`` module's name (``recsys.report.run_metadata`` records them as the command in
    what a task writes) and its working directory (``out/``, relative ``--configs`` and dataset
    paths), when this node has it; all restored afterwards (a worker runs one task at a time)."""
    argv, main_name, cwd = driver
    main = sys.modules["__main__"]
    saved = (sys.argv, getattr(main, "__spec__", None), os.getcwd())
    sys.argv = argv
    main.__spec__ = importlib.machinery.ModuleSpec(main_name, None) if main_name else None
    if os.path.isdir(cwd):
        os.chdir(cwd)
    try:
        return fn(*args)
    finally:
        sys.argv, main.__spec__ = saved[0], saved[1]
        os.chdir(saved[2])


LOCAL = Workers()  # this process: the default wherever a function takes ``workers``
