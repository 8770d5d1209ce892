"""The running app over HTTP with ``gradio_client``: the named endpoints, per-client sessions."""

import json

import pytest

pytestmark = [pytest.mark.data, pytest.mark.slow]  # each starts the app in its own process


@pytest.fixture(scope="module")
def client_factory(app_server):
    from gradio_client import Client

    return lambda: Client(app_server, analytics_enabled=False, verbose=False)


def test_chat_endpoint_holds_a_conversation(client_factory):
    c = client_factory()
    first = c.predict("something funny from the 90s", api_name="/chat")
    assert "Comedy" in first and "1990s" in first
    reply = first
    for _ in range(6):  # answer "any" until films come
        if "1. **" in reply:
            break
        reply = c.predict("any", api_name="/chat")
    assert "1. **" in reply
    why = c.predict("why this?", api_name="/chat")
    assert "Why" in why and "comedy" in why.lower()
    assert "do not have" in c.predict("I loved Inception", api_name="/chat")
    assert "type a message" in c.predict("   ", api_name="/chat")


def test_sessions_are_kept_per_client(client_factory):
    a, b = client_factory(), client_factory()
    ra = json.loads(a.predict(json.dumps({"type": "text", "text": "a western"}), api_name="/step"))
    rb = json.loads(b.predict(json.dumps({"type": "text", "text": "a horror film"}), api_name="/step"))
    assert [c[1] for c in ra["constraints"]] == ["Western"]
    assert [c[1] for c in rb["constraints"]] == ["Horror"]
    ra2 = json.loads(a.predict(json.dumps({"type": "text", "text": "from the 60s"}), api_name="/step"))
    assert [c[1] for c in ra2["constraints"]] == ["Western", "1960s"] and ra2["turn"] == ra["turn"] + 1


def test_step_endpoint_takes_structured_events(client_factory):
    c = client_factory()
    r = json.loads(c.predict(json.dumps({"type": "text", "text": "sci fi"}), api_name="/step"))
    for _ in range(6):
        if r["cards"]:
            break
        r = json.loads(c.predict(json.dumps({"type": "chip", "value": "any", "turn": r["turn"]}), api_name="/step"))
    assert r["cards"]
    item = r["cards"][0]["item_id"]
    liked = json.loads(c.predict(json.dumps({"type": "like", "item_id": item, "turn": r["turn"]}), api_name="/step"))
    assert liked["personas"] and item in [x["item_id"] for x in liked["cards"]]  # a film liked stays in view
    why = json.loads(c.predict(json.dumps({"type": "why", "item_id": liked["cards"][0]["item_id"]}), api_name="/step"))
    assert why["narrative"]
    bad = json.loads(c.predict("{not json", api_name="/step"))
    assert "bad event" in bad["error"]
    bad = json.loads(c.predict(json.dumps({"type": "teleport"}), api_name="/step"))
    assert "bad event" in bad["error"]


def test_the_simulator_drives_the_running_app_over_http(app_server, tmp_path):
    from lab.simulate import main

    out = tmp_path / "via.json"
    assert main(["--via", app_server, "--episodes", "3", "--seeds", "1", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["protocol"]["via"] == app_server and data["protocol"]["episodes_per_seed"] == [3]
    assert 0 <= data["results"]["app"]["SR@15"]["mean"] <= 1 and data["latency"]["app"]["turns"] >= 3
