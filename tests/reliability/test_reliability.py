"""The reliability checks (``reliability.checks``), each with smaller counts than
``python -m reliability`` uses; and the checks' own judges, on inputs they must reject."""

import json

import pytest

from reliability import checks
from reliability.netaudit import is_loopback


def test_the_reply_judge_catches_what_a_user_must_not_see():
    assert checks.text_problems("") == ["empty reply"]
    assert checks.text_problems('Traceback (most recent call last):\n  File "x"') == ["traceback in reply"]
    assert checks.text_problems("hi <script>alert(1)</script>")[0].startswith("raw HTML")
    assert checks.text_problems("hi < IMG src=x>")
    assert checks.text_problems("I escaped &lt;script&gt; and 3 < 4") == []


def test_loopback_judge():
    assert all(is_loopback(h) for h in ["127.0.0.1", "127.8.9.1", "::1", "localhost", "0.0.0.0", "/tmp/sock", None])
    outside = ["8.8.8.8", "huggingface.co", "api.gradio.app", "10.0.0.1", "::ffff:1.2.3.4"]
    assert not any(is_loopback(h) for h in outside)


def test_a_check_with_data_lost_fails():
    c = checks.Check("x", inputs=3)
    assert c.ok and c.row()[-1] == "pass"
    c.lost = 1
    assert not c.ok and "lost" in c.row()[-1]
    c.expect(False, "something broke")
    assert c.row()[-1].startswith("FAIL (1): something broke")


@pytest.mark.data
def test_engine_takes_hostile_and_random_input(tmp_path):
    from chat.loading import load_models

    c = checks.engine_inputs(load_models(progress=lambda m: None), tmp_path / "m.sqlite3", n_random=150, seed=1)
    assert c.ok, c.problems[:10]
    assert c.inputs > 2 * len(checks.BAD_TEXTS) + 150 and c.lost == 0


@pytest.mark.data
@pytest.mark.slow
def test_http_api_takes_hostile_input(app_server):
    c = checks.http_inputs(app_server, n_random=30, seed=1)
    assert c.ok, c.problems[:10]


@pytest.mark.data
@pytest.mark.slow
def test_privacy_keys_and_network(app_process):
    """Runs after the HTTP and browser tests (file order), so the audit covers their traffic too."""
    c = checks.privacy(app_process, n_guesses=15, browser=False)  # the browser's part: test_browser.py
    assert c.ok, c.problems[:10]
    assert app_process.network_events(), "the audit saw nothing"


@pytest.mark.data
@pytest.mark.slow
def test_sigkill_mid_traffic_then_restart_loses_no_completed_turn(tmp_path):
    c = checks.crash_restart(tmp_path, users=4, seconds=6, rounds=1)
    assert c.ok, c.problems[:10]
    assert c.faults == 1 and c.inputs >= 8  # turns completed before the kill, 2 per user


@pytest.mark.data
@pytest.mark.slow
def test_corrupt_caches_are_rebuilt_with_a_message(tmp_path):
    c = checks.broken_caches(tmp_path)
    assert c.ok, c.problems[:10]
    assert c.faults >= checks.KINDS


@pytest.mark.data
@pytest.mark.slow
def test_components_down_the_app_degrades_and_says_so(tmp_path):
    c = checks.degraded(tmp_path)
    assert c.ok, c.problems[:10]
    assert c.faults == 3


@pytest.mark.data
def test_the_suite_command_prints_its_table_and_json(tmp_path, capsys):
    from reliability.__main__ import main

    out = tmp_path / "r.json"
    assert main(["--only", "engine", "--random", "20", "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "inputs tried" in text and "data lost: 0" in text
    data = json.loads(out.read_text())
    assert data["total"]["ok"] and data["checks"][0]["name"] == "bad input: engine"


def test_the_suite_command_refuses_unknown_checks():
    from reliability.__main__ import main

    with pytest.raises(SystemExit) as e:
        main(["--only", "engine,teleport"])
    assert e.value.code == 2
