"""``python -m lab.compare``: paired differences of two chat-protocol runs, refused when the
runs are not on the same episodes."""

import json

import pytest

from lab.compare import main


def run_file(path, rows, **protocol):
    base = {"dataset": "d", "split": "valid", "seeds": [0], "episodes_per_seed": [4], "max_turns": 15,
            "users": ["click"], "history_told": 5}
    path.write_text(json.dumps({"protocol": {**base, **protocol},
                                "per_episode": {"columns": ["success", "turns", "hDCG"], "rows": rows}}))
    return str(path)


def test_paired_difference_of_two_runs(tmp_path, capsys):
    a = run_file(tmp_path / "a.json", {"unified": [[1, 3, 0.5], [1, 4, 0.4], [1, 2, 0.6], [0, 15, 0.0]]})
    b = run_file(tmp_path / "b.json", {"unified": [[1, 5, 0.3], [0, 15, 0.0], [1, 2, 0.6], [0, 15, 0.0]]})
    assert main([a, b, "--json", str(tmp_path / "out.json")]) == 0
    out = json.loads((tmp_path / "out.json").read_text())["results"]["a - b"]
    assert out["SR@15"]["diff"] == pytest.approx(0.25) and out["AT"]["diff"] == pytest.approx(-3.25)
    assert "a - b" in capsys.readouterr().out


def test_runs_on_other_episodes_are_refused(tmp_path):
    a = run_file(tmp_path / "a.json", {"unified": [[1, 3, 0.5]] * 4})
    b = run_file(tmp_path / "b.json", {"unified": [[1, 3, 0.5]] * 4}, split="test")
    with pytest.raises(SystemExit):
        main([a, b])
