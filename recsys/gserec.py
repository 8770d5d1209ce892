"""GSERec (arXiv 2508.04145) on our catalog, registered as ``gserec``; ``gserec-nocodes`` is the
same model and training without the code graph, for the ablation the issue asks for.

A user is their history (never a row of a user table), so a sparse or brand-new user is
scored from what they have:

* **Two views of a user.** The *recommendation view* r is the mean input embedding of the
  films they liked. The *search view* s is their preference summary (``recsys.summaries``:
  "likes 1950s thriller films by Alfred Hitchcock, …"), encoded (the MiniLM we ship, or a bag
  of the summary's values with ``text="values"``) and projected, s = W t.
* **Codes.** The summaries' vectors are quantised by an RQ-VAE (``recsys.codes``: ``levels``
  × ``codes``, k-means start, dead-code restarts) into a few discrete codes per user.
* **The user–code graph.** Users link to their codes; LightGCN propagation (symmetric
  normalisation, ``layers`` rounds, layer outputs averaged) over it carries what users with
  rich histories show to every user who shares their codes: g = mean_k X_k, with
  X_k = Â Y_{k-1}, Y_k = Âᵀ X_{k-1}, X_0 = r + s of the training users, Y_0 the learned code
  embeddings. A new user's row of Â is their codes (each 1/√(L · deg code)), so their g
  comes from the stored Y_k without refitting.
* **Score** z = r + s + g against output embeddings with a bias; trained like AMP-CF here
  (``recsys.ampcf``): each user's history is split once into the part they "said" (input,
  ``keep``; their summary and codes are made from it alone) and the films they went on to
  like (targets), with the multinomial log-likelihood over every film not in the input; a
  ``sparse_share`` of each batch sees at most ``sparse_size`` input films, as a sparse user
  would have. A contrastive term (InfoNCE, weight ``cl_weight``, temperature ``temperature``,
  in-batch negatives, as the released code's user loss) aligns the two views.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from recsys.scorers import Params, Scorer
from recsys.summaries import Summaries

TEXTS = ("minilm", "values")


@dataclass(frozen=True)
class GSERecParams(Params):
    dim: int = 64
    levels: int = 3  # RQ-VAE levels
    codes: int = 64  # codes per level
    layers: int = 2  # LightGCN rounds
    epochs: int = 30
    batch_size: int = 128
    lr: float = 2e-3
    weight_decay: float = 0.0
    keep: float = 0.5  # share of a history that is the training input (and the summary's source)
    sparse_share: float = 0.3  # of a batch, the share whose input is cut to a sparse user's size
    sparse_size: int = 5
    cl_weight: float = 0.1  # InfoNCE between the two views (0: the ablation without it)
    temperature: float = 0.1
    text: str = "minilm"  # how summaries become vectors: the MiniLM we ship, or a bag of their values
    graph: bool = True  # False: gserec-nocodes
    code_epochs: int = 200
    base: str = "ease"  # the registry scorer whose (row-standardised) scores the model adds to; "" for none
    base_params: dict = field(default_factory=dict)  # its hyper-parameters (the dataset's tuned ones)

    def __post_init__(self):
        for name in ("dim", "levels", "codes", "layers", "epochs", "batch_size", "sparse_size", "code_epochs"):
            if getattr(self, name) < 1:
                raise ValueError(f"GSERecParams.{name} must be >= 1, got {getattr(self, name)}")
        if not 0 < self.keep < 1 or not 0 <= self.sparse_share <= 1:
            raise ValueError(f"GSERecParams: keep in (0, 1) and sparse_share in [0, 1], got {self.keep}, "
                             f"{self.sparse_share}")
        if self.lr <= 0 or self.temperature <= 0 or self.weight_decay < 0 or self.cl_weight < 0:
            raise ValueError("GSERecParams needs lr > 0, temperature > 0, weight_decay >= 0, cl_weight >= 0")
        if self.base in ("gserec", "gserec-nocodes", "blend"):
            raise ValueError(f"GSERecParams.base must be a plain registry scorer, got {self.base!r}")
        if self.text not in TEXTS:
            raise ValueError(f"GSERecParams.text must be one of {', '.join(TEXTS)}, got {self.text!r}")


@dataclass(frozen=True)
class GSERecNoCodesParams(GSERecParams):
    graph: bool = False


class GSERec(Scorer):
    """Rich users' signal carried to sparse ones through shared preference codes."""

    name = "gserec"
    Params = GSERecParams

    def __init__(self, params: Params | None = None, seed: int = 0, catalog=None, items=None) -> None:
        super().__init__(params, seed, catalog, items)
        if catalog is None:
            raise ValueError(f"{self.name} writes each user's preference summary from the catalog: "
                             f"make_scorer({self.name!r}, ..., catalog=...)")
        h = hashlib.sha256(catalog.fingerprint().encode())
        h.update(b"all" if self.items is None else self.items.tobytes())
        self.side_fingerprint = h.hexdigest()[:16]
        self.summary_table = Summaries(catalog, self.items)  # kept with the model, so a loaded one writes them
        self._encoder = None

    def __getstate__(self) -> dict:
        return {k: v for k, v in super().__getstate__().items() if k != "_encoder"}

    def __setstate__(self, state: dict) -> None:
        super().__setstate__({"_encoder": None, **state})

    # summaries and their vectors ------------------------------------------------------------
    def summaries(self, rows: list[np.ndarray]) -> list[str]:
        """The preference summary of each history (column indices)."""
        return [self.summary_table.text(cols) for cols in rows]

    def text_vectors(self, rows: list[np.ndarray]) -> np.ndarray:
        """``(len(rows), d_text)`` unit vectors of the histories' summaries."""
        if self.params.text == "values":
            return self._value_vectors(rows)
        if self._encoder is None:
            from recsys.semantic import load_encoder

            self._encoder = load_encoder()
        return np.asarray(self._encoder.encode(self.summaries(rows)), dtype=np.float32)

    def _value_vectors(self, rows: list[np.ndarray]) -> np.ndarray:
        """A summary as the bag of its values, hashed into 256 dimensions (signed), unit length."""
        out = np.zeros((len(rows), 256), np.float32)
        for r, cols in enumerate(rows):
            for t, values in self.summary_table.shared(cols).items():
                for v in values:
                    digest = hashlib.sha256(f"{t}={v}".encode()).digest()
                    out[r, int.from_bytes(digest[:4], "little") % 256] += 1 if digest[4] & 1 else -1
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1)

    # fitting ----------------------------------------------------------------------------------
    def _fit(self, train: sp.csr_matrix) -> None:
        import torch
        from torch import nn

        from recsys.codes import fit_codes

        p = self.params
        n_users, n_items = train.shape
        gen = np.random.default_rng(self.seed)
        lists = _rows(train)
        inputs, targets = [], []
        for items in lists:  # one split per user: the input is all the summary may read
            items = gen.permutation(items)
            cut = len(items) if len(items) < 2 else min(max(1, round(p.keep * len(items))), len(items) - 1)
            inputs.append(np.sort(items[:cut]))
            targets.append(items[cut:])
        text = self.text_vectors(inputs)
        self.codebook = fit_codes(text, seed=self.seed, levels=p.levels, size=min(p.codes, n_users),
                                  epochs=p.code_epochs) if p.graph else None
        user_codes = self.codebook.assign(text) if p.graph else np.zeros((n_users, 0), np.int64)
        self.code_report = self.codebook.report(user_codes) if p.graph else {}
        n_codes = p.levels * self.codebook.params.size if p.graph else 0
        code_deg = np.bincount(self._code_columns(user_codes), minlength=n_codes).astype(np.float64)
        a_hat = self._adjacency(user_codes, code_deg)
        p_in = _row_mean(inputs, n_items)
        self.base_model = None
        if p.base:  # fitted on the whole training matrix, as it would be on its own
            from recsys.models import make_scorer

            self.base_model = make_scorer(p.base, dict(p.base_params), seed=self.seed).fit(train)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.seed)
            emb_in, emb_out = nn.Embedding(n_items, p.dim), nn.Embedding(n_items, p.dim)
            for e in (emb_in, emb_out):
                nn.init.normal_(e.weight, std=0.05)
            proj = nn.Linear(text.shape[1], p.dim, bias=False)
            code_emb = nn.Embedding(max(n_codes, 1), p.dim)
            nn.init.normal_(code_emb.weight, std=0.05)
            bias = nn.Parameter(torch.zeros(n_items))
            base_w = nn.Parameter(torch.ones(()))  # how much the base scorer's opinion counts
            params = [*emb_in.parameters(), *emb_out.parameters(), *proj.parameters(), *code_emb.parameters(), bias,
                      base_w]
            opt = torch.optim.Adam(params, lr=p.lr, weight_decay=p.weight_decay)
            t_all = torch.from_numpy(text)
            a_t, p_t = _torch_sparse(a_hat, torch), _torch_sparse(p_in, torch)
            rows = np.array([u for u in range(n_users) if len(targets[u])])
            self.losses, self.epoch_seconds = [], []
            for _ in range(p.epochs):
                t0 = time.perf_counter()
                order = rows[gen.permutation(len(rows))]
                total = 0.0
                for start in range(0, len(order), p.batch_size):
                    batch = order[start:start + p.batch_size]
                    ys = []
                    if p.graph:  # every training user's r + s, through the graph
                        x0 = torch.sparse.mm(p_t, emb_in.weight) + proj(t_all)
                        ys = self._propagate(a_t, x0, code_emb.weight, torch)
                    cut = [self._sparse_input(inputs[u], gen) for u in batch]
                    r = torch.sparse.mm(_torch_sparse(_row_mean(cut, n_items), torch), emb_in.weight)
                    s = proj(t_all[torch.from_numpy(batch)])
                    z = r + s
                    if p.graph:
                        rows_a = _torch_sparse(a_hat[batch], torch)
                        z = z + sum(torch.sparse.mm(rows_a, y) for y in ys) / len(ys)
                    logits = z @ emb_out.weight.T + bias
                    if self.base_model is not None:
                        base = self._base_scores(_row_mean(cut, n_items))
                        logits = logits + base_w * torch.from_numpy(base)
                    seen_r = np.repeat(np.arange(len(cut)), [len(c) for c in cut])
                    logits = logits.index_put((torch.from_numpy(seen_r), torch.from_numpy(np.concatenate(cut))),
                                              torch.tensor(-math.inf))
                    logp = torch.log_softmax(logits, dim=1)
                    tgt = [targets[u] for u in batch]
                    rows_t = np.repeat(np.arange(len(tgt)), [len(t) for t in tgt])
                    loss = -logp[torch.from_numpy(rows_t), torch.from_numpy(np.concatenate(tgt))].sum() / len(tgt)
                    if p.cl_weight > 0 and len(batch) > 1:
                        sim = nn.functional.normalize(r, dim=1) @ nn.functional.normalize(s, dim=1).T
                        loss = loss + p.cl_weight * nn.functional.cross_entropy(sim / p.temperature,
                                                                                torch.arange(len(batch)))
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                    total += loss.item() * len(batch)
                self.losses.append(total / len(order))
                self.epoch_seconds.append(time.perf_counter() - t0)
                if not math.isfinite(self.losses[-1]):
                    raise FloatingPointError(f"{self.name}: the loss diverged ({self.losses[-1]}); lower lr")
            with torch.no_grad():
                ys = self._propagate(a_t, torch.sparse.mm(p_t, emb_in.weight) + proj(t_all), code_emb.weight,
                                     torch) if p.graph else []
        self.code_degree = code_deg
        self.weights = {"in": emb_in.weight.detach().numpy().copy(), "out": emb_out.weight.detach().numpy().copy(),
                        "proj": proj.weight.detach().T.numpy().copy(), "bias": bias.detach().numpy().copy(),
                        "ys": [y.detach().numpy().copy() for y in ys], "base": float(base_w.detach())}
        self.graph_size = {"users": n_users, "codes": n_codes, "edges": int(a_hat.nnz)}

    def _sparse_input(self, items: np.ndarray, gen: np.random.Generator) -> np.ndarray:
        p = self.params
        if len(items) > p.sparse_size and gen.random() < p.sparse_share:
            return np.sort(gen.choice(items, p.sparse_size, replace=False))
        return items

    def _code_columns(self, codes: np.ndarray) -> np.ndarray:
        """The code nodes of each row's codes, row by row (level l's codes are block l)."""
        size = self.codebook.params.size if self.codebook is not None else 0
        return (codes + np.arange(codes.shape[1]) * size).ravel()

    def _adjacency(self, codes: np.ndarray, degree: np.ndarray) -> sp.csr_matrix:
        """Rows of Â = D_u^-1/2 A D_c^-1/2 for people with these codes (users x code nodes),
        the code degrees those of the training graph; a code no training user has carries
        nothing. For the training users themselves this is the whole Â."""
        n, levels = codes.shape
        cols = self._code_columns(codes)
        scale = 1.0 / np.sqrt(np.maximum(degree[cols], 1)) / math.sqrt(max(levels, 1))
        scale[degree[cols] == 0] = 0.0
        return sp.csr_matrix((scale.astype(np.float32), (np.repeat(np.arange(n), levels), cols)),
                             shape=(n, len(degree)))

    def _propagate(self, a_t, x0, y0, torch) -> list:
        """Y_0 … Y_{layers-1}: the code-side inputs of each round (a user's X_k = Â Y_{k-1})."""
        ys, x, y = [y0], x0, y0
        for _ in range(self.params.layers - 1):
            x, y = torch.sparse.mm(a_t, y), torch.sparse.mm(a_t.t(), x)
            ys.append(y)
        return ys

    # scoring ----------------------------------------------------------------------------------
    def _score(self, history: sp.csr_matrix) -> np.ndarray:
        w = self.weights
        rows = _rows(history)
        text = self.text_vectors(rows)
        z = _row_mean(rows, self.n_items) @ w["in"] + text @ w["proj"]
        if self.params.graph:
            z = z + self.graph_vectors(text)
        scores = z @ w["out"].T + w["bias"]
        if self.base_model is not None:
            scores = scores + w["base"] * self._base_scores(history)
        return scores

    def _base_scores(self, history: sp.csr_matrix) -> np.ndarray:
        """The base scorer's scores of these histories, standardised per row."""
        s = self.base_model.score(history)
        return ((s - s.mean(axis=1, keepdims=True)) / (s.std(axis=1, keepdims=True) + 1e-6)).astype(np.float32)

    def connectivity(self, history: sp.csr_matrix, sparse: np.ndarray) -> dict:
        """The audit of the code graph for these people (rows of ``history``): code use per
        level, collisions, and the share of the ``sparse`` ones who share at least their first
        two code levels with one of the others (through whom the graph can reach them)."""
        codes = self.codebook.assign(self.text_vectors(_rows(history)))
        report = self.codebook.report(codes)
        prefix = min(2, codes.shape[1])
        warm = {tuple(c[:prefix]) for c in codes[~sparse]}
        linked = [tuple(c[:prefix]) in warm for c in codes[sparse]]
        return {**report, "sparse_linked_two_levels": float(np.mean(linked)) if linked else 0.0}

    def graph_vectors(self, text: np.ndarray) -> np.ndarray:
        """g of people with these summary vectors: their codes' propagated embeddings."""
        a_new = self._adjacency(self.codebook.assign(text), self.code_degree)
        return sum(a_new @ y for y in self.weights["ys"]) / len(self.weights["ys"])


class GSERecNoCodes(GSERec):
    """``gserec`` without the user–code graph: the two views and the contrastive term only."""

    name = "gserec-nocodes"
    Params = GSERecNoCodesParams


def _rows(m: sp.csr_matrix) -> list[np.ndarray]:
    """Each row's column indices."""
    return [m.indices[m.indptr[r]:m.indptr[r + 1]] for r in range(m.shape[0])]


def _row_mean(rows: list[np.ndarray], n_items: int) -> sp.csr_matrix:
    """Each row's items with weight 1/len (an empty row stays empty)."""
    lengths = np.array([len(r) for r in rows])
    data = np.repeat(1.0 / np.maximum(lengths, 1), lengths).astype(np.float32)
    cols = np.concatenate(rows).astype(np.int64) if len(rows) else np.zeros(0, np.int64)
    return sp.csr_matrix((data, (np.repeat(np.arange(len(rows)), lengths), cols)), shape=(len(rows), n_items))


def _torch_sparse(m: sp.csr_matrix, torch):
    coo = m.tocoo()
    return torch.sparse_coo_tensor(np.vstack([coo.row, coo.col]), coo.data, m.shape, dtype=torch.float32,
                                   check_invariants=False).coalesce()
