"""Ship a run: copy what a training or tuning run made into ``configs/``, the folder the app
and the benchmarks load, after checking that it still fits.

    python -m lab.promote out/unified-movielens-100k-seed0-20261201-230000
    python -m lab.promote out/rule-movielens-100k-… --dry-run

Every run writes ``run.json`` (``recsys.runs``). Promote refuses a run that did not finish
(``--allow-incomplete`` ships what a stopped run kept), one without a validation record, and
one whose input fingerprints differ from today's: the catalog for ``cf``, ``narrator`` and
``wish_gate`` runs, the catalog and the CF model for ``rule``, ``plan`` and ``unified`` runs (a policy's
beliefs and features are computed from the CF scores). A ``cf`` run changes the CF model, so
promote then lists the shipped ``unified`` networks that will refuse to load until retrained.
A ``prepare`` run (``python -m lab.prepare``) ships everything its steps made, after checking
each step's run the same way (their worlds built with the prepared CF parameters).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import tempfile
from pathlib import Path

from recsys.report import run_cli
from recsys.runs import CONFIGS, atomic_write, read_manifest

log = logging.getLogger(__name__)


def current_fingerprints(manifest: dict, dirs=()) -> dict:
    """Today's fingerprints of the inputs the run recorded, computed the way the run did
    (``dirs``: configs-like folders its world read first, a prepare run's own)."""
    from recsys.datasets import load_dataset

    catalog = load_dataset(manifest["dataset"])
    if manifest["kind"] in ("cf", "narrator", "wish_gate"):
        return {"catalog": catalog.fingerprint()}
    return {"world": recorded_world(catalog, manifest, dirs=dirs).fingerprint()}


def recorded_world(catalog, manifest: dict, seed: int | None = None, dirs=()):
    """The world a run was made on, rebuilt from what its manifest recorded (data protocol,
    attribute sets; the defaults for runs from before they were recorded)."""
    from policy.world import build_world
    from recsys.split import DataProtocol

    key, data = manifest.get("key") or {}, manifest.get("data")
    return build_world(catalog, seed=int(manifest.get("seed", 0)) if seed is None else seed,
                       ask_types=key.get("ask_attrs"), open_types=key.get("open_attrs"),
                       protocol=DataProtocol(data["min_rating"], data["core"]) if data else None,
                       config_dirs=tuple(dirs))


def check(run: Path, manifest: dict, allow_incomplete: bool, dirs=()) -> list[str]:
    """Reasons not to ship ``run`` (empty when it may ship)."""
    if manifest["kind"] == "prepare":
        problems = [f"{run / dst} is missing" for dst in manifest["ships"] if not (run / dst).exists()]
        for step, sub in manifest.get("runs", {}).items():
            path = run / sub if (run / sub).exists() else Path(sub)  # inside the prepare folder (older: as run)
            problems += [f"step {step}: {p}" for p in check(path, read_manifest(path), allow_incomplete, (run,))]
        return problems
    problems = []
    if not manifest.get("complete") and not allow_incomplete:
        problems.append("the run did not finish (stopped or still going); --allow-incomplete ships what it kept")
    if not manifest.get("validation"):
        problems.append("the run has no validation record")
    for src in manifest["ships"]:
        if not (run / src).exists():
            problems.append(f"{run / src} is missing")
    now = current_fingerprints(manifest, dirs)
    for key, value in now.items():
        if manifest["fingerprints"].get(key) != value:
            problems.append(f"{key} fingerprint {manifest['fingerprints'].get(key)} was recorded, today it is {value}: "
                            "rerun it on today's inputs")
    return problems


def copy_into_configs(src: Path, dst: Path) -> None:
    """File or folder ``src`` to ``dst`` so the app never reads a half-copied one: files by
    ``atomic_write``, folders copied beside the old one and swapped in by renames."""
    if src.is_file():
        atomic_write(dst, src.read_bytes())
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=dst.parent, prefix=f".{dst.name}."))
    shutil.copytree(src, staging, dirs_exist_ok=True)
    old = None
    if dst.exists():
        old = Path(tempfile.mkdtemp(dir=dst.parent, prefix=f".{dst.name}.old."))
        dst.rename(old / dst.name)
    staging.rename(dst)
    if old is not None:
        shutil.rmtree(old)


def stale_networks(dataset: str) -> list[str]:
    """Shipped ``unified`` networks of ``dataset`` whose recorded fingerprint no longer matches
    the world built from today's configs (after a ``cf`` promotion)."""
    from recsys.datasets import load_dataset

    catalog = load_dataset(dataset)
    stale, worlds = [], {}
    for card in sorted((CONFIGS / "policies").glob(f"unified-{catalog.key()}*-seed*.json")):
        if card.name.endswith("-curve.json"):
            continue
        meta = json.loads(card.read_text())
        seed = int(meta.get("seed", 0))
        recorded = {"key": meta.get("key"), "data": (meta.get("key") or {}).get("data")}
        k = (seed, json.dumps(recorded, sort_keys=True))
        if k not in worlds:
            worlds[k] = recorded_world(catalog, recorded, seed).fingerprint()
        if meta.get("fingerprint") != worlds[k]:
            stale.append(card.with_suffix(".pt").name)
    return stale


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.promote", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", help="a run folder under out/ (it holds run.json)")
    ap.add_argument("--dry-run", action="store_true", help="check and list, copy nothing")
    ap.add_argument("--allow-incomplete", action="store_true", help="ship what a stopped run kept")
    args = ap.parse_args(argv)
    run = Path(args.run)
    manifest = read_manifest(run)
    problems = check(run, manifest, args.allow_incomplete)
    if problems:
        raise ValueError(f"{run} cannot ship: " + "; ".join(problems))
    for src, dst in manifest["ships"].items():
        print(f"{'would copy' if args.dry_run else 'copied'} {run / src} -> configs/{dst}")
        if not args.dry_run:
            copy_into_configs(run / src, CONFIGS / dst)
    if not args.dry_run and (manifest["kind"] == "cf" or any(dst.startswith("tuned/") for dst in manifest["ships"])):
        stale = stale_networks(manifest["dataset"])
        if stale:
            log.info(f"the CF model changed: {', '.join(stale)} will refuse to load until retrained "
                  f"(python -m lab.train_unified --dataset {manifest['dataset']}, then promote)")
    return 0


if __name__ == "__main__":
    raise SystemExit(run_cli(main))
