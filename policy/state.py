"""What a policy may read: the dialogue state, and the user-setting flags it is tuned for.

``DialogueState`` is shared by the simulator (``lab.simulator``) and the chat engine
(``chat.engine``), so the same policy code runs in both. Item and value indices are the
world's compact ones (``policy.world.World``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from policy.actions import Answer

if TYPE_CHECKING:
    from policy.world import World


@dataclass(frozen=True)
class UserModel:
    """Realistic-user flags; all zero / one target is the literal user of the protocol."""

    flip: float = 0.0  # an answer is flipped with this probability
    dont_know: float = 0.0  # an answer is "don't know" with this probability
    patience: float = 0.0  # after a failed list the user leaves with this probability
    targets: int = 1  # wanted films per episode (the multi-interest setting)

    def __post_init__(self):
        for name in ("flip", "dont_know", "patience"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"UserModel.{name} must be in [0, 1], got {getattr(self, name)}")
        if self.targets not in (1, 2):
            raise ValueError(f"UserModel.targets must be 1 or 2, got {self.targets}")

    @property
    def noisy(self) -> bool:
        return bool(self.flip or self.dont_know or self.patience or self.targets > 1)


@dataclass
class DialogueState:
    """What a policy may read. Policies must not mutate it. Item indices are compact."""

    world: World
    user: int
    prior: np.ndarray  # (n_items,) CF scores from the user's history
    noisy: bool
    multi_choice: bool
    max_turns: int
    opening: int  # the value the user stated first
    turn: int = 0  # index t of the next system action
    accepted: list[int] = field(default_factory=list)  # values answered yes (opening included)
    rejected: list[int] = field(default_factory=list)  # values answered no
    unanswered: list[int] = field(default_factory=list)  # values answered "don't know"
    answers: list[Answer] = field(default_factory=list)  # every answer, in order
    shown: np.ndarray | None = None  # (n_items,) bool: failed recommendations
    blocked: np.ndarray | None = None  # (n_items,) bool: never to list (the history, when excluded; the chat's
    # liked, seen and disliked films)
    candidates: np.ndarray | None = None  # (n_items,) bool: the protocol's candidate set
    list_size: int = 10  # items a recommendation shows (the protocol's 10; the chat app's cards)
    closed_types: frozenset[int] = frozenset()  # types not to ask about (the chat's; none in the protocol)
    either: list[tuple[int, ...]] = field(default_factory=list)  # wanted: one value of each group (the chat's
    # "a French film": from France or in French; none in the protocol)

    @property
    def max_actions(self) -> int:
        """System actions available: the user's opening is turn 1 of ``max_turns``."""
        return self.max_turns - 1

    @property
    def asked(self) -> set[int]:
        return set(self.accepted) | set(self.rejected) | set(self.unanswered) | {v for g in self.either for v in g}

    @property
    def allowed(self) -> np.ndarray:
        """Items a list may hold (a copy): the candidates (literal), or with noisy users any
        item not yet shown nor blocked."""
        if self.noisy:
            return ~(self.shown | self.blocked)
        return self.candidates.copy()
