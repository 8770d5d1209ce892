"""KGAT (Wang, He, Cao, Liu & Chua 2019, "Knowledge Graph Attention Network for
Recommendation") on the catalog's own knowledge graph, registered as ``kgat``; ``kgat-ui`` is the
same model on the user–item graph alone, so the knowledge graph's share is visible.

**The collaborative knowledge graph.** Entities are the split's items, the attribute values
of the catalog (film → genre, director, cast, writer, country, language, decade, ...) and the
training users. Relations: *interacts* (user → item) and its inverse, and for every attribute
type *has-<type>* (item → value) and its inverse. To fit 2 cores, a film's cast is cut to its
``leads`` best-known people (``Catalog.leads``) and only values held by at least ``min_items``
of the split's items are kept (a value on one film links nothing).

**The model**, as the paper and its released code:
* TransR on the knowledge triples: g(h, r, t) = ‖W_r e_h + e_r − W_r e_t‖², trained with
  −ln σ(g(h, r, t') − g(h, r, t)) against a random tail t'.
* Knowledge-aware attention π(h, r, t) = (W_r e_t)ᵀ tanh(W_r e_h + e_r), normalised by a
  softmax over h's neighbours; recomputed from the current embeddings once per epoch and held
  fixed while the recommendation loss trains (the released code's "attentive Laplacian").
* ``layers`` rounds of propagation with the bi-interaction aggregator,
  e ← LeakyReLU(W₁(e + e_N)) + LeakyReLU(W₂(e ⊙ e_N)), with e_N = Σ_t π(h, r, t) e_t, message
  dropout, and the L2-normalised output of every round concatenated into the final vector.
* BPR on (user, liked item, random item), with L2 on the batch's final vectors.

**Users come from their history (inductive).** A user node has no free embedding: its first
vector is the mean of its items' first vectors, and it propagates like any node. A person
never seen in training (a chat user, a test user) is scored the same way from their history,
against the item vectors of the trained graph; for a training user that is exactly the graph's
own (transductive) output, since a user's neighbours are their items either way.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from recsys.personas import l2
from recsys.scorers import Params, Scorer
from recsys.spmm import Product


@dataclass(frozen=True)
class KGATParams(Params):
    dim: int = 64
    layers: int = 3
    epochs: int = 15  # with the batch and lr below: what fits ML-1M's 10-minute budget (not tuned there)
    batch_size: int = 8192  # (user, liked, random) triples per update
    kg_batch_size: int = 4096  # knowledge triples per TransR update
    lr: float = 1e-2
    kg_lr: float = 1e-3  # TransR's own learning rate (0: ``lr``). Slower TransR steps disturb the shared
    # embeddings less: at lr 1e-2 for both the knowledge graph hurt (ML-100K validation NDCG@10 0.1682 against
    # kgat-ui's 0.1712); with TransR at 1e-3 it helps (0.1808)
    l2: float = 1e-5
    mess_dropout: float = 0.1
    kg: bool = True  # False: the user-item graph alone (kgat-ui)
    leads: int = 3  # cast kept per film
    min_items: int = 2  # a value joins the graph when at least this many items hold it

    def __post_init__(self):
        for name in ("dim", "layers", "epochs", "batch_size", "kg_batch_size", "leads", "min_items"):
            if getattr(self, name) < 1:
                raise ValueError(f"KGATParams.{name} must be >= 1, got {getattr(self, name)}")
        if self.lr <= 0 or self.kg_lr < 0 or self.l2 < 0 or not 0 <= self.mess_dropout < 1:
            raise ValueError(f"KGATParams needs lr > 0, l2 >= 0, mess_dropout in [0, 1), got "
                             f"{self.lr}, {self.l2}, {self.mess_dropout}")


@dataclass(frozen=True)
class KGATUIParams(KGATParams):
    kg: bool = False


def knowledge_triples(catalog, items: np.ndarray, leads: int, min_items: int) -> tuple[np.ndarray, list[str]]:
    """(item column, value id, type id) triples of the split's ``items`` (catalog indices by
    column), and the type names. Cast is cut to each film's ``leads``; values held by fewer
    than ``min_items`` of the items are dropped; value ids are renumbered from 0."""
    sub = catalog.item_attr[items].tocsr()
    keep_cast = {}
    if "cast" in catalog.attr_types:
        for col, item in enumerate(items):
            keep_cast[col] = set(catalog.leads(int(item), n=leads))
    rows, vals = [], []
    for col in range(sub.shape[0]):
        for v in sub.indices[sub.indptr[col]:sub.indptr[col + 1]]:
            t, name = catalog.attr_values[v]
            if t == "cast" and name not in keep_cast.get(col, ()):
                continue
            rows.append(col)
            vals.append(v)
    rows, vals = np.asarray(rows, np.int64), np.asarray(vals, np.int64)
    counts = np.bincount(vals, minlength=len(catalog.attr_values))
    ok = counts[vals] >= min_items
    rows, vals = rows[ok], vals[ok]
    used, new_ids = np.unique(vals, return_inverse=True)
    types = sorted({catalog.attr_values[v][0] for v in used})
    type_of = {t: k for k, t in enumerate(types)}
    kinds = np.array([type_of[catalog.attr_values[v][0]] for v in used], np.int64)
    return np.stack([rows, new_ids, kinds[new_ids]], axis=1) if len(rows) else np.zeros((0, 3), np.int64), types


class KGAT(Scorer):
    """KGAT over the collaborative knowledge graph; users from their history."""

    name = "kgat"
    Params = KGATParams

    def __init__(self, params: Params | None = None, seed: int = 0, catalog=None, items=None) -> None:
        super().__init__(params, seed, catalog, items)
        if self.params.kg and catalog is None:
            raise ValueError(f"{self.name} reads the catalog's attributes: "
                             f"make_scorer({self.name!r}, ..., catalog=...)")
        self.side_fingerprint = ""
        if catalog is not None and self.params.kg:  # what the graph is built from: the catalog and the columns' items
            h = hashlib.sha256(catalog.fingerprint().encode())
            h.update(b"all" if self.items is None else self.items.tobytes())
            self.side_fingerprint = h.hexdigest()[:16]

    def _graph(self, train: sp.csr_matrix):
        """Directed edges (head, relation, tail) of the collaborative knowledge graph, the
        knowledge triples for TransR, and the entity and relation counts."""
        n_users, n_items = train.shape
        triples = np.zeros((0, 3), np.int64)
        self.kg_types: list[str] = []
        if self.params.kg:
            items = np.arange(n_items) if self.items is None else self.items
            if len(items) != n_items:
                raise ValueError(f"{self.name}: {len(items)} catalog items for {n_items} columns")
            triples, self.kg_types = knowledge_triples(self.catalog, items, self.params.leads, self.params.min_items)
        n_values = int(triples[:, 1].max()) + 1 if len(triples) else 0
        u_off = n_items + n_values  # entities: items, values, users
        coo = train.tocoo()
        users, its = coo.row.astype(np.int64) + u_off, coo.col.astype(np.int64)
        heads = [users, its]
        rels = [np.zeros(len(users), np.int64), np.ones(len(users), np.int64)]
        tails = [its, users]
        kg = np.zeros((0, 3), np.int64)
        if len(triples):
            item, value, kind = triples[:, 0], triples[:, 1] + n_items, triples[:, 2]
            heads += [item, value]
            rels += [2 + 2 * kind, 3 + 2 * kind]
            tails += [value, item]
            kg = np.concatenate([np.stack([item, 2 + 2 * kind, value], 1), np.stack([value, 3 + 2 * kind, item], 1)])
        h, r, t = (np.concatenate(x) for x in (heads, rels, tails))
        order = np.lexsort((t, h))  # grouped by head, for the per-head softmax
        self.graph_size = {"users": n_users, "items": n_items, "values": n_values,
                           "relations": 2 + 2 * len(self.kg_types), "edges": len(h), "knowledge triples": len(triples)}
        return h[order], r[order], t[order], kg, u_off + n_users, 2 + 2 * len(self.kg_types), u_off

    def _fit(self, train: sp.csr_matrix) -> None:
        """``_train`` with torch's deterministic kernels: with two threads the default ones add
        the gathered embeddings' gradients in no fixed order, and the same seed gave ML-1M test
        NDCG@10 0.2059 in one run and 0.2003 in the next (the deterministic ones are no slower
        here: an ML-1M epoch 9.0 s against 10.7 s)."""
        import torch

        before = torch.are_deterministic_algorithms_enabled()
        torch.use_deterministic_algorithms(True)
        try:
            self._train(train)
        finally:
            torch.use_deterministic_algorithms(before)

    def _train(self, train: sp.csr_matrix) -> None:
        import time

        import torch
        from torch import nn

        p = self.params
        n_users, n_items = train.shape
        h, r, t, kg, n_ent, n_rel, u_off = self._graph(train)
        heads_start = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.seed)
            gen = np.random.default_rng(self.seed)
            emb = nn.Parameter(nn.init.xavier_uniform_(torch.empty(u_off, p.dim)))  # items and values
            rel = nn.Parameter(nn.init.xavier_uniform_(torch.empty(n_rel, p.dim)))  # e_r
            w_r = nn.Parameter(nn.init.xavier_uniform_(torch.empty(n_rel, p.dim, p.dim)))  # W_r
            w1 = nn.ModuleList([nn.Linear(p.dim, p.dim) for _ in range(p.layers)])
            w2 = nn.ModuleList([nn.Linear(p.dim, p.dim) for _ in range(p.layers)])
            opt = torch.optim.Adam([emb, rel, w_r, *w1.parameters(), *w2.parameters()], lr=p.lr)
            # TransR's own optimizer only where its rate differs (at one rate, one optimizer, as the paper's code)
            kg_opt = torch.optim.Adam([emb, rel, w_r], lr=p.kg_lr) if p.kg_lr and p.kg_lr != p.lr else opt
            deg = np.maximum(np.diff(train.indptr), 1).astype(np.float32)
            # a user's first vector is the mean of their items' first vectors
            mean_items = Product(sp.diags(1.0 / deg) @ train)
            hist = train.tocsr()
            pos_u = np.repeat(np.arange(n_users), np.diff(hist.indptr))
            pos_i = hist.indices.astype(np.int64)
            self.losses, self.epoch_seconds = [], []

            def entities():
                return torch.cat([emb, mean_items(emb[:n_items])])

            def attention() -> Product:
                with torch.no_grad():
                    e = entities()
                    logits = np.empty(len(h), np.float32)
                    for k in range(n_rel):
                        m = np.flatnonzero(r == k)
                        for s in range(0, len(m), 200_000):
                            idx = torch.from_numpy(m[s:s + 200_000])
                            eh, et = e[torch.from_numpy(h)[idx]] @ w_r[k], e[torch.from_numpy(t)[idx]] @ w_r[k]
                            logits[m[s:s + 200_000]] = (et * torch.tanh(eh + rel[k])).sum(1).numpy()
                logits -= np.repeat(np.maximum.reduceat(logits, heads_start), np.diff(np.r_[heads_start, len(h)]))
                ex = np.exp(logits)
                ex /= np.repeat(np.add.reduceat(ex, heads_start), np.diff(np.r_[heads_start, len(h)]))
                # the edges are sorted by head, then tail, and no (head, tail) pair repeats: already CSR
                indptr = np.r_[0, np.cumsum(np.bincount(h, minlength=n_ent))]
                return Product(sp.csr_matrix((ex, t, indptr), shape=(n_ent, n_ent)))

            def propagate(a, train_mode: bool) -> list:
                e = entities()
                layers_out = [e]
                for k in range(p.layers):
                    n = a(e)
                    e = nn.functional.leaky_relu(w1[k](e + n)) + nn.functional.leaky_relu(w2[k](e * n))
                    e = nn.functional.dropout(e, p.mess_dropout, training=train_mode)
                    layers_out.append(e)
                return layers_out

            def final(layers_out):
                return torch.cat([nn.functional.normalize(x, dim=1) for x in layers_out], 1)

            for _ in range(p.epochs):
                t0 = time.perf_counter()
                total = 0.0
                if len(kg):  # TransR on the knowledge triples, one relation at a time within a batch
                    kg_order = gen.permutation(len(kg))
                    for s in range(0, len(kg), p.kg_batch_size):
                        b = kg[kg_order[s:s + p.kg_batch_size]]
                        neg = gen.integers(0, u_off, len(b))
                        loss = 0.0
                        for k in np.unique(b[:, 1]):
                            m = b[:, 1] == k
                            eh, ep, en = (emb[torch.from_numpy(x)] @ w_r[k] for x in (b[m, 0], b[m, 2], neg[m]))
                            er = rel[k].expand_as(eh)
                            g_pos = (eh + er - ep).pow(2).sum(1)
                            g_neg = (eh + er - en).pow(2).sum(1)
                            loss = loss + nn.functional.softplus(g_pos - g_neg).sum() + p.l2 * (
                                eh.pow(2).sum() + er.pow(2).sum() + ep.pow(2).sum() + en.pow(2).sum()) / 2
                        kg_opt.zero_grad()
                        (loss / len(b)).backward()
                        kg_opt.step()
                a = attention()
                order = gen.permutation(len(pos_u))
                for s in range(0, len(order), p.batch_size):
                    b = order[s:s + p.batch_size]
                    u = torch.from_numpy(pos_u[b] + u_off)
                    i = torch.from_numpy(pos_i[b])
                    j = torch.from_numpy(gen.integers(0, n_items, len(b)))
                    f = final(propagate(a, True))
                    fu, fi, fj = f[u], f[i], f[j]
                    x = (fu * (fi - fj)).sum(1)
                    loss = nn.functional.softplus(-x).mean()
                    loss = loss + p.l2 * (fu.pow(2).sum(1) + fi.pow(2).sum(1) + fj.pow(2).sum(1)).mean() / 2
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                    total += loss.item() * len(b)
                self.losses.append(total / max(len(order), 1))
                self.epoch_seconds.append(time.perf_counter() - t0)
                if not math.isfinite(self.losses[-1]):
                    raise FloatingPointError(f"{self.name}: the loss diverged ({self.losses[-1]}); lower lr")
            a = attention()
            with torch.no_grad():
                layers_out = propagate(a, False)
                self.item_layers = [x[:n_items].numpy().copy() for x in layers_out]  # raw, for new users' messages
                self.item_final = final(layers_out)[:n_items].numpy().copy()
                self.att = (w_r[0].numpy().copy(), rel[0].numpy().copy())  # relation "interacts" (user -> item)
                self.w = [(w1[k].weight.T.numpy().copy(), w1[k].bias.numpy().copy(),
                           w2[k].weight.T.numpy().copy(), w2[k].bias.numpy().copy()) for k in range(p.layers)]

    def _score(self, history: sp.csr_matrix) -> np.ndarray:
        """Each row's user vector from its history, propagated against the trained item
        vectors, dotted with every item's final vector."""
        w_att, e_att = self.att
        item0 = self.item_layers[0]
        keys = item0 @ w_att  # (n_items, d): W_r e_t for every item
        scores = np.zeros((history.shape[0], self.n_items), np.float32)
        for row in range(history.shape[0]):
            its = history.indices[history.indptr[row]:history.indptr[row + 1]]
            if not len(its):
                continue
            e = item0[its].mean(0)
            logits = keys[its] @ np.tanh(e @ w_att + e_att)
            pi = np.exp(logits - logits.max())
            pi /= pi.sum()
            outs = [e]
            for k, (a1, b1, a2, b2) in enumerate(self.w):
                n = pi @ self.item_layers[k][its]
                e = _leaky((e + n) @ a1 + b1) + _leaky((e * n) @ a2 + b2)
                outs.append(e)
            fu = np.concatenate([l2(x) for x in outs])
            scores[row] = self.item_final @ fu
        return scores


class KGATUI(KGAT):
    """``kgat`` on the user–item graph alone (no knowledge triples)."""

    name = "kgat-ui"
    Params = KGATUIParams


def _leaky(x: np.ndarray, slope: float = 0.01) -> np.ndarray:
    return np.where(x > 0, x, slope * x)
