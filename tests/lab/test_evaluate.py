"""The offline evaluation CLI (lab.evaluate_cf.main) end to end on a small folder dataset:
exit codes, and the JSON layout that reports and benchmarks read."""

from __future__ import annotations

import json

import pytest

from lab import evaluate_cf
from lab.evaluate_cf import evaluate_model, main, tune, tune_blend
from recsys.folder import load_folder
from recsys.models import fit_key
from recsys.split import split_interactions
from recsys.tuned import load_config, model_params

MODELS = ["pop", "ease", "itemknn", "als", "blend"]
METRICS = {f"{m}@{k}" for m in ("NDCG", "Recall", "Hit") for k in (10, 20)}
SMALL_ALS = {"factors": 8, "iterations": 5, "l2": 1.0}


@pytest.fixture
def config(tmp_path):
    """Small hyper-parameters (the defaults would fit 128 ALS factors to 40 items)."""
    path = tmp_path / "config.json"
    params = {"als": SMALL_ALS, "ease": {"l2": 10.0}, "itemknn": {"k": 10},
              "blend": {"members": [["ease", {"l2": 10.0}, 0.5], ["als", SMALL_ALS, 0.5]]}}
    path.write_text(json.dumps({"params": params}))
    return path


def run_main(dataset, config, out, *extra):
    return main(["--dataset", str(dataset), "--models", ",".join(MODELS), "--json", str(out),
                 "--config", str(config), *extra])


def test_two_seeds_write_mean_and_std(synthetic_folder, config, tmp_path, capsys):
    out = tmp_path / "out" / "result.json"
    assert run_main(synthetic_folder, config, out, "--seeds", "2") == 0
    payload = json.loads(out.read_text())
    assert {"protocol", "results", "date", "machine", "versions"} <= set(payload)
    p = payload["protocol"]
    # everything survives rating >= 3 and the 10-core filter
    assert (p["users"], p["items"], p["interactions"]) == (60, 40, 60 * 20)
    assert p["split_seeds"] == [0, 1] and p["ks"] == [10, 20] and p["core"] == 10
    assert set(payload["results"]) == set(MODELS)
    for name, res in payload["results"].items():
        assert res["params"] == json.loads(config.read_text())["params"].get(name, {})
        for part in ("valid", "test"):
            assert set(res[part]) == METRICS | ({"ILD@10", "genres@10"} if part == "test" else set()), (name, part)
            for m, v in res[part].items():
                top = 10 if m == "genres@10" else 1  # a count of genres, the rest are shares
                assert set(v) == {"mean", "std"} and 0.0 <= v["mean"] <= top and v["std"] >= 0.0, (name, m)
        assert set(res["fit_seconds"]) == {"mean", "std"}
    # the taste groups are learnable: a personalised model beats popularity on test
    ndcg = {n: r["test"]["NDCG@10"]["mean"] for n, r in payload["results"].items()}
    assert ndcg["ease"] > ndcg["pop"]
    # paired over users: the blend against EASE, every user with a test item in both seeds
    pair = payload["paired"]["blend - ease"]
    lo, hi = pair["test NDCG@10"]["ci95"]
    assert lo <= pair["test NDCG@10"]["diff"] <= hi and pair["users x seeds"] == 2 * 60
    printed = capsys.readouterr().out
    assert "test NDCG@10" in printed and "blend - ease" in printed  # the printed tables


def test_the_sparse_user_protocol_reports_sparse_and_warm_users_apart(synthetic_folder, config, tmp_path, capsys):
    out = tmp_path / "sparse.json"
    assert run_main(synthetic_folder, config, out, "--seeds", "2", "--sparse", "3") == 0
    payload = json.loads(out.read_text())
    assert payload["protocol"]["sparse"]["k"] == 3 and payload["protocol"]["sparse"]["users"] == 12  # 20% of 60
    for res in payload["results"].values():
        for group in ("sparse", "warm"):
            assert set(res[group]["test"]) == METRICS and set(res[group]["test"]["NDCG@10"]) == {"mean", "std"}
    ease = payload["results"]["ease"]
    assert ease["sparse"]["test"]["NDCG@10"]["mean"] < ease["warm"]["test"]["NDCG@10"]["mean"]  # 3 items say less
    assert payload["paired_sparse"]["blend - ease"]["users x seeds"] == 2 * 12
    assert "sparse NDCG@10" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--dataset", str(synthetic_folder), "--models", "pop", "--sparse", "0"])


def test_gserec_reports_whether_its_code_graph_reaches_the_sparse_users(synthetic_folder, tmp_path, capsys):
    from conftest import SMALL_GSEREC

    config = tmp_path / "gserec.json"
    config.write_text(json.dumps({"params": {"gserec": SMALL_GSEREC, "gserec-nocodes": SMALL_GSEREC}}))
    out = tmp_path / "gserec-result.json"
    assert main(["--dataset", str(synthetic_folder), "--models", "gserec,gserec-nocodes", "--json", str(out),
                 "--config", str(config), "--seeds", "1", "--sparse", "3"]) == 0
    results = json.loads(out.read_text())["results"]
    c = results["gserec"]["connectivity"]
    assert 0 <= c["sparse_linked_two_levels"] <= 1 and len(c["used"]) == SMALL_GSEREC["levels"]
    assert c["sparse_linked_two_levels"] >= c["sparse_linked_two_levels_own"]  # warm users' sparse views link too
    assert results["gserec"]["params"]["base_params"] == {}  # the base's own config (none here): its defaults
    assert "connectivity" not in results["gserec-nocodes"]
    assert "of sparse users share their first two code levels" in capsys.readouterr().out


def test_worker_processes_give_the_one_process_figures(synthetic_folder, config, tmp_path):
    """``--jobs 2``: each (model, seed) in a worker process, the blend after its members (and
    reusing them); the same figures as one process."""
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert run_main(synthetic_folder, config, one, "--seeds", "2") == 0
    assert run_main(synthetic_folder, config, two, "--seeds", "2", "--jobs", "2") == 0
    a, b = (json.loads(path.read_text()) for path in (one, two))
    assert b["protocol"]["jobs"] == 2 and a["protocol"]["jobs"] == 1
    for name in MODELS:
        for part in ("valid", "test"):
            for metric, v in a["results"][name][part].items():
                assert b["results"][name][part][metric]["mean"] == pytest.approx(v["mean"]), (name, part, metric)
    assert b["paired"]["blend - ease"]["test NDCG@10"]["diff"] == pytest.approx(
        a["paired"]["blend - ease"]["test NDCG@10"]["diff"])


def test_one_seed_gives_plain_numbers(synthetic_folder, config, tmp_path):
    out = tmp_path / "one.json"
    assert run_main(synthetic_folder, config, out, "--seeds", "1") == 0
    res = json.loads(out.read_text())["results"]
    for name in MODELS:
        assert all(isinstance(v, float) for v in res[name]["valid"].values())
        assert all(isinstance(v, float) for v in res[name]["test"].values())


def test_cli_errors(synthetic_folder, config, tmp_path):
    with pytest.raises(SystemExit) as exc:  # argparse error
        main(["--dataset", str(synthetic_folder), "--models", "pop,nope"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--dataset", str(synthetic_folder), "--seeds", "0"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--dataset", str(synthetic_folder), "--jobs", "0"])
    assert exc.value.code == 2
    # a missing dataset or config is reported and exits non-zero, without a traceback
    assert main(["--dataset", str(tmp_path / "missing"), "--models", "pop"]) == 2
    assert main(["--dataset", str(synthetic_folder), "--models", "pop", "--config", str(tmp_path / "no.json")]) == 2


def test_load_config(config, tmp_path):
    assert load_config("anything", str(config))["als"] == SMALL_ALS
    assert load_config(str(tmp_path / "no-such-dataset")) == {}  # no committed config: defaults
    with pytest.raises(FileNotFoundError):
        load_config("x", str(tmp_path / "no.json"))


def test_evaluate_model_reuses_blend_members(synthetic_folder):
    data = split_interactions(load_folder(synthetic_folder), seed=0)
    fitted: dict = {}
    ease = evaluate_model("ease", {"l2": 10.0}, data, fitted=fitted)
    assert set(ease) == {"valid", "test", "fit_seconds", "total_seconds"}
    blend = {"members": [["ease", {"l2": 10.0}, 1.0], ["als", SMALL_ALS, 0.0]]}
    res = evaluate_model("blend", blend, data, fitted=fitted)
    # the blend took the EASE fitted on this split from the cache instead of refitting it ...
    model = fitted[fit_key("blend", blend)]
    assert model.members[0][0] is fitted[fit_key("ease", {"l2": 10.0})]
    assert model.prefit is None  # the cache is dropped after fitting, so it is never pickled
    # ... and with all the weight on EASE it ranks exactly like EASE
    assert res["valid"] == pytest.approx(ease["valid"]) and res["test"] == pytest.approx(ease["test"])


def test_tune_blend_adds_a_member_only_when_validation_rises(synthetic_folder):
    data = split_interactions(load_folder(synthetic_folder), seed=0)
    base = {"ease": {"l2": 10.0}, "als": SMALL_ALS, "itemknn": {"k": 10}}
    trials, chosen = tune_blend(base, data, {})
    pairs = [t["valid NDCG@10"] for t in trials if len(t["params"]["members"]) == 2]
    assert len(pairs) == len(evaluate_cf.BLEND_WEIGHTS)
    members = chosen["members"]
    assert [m[0] for m in members[:2]] == ["ease", "als"]
    chosen_v = next(t["valid NDCG@10"] for t in trials if t["params"]["members"] == members)
    assert chosen_v >= max(pairs)
    if len(members) == 3:  # item-KNN joined: it raised validation above the best pair
        assert members[2][0] == "itemknn" and chosen_v > max(pairs)


def test_tune_keeps_the_shipped_parameters_of_models_it_did_not_tune(synthetic_folder, tmp_path, monkeypatch):
    shipped = tmp_path / "configs" / "tuned" / "x.json"
    shipped.parent.mkdir(parents=True)
    shipped.write_text(json.dumps({"params": {"als": SMALL_ALS, "ease": {"l2": 1.0}},
                                   "trials": {"als": [{"params": SMALL_ALS, "valid NDCG@10": 0.5}]}}))
    monkeypatch.setattr(evaluate_cf, "find_config", lambda key, dirs=(): shipped)
    monkeypatch.setitem(evaluate_cf.GRIDS, "ease", [{"l2": 10.0}, {"l2": 100.0}])
    tune(str(synthetic_folder), ["ease"], run=tmp_path / "run")
    (written,) = (tmp_path / "run").glob("synthetic-*.json")
    payload = json.loads(written.read_text())
    assert payload["params"]["als"] == SMALL_ALS  # kept from the shipped file
    assert payload["params"]["ease"] in ({"l2": 10.0}, {"l2": 100.0})  # tuned now
    assert set(payload["kept_from"]) == {"als"} and set(payload["trials"]) == {"als", "ease"}


def test_gserec_takes_its_base_scorers_tuned_parameters_unless_given_its_own():
    config = {"ease": {"l2": 500.0}, "als": {"factors": 8}}
    assert model_params("gserec", config) == {"base_params": {"l2": 500.0}}
    assert model_params("gserec-nocodes", {**config, "gserec-nocodes": {"base": "als"}}) == {
        "base": "als", "base_params": {"factors": 8}}
    assert model_params("gserec", {**config, "gserec": {"base_params": {"l2": 1.0}}})["base_params"] == {"l2": 1.0}
    assert model_params("ease", config) == {"l2": 500.0}
