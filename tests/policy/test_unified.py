"""The unified policy: candidate features, the Q-network's contract, the saved-weights
fingerprint check, and the training world's discipline (no valid or test targets)."""

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from tiny import pick, talk, tiny_world

from lab.train_unified import MAX_A, pad, training_world
from policy.actions import AskValue, Recommend
from policy.beliefs import BeliefConfig
from policy.rule import RuleConfig
from policy.state import UserModel
from policy.unified import (
    N_ACTION,
    N_GLOBAL,
    QNetwork,
    UnifiedPolicy,
    build_candidates,
    save_policy,
    world_fingerprint,
)


def test_candidates_put_recommend_first_and_have_one_feature_row_each():
    world = tiny_world()
    user, target = pick(world, lambda k: True)
    conv = talk(world, user, target)
    cand = build_candidates(conv.state, RuleConfig())
    assert isinstance(cand.actions[0], Recommend)
    assert all(isinstance(a, AskValue) for a in cand.actions[1:])
    assert cand.features.shape == (len(cand.actions), N_GLOBAL + N_ACTION)
    assert len(cand.actions) <= MAX_A and np.isfinite(cand.features).all()
    asked = conv.state.asked
    assert not any(a.value in asked for a in cand.actions[1:])


def test_last_action_can_only_recommend():
    world = tiny_world()
    user, target = pick(world, lambda k: True)
    conv = talk(world, user, target)
    conv.state.turn = conv.state.max_actions - 1
    cand = build_candidates(conv.state, RuleConfig())
    assert len(cand.actions) == 1 and isinstance(cand.actions[0], Recommend)


def test_policy_plays_valid_episodes_with_any_weights():
    world = tiny_world()
    torch.manual_seed(0)
    policy = UnifiedPolicy(QNetwork(16), RuleConfig(BeliefConfig(0.5, 0.1)))
    for um in (UserModel(), UserModel(flip=0.2, dont_know=0.2)):
        user, target = pick(world, lambda k: k % 3 == 0)
        conv = talk(world, user, target, um)
        while not conv.done:
            conv.step(policy.decide(conv.state))  # the simulator refuses any invalid action
        assert conv.outcome is not None


def test_padding_masks_missing_actions():
    feats = np.ones((3, N_GLOBAL + N_ACTION), dtype=np.float32)
    x, m = pad(feats)
    assert x.shape == (MAX_A, N_GLOBAL + N_ACTION) and m.sum() == 3 and x[3:].sum() == 0


def test_saved_weights_refuse_another_world(tmp_path, monkeypatch):
    import policy.tuned as tuned_mod

    world = tiny_world()
    monkeypatch.setattr(tuned_mod, "POLICY_DIR", tmp_path)
    net = QNetwork(8)
    path = tmp_path / f"unified-{world.catalog.name}-seed0.pt"
    save_policy(path, net.state_dict(), 8, world_fingerprint(world), {"seed": 0}, {"rule": {}, "plan": {}})
    loaded = UnifiedPolicy.for_setting(world, UserModel(), False, seed=0)
    for a, b in zip(loaded.net.parameters(), net.parameters()):
        assert torch.equal(a, b)
    save_policy(path, net.state_dict(), 8, "someone-else", {"seed": 0}, {"rule": {}, "plan": {}})
    with pytest.raises(ValueError, match="retrain"):
        UnifiedPolicy.for_setting(world, UserModel(), False, seed=0)
    with pytest.raises(FileNotFoundError, match="train_unified"):
        UnifiedPolicy.for_setting(world, UserModel(), False, seed=1)


def test_training_world_targets_come_from_train_only():
    world = tiny_world()
    tw = training_world(world, seed=0)
    train, held = world.data.train, tw.data.valid
    # held-out targets are train interactions, disjoint from the refit CF model's input
    assert (held.multiply(train)).nnz == held.nnz
    assert (held.multiply(tw.data.train)).nnz == 0
    assert abs(tw.data.train + held - train).sum() == 0  # together they are exactly train
    assert (held.multiply(world.data.valid)).nnz == 0 and (held.multiply(world.data.test)).nnz == 0


@pytest.mark.parametrize("n_in", [None, 42, N_GLOBAL + N_ACTION + 1])
def test_weights_of_another_feature_layout_are_refused(tmp_path, monkeypatch, n_in):
    """Every shipped network has today's layout; one saved with another (or none recorded) is
    refused with a request to retrain, never read through a column map."""
    import policy.tuned as tuned_mod

    world = tiny_world()
    monkeypatch.setattr(tuned_mod, "POLICY_DIR", tmp_path)
    net = QNetwork(8, n_in or 35)
    blob = {"state_dict": net.state_dict(), "hidden": 8, "fingerprint": world_fingerprint(world)}
    path = tmp_path / f"unified-{world.catalog.name}-seed0.pt"
    torch.save(blob if n_in is None else {**blob, "features": n_in}, path)
    with pytest.raises(ValueError, match="retrain"):
        UnifiedPolicy.for_setting(world, UserModel(), False, seed=0)


def test_every_shipped_network_has_todays_layout():
    shipped = sorted((Path(__file__).resolve().parents[2] / "configs" / "policies").glob("unified-*.pt"))
    assert shipped
    for path in shipped:
        assert torch.load(path, map_location="cpu", weights_only=False)["features"] == N_GLOBAL + N_ACTION, path


def test_weights_keep_the_tuned_parameters_they_were_trained_with(tmp_path, monkeypatch):
    """Retuning the rule or plan after training must not change what the network reads: the
    rule's beliefs and threshold and the lookahead's turn weight, margin and sharpness stored
    with the weights win over the current files."""
    import policy.tuned as policies
    import policy.unified as unified
    from policy.tuned import setting_key

    world = tiny_world()
    monkeypatch.setattr(policies, "POLICY_DIR", tmp_path)
    key = setting_key(UserModel(flip=0.1), False)
    at_training = {"rule": {key: {"temperature": 2.4, "threshold": 0.2, "error": 0.05, "trust_opening": True,
                                  "valid": {}}},
                   "plan": {key: {"turn_weight": 0.25, "margin": 0.01, "sharpness": 1.5, "depth": 2, "tried": []}}}
    for policy, settings in at_training.items():
        (tmp_path / f"{policy}-{world.catalog.name}.json").write_text(json.dumps({"settings": settings}))
    tuned = unified.tuned_parameters(world)
    assert tuned["plan"][key] == {"turn_weight": 0.25, "margin": 0.01, "sharpness": 1.5}  # what the features read
    path = tmp_path / f"unified-{world.catalog.name}-seed0.pt"
    save_policy(path, QNetwork(8).state_dict(), 8, world_fingerprint(world), {"seed": 0}, tuned)
    retuned = {"rule": {key: {"temperature": 0.6, "threshold": 0.7, "error": 0.15}},
               "plan": {key: {"turn_weight": 1.0, "margin": 0.08, "sharpness": 2.0}}}
    for policy, settings in retuned.items():
        (tmp_path / f"{policy}-{world.catalog.name}.json").write_text(json.dumps({"settings": settings}))
    # multi-choice: the single-choice entry
    loaded = UnifiedPolicy.for_setting(world, UserModel(flip=0.1), True, seed=0)
    assert (loaded.plan.turn_weight, loaded.plan.margin, loaded.plan.sharpness) == (0.25, 0.01, 1.5)
    assert loaded.config == RuleConfig(BeliefConfig(2.4, 0.05, True), 0.2)
    assert json.loads(path.with_suffix(".json").read_text())["tuned"] == tuned
    # the features read the beliefs with the stored sharpness
    user, target = pick(world, lambda k: True)
    state = talk(world, user, target, UserModel(flip=0.1)).state
    sharp = build_candidates(state, loaded.config, loaded.plan).features
    flat = build_candidates(state, loaded.config, dataclasses.replace(loaded.plan, sharpness=1.0)).features
    assert not np.array_equal(sharp, flat)


def test_weights_of_an_unknown_layout_are_refused(tmp_path, monkeypatch):
    import policy.tuned as tuned_mod

    world = tiny_world()
    monkeypatch.setattr(tuned_mod, "POLICY_DIR", tmp_path)
    path = tmp_path / f"unified-{world.catalog.name}-seed0.pt"
    torch.save({"state_dict": QNetwork(8, 17).state_dict(), "hidden": 8, "fingerprint": world_fingerprint(world),
                "features": 17}, path)
    with pytest.raises(ValueError, match="retrain"):
        UnifiedPolicy.for_setting(world, UserModel(), False, seed=0)


def test_best_teacher_is_whichever_did_better_on_validation(tmp_path, monkeypatch):
    """--teacher best: per user setting, the one-SE rule over rule's and plan's validation
    scores (the fewer turns within one standard error); plan on a tie or when untuned."""
    import lab.train_unified as train_unified
    import policy.tuned as policies
    from policy.tuned import setting_key

    world = tiny_world()
    monkeypatch.setattr(policies, "POLICY_DIR", tmp_path)
    flip, combined, literal = UserModel(flip=0.1), UserModel(flip=0.1, dont_know=0.2, patience=0.3), UserModel()
    rule = {setting_key(flip, False): {"valid": {"SR@15": 0.973, "AT": 3.81}},
            setting_key(combined, False): {"valid": {"SR@15": 0.860, "AT": 8.21}},
            setting_key(literal, False): {"valid": {"SR@15": 1.0, "AT": 2.36}}}
    plan = {setting_key(flip, False): {"valid": {"SR@15": 0.977, "AT": 4.17}},  # within one SE, more turns
            setting_key(combined, False): {"valid": {"SR@15": 0.890, "AT": 8.14}},
            setting_key(literal, False): {"valid": {"SR@15": 1.0, "AT": 2.36}}}
    for name, settings in (("rule", rule), ("plan", plan)):
        (tmp_path / f"{name}-{world.catalog.name}.json").write_text(json.dumps(
            {"selected_on": "valid ..., 300 episodes, split seed 0", "settings": settings}))
    assert train_unified.best_teacher(world, flip, False) == "rule"
    assert train_unified.best_teacher(world, flip, True) == "rule"  # multi-choice: its users' entries
    assert train_unified.best_teacher(world, combined, False) == "plan"
    assert train_unified.best_teacher(world, literal, False) == "plan"  # a tie
    assert train_unified.best_teacher(world, UserModel(patience=0.3), False) == "plan"  # untuned
