"""Bad input to the command-line tools ends with a one-line error and status 2, no traceback."""

import pytest

from lab import evaluate_graph as graph_eval
from lab import evaluate_retrieval as retrieval_eval
from lab import screen_gserec, simulate, train_unified
from lab import tune as tune_rule
from recsys.report import run_cli


@pytest.mark.parametrize("main", [simulate.main, graph_eval.main, tune_rule.main, train_unified.main,
                                  retrieval_eval._cli, screen_gserec.main])
def test_unknown_dataset_is_a_clear_error(main, capsys, tmp_path):
    assert run_cli(main, ["--dataset", str(tmp_path / "no-such-folder")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: unknown dataset") and "Traceback" not in err


def test_bad_simulator_flags_exit_2():
    with pytest.raises(SystemExit) as exc:
        simulate.main(["--flip", "1.5"])
    assert exc.value.code == 2


@pytest.mark.parametrize("codes", ["x", "8,1"])
def test_bad_code_sizes_exit_2(codes, capsys):
    with pytest.raises(SystemExit) as exc:
        screen_gserec.main(["--codes", codes])
    assert exc.value.code == 2 and "--codes" in capsys.readouterr().err
