"""``unified``: one learned network scores every ask-action and the recommend-action from
one state, in the spirit of UNICORN's unified conversational policy.

State (built on the shared beliefs of ``policy.beliefs``, the same update ``rule`` uses):
global features — turn, belief entropy, top-1/10/20 belief mass, effective candidate count,
counts of yes / no / don't-know answers and failed lists, the last answer, the expected
value of recommending from now on (``policy.plan``), the setting's assumed patience and
don't-know rates and the lookahead's tuned turn weight and margin — and, per candidate
action, its own features: for an ask, the expected information, the known mass, the
yes-share, the attribute type and its one-step lookahead (expected value after the answer,
and its gain over recommending now); for recommend, a flag and its expected value. To keep
steps cheap only the ``N_CANDIDATES`` most informative values (or, multi-choice, types) are
scored, plus recommend. The network is an MLP over [global ; action] giving a Q-value per
action (``lab.train_unified`` trains it by double DQN with replay on UNICORN's rewards,
starting from the demonstrations of ``plan``, the lookahead used as a hand-made policy).
"""

from __future__ import annotations

import dataclasses
import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from policy.actions import Action, Answer, AskType, AskValue
from policy.beliefs import log_beliefs, normalise, top_items, value_information, value_mass
from policy.plan import PlanConfig, PlanPolicy, lookahead, valued_beliefs
from policy.rule import CHIPS, RuleConfig, RulePolicy, candidate_values, fallback_list
from policy.state import DialogueState
from policy.tuned import policy_file, setting_entry, tuned_file
from recsys.runs import atomic_write

N_CANDIDATES = 20
MAX_TYPES = 12  # attribute-type one-hot width (types beyond share the last slot)
N_GLOBAL = 24
N_ACTION = 8 + MAX_TYPES


@dataclass(frozen=True)
class Candidates:
    """The actions scored at one state: ``actions[0]`` is recommend; features per action."""

    actions: list[Action]
    features: np.ndarray  # (n_actions, N_GLOBAL + N_ACTION) float32


def _entropy(b: np.ndarray) -> float:
    p = b[b > 0]
    return float(-(p * np.log(p)).sum())


def build_candidates(state: DialogueState, config: RuleConfig, plan: PlanConfig | None = None) -> Candidates:
    """The scored actions and their features under the setting's belief update; the
    setting's tuned rule parameters are features too, so one network serves every setting.
    ``plan`` gives the lookahead's assumptions (its beliefs are replaced by ``config``'s, so
    the two always share one update)."""
    plan = dataclasses.replace(plan or PlanConfig(), beliefs=config.beliefs)
    logb = log_beliefs(state, config.beliefs)
    b = normalise(logb)
    w = state.world
    size = state.list_size  # "10" below: one list (two lists: "20")
    order = top_items(logb, 2 * size)
    mass = np.cumsum(b[order]) if order.size else np.zeros(1)
    m1, m10, m20 = (float(mass[min(k, len(mass)) - 1]) for k in (1, size, 2 * size))
    n_eff = float(np.exp(_entropy(b))) if b.sum() > 0 else 1.0
    last = [0.0, 0.0, 0.0]
    if state.answers:
        last[[Answer.YES, Answer.NO, Answer.DONT_KNOW].index(state.answers[-1])] = 1.0
    g = np.array([state.turn / state.max_turns, np.log1p(n_eff) / np.log1p(w.n_items), m1, m10, m20,
                  len(state.accepted) / 5, len(state.rejected) / 5, len(state.unanswered) / 5,
                  float(state.shown.sum()) / (size * 5), float(state.turn == state.max_actions - 1),
                  float(state.multi_choice), *last, 1.0, config.threshold, config.beliefs.error * 5,
                  np.log(config.beliefs.temperature)], dtype=np.float32)
    values = candidate_values(state, b, limit=N_CANDIDATES)
    if not (values.size and state.turn < state.max_actions - 1):
        values = values[:0]
    la = lookahead(state, valued_beliefs(logb, b, plan.sharpness), values, plan)
    g = np.r_[g, la.v_rec, la.v_rec_next, plan.patience, plan.dont_know, plan.turn_weight,
              plan.margin * 10].astype(np.float32)
    top = top_items(logb, size)
    actions: list[Action] = [fallback_list(state, top)]
    feats = [np.concatenate([g, np.r_[1.0, m10, 0.0, 0.0, 0.0, la.v_rec, 0.0, 0.0, np.zeros(MAX_TYPES)]])]
    if values.size:
        info = value_information(state, b, values)
        gain = la.v_ask - la.v_rec
        p_has = value_mass(state, b)[values]
        p_known = (b @ w.known)[w.value_type[values]]
        if state.multi_choice:
            for t in np.unique(w.value_type[values]):
                sel = w.value_type[values] == t
                vals = values[sel][np.argsort(-p_has[sel], kind="stable")[:CHIPS]]
                actions.append(AskType(w.catalog.attr_types[t], tuple(int(v) for v in vals)))
                onehot = np.zeros(MAX_TYPES)
                onehot[min(int(t), MAX_TYPES - 1)] = 1.0
                best = int(np.argmax(np.where(sel, la.v_ask, -np.inf)))
                feats.append(np.concatenate([g, np.r_[0.0, info[sel].max(), info[sel].sum(), p_known[sel].max(),
                                                      p_has[sel].sum(), la.v_ask[best], gain[best],
                                                      la.p_yes[best], onehot]]))
        else:
            for k, v in enumerate(values):
                actions.append(AskValue(int(v)))
                onehot = np.zeros(MAX_TYPES)
                onehot[min(int(w.value_type[v]), MAX_TYPES - 1)] = 1.0
                feats.append(np.concatenate([g, np.r_[0.0, info[k], p_has[k], p_known[k],
                                                      p_has[k] / max(p_known[k], 1e-9), la.v_ask[k], gain[k],
                                                      la.p_yes[k], onehot]]))
    return Candidates(actions, np.asarray(feats, dtype=np.float32))


class QNetwork(nn.Module):
    """Q(s, a) = MLP([global ; action features]); input ``(n_actions, N_GLOBAL + N_ACTION)``."""

    def __init__(self, hidden: int = 64, n_in: int = N_GLOBAL + N_ACTION):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # (..., n_actions, d) -> (..., n_actions)
        return self.net(x).squeeze(-1)


class UnifiedPolicy:
    name = "unified"

    def __init__(self, net: QNetwork, config: RuleConfig | None = None, plan: PlanConfig | None = None):
        self.net, self.config, self.plan = net.eval(), config or RuleConfig(), plan or PlanConfig()

    @torch.no_grad()
    def decide(self, state: DialogueState) -> Action:
        cand = build_candidates(state, self.config, self.plan)
        q = self.net(torch.from_numpy(cand.features))
        return cand.actions[int(torch.argmax(q))]

    @classmethod
    def for_setting(cls, world, user_model, multi_choice: bool, seed: int = 0) -> UnifiedPolicy:
        """The trained network for this world (``unified-<key>-seed<k>.pt`` in the world's config
        folders or ``configs/policies/``),
        with the rule's validation-tuned beliefs and parameters for the user setting and the
        lookahead's assumptions for it, both as stored with the weights (``save_policy``; the
        current tuned files for weights saved without them). Refuses weights trained on another
        catalog, data protocol, CF model, attribute sets or feature layout."""
        path = policy_file(f"unified-{world.artifact_key}-seed{seed}.pt", world)
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: train seed {seed} with python -m lab.prepare (or "
                                    "python -m lab.train_unified) given this run's --dataset and flags")
        blob = torch.load(path, map_location="cpu", weights_only=False)
        world.check_key(blob.get("key"), path)
        expect = world_fingerprint(world)
        if blob["fingerprint"] != expect:
            raise ValueError(f"{path} was trained on catalog/CF fingerprint {blob['fingerprint']}, this world is "
                             f"{expect}: retrain it")
        n_in = blob.get("features")
        if n_in != N_GLOBAL + N_ACTION:
            raise ValueError(f"{path} was trained on {n_in or 'an older layout of'} features, this code builds "
                             f"{N_GLOBAL + N_ACTION}: retrain it")
        net = QNetwork(blob["hidden"], n_in)
        net.load_state_dict(blob["state_dict"])
        if "tuned" in blob:  # the tuned parameters its features were computed with, whatever was retuned since
            tuned = {p: setting_entry(blob["tuned"][p], user_model, multi_choice) for p in ("rule", "plan")}
            rule = RulePolicy.from_entry(tuned["rule"], user_model).config
            plan = PlanPolicy.from_entry(tuned["plan"], rule.beliefs, user_model).config
        else:
            rule = RulePolicy.for_setting(world, user_model, multi_choice).config
            plan = PlanPolicy.for_setting(world, user_model, multi_choice).config
        return cls(net, rule, plan)


def world_fingerprint(world) -> str:
    return world.fingerprint()


TUNED_KEYS = {"rule": ("temperature", "threshold", "error", "trust_opening"),
              "plan": ("turn_weight", "margin", "sharpness")}


def tuned_parameters(world) -> dict:
    """What the features read of the tuned ``rule`` and ``plan`` entries for this dataset
    (``configs/policies/<policy>-<dataset>.json``'s "settings"): stored with trained weights."""
    out = {}
    for policy, keep in TUNED_KEYS.items():
        tuned = tuned_file(policy, world)
        settings = tuned["settings"] if tuned else {}
        out[policy] = {key: {k: e[k] for k in keep if k in e} for key, e in settings.items()}
    return out


def save_policy(path: Path, state_dict: dict, hidden: int, fingerprint: str, meta: dict, tuned: dict,
                key: dict | None = None) -> None:
    """A ``QNetwork``'s weights with what ``UnifiedPolicy.for_setting`` checks on loading, and
    ``tuned`` (``tuned_parameters``): the rule's and the lookahead's tuned parameters its
    features were computed with, so retuning either later does not change what it reads."""
    buf = io.BytesIO()
    torch.save({"state_dict": state_dict, "hidden": hidden, "fingerprint": fingerprint, "key": key,
                "features": N_GLOBAL + N_ACTION, "meta": meta, "tuned": tuned}, buf)
    atomic_write(path, buf.getvalue())
    card = {"fingerprint": fingerprint, "key": key, **meta, "tuned": tuned}
    atomic_write(path.with_suffix(".json"), json.dumps(card, indent=2) + "\n")
