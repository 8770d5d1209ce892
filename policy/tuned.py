"""The validation-tuned policy configurations that ship: ``configs/policies/<policy>-<key>.json``.

Written by ``python -m lab.tune`` (or ``python -m lab.prepare``) under ``out/`` and copied here by
``python -m lab.promote``; read at run time, never written. ``<key>`` is the world's
``artifact_key`` (the dataset, with a hash of the data protocol and attribute sets when not
the defaults); each file records the world's ``key()`` and one made for another key is
refused with a message naming what differs. Folders in ``World.config_dirs`` are searched first.
"""

from __future__ import annotations

import json
from pathlib import Path

POLICY_DIR = Path(__file__).resolve().parent.parent / "configs" / "policies"


def tuned_entry(policy: str, world, user_model, multi_choice: bool) -> dict | None:
    """The validation-tuned configuration of ``policy`` for this dataset and user setting
    (``configs/policies/<policy>-<dataset>.json``, written by ``python -m lab.tune``); a
    multi-choice setting not tuned on its own falls back to the same users' single-choice entry
    (training mixes multi-choice into every user setting); None when neither was tuned."""
    tuned = tuned_file(policy, world)
    return setting_entry(tuned["settings"], user_model, multi_choice) if tuned else None


def policy_file(name: str, world) -> Path:
    """Where ``name`` (e.g. ``rule-<key>.json``) is read from: the first of the world's extra
    config folders that has it, else ``configs/policies/`` (which may not have it)."""
    for d in world.config_dirs:
        p = Path(d) / "policies" / name
        if p.exists():
            return p
    return POLICY_DIR / name


def tuned_file(policy: str, world) -> dict:
    """``<policy>-<key>.json`` as written by ``python -m lab.tune`` ({} when never tuned for
    this key); a file made for another dataset, data protocol or attribute set is refused."""
    path = policy_file(f"{policy}-{world.artifact_key}.json", world)
    if not path.exists():
        return {}
    tuned = json.loads(path.read_text())
    world.check_key(tuned.get("key"), path)
    return tuned


def setting_entry(settings: dict, user_model, multi_choice: bool) -> dict | None:
    """The entry of ``settings`` (a tuned file's "settings") for this user setting, a
    multi-choice setting falling back to the same users' single-choice entry."""
    return settings.get(setting_key(user_model, multi_choice)) or settings.get(setting_key(user_model, False))


def setting_key(user_model, multi_choice: bool) -> str:
    """Names a user setting, e.g. ``flip=0.1,dont_know=0,patience=0,targets=1,multi_choice=0``."""
    return (f"flip={user_model.flip:g},dont_know={user_model.dont_know:g},patience={user_model.patience:g},"
            f"targets={user_model.targets},multi_choice={int(multi_choice)}")
