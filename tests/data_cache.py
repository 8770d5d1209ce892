"""A machine-wide cache of what the data tests build (downloaded wheels, extracted models, the
catalog, embeddings, CF fits, the converted language model), so a second ``make test`` on the
same machine starts warm.

The cache lives in ``CRS_TEST_CACHE`` (default ``~/.cache/crs-test``), one folder per key: a
hash of the inputs that decide its contents (the pinned requirements and the asset pins in
``recsys/assets.py``). A test session works on its own copy (tests damage caches on purpose),
and afterwards publishes the files the cache lacks, each under a file lock and by an atomic
rename, so several runs may share a machine. Files the app would reject (stale or corrupt)
are rebuilt by the app as on any start.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("requirements.txt", "recsys/assets.py")
SKIP = ("chroma", "memory")  # live databases: copied half-written they would not open


def cache_root() -> Path:
    return Path(os.environ.get("CRS_TEST_CACHE") or Path.home() / ".cache" / "crs-test")


def cache_key() -> str:
    h = hashlib.sha256()
    for name in INPUTS:
        h.update(name.encode() + b"\0" + (ROOT / name).read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    return cache_root() / cache_key()


@contextmanager
def locked(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _files(folder: Path):
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if p.is_file() and not p.name.startswith(".") and not any(part.startswith(SKIP) for part in rel.parts):
            yield rel


def seed(data_dir: Path) -> int:
    """Copy the cache into a session's data folder; returns the number of files copied."""
    src = cache_dir()
    if not src.is_dir():
        return 0
    n = 0
    with locked(cache_root()):
        for rel in _files(src):
            (data_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / rel, data_dir / rel)
            n += 1
    return n


def publish(data_dir: Path) -> int:
    """Add the files of a session's data folder that the cache lacks; returns how many."""
    dst, n = cache_dir(), 0
    with locked(cache_root()):
        for rel in _files(data_dir):
            target = dst / rel
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{uuid.uuid4().hex[:6]}.")
            os.close(fd)
            shutil.copy2(data_dir / rel, tmp)
            os.replace(tmp, target)
            n += 1
    return n
