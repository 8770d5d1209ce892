"""The rule: the strong hand-made bar, and the pieces every policy shares.

``RulePolicy``: Beliefs from ``policy.beliefs`` (hard for the literal
  user, soft with a tuned error rate for noisy ones); asks the value with the most expected
  information under the beliefs; recommends as soon as the top 10 hold ``threshold`` of the
  belief mass, or on the last turn.

A list shows ``state.list_size`` items (the protocol's 10; the chat app shows 5 cards), and
"10" above means a list's worth.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from policy.actions import Action, AskType, AskValue, Recommend
from policy.beliefs import BeliefConfig, log_beliefs, normalise, top_items, value_information, value_mass
from policy.state import DialogueState
from policy.tuned import tuned_entry

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
    """Askable, unasked values held by at least one item with belief > 0, outside the state's
    closed types; the ``limit`` most informative when given (UNICORN's preselection)."""
    mask = state.world.askable_mask & (value_mass(state, b) > 0)
    if state.closed_types:
        mask &= ~np.isin(state.world.value_type, list(state.closed_types))
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
        lab.tune``); defaults (hard beliefs for the literal user, ε = 0.1 otherwise)
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
