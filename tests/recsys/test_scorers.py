"""Scorers: ``top_k``, parameter validation, and a contract every entry of
``recsys.models.MODELS`` must meet (parametrised over the registry, so a newly registered
model is tested automatically; give it small parameters in conftest.SMALL_PARAMS).
"""

from __future__ import annotations

import dataclasses
import pickle

import numpy as np
import pytest
import scipy.sparse as sp
from conftest import SMALL_KGAT

from recsys.als import ALSParams
from recsys.models import MODELS, BlendParams, make_scorer
from recsys.multvae import MultVAEParams
from recsys.scorers import EASEParams, ItemKNNParams, Scorer, as_history, top_k

PERSONALISED = [name for name in MODELS if name != "pop"]


@pytest.fixture
def make(small_params, block_catalog):
    """``make(name, seed=0, params=None)``: an unfitted model with small parameters; models that
    read attributes get ``block_data``'s catalog."""

    def build(name: str, seed: int = 0, params: dict | None = None) -> Scorer:
        return make_scorer(name, small_params.get(name, {}) if params is None else params, seed=seed,
                           catalog=block_catalog)

    return build


@pytest.fixture
def fitted(make):
    """``fitted(name, train, seed=0, params=None)``: a model fitted with small parameters."""

    def fit(name: str, train: sp.csr_matrix, seed: int = 0, params: dict | None = None) -> Scorer:
        return make(name, seed, params).fit(train)

    return fit


# ---------------------------------------------------------------- top_k


def test_top_k_orders_best_first_and_excludes():
    scores = np.array([[0.1, 0.9, 0.5, 0.7], [3.0, 1.0, 2.0, 0.0]], np.float32)
    exclude = sp.csr_matrix(np.array([[0, 1, 0, 0], [0, 0, 0, 0]]))
    idx, val = top_k(scores, 2, exclude)
    assert idx.tolist() == [[3, 2], [0, 2]]  # item 1 excluded for row 0
    np.testing.assert_allclose(val, [[0.7, 0.5], [3.0, 2.0]])


def test_top_k_ties_break_by_lower_index():
    # items 1, 2, 4 tie at 3.0 and all fit in the top 3: lower index first
    idx, _ = top_k(np.array([1.0, 3.0, 3.0, 0.0, 3.0]), 3)
    assert idx.tolist() == [[1, 2, 4]]
    # a full ranking with ties everywhere is fully ordered by index within each score
    idx, _ = top_k(np.array([[2.0, 1.0, 2.0, 1.0, 2.0]]), 5)
    assert idx.tolist() == [[0, 2, 4, 1, 3]]


def test_top_k_ties_at_the_cut_break_by_lower_index():
    # 1000 tied items, k=5: the docstring promises items 0..4
    idx, _ = top_k(np.zeros((1, 1000), np.float32), 5)
    assert idx.tolist() == [[0, 1, 2, 3, 4]]


def test_top_k_with_k_larger_than_n_items():
    idx, val = top_k(np.array([[0.2, 0.8, 0.5]]), 10)
    assert idx.shape == (1, 3) and idx.tolist() == [[1, 2, 0]]
    assert val.dtype == np.float32


def test_as_history_from_list_and_range_check():
    h = as_history([3, 1, 3], 5)
    assert h.shape == (1, 5) and h.indices.tolist() == [1, 3] and h.data.tolist() == [1.0, 1.0]
    assert as_history([], 5).nnz == 0
    with pytest.raises(IndexError):
        as_history([5], 5)


# ---------------------------------------------------------------- parameters


@pytest.mark.parametrize("make, field", [
    (lambda: ALSParams(factors=0), "factors"),
    (lambda: ALSParams(iterations=0), "iterations"),
    (lambda: EASEParams(dropout=1.0), "dropout"),
    (lambda: EASEParams(l2=-1.0), "l2"),
    (lambda: ItemKNNParams(k=0), ".k "),
    (lambda: ItemKNNParams(shrink=-1.0), "shrink"),
    (lambda: BlendParams(members=()), "members"),
    (lambda: BlendParams(members=(("nope", {}, 1.0),)), "nope"),
    (lambda: MultVAEParams(sampling="items"), "sampling"),
])
def test_bad_params_raise_naming_the_field(make, field):
    with pytest.raises(ValueError) as exc:
        make()
    assert field in str(exc.value)


def test_make_scorer_rejects_unknown_model_and_unknown_param():
    with pytest.raises(ValueError, match="unknown model"):
        make_scorer("no-such-model")
    with pytest.raises(ValueError, match="bad parameters"):
        make_scorer("ease", {"lambda_": 3})


# ---------------------------------------------------------------- the contract, for every model


@pytest.mark.parametrize("name", list(MODELS))
def test_score_shape_dtype_and_unfitted(name, block_data, fitted, make):
    train, _ = block_data
    with pytest.raises(RuntimeError):
        make(name).score([0])
    scores = fitted(name, train).score(train[:5])
    assert scores.dtype == np.float32 and scores.shape == (5, train.shape[1])
    assert np.isfinite(scores).all()


@pytest.mark.parametrize("name", PERSONALISED)
def test_withheld_item_ranked_first(name, block_data, fitted):
    # the only unseen item of a user's own group must come first once seen items are excluded
    train, withheld = block_data
    idx, _ = fitted(name, train).recommend(train, k=2)
    wrong = np.flatnonzero(idx[:, 0] != withheld)
    assert wrong.size == 0, f"{name}: withheld item not ranked first for users {wrong}"


def test_pop_ranks_by_popularity(block_data, fitted):
    train, _ = block_data
    train = sp.vstack([train, sp.csr_matrix(np.eye(1, train.shape[1], 4, dtype=np.float32))]).tocsr()
    counts = np.asarray(train.sum(axis=0)).ravel()
    idx, _ = fitted("pop", train).recommend([], k=train.shape[1])
    assert idx[0].tolist() == np.lexsort((np.arange(len(counts)), -counts)).tolist()


@pytest.mark.parametrize("name", list(MODELS))
def test_scoring_an_unseen_persons_history(name, block_data, fitted):
    # a list of item indices (a chat user's likes) scores like the equivalent CSR row
    train, _ = block_data
    model = fitted(name, train)
    history = [0, 1, 2]
    row = as_history(history, train.shape[1])
    np.testing.assert_allclose(model.score(history), model.score(row), rtol=1e-5, atol=1e-6)
    idx, _ = model.recommend(history, k=3)
    assert idx.shape == (1, 3) and not set(idx[0].tolist()) & set(history)
    if name != "pop":  # items 0..2 belong to the first group: so should the best unseen item
        assert idx[0, 0] in (3, 4, 5)


@pytest.mark.parametrize("name", list(MODELS))
def test_deterministic_under_same_seed(name, block_data, fitted):
    train, _ = block_data
    np.testing.assert_array_equal(fitted(name, train, seed=3).score(train), fitted(name, train, seed=3).score(train))


@pytest.mark.parametrize("name", list(MODELS))
def test_recommend_excludes_seen(name, block_data, fitted):
    train, _ = block_data
    model = fitted(name, train)
    idx, _ = model.recommend(train, k=5)
    for u in range(train.shape[0]):
        assert not set(idx[u].tolist()) & set(train[u].indices.tolist())
    # exclude_seen=False may return seen items (for every model here, some user gets one)
    idx_all, _ = model.recommend(train, k=5, exclude_seen=False)
    assert any(set(idx_all[u].tolist()) & set(train[u].indices.tolist()) for u in range(train.shape[0]))


@pytest.mark.parametrize("name", list(MODELS))
def test_fingerprint_tracks_params_seed_and_data(name, block_data, fitted, make, alt_params):
    train, _ = block_data
    base = fitted(name, train)
    assert base.fingerprint() == fitted(name, train).fingerprint()  # stable
    other = train.tolil()
    other[0, train.shape[1] - 1] = 1.0  # one more interaction
    assert fitted(name, other.tocsr()).fingerprint() != base.fingerprint()
    assert make(name, seed=1).fit(train).fingerprint() != base.fingerprint()
    alt = alt_params.get(name)
    if alt is None and name not in alt_params:  # a new model: perturb its first numeric field
        p = base.params
        num = [f.name for f in dataclasses.fields(p) if isinstance(getattr(p, f.name), int | float)]
        alt = {**p.to_dict(), num[0]: getattr(p, num[0]) + 1} if num else None
    if alt is not None:
        assert fitted(name, train, params=alt).fingerprint() != base.fingerprint()


@pytest.mark.parametrize("name", list(MODELS))
def test_save_load_round_trip(name, block_data, tmp_path, fitted):
    train, _ = block_data
    model = fitted(name, train)
    path = tmp_path / "sub" / f"{name}.pkl"
    model.save(path, catalog="synthetic")
    loaded = Scorer.load(path, expect_fingerprint=model.fingerprint())
    assert loaded.fingerprint() == model.fingerprint()
    np.testing.assert_array_equal(loaded.score(train), model.score(train))
    assert Scorer.load(path).fingerprint() == model.fingerprint()  # no check requested
    with pytest.raises(ValueError, match="fingerprint"):
        Scorer.load(path, expect_fingerprint="0" * 16)


def test_fit_does_not_modify_its_argument():
    counts = sp.csr_matrix(np.array([[2, 0, 3], [0, 5, 1]], np.float32))
    make_scorer("ease", {"l2": 1.0}).fit(counts)
    assert counts.data.tolist() == [2.0, 3.0, 5.0, 1.0]


def test_kgat_reads_the_catalog_and_its_graph(block_data, block_catalog, make):
    train, _ = block_data
    with pytest.raises(ValueError, match="catalog"):
        make_scorer("kgat")
    kgat, ui = make("kgat").fit(train), make("kgat-ui").fit(train)
    # 3 genres and 6 actors, each on 3+ of the 18 items; both directions of every link
    assert kgat.graph_size["values"] == 9 and kgat.graph_size["knowledge triples"] == 36
    assert kgat.graph_size["edges"] == 2 * train.nnz + 2 * 36 and ui.graph_size["edges"] == 2 * train.nnz
    assert kgat.kg_types == ["cast", "genre"] and ui.graph_size["values"] == 0
    # the catalog is part of what a fitted KGAT is, and it is not pickled with the model
    assert "catalog" not in kgat.__getstate__() and pickle.loads(pickle.dumps(kgat)).catalog is None
    other = make_scorer("kgat", SMALL_KGAT, catalog=block_catalog, items=np.arange(18)[::-1].copy()).fit(train)
    assert other.fingerprint() != kgat.fingerprint()  # other catalog items behind the same columns


def test_sparse_product_matches_torch_forward_and_gradient():
    """``recsys.spmm.Product`` (KGAT's propagation) gives torch.sparse.mm's value and gradient."""
    import torch

    from recsys.spmm import Product, torch_csr

    m = sp.random(30, 20, density=0.2, random_state=np.random.default_rng(0), format="csr", dtype=np.float32)
    x = torch.randn(20, 4, generator=torch.Generator().manual_seed(0), requires_grad=True)
    w = torch.randn(30, 4, generator=torch.Generator().manual_seed(1))
    (Product(m)(x) * w).sum().backward()
    ours = x.grad.clone()
    x.grad = None
    ref = torch.sparse.mm(torch_csr(m), x)
    (ref * w).sum().backward()
    assert torch.allclose(Product(m)(x), ref, atol=1e-6)
    assert torch.allclose(ours, x.grad, atol=1e-5)
    y = torch.randn(30, 4)
    assert torch.allclose(Product(m).t()(y), torch.from_numpy(m.T.toarray()) @ y, atol=1e-5)


def test_kgat_is_reproducible_with_two_threads():
    """KGAT's fits run torch's deterministic kernels: with two threads the default ones added the
    gathered gradients in no fixed order (on this graph two fits differed by 3e-7 after two
    epochs; on ML-1M the same seed's test NDCG@10 moved by 0.006 between runs)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        rng = np.random.default_rng(0)
        rows, cols = rng.integers(0, 3000, 60000), (rng.zipf(1.3, 60000) - 1) % 600
        train = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(3000, 600))
        train.data[:] = 1
        p = {"dim": 16, "layers": 2, "epochs": 2, "batch_size": 4096}
        first, second = (make_scorer("kgat-ui", p, 0).fit(train).item_final for _ in range(2))
        np.testing.assert_array_equal(first, second)
        assert not torch.are_deterministic_algorithms_enabled()  # the global setting is left as it was
    finally:
        torch.set_num_threads(threads)
