"""The scorers' validation-tuned hyper-parameters that ship: ``configs/tuned/<dataset>.json``.

Written by ``python -m lab.evaluate_cf --tune`` under ``out/`` and copied here by
``python -m lab.promote``; read at run time, never written.
"""

from __future__ import annotations

import json
from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parent.parent / "configs" / "tuned"


def config_path(dataset: str) -> Path:
    return CONFIG_DIR / f"{Path(dataset).name}.json"


def load_config(dataset: str, path: str | None = None) -> dict:
    p = Path(path) if path else config_path(dataset)
    if not p.exists():
        if path:
            raise FileNotFoundError(f"config {p} not found")
        return {}
    return json.loads(p.read_text())["params"]
