"""A learned multi-persona recommender in the spirit of AMP-CF (attentive multi-persona
collaborative filtering), registered as ``ampcf``; ``ampcf-k1`` is the same model with one
persona, for the ablation.

A person is their history, never a row of a user table, so a new chat user gets personas from
a few likes without refitting:

* **Personas from the history.** Each liked item j has an input embedding h_j. K learned
  attention heads (self-attentive pooling, as ComiRec-SA extracts interests) weigh the history:
  a_k = softmax_j(w_kᵀ tanh(W h_j)), and persona k is p_k = Σ_j a_kj h_j.
* **Candidate-conditioned attention over personas.** A candidate i has an output embedding
  q_i and a bias b_i. Each persona scores it, s_k(i) = p_kᵀ q_i; the candidate picks the
  personas that speak for it, α_k(i) = softmax_k(s_k(i) / τ), and its score is
  Σ_k α_k(i) s_k(i) + b_i. The persona with the largest α_k(i) is the one that recommended i.
* **Trained end to end** on the training interactions: each step splits a person's history
  at random into what they "said" (the input, a ``keep`` share) and what they went on to
  like (the targets); the loss is the multinomial log-likelihood of the targets under a
  softmax over every item not in the input (the full softmax is affordable at catalog size).

Scoring and persona read-outs are numpy forward passes through the fitted weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.special import softmax

from recsys.scorers import Params, Scorer


@dataclass(frozen=True)
class AMPCFParams(Params):
    personas: int = 4  # K
    dim: int = 64  # embedding size
    epochs: int = 60
    batch_size: int = 32
    lr: float = 2e-3
    weight_decay: float = 0.0
    keep: float = 0.25  # share of a history given as input in training; the rest are targets
    max_len: int = 256  # longer input histories are sampled down to this many items in training
    temperature: float = 1.0  # τ of the attention over personas

    def __post_init__(self):
        for name in ("personas", "dim", "epochs", "batch_size", "max_len"):
            if getattr(self, name) < 1:
                raise ValueError(f"AMPCFParams.{name} must be >= 1, got {getattr(self, name)}")
        if not 0 < self.keep < 1:
            raise ValueError(f"AMPCFParams.keep must be in (0, 1), got {self.keep}")
        if self.lr <= 0 or self.temperature <= 0 or self.weight_decay < 0:
            raise ValueError(f"AMPCFParams needs lr > 0, temperature > 0, weight_decay >= 0, got "
                             f"{self.lr}, {self.temperature}, {self.weight_decay}")


@dataclass(frozen=True)
class AMPCF1Params(AMPCFParams):
    personas: int = 1


class AMPCF(Scorer):
    """K personas pooled from the history by attention; each candidate attends over them."""

    name = "ampcf"
    Params = AMPCFParams

    def _fit(self, train: sp.csr_matrix) -> None:
        import torch
        from torch import nn

        p = self.params
        n_items = train.shape[1]
        pad = n_items  # index of the padding embedding
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.seed)
            emb = nn.Embedding(n_items + 1, p.dim, padding_idx=pad)  # h_j
            proj = nn.Linear(p.dim, p.dim)  # W
            heads = nn.Linear(p.dim, p.personas, bias=False)  # w_k
            out = nn.Embedding(n_items, p.dim)  # q_i
            bias = nn.Parameter(torch.zeros(n_items))  # b_i
            for e in (emb, out):
                nn.init.normal_(e.weight, std=0.05)
            with torch.no_grad():
                emb.weight[pad].zero_()
            params = [*emb.parameters(), *proj.parameters(), *heads.parameters(), *out.parameters(), bias]
            opt = torch.optim.Adam(params, lr=p.lr, weight_decay=p.weight_decay)
            gen = np.random.default_rng(self.seed)
            lists = [train.indices[train.indptr[u]:train.indptr[u + 1]] for u in range(train.shape[0])]
            rows = np.array([u for u, items in enumerate(lists) if len(items) >= 2])
            self.losses = []
            for _ in range(p.epochs):
                order = rows[gen.permutation(len(rows))]
                total = 0.0
                for start in range(0, len(order), p.batch_size):
                    inp, tgt = [], []
                    for u in order[start:start + p.batch_size]:
                        items = gen.permutation(lists[u])
                        cut = min(max(1, int(round(p.keep * len(items)))), len(items) - 1, p.max_len)
                        inp.append(items[:cut])
                        tgt.append(items[cut:])
                    width = max(len(x) for x in inp)
                    idx = torch.full((len(inp), width), pad, dtype=torch.long)
                    for r, x in enumerate(inp):
                        idx[r, :len(x)] = torch.from_numpy(x.astype(np.int64))
                    scores = self._forward(emb, proj, heads, out, bias, idx, pad, torch)  # (B, n_items)
                    rows_in = torch.repeat_interleave(torch.arange(len(inp)), torch.tensor([len(x) for x in inp]))
                    scores = scores.index_put((rows_in, torch.from_numpy(np.concatenate(inp).astype(np.int64))),
                                              torch.tensor(-math.inf))
                    logp = torch.log_softmax(scores, dim=1)
                    rows_t = torch.repeat_interleave(torch.arange(len(tgt)), torch.tensor([len(x) for x in tgt]))
                    nll = -logp[rows_t, torch.from_numpy(np.concatenate(tgt).astype(np.int64))].sum() / len(tgt)
                    opt.zero_grad()
                    nll.backward()
                    opt.step()
                    total += nll.item() * len(tgt)
                self.losses.append(total / len(order))
                if not math.isfinite(self.losses[-1]):
                    raise FloatingPointError(f"{self.name}: the loss diverged ({self.losses[-1]}); lower lr")
        self.weights = {
            "emb": emb.weight.detach()[:n_items].numpy().copy(),
            "proj_w": proj.weight.detach().T.numpy().copy(), "proj_b": proj.bias.detach().numpy().copy(),
            "heads": heads.weight.detach().T.numpy().copy(),  # (dim, K)
            "out": out.weight.detach().numpy().copy(), "bias": bias.detach().numpy().copy(),
        }

    def _forward(self, emb, proj, heads, out, bias, idx, pad, torch):
        """Training forward pass: scores (B, n_items) for padded history indices (B, L)."""
        h = emb(idx)  # (B, L, d)
        logits = heads(torch.tanh(proj(h)))  # (B, L, K)
        logits = logits.masked_fill((idx == pad).unsqueeze(-1), -math.inf)
        a = torch.softmax(logits, dim=1)  # attention of each persona over the history
        personas = torch.einsum("blk,bld->bkd", a, h)
        s = torch.einsum("bkd,nd->bkn", personas, out.weight)  # each persona's score of every item
        alpha = torch.softmax(s / self.params.temperature, dim=1)
        return (alpha * s).sum(1) + bias

    # ------------------------------------------------------------ numpy read-outs

    def personas(self, items) -> tuple[np.ndarray, np.ndarray]:
        """Persona vectors (K, d) of one person from their liked item indices, and each
        persona's attention over those items (K, n) — what the persona is made of."""
        w = self.weights
        items = np.asarray(items, dtype=np.int64)
        h = w["emb"][items]  # (n, d)
        a = softmax(np.tanh(h @ w["proj_w"] + w["proj_b"]) @ w["heads"], axis=0).T  # (K, n)
        return a @ h, a

    def persona_scores(self, items) -> tuple[np.ndarray, np.ndarray]:
        """For one person: every item's score (n_items,) and the candidate-conditioned
        attention over personas (K, n_items); ``argmax`` over axis 0 names the persona that
        recommended each item."""
        w = self.weights
        if not len(items):  # no history: nothing but the item biases
            k = self.params.personas
            return w["bias"].copy(), np.full((k, self.n_items), 1.0 / k, np.float32)
        personas, _ = self.personas(items)
        s = personas @ w["out"].T  # (K, n_items)
        alpha = softmax(s / self.params.temperature, axis=0)
        return (alpha * s).sum(0) + w["bias"], alpha

    def _score(self, history: sp.csr_matrix) -> np.ndarray:
        scores = np.empty((history.shape[0], self.n_items), np.float32)
        for r in range(history.shape[0]):
            scores[r] = self.persona_scores(history.indices[history.indptr[r]:history.indptr[r + 1]])[0]
        return scores


class AMPCF1(AMPCF):
    """``ampcf`` with a single persona (K = 1): the same features and budget."""

    name = "ampcf-k1"
    Params = AMPCF1Params


def persona_words(model: AMPCF, history, catalog, items=None, n: int = 3,
                  types: tuple[str, ...] = ("genre", "director", "cast", "decade")) -> list[list[tuple[str, str]]]:
    """Words for each persona of one person: the attribute values (of ``types``) most typical of
    the films the persona attends to, by attention-weighted tf-idf over the catalog, best first.
    ``history``: column indices; ``items``: the catalog item of each column (default: the same)."""
    history = np.asarray(history, dtype=np.int64)
    cat_items = history if items is None else np.asarray(items)[history]
    _, attention = model.personas(history)  # (K, n)
    keep = np.array([catalog.attr_values[v][0] in types for v in range(len(catalog.attr_values))])
    x = catalog.item_attr[cat_items].toarray()[:, keep]  # (n, values kept)
    df = np.asarray(catalog.item_attr[:, np.flatnonzero(keep)].sum(axis=0)).ravel()
    weight = (attention @ x) * np.log(catalog.n_items / np.maximum(df, 1))  # (K, values kept)
    names = [catalog.attr_values[v] for v in np.flatnonzero(keep)]
    return [[names[v] for v in np.argsort(-w, kind="stable")[:n] if w[v] > 0] for w in weight]


def recommend_with_personas(model: AMPCF, history, k: int = 10) -> list[tuple[int, int]]:
    """The best ``k`` unseen columns for one person, each with the persona that scored it (the
    candidate's largest attention weight)."""
    scores, alpha = model.persona_scores(np.asarray(history, dtype=np.int64))
    scores = scores.copy()
    scores[np.asarray(history, dtype=np.int64)] = -np.inf
    best = np.argsort(-scores, kind="stable")[:k]
    return [(int(i), int(alpha[:, i].argmax())) for i in best]
