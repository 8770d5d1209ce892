"""Policies (policy.rule), the beliefs they share (policy.beliefs) and the simulate CLI
(lab.simulate) on the tiny hand-built world (tests/tiny.py): every policy plays legal
episodes under literal and noisy users, ``rule`` beats ``random``, ``maxent`` recommends once
<= 10 candidates remain, and answers move beliefs as policy.beliefs documents."""

from __future__ import annotations

import json

import numpy as np
import pytest

# the tiny world (tests/ is on sys.path: pytest's default rootdir import mode, no __init__.py)
from tiny import N_ITEMS, item_values, knows, pick, talk, tiny_catalog, tiny_world, vid

from lab.metrics import summarise
from lab.simulate import main, make_policy, run_episodes
from lab.simulator import Conversation, draw_targets
from policy.actions import AskType, AskValue, Recommend
from policy.baselines import MaxEntPolicy
from policy.beliefs import BeliefConfig, log_beliefs, normalise, value_information
from policy.registry import POLICIES
from policy.rule import LIST_SIZE, RuleConfig, RulePolicy
from policy.state import UserModel
from policy.world import build_world
from recsys.folder import load_folder, save_folder

SETTINGS = {  # name -> (user model, multi-choice)
    "literal": (UserModel(), False),
    "combined-noise": (UserModel(flip=0.2, dont_know=0.2, patience=0.3), False),
    "two-targets": (UserModel(targets=2), False),
    "multi-choice": (UserModel(), True),
    "noisy-multi-choice": (UserModel(flip=0.1, dont_know=0.1), True),
}


def check_action(world, state, action) -> None:
    """The contract every policy keeps: a known Action; lists of 1..10 distinct allowed items;
    questions only about askable values not asked before (one type per multi-choice question)."""
    askable = set(world.askable_values().tolist())
    if isinstance(action, Recommend):
        items = [int(i) for i in action.items]
        assert 1 <= len(items) <= LIST_SIZE and len(set(items)) == len(items)
        assert state.allowed[items].all()
    elif isinstance(action, AskValue):
        assert action.value in askable and action.value not in state.asked
    elif isinstance(action, AskType):
        assert state.multi_choice and action.values
        assert all(v in askable and v not in state.asked for v in action.values)
        types = {world.catalog.attr_values[v][0] for v in action.values}
        assert types == {action.attr_type}
    else:
        raise AssertionError(f"not an Action: {action!r}")


# every registered policy that needs no trained weights or tuned one-SE pick
UNTRAINED = [name for name in POLICIES if name not in ("unified", "rule-one-se")]

# --- every policy, every user setting --------------------------------------------------------------

@pytest.mark.parametrize("setting", list(SETTINGS))
@pytest.mark.parametrize("name", UNTRAINED)
def test_policy_plays_legal_episodes(name, setting):
    world = tiny_world("ease")
    um, mc = SETTINGS[setting]
    policy = make_policy(name, world, um, seed=0, multi_choice=mc)
    for k, (user, target) in enumerate(world.episodes("test", 12, np.random.default_rng(1))):
        rng = np.random.default_rng([0, k])
        conv = Conversation(world, user, draw_targets(world, user, target, um, rng), um, rng, mc)
        while not conv.done:
            s = conv.state
            allowed, accepted, rejected = s.allowed.copy(), list(s.accepted), list(s.rejected)
            action = policy.decide(s)
            check_action(world, s, action)
            # policies must not mutate the state they read
            assert (s.allowed == allowed).all() and s.accepted == accepted and s.rejected == rejected
            conv.step(action)
        assert conv.state.turn <= 15 and conv.outcome is not None


@pytest.mark.parametrize("name", UNTRAINED)
def test_lists_are_as_long_as_the_state_shows(name):
    """With lists of 3 (the chat app shows 5 cards, not 10) every policy recommends 3 films:
    the simulator refuses longer lists, and a short one is filled."""
    world = tiny_world("ease")
    um = UserModel(flip=0.1)
    policy = make_policy(name, world, um, seed=0, multi_choice=False)
    lists = 0
    for k, (user, target) in enumerate(world.episodes("test", 8, np.random.default_rng(1))):
        rng = np.random.default_rng([0, k])
        conv = Conversation(world, user, (target,), um, rng, list_size=3)
        while not conv.done:
            action = policy.decide(conv.state)
            if isinstance(action, Recommend):  # 3, or what is left of the tiny world's films
                assert len(action.items) == min(3, int(conv.state.allowed.sum()))
                lists += 1
            conv.step(action)
    assert lists


def test_the_rule_thresholds_the_mass_of_the_list_it_would_show():
    """The rule recommends once a list's worth of films holds ``threshold`` of the belief mass:
    a threshold between the top 3's mass and the top 10's asks with lists of 3 and recommends
    with lists of 10."""
    world = tiny_world("ease", ("language",))  # "English": every film, so beliefs stay spread
    user, target = pick(world, lambda k: k == 4)
    beliefs = BeliefConfig(0.7, 0.1)
    decisions = {}
    for size in (3, 10):
        state = talk(world, user, target, UserModel(flip=0.1), list_size=size).state
        b = np.sort(normalise(log_beliefs(state, beliefs)))[::-1]
        assert b[:3].sum() < b[:10].sum() - 0.05
        threshold = (b[:3].sum() + b[:10].sum()) / 2
        decisions[size] = RulePolicy(RuleConfig(beliefs, threshold)).decide(state)
    assert isinstance(decisions[3], AskValue)
    assert isinstance(decisions[10], Recommend) and len(decisions[10].items) == 10


@pytest.mark.parametrize("open_types", [("genre", "decade"), ("language",)], ids=["genre-decade", "english"])
@pytest.mark.parametrize("um", [UserModel(), UserModel(flip=0.2)], ids=["literal", "flip0.2"])
def test_rule_beats_random(open_types, um):
    # all 40 test episodes of the tiny world (one per user); the "English" opening leaves all
    # 17 non-history films, so finding the target takes more than the opening
    world = tiny_world("ease", open_types)
    episodes = world.episodes("test", 0, np.random.default_rng(0))
    assert len(episodes) == 40
    res = {n: summarise(run_episodes(world, make_policy(n, world, um, 0, False), episodes, um, seed=0,
                                     multi_choice=False))
           for n in ("rule", "random")}
    assert res["rule"]["SR@15"] > res["random"]["SR@15"] or res["rule"]["AT"] < res["random"]["AT"]
    assert res["rule"]["SR@15"] >= res["random"]["SR@15"]


def test_maxent_recommends_once_at_most_ten_candidates_remain():
    # Opening "English", which every film has: 17 non-history candidates, so maxent must ask
    # first; thereafter it recommends exactly when <= 10 films survive every answer (hard).
    world = tiny_world("pop", ("language",))
    policy = MaxEntPolicy()
    asked_first = recommended = 0
    for user, target in world.episodes("test", 0, np.random.default_rng(0))[:15]:
        conv = talk(world, user, target, seed=user)
        hist = set(world.history(user).tolist())
        while not conv.done:
            s = conv.state
            rejected = [world.catalog.attr_values[v] for v in s.rejected]
            accepted = [world.catalog.attr_values[v] for v in s.accepted]
            remaining = [k for k in range(N_ITEMS) if k not in hist and not s.shown[k]
                         and all(a in item_values(k) for a in accepted)
                         and not any(r in item_values(k) for r in rejected)]
            action = policy.decide(s)
            if s.turn == 0:
                assert len(remaining) > LIST_SIZE and isinstance(action, AskValue)
                asked_first += 1
            if len(remaining) <= LIST_SIZE:
                assert isinstance(action, Recommend)
                assert set(remaining) <= {int(i) for i in action.items}  # all survivors listed
            elif s.turn < s.max_turns - 1 and isinstance(action, Recommend):
                # only when no question is left that any surviving film could answer "yes" to
                assert not any(world.has(k, v) for k in remaining for v in world.askable_values()
                               if v not in s.asked)
            recommended += isinstance(action, Recommend)
            conv.step(action)
    assert asked_first == 15 and recommended > 0


# --- beliefs ------------------------------------------------------------------------------------------

def rejected_state():
    """Opening "English" (every film has it), so the literal candidates are all 17 non-history
    films; target film 4 (D0); the user rejects director D1, which films 1, 5, 9, 13, 17 have;
    films 20..29 have no director data. Returns the state and the log-beliefs before the no."""
    world = tiny_world("ease", ("language",))
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target)
    before = {e: log_beliefs(conv.state, BeliefConfig(0.5, e)) for e in (0.0, 0.1)}
    conv.step(AskValue(vid(world, "director", "D1")))
    assert conv.state.rejected == [vid(world, "director", "D1")]
    return conv.state, before


def test_hard_beliefs_rule_out_rejected_value_and_soft_ones_lower_it():
    s, before = rejected_state()
    allowed = s.allowed
    has_d1 = np.array([("director", "D1") in item_values(k) for k in range(N_ITEMS)])
    unknown = np.array([not knows(k, "director") for k in range(N_ITEMS)])
    lacks = allowed & ~has_d1 & ~unknown
    assert (allowed & has_d1).any() and (allowed & unknown).any() and lacks.any()
    hard = log_beliefs(s, BeliefConfig(0.5, 0.0))
    assert np.isneginf(hard[allowed & has_d1]).all()
    assert np.isneginf(hard[~allowed]).all()
    # ε = 0: known-and-lacking films keep their belief, unknown ones get the neutral log 1/2
    np.testing.assert_allclose(hard[lacks], before[0.0][lacks])
    np.testing.assert_allclose(hard[allowed & unknown], before[0.0][allowed & unknown] + np.log(0.5))
    soft = log_beliefs(s, BeliefConfig(0.5, 0.1))
    assert np.isfinite(soft[allowed]).all()
    # ε = 0.1: having the rejected value costs log 0.1, lacking it log 0.9 (a no is a 10% lie)
    np.testing.assert_allclose(soft[allowed & has_d1], before[0.1][allowed & has_d1] + np.log(0.1), rtol=1e-6)
    np.testing.assert_allclose(soft[lacks], before[0.1][lacks] + np.log(0.9), rtol=1e-6)
    assert (soft[allowed & has_d1] < before[0.1][allowed & has_d1]).all()


def test_noisy_beliefs_read_accepted_values_as_evidence_not_a_filter():
    # with a noisy user, soft beliefs keep films lacking the opening value finite (but lower)
    world = tiny_world("ease")
    user, target = pick(world, lambda k: k == 4)
    s = talk(world, user, target, UserModel(flip=0.1)).state
    soft = log_beliefs(s, BeliefConfig(0.5, 0.1))
    opening = world.catalog.attr_values[s.opening]
    lacking = [k for k in range(N_ITEMS) if s.allowed[k] and opening not in item_values(k)]
    assert lacking and np.isfinite(soft[lacking]).all()
    assert np.isneginf(log_beliefs(s, BeliefConfig(0.5, 0.0))[lacking]).all()


def test_trusting_the_opening_rules_out_films_lacking_it_and_nothing_else():
    world = tiny_world("ease")
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target, UserModel(flip=0.1))
    conv.step(AskValue(vid(world, "cast", "A4")))  # an answer after the opening stays soft
    s = conv.state
    soft, trusted = log_beliefs(s, BeliefConfig(0.5, 0.1)), log_beliefs(s, BeliefConfig(0.5, 0.1, True))
    opening = world.catalog.attr_values[s.opening]
    has = np.array([opening in item_values(k) for k in range(N_ITEMS)])
    type_known = np.array([knows(k, opening[0]) for k in range(N_ITEMS)])
    lacking = s.allowed & ~has & type_known
    assert lacking.any() and np.isneginf(trusted[lacking]).all() and np.isfinite(soft[lacking]).all()
    # films having the opening keep their soft belief up to one shared constant (log 1 vs log 0.9)
    keep = s.allowed & has
    np.testing.assert_allclose(trusted[keep] - soft[keep], -np.log(0.9), rtol=1e-6)
    assert target in np.flatnonzero(np.isfinite(trusted))


def test_value_information_is_zero_for_a_value_every_candidate_has():
    world = tiny_world("ease")
    user, target = pick(world, lambda k: k == 4)
    s = talk(world, user, target).state
    b = normalise(log_beliefs(s, BeliefConfig()))
    english, a4 = vid(world, "language", "English"), vid(world, "cast", "A4")
    info = value_information(s, b, np.array([english, a4]))
    assert info[0] == pytest.approx(0.0, abs=1e-9)
    assert 0 < info[1] <= 1  # A4 splits the candidates: some bits, at most one
    # a value no candidate has is also worthless
    absent = [v for v in world.askable_values() if not (b @ world.item_attr[:, [v]].toarray()).any()]
    if absent:
        assert value_information(s, b, np.array(absent[:1]))[0] == pytest.approx(0.0, abs=1e-9)


# --- the simulate CLI ---------------------------------------------------------------------------------

def test_simulate_cli_on_a_folder_dataset(tmp_path):
    folder = tmp_path / "tinysim"
    save_folder(tiny_catalog(), folder)
    out = tmp_path / "out.json"
    rc = main(["--dataset", str(folder), "--policy", "recommend,rule", "--episodes", "20", "--seeds", "2",
               "--json", str(out)])
    assert rc == 0
    payload = json.loads(out.read_text())
    assert payload["protocol"]["episodes_per_seed"] == [20, 20] and payload["protocol"]["hard_filter"] is True
    assert set(payload["results"]) == {"recommend", "rule"}
    for name in ("recommend", "rule"):
        for metric in ("SR@15", "AT", "hDCG"):
            cell = payload["results"][name][metric]
            assert set(cell) == {"mean", "std"} and all(isinstance(x, float) for x in cell.values())
        assert 0 <= payload["results"][name]["SR@15"]["mean"] <= 1
        assert 1 <= payload["results"][name]["AT"]["mean"] <= 15


def test_simulate_cli_runs_several_settings_and_compares_the_history_rule(tmp_path, capsys):
    """``--settings`` runs named user settings in one command (one row per setting and policy);
    ``--compare-history`` runs each policy again with the history excluded on the same
    episodes and reports the paired difference."""
    folder = tmp_path / "tinysim"
    save_folder(tiny_catalog(), folder)
    out = tmp_path / "out.json"
    assert main(["--dataset", str(folder), "--policy", "recommend,rule", "--settings", "literal,flip 0.1",
                 "--compare-history", "--episodes", "20", "--seeds", "1", "--json", str(out)]) == 0
    payload = json.loads(out.read_text())
    assert set(payload["results"]) == {f"{s}: {p}{h}" for s in ("literal", "flip 0.1") for p in ("recommend", "rule")
                                       for h in ("", " (history excluded)")}
    assert {"literal: recommend: published - history excluded",
            "flip 0.1: rule - rule"} - set(payload["comparisons"]) == {"flip 0.1: rule - rule"}
    assert payload["protocol"]["settings"]["flip 0.1"]["flip"] == 0.1
    assert payload["protocol"]["settings"]["literal"]["hard_filter"] is True
    assert "all settings" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--dataset", str(folder), "--settings", "literal", "--flip", "0.1"])


def test_hard_beliefs_ablation_zeroes_only_the_error_rate():
    world = tiny_world("ease")
    um = UserModel(flip=0.1)
    tuned, hard = make_policy("rule", world, um, 0, False), make_policy("rule", world, um, 0, False, "hard")
    assert tuned.config.beliefs.error > 0 and hard.config.beliefs.error == 0
    assert hard.config.threshold == tuned.config.threshold
    assert hard.config.beliefs.temperature == tuned.config.beliefs.temperature
    with pytest.raises(ValueError, match="tuned or hard"):
        make_policy("rule", world, um, 0, False, "soft")


def test_simulate_cli_rejects_an_unknown_policy(tmp_path):
    folder = tmp_path / "tinysim"
    save_folder(tiny_catalog(), folder)
    with pytest.raises(SystemExit) as exc:
        main(["--dataset", str(folder), "--policy", "rule,nosuchpolicy", "--episodes", "5", "--seeds", "1"])
    assert exc.value.code == 2


def test_opening_refinement_keeps_the_better_configuration(monkeypatch):
    import lab.tune as tune_rule

    scores = {False: {"SR@15": 0.8, "AT": 9.0}, True: {"SR@15": 0.85, "AT": 8.0}}
    monkeypatch.setattr(tune_rule, "run_episodes", lambda world, policy, *a, **k: policy.config.beliefs.trust_opening)
    monkeypatch.setattr(tune_rule, "summarise", lambda trusted: scores[trusted])
    entry = {"temperature": 1.2, "threshold": 0.3, "error": 0.05, "trust_opening": False, "valid": scores[False],
             "setting": "combined"}
    better = tune_rule.refine_opening(None, [], UserModel(flip=0.1), False, entry)
    assert better["trust_opening"] is True and better["valid"] == scores[True]
    assert better["valid_untrusted"] == scores[False] and better["temperature"] == 1.2
    scores[True] = {"SR@15": 0.8, "AT": 9.5}  # worse on the tie-breaker: stay untrusted
    kept = tune_rule.refine_opening(None, [], UserModel(flip=0.1), False, entry)
    assert kept["trust_opening"] is False and kept["valid"] == scores[False] and kept["valid_trusted"] == scores[True]


def test_rule_tuning_widens_a_grid_whose_best_sits_on_its_edge():
    from lab.tune import widened

    temps, thresholds = [0.6, 1.2, 2.4, 4.8], [0.1, 0.3, 0.7]
    assert widened(temps, thresholds, 4.8, 0.3) and temps[-1] == 9.6 and thresholds == [0.1, 0.3, 0.7]
    assert widened(temps, thresholds, 0.6, 0.7) and temps[-1] == 0.3 and thresholds[-1] == 0.8
    assert widened(temps, thresholds, 2.4, 0.1) and thresholds[-1] == 0.05
    assert not widened(temps, thresholds, 2.4, 0.3)  # inside: nothing to add
    assert not widened([1.0, 2.0, 4.0], [0.2, 0.9], 2.0, 0.9)  # a threshold cannot pass 1


def test_rule_tuning_records_its_grid_and_the_one_se_alternative(monkeypatch):
    """The rule keeps its own pick (SR@15, then AT) and records every configuration and the
    one the one-SE rule would choose, trusting the opening where that helps it too."""
    import lab.tune as tune_rule

    def score(c):  # success rises with the threshold, and so do turns; trusting the opening saves a turn
        thr, trust = c.threshold, c.beliefs.trust_opening
        sr = 0.97 if thr >= 0.7 else 0.965 if thr >= 0.5 else 0.9
        return {"SR@15": sr - 0.01 * (c.beliefs.temperature != 1.2), "AT": 4 + 5 * thr - trust}

    monkeypatch.setattr(tune_rule, "run_episodes", lambda world, policy, *a, **k: policy.config)
    monkeypatch.setattr(tune_rule, "summarise", score)
    entry = tune_rule.tune(None, [0] * 300, UserModel(flip=0.1), False, "flip 0.1")
    assert (entry["temperature"], entry["threshold"], entry["trust_opening"]) == (1.2, 0.7, True)  # best SR@15
    # the threshold 0.7 sat on the edge: widened once to 0.8, which did no better
    assert entry["grid"]["threshold"][-1] == 0.8
    assert len(entry["tried"]) == len(tune_rule.TEMPERATURES) * (len(tune_rule.THRESHOLDS) + 1) * len(tune_rule.ERRORS)
    alt = entry["one_se"]  # SE at 0.97 of 300 is 0.0098: threshold 0.5's 0.965 is within, in fewer turns
    assert (alt["temperature"], alt["threshold"], alt["trust_opening"]) == (1.2, 0.5, True)
    assert alt["valid"] == {"SR@15": 0.965, "AT": 5.5}


def test_plan_tuning_takes_the_fewest_turns_within_one_standard_error_of_the_best():
    from lab.metrics import one_se_best

    tried = {(0.0, 0.0): {"SR@15": 0.973, "AT": 8.37}, (0.5, 0.0): {"SR@15": 0.967, "AT": 4.54},
             (1.0, 0.0): {"SR@15": 0.957, "AT": 3.94}, (1.0, 0.04): {"SR@15": 0.900, "AT": 3.00}}
    # SE at 0.973 of 300 is 0.0094: 0.967 is within, 0.957 is not
    assert one_se_best(tried, 300) == (0.5, 0.0)
    # everything perfect: the standard error is floored at one episode, and the fewest turns win
    perfect = {(0.0, 0.0): {"SR@15": 1.0, "AT": 4.0}, (0.5, 0.0): {"SR@15": 0.997, "AT": 3.1},
               (1.0, 0.0): {"SR@15": 0.99, "AT": 2.0}}
    assert one_se_best(perfect, 300) == (0.5, 0.0)


def _fake_plan_runs(monkeypatch, at):
    """tune_plan on a fake simulator: success flat at 0.99, turns ``at(config)``; returns the
    configurations run, in order."""
    import lab.tune as tune_rule
    from policy.plan import PlanConfig, PlanPolicy

    runs = []
    monkeypatch.setattr(tune_rule.PlanPolicy, "for_setting", classmethod(lambda cls, *a: PlanPolicy(PlanConfig())))
    monkeypatch.setattr(tune_rule, "run_episodes",
                        lambda world, policy, *a, **k: runs.append(policy.config) or policy.config)
    monkeypatch.setattr(tune_rule, "summarise", lambda c: {"SR@15": 0.99, "AT": at(c)})
    return runs


def test_plan_tuning_grids_turn_weight_and_margin_and_widens_the_margin(monkeypatch):
    import lab.tune as tune_rule

    # turns fall with the margin up to 0.08, and the turn weight helps a little; sharpness and depth do not
    runs = _fake_plan_runs(monkeypatch, lambda c: 5 - c.turn_weight - 10 * min(c.margin, 0.08))
    entry = tune_rule.tune_plan(None, [0] * 300, UserModel(), False, "literal")
    assert (entry["turn_weight"], entry["margin"], entry["sharpness"], entry["depth"]) == (1.0, 0.08, 1.0, 1)
    assert entry["grid"]["margin"] == [0.0, 0.01, 0.02, 0.04, 0.08, 0.16]  # widened past 0.04, then 0.08 stayed best
    # stage 2 at the pick: the other sharpnesses and depth 2; a tie keeps the first tried
    n_grid = len(tune_rule.TURN_WEIGHTS) * 6
    assert len(entry["tried"]) == len(runs) == n_grid + len(tune_rule.SHARPNESS) - 1 + 1
    assert {(c.sharpness, c.depth) for c in runs[n_grid:]} == {(a, 1) for a in (0.5, 0.75, 1.5, 2.0)} | {(1.0, 2)}


def test_plan_tuning_regrids_where_sharpness_helps_and_reuses_what_was_scored(monkeypatch):
    import lab.tune as tune_rule

    at = lambda c: 5 - c.turn_weight - 10 * min(c.margin, 0.04) - (c.sharpness == 1.5)  # noqa: E731
    runs = _fake_plan_runs(monkeypatch, at)
    entry = tune_rule.tune_plan(None, [0] * 300, UserModel(), False, "literal")
    assert (entry["turn_weight"], entry["margin"], entry["sharpness"], entry["depth"]) == (1.0, 0.04, 1.5, 1)
    stage3 = [c for c in runs if c.sharpness == 1.5]
    assert len(stage3) == len(tune_rule.TURN_WEIGHTS) * len(entry["grid"]["margin"])  # the grid again at α = 1.5
    # run again with this entry as the previous one: nothing is run twice, the same pick
    runs.clear()
    again = tune_rule.tune_plan(None, [0] * 300, UserModel(), False, "literal", previous=entry)
    assert runs == [] and again["tried"] == entry["tried"]
    assert (again["turn_weight"], again["margin"], again["sharpness"]) == (1.0, 0.04, 1.5)


def test_an_untuned_multi_choice_setting_takes_its_users_single_choice_entry(tmp_path, monkeypatch):
    import policy.tuned as policies
    from policy.tuned import setting_key, tuned_entry

    world = tiny_world()
    monkeypatch.setattr(policies, "POLICY_DIR", tmp_path)
    flip, literal = UserModel(flip=0.1), UserModel()
    settings = {setting_key(flip, False): {"margin": 0.01}, setting_key(literal, True): {"margin": 0.04},
                setting_key(literal, False): {"margin": 0.02}}
    (tmp_path / f"plan-{world.catalog.name}.json").write_text(json.dumps({"settings": settings}))
    assert tuned_entry("plan", world, flip, True) == {"margin": 0.01}  # no multi-choice entry of its own
    assert tuned_entry("plan", world, literal, True) == {"margin": 0.04}  # its own entry wins
    assert tuned_entry("plan", world, UserModel(patience=0.3), True) is None  # neither tuned
    assert tuned_entry("rule", world, flip, False) is None  # no file


def test_simulate_runs_the_rules_one_se_pick_on_request(tmp_path, monkeypatch):
    import policy.tuned as policies
    from lab.simulate import make_policy
    from policy.tuned import setting_key

    world = tiny_world()
    monkeypatch.setattr(policies, "POLICY_DIR", tmp_path)
    um = UserModel(flip=0.1)
    entry = {"temperature": 2.4, "threshold": 0.3, "error": 0.05, "trust_opening": True}
    path = tmp_path / f"rule-{world.catalog.name}.json"
    path.write_text(json.dumps({"settings": {setting_key(um, False): entry}}))
    with pytest.raises(ValueError, match="one-SE pick"):
        make_policy("rule-one-se", world, um, 0, False)
    alt = {"temperature": 1.2, "threshold": 0.1, "error": 0.15, "trust_opening": False}
    path.write_text(json.dumps({"settings": {setting_key(um, False): {**entry, "one_se": alt}}}))
    assert make_policy("rule", world, um, 0, False).config == RuleConfig(BeliefConfig(2.4, 0.05, True), 0.3)
    assert make_policy("rule-one-se", world, um, 0, False).config == RuleConfig(BeliefConfig(1.2, 0.15), 0.1)


def test_simulate_cli_compares_every_policy_with_both_bars(tmp_path, monkeypatch, capsys):
    import policy.tuned as policies
    from policy.tuned import setting_key

    folder = tmp_path / "tinysim"
    save_folder(tiny_catalog(), folder)
    monkeypatch.setattr(policies, "POLICY_DIR", tmp_path)
    entry = {"temperature": 1.2, "threshold": 0.5, "error": 0.0}
    world = build_world(load_folder(folder))  # a folder's files are named and checked by its key
    rule_file = tmp_path / f"rule-{world.artifact_key}.json"
    rule_file.write_text(json.dumps({"settings": {setting_key(UserModel(), False): entry}, "key": world.key()}))
    args = ["--dataset", str(folder), "--policy", "recommend,rule,rule-one-se", "--episodes", "10", "--seeds", "1"]
    with pytest.raises(SystemExit) as exc:  # no one-SE pick on file: a clear error, not a traceback
        main(args)
    assert exc.value.code == 2 and "one-SE pick" in capsys.readouterr().err
    rule_file.write_text(json.dumps({"settings": {setting_key(UserModel(), False): {
        **entry, "one_se": {"temperature": 2.4, "threshold": 0.1, "error": 0.0}}}, "key": world.key()}))
    out = tmp_path / "out.json"
    assert main([*args, "--json", str(out)]) == 0
    comparisons = json.loads(out.read_text())["comparisons"]
    assert set(comparisons) == {"recommend - rule", "rule-one-se - rule", "recommend - rule-one-se"}
