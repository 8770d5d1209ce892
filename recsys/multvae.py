"""Mult-VAE (Liang, Krishnan, Hoffman & Jebara 2018, "Variational Autoencoders for
Collaborative Filtering"), registered as ``multvae``.

A user is their binary history x. The encoder maps the L2-normalised, dropped-out x through
a tanh layer to a Gaussian q(z|x) = N(μ, diag σ²); the decoder maps z through a tanh layer to
logits over every item, and the likelihood is multinomial: log p(x|z) = Σ_i x_i log softmax(f(z))_i.
The loss per user is −log p(x|z) + β·KL(q(z|x) ‖ N(0, I)), with β annealed linearly from 0 to
its cap over ``anneal_steps`` updates (the paper's "partially regularised" VAE; the cap is
chosen on validation by ``lab.evaluate_cf --tune``). Adam, minibatches of users.

Scoring is a forward pass from any history through the mean path (no dropout, z = μ), so
people never seen in training (every chat user, every test user) are scored without refitting.
The fitted weights are kept as numpy arrays: scoring needs neither torch nor gradients.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from recsys.personas import l2
from recsys.scorers import Params, Scorer


@dataclass(frozen=True)
class MultVAEParams(Params):
    hidden: int = 600  # the paper's [I -> 600 -> 200 -> 600 -> I]
    latent: int = 200
    dropout: float = 0.5  # on the normalised input, while training
    beta: float = 0.2  # cap of the KL weight
    anneal_steps: int = 2000  # updates to ramp β from 0 to its cap (0: the cap from the start)
    epochs: int = 100
    batch_size: int = 500
    lr: float = 1e-3
    weight_decay: float = 0.0
    # "users": each epoch is every user once, in a new order (the paper's reference code);
    # "interactions": each epoch draws as many users, each with probability ∝ their history's
    # length, as RecBole's trainer does by batching interactions (heavy users seen more often)
    sampling: str = "users"

    def __post_init__(self):
        for name in ("hidden", "latent", "epochs", "batch_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"MultVAEParams.{name} must be >= 1, got {getattr(self, name)}")
        if not 0 <= self.dropout < 1:
            raise ValueError(f"MultVAEParams.dropout must be in [0, 1), got {self.dropout}")
        if self.beta < 0 or self.anneal_steps < 0 or self.weight_decay < 0:
            raise ValueError(f"MultVAEParams.beta, anneal_steps and weight_decay must be >= 0, got "
                             f"{self.beta}, {self.anneal_steps}, {self.weight_decay}")
        if self.lr <= 0:
            raise ValueError(f"MultVAEParams.lr must be > 0, got {self.lr}")
        if self.sampling not in ("users", "interactions"):
            raise ValueError(f"MultVAEParams.sampling must be 'users' or 'interactions', got {self.sampling!r}")


class MultVAE(Scorer):
    """Mult-VAE^PR: multinomial likelihood, KL annealed to a validation-chosen cap."""

    name = "multvae"
    Params = MultVAEParams

    def _fit(self, train: sp.csr_matrix) -> None:
        import torch
        from torch import nn

        p = self.params
        n_users, n_items = train.shape
        with torch.random.fork_rng(devices=[]):  # the caller's global RNG is left as it was
            torch.manual_seed(self.seed)
            enc = nn.Linear(n_items, p.hidden)
            q = nn.Linear(p.hidden, 2 * p.latent)  # μ and log σ²
            dec = nn.Linear(p.latent, p.hidden)
            out = nn.Linear(p.hidden, n_items)
            layers = nn.ModuleList([enc, q, dec, out])
            for layer in layers:  # Xavier weights, small normal biases (the reference code's init)
                nn.init.xavier_normal_(layer.weight)
                nn.init.normal_(layer.bias, std=0.001)
            # the first layer's weight as rows per item, read by a weighted bag of the history
            enc_w = nn.Parameter(enc.weight.detach().T.contiguous())
            params = [enc_w, enc.bias, *q.parameters(), *dec.parameters(), *out.parameters()]
            opt = torch.optim.Adam(params, lr=p.lr, weight_decay=p.weight_decay)
            gen = np.random.default_rng(self.seed)
            length = np.diff(train.indptr)
            rows = np.flatnonzero(length > 0)  # people with no history teach nothing
            weight = length[rows] / length[rows].sum()
            step, self.losses = 0, []
            for _ in range(p.epochs):
                order = (gen.permutation(rows) if p.sampling == "users"
                         else gen.choice(rows, size=len(rows), p=weight))
                total = 0.0
                for start in range(0, len(order), p.batch_size):
                    x = train[order[start:start + p.batch_size]]
                    n = x.shape[0]
                    rows_t = torch.from_numpy(np.repeat(np.arange(n), np.diff(x.indptr)))
                    cols_t = torch.from_numpy(x.indices.astype(np.int64))
                    vals = torch.from_numpy(x.data.astype(np.float32))
                    # the input, L2-normalised per row and dropped out, kept sparse: the first
                    # layer then costs the history's length, not the catalog's size
                    norm = torch.zeros(n).index_add_(0, rows_t, vals * vals).sqrt()
                    h = nn.functional.dropout(vals / norm[rows_t].clamp_min(1e-12), p.dropout, training=True)
                    first = nn.functional.embedding_bag(cols_t, enc_w, torch.from_numpy(x.indptr[:-1].astype(np.int64)),
                                                        mode="sum", per_sample_weights=h)
                    mu, logvar = q(torch.tanh(first + enc.bias)).chunk(2, dim=1)
                    z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
                    logits = out(torch.tanh(dec(z)))
                    logp = nn.functional.log_softmax(logits, dim=1)
                    nll = -(logp[rows_t, cols_t] * vals).sum() / n
                    kl = 0.5 * (torch.exp(logvar) + mu.pow(2) - 1 - logvar).sum(1).mean()
                    beta = p.beta if p.anneal_steps == 0 else min(p.beta, p.beta * step / p.anneal_steps)
                    loss = nll + beta * kl
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                    step += 1
                    total += loss.item() * n
                self.losses.append(total / max(len(order), 1))
                if not math.isfinite(self.losses[-1]):
                    raise FloatingPointError(f"multvae: the loss diverged ({self.losses[-1]}); lower lr")
        # the mean path, as numpy: W (in, out) and b for each layer
        mu_w, mu_b = q.weight.detach()[:p.latent], q.bias.detach()[:p.latent]
        self.weights = [(w.detach().T.numpy().copy(), b.detach().numpy().copy())
                        for w, b in ((enc_w.T, enc.bias), (mu_w, mu_b), (dec.weight, dec.bias),
                                     (out.weight, out.bias))]

    def _score(self, history: sp.csr_matrix) -> np.ndarray:
        (w1, b1), (w2, b2), (w3, b3), (w4, b4) = self.weights
        scores = np.empty((history.shape[0], self.n_items), np.float32)
        for start in range(0, history.shape[0], 1024):  # bounded memory for a whole user base
            x = l2(history[start:start + 1024].toarray())
            mu = np.tanh(x @ w1 + b1) @ w2 + b2
            scores[start:start + 1024] = np.tanh(mu @ w3 + b3) @ w4 + b4
        return scores
