"""Beliefs over which item the user wants, updated from answers; shared by ``rule`` and
``unified`` so the two differ only in what they ask and when they recommend.

log b_i = z_i / T + Σ_answers log P(answer | item i), with z the CF prior standardised over
the allowed items and T a temperature. With an assumed answer-error rate ε:
P(yes | i has v) = 1-ε, P(yes | i's type known, lacks v) = ε, and the reverse for "no"; an
item with no data for the type gets a neutral 1/2 either way. "Don't know" carries no
information. ε = 0 (the literal user) makes a "no" rule out every item having the value.
With ``trust_opening`` the user's opening statement (their own words, not an answer to a
question, and never flipped by the simulator) is exact evidence even when answers are noisy;
it is a tuned choice per user setting, since with two wanted films the opening describes only
one of them. Items already shown or in the user's history have belief 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from policy.state import DialogueState


@dataclass(frozen=True)
class BeliefConfig:
    temperature: float = 0.5
    error: float = 0.0  # assumed probability that an answer is wrong
    trust_opening: bool = False  # the opening value is exact evidence even when answers are noisy

    def __post_init__(self):
        if self.temperature <= 0:
            raise ValueError(f"BeliefConfig.temperature must be > 0, got {self.temperature}")
        if not 0 <= self.error < 0.5:
            raise ValueError(f"BeliefConfig.error must be in [0, 0.5), got {self.error}")


def _answer_loglik(state: DialogueState, values: list[int], yes: bool, eps: float) -> np.ndarray:
    w = state.world
    out = np.zeros(w.n_items, dtype=np.float64)
    with np.errstate(divide="ignore"):
        l_match, l_miss = np.log(1 - eps), np.log(eps) if eps > 0 else -np.inf
    for v in values:
        known = w.known[:, w.value_type[v]]
        delta = np.where(known, l_miss if yes else l_match, np.log(0.5))
        has = w.items_with(v)
        delta[has] = l_match if yes else l_miss
        out += delta
    return out


def _group_loglik(state: DialogueState, group: tuple[int, ...], eps: float) -> np.ndarray:
    """Log-likelihood of "one of ``group``" per item: a match where the item has any of the
    values, a miss where it has none and its data knows every type of the group, else even."""
    w = state.world
    with np.errstate(divide="ignore"):
        l_match, l_miss = np.log(1 - eps), np.log(eps) if eps > 0 else -np.inf
    has = np.zeros(w.n_items, dtype=bool)
    known = np.ones(w.n_items, dtype=bool)
    for v in group:
        has[w.items_with(v)] = True
        known &= w.known[:, w.value_type[v]]
    return np.where(has, l_match, np.where(known, l_miss, np.log(0.5)))


def log_beliefs(state: DialogueState, cfg: BeliefConfig) -> np.ndarray:
    """Unnormalised log-beliefs ``(n_items,)``; -inf where an item is not allowed or ruled out."""
    allowed = state.allowed
    prior = state.prior.astype(np.float64)
    sel = prior[allowed]
    mu, sd = (sel.mean(), sel.std()) if sel.size else (0.0, 1.0)
    logb = (prior - mu) / max(sd, 1e-9) / cfg.temperature
    if state.noisy:  # answers are evidence; the literal protocol already filtered accepted values
        accepted = list(state.accepted)
        if cfg.trust_opening and state.opening in accepted:
            accepted.remove(state.opening)
            logb += _answer_loglik(state, [state.opening], True, 0.0)
        logb += _answer_loglik(state, accepted, True, cfg.error)
    logb += _answer_loglik(state, state.rejected, False, cfg.error)
    for group in state.either:
        logb += _group_loglik(state, group, cfg.error)
    logb[~allowed] = -np.inf
    return logb


def normalise(logb: np.ndarray) -> np.ndarray:
    """Beliefs ``(n_items,)`` summing to 1 (uniform over allowed if all are -inf but one)."""
    finite = np.isfinite(logb)
    b = np.zeros_like(logb, dtype=np.float64)
    if finite.any():
        m = logb[finite].max()
        b[finite] = np.exp(logb[finite] - m)
        b /= b.sum()
    return b


def value_mass(state: DialogueState, b: np.ndarray) -> np.ndarray:
    """Belief mass having each attribute value ``(n_values,)``: one sparse product, cached on
    the belief vector so repeated calls within a decision cost nothing."""
    cache = getattr(state, "_value_mass", None)
    if cache is not None and cache[0] is b:
        return cache[1]
    mass = state.world.attr_by_value @ b
    state._value_mass = (b, mass)
    return mass


def value_information(state: DialogueState, b: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Expected information of asking each value ``(len(values),)``: the belief mass whose
    type is known times the binary entropy of the yes-share within it."""
    w = state.world
    p_has = value_mass(state, b)[values]  # (len(values),) mass having the value
    p_known = (b @ w.known)[w.value_type[values]]  # mass that knows the value's type
    q = np.divide(p_has, p_known, out=np.zeros_like(p_has), where=p_known > 1e-12)
    q = np.clip(q, 1e-12, 1 - 1e-12)
    return p_known * -(q * np.log2(q) + (1 - q) * np.log2(1 - q))


def top_items(logb: np.ndarray, k: int) -> np.ndarray:
    finite = np.flatnonzero(np.isfinite(logb))
    if finite.size <= k:
        return finite[np.argsort(-logb[finite], kind="stable")]
    part = finite[np.argpartition(-logb[finite], k - 1)[:k]]
    return part[np.argsort(-logb[part], kind="stable")]
