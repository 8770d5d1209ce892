"""python -m lab.wish_gate chooses its point by leaving one table out: a row the gate changes counts
as mended when its only fault was a wish the table lacks, as broken when it was right and lost one."""

import numpy as np

from lab.wish_gate import C_GRID, THRESHOLD_GRID, validate


def test_validation_counts_rows_mended_and_broken_for_each_point():
    rng = np.random.default_rng(0)
    rows, x = [], []
    for table in ("a", "b", "c"):
        for k in range(20):
            wish = k % 2 == 0
            rows.append({"table": table, "wish": wish, "only_wish_wrong": not wish, "right": wish})
            x.append(np.r_[1.0 if wish else -1.0, rng.normal(0, 0.1, 3)])
    grid = validate(np.array(x), rows)
    assert len(grid) == len(C_GRID) * len(THRESHOLD_GRID)
    best = max(grid, key=lambda g: g["net"])
    # the words tell wish from no wish: the no-wish rows (all wrong only by their wish) are mended, none broken
    assert best["mended"] == 30 and best["broken"] == 0 and best["gated_wish"] == 0
    assert all(g["net"] == g["mended"] - g["broken"] and g["gated"] == g["gated_wish"] + g["gated_no_wish"]
               for g in grid)
