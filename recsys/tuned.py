"""The scorers' validation-tuned hyper-parameters that ship: ``configs/tuned/<dataset key>.json``.

Written by ``python -m lab.evaluate_cf --tune`` (or ``python -m lab.prepare``) under ``out/`` and
copied here by ``python -m lab.promote``; read at run time, never written. The key is a built-in
dataset's name, or a folder's name with its content fingerprint (``Catalog.key``). Extra
folders laid out like ``configs/`` (a ``lab.prepare`` run not yet promoted) are searched first.
"""

from __future__ import annotations

import json
from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs" / "tuned"


def config_path(dataset: str) -> Path:
    return CONFIG_DIR / f"{Path(dataset).name}.json"


def find_config(key: str, dirs=()) -> Path | None:
    """The first ``tuned/<key>.json`` in ``dirs`` (configs-like folders), then ``configs/``."""
    for d in (*(Path(d) / "tuned" for d in dirs), CONFIG_DIR):
        p = d / f"{Path(key).name}.json"
        if p.exists():
            return p
    return None


def load_config(dataset: str, path: str | None = None, dirs=()) -> dict:
    """Tuned parameters per model for ``dataset`` (a key or name); {} when never tuned (defaults)."""
    if path:
        p = Path(path)
        if not p.exists():
            raise FileNotFoundError(f"config {p} not found")
    else:
        p = find_config(dataset, dirs)
        if p is None:
            return {}
    return json.loads(p.read_text())["params"]


def model_params(name: str, config: dict) -> dict:
    """A model's parameters from a loaded config; a model on top of a registry scorer (GSERec's
    ``base``) that names none for it takes that scorer's tuned ones."""
    params = dict(config.get(name, {}))
    if name in ("gserec", "gserec-nocodes") and "base_params" not in params:
        params["base_params"] = dict(config.get(params.get("base", "ease"), {}))
    return params
