"""Where training and tuning runs write: a run folder under ``out/``, never ``configs/``.

    run = new_run("unified", "movielens-100k-seed0", out=args.out)  # out/unified-movielens-100k-seed0-<UTC time>/
    ... write weights, curve ...
    write_manifest(run, kind="unified", dataset=..., ships={"unified-….pt": "policies/unified-….pt"},
                   fingerprints={...}, validation={...})

``run.json`` (the manifest) records the run's kind, command, date and versions, the fingerprints
of the inputs it was trained or tuned on, its validation record, whether it ran to the end, and
for each file it made the path under ``configs/`` it would ship as. Only ``python -m lab.promote
<run>`` copies a run into ``configs/``, after checking those fingerprints and that record.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from recsys.report import run_metadata

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ROOT / "configs"
OUT = Path("out")  # relative to where the command runs (the repository root in the README)
MANIFEST = "run.json"
KINDS = ("cf", "rule", "plan", "unified", "narrator", "prepare", "wish_gate")


def atomic_write(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new one, never half of
    one: a uniquely named temporary file in the same folder, then ``os.replace``. A new file
    gets the mode a plain write gives (0o666 under the umask); an existing one keeps its own."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    # os.open applies the umask itself: no reading it through os.umask, which changes it for
    # every thread of the process while it is read
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def new_run(kind: str, name: str, out: str | Path | None = None) -> Path:
    """The folder a run writes to: ``out`` when given (an existing one is resumed or
    overwritten by the command), else a new ``out/<kind>-<name>-<UTC time>``."""
    if kind not in KINDS:
        raise ValueError(f"unknown run kind {kind!r}: one of {', '.join(KINDS)}")
    if out is not None:
        run = Path(out)
    else:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        run = OUT / f"{kind}-{name}-{stamp}"
        k = 1
        while run.exists():
            k += 1
            run = OUT / f"{kind}-{name}-{stamp}-{k}"
    if run.resolve().is_relative_to(CONFIGS.resolve()):
        raise ValueError(f"{run} is inside configs/: runs write under out/, and python -m lab.promote ships them")
    run.mkdir(parents=True, exist_ok=True)
    return run


def write_manifest(run: Path, *, kind: str, dataset: str, ships: dict[str, str], fingerprints: dict,
                   validation: dict | None, complete: bool = True, **extra) -> Path:
    """``run.json``: ``ships`` maps a path inside the run to its destination under ``configs/``.
    ``complete`` is False while a run is still going (or was stopped): promote refuses it."""
    for src, dst in ships.items():
        if Path(dst).is_absolute() or ".." in Path(dst).parts:
            raise ValueError(f"ships[{src!r}] = {dst!r}: give a path relative to configs/")
    payload = {"kind": kind, "dataset": dataset, "complete": complete, "ships": ships,
               "fingerprints": fingerprints, "validation": validation, **extra, **run_metadata()}
    path = run / MANIFEST
    atomic_write(path, json.dumps(payload, indent=2) + "\n")
    return path


def read_manifest(run: str | Path) -> dict:
    path = Path(run) / MANIFEST
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: {run} is not a run folder (runs write run.json when they start)")
    manifest = json.loads(path.read_text())
    if manifest.get("kind") not in KINDS:
        raise ValueError(f"{path}: unknown kind {manifest.get('kind')!r}")
    return manifest
