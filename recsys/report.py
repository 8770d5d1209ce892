"""Shared pieces of every evaluation and benchmark: mean ± std aggregation, the printed
table, and the run metadata (machine, versions, date) written next to the numbers."""

from __future__ import annotations

import json
import logging
import os
import platform
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import numpy as np

VERSIONED = ("numpy", "scipy", "torch", "implicit", "networkx", "chromadb", "transformers", "peft", "gradio")


def aggregate(values: list[float], always_dict: bool = False) -> dict | float:
    """``{"mean", "std"}`` over seeds (population std, ddof=0); a plain number for one seed
    unless ``always_dict``."""
    if len(values) == 1 and not always_dict:
        return float(values[0])
    return {"mean": float(np.mean(values)), "std": float(np.std(values))}


def fmt(m, digits: int = 4) -> str:
    if isinstance(m, dict):
        return f"{m['mean']:.{digits}f} ± {m['std']:.{digits}f}"
    return f"{m:.{digits}f}"


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "  ".join(str(x).ljust(w) for x, w in zip(r, widths))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def _command() -> str:
    """The command line as typed: ``python -m pkg.mod ...`` for modules run with -m."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name:
        head = f"python -m {spec.name.removesuffix('.__main__')}"
    else:  # a script: its path from here when it is below here (benchmarks/x.py), else its name
        script = Path(sys.argv[0])
        inside = script.resolve().is_relative_to(Path.cwd()) if script.name else False
        head = f"python {script.resolve().relative_to(Path.cwd()) if inside else script.name}"
    return " ".join([head] + sys.argv[1:])


def run_metadata() -> dict:
    versions = {}
    for pkg in VERSIONED:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.machine(),
                    "cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "versions": versions,
        "command": _command(),
    }


def write_json(path: str | Path, payload: dict) -> None:
    """``payload`` as indented JSON, written atomically (``recsys.runs.atomic_write``)."""
    from recsys.runs import atomic_write  # runs imports this module's run_metadata

    atomic_write(path, json.dumps(payload, indent=2) + "\n")


def configure_logging(level: int = logging.INFO) -> None:
    """Progress messages on stderr as ``[module] message``; a no-op when logging is already
    configured (by an application, or by pytest while it runs a test)."""
    logging.basicConfig(level=level, format="[%(name)s] %(message)s", stream=sys.stderr)


def run_cli(main, argv=None) -> int:
    """Run a command-line ``main`` with logging configured; bad input (unknown dataset,
    malformed file, missing trained weights) ends with a one-line error and exit status 2
    instead of a traceback."""
    configure_logging()
    try:
        return main(argv)
    except (ValueError, FileNotFoundError, KeyError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"error: {msg}", file=sys.stderr)
        return 2
