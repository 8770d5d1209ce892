"""Conversational metrics pinned with hand-worked episodes (UNICORN's counting)."""

import math

import numpy as np
import pytest

from lab.metrics import EpisodeOutcome, hdcg, summarise


def test_first_list_rank_one_is_perfect():
    # DESIGN.md's worked example: t = 0, AT 1, hDCG 1.0
    s = summarise([EpisodeOutcome(0, 1)])
    assert s["SR@15"] == 1.0 and s["AT"] == 1.0 and s["hDCG"] == pytest.approx(1.0)


def test_hand_worked_mixture():
    # success at t = 2, rank 3; a failure; success at t = 9, rank 1
    eps = [EpisodeOutcome(2, 3), EpisodeOutcome(None), EpisodeOutcome(9, 1)]
    s = summarise(eps, sr_at=(5, 10, 15))
    assert s["SR@5"] == pytest.approx(1 / 3)  # only t = 2 < 5
    assert s["SR@10"] == pytest.approx(2 / 3)  # t = 9 < 10 counts
    assert s["AT"] == pytest.approx((3 + 15 + 10) / 3)
    # t = 2, r = 3: 1/log2(5) + (1/log2(4) - 1/log2(5)) / log2(4) = 0.43068 + 0.03466 = 0.46534
    assert hdcg(2, 3) == pytest.approx(1 / math.log2(5) + (0.5 - 1 / math.log2(5)) / 2)
    assert hdcg(2, 3) == pytest.approx(0.46534, abs=1e-5)
    assert hdcg(9, 1) == pytest.approx(1 / math.log2(11))  # rank 1 earns the full step
    assert s["hDCG"] == pytest.approx((hdcg(2, 3) + hdcg(9, 1)) / 3)


def test_all_failures_score_zero_and_bad_outcomes_are_rejected():
    s = summarise([EpisodeOutcome(None)] * 4)
    assert s["SR@15"] == 0.0 and s["AT"] == 15.0 and s["hDCG"] == 0.0
    with pytest.raises(ValueError):
        EpisodeOutcome(3, None)
    with pytest.raises(ValueError):
        summarise([])


def test_paired_bootstrap_resamples_episodes_together():
    """A constant difference has a zero-width interval at that difference; a shift of one
    column is found and its interval excludes 0, while an equal column's interval is [0, 0]."""
    from lab.simulate import paired_bootstrap

    rng = np.random.default_rng(0)
    b = rng.random((400, 3))
    same = paired_bootstrap(b + 0.25, b)
    for name in ("SR@15", "AT", "hDCG"):
        assert same[name]["ci95"] == pytest.approx([0.25, 0.25]) and same[name]["excludes_0"]
    a = b.copy()
    a[:, 1] += rng.normal(0.1, 0.2, 400)  # AT worse by 0.1 on average, noisily
    d = paired_bootstrap(a, b)
    lo, hi = d["AT"]["ci95"]
    assert lo < d["AT"]["diff"] < hi and lo > 0 and d["AT"]["excludes_0"]
    assert d["SR@15"]["ci95"] == [0.0, 0.0] and not d["SR@15"]["excludes_0"]
