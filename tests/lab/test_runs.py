"""Runs write under out/, never configs/; ``python -m lab.promote`` is the one step that ships
a run, and it refuses a run that stopped, lacks a validation record or no longer fits."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from tiny import tiny_catalog

from recsys import runs
from recsys.folder import save_folder

ROOT = Path(__file__).resolve().parents[2]


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes under ``folder``."""
    h = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(folder)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


@pytest.fixture()
def tiny_dataset(tmp_path) -> Path:
    folder = tmp_path / "tinysim"
    save_folder(tiny_catalog(), folder)
    return folder


def key_of(folder: Path) -> str:
    """A folder dataset's files are named by its name and content: ``tinysim-<fingerprint>``."""
    from recsys.folder import load_folder

    return load_folder(folder).key()


def test_atomic_write_leaves_no_temporary_file_and_a_readable_file(tmp_path):
    path = tmp_path / "a" / "b.json"
    runs.atomic_write(path, "one")
    assert path.stat().st_mode & 0o044 == 0o044  # readable as a plain write would leave it, not private
    path.chmod(0o640)
    runs.atomic_write(path, b"two")
    assert path.read_text() == "two" and [p.name for p in path.parent.iterdir()] == ["b.json"]
    assert path.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode


def test_a_run_folder_may_not_be_inside_configs():
    with pytest.raises(ValueError, match="configs"):
        runs.new_run("rule", "x", runs.CONFIGS / "policies" / "x")


def test_tuning_writes_a_run_and_leaves_configs_untouched(tiny_dataset, tmp_path):
    from lab import tune

    before = tree_digest(ROOT / "configs")
    run = tmp_path / "run"
    assert tune.main(["--dataset", str(tiny_dataset), "--settings", "literal", "--episodes", "6",
                      "--out", str(run)]) == 0
    assert tree_digest(ROOT / "configs") == before
    manifest = runs.read_manifest(run)
    assert manifest["kind"] == "rule" and manifest["complete"] is True
    name = f"rule-{key_of(tiny_dataset)}.json"
    assert name.startswith("rule-tinysim-") and manifest["ships"] == {name: f"policies/{name}"}
    tuned = json.loads((run / name).read_text())
    (key,) = tuned["settings"]
    assert manifest["validation"][key] == tuned["settings"][key]["valid"]


def test_training_the_network_writes_a_run_and_leaves_configs_untouched(tiny_dataset, tmp_path):
    from lab import train_unified

    before = tree_digest(ROOT / "configs")
    run = tmp_path / "run"
    assert train_unified.main(["--dataset", str(tiny_dataset), "--minutes", "1", "--episodes", "8",
                               "--valid-every", "4", "--valid-episodes", "3", "--demo-episodes", "8",
                               "--pretrain-steps", "5", "--hidden", "8", "--out", str(run)]) == 0
    assert tree_digest(ROOT / "configs") == before
    manifest = runs.read_manifest(run)
    assert manifest["complete"] is True and "SR@15" in manifest["validation"]
    key = key_of(tiny_dataset)
    assert sorted(manifest["ships"]) == [f"unified-{key}-seed0-curve.json", f"unified-{key}-seed0.json",
                                         f"unified-{key}-seed0.pt"]
    assert all((run / f).exists() for f in manifest["ships"]) and (run / "checkpoint.ckpt").exists()


def test_cf_tuning_writes_a_run(tiny_dataset, tmp_path):
    from lab import evaluate_cf

    before = tree_digest(ROOT / "configs")
    run = tmp_path / "run"
    assert evaluate_cf.main(["--dataset", str(tiny_dataset), "--models", "pop,itemknn", "--tune",
                             "--out", str(run)]) == 0
    assert tree_digest(ROOT / "configs") == before
    manifest = runs.read_manifest(run)
    assert manifest["kind"] == "cf" and set(manifest["validation"]["NDCG@10"]) == {"pop", "itemknn"}


def test_promote_checks_then_ships(tiny_dataset, tmp_path, monkeypatch):
    from lab import promote, tune

    configs = tmp_path / "configs"
    monkeypatch.setattr(promote, "CONFIGS", configs)
    run = tmp_path / "run"
    tune.main(["--dataset", str(tiny_dataset), "--settings", "literal", "--episodes", "6", "--out", str(run)])
    manifest = runs.read_manifest(run)

    def rewrite(**changes):
        (run / runs.MANIFEST).write_text(json.dumps({**manifest, **changes}))

    rewrite(complete=False)
    with pytest.raises(ValueError, match="did not finish"):
        promote.main([str(run)])
    rewrite(validation=None)
    with pytest.raises(ValueError, match="no validation record"):
        promote.main([str(run)])
    rewrite(fingerprints={"world": "0" * 16})
    with pytest.raises(ValueError, match="fingerprint"):
        promote.main([str(run)])
    assert not configs.exists()  # nothing copied by a refused promotion
    rewrite()
    assert promote.main([str(run), "--dry-run"]) == 0 and not configs.exists()
    assert promote.main([str(run)]) == 0
    name = f"rule-{key_of(tiny_dataset)}.json"
    assert (configs / "policies" / name).read_bytes() == (run / name).read_bytes()


def test_promote_swaps_a_folder_in_whole(tmp_path):
    from lab.promote import copy_into_configs

    src, dst = tmp_path / "new", tmp_path / "configs" / "narrator" / "fused-seed0"
    src.mkdir()
    (src / "meta.json").write_text("new")
    dst.mkdir(parents=True)
    (dst / "meta.json").write_text("old")
    (dst / "stale.bin").write_text("old")
    copy_into_configs(src, dst)
    assert sorted(p.name for p in dst.iterdir()) == ["meta.json"] and (dst / "meta.json").read_text() == "new"
    assert sorted(p.name for p in dst.parent.iterdir()) == ["fused-seed0"]  # no staging folders left
