"""The one-step lookahead (chat.lookahead) on the tiny world: the recommend-only rollout is
the belief mass of the next lists, and a question's value is built from exactly the beliefs
chat.beliefs will hold after each answer."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from test_simulator import pick, talk, tiny_world

from chat.actions import Answer, AskValue, Recommend
from chat.beliefs import BeliefConfig, log_beliefs, normalise
from chat.lookahead import PlanConfig, PlanPolicy, lookahead, rollout_value, worth
from chat.policies import candidate_values
from chat.simulator import UserModel


def test_rollout_is_the_mass_of_the_next_lists_discounted_by_patience():
    rng = np.random.default_rng(0)
    b = rng.random((3, 57))
    b /= b.sum(1, keepdims=True)
    s = -np.sort(-b, axis=1)
    np.testing.assert_allclose(rollout_value(b, 2, 0.0), s[:, :20].sum(1))
    np.testing.assert_allclose(rollout_value(b, 2, 0.3), s[:, :10].sum(1) + 0.7 * s[:, 10:20].sum(1))
    np.testing.assert_allclose(rollout_value(b, 9, 0.0), 1.0)  # more lists than items: everything
    assert (rollout_value(b, 0, 0.0) == 0).all()


def test_turn_weight_values_an_early_success_over_a_late_one():
    rng = np.random.default_rng(1)
    b = rng.random((2, 40))
    b /= b.sum(1, keepdims=True)
    s = -np.sort(-b, axis=1)
    m = [s[:, 10 * j : 10 * j + 10].sum(1) for j in range(3)]
    np.testing.assert_allclose(worth(3, 0.0), [1, 1, 1])
    np.testing.assert_allclose(worth(3, 1.0), [1, 2 / 3, 1 / 3])  # turns saved against failing, over R
    np.testing.assert_allclose(rollout_value(b, 3, 0.3, worth(3, 1.0)), m[0] + 0.7 * m[1] * 2 / 3 + 0.49 * m[2] / 3)
    # with λ = 1, R · V_rec = 16 - E[AT'] - t on a 15-turn budget (a failure counting 16), here from t = 12
    p_at = {13: m[0], 14: 0.7 * m[1], 15: 0.49 * m[2]}
    fail = 1 - sum(p_at.values())
    expected_at = sum(at * p for at, p in p_at.items()) + 16 * fail
    np.testing.assert_allclose(3 * rollout_value(b, 3, 0.3, worth(3, 1.0)), 16 - expected_at)


def _after(state, value: int, answer: Answer):
    s = copy.deepcopy(state)
    {Answer.YES: s.accepted, Answer.NO: s.rejected, Answer.DONT_KNOW: s.unanswered}[answer].append(value)
    s.turn += 1
    return s


@pytest.mark.parametrize("um,turn_weight", [(UserModel(), 0.0), (UserModel(flip=0.1, dont_know=0.2, patience=0.3), 0.0),
                                             (UserModel(flip=0.1, dont_know=0.2, patience=0.3), 0.6)])
def test_question_value_uses_the_posterior_beliefs_will_hold(um, turn_weight):
    world = tiny_world("ease")
    user, target = pick(world, lambda k: k == 4)
    state = talk(world, user, target, um).state
    cfg = PlanConfig(BeliefConfig(0.7, 0.1 if um.noisy else 0.0), 0.0, um.patience, um.dont_know,
                     turn_weight=turn_weight)
    b = normalise(log_beliefs(state, cfg.beliefs))
    values = candidate_values(state, b)
    assert values.size
    la = lookahead(state, b, values, cfg)
    R = state.max_actions - state.turn
    u = worth(R, turn_weight)  # after a question every list comes one turn later: u[1:]
    assert la.v_rec == pytest.approx(rollout_value(b[None], R, um.patience, u)[0])
    assert la.v_rec_next == pytest.approx(rollout_value(b[None], R - 1, um.patience, u[1:])[0])
    eps, d = cfg.beliefs.error, um.dont_know
    for k, v in enumerate(values):
        after = {a: normalise(log_beliefs(_after(state, int(v), a), cfg.beliefs)) for a in (Answer.YES, Answer.NO)}
        value = {a: rollout_value(after[a][None], R - 1, um.patience, u[1:])[0] for a in after}
        # the answer model item by item: unknown type -> "don't know"; else d, then a flip w.p. ε
        p_yes = p_no = 0.0
        for i in np.flatnonzero(b > 0):
            if world.knows(i, int(v)):
                yes = (1 - eps) if world.has(i, int(v)) else eps
                p_yes += b[i] * (1 - d) * yes
                p_no += b[i] * (1 - d) * (1 - yes)
        assert la.p_yes[k] == pytest.approx(p_yes)
        expect = p_yes * value[Answer.YES] + p_no * value[Answer.NO] + (1 - p_yes - p_no) * la.v_rec_next
        assert la.v_ask[k] == pytest.approx(expect)


def test_plan_asks_when_a_question_pays_and_recommends_when_nothing_does():
    world = tiny_world("ease")
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target)
    eager, never = PlanPolicy(PlanConfig(margin=0.0)), PlanPolicy(PlanConfig(margin=1.0))
    assert isinstance(never.decide(conv.state), Recommend)  # no question gains a whole episode
    state = conv.state
    b = normalise(log_beliefs(state, eager.config.beliefs))
    la = lookahead(state, b, candidate_values(state, b), eager.config)
    action = eager.decide(state)
    if la.v_ask.max() > la.v_rec:
        assert isinstance(action, AskValue) and action.value == int(la.values[np.argmax(la.v_ask)])
    else:
        assert isinstance(action, Recommend)


def test_plan_config_rejects_bad_rates():
    with pytest.raises(ValueError, match="patience"):
        PlanConfig(patience=1.0)
    with pytest.raises(ValueError, match="margin"):
        PlanConfig(margin=-0.1)
    with pytest.raises(ValueError, match="turn_weight"):
        PlanConfig(turn_weight=1.5)
