"""The simulator against a second, deliberately plain implementation of the published protocol
(EAR / SCPR / UNICORN, DESIGN.md), written here with Python sets on a random synthetic
catalog: candidates after each answer, the success turn and rank, and the metrics, for the
fixed policies ``recommend`` and ``maxent``. Both must agree episode by episode.

The plain version shares nothing with ``lab.simulator`` but the policy being driven (it
builds the policy's state from its own bookkeeping) and the seeded draw of the opening."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lab.metrics import summarise
from lab.simulate import make_policy, run_episodes
from policy.actions import Answer, AskValue, Recommend
from policy.state import DialogueState, UserModel
from policy.world import build_world
from recsys.catalog import build_catalog

MAX_TURNS, LIST = 15, 10


def synthetic_catalog(seed: int = 11):
    """240 items; genre (2 of 8), decade (1 of 5) and a 'mood' type (1-2 of 12) known for only
    two thirds of the items; 150 users with 12-30 liked items drawn with a taste for genres."""
    rng = np.random.default_rng(seed)
    n_items, n_users = 240, 150
    items = [(f"s{k}", f"Item {k}", 1960 + int(rng.integers(50))) for k in range(n_items)]
    attrs, known = [], {}
    genres = {}
    for k in range(n_items):
        genres[k] = rng.choice(8, 2, replace=False)
        attrs += [(f"s{k}", "genre", f"g{g}") for g in genres[k]]
        attrs.append((f"s{k}", "decade", f"{1960 + (items[k][2] - 1960) // 10 * 10}s"))
        if k % 3:
            attrs += [(f"s{k}", "mood", f"m{m}") for m in rng.choice(12, int(rng.integers(1, 3)), replace=False)]
        known[f"s{k}"] = {"genre", "decade"} | ({"mood"} if k % 3 else set())
    users, its = [], []
    for u in range(n_users):
        taste = rng.choice(8, 2, replace=False)
        w = np.array([3.0 if set(genres[k]) & set(taste) else 1.0 for k in range(n_items)])
        for k in rng.choice(n_items, int(rng.integers(12, 31)), replace=False, p=w / w.sum()):
            users.append(f"u{u}")
            its.append(f"s{k}")
    inter = (users, its, np.full(len(users), 4.0), np.arange(len(users)), None)
    return build_catalog("plainsim", items, attrs, known, inter, attr_types=("genre", "decade", "mood"))


def plain_episode(world, policy, user: int, target: int, k: int, seed: int, exclude_history: bool):
    """One literal-user episode by the protocol's words, with sets. Returns (t, rank) or None."""
    n = world.n_items
    has = {i: set(world.values_of(i).tolist()) for i in range(n)}
    types_known = {i: {int(j) for j in np.flatnonzero(world.known[i])} for i in range(n)}
    genre_or_decade = [v for v in sorted(has[target])
                       if world.catalog.attr_values[v][0] in world.open_types]
    opening = int(np.random.default_rng([seed, k]).choice(genre_or_decade))  # the user's first statement
    history = set(world.history(user).tolist())
    candidates = {i for i in range(n) if opening in has[i] and not (exclude_history and i in history)}
    accepted, rejected, unanswered, answers, shown = [opening], [], [], [], set()
    prior = world.scorer.score(world.history(user))[0]

    def as_mask(items) -> np.ndarray:
        m = np.zeros(n, dtype=bool)
        m[list(items)] = True
        return m

    for t in range(MAX_TURNS - 1):  # the opening is turn 1 of 15: 14 system actions, t = 0..13
        state = DialogueState(world, user, prior, False, False, MAX_TURNS, opening, turn=t,
                              accepted=list(accepted), rejected=list(rejected), unanswered=list(unanswered),
                              answers=list(answers), shown=as_mask(shown),
                              blocked=as_mask(history if exclude_history else ()), candidates=as_mask(candidates))
        action = policy.decide(state)
        if isinstance(action, AskValue):
            v = action.value
            if v in has[target]:  # yes: only the items having it stay
                accepted.append(v)
                answers.append(Answer.YES)
                candidates = {i for i in candidates if v in has[i]}
            elif int(world.value_type[v]) in types_known[target]:  # no: nothing leaves
                rejected.append(v)
                answers.append(Answer.NO)
            else:  # the target has no data for that type: "don't know", never "no"
                unanswered.append(v)
                answers.append(Answer.DONT_KNOW)
        else:
            assert isinstance(action, Recommend) and set(action.items) <= candidates  # lists come from candidates
            if target in action.items:
                return t, action.items.index(target) + 1
            shown |= set(action.items)
            candidates -= set(action.items)
    return None


def plain_metrics(results) -> dict:
    """SR@5/10/15, AT and hDCG@(15,10) from their definitions."""
    n = len(results)
    out = {f"SR@{k}": sum(r is not None and r[0] < k for r in results) / n for k in (5, 10, 15)}
    out["AT"] = sum(MAX_TURNS if r is None else r[0] + 1 for r in results) / n
    out["hDCG"] = sum(0.0 if r is None else 1 / math.log2(r[0] + 3)
                      + (1 / math.log2(r[0] + 2) - 1 / math.log2(r[0] + 3)) / math.log2(r[1] + 1)
                      for r in results) / n
    return out


@pytest.fixture(scope="module")
def world():
    return build_world(synthetic_catalog(), seed=0, model="ease", config_dataset="none")


@pytest.mark.parametrize("exclude_history", [False, True], ids=["published", "exclude-history"])
@pytest.mark.parametrize("name", ["recommend", "maxent"])
def test_simulator_matches_the_plain_protocol_episode_by_episode(world, name, exclude_history):
    import dataclasses

    w = dataclasses.replace(world, exclude_history=exclude_history)
    episodes = w.episodes("test", 0, np.random.default_rng(0))
    assert len(episodes) > 150
    seed = 0
    policy = make_policy(name, w, UserModel(), seed, False)
    outcomes = run_episodes(w, policy, episodes, UserModel(), seed, False, MAX_TURNS)
    plain = [plain_episode(w, policy, u, i, k, seed, exclude_history) for k, (u, i) in enumerate(episodes)]
    got = [None if o.success_turn is None else (o.success_turn, o.rank) for o in outcomes]
    assert got == plain
    for key, value in plain_metrics(plain).items():
        assert summarise(outcomes, MAX_TURNS)[key] == pytest.approx(value, abs=1e-12), key
    # the check is not vacuous: successes at several turns and ranks, and some failures or late ones
    turns = {r[0] for r in plain if r is not None}
    assert len(turns) >= 3 and len({r[1] for r in plain if r is not None}) >= 3


def test_keeping_the_history_is_a_real_difference(world):
    """As published, the user's own items stay candidates, and ``recommend`` then lists some of
    them; with ``exclude_history`` it never does."""
    import dataclasses

    from lab.simulator import Conversation

    episodes = world.episodes("test", 60, np.random.default_rng(0))
    policy = make_policy("recommend", world, UserModel(), 0, False)
    excluded = dataclasses.replace(world, exclude_history=True)
    listed_history = 0
    for k, (u, i) in enumerate(episodes):
        hist = set(world.history(u).tolist())
        kept = Conversation(world, u, (i,), UserModel(), np.random.default_rng([0, k]))
        listed_history += bool(hist & set(policy.decide(kept.state).items))
        out = Conversation(excluded, u, (i,), UserModel(), np.random.default_rng([0, k]))
        assert not hist & set(policy.decide(out.state).items)
    assert listed_history > 0
