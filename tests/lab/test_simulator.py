"""The simulated user (lab.simulator) against DESIGN.md's protocol, on the tiny hand-built world
(``tests/tiny.py``) driven by scripted actions, so every answer, candidate set, outcome and
reward is worked out by hand from the catalog definition (not from the code under test)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from tiny import N_ITEMS, N_USERS, expected_answer, item_values, knows, mask, pick, talk, tiny_world, vid

from lab.metrics import EpisodeOutcome, summarise
from lab.simulator import REWARDS, draw_targets
from policy.actions import Answer, AskType, AskValue, Recommend
from policy.state import UserModel

# --- the world and the opening -------------------------------------------------------------------

def test_split_gives_one_test_and_one_valid_film_per_user():
    d = tiny_world().data
    assert np.diff(d.test.indptr).tolist() == [1] * N_USERS
    assert np.diff(d.valid.indptr).tolist() == [1] * N_USERS
    assert np.diff(d.train.indptr).tolist() == [13] * N_USERS
    assert len(tiny_world().episodes("test", 0, np.random.default_rng(0))) == N_USERS


@pytest.mark.parametrize("exclude", [False, True], ids=["published", "exclude-history"])
def test_opening_is_a_target_value_and_literal_candidates_are_the_films_having_it(exclude):
    """As published, the user's own training films stay candidates; ``--exclude-history``
    (the chat's choice) removes them."""
    world = dataclasses.replace(tiny_world(), exclude_history=exclude)
    for user, target in world.episodes("test", 0, np.random.default_rng(0)):
        conv = talk(world, user, target, seed=user)
        t, v = world.catalog.attr_values[conv.state.opening]
        assert t in ("genre", "decade") and (t, v) in item_values(target)
        assert conv.state.accepted == [conv.state.opening] and conv.state.turn == 0
        hist = set(world.history(user).tolist())
        expect = [k for k in range(N_ITEMS) if not (exclude and k in hist) and (t, v) in item_values(k)]
        assert exclude or hist & set(expect)  # so keeping the history is a real check
        assert np.flatnonzero(conv.state.candidates).tolist() == expect
        assert np.array_equal(conv.state.allowed, conv.state.candidates)  # literal: lists come from them
        assert conv.state.allowed is not conv.state.candidates  # a copy: policies cannot change the protocol


# --- the literal user ------------------------------------------------------------------------------

@pytest.mark.parametrize("pred", [lambda k: k < 20, lambda k: 20 <= k < 24, lambda k: k >= 24],
                         ids=["all-known", "director-unknown", "director-and-cast-unknown"])
def test_literal_answers_yes_iff_target_has_value_and_dont_know_when_unknown(pred):
    world = tiny_world()
    user, target = pick(world, pred)
    conv = talk(world, user, target)
    for v in range(world.catalog.n_values):
        t, val = world.catalog.attr_values[v]
        got = conv.answer(v)
        assert got is expected_answer(world, (target,), v)
        if not knows(target, t):
            assert got is Answer.DONT_KNOW  # unknown is never "no"


def test_no_leaves_candidates_and_yes_hard_filters():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 4)  # Comedy, 1980s, D0, cast A4 + A7
    conv = talk(world, user, target)
    s = conv.state
    before = s.candidates.copy()
    has_d1 = mask(k for k in range(N_ITEMS) if ("director", "D1") in item_values(k))
    assert (before & has_d1).any()  # so keeping them is a real check
    assert conv.step(AskValue(vid(world, "director", "D1"))) == pytest.approx(REWARDS["ask_no"])
    assert (s.candidates == before).all()  # a "no" removes nothing
    has_a4 = mask(k for k in range(N_ITEMS) if ("cast", "A4") in item_values(k))
    assert (before & ~has_a4).any()  # so the filter has something to remove
    assert conv.step(AskValue(vid(world, "cast", "A4"))) == pytest.approx(REWARDS["ask_yes"])
    assert (s.candidates == (before & has_a4)).all() and s.candidates[target]
    assert s.rejected == [vid(world, "director", "D1")] and s.accepted[1:] == [vid(world, "cast", "A4")]


def test_failed_list_leaves_candidates_and_off_candidate_lists_are_refused():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target)
    s = conv.state
    others = [int(k) for k in np.flatnonzero(s.candidates) if k != target][:2]
    assert others, "need a non-target candidate"
    assert conv.step(Recommend(tuple(others))) == pytest.approx(REWARDS["miss"])
    assert not s.candidates[others].any() and s.shown[others].all() and s.turn == 1 and not conv.done
    with pytest.raises(ValueError):  # shown already
        conv.step(Recommend((others[0], target)))
    with pytest.raises(ValueError):  # in the user's history
        conv.step(Recommend((int(world.history(user)[0]),)))
    lacking = [k for k in range(N_ITEMS) if not s.candidates[k] and k not in world.history(user) and k not in others]
    assert lacking
    with pytest.raises(ValueError):  # lacks the opening value
        conv.step(Recommend((lacking[0],)))
    assert s.turn == 1 and not conv.done  # refused actions change nothing


def test_success_at_action_t_rank_r_ends_the_episode():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target)
    conv.step(AskValue(vid(world, "director", "D0")))  # t = 0
    conv.step(AskValue(vid(world, "cast", "A7")))  # t = 1
    rest = [int(k) for k in np.flatnonzero(conv.state.candidates) if k != target]
    items = tuple(rest[:2] + [target] + rest[2:7])  # target at rank len(rest[:2]) + 1
    assert conv.step(Recommend(items)) == pytest.approx(REWARDS["hit"])
    assert conv.done and conv.outcome == EpisodeOutcome(2, len(rest[:2]) + 1)
    with pytest.raises(RuntimeError):
        conv.step(AskValue(vid(world, "genre", "Drama")))


def test_design_worked_example_rank_one_in_the_first_list():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target)
    conv.step(Recommend((target,)))
    assert conv.outcome == EpisodeOutcome(0, 1)
    s = summarise([conv.outcome])
    assert s["SR@15"] == 1.0 and s["AT"] == 1.0 and s["hDCG"] == pytest.approx(1.0)


def test_opening_is_turn_one_so_fourteen_actions_without_success_fail():
    # DESIGN.md counts the opening as turn 1 of at most 15 and UNICORN's env quits at step 15
    # with the opening at step 0: the system gets t = 0..13; the turn limit lands on the last
    world = tiny_world()
    user, target = pick(world, lambda k: k == 22)  # director unknown: those asks are "don't know"
    conv = talk(world, user, target)
    values = [v for v in range(world.catalog.n_values) if v != conv.state.opening][:14]
    rewards = [conv.step(AskValue(v)) for v in values]
    key = {Answer.YES: "ask_yes", Answer.NO: "ask_no", Answer.DONT_KNOW: "ask_unknown"}
    expect = [REWARDS[key[expected_answer(world, (target,), v)]] for v in values]
    expect[-1] += REWARDS["limit"]
    assert rewards == pytest.approx(expect)
    assert conv.done and conv.outcome == EpisodeOutcome(None) and conv.state.turn == 14
    assert summarise([conv.outcome])["AT"] == 15  # a failure counts 15


def test_rewards_follow_design():
    # DESIGN.md: ask accepted +0.01, ask rejected -0.1, list hit +1, list miss -0.1, turn limit -0.3
    want = {"ask_yes": 0.01, "ask_no": -0.1, "hit": 1.0, "miss": -0.1, "limit": -0.3}
    assert {k: REWARDS[k] for k in want} == want


# --- multi-choice -----------------------------------------------------------------------------------

def test_ask_type_records_each_value_per_the_target():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 22)  # cast A6 + A1 known, director unknown
    conv = talk(world, user, target, multi_choice=True)
    a6, a2, a3 = (vid(world, "cast", c) for c in ("A6", "A2", "A3"))
    r = conv.step(AskType("cast", (a6, a2, a3)))
    assert conv.state.accepted[1:] == [a6] and conv.state.rejected == [a2, a3]
    assert r == pytest.approx((REWARDS["ask_yes"] + 2 * REWARDS["ask_no"]) / 3)
    d0, d1 = vid(world, "director", "D0"), vid(world, "director", "D1")
    conv.step(AskType("director", (d0, d1)))
    assert conv.state.unanswered == [d0, d1]  # unknown type: no "no" for any chip


# --- noisy users ------------------------------------------------------------------------------------

def test_flip_one_inverts_yes_and_no_but_not_dont_know():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 22)
    conv = talk(world, user, target, UserModel(flip=1.0))
    inv = {Answer.YES: Answer.NO, Answer.NO: Answer.YES, Answer.DONT_KNOW: Answer.DONT_KNOW}
    for v in range(world.catalog.n_values):
        assert conv.answer(v) is inv[expected_answer(world, (target,), v)]


def test_dont_know_one_answers_everything_dont_know():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target, UserModel(dont_know=1.0))
    assert {conv.answer(v) for v in range(world.catalog.n_values)} == {Answer.DONT_KNOW}


def test_patience_one_leaves_after_the_first_failed_list():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 4)
    conv = talk(world, user, target, UserModel(patience=1.0))
    other = next(k for k in np.flatnonzero(conv.state.allowed) if k != target)
    assert conv.step(Recommend((int(other),))) == pytest.approx(REWARDS["miss"] + REWARDS["limit"])
    assert conv.done and conv.outcome == EpisodeOutcome(None)


@pytest.mark.parametrize("um", [UserModel(flip=0.1), UserModel(dont_know=0.1), UserModel(patience=0.1),
                                UserModel(targets=2)], ids=["flip", "dont_know", "patience", "targets2"])
@pytest.mark.parametrize("exclude", [False, True], ids=["published", "exclude-history"])
def test_noisy_users_lift_the_hard_filter(um, exclude):
    world = dataclasses.replace(tiny_world(), exclude_history=exclude)
    user, target = pick(world, lambda k: k == 4)
    targets = draw_targets(world, user, target, um, np.random.default_rng(0))
    conv = talk(world, user, targets, um)
    s = conv.state
    blocked = mask(world.history(user)) if exclude else mask([])
    assert (s.allowed == ~blocked).all()
    opening = world.catalog.attr_values[s.opening]
    lacking = next(k for k in range(N_ITEMS) if s.allowed[k] and k not in targets and opening not in item_values(k))
    conv.step(AskValue(vid(world, "decade", "1990s")))  # even after more answers, no filter
    conv.step(Recommend((lacking,)))  # an item lacking the accepted opening value is allowed
    if not conv.done:
        assert (s.allowed == ~(blocked | mask([lacking]))).all()


def opening_of(k: int) -> set[tuple[str, str]]:
    return {(t, v) for t, v in item_values(k) if t in ("genre", "decade")}


def test_two_targets_are_paired_as_mcmipl_by_a_shared_opening_value():
    """The second wanted film shares a genre or decade with the first, the opening is one they
    share, and test pairs whose user has no such film are left out of the episodes."""
    world = tiny_world()
    rng = np.random.default_rng(0)
    singles = world.episodes("test", 0, rng)
    pairs = world.episodes("test", 0, rng, targets=2)
    for user, target in singles:  # each user has one test and one valid film: the only possible partner
        valid = int(world.data.valid[user].indices[0])
        shared = opening_of(target) & opening_of(valid)
        assert ((user, target) in pairs) == bool(shared)
        targets = draw_targets(world, user, target, UserModel(targets=2), np.random.default_rng(0))
        assert targets == ((target, valid) if shared else (target,))
        if shared:
            conv = talk(world, user, targets, UserModel(targets=2), seed=user)
            assert world.catalog.attr_values[conv.state.opening] in shared
    assert 0 < len(pairs) < len(singles)  # both kinds occur, so the check above is a real one


def test_two_targets_yes_if_either_has_it_and_either_succeeds():
    world = tiny_world()
    user, target = world.episodes("test", 0, np.random.default_rng(0), targets=2)[0]
    valid = int(world.data.valid[user].indices[0])
    assert draw_targets(world, user, target, UserModel(), np.random.default_rng(0)) == (target,)
    targets = draw_targets(world, user, target, UserModel(targets=2), np.random.default_rng(0))
    assert targets == (target, valid) and target != valid  # the user's only other test/valid film
    conv = talk(world, user, targets, UserModel(targets=2))
    for v in range(world.catalog.n_values):
        assert conv.answer(v) is expected_answer(world, targets, v)
    conv.step(Recommend((valid,)))
    assert conv.outcome == EpisodeOutcome(0, 1)


def test_two_targets_for_a_valid_episode_never_use_a_test_film():
    world = tiny_world()
    user = 0
    target = int(world.data.valid[user].indices[0])
    targets = draw_targets(world, user, target, UserModel(targets=2), np.random.default_rng(0), split="valid")
    assert int(world.data.test[user].indices[0]) not in targets


def test_actions_outside_the_protocol_are_refused():
    world = tiny_world()
    user, target = pick(world, lambda k: k == 22)
    conv = talk(world, user, target)
    allowed = np.flatnonzero(conv.state.allowed)
    with pytest.raises(ValueError, match="distinct"):
        conv.step(Recommend((int(allowed[0]), int(allowed[0]))))  # duplicates
    with pytest.raises(ValueError, match="distinct"):
        conv.step(Recommend(tuple(range(11))))  # longer than 10
    with pytest.raises(ValueError, match="already asked"):
        conv.step(AskValue(conv.state.opening))  # the opening counts as asked
    with pytest.raises(ValueError, match="chips"):
        conv.step(AskType("cast", (vid(world, "cast", "A6"), vid(world, "genre", world.catalog.attr_values[0][1]))))
    assert conv.state.turn == 0  # nothing was applied
