"""The simple policies every conversational benchmark compares against.

- ``random``: asks a random unasked value held by an allowed item or recommends, 50/50.
- ``recommend``: always the top 10 by CF score among the allowed items.
- ``maxent``: asks the value that splits the remaining candidates most evenly (uniform
  weights, hard filtering by every answer); recommends when at most 10 remain.
"""

from __future__ import annotations

import numpy as np

from policy.actions import Action, AskValue
from policy.beliefs import BeliefConfig, log_beliefs, normalise, top_items, value_information
from policy.rule import best_type_question, candidate_values, fallback_list
from policy.state import DialogueState


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
