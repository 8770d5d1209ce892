"""Conversational metrics as counted in UNICORN's released evaluation code.

``t`` is the 0-based index of the system action at which an episode succeeded (the user's
opening statement is not counted), or None for a failure. With ``max_turns`` = 15:
- SR@k: share of episodes that succeeded with t < k;
- AT: mean of t + 1 over episodes, a failure counting ``max_turns``;
- hDCG@(15, 10): for a success at t whose target sat at 1-based rank r of the list,
  1/log2(t+3) + (1/log2(t+2) - 1/log2(t+3)) / log2(r+1); a failure scores 0.
Worked example: the target at rank 1 of the first list gives t = 0, AT 1, hDCG 1.0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class EpisodeOutcome:
    success_turn: int | None  # 0-based system action index t, None when the episode failed
    rank: int | None = None  # 1-based rank of the target in the successful list

    def __post_init__(self):
        if (self.success_turn is None) != (self.rank is None):
            raise ValueError("EpisodeOutcome: success_turn and rank are both set or both None")
        if self.success_turn is not None and (self.success_turn < 0 or self.rank < 1):
            raise ValueError(f"EpisodeOutcome: bad success_turn {self.success_turn} or rank {self.rank}")


def hdcg(t: int | None, rank: int | None) -> float:
    if t is None:
        return 0.0
    a = 1.0 / math.log2(t + 3)
    b = 1.0 / math.log2(t + 2)
    return a + (b - a) / math.log2(rank + 1)


def summarise(outcomes: list[EpisodeOutcome], max_turns: int = 15, sr_at: tuple[int, ...] = (5, 10, 15)) -> dict:
    """SR@k for each k, AT and hDCG averaged over episodes."""
    if not outcomes:
        raise ValueError("summarise: no episodes")
    n = len(outcomes)
    out = {f"SR@{k}": sum(o.success_turn is not None and o.success_turn < k for o in outcomes) / n for k in sr_at}
    out["AT"] = sum(max_turns if o.success_turn is None else o.success_turn + 1 for o in outcomes) / n
    out["hDCG"] = sum(hdcg(o.success_turn, o.rank) for o in outcomes) / n
    return out


def one_se_best(tried: dict, n: int):
    """The one-standard-error rule for choosing among configurations (or checkpoints) scored
    on the same ``n`` validation episodes: of those whose SR@15 is within one standard error
    of the best (√(p(1-p)/n), at least one episode), the one with the fewest turns (AT); the
    first in ``tried``'s order on ties. A bare SR@15-then-AT order lets a one-episode edge in
    success choose many more turns."""
    top = max(s["SR@15"] for s in tried.values())
    se = max(math.sqrt(top * (1 - top) / n), 1 / n)
    near = [c for c, s in tried.items() if s["SR@15"] >= top - se - 1e-12]
    return min(near, key=lambda c: tried[c]["AT"])
