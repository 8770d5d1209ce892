"""The query–item graph and multi-round label propagation (MAGUS, arXiv 2412.10787).

Nodes are the catalog's items ``0..n_items-1`` followed by query terms
``n_items..n_items+n_terms-1``; the terms are the catalog's attribute values (genre, decade,
director, cast, …), which is also where the categorical words of a free-text query land once
the parser has matched them to the vocabulary.

Edge weights (symmetric):
- item–term: ``type_weight[t] / m_t(i)`` where ``m_t(i)`` is the number of values of type
  ``t`` item ``i`` has, so each attribute type gives an item the same total weight whatever
  its number of values (a film's twenty cast members together weigh as much as its director);
- item–item (optional): the collaborative neighbours of each item (top ``k`` cosine
  similarities from training interactions) with weight ``cf_weight · sim``, so a liked film
  lends score to films the same people liked, not only to films sharing attributes.

Propagation is label spreading (Zhou et al. 2004): ``F ← α·S·F + (1-α)·Y`` with
``S = D^-1/2 W D^-1/2``. Chosen over the harmonic function, which clamps labelled nodes and so
cannot rank them, and over personalised PageRank, whose random-walk normalisation lets hub
terms such as *Drama* collect mass from thousands of items; the symmetric normalisation
damps hubs, and signed labels carry "no" and "disliked" as negative mass. ``Y`` holds the
prior (CF, popularity or retrieval scores) plus this session's feedback labels. Each round
iterates to ``tol`` (max-norm change) or ``max_iter``, warm-started from the previous round.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

NX_MAX_EDGES = 2_000_000  # above this the CSR is built directly, without networkx


@dataclass(frozen=True)
class GraphConfig:
    alpha: float = 0.8  # propagation strength; 0 = no propagation
    tol: float = 1e-4
    max_iter: int = 50
    type_weights: tuple[tuple[str, float], ...] = (("cast", 0.5), ("writer", 0.5), ("language", 0.3),
                                                   ("country", 0.3))  # others weigh 1.0
    cf_neighbours: int = 10
    cf_weight: float = 1.0

    def __post_init__(self):
        if not 0 <= self.alpha < 1:
            raise ValueError(f"GraphConfig.alpha must be in [0, 1), got {self.alpha}")
        if self.tol <= 0 or self.max_iter < 1:
            raise ValueError(f"GraphConfig needs tol > 0 and max_iter >= 1, got {self.tol}, {self.max_iter}")
        if self.cf_neighbours < 0 or self.cf_weight < 0:
            raise ValueError("GraphConfig.cf_neighbours and cf_weight must be >= 0")

    def weight_of(self, attr_type: str) -> float:
        return dict(self.type_weights).get(attr_type, 1.0)


@dataclass
class QueryItemGraph:
    """Symmetric weighted adjacency over items + terms, and its normalised operator ``S``."""

    n_items: int
    n_terms: int
    W: sp.csr_matrix  # (n, n) with n = n_items + n_terms
    S: sp.csr_matrix = field(init=False)

    def __post_init__(self):
        deg = np.asarray(self.W.sum(axis=1)).ravel()
        inv = np.zeros_like(deg)
        inv[deg > 0] = 1.0 / np.sqrt(deg[deg > 0])
        d = sp.diags(inv)
        self.S = (d @ self.W @ d).tocsr().astype(np.float32)

    @property
    def n_nodes(self) -> int:
        return self.n_items + self.n_terms

    def term_node(self, term: int) -> int:
        return self.n_items + term

    def to_networkx(self, nodes: np.ndarray | None = None, labels: list[str] | None = None):
        """The (sub)graph as ``networkx.Graph`` with ``weight`` edge data, for inspection and
        drawing; node attributes ``kind`` (item/term) and ``label`` when given."""
        import networkx as nx

        sub = self.W if nodes is None else self.W[nodes][:, nodes]
        ids = np.arange(self.n_nodes) if nodes is None else np.asarray(nodes)
        g = nx.Graph()
        for n in ids:
            g.add_node(int(n), kind="item" if n < self.n_items else "term",
                       label=labels[n] if labels is not None else str(n))
        coo = sp.triu(sub).tocoo()
        g.add_weighted_edges_from((int(ids[r]), int(ids[c]), float(w)) for r, c, w in zip(coo.row, coo.col, coo.data))
        return g


def item_term_weights(item_attr: sp.csr_matrix, value_type: np.ndarray, type_weight: np.ndarray) -> sp.csr_matrix:
    """Item–term weights ``(n_items, n_terms)``: type weight / number of the item's values of that type."""
    coo = item_attr.tocoo()
    types = value_type[coo.col]
    key = coo.row.astype(np.int64) * (int(value_type.max(initial=0)) + 1) + types
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    w = type_weight[types] / counts[inverse]
    return sp.csr_matrix((w.astype(np.float32), (coo.row, coo.col)), shape=item_attr.shape)


def cf_neighbour_weights(train: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Symmetrised top-``k`` cosine neighbours per item from a user-item matrix ``(n_items, n_items)``."""
    x = sp.csr_matrix(train, dtype=np.float32)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=0)).ravel())
    norms[norms == 0] = 1.0
    g = (x.T @ x).tocsr().astype(np.float32)
    g = sp.diags(1 / norms) @ g @ sp.diags(1 / norms)
    g = g.tocsr()
    g.setdiag(0)
    g.eliminate_zeros()
    rows, cols, vals = [], [], []
    for i in range(g.shape[0]):
        lo, hi = g.indptr[i], g.indptr[i + 1]
        if hi == lo:
            continue
        top = np.argsort(-g.data[lo:hi], kind="stable")[:k]
        rows.append(np.full(len(top), i))
        cols.append(g.indices[lo:hi][top])
        vals.append(g.data[lo:hi][top])
    if not rows:
        return sp.csr_matrix(g.shape, dtype=np.float32)
    m = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=g.shape)
    return m.maximum(m.T).tocsr()


def build_graph(item_attr: sp.csr_matrix, value_type: np.ndarray, attr_types: tuple[str, ...],
                config: GraphConfig = GraphConfig(), train: sp.csr_matrix | None = None,
                use_networkx: bool | None = None) -> QueryItemGraph:
    """Assemble the graph. ``train`` (users × items, in item order) adds CF item–item edges.
    With networkx (default for graphs up to ``NX_MAX_EDGES`` edges) nodes and weighted edges
    are added to an ``nx.Graph`` and converted; otherwise blocks go straight into CSR."""
    n_items, n_terms = item_attr.shape
    tw = np.array([config.weight_of(t) for t in attr_types], dtype=np.float32)
    it = item_term_weights(item_attr, value_type, tw)
    ii = (cf_neighbour_weights(train, config.cf_neighbours) * config.cf_weight
          if train is not None and config.cf_neighbours and config.cf_weight else sp.csr_matrix((n_items, n_items)))
    n_edges = it.nnz + ii.nnz // 2
    if use_networkx is None:
        use_networkx = n_edges <= NX_MAX_EDGES
    n = n_items + n_terms
    if use_networkx:
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(range(n))
        c = it.tocoo()
        g.add_weighted_edges_from(zip(c.row.tolist(), (c.col + n_items).tolist(), c.data.tolist()))
        c = sp.triu(ii, k=1).tocoo()
        g.add_weighted_edges_from(zip(c.row.tolist(), c.col.tolist(), c.data.tolist()))
        W = nx.to_scipy_sparse_array(g, nodelist=range(n), weight="weight", format="csr", dtype=np.float32)
        W = sp.csr_matrix(W)
    else:
        W = sp.bmat([[ii, it], [it.T, None]], format="csr", dtype=np.float32)
    W.sort_indices()
    return QueryItemGraph(n_items, n_terms, W)


def propagate(S: sp.csr_matrix, Y: np.ndarray, alpha: float, F0: np.ndarray | None = None,
              tol: float = 1e-4, max_iter: int = 50) -> tuple[np.ndarray, int]:
    """Label spreading: iterate ``F ← α S F + (1-α) Y`` from ``F0`` (default ``Y``) until the
    max-norm change is below ``tol`` or ``max_iter`` iterations. Returns (F, iterations).
    The fixed point is ``(1-α)(I - αS)⁻¹Y``; ``alpha == 0`` returns ``Y``."""
    Y = np.asarray(Y, dtype=np.float32)
    if alpha == 0:
        return Y.copy(), 0
    F = Y.copy() if F0 is None else np.asarray(F0, dtype=np.float32).copy()
    base = (1 - alpha) * Y
    for it in range(1, max_iter + 1):
        nxt = alpha * (S @ F) + base
        delta = float(np.max(np.abs(nxt - F))) if F.size else 0.0
        F = nxt
        if delta < tol:
            return F, it
    return F, max_iter


@dataclass(frozen=True)
class Feedback:
    """One round of feedback, as indices: terms are attribute-value indices."""

    accepted_terms: tuple[int, ...] = ()
    rejected_terms: tuple[int, ...] = ()
    liked_items: tuple[int, ...] = ()
    disliked_items: tuple[int, ...] = ()
    passed_items: tuple[int, ...] = ()  # shown and passed over: weak negative


@dataclass(frozen=True)
class LabelWeights:
    prior: float = 1.0  # scale of the prior (scores are rank-normalised to [0, 1])
    accepted: float = 3.0
    rejected: float = -3.0
    liked: float = 3.0
    disliked: float = -3.0
    passed: float = -0.5


def rank_normalise(scores: np.ndarray) -> np.ndarray:
    """Map scores to [0, 1] by rank (ties share a rank), so priors from CF, popularity or
    retrieval live on one scale whatever their raw ranges."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size <= 1:
        return np.ones_like(scores, dtype=np.float32)
    _, inv = np.unique(scores, return_inverse=True)
    return (inv / max(inv.max(), 1)).astype(np.float32)


class GraphSession:
    """Scores of one conversation.

    The prior (CF, popularity or retrieval scores, rank-normalised) is propagated once at the
    start, giving query terms their prior scores (which terms describe the user's likely
    items); feedback labels accumulate round by round and are propagated each round,
    warm-started from the previous round. By linearity of label spreading the two parts add:
    item scores = prior + propagated labels (the prior is kept sharp on items: smoothing it
    only blurs a good CF ranking), term scores = propagated prior + propagated labels.
    ``propagate_labels=False`` is the no-propagation baseline: labels reach direct
    neighbours once (one hop), no iteration.
    """

    def __init__(self, graph: QueryItemGraph, prior_items: np.ndarray, config: GraphConfig = GraphConfig(),
                 weights: LabelWeights = LabelWeights(), prior_terms: np.ndarray | None = None,
                 propagate_labels: bool = True):
        self.graph, self.config, self.weights = graph, config, weights
        self.propagate_labels = propagate_labels
        self.prior = np.zeros(graph.n_nodes, dtype=np.float32)
        self.prior[: graph.n_items] = weights.prior * rank_normalise(prior_items)
        if prior_terms is not None:
            self.prior[graph.n_items :] = weights.prior * rank_normalise(prior_terms)
        self.prior_F, self.prior_iterations = propagate(graph.S, self.prior, config.alpha, None,
                                                        config.tol, config.max_iter)
        self.labels = np.zeros(graph.n_nodes, dtype=np.float32)
        self.label_F = np.zeros(graph.n_nodes, dtype=np.float32)
        self.iterations = 0

    def update(self, fb: Feedback) -> None:
        """Apply one round's feedback and re-propagate the labels."""
        w, n_items = self.weights, self.graph.n_items
        for terms, val in ((fb.accepted_terms, w.accepted), (fb.rejected_terms, w.rejected)):
            if terms:
                self.labels[n_items + np.asarray(terms)] = val
        for items, val in ((fb.liked_items, w.liked), (fb.disliked_items, w.disliked), (fb.passed_items, w.passed)):
            if items:
                self.labels[np.asarray(items)] = val
        if self.propagate_labels:
            self.label_F, self.iterations = propagate(self.graph.S, self.labels, self.config.alpha, self.label_F,
                                                      self.config.tol, self.config.max_iter)
        else:
            self.label_F = self.labels + self.config.alpha * (self.graph.S @ self.labels)
            self.iterations = 1

    @property
    def _label_gain(self) -> float:
        # label spreading's fixed point carries a factor (1-α); dividing it out makes the
        # propagated labels Σ_k (αS)^k L, which contains the one-hop baseline L + αSL as its
        # first two terms, so feedback keeps its weight against the prior whatever α is
        return 1.0 / (1.0 - self.config.alpha) if self.propagate_labels else 1.0

    @property
    def item_scores(self) -> np.ndarray:
        n = self.graph.n_items
        return self.prior[:n] + self._label_gain * self.label_F[:n]

    @property
    def term_scores(self) -> np.ndarray:
        n = self.graph.n_items
        return self.prior_F[n:] + self._label_gain * self.label_F[n:]


def initial_prior(n_items: int, cf_scores: np.ndarray | None = None, popularity: np.ndarray | None = None,
                  retrieval_scores: np.ndarray | None = None, retrieval_weight: float = 0.5) -> np.ndarray:
    """The items' prior for a new session, rank-normalised to [0, 1]: CF scores for a known
    user (one with a history), popularity for a new one; when the user typed free text, its
    semantic retrieval scores are mixed in with ``retrieval_weight`` (alone if neither of the
    others is given)."""
    base = cf_scores if cf_scores is not None else popularity
    if base is None and retrieval_scores is None:
        return np.full(n_items, 0.5, dtype=np.float32)
    if retrieval_scores is None:
        return rank_normalise(base)
    if base is None:
        return rank_normalise(retrieval_scores)
    w = float(np.clip(retrieval_weight, 0.0, 1.0))
    return ((1 - w) * rank_normalise(base) + w * rank_normalise(retrieval_scores)).astype(np.float32)
