"""Policies: ``decide(state) -> Action``. Registry ``POLICIES`` by name.

- ``random``: asks a random unasked value held by an allowed item or recommends, 50/50.
- ``recommend``: always the top 10 by CF score among the allowed items.
- ``maxent``: asks the value that splits the remaining candidates most evenly (uniform
  weights, hard filtering by every answer); recommends when at most 10 remain.
- ``rule``: the strong hand-made bar. Beliefs from ``chat.beliefs`` (hard for the literal
  user, soft with a tuned error rate for noisy ones); asks the value with the most expected
  information under the beliefs; recommends as soon as the top 10 hold ``threshold`` of the
  belief mass, or on the last turn.

A list shows ``state.list_size`` items (the protocol's 10; the chat app shows 5 cards), and
"10" above means a list's worth.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from chat.actions import Action, AskType, AskValue, Recommend
from chat.beliefs import BeliefConfig, log_beliefs, normalise, top_items, value_information, value_mass
from chat.simulator import DialogueState

POLICY_DIR = Path(__file__).resolve().parent.parent / "configs" / "policies"
LIST_SIZE = 10  # the protocol's list; a state's ``list_size`` is what its lists show
CHIPS = 5  # values offered when asking one attribute type (multi-choice)


def fallback_list(state: DialogueState, ranked: np.ndarray) -> Recommend:
    """The first ``state.list_size`` of ``ranked``, filled from the allowed items by CF score,
    so a list is never short or empty even when answers have ruled every item out (possible
    with noisy users)."""
    ranked = [int(i) for i in ranked][: state.list_size]
    if len(ranked) < state.list_size:
        pool = np.where(state.allowed, state.prior, -np.inf)
        pool[ranked] = -np.inf
        ranked += [int(i) for i in top_items(pool, state.list_size - len(ranked))]
    return Recommend(tuple(ranked))


def candidate_values(state: DialogueState, b: np.ndarray, limit: int | None = None) -> np.ndarray:
    """Askable, unasked values held by at least one item with belief > 0; the ``limit`` most
    informative when given (UNICORN's preselection)."""
    mask = state.world.askable_mask & (value_mass(state, b) > 0)
    asked = state.asked
    if asked:
        mask[list(asked)] = False
    values = np.flatnonzero(mask)
    if limit is not None and values.size > limit:
        info = value_information(state, b, values)
        values = values[np.argsort(-info, kind="stable")[:limit]]
    return values


def best_type_question(state: DialogueState, b: np.ndarray, values: np.ndarray, info: np.ndarray) -> AskType:
    """Multi-choice: the type of the most informative value, offering its ``CHIPS`` values
    with the most belief mass."""
    w = state.world
    t = int(w.value_type[values[int(np.argmax(info))]])
    of_type = values[w.value_type[values] == t]
    mass = value_mass(state, b)[of_type]
    chips = of_type[np.argsort(-mass, kind="stable")[:CHIPS]]
    return AskType(w.catalog.attr_types[t], tuple(int(v) for v in chips))


class RandomPolicy:
    name = "random"

    def __init__(self, seed: int = 0):
        self.rng = np.random.default_rng(seed)

    def decide(self, state: DialogueState) -> Action:
        logb = log_beliefs(state, BeliefConfig(temperature=1.0, error=0.0 if not state.noisy else 0.2))
        values = candidate_values(state, normalise(logb))
        if state.turn < state.max_actions - 1 and values.size and self.rng.random() < 0.5:
            return AskValue(int(self.rng.choice(values)))
        return fallback_list(state, ())


class RecommendPolicy:
    name = "recommend"

    def decide(self, state: DialogueState) -> Action:
        return fallback_list(state, ())


class MaxEntPolicy:
    name = "maxent"

    def decide(self, state: DialogueState) -> Action:
        logb = log_beliefs(state, BeliefConfig(temperature=1e6, error=0.0))  # ~uniform, hard updates
        if state.noisy:  # hard filter by accepted values too (maxent trusts every answer)
            for v in state.accepted:
                keep = np.zeros_like(logb, dtype=bool)
                keep[state.world.items_with(v)] = True
                logb[~keep] = -np.inf
        b = normalise(logb)
        remaining = int(np.isfinite(logb).sum())
        values = candidate_values(state, b)
        if remaining <= state.list_size or not values.size or state.turn == state.max_actions - 1:
            return fallback_list(state, top_items(np.where(np.isfinite(logb), state.prior, -np.inf), state.list_size))
        info = value_information(state, b, values)
        if state.multi_choice:
            return best_type_question(state, b, values, info)
        return AskValue(int(values[int(np.argmax(info))]))


@dataclass(frozen=True)
class RuleConfig:
    beliefs: BeliefConfig = BeliefConfig()
    threshold: float = 0.5  # recommend once a list's worth holds this share of belief mass

    def __post_init__(self):
        if not 0 < self.threshold <= 1:
            raise ValueError(f"RuleConfig.threshold must be in (0, 1], got {self.threshold}")


class RulePolicy:
    name = "rule"

    def __init__(self, config: RuleConfig = RuleConfig()):
        self.config = config

    @classmethod
    def for_setting(cls, world, user_model, multi_choice: bool) -> RulePolicy:
        """The rule with the configuration tuned on validation for this dataset and user
        setting (``configs/policies/rule-<dataset>.json``, written by ``python -m
        chat.tune_rule``); defaults (hard beliefs for the literal user, ε = 0.1 otherwise)
        when none was tuned."""
        return cls.from_entry(tuned_entry("rule", world, user_model, multi_choice), user_model)

    @classmethod
    def from_entry(cls, entry: dict | None, user_model) -> RulePolicy:
        """The rule of one tuned entry (``for_setting``'s defaults when None)."""
        if entry:
            beliefs = BeliefConfig(entry["temperature"], entry["error"], entry.get("trust_opening", False))
            return cls(RuleConfig(beliefs, entry["threshold"]))
        return cls(RuleConfig(BeliefConfig(0.5, 0.1 if user_model.noisy else 0.0), 0.5))

    def decide(self, state: DialogueState) -> Action:
        logb = log_beliefs(state, self.config.beliefs)
        b = normalise(logb)
        top = top_items(logb, state.list_size)
        mass = float(b[top].sum())
        values = candidate_values(state, b)
        if mass >= self.config.threshold or not values.size or state.turn == state.max_actions - 1:
            return fallback_list(state, top)
        info = value_information(state, b, values)
        if state.multi_choice:
            return best_type_question(state, b, values, info)
        return AskValue(int(values[int(np.argmax(info))]))


POLICIES = {"random": RandomPolicy, "recommend": RecommendPolicy, "maxent": MaxEntPolicy, "rule": RulePolicy}


def tuned_entry(policy: str, world, user_model, multi_choice: bool) -> dict | None:
    """The validation-tuned configuration of ``policy`` for this dataset and user setting
    (``configs/policies/<policy>-<dataset>.json``, written by ``python -m chat.tune_rule``); a
    multi-choice setting not tuned on its own falls back to the same users' single-choice entry
    (training mixes multi-choice into every user setting); None when neither was tuned."""
    tuned = tuned_file(policy, world)
    return setting_entry(tuned["settings"], user_model, multi_choice) if tuned else None


def tuned_file(policy: str, world) -> dict:
    """``configs/policies/<policy>-<dataset>.json`` as written by ``python -m chat.tune_rule``
    ({} when this dataset was never tuned)."""
    path = POLICY_DIR / f"{policy}-{world.catalog.name}.json"
    return json.loads(path.read_text()) if path.exists() else {}


def setting_entry(settings: dict, user_model, multi_choice: bool) -> dict | None:
    """The entry of ``settings`` (a tuned file's "settings") for this user setting, a
    multi-choice setting falling back to the same users' single-choice entry."""
    return settings.get(setting_key(user_model, multi_choice)) or settings.get(setting_key(user_model, False))


def setting_key(user_model, multi_choice: bool) -> str:
    """Names a user setting, e.g. ``flip=0.1,dont_know=0,patience=0,targets=1,multi_choice=0``."""
    return (f"flip={user_model.flip:g},dont_know={user_model.dont_know:g},patience={user_model.patience:g},"
            f"targets={user_model.targets},multi_choice={int(multi_choice)}")
