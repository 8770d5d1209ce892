"""A researcher's own folder, as they would bring it: a tag-only catalog, no ratings, a given
split. It goes through ``lab.prepare`` and ``chat.simulate`` with no edits; every filter and
protocol choice is in the JSON; a stopped preparation resumes; promote checks every step."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from lab import prepare, promote
from recsys.folder import load_folder
from recsys.runs import read_manifest

ROOT = Path(__file__).resolve().parents[2]
N_ITEMS, N_USERS, N_TAGS = 60, 48, 12
TRAIN_ARGS = ("--episodes 8 --valid-every 4 --valid-episodes 3 --demo-episodes 8 --pretrain-steps 5 --hidden 8 "
              "--batch 8")


def write_tag_folder(folder: Path) -> Path:
    """Items with three tags each; users who like items of two tags; 10 train, 2 valid and
    2 test interactions per user; no rating column, no year."""
    rng = np.random.default_rng(5)
    folder.mkdir(parents=True)
    tags = {k: sorted({k % N_TAGS, (3 * k + 1) % N_TAGS, int(rng.integers(N_TAGS))}) for k in range(N_ITEMS)}
    with (folder / "items.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item_id", "title"])
        w.writerows([[f"i{k}", f"Item {k}"] for k in range(N_ITEMS)])
    with (folder / "item_attributes.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["item_id", "attribute", "value"])
        w.writerows([[f"i{k}", "tag", f"t{t}"] for k in range(N_ITEMS) for t in tags[k]])
    with (folder / "interactions.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["user_id", "item_id", "split"])
        for u in range(N_USERS):
            liked = [k for k in range(N_ITEMS) if {u % N_TAGS, (u + 5) % N_TAGS} & set(tags[k])]
            chosen = rng.choice(liked, 14, replace=False)
            for n, k in enumerate(chosen):
                w.writerow([f"u{u}", f"i{k}", "train" if n < 10 else ("valid" if n < 12 else "test")])
    return folder


@pytest.fixture()
def tag_folder(tmp_path) -> Path:
    return write_tag_folder(tmp_path / "data")


def test_a_tag_only_folder_without_ratings_loads_as_implicit_feedback_with_its_split(tag_folder):
    from recsys.split import data_protocol, split_interactions

    cat = load_folder(tag_folder)
    assert not cat.ratings and cat.attr_types == ("tag",) and "implicit" in cat.report["ratings"]
    dp = data_protocol(cat)
    assert (dp.min_rating, dp.core) == (None, 1)  # every interaction positive, the given split kept whole
    data = split_interactions(cat)
    assert (data.train.nnz, data.valid.nnz, data.test.nnz) == (10 * N_USERS, 2 * N_USERS, 2 * N_USERS)


def test_prepare_then_simulate_then_promote_a_tag_only_folder(tag_folder, tmp_path, monkeypatch, capsys):
    root = tmp_path / "prepared"
    args = ["--dataset", str(tag_folder), "--settings", "literal,two targets", "--episodes", "10", "--seeds", "1",
            "--minutes", "0.5", "--train-args", TRAIN_ARGS, "--out", str(root)]
    assert prepare.main(args) == 0
    key = load_folder(tag_folder).key()
    assert key.startswith("data-")  # named by the folder and its content, not "data" alone
    for name in (f"tuned/{key}.json", f"policies/rule-{key}.json", f"policies/plan-{key}.json",
                 f"policies/unified-{key}-seed0.pt"):
        assert (root / name).exists(), name
    rule = json.loads((root / f"policies/rule-{key}.json").read_text())
    assert rule["key"]["open_attrs"] == ["tag"] and rule["key"]["data"] == {"min_rating": None, "core": 1}
    assert "targets=2" in " ".join(rule["settings"])  # the two-target setting was tuned on its own pairs
    out = capsys.readouterr().out
    assert "python -m lab.promote" in out and f"--configs {root}" in out

    # a second run resumes: every step is already done
    progress = json.loads((root / prepare.PROGRESS).read_text())
    assert prepare.main(args) == 0
    assert json.loads((root / prepare.PROGRESS).read_text())["steps"] == progress["steps"]

    sim_json = tmp_path / "sim.json"
    cmd = [sys.executable, "-m", "chat.simulate", "--dataset", str(tag_folder), "--configs", str(root),
           "--policy", "recommend,rule,plan,unified", "--episodes", "12", "--seeds", "1", "--json", str(sim_json)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "unified" in done.stdout and "data protocol: positives: every interaction" in done.stderr
    proto = json.loads(sim_json.read_text())["protocol"]
    assert proto["data"]["min_rating"] is None and proto["data"]["core"] == 1 and "chosen" in proto["data"]
    assert proto["open_attrs"] == ["tag"] and proto["ask_attrs"] == ["tag"]
    assert "stay candidates" in proto["history"] and "MCMIPL" in proto["pairing"]
    assert "noise flag" in proto["noisy_candidates"]

    # promote checks each step's run against today's inputs, then ships the laid-out files
    configs = tmp_path / "configs"
    monkeypatch.setattr(promote, "CONFIGS", configs)
    assert read_manifest(root)["kind"] == "prepare"
    assert promote.main([str(root)]) == 0
    assert (configs / "policies" / f"unified-{key}-seed0.pt").read_bytes() == \
        (root / "policies" / f"unified-{key}-seed0.pt").read_bytes()


def test_files_made_for_another_attribute_set_are_refused(tag_folder, tmp_path):
    """A rule tuned with one opening set is not silently reused for another: the name differs,
    and a file put under the wrong name is refused with the key that differs."""
    from lab import tune
    from lab.options import add_world_args, world_of
    from policy.tuned import tuned_file

    root = tmp_path / "prep"
    assert tune.main(["--dataset", str(tag_folder), "--settings", "literal", "--episodes", "6",
                      "--out", str(root / "runs" / "rule")]) == 0
    cat = load_folder(tag_folder)
    ap = __import__("argparse").ArgumentParser()
    add_world_args(ap)
    world = world_of(ap.parse_args(["--dataset", str(tag_folder)]), cat)
    other = world_of(ap.parse_args(["--dataset", str(tag_folder), "--ask-attrs", "tag", "--core", "2"]), cat)
    assert other.artifact_key != world.artifact_key
    excluded = world_of(ap.parse_args(["--dataset", str(tag_folder), "--exclude-history"]), cat)
    assert excluded.artifact_key not in (world.artifact_key, other.artifact_key)  # its own files, too
    made = root / "runs" / "rule" / f"rule-{world.artifact_key}.json"
    (root / "policies").mkdir(parents=True)
    (root / "policies" / f"rule-{other.artifact_key}.json").write_bytes(made.read_bytes())
    import dataclasses

    with pytest.raises(ValueError, match=r"data \(\{'min_rating': None, 'core': 1\} there"):
        tuned_file("rule", dataclasses.replace(other, config_dirs=(root,)))


@pytest.mark.parametrize("flags, message", [
    (["--open-attrs", "genre"], "--open-attrs: unknown attribute type 'genre'; data has tag"),
    (["--min-rating", "4"], "--min-rating 4 keeps 0 of"),
    (["--core", "40"], "the 40-core filter keeps 0 of 672 interactions"),
])
def test_bad_flags_are_one_line_errors(tag_folder, flags, message, capsys):
    from recsys.report import run_cli

    assert run_cli(prepare.main, ["--dataset", str(tag_folder), *flags, "--out", "/tmp/never-used"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1] and err[-1].startswith("error: ")
