"""The RQ-VAE codes (``recsys.codes``) on vectors with a known cluster structure: codes follow
the clusters, more levels reconstruct better, the codebooks stay in use (k-means start,
dead-code restarts), fits are deterministic, and the usage report counts what it says."""

import numpy as np
import pytest

from recsys.codes import CodeParams, Codes, _restart_dead, fit_codes

SMALL = {"levels": 2, "size": 8, "latent": 8, "hidden": 32, "epochs": 40, "batch_size": 64, "lr": 3e-3}


def clustered(n_clusters=8, per=50, d=16, seed=0, spread=0.05):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(n_clusters, d)) * 2
    labels = np.repeat(np.arange(n_clusters), per)
    return (centres[labels] + spread * rng.normal(size=(len(labels), d))).astype(np.float32), labels


@pytest.fixture(scope="module")
def fitted():
    x, labels = clustered()
    return fit_codes(x, seed=0, **SMALL), x, labels


def test_the_first_level_follows_the_clusters_and_every_code_is_used(fitted):
    codes, x, labels = fitted
    c = codes.assign(x)
    assert c.shape == (len(x), 2) and c.min() >= 0 and c.max() < 8
    purity = sum(np.bincount(c[labels == k, 0]).max() for k in range(8)) / len(x)
    assert purity >= 0.95  # a cluster's vectors share their first code
    rep = codes.report(c)
    assert rep["levels"][0]["used"] == 1.0 and rep["levels"][0]["perplexity"] > 6  # 8 clusters, 8 codes
    assert rep["distinct"] > 8  # the second level tells vectors of one cluster apart


def test_more_levels_reconstruct_better():
    x, _ = clustered(n_clusters=32, per=20, spread=0.3, seed=1)
    error = {}
    for levels in (1, 3):
        codes = fit_codes(x, seed=0, **{**SMALL, "levels": levels, "epochs": 60})
        error[levels] = float(((codes.reconstruct(codes.assign(x)) - x) ** 2).sum(1).mean())
    assert error[3] < 0.8 * error[1], error


def test_a_fit_is_deterministic_for_its_seed(fitted):
    codes, x, _ = fitted
    again = fit_codes(x, seed=0, **SMALL)
    np.testing.assert_array_equal(again.codebooks, codes.codebooks)
    np.testing.assert_array_equal(again.assign(x), codes.assign(x))
    assert not np.array_equal(fit_codes(x, seed=1, **SMALL).codebooks, codes.codebooks)


def test_dead_codes_are_moved_to_where_the_data_is():
    """A collapsed codebook (every code the same point) gets its unused codes back among the
    residuals: afterwards the codes are distinct and each sits on a vector of the batch."""
    import torch

    rng = np.random.default_rng(0)
    z = torch.from_numpy(rng.normal(size=(100, 4)).astype(np.float32))
    books = torch.nn.Parameter(torch.zeros(1, 6, 4))
    used = np.zeros((1, 6), dtype=bool)
    used[0, 0] = True  # the one code every vector chose
    assert _restart_dead(z, books, used, rng) == 5
    moved = books.detach().numpy()[0, 1:]
    assert len(np.unique(moved.round(6), axis=0)) == 5
    assert all(np.isclose(z.numpy(), m).all(axis=1).any() for m in moved)


def test_training_keeps_the_codebooks_in_use(fitted):
    codes, _, _ = fitted
    assert codes.history[-1]["used"][0] == 1.0
    assert all(h["loss"] > 0 for h in codes.history) and codes.history[-1]["loss"] < codes.history[0]["loss"]


def test_the_report_counts_usage_and_collisions():
    codes = Codes(CodeParams(levels=2, size=4), [], [], np.zeros((2, 4, 1), dtype=np.float32))
    rep = codes.report(np.array([[0, 1], [0, 1], [2, 3], [0, 2]]))
    assert rep["distinct"] == 3 and rep["collisions"] == 0.5
    assert rep["levels"][0]["used"] == 0.5 and rep["levels"][1]["used"] == 0.75
    assert rep["levels"][0]["perplexity"] == pytest.approx(np.exp(-(0.75 * np.log(0.75) + 0.25 * np.log(0.25))))


@pytest.mark.parametrize("bad", [{"levels": 0}, {"size": 1}, {"lr": 0}, {"beta": -1}, {"epochs": -1}])
def test_bad_parameters_are_refused(bad):
    with pytest.raises(ValueError):
        CodeParams(**bad)
    with pytest.raises(ValueError):
        fit_codes(np.zeros((3, 2), dtype=np.float32), size=8)  # fewer rows than codes
