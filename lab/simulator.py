"""The simulated user and one conversation under the EAR / SCPR / UNICORN protocol.

Protocol (DESIGN.md): the user states one random value of the target from the opening
types; that is turn 1 of at most ``max_turns`` (15), so the system gets at most
``max_turns - 1`` actions, t = 0..13, as in UNICORN's released environment. Each action
asks one value (or, multi-choice, one type with several values) or recommends 10 items.
The user says yes iff the target has the value, "don't know" when the target has no data
for that type (unknown is never "no"). A list succeeds iff it holds the target; a failed
list's items leave the candidates. With the literal user, accepted values hard-filter the
candidates and recommendations must come from them, exactly as published. With any noise
flag set the system may recommend any item not yet shown (nor in the user's history):
filtering by answers is the policy's own choice, since a flipped "yes" would otherwise
delete the target for good (recorded as ``noisy_candidates`` in every JSON's protocol). The
user's own training items stay candidates, as published, unless the world excludes them
(``World.exclude_history``, ``--exclude-history``: the chat's choice). With two targets
(MCMIPL's multi-interest setting) the second is another wanted film of the user sharing an
opening value with the first, and the opening is one of the values they share. Rewards are
UNICORN's, plus -0.05 for a "don't know" (no information gained); a multi-choice question
earns the mean of its chips' rewards.
"""

from __future__ import annotations

import numpy as np

from lab.metrics import EpisodeOutcome
from policy.actions import Action, Answer, AskType, AskValue, Recommend
from policy.state import DialogueState, UserModel
from policy.world import World

REWARDS = {"ask_yes": 0.01, "ask_no": -0.1, "ask_unknown": -0.05, "hit": 1.0, "miss": -0.1, "limit": -0.3}


class Conversation:
    """One episode: ``state`` for the policy, ``step(action)`` for the user's reaction."""

    def __init__(self, world: World, user: int, targets: tuple[int, ...], user_model: UserModel,
                 rng: np.random.Generator, multi_choice: bool = False, max_turns: int = 15, list_size: int = 10):
        self.world, self.targets, self.um, self.rng = world, targets, user_model, rng
        self.list_size = list_size
        history = world.history(user)
        prior = world.scorer.score(history)[0]
        blocked = np.zeros(world.n_items, dtype=bool)
        if world.exclude_history:
            blocked[history] = True
        options = world.opening_values(targets[0])
        for t in targets[1:]:  # two targets: an opening both have (draw_targets pairs them so)
            options = np.intersect1d(options, world.opening_values(t))
        if not len(options):
            raise ValueError(f"targets {targets} share no value of an opening type ({', '.join(world.open_types)})")
        opening = int(rng.choice(options))
        candidates = ~blocked
        if not user_model.noisy:
            candidates = candidates & self._has_mask(opening)
        self.state = DialogueState(world, user, prior, user_model.noisy, multi_choice, max_turns, opening,
                                   accepted=[opening], shown=np.zeros(world.n_items, dtype=bool),
                                   blocked=blocked, candidates=candidates, list_size=list_size)
        self.outcome: EpisodeOutcome | None = None
        self.done = False

    def _has_mask(self, value: int) -> np.ndarray:
        m = np.zeros(self.world.n_items, dtype=bool)
        m[self.world.items_with(value)] = True
        return m

    def answer(self, value: int) -> Answer:
        """The simulated user's answer about one value (noise applied)."""
        w = self.world
        if any(w.has(t, value) for t in self.targets):
            truth = Answer.YES
        elif all(w.knows(t, value) for t in self.targets):
            truth = Answer.NO
        else:
            return Answer.DONT_KNOW
        if self.um.dont_know and self.rng.random() < self.um.dont_know:
            return Answer.DONT_KNOW
        if self.um.flip and self.rng.random() < self.um.flip:
            return Answer.NO if truth is Answer.YES else Answer.YES
        return truth

    def _record(self, value: int, ans: Answer) -> float:
        s = self.state
        s.answers.append(ans)
        if ans is Answer.YES:
            s.accepted.append(value)
            if not s.noisy:
                s.candidates &= self._has_mask(value)
            return REWARDS["ask_yes"]
        if ans is Answer.NO:
            s.rejected.append(value)
            return REWARDS["ask_no"]
        s.unanswered.append(value)
        return REWARDS["ask_unknown"]

    def _validate(self, action: Action) -> None:
        """Refuse actions outside the protocol, so a policy bug cannot pass unnoticed."""
        s, w = self.state, self.world
        if isinstance(action, Recommend):
            if not 1 <= len(action.items) <= self.list_size or len(set(action.items)) != len(action.items):
                raise ValueError(f"turn {s.turn}: a list needs 1..{self.list_size} distinct items, "
                                 f"got {len(action.items)}")
            return
        values = (action.value,) if isinstance(action, AskValue) else getattr(action, "values", None)
        if values is None:
            raise TypeError(f"unknown action {action!r}")
        if not values:
            raise ValueError(f"turn {s.turn}: a question needs at least one value")
        for v in values:
            if not 0 <= v < len(w.value_type) or not w.askable_mask[v]:
                raise ValueError(f"turn {s.turn}: value {v} is not of an askable type ({', '.join(w.ask_types)})")
            if v in s.asked:
                raise ValueError(f"turn {s.turn}: value {v} was already asked")
        if isinstance(action, AskType):
            t = w.catalog.type_index(action.attr_type)
            if any(w.value_type[v] != t for v in values):
                raise ValueError(f"turn {s.turn}: chips must all be values of {action.attr_type}")

    def step(self, action: Action) -> float:
        """Apply one system action; returns the protocol reward. Sets ``done``/``outcome``."""
        if self.done:
            raise RuntimeError("the episode is over")
        s = self.state
        t = s.turn
        self._validate(action)
        if isinstance(action, AskValue):
            reward = self._record(action.value, self.answer(action.value))
        elif isinstance(action, AskType):
            reward = 0.0
            for v in action.values:
                ans = self.answer(v)
                # a chip left unpicked reads as "no" when the type is known, else no information
                reward += self._record(v, ans) / max(len(action.values), 1)
        elif isinstance(action, Recommend):
            items = list(action.items)
            allowed = s.allowed
            bad = [i for i in items if not allowed[i]]
            if bad:
                raise ValueError(f"turn {t}: recommended items outside the allowed set: {bad[:5]}")
            hits = [r for r, i in enumerate(items, start=1) if i in self.targets]
            if hits:
                self.outcome, self.done = EpisodeOutcome(t, hits[0]), True
                s.turn += 1
                return REWARDS["hit"]
            s.shown[items] = True
            s.candidates[items] = False
            reward = REWARDS["miss"]
            if self.um.patience and self.rng.random() < self.um.patience:
                self.outcome, self.done = EpisodeOutcome(None), True
                s.turn += 1
                return reward + REWARDS["limit"]
        else:
            raise TypeError(f"unknown action {action!r}")
        s.turn += 1
        if s.turn >= s.max_actions:
            self.outcome, self.done = EpisodeOutcome(None), True
            reward += REWARDS["limit"]
        return reward


def draw_targets(world: World, user: int, target: int, user_model: UserModel, rng: np.random.Generator,
                 split: str = "test"):
    """The episode's target(s). With two targets the second is another of that user's items
    sharing an opening value with the first (``World.partners``, as MCMIPL pairs them), from
    the episode's own split (for test episodes, from valid when test has none), so validation
    and training episodes never see a test item; without one the episode has one target
    (``World.episodes(..., targets=2)`` leaves such episodes out)."""
    if user_model.targets == 1:
        return (target,)
    pool = world.partners(user, target, split)
    return (target, int(rng.choice(pool))) if pool else (target,)
