"""Every policy by name, behind one constructor: ``make_policy(name, world, user_model,
multi_choice, seed)``.

A policy is anything with ``decide(state) -> Action`` (``Policy``). The tuned ones read the
configuration chosen on validation for the dataset and user setting (``policy.tuned``);
``unified`` loads its trained network (``configs/policies/unified-<dataset>-seed<k>.pt``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from policy.actions import Action
from policy.baselines import MaxEntPolicy, RandomPolicy, RecommendPolicy
from policy.plan import PlanPolicy
from policy.rule import RulePolicy
from policy.state import DialogueState, UserModel
from policy.tuned import tuned_entry
from policy.world import World


class Policy(Protocol):
    name: str

    def decide(self, state: DialogueState) -> Action: ...


def _rule_one_se(world: World, user_model: UserModel, multi_choice: bool, seed: int) -> RulePolicy:
    """The rule with the configuration the one-standard-error rule chose on its validation
    grid (recorded by ``lab.tune`` as "one_se"): the bar chosen as ``plan`` and ``unified`` are."""
    entry = tuned_entry("rule", world, user_model, multi_choice) or {}
    if "one_se" not in entry:
        raise ValueError("rule-one-se needs the rule's one-SE pick for this setting: "
                         "run python -m lab.tune (or python -m lab.prepare) with this run's --dataset and flags")
    return RulePolicy.from_entry(entry["one_se"], user_model)


def _unified(world: World, user_model: UserModel, multi_choice: bool, seed: int):
    from policy.unified import UnifiedPolicy  # torch, only when asked for

    return UnifiedPolicy.for_setting(world, user_model, multi_choice, seed=seed)


Factory = Callable[[World, UserModel, bool, int], Policy]
POLICIES: dict[str, Factory] = {
    "random": lambda world, um, mc, seed: RandomPolicy(seed=seed),
    "recommend": lambda world, um, mc, seed: RecommendPolicy(),
    "maxent": lambda world, um, mc, seed: MaxEntPolicy(),
    "rule": lambda world, um, mc, seed: RulePolicy.for_setting(world, um, mc),
    "rule-one-se": _rule_one_se,
    "plan": lambda world, um, mc, seed: PlanPolicy.for_setting(world, um, mc),
    "unified": _unified,
}


def make_policy(name: str, world: World, user_model: UserModel, multi_choice: bool = False, seed: int = 0) -> Policy:
    """The policy ``name`` for this world and user setting; ``seed`` picks ``random``'s stream
    and ``unified``'s trained network."""
    if name not in POLICIES:
        raise ValueError(f"unknown policy {name!r}: choose from {', '.join(POLICIES)}")
    return POLICIES[name](world, user_model, multi_choice, seed)
