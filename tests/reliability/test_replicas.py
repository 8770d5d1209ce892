"""Two app replicas sharing a real PostgreSQL database behind a real haproxy, driven by
``gradio_client`` over HTTP: a conversation moves between replicas by its session id, the
balancer keeps a client on one replica, and a replica killed with SIGKILL in the middle of
traffic loses no completed turn and no session (the other replica continues them)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from services import unavailable

from chat.memory import MemoryStore
from reliability.client import call, client
from reliability.services import Cluster, ServiceUnavailable

ARTIFACTS = Path(os.environ.get("CRS_ARTIFACTS", Path(__file__).resolve().parents[2] / "out" / "artifacts"))
OPENINGS = ("a western from the 1960s", "a comedy from the 1990s", "a thriller from the 1980s",
            "a drama from the 1950s")


@pytest.fixture(scope="module")
def cluster(postgres, tmp_path_factory):
    c = Cluster(2, tmp_path_factory.mktemp("cluster"), database_url=postgres.new_database("replicas"))
    try:
        c.start()
    except ServiceUnavailable as exc:
        c.stop()
        unavailable("haproxy", str(exc))
    yield c
    c.stop()


@pytest.fixture(autouse=True)
def both_replicas(request):
    """Each test starts with both replicas up, whatever an earlier one killed (or failed to revive)."""
    if "cluster" in request.fixturenames:
        c = request.getfixturevalue("cluster")
        for k, app in enumerate(c.replicas):
            if not app.running:
                c.revive(k)


@pytest.fixture(scope="module")
def store(cluster):
    s = MemoryStore(cluster.database_url)
    yield s
    s.shutdown()


def start(c) -> dict:
    return json.loads(c.submit(api_name="/start").result(timeout=60))


def step(c, event: dict, session: str | None = None) -> dict:
    return json.loads(call(c, json.dumps(event | ({"session": session} if session else {})), "/step"))


def next_event(reply: dict) -> dict:
    q = reply.get("question")
    if q:
        return {"type": "chip", "value": q["options"][0][0] if q["options"] else "any", "turn": reply["turn"]}
    return {"type": "text", "text": "more", "turn": reply["turn"]}


def labels(reply: dict) -> set[str]:
    return {c[1] for c in reply["constraints"]}


@pytest.mark.data
@pytest.mark.slow
def test_a_conversation_alternates_between_replicas_by_its_session(cluster, store):
    a, b = client(cluster.replicas[0].url), client(cluster.replicas[1].url)
    opened = start(a)
    session = opened["session"]
    reply = step(b, {"type": "text", "text": "a western from the 1960s"}, session)
    assert reply["session"] == session and reply["turn"] == 1 and {"Western", "1960s"} <= labels(reply)
    for k in range(2, 7):  # alternate: replica 0, 1, 0, ...
        reply = step((a, b)[k % 2], next_event(reply), session)
        assert "error" not in reply, reply
        assert reply["turn"] == k and {"Western", "1960s"} <= labels(reply)
    user, turn, _ = store.session(session)
    assert turn == 6 and [t["turn"] for t in store.turns(user, session)] == [1, 2, 3, 4, 5, 6]
    unknown = step(a, {"type": "text", "text": "hello"}, "0123456789abcdef")
    assert unknown["error"].startswith("unknown session")


@pytest.mark.data
@pytest.mark.slow
def test_the_balancer_keeps_a_client_on_one_replica(cluster):
    """Without a session id the conversation lives in the replica's per-client state: it
    holds only if every request of the client reaches the same replica."""
    c = client(cluster.url)
    reply = step(c, {"type": "text", "text": "a comedy from the 1990s"})
    for k in range(2, 6):
        reply = step(c, next_event(reply))
        assert reply["turn"] == k and {"Comedy", "1990s"} <= labels(reply), reply
    assert c.cookies.get("CRS_REPLICA") in ("r0", "r1")


class Page:
    """A person at the page through the balancer, in a real browser: what they typed, what
    the page shows, and which of its requests to the queue are still open."""

    def __init__(self, pw, url: str) -> None:
        from reliability.checks import BROWSER_ARGS, CHROMIUM

        if not Path(CHROMIUM).exists():
            unavailable("chromium", f"not found at {CHROMIUM}")
        self.browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        self.context = self.browser.new_context(viewport={"width": 1280, "height": 1000})
        self.page = self.context.new_page()
        self.open: set = set()  # the queue's event streams not yet finished
        self.page.on("request", lambda r: self.open.add(r) if "/queue/data" in r.url else None)
        self.page.on("requestfinished", lambda r: self.open.discard(r))
        self.page.on("requestfailed", lambda r: self.open.discard(r))
        self.page.goto(url, wait_until="domcontentloaded")
        self.wait("document.querySelector('#chat')?.innerText.includes('MovieLens')", 120)

    def wait(self, condition: str, seconds: float = 60) -> None:
        self.page.wait_for_function(condition, timeout=seconds * 1000)

    def replied(self, action) -> None:
        n = self.page.evaluate("document.querySelectorAll('#chat .bot-row').length")
        action()
        self.wait(f"document.querySelectorAll('#chat .bot-row').length > {n}")

    def say(self, text: str, wait: bool = True) -> None:
        self.page.locator("#message textarea").fill(text)
        press = lambda: self.page.locator("#message textarea").press("Enter")  # noqa: E731
        self.replied(press) if wait else press()

    def idle(self, seconds: float = 30) -> None:
        """Until the page has no event in flight (its last reply fully arrived)."""
        deadline = time.time() + seconds
        while self.open and time.time() < deadline:
            self.page.wait_for_timeout(50)
        assert not self.open, [r.url for r in self.open]

    def session(self) -> str:
        self.wait("document.querySelector('#session textarea, #session input')?.value.length > 8", 30)
        return self.page.evaluate("document.querySelector('#session textarea, #session input').value")

    def replica(self) -> int:
        return int({c["name"]: c["value"] for c in self.context.cookies()}["CRS_REPLICA"][1:])

    def text(self, elem: str) -> str:
        return self.page.locator(elem).inner_text()

    def close(self, screenshot: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
        self.context.close()
        self.browser.close()


@pytest.mark.data
@pytest.mark.slow
def test_a_page_whose_replica_dies_between_clicks_goes_on_with_its_conversation(cluster):
    """The replica serving a person is killed between two clicks; the next click reaches the
    other replica, which continues the conversation from the database (the page keeps its
    id), instead of starting over."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        p = Page(pw, cluster.url)
        try:
            p.say("a western from the 1960s")
            session = p.session()
            before = p.text("#constraints")
            assert "Western" in before and "1960s" in before
            p.idle()
            dead = p.replica()
            cluster.replicas[dead].kill()
            p.page.locator("#memory").click()  # first the memory, which the other replica finds by the page's id
            p.page.locator("#view-memory").click()
            p.wait("document.querySelector('#memory-view')?.innerText.includes('stored')")
            memory = p.text("#memory-view")
            if p.page.locator("#chip-0").is_visible():
                p.replied(lambda: p.page.locator("#chip-0").click())
            else:
                p.say("more")
            now, chat, after, kept = p.replica(), p.text("#chat"), p.text("#constraints"), p.session()
        finally:
            p.close("browser-replica-failover.png")
    assert now != dead  # the other replica answered
    assert "1 turn in 1 conversation" in memory, memory
    assert "went wrong" not in chat and "Western" in after and "1960s" in after, (chat[-500:], after)
    assert kept == session


@pytest.mark.data
@pytest.mark.slow
def test_a_page_reloaded_after_its_replica_died_is_back_in_its_conversation(cluster):
    """When its server goes away in the middle of an event, Gradio's page says the connection
    was lost and reloads itself; a person may reload too. The tab's id (in its
    sessionStorage) brings the conversation back as stored (transcript, constraints) from the
    other replica, and it goes on; a new tab starts afresh."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        p = Page(pw, cluster.url)
        try:
            p.say("a western from the 1960s")
            session = p.session()
            p.idle()
            dead = p.replica()
            cluster.replicas[dead].kill()
            p.page.reload(wait_until="domcontentloaded")
            p.wait("document.querySelector('#chat')?.innerText.includes('our conversation continues')")
            chat = p.text("#chat")
            restored, constraints = p.session(), p.text("#constraints")
            p.say("more")
            now, after = p.replica(), p.text("#chat")
            other = p.context.new_page()  # a new tab of the same browser
            other.goto(cluster.url, wait_until="domcontentloaded")
            other.wait_for_function("document.querySelector('#chat')?.innerText.includes('MovieLens')",
                                    timeout=60_000)
            fresh = other.locator("#chat").inner_text()
        finally:
            p.close("browser-replica-reload.png")
    assert now != dead and restored == session
    assert "a western from the 1960s" in chat, chat
    assert "Western" in constraints and "1960s" in constraints, constraints
    assert "went wrong" not in after and after.count("a western from the 1960s") == 1
    assert "western" not in fresh.lower() and "continues" not in fresh


@pytest.mark.data
@pytest.mark.slow
def test_a_replica_killed_mid_traffic_loses_no_completed_turn_and_no_session(cluster, store):
    r0, r1 = cluster.replicas
    n = len(OPENINGS)
    done: list[list[int]] = [[] for _ in range(n)]  # reply turns each client received
    sessions: list[str] = [""] * n
    moved: list[dict] = [{} for _ in range(n)]  # the first reply from the surviving replica
    errors: list[str] = []
    interrupted: list[int] = []  # users whose request was cut by the kill
    killed = threading.Event()
    balanced = client(cluster.url)  # a client of the balancer, pinned to one replica by its cookie
    via_lb = start(balanced)
    via_lb = step(balanced, {"type": "text", "text": "a musical from the 1950s"}, via_lb["session"])

    def user(k: int) -> None:
        try:
            c = client(r0.url)
            reply = start(c)
            sessions[k] = reply["session"]
            reply = step(c, {"type": "text", "text": OPENINGS[k]}, sessions[k])
            done[k].append(reply["turn"])
            while True:  # on replica 0 until it dies
                try:
                    reply = step(c, next_event(reply), sessions[k])
                except Exception:
                    if not killed.is_set():
                        raise
                    interrupted.append(k)
                    break
                if "error" in reply:
                    raise AssertionError(reply["error"])
                done[k].append(reply["turn"])
            _, turn, _ = store.session(sessions[k])
            other = client(r1.url)
            moved[k] = step(other, {"type": "text", "text": "more", "turn": turn}, sessions[k])
            moved[k]["stored_turn"] = turn
        except Exception as exc:  # reported by the main thread
            errors.append(f"user {k}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=user, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    deadline = time.time() + 120
    while min(len(d) for d in done) < 3 and time.time() < deadline and not errors:
        time.sleep(0.05)
    killed.set()
    r0.kill()  # SIGKILL while the users are stepping
    for t in threads:
        t.join(timeout=180)
    assert not errors, errors
    assert interrupted, "no request was in flight when the replica died"
    after = step(client(cluster.url), next_event(via_lb), via_lb["session"])  # the balancer routes around it
    assert after["turn"] == via_lb["turn"] + 1 and {"Musical", "1950s"} <= labels(after)
    for k in range(n):
        user_id, turn, _ = store.session(sessions[k])
        stored = [t["turn"] for t in store.turns(user_id, sessions[k])]
        assert set(done[k]) <= set(stored), (done[k], stored)  # every completed turn is in the database
        assert moved[k]["stored_turn"] >= done[k][-1]  # the turn in flight may have completed too
        assert "error" not in moved[k] and moved[k]["turn"] == moved[k]["stored_turn"] + 1  # and goes on there
        assert turn == moved[k]["turn"]
        genre, decade = OPENINGS[k].split()[1].capitalize(), OPENINGS[k].split()[-1]
        assert {genre, decade} <= labels(moved[k])  # the same conversation


def test_the_load_report_and_its_sizing_come_from_the_levels_that_held(capsys):
    """No servers: the table and the sizing on paper from given levels (two replicas held 20
    users at 30 turns/s on 2 cores; 40 users missed p95 < 1 s and are not counted)."""
    from reliability.__main__ import main
    from reliability.load import levels_table, sizing

    level = {"turns": 900, "errors": 0, "wrong_session": 0, "p50_ms": 300.0, "p99_ms": 900.0,
             "rss_before_mb": 600.0, "rss_after_mb": 650.0}
    results = [level | {"replicas": 1, "users": 10, "turns_per_s": 12.0, "p95_ms": 700.0},
               level | {"replicas": 2, "users": 20, "turns_per_s": 30.0, "p95_ms": 900.0,
                        "turns_per_server_cpu_s": 40.0},
               level | {"replicas": 2, "users": 40, "turns_per_s": 35.0, "p95_ms": 1500.0}]
    s = sizing(results, cores=2)
    assert s["turns_per_s_per_core"] == 15.0 and round(s["peak_turns_per_s"]) == 521 and s["cores_needed"] == 35
    assert s["users"] == 20 and s["app_cores_needed"] == 14  # 520.8 turns/s at 40 turns per app CPU-second
    assert "1 replica: 10; 2 replicas: 20" in levels_table(results, 30)
    with pytest.raises(SystemExit):
        main(["--only", "none", "--replicas", "two", "--load"])
    with pytest.raises(SystemExit):
        main(["--only", "none", "--replicas", "2"])  # without --load
    assert "--replicas" in capsys.readouterr().err
