"""One-step lookahead over the shared beliefs: the success a conversation can still expect,
now and after each possible question. ``plan`` decides with it; ``unified`` reads it as features.

Under beliefs b (``policy.beliefs``), recommending the remaining R actions as lists (a failed
list only removes its items; the user leaves after a failed list with probability q) succeeds
with probability

    V_rec(b, R) = Σ_j (1 - q)^j · m_j(b) · u_j,   m_j = belief mass of the j-th block of L items,

in belief order (L: the items a list shows, ``DialogueState.list_size``; 10 in the
protocol), u_j = 1 - λ j / R the worth of succeeding with the j-th list from now. With
the turn weight λ = 0, V_rec is the chance of success by the last turn (SR@15); with λ = 1,
the turns a success saves against failing (failure counting one turn past the last) over R:
maximising it minimises the expected AT, with a slight lean to SR@15, since AT counts a
success on the last turn as a failure. λ in between trades the two.

Asking value v first and then recommending R - 1 lists (each one turn later: u_{j+1}) is
worth

    V_ask(v) = P(yes) · V_rec(b | yes, R-1) + P(no) · V_rec(b | no, R-1) + P(?) · V_rec(b, R-1),

the answer probabilities from the answer model (an item with no data for v's type makes the
user say "don't know"; otherwise "don't know" with probability d, then a flip with the assumed
error ε) and the posteriors exactly the update ``policy.beliefs`` will make. This is one step
of policy improvement over "recommend from now on": asking pays when it raises the chance
that the target lands in one of the remaining lists (early) more than the turn it costs.
With λ = 0 a question costs only the last list, so it over-asks; with any λ a wrong model
misjudges, so ``plan`` asks only when the gain exceeds a margin, λ and the margin tuned on
validation.

Two refinements, tuned on validation too. Depth 2 (``lookahead2``): the continuation after
the first decision is no longer "recommend from then on" but the best single step from
there (recommend on, or the best question, valued as above): recommending now is worth
u_0 m_0 + (1 - q)(1 - m_0) · C(b without the list), and asking v is worth the answers'
probability-weighted C(b | answer), C the one-step lookahead's best value with the worth
shifted one turn, the second question chosen among the same candidates less the one just
asked. This is what the rule's early lists do and the one-step lookahead cannot value:
recommend now, ask after a failed list. Sharpness α: the lookahead reads the beliefs as
∝ b^α. The beliefs' temperature is tuned for the rule's ranking and threshold, not for
calibrated probabilities; α corrects the confidence the lookahead puts in them without
changing any list (b^α ranks items as b does) or the shared belief update.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from policy.actions import Action, AskType, AskValue
from policy.beliefs import BeliefConfig, log_beliefs, normalise, top_items, value_mass
from policy.rule import CHIPS, LIST_SIZE, RulePolicy, candidate_values, fallback_list
from policy.state import DialogueState
from policy.tuned import tuned_entry


@dataclass(frozen=True)
class PlanConfig:
    beliefs: BeliefConfig = BeliefConfig()
    margin: float = 0.02  # ask only when it adds this much expected value
    patience: float = 0.0  # assumed chance that the user leaves after a failed list
    dont_know: float = 0.0  # assumed chance of "don't know" to a question the user could answer
    n_values: int = 20  # the most informative values considered (UNICORN's preselection)
    turn_weight: float = 0.0  # λ: 0 values success by the last turn (SR@15), 1 turns saved (AT)
    depth: int = 1  # decisions looked ahead before "recommend from then on": 1 or 2
    n_deep: int = 6  # depth 2: the values (best by one-step value) whose answers are looked past
    sharpness: float = 1.0  # α: the lookahead values with beliefs ∝ b^α (calibration; lists unchanged)

    def __post_init__(self):
        if not 0 <= self.turn_weight <= 1:
            raise ValueError(f"PlanConfig.turn_weight must be in [0, 1], got {self.turn_weight}")
        for name in ("patience", "dont_know"):
            if not 0 <= getattr(self, name) < 1:
                raise ValueError(f"PlanConfig.{name} must be in [0, 1), got {getattr(self, name)}")
        if self.depth not in (1, 2):
            raise ValueError(f"PlanConfig.depth must be 1 or 2, got {self.depth}")
        if self.sharpness <= 0:
            raise ValueError(f"PlanConfig.sharpness must be > 0, got {self.sharpness}")
        if self.n_deep < 1:
            raise ValueError(f"PlanConfig.n_deep must be >= 1, got {self.n_deep}")
        if self.margin < 0:
            raise ValueError(f"PlanConfig.margin must be >= 0, got {self.margin}")


def valued_beliefs(logb: np.ndarray, b: np.ndarray, sharpness: float) -> np.ndarray:
    """The beliefs the lookahead values with: ∝ b^α (``b`` itself at α = 1), ``b`` being
    ``normalise(logb)``; they rank items as ``b`` does."""
    return b if sharpness == 1 else normalise(sharpness * logb)


def worth(R: int, turn_weight: float) -> np.ndarray:
    """u_j = 1 - λ j / R for the next ``R`` actions: what succeeding with the j-th is worth."""
    return 1.0 - turn_weight * np.arange(max(R, 0)) / max(R, 1)


def rollout_value(B: np.ndarray, R: int, patience: float, u: np.ndarray | None = None,
                  size: int = LIST_SIZE) -> np.ndarray:
    """V_rec for each row of normalised beliefs ``B`` ``(m, n)``: the next ``R`` lists of
    ``size`` items in belief order, a success with the j-th worth ``u[j]`` (default 1: the
    chance that one of them holds the target) ``(m,)``."""
    if R <= 0:
        return np.zeros(B.shape[0])
    k = min(size * R, B.shape[1])
    top = -np.partition(-B, k - 1, axis=1)[:, :k] if k < B.shape[1] else B.copy()
    top = -np.sort(-top, axis=1)
    blocks = np.add.reduceat(top, np.arange(0, k, size), axis=1)  # (m, ceil(k / size))
    u = np.ones(blocks.shape[1]) if u is None else u[: blocks.shape[1]]
    return blocks @ ((1 - patience) ** np.arange(blocks.shape[1]) * u)


@dataclass(frozen=True)
class Lookahead:
    """The lookahead at one state: ``v_rec`` now (R lists) and after one action (R-1 lists),
    and for each value in ``values`` its answer probability and ``v_ask``."""

    values: np.ndarray  # (m,) value ids
    v_rec: float  # V_rec(b, R)
    v_rec_next: float  # V_rec(b, R - 1): the baseline an answer improves on
    p_yes: np.ndarray  # (m,)
    v_ask: np.ndarray  # (m,)


def _ask_values(w, live: np.ndarray, B: np.ndarray, values: np.ndarray, R: int, u: np.ndarray,
                cfg: PlanConfig, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each row of normalised beliefs ``B`` ``(k, n)`` over the ``live`` items and each of
    ``values`` ``(m,)`` with R actions left and lists of ``size``: P(yes), P(no) and V_ask
    ``(k, m)``, and the normalised posteriors after "yes" and "no" ``(k, m, n)``."""
    eps, d, q = cfg.beliefs.error, cfg.dont_know, cfg.patience
    has = w.attr_by_value[values][:, live].toarray() > 0  # (m, n)
    known = w.known[live][:, w.value_type[values]].T  # (m, n)
    # the update policy.beliefs makes after each answer (an item of unknown type: 1/2 either way)
    post_yes = B[:, None, :] * np.where(has, 1 - eps, np.where(known, eps, 0.5))
    post_no = B[:, None, :] * np.where(has, eps, np.where(known, 1 - eps, 0.5))
    # the answer's probability: unknown type -> "don't know"; else "don't know" w.p. d, then flips
    p_yes = (1 - d) * np.where(known, post_yes, 0.0).sum(-1)
    p_no = (1 - d) * np.where(known, post_no, 0.0).sum(-1)
    p_dk = 1.0 - p_yes - p_no
    post_yes /= np.maximum(post_yes.sum(-1, keepdims=True), 1e-300)
    post_no /= np.maximum(post_no.sum(-1, keepdims=True), 1e-300)
    k, m, n = post_yes.shape
    vy = rollout_value(post_yes.reshape(k * m, n), R - 1, q, u[1:], size).reshape(k, m)
    vn = rollout_value(post_no.reshape(k * m, n), R - 1, q, u[1:], size).reshape(k, m)
    v_next = rollout_value(B, R - 1, q, u[1:], size)[:, None]
    return p_yes, p_no, p_yes * vy + p_no * vn + p_dk * v_next, post_yes, post_no


def lookahead(state: DialogueState, b: np.ndarray, values: np.ndarray, cfg: PlanConfig,
              u: np.ndarray | None = None) -> Lookahead:
    """V_rec and V_ask (module docstring) for the candidate ``values`` under beliefs ``b``;
    ``u``: the worth of the remaining actions (default ``worth(R, cfg.turn_weight)``; a deeper
    lookahead passes its root's, shifted)."""
    R = state.max_actions - state.turn
    u = worth(R, cfg.turn_weight) if u is None else u
    v_rec = float(rollout_value(b[None], R, cfg.patience, u, state.list_size)[0])
    v_next = float(rollout_value(b[None], R - 1, cfg.patience, u[1:], state.list_size)[0])
    if not values.size or R <= 1:
        return Lookahead(values, v_rec, v_next, np.zeros(len(values)), np.zeros(len(values)))
    live = np.flatnonzero(b > 0)  # only items with belief matter; keeps the matrices small
    p_yes, _, v_ask, _, _ = _ask_values(state.world, live, b[live][None], values, R, u, cfg, state.list_size)
    return Lookahead(values, v_rec, v_next, p_yes[0], v_ask[0])


def _best_step(w, live, B, values, R, u, cfg, size: int, exclude: np.ndarray) -> np.ndarray:
    """C = max(V_rec, max_v V_ask) for each row of ``B`` ``(k, n)`` with R actions left: the
    one-step lookahead's best value, row i not asking ``values[exclude[i]]`` (the question
    just asked; -1: none) ``(k,)``."""
    v_rec = rollout_value(B, R, cfg.patience, u, size)
    if R <= 1 or not values.size:
        return v_rec
    v_ask = _ask_values(w, live, B, values, R, u, cfg, size)[2]
    rows = np.flatnonzero(exclude >= 0)
    v_ask[rows, exclude[rows]] = -np.inf
    return np.maximum(v_rec, v_ask.max(1))


@dataclass(frozen=True)
class Deep:
    """The two-step lookahead at one state: recommending now then the best single step
    (``v_rec``), and for each value in ``values`` asking it then the best single step
    (``v_ask``: for the ``PlanConfig.n_deep`` values of best one-step value; the others keep
    their one-step value, a lower bound)."""

    values: np.ndarray
    v_rec: float
    v_ask: np.ndarray


def lookahead2(state: DialogueState, b: np.ndarray, values: np.ndarray, cfg: PlanConfig) -> Deep:
    """Two decisions deep, then recommending from there on (module docstring, depth 2). The
    second decision chooses among the same candidate values (less the one just asked); after
    a failed list, its items leave the beliefs and the rest keep their ratios (``policy.beliefs``
    would also re-standardise the prior over the items left, a small shift ignored here)."""
    w = state.world
    R = state.max_actions - state.turn
    u = worth(R, cfg.turn_weight)
    la = lookahead(state, b, values, cfg)
    if not values.size or R <= 2:
        return Deep(values, la.v_rec, la.v_ask)
    live = np.flatnonzero(b > 0)
    bl = b[live]
    # recommend now: the top L hold the target (worth u_0), else the user stays w.p. 1 - q
    order = np.argsort(-bl, kind="stable")
    size = state.list_size
    shown, rest = order[:size], order[size:]
    m0 = float(bl[shown].sum())
    v_rec = u[0] * m0
    if rest.size and bl[rest].sum() > 0:
        after = (bl[rest] / bl[rest].sum())[None]
        c = _best_step(w, live[rest], after, values, R - 1, u[1:], cfg, size, np.array([-1]))
        v_rec += (1 - cfg.patience) * (1 - m0) * float(c[0])
    # ask: each answer's posterior ("don't know": the beliefs as they are), then the best step
    deep = np.argsort(-la.v_ask, kind="stable")[: cfg.n_deep]
    p_yes, p_no, _, post_yes, post_no = _ask_values(w, live, bl[None], values[deep], R, u, cfg, size)
    c = _best_step(w, live, np.concatenate([post_yes[0], post_no[0]]), values, R - 1, u[1:], cfg, size,
                   np.r_[deep, deep])
    cy, cn = c[: len(deep)], c[len(deep):]
    # "don't know": the best step from b, never asking the same value again
    v_rec_d = rollout_value(bl[None], R - 1, cfg.patience, u[1:], size)[0]
    ask_d = _ask_values(w, live, bl[None], values, R - 1, u[1:], cfg, size)[2][0]
    cd = np.array([max(v_rec_d, np.delete(ask_d, j).max(initial=-np.inf)) for j in deep])
    p_dk = 1.0 - p_yes[0] - p_no[0]
    v_ask = la.v_ask.copy()
    v_ask[deep] = p_yes[0] * cy + p_no[0] * cn + p_dk * cd
    return Deep(values, v_rec, v_ask)


class PlanPolicy:
    """``plan``: the lookahead (one or two steps deep, beliefs read with sharpness α) as a
    hand-made policy. Asks the value with the highest V_ask when it beats V_rec by
    ``margin`` (multi-choice: that value's type, offering it and the type's other values of
    most belief mass, ``CHIPS`` in all), else recommends the top L (a list) by belief."""

    name = "plan"

    def __init__(self, config: PlanConfig = PlanConfig()):
        self.config = config

    @classmethod
    def for_setting(cls, world, user_model, multi_choice: bool) -> PlanPolicy:
        """The rule's tuned beliefs for this setting, the setting's don't-know and patience
        rates, and the turn weight, margin, sharpness and depth tuned on validation
        (``configs/policies/plan-<dataset>.json``, written by ``python -m lab.tune --policy
        plan``; the ``PlanConfig`` defaults when none was tuned)."""
        beliefs = RulePolicy.for_setting(world, user_model, multi_choice).config.beliefs
        return cls.from_entry(tuned_entry("plan", world, user_model, multi_choice), beliefs, user_model)

    @classmethod
    def from_entry(cls, entry: dict | None, beliefs: BeliefConfig, user_model) -> PlanPolicy:
        """``plan`` of one tuned entry (the ``PlanConfig`` defaults for what it lacks) on
        ``beliefs``, with the user setting's patience and don't-know rates."""
        entry = entry or {}
        return cls(PlanConfig(beliefs, entry.get("margin", PlanConfig.margin), user_model.patience,
                              user_model.dont_know, turn_weight=entry.get("turn_weight", PlanConfig.turn_weight),
                              depth=entry.get("depth", PlanConfig.depth),
                              sharpness=entry.get("sharpness", PlanConfig.sharpness)))

    def tuned(self, margin: float, turn_weight: float, depth: int = 1, sharpness: float = 1.0) -> PlanPolicy:
        return PlanPolicy(replace(self.config, margin=margin, turn_weight=turn_weight, depth=depth,
                                  sharpness=sharpness))

    def decide(self, state: DialogueState) -> Action:
        logb = log_beliefs(state, self.config.beliefs)
        b = normalise(logb)
        top = top_items(logb, state.list_size)
        values = candidate_values(state, b, limit=self.config.n_values)
        if not values.size or state.turn >= state.max_actions - 1:
            return fallback_list(state, top)
        bv = valued_beliefs(logb, b, self.config.sharpness)
        la = (lookahead if self.config.depth == 1 else lookahead2)(state, bv, values, self.config)
        j = int(np.argmax(la.v_ask))
        if la.v_ask[j] <= la.v_rec + self.config.margin:
            return fallback_list(state, top)
        if state.multi_choice:
            w = state.world
            t = int(w.value_type[values[j]])
            others = values[(w.value_type[values] == t) & (values != values[j])]
            others = others[np.argsort(-value_mass(state, b)[others], kind="stable")[: CHIPS - 1]]
            return AskType(w.catalog.attr_types[t], (int(values[j]), *(int(v) for v in others)))
        return AskValue(int(values[j]))
