"""The unified policy: candidate features, the Q-network's contract, the saved-weights
fingerprint check, and the training world's discipline (no valid or test targets)."""

import numpy as np
import pytest
import torch
from test_simulator import pick, talk, tiny_world

from chat.actions import AskValue, Recommend
from chat.beliefs import BeliefConfig
from chat.policies import RuleConfig
from chat.simulator import UserModel
from chat.train_unified import MAX_A, pad, training_world
from chat.unified import (
    LEGACY_COLUMNS,
    N_ACTION,
    N_GLOBAL,
    OLD_LAYOUTS,
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
    import chat.unified as unified

    world = tiny_world()
    monkeypatch.setattr(unified, "POLICY_DIR", tmp_path)
    net = QNetwork(8)
    path = tmp_path / f"unified-{world.catalog.name}-seed0.pt"
    save_policy(path, net.state_dict(), 8, world_fingerprint(world), {"seed": 0})
    loaded = UnifiedPolicy.for_setting(world, UserModel(), False, seed=0)
    for a, b in zip(loaded.net.parameters(), net.parameters()):
        assert torch.equal(a, b)
    save_policy(path, net.state_dict(), 8, "someone-else", {"seed": 0})
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


@pytest.mark.parametrize("n_in", [None, 42, N_GLOBAL + N_ACTION])
def test_weights_of_each_layout_read_their_own_columns(tmp_path, monkeypatch, n_in):
    """Weights saved before the lookahead features (no "features" entry), before its turn
    weight (42) and now: each reads its own columns, the older ones at turn weight 0."""
    import chat.unified as unified
    from chat.lookahead import PlanConfig, PlanPolicy

    world = tiny_world()
    monkeypatch.setattr(unified, "POLICY_DIR", tmp_path)
    tuned = PlanPolicy(PlanConfig(margin=0.03, turn_weight=0.5))
    monkeypatch.setattr(unified.PlanPolicy, "for_setting", classmethod(lambda cls, *a: tuned))
    path = tmp_path / f"unified-{world.catalog.name}-seed0.pt"
    columns = {None: LEGACY_COLUMNS, 42: OLD_LAYOUTS[42], N_GLOBAL + N_ACTION: np.arange(N_GLOBAL + N_ACTION)}[n_in]
    net = QNetwork(8, len(columns))
    blob = {"state_dict": net.state_dict(), "hidden": 8, "fingerprint": world_fingerprint(world)}
    torch.save(blob if n_in is None else {**blob, "features": n_in}, path)
    policy = UnifiedPolicy.for_setting(world, UserModel(), False, seed=0)
    assert policy.plan.turn_weight == (0.5 if n_in == N_GLOBAL + N_ACTION else 0.0)
    assert policy.plan.margin == 0.03
    # the legacy columns are the old layout: 18 global, 5 action, the type one-hot
    assert len(LEGACY_COLUMNS) == 18 + 5 + (N_ACTION - 8) and len(OLD_LAYOUTS[42]) == 42
    user, target = pick(world, lambda k: True)
    conv = talk(world, user, target)
    for _ in range(3):
        cand = build_candidates(conv.state, policy.config, policy.plan)
        with torch.no_grad():
            expect = cand.actions[int(torch.argmax(net(torch.from_numpy(cand.features[:, columns]))))]
        assert policy.decide(conv.state) == expect
        conv.step(expect)
        if conv.done:
            break


def test_weights_of_an_unknown_layout_are_refused(tmp_path, monkeypatch):
    import chat.unified as unified

    world = tiny_world()
    monkeypatch.setattr(unified, "POLICY_DIR", tmp_path)
    path = tmp_path / f"unified-{world.catalog.name}-seed0.pt"
    torch.save({"state_dict": QNetwork(8, 17).state_dict(), "hidden": 8, "fingerprint": world_fingerprint(world),
                "features": 17}, path)
    with pytest.raises(ValueError, match="retrain"):
        UnifiedPolicy.for_setting(world, UserModel(), False, seed=0)
