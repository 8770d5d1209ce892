"""``python -m lab.report`` turns the benchmarks' JSON into docs/results.md, and the committed
page is the one the committed JSON gives."""

from __future__ import annotations

import json
from pathlib import Path

from lab import report

ROOT = Path(__file__).resolve().parents[2]
META = {"date": "2026-01-02T03:04:05+00:00", "versions": {"numpy": "2.0"},
        "machine": {"platform": "Linux", "cpus": 2, "python": "3.11.7"}}


def write_runs(folder: Path) -> Path:
    folder.mkdir()
    sim = {"command": "python -m lab.simulate --episodes 2", "protocol": {"episodes_per_seed": 2, "flip": 0.1},
           "results": {"rule": {"SR@15": {"mean": 0.5, "std": 0.25}, "AT": {"mean": 3.0, "std": 0.0}},
                       "plan": {"SR@15": {"mean": 1.0, "std": 0.0}, "AT": {"mean": 2.5, "std": 0.5}}},
           "comparisons": {"plan - rule": {"SR@15": {"diff": 0.5, "ci95": [0.0, 1.0], "excludes_0": False}}},
           **META}
    graph = {"command": "python -m lab.evaluate_graph", "results": {
        "cf": {"HR@3 round 1": 0.1, "HR@5 round 1": 0.2, "HR@3 round 2": 0.3, "HR@5 round 2": 0.4, "Reach@5": 0.4}},
        **META}
    odd = {"command": "python -m lab.other", "results": [1, 2], **META}
    for name, payload in {"sim": sim, "graph": graph, "odd": odd}.items():
        (folder / f"{name}.json").write_text(json.dumps(payload))
    return folder


def test_rows_become_a_table_with_mean_and_std(tmp_path):
    text = report.render(write_runs(tmp_path / "runs"))
    assert "|  | SR@15 | AT |" in text
    assert "| rule | 0.5000 ± 0.2500 | 3.0000 ± 0.0000 |" in text
    assert "| plan | 1.0000 ± 0.0000 | 2.5000 ± 0.5000 |" in text
    assert "| plan - rule | +0.5000 [+0.0000, +1.0000] |" in text
    assert "```bash\npython -m lab.simulate --episodes 2\n```" in text
    assert "Recorded 2026-01-02T03:04:05+00:00 on Linux, 2 CPUs, Python 3.11.7; numpy 2.0." in text
    assert "| protocol.flip | 0.1 |" in text
    assert text.index("## graph") < text.index("## odd") < text.index("## sim")  # sorted by file name


def test_round_columns_fold_and_unknown_shapes_fall_back_to_key_value(tmp_path):
    text = report.render(write_runs(tmp_path / "runs"))
    assert "|  | round 1 | round 2 | Reach@5 |" in text
    assert "| cf | 0.1000 / 0.2000 | 0.3000 / 0.4000 | 0.4000 |" in text
    assert "Each round's cell: HR@3 / HR@5." in text
    assert "| key | value |\n|---|---|\n|  | 1, 2 |" in text


def test_std_siblings_join_their_metric():
    row = {"BLEU": 50.0, "BLEU_std": 1.5, "runs": ["a"]}
    assert report.metrics(row) == {(None, "BLEU"): {"mean": 50.0, "std": 1.5}}


def test_a_metric_some_rows_lack_is_a_column_with_a_dash_for_them():
    # the narrator evaluation: defect kinds and latency only where a variant has them
    block = {"template": {"BLEU": 55.0, "defects": {"non-lead": 1}},
             "fused": {"BLEU": 50.0, "defects": {"article": 2, "non-lead": 1}, "latency": {"first_chunk_s": 0.4}}}
    text = "\n\n".join(report.row_tables(block, ""))
    assert "|  | non-lead | article |\n|---|---|---|\n| template | 1 | – |\n| fused | 1 | 2 |" in text
    assert "**latency**\n\n|  | first_chunk_s |\n|---|---|\n| template | – |\n| fused | 0.4000 |" in text


def test_check_fails_on_a_stale_page_and_passes_on_a_fresh_one(tmp_path):
    runs, out = write_runs(tmp_path / "runs"), tmp_path / "results.md"
    args = ["--runs", str(runs), "--out", str(out)]
    assert report.main(args + ["--check"]) == 1  # no page yet
    assert report.main(args) == 0
    assert report.main(args + ["--check"]) == 0
    out.write_text(out.read_text().replace("0.2500", "0.2600"))
    assert report.main(args + ["--check"]) == 1
    (runs / "sim.json").write_text((runs / "sim.json").read_text().replace("0.25", "0.3"))
    assert report.main(args) == 0 and "0.5000 ± 0.3000" in out.read_text()


def test_committed_results_page_is_up_to_date():
    runs, out = ROOT / "docs" / "runs", ROOT / "docs" / "results.md"
    assert len(list(runs.glob("*.json"))) >= 4
    assert report.main(["--runs", str(runs), "--out", str(out), "--check"]) == 0, \
        "docs/results.md is stale: run python -m lab.report"
