"""GSERec (arXiv 2508.04145) on our catalog, registered as ``gserec``; ``gserec-nocodes`` is the
same model and training without the code graph, for the ablation the issue asks for.

A user is their history (never a row of a user table), so a sparse or brand-new user is
scored from what they have:

* **Search view.** A person's preference summary (``recsys.summaries``: "likes 1950s thriller
  films by Alfred Hitchcock, …") from their films, encoded (the MiniLM we ship, or a bag of the
  summary's values with ``text="values"``). The ablation ``text="ratings"`` has no summary: the
  codes quantise the mean rating-view factor of the person's films (truncated SVD of the
  training matrix), so what the text adds is visible.
* **Codes.** The summaries' vectors are quantised by an RQ-VAE (``recsys.codes``: ``levels``
  × ``codes``, k-means start, dead-code restarts) into a few discrete codes per person.
* **Sparse views.** A sparse user's summary is written from five films, a rich user's from a
  hundred, and the two land in different places: on ML-1M only a fifth of sparse users shared
  their first two codes with any warm user. So each training user with more than
  ``sparse_size`` films is also summarised ``views`` times from that many of their films
  drawn at random, and linked to those codes too: rich users then stand where sparse ones land.
* **The user–code graph** (``CodeGraph``). Nodes are code *prefixes* (level l: the first l
  codes); users link to the nodes of their own summary and of their sparse views. One round of
  mean aggregation (person → their nodes → the users there, averaged over levels) gives each
  person g, the mean history of the rich users who, summarised as sparsely, look like them.
* **Score.** The base scorer (``base``, EASE by default) reads the person's films, each 1/n,
  shrunk towards g with weight κ/(n + κ) (``prior_strength``): five films lean on the graph,
  a hundred barely do (``prior_max``: not at all above that many films; ``prior_levels``: g
  from the mean of the levels, from the deepest level whose node has anyone, or ``smoothed``:
  each level's node mean backed off towards its parent's with ``prior_backoff`` pseudo-users,
  the first level's towards everyone's; ``popular``, the ablation without codes: g is
  everyone's mean history, a popularity prior; ``prior_query``: g at the person's codes, or
  averaged over the paths through their nearest first-level codes, or over their codes and
  those of their films with one left out in turn: both tried on validation and not better).
  ``gserec-nocodes`` is the base on the person's own films.
* **The learned two-view model** (``learned=True``; off by default because it scored below
  its own base on validation): the *recommendation view* r, the mean input embedding of the
  films; the *search view* s = W t; code embeddings propagated by LightGCN (symmetric
  normalisation, ``layers`` rounds, over per-level code nodes); z = r + s + g against output
  embeddings, added to the base's standardised scores; trained like AMP-CF
  (``recsys.ampcf``): each history split once into the part "said" (``keep``) and targets,
  the multinomial log-likelihood, a ``sparse_share`` of each batch cut to ``sparse_size``
  films, and InfoNCE between r and s (``cl_weight``, ``temperature``, in-batch negatives, as
  the released code's user loss).
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

TEXTS = ("minilm", "values", "ratings")  # "ratings": the ablation with codes from the rating view only
PRIOR_LEVELS = ("mean", "deepest", "smoothed", "popular")  # how g is read off the code graph (see the docstring)
# which code paths of a person g averages: their codes ("hard"); the paths through their 2 or 3 nearest first-level
# codes ("beam2", "beam3"); their codes and those of each of their films left out in turn ("loo")
PRIOR_QUERIES = ("hard", "beam2", "beam3", "loo")


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
    views: int = 4  # sparse views per richer training user: summaries of sparse_size of their films, linked too
    # the prior's settings, chosen on ML-1M's validation (lab.screen_gserec, the mean of split seeds 0-2,
    # 2026-12-06): the best sparse-user NDCG@10 with warm users no more than 1% below the base
    prior_strength: float = 20.0  # kappa: the code graph's history weighs kappa / (n + kappa) for n films; 0: off
    prior_max: int = 20  # the graph speaks only for people with at most this many films (0: for everyone)
    prior_levels: str = "smoothed"  # each level's node backed off towards its parent; "mean" of the levels whose
    # node has anyone, the "deepest" such level alone; "popular" (ablation): everyone's mean history, no codes
    prior_backoff: float = 5.0  # "smoothed": how many pseudo-users of its parent's mean each node's mean holds
    prior_query: str = "hard"  # the person's code paths g averages (PRIOR_QUERIES; the others tried on validation,
    # 2026-12-06, and not better)
    learned: bool = False  # add the learned two-view model (embeddings, code embeddings, InfoNCE) to the score

    def __post_init__(self):
        if self.prior_levels not in PRIOR_LEVELS:
            raise ValueError(f"GSERecParams.prior_levels must be one of {', '.join(PRIOR_LEVELS)}, "
                             f"got {self.prior_levels!r}")
        if self.prior_query not in PRIOR_QUERIES:
            raise ValueError(f"GSERecParams.prior_query must be one of {', '.join(PRIOR_QUERIES)}, "
                             f"got {self.prior_query!r}")
        if self.views < 0 or self.prior_strength < 0 or self.prior_max < 0 or self.prior_backoff < 0:
            raise ValueError(f"GSERecParams: views, prior_strength, prior_max and prior_backoff must be >= 0, got "
                             f"{self.views}, {self.prior_strength}, {self.prior_max}, {self.prior_backoff}")
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
        if not self.base and not self.learned:
            raise ValueError("GSERecParams: with no base scorer the learned model must be on (learned=True)")
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
        self._encoder, self._last_text = None, None

    def __getstate__(self) -> dict:
        return {k: v for k, v in super().__getstate__().items() if k not in ("_encoder", "_last_text")}

    def __setstate__(self, state: dict) -> None:
        super().__setstate__({"_encoder": None, "_last_text": None, **state})

    # summaries and their vectors ------------------------------------------------------------
    def summaries(self, rows: list[np.ndarray]) -> list[str]:
        """The preference summary of each history (column indices)."""
        return [self.summary_table.text(cols) for cols in rows]

    def text_vectors(self, rows: list[np.ndarray]) -> np.ndarray:
        """``(len(rows), d_text)`` unit vectors of the histories' summaries; the last batch's are
        kept, so scoring the same people again (the audit after an evaluation) encodes nothing."""
        h = hashlib.sha256()
        for cols in rows:
            h.update(np.asarray(cols, dtype=np.int64).tobytes() + b"|")
        key = h.hexdigest()
        if self._last_text is not None and self._last_text[0] == key:
            return self._last_text[1]
        vectors = self._text_vectors(rows)
        self._last_text = (key, vectors)
        return vectors

    def _text_vectors(self, rows: list[np.ndarray]) -> np.ndarray:
        if self.params.text == "values":
            return self._value_vectors(rows)
        if self.params.text == "ratings":  # no summary: the mean of the films' rating-view factors
            return _unit(_row_mean(rows, self.rating_factors.shape[0]) @ self.rating_factors)
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
        return _unit(out)

    # fitting ----------------------------------------------------------------------------------
    def _fit(self, train: sp.csr_matrix) -> None:
        from recsys.codes import fit_codes

        p = self.params
        gen = np.random.default_rng(self.seed)
        lists = _rows(train)
        self._last_text = None  # (a refit may change what the vectors are: the rating view's factors)
        self.base_model = None
        if p.base:  # fitted on the whole training matrix, as it would be on its own
            from recsys.models import make_scorer

            self.base_model = make_scorer(p.base, dict(p.base_params), seed=self.seed).fit(train)
        self.codebook, self.code_graph, self.code_report = None, None, {}
        if p.text == "ratings":  # the ablation's "summaries": truncated SVD factors of the training matrix
            from scipy.sparse.linalg import svds

            k = max(1, min(64, min(train.shape) - 1))
            _, sv, vt = svds(train.astype(np.float64), k=k, random_state=self.seed)
            self.rating_factors = (vt.T * np.sqrt(sv)).astype(np.float32)
        if p.graph:
            own = self.text_vectors(lists)  # each training user's summary, from their whole training history
            view_rows, owners = self._views(lists, gen)
            views = self.text_vectors(view_rows) if view_rows else np.zeros((0, own.shape[1]), np.float32)
            self.codebook = fit_codes(np.vstack([own, views]), seed=self.seed, levels=p.levels,
                                      size=min(p.codes, len(own) + len(views)), epochs=p.code_epochs)
            own_codes = self.codebook.assign(own)
            self.code_report = self.codebook.report(own_codes)
            self.code_graph = CodeGraph(np.vstack([own_codes, self.codebook.assign(views)]),
                                        np.concatenate([np.arange(len(lists)), owners]), train,
                                        self.codebook.params.size)
        self.weights = None
        self.losses, self.epoch_seconds = [], [0.0]
        if p.learned:
            self._fit_learned(train, lists, gen)
        self.graph_size = {"users": train.shape[0], "views": int(len(view_rows)) if p.graph else 0,
                           "nodes": self.code_graph.size() if p.graph else [],
                           "edges": self.code_graph.edges() if p.graph else 0}

    def _views(self, lists: list[np.ndarray], gen: np.random.Generator) -> tuple[list[np.ndarray], np.ndarray]:
        """``views`` sparse views of each training user with more than ``sparse_size`` films: that
        many of their films, drawn at random, whose summary links them to the codes a sparse user
        with those films would get (so rich users stand where sparse ones land)."""
        p = self.params
        rows, owners = [], []
        for user, items in enumerate(lists):
            if len(items) > p.sparse_size:
                for _ in range(p.views):
                    rows.append(np.sort(gen.choice(items, p.sparse_size, replace=False)))
                    owners.append(user)
        return rows, np.asarray(owners, dtype=np.int64)

    def _fit_learned(self, train: sp.csr_matrix, lists: list[np.ndarray], gen: np.random.Generator) -> None:
        """The learned two-view model added to the score when ``learned``: embeddings of the
        history (r) and of the summary (s), the code nodes' propagated embeddings (g), InfoNCE
        between r and s; each user's history split once into the part they "said" and targets."""
        import torch
        from torch import nn

        p = self.params
        n_users, n_items = train.shape
        inputs, targets = [], []
        for items in lists:  # one split per user: the input is all the summary may read
            items = gen.permutation(items)
            cut = len(items) if len(items) < 2 else min(max(1, round(p.keep * len(items))), len(items) - 1)
            inputs.append(np.sort(items[:cut]))
            targets.append(items[cut:])
        text = self.text_vectors(inputs)
        user_codes = self.codebook.assign(text) if p.graph else np.zeros((n_users, 0), np.int64)
        n_codes = p.levels * self.codebook.params.size if p.graph else 0
        code_deg = np.bincount(self._code_columns(user_codes), minlength=n_codes).astype(np.float64)
        a_hat = self._adjacency(user_codes, code_deg)
        p_in = _row_mean(inputs, n_items)
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
        p = self.params
        rows = _rows(history)
        text = self.text_vectors(rows) if p.graph or p.learned else None
        if p.graph and p.prior_strength > 0:
            history = self.prior_history(history, self.graph_histories(rows, text))
        if not p.learned:
            return self.base_model.score(history)
        w = self.weights
        z = _row_mean(rows, self.n_items) @ w["in"] + text @ w["proj"]
        if p.graph:
            z = z + self.graph_vectors(text)
        scores = z @ w["out"].T + w["bias"]
        if self.base_model is not None:
            scores = scores + w["base"] * self._base_scores(history)
        return scores

    def graph_histories(self, rows: list[np.ndarray], text: np.ndarray) -> np.ndarray:
        """g of each person (their films ``rows``, their summaries' vectors ``text``): the code
        graph's history at their codes, or averaged over several code paths (``prior_query``)."""
        p = self.params
        read = lambda codes: self.code_graph.histories(codes, how=p.prior_levels, backoff=p.prior_backoff)
        if p.prior_query.startswith("beam"):
            paths = self.codebook.assign_beam(text, int(p.prior_query[4:]))
            return sum(read(c) for c in paths) / len(paths)
        g = read(self.codebook.assign(text))
        if p.prior_query == "loo":  # each film left out in turn: a summary of the others, for those the prior reaches
            cap = p.prior_max or max((len(r) for r in rows), default=0)
            who = [u for u, r in enumerate(rows) if 2 <= len(r) <= cap]
            left = [np.delete(rows[u], j) for u in who for j in range(len(rows[u]))]
            if left:
                owner = np.repeat(who, [len(rows[u]) for u in who])
                total = np.zeros_like(g)
                np.add.at(total, owner, read(self.codebook.assign(self._text_vectors(left))))
                n = np.array([len(rows[u]) for u in who], np.float32)[:, None]
                g[who] = (g[who] + total[who] / n) / 2  # the whole summary and the left-out ones weigh alike
        return g

    def prior_history(self, history: sp.csr_matrix, graph: np.ndarray) -> sp.csr_matrix:
        """What the base scorer reads: a person's films (each 1/n) shrunk towards ``graph`` (g,
        the mean history of the users at their code nodes), weight kappa / (n + kappa) for n
        films, so five films lean on the graph and a hundred barely do."""
        p = self.params
        n = np.diff(history.indptr).astype(np.float32)
        lean = (p.prior_strength / (n + p.prior_strength)).astype(np.float32)
        if p.prior_max:
            lean[n > p.prior_max] = 0.0
        own = sp.diags((1 - lean) / np.maximum(n, 1)) @ (history != 0).astype(np.float32)
        return sp.csr_matrix(own.toarray() + lean[:, None] * graph, dtype=np.float32)

    def _base_scores(self, history: sp.csr_matrix) -> np.ndarray:
        """The base scorer's scores of these histories, standardised per row."""
        s = self.base_model.score(history)
        return ((s - s.mean(axis=1, keepdims=True)) / (s.std(axis=1, keepdims=True) + 1e-6)).astype(np.float32)

    def connectivity(self, history: sp.csr_matrix, sparse: np.ndarray) -> dict:
        """The audit of the code graph for the training users (rows of ``history``, the
        ``sparse`` ones marked): code use per level, collisions, and the share of the sparse
        users whose first two code levels lead to a warm user: ``sparse_linked_two_levels``
        through the graph (a warm user's own summary or one of their sparse views has that
        prefix), ``sparse_linked_two_levels_own`` through warm users' own summaries alone."""
        codes = self.codebook.assign(self.text_vectors(_rows(history)))
        report = self.codebook.report(codes)
        prefix = min(2, codes.shape[1])
        warm = {tuple(c[:prefix]) for c in codes[~sparse]}
        own = [tuple(c[:prefix]) in warm for c in codes[sparse]]
        graph = self.code_graph.reaches(codes[sparse], prefix, ~sparse)
        return {**report, "sparse_linked_two_levels": float(np.mean(graph)) if len(graph) else 0.0,
                "sparse_linked_two_levels_own": float(np.mean(own)) if own else 0.0}

    def graph_vectors(self, text: np.ndarray) -> np.ndarray:
        """g of people with these summary vectors in the learned model: their codes' propagated
        embeddings."""
        a_new = self._adjacency(self.codebook.assign(text), self.code_degree)
        return sum(a_new @ y for y in self.weights["ys"]) / len(self.weights["ys"])


class CodeGraph:
    """The user–code graph over code *prefixes*: level l's node for a person is their first l
    codes, so a fine node holds people whose summaries agree at every coarser level too. Each
    training user is linked to the nodes of their own summary and of their sparse views; the
    histories reach a person by one round of mean aggregation (person -> their nodes -> the
    users there), averaged over the levels at which their node has anyone:

        g(person) = mean over levels l of  mean_{u at node_l(person)} x_u,   x_u = u's films, each 1/n_u
    """

    def __init__(self, codes: np.ndarray, users: np.ndarray, train: sp.csr_matrix, size: int) -> None:
        n_users = train.shape[0]
        self.code_size, self.levels = size, codes.shape[1]
        counts = np.diff(train.indptr)
        self.x = (sp.diags(1.0 / np.maximum(counts, 1)) @ (train != 0).astype(np.float32)).tocsr().astype(np.float32)
        self.keys, self.members, self.counts = [], [], []
        for level in range(1, self.levels + 1):
            pairs = np.unique(np.stack([self._keys(codes, level), users]), axis=1)  # distinct (node, user)
            keys, node = np.unique(pairs[0], return_inverse=True)
            m = sp.csr_matrix((np.ones(pairs.shape[1], np.float32), (node.ravel(), pairs[1])),
                              shape=(len(keys), n_users))
            count = np.diff(m.indptr).astype(np.float32)  # users at each node
            self.keys.append(keys)
            self.counts.append(count)
            self.members.append((sp.diags(1.0 / count) @ m).tocsr().astype(np.float32))

    def _keys(self, codes: np.ndarray, level: int) -> np.ndarray:
        return (codes[:, :level] * self.code_size ** np.arange(level - 1, -1, -1)).sum(axis=1)

    def nodes(self, codes: np.ndarray, level: int) -> np.ndarray:
        """Each person's node at ``level`` (1-based), -1 where no training user has it."""
        keys, want = self.keys[level - 1], self._keys(codes, level)
        pos = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
        return np.where(keys[pos] == want, pos, -1)

    def histories(self, codes: np.ndarray, how: str = "mean", backoff: float = 0.0) -> np.ndarray:
        """``(len(codes), n_items)`` g of people with these codes: the ``mean`` over levels or the
        ``deepest`` level whose node has anyone (zeros where no node has anyone), or
        ``smoothed``: everyone's mean history, then at each level the node's members' histories
        and ``backoff`` pseudo-users of the level above, down to the deepest node that has anyone
        (a node of three people leans on its parent, one of three hundred on itself).
        ``popular``, the ablation without codes: everyone's mean history."""
        if how not in PRIOR_LEVELS:
            raise ValueError(f"CodeGraph.histories: how must be one of {', '.join(PRIOR_LEVELS)}, got {how!r}")
        if how in ("smoothed", "popular"):
            out = np.tile(np.asarray(self.x.mean(axis=0), np.float32), (len(codes), 1))
            if how == "popular":
                return out
        else:
            out = np.zeros((len(codes), self.x.shape[1]), np.float32)
        found = np.zeros(len(codes), np.float32)
        for level in range(1, self.levels + 1):
            node = self.nodes(codes, level)
            hit = np.flatnonzero(node >= 0)
            uniq, back = np.unique(node[hit], return_inverse=True)
            g = (self.members[level - 1][uniq] @ self.x).toarray()[back.ravel()]
            if how == "smoothed":
                n = self.counts[level - 1][node[hit]][:, None]
                out[hit] = (n * g + backoff * out[hit]) / (n + backoff)
            elif how == "deepest":
                out[hit], found[hit] = g, 1
            else:
                out[hit] += g
                found[hit] += 1
        return out / np.maximum(found, 1)[:, None]

    def reaches(self, codes: np.ndarray, level: int, users: np.ndarray) -> np.ndarray:
        """Per person: whether their node at ``level`` holds one of ``users`` (a boolean mask
        over training users)."""
        node = self.nodes(codes, level)
        out = np.zeros(len(codes), dtype=bool)
        hit = np.flatnonzero(node >= 0)
        m = self.members[level - 1][node[hit]]
        out[hit] = np.asarray(m[:, np.flatnonzero(users)].sum(axis=1)).ravel() > 0
        return out

    def size(self) -> list[int]:
        return [len(k) for k in self.keys]

    def edges(self) -> int:
        return int(sum(m.nnz for m in self.members))


class GSERecNoCodes(GSERec):
    """``gserec`` without the user–code graph: the base scorer on the person's own films (and
    the learned two-view model without its code embeddings, when ``learned``)."""

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


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.where(norms > 0, norms, 1)).astype(np.float32)


def _torch_sparse(m: sp.csr_matrix, torch):
    coo = m.tocoo()
    return torch.sparse_coo_tensor(np.vstack([coo.row, coo.col]), coo.data, m.shape, dtype=torch.float32,
                                   check_invariants=False).coalesce()
