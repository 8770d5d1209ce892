"""``--ray`` (``lab.fanout``): the simulator's results, the tuning's choices and a training run
bounded by episodes are exactly those of the run without Ray; a wrong address is one line.

The in-process tests share one local Ray instance of 2 CPUs (``--ray`` uses a running one);
the command-line tests start their own, as a user's command does."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from services import unavailable
from tiny import tiny_catalog

from lab import fanout, simulate, train_unified, tune
from recsys.folder import load_folder, save_folder
from recsys.runs import read_manifest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SIM = ["--policy", "random,recommend,maxent,rule", "--episodes", "0", "--seeds", "2",
       "--flip", "0.1", "--dont-know", "0.2", "--patience", "0.3", "--compare-history"]
TRAIN = ["--minutes", "0", "--episodes", "8", "--valid-every", "4", "--valid-episodes", "3", "--demo-episodes", "8",
         "--pretrain-steps", "5", "--hidden", "8", "--batch", "8"]


@pytest.fixture(scope="module")
def ray_cluster():
    """A local Ray instance for this module's in-process runs; skipped when Ray cannot start."""
    try:
        import ray

        ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING)
    except Exception as exc:  # ImportError, or whatever keeps Ray from starting here
        unavailable("Ray", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def tiny_dataset(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ray") / "tinysim"
    save_folder(tiny_catalog(), folder)
    return folder


def command(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_simulate_with_ray_reproduces_the_results(ray_cluster, tiny_dataset, tmp_path):
    """Chunks of episodes on two workers (40 episodes: chunks of 25 and 15), through the old
    command name, give every number the single-process run gives; ``random``'s one stream too."""
    here, there = tmp_path / "here.json", tmp_path / "ray.json"
    assert simulate.main(["--dataset", str(tiny_dataset), *SIM, "--json", str(here)]) == 0
    done = command("chat.simulate", "--dataset", str(tiny_dataset), *SIM, "--json", str(there),
                   "--ray", "--workers", "2")
    assert done.returncode == 0, done.stderr[-2000:]
    a, b = json.loads(here.read_text()), json.loads(there.read_text())
    assert b["protocol"]["ray_cpus"] == 2 and a["protocol"]["ray_cpus"] is None
    assert b["results"] == a["results"] and b["comparisons"] == a["comparisons"]
    assert "random (history excluded)" in b["results"]


def test_chunks_play_each_episode_as_the_whole_list_does(ray_cluster, tiny_dataset, tmp_path, monkeypatch):
    """Small chunks (10 episodes: 4 per seed and policy) in this process's Ray instance."""
    monkeypatch.setattr(fanout, "MIN_CHUNK", 1)
    args = ["--dataset", str(tiny_dataset), *SIM, "--seeds", "1"]
    assert simulate.main([*args, "--json", str(tmp_path / "a.json")]) == 0
    assert simulate.main([*args, "--json", str(tmp_path / "b.json"), "--ray"]) == 0
    a, b = (json.loads((tmp_path / f"{x}.json").read_text()) for x in "ab")
    assert b["results"] == a["results"] and b["protocol"]["ray_cpus"] == 2


def test_tuning_with_ray_chooses_the_same(ray_cluster, tiny_dataset, tmp_path):
    args = ["--dataset", str(tiny_dataset), "--settings", "literal,flip 0.1", "--episodes", "12"]
    for policy in ("rule", "plan"):
        assert tune.main([*args, "--policy", policy, "--out", str(tmp_path / f"{policy}.json")]) == 0
        assert tune.main([*args, "--policy", policy, "--out", str(tmp_path / f"{policy}-ray.json"), "--ray"]) == 0
        a, b = (json.loads((tmp_path / f"{policy}{x}.json").read_text()) for x in ("", "-ray"))
        assert b["settings"] == a["settings"] and len(b["settings"]) == 2


def test_training_bounded_by_episodes_is_the_same_with_ray(ray_cluster, tiny_dataset, tmp_path):
    """``--seeds 0,1``: one run folder per seed, one after another or one Ray task each, the
    same networks and validation curves; each run records the command that made it (here,
    pytest's), not the Ray worker's own."""
    for name, extra in (("here", []), ("ray", ["--ray"])):
        assert train_unified.main(["--dataset", str(tiny_dataset), *TRAIN, "--seeds", "0,1",
                                   "--out", str(tmp_path / name), *extra]) == 0
    key = load_folder(tiny_dataset).key()
    for seed in (0, 1):
        here, there = tmp_path / "here" / f"seed{seed}", tmp_path / "ray" / f"seed{seed}"
        name = f"unified-{key}-seed{seed}"
        a, b = (torch.load(run / f"{name}.pt", weights_only=False) for run in (here, there))
        assert b["meta"]["seed"] == seed and a["state_dict"].keys() == b["state_dict"].keys()
        assert all(torch.equal(a["state_dict"][k], b["state_dict"][k]) for k in a["state_dict"])
        assert (there / f"{name}-curve.json").read_text() == (here / f"{name}-curve.json").read_text()
        manifest = read_manifest(there)
        assert manifest["complete"] and manifest["validation"] == read_manifest(here)["validation"]
        assert manifest["command"] == read_manifest(here)["command"]  # the driver's, not a Ray worker's
    # seed 0 trained alone (--seed) is the same network as seed 0 of --seeds
    assert train_unified.main(["--dataset", str(tiny_dataset), *TRAIN, "--seed", "0", "--out",
                               str(tmp_path / "alone")]) == 0
    a, b = (torch.load(tmp_path / run / f"unified-{key}-seed0.pt", weights_only=False)
            for run in ("alone", "here/seed0"))
    assert all(torch.equal(a["state_dict"][k], b["state_dict"][k]) for k in a["state_dict"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("address", ["127.0.0.1:{port}", "not-an-address"])
def test_a_wrong_address_is_one_line_naming_the_setting(tiny_dataset, address):
    address = address.format(port=free_port())
    done = command("lab.simulate", "--dataset", str(tiny_dataset), "--episodes", "2", "--seeds", "1",
                   "--ray", address)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(lines) == 1 and lines[0].startswith(f"error: --ray {address}: cannot reach a Ray cluster there")


@pytest.mark.data
def test_unified_on_movielens_with_ray_reproduces_the_results(ray_cluster, tmp_path):
    """The trained network and the tuned rule, shipped to workers, on ML-100K (60 episodes)."""
    args = ["--dataset", "movielens-100k", "--policy", "rule,unified", "--episodes", "60", "--seeds", "1",
            "--flip", "0.1"]
    assert simulate.main([*args, "--json", str(tmp_path / "a.json")]) == 0
    assert simulate.main([*args, "--json", str(tmp_path / "b.json"), "--ray"]) == 0
    a, b = (json.loads((tmp_path / f"{x}.json").read_text()) for x in "ab")
    assert b["results"] == a["results"] and b["comparisons"] == a["comparisons"]


def test_prepare_on_ray_trains_the_seeds_side_by_side(ray_cluster, tiny_dataset, tmp_path):
    """lab.prepare --ray: the tuning runs its configurations on Ray and the unified seeds train
    as one task each; every file a plain prepare makes is there, and a second run resumes."""
    from lab import prepare

    root = tmp_path / "prepared"
    args = ["--dataset", str(tiny_dataset), "--settings", "literal", "--episodes", "10", "--seeds", "2",
            "--minutes", "0", "--train-args", " ".join(TRAIN[2:]), "--out", str(root), "--ray"]
    assert prepare.main(args) == 0
    key = load_folder(tiny_dataset).key()
    for name in (f"policies/rule-{key}.json", f"policies/plan-{key}.json", f"policies/unified-{key}-seed0.pt",
                 f"policies/unified-{key}-seed1.pt"):
        assert (root / name).exists(), name
    progress = json.loads((root / prepare.PROGRESS).read_text())["steps"]
    assert all(progress[f"unified-seed{k}"]["complete"] for k in (0, 1))
    assert read_manifest(root / "runs" / "unified-seed1").get("complete")
    assert prepare.main(args) == 0  # resumes: nothing left to do
    assert json.loads((root / prepare.PROGRESS).read_text())["steps"] == progress
