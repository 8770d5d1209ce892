"""Faults injected into the running app: :func:`crash_restart` SIGKILLs it mid-traffic,
:func:`broken_caches` corrupts every cache it loads, :func:`degraded` takes components away
or makes them too slow. Each starts its own app in a folder of its own."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from reliability.app_process import ROOT, AppProcess
from reliability.check import Check, timed
from reliability.client import call, client, explain_top
from reliability.hostile import text_problems

OPENINGS = ["a comedy from the 90s", "a western", "a thriller with harrison ford", "sci fi from the 80s",
            "a romantic drama", "something scary", "a crime film", "an animated film for kids"]


def _talk(url: str, k: int, stop: threading.Event, out: dict) -> None:
    """One user: /start (its memory key), then /step turns until stopped or the server goes."""
    try:
        c = client(url)
        reply = json.loads(call(c, "", "/start"))
    except Exception as exc:
        out["error"] = f"start: {type(exc).__name__}"
        return
    out["key"], last = reply["memory_key"], 0
    event = {"type": "text", "text": OPENINGS[k % len(OPENINGS)]}
    while not stop.is_set():
        try:
            reply = json.loads(call(c, json.dumps(event), "/step", timeout=30))
        except Exception:
            return  # the server went away mid-request: this turn is the one in flight
        if reply.get("turn", 0) > last:
            out["completed"] += 1
            last = reply["turn"]
        q, cards = reply.get("question"), reply.get("cards") or []
        if q:
            event = {"type": "chip", "value": q["options"][0][0] if q["options"] else "any", "turn": last}
        elif cards and out["completed"] % 3 == 0:
            event = {"type": "like", "item_id": cards[0]["item_id"], "turn": last}
        else:
            event = {"type": "text", "text": "more", "turn": last}


@timed
def crash_restart(workdir: str | Path, users: int = 8, seconds: float = 12.0, rounds: int = 2) -> Check:
    """``users`` clients talk to the app; after ``seconds`` it is SIGKILLed mid-traffic and
    restarted on the same memory file, ``rounds`` times. Every turn a client saw completed
    must be in memory; the one in flight is whole or absent; every user resumes by key."""
    from chat.memory import MemoryStore

    check = Check("crash: SIGKILL + restart")
    app = AppProcess(workdir)
    outs: list[dict] = []
    try:
        for _ in range(rounds):
            app.start()
            stop = threading.Event()
            batch = [{"completed": 0} for _ in range(users)]
            threads = [threading.Thread(target=_talk, args=(app.url, k, stop, batch[k]), daemon=True)
                       for k in range(users)]
            for t in threads:
                t.start()
            time.sleep(seconds)
            deadline = time.time() + 180  # on a loaded machine: wait until every user has a turn or two
            while sum(o["completed"] for o in batch) < 2 * users and time.time() < deadline:
                time.sleep(0.2)
            app.kill()  # mid-traffic: some requests are in flight
            check.faults += 1
            stop.set()
            for t in threads:
                t.join(timeout=60)
            outs += batch
            check.sessions += users
            check.inputs += sum(o["completed"] for o in batch)
        completed = check.inputs
        con = sqlite3.connect(app.memory_path)  # what the restarted app will read
        check.expect(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "memory fails integrity_check")
        stored = dict(con.execute("SELECT user_id, COUNT(*) FROM turns GROUP BY user_id").fetchall())
        con.close()
        store = MemoryStore(app.memory_path)
        applied = 0  # turns in flight at a kill that were committed although no reply went out
        app.start()
        for o in outs:
            if not check.expect("key" in o, f"a user never started: {o.get('error')}"):
                continue
            user = store.resume(o["key"])
            if not check.expect(user is not None, "a user's key opens nothing after the crash"):
                check.lost += o["completed"]
                continue
            mem = store.load(user)  # summary and personas decode
            turns = stored.get(user, 0)
            check.lost += max(0, o["completed"] - turns)
            applied += turns == o["completed"] + 1
            check.expect(turns <= o["completed"] + 1, f"{turns} turns stored, {o['completed']} completed (+1 at most)")
            check.expect(isinstance(mem.summary.get("liked"), list), "a summary did not decode")
        for o in outs[:4]:  # the restarted app serves the old memories
            if "key" in o:
                back = json.loads(call(client(app.url), o["key"], "/resume"))
                check.expect(back["memory_key"] == o["key"], "a user could not resume after the restart")
                check.inputs += 1
    finally:
        app.stop()
    check.note = (f"{rounds} kills with {users} users talking; {completed} turns completed before the kills, "
                  f"{applied} more committed in flight (reply lost with the process, turn kept whole)")
    return check


def _copy_data(src: Path, dst: Path) -> None:
    """The caches of ``src`` (not the wheels, memory or training checkpoints) into ``dst``."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("cache", "chroma", "models", "extracted"):
        if (src / name).exists() and not (dst / name).exists():
            shutil.copytree(src / name, dst / name)


def _corruptions(data: Path) -> Iterator[tuple[str, Path, bytes | str | None, str]]:
    """(fault, path, new bytes / None to truncate / "delete", a regex for the log line that
    proves the rebuild)."""
    for f in (data / "cache").glob("catalog-movielens-100k-*.pkl"):
        yield "catalog cache corrupt", f, b"\x80\x04garbage", r"\[recsys\.datasets\] cache .*unreadable.*rebuilding"
    for f in (data / "cache").glob("emb-movielens-100k-*.npy"):
        yield "embedding cache corrupt", f, b"not an array", r"embedding cache .*unreadable.*rebuilding"
    for f in (data / "cache").glob("als-movielens-100k-*.pkl"):
        yield "ALS cache corrupt", f, b"\x80garbage", r"cached ALS model unusable.*refitting"
    for f in (data / "cache").glob("ampcf-movielens-100k-*.pkl"):  # the chat's prior and personas
        yield "AMP-CF cache corrupt", f, b"\x80garbage", r"cached AMP-CF model unusable.*refitting"
    for f in (data / "chroma").glob("chroma.sqlite3"):
        yield "vector store corrupt", f, b"SQLite format 3\x00" + b"\xff" * 4096, r"chroma store .*unusable.*rebuilding"
    for f in (data / "models").glob("*/model.safetensors"):
        yield "LM cache truncated", f, None, r"LM cache at .*unusable.*rebuilding"
    if (data / "extracted").is_dir():
        yield "model files deleted", data / "extracted", "delete", r"\[recsys\.assets\] extracting \d+ files"


KINDS = 7  # of fault above


@timed
def broken_caches(workdir: str | Path, source: Path | None = None) -> Check:
    """Start once to have every cache (catalog, embeddings, ALS, chroma, LM, the model files
    extracted from their wheels), corrupt or delete each, start again: each is rebuilt with a
    message and the LoRA narrator explains a film; a third start finds them all sound."""
    from recsys import assets

    check = Check("faults: corrupt caches")
    workdir = Path(workdir)
    data = workdir / "data"
    _copy_data(source or assets.data_dir(), data)
    env = {"CRS_DATA_DIR": str(data), "CRS_WHEELS": str(assets.wheel_dir()), "CRS_NARRATOR": "auto"}
    app = AppProcess(workdir, env=env, narrator="auto")
    lora_ready = "LoRA narrator fused-seed0 ready"
    try:
        if len({f for f, *_ in _corruptions(data)}) < KINDS:  # a cache is missing: one start builds them all
            app.start()
            check.expect(app.wait_for(lora_ready, 600), "the LoRA narrator did not load on the first start")
            app.stop()
        injected = list(_corruptions(data))
        for _, path, content, _ in injected:
            if content == "delete":
                shutil.rmtree(path)
            elif content is None:
                path.write_bytes(path.read_bytes()[:1000])
            else:
                path.write_bytes(content)
        check.faults = len(injected)
        kinds = {f for f, *_ in injected}
        check.expect(len(kinds) == KINDS, f"expected {KINDS} kinds of fault, found {sorted(kinds)}")
        app.start()
        check.expect(app.wait_for(lora_ready, 600), "the LoRA narrator did not come back")
        log = app.log(since=app.log_mark)
        for fault, _, _, proof in injected:
            check.expect(re.search(proof, log) is not None, f"{fault}: no rebuild message")
        c = client(app.url)
        check.sessions += 1
        narrative = explain_top(c, "a comedy from the 90s", check)
        if narrative is not None:
            check.expect(bool(narrative) and "unavailable" not in narrative and "failed" not in narrative,
                         f"the narrative after the rebuild: {narrative[:80]!r}")
        app.stop()
        app.start()
        check.expect(app.wait_for(lora_ready, 600), "the LoRA narrator did not load on the clean start")
        log = app.log(since=app.log_mark)
        check.expect(not re.search(r"unusable|unreadable|rebuilding|refitting|extracting", log),
                     "the start after the rebuild still found a broken cache")
    finally:
        app.stop()
    check.note = "corrupted: " + ", ".join(sorted({f for f, *_ in injected}))
    return check


@timed
def degraded(workdir: str | Path) -> Check:
    """chromadb cannot be imported and the narrator's weights are broken: the app answers a
    vague wish from the in-memory index and explains with the template narrator, logging
    both. Then the LoRA narrator with a 50 ms budget: the template finishes the explanation."""
    check = Check("faults: components down")
    workdir = Path(workdir)
    shadow = workdir / "shadow" / "chromadb"
    shadow.mkdir(parents=True, exist_ok=True)
    (shadow / "__init__.py").write_text('raise ImportError("chromadb switched off by the reliability suite")\n')
    broken = workdir / "broken-narrator"
    if not broken.exists():
        shutil.copytree(ROOT / "configs" / "narrator" / "fused-seed0", broken)
    (broken / "adapter_mlp.pt").write_bytes(b"not a torch file")
    app = AppProcess(workdir / "down", env={"PYTHONPATH": str(shadow.parent), "CRS_NARRATOR": str(broken)})
    try:
        app.start()
        check.faults += 2
        check.expect(app.wait_for("LoRA narrator unavailable", 300), "the broken narrator was not reported")
        check.expect(app.wait_for("chromadb cannot be imported", 60), "the missing vector store was not reported")
        c = client(app.url)
        check.sessions += 1
        narrative = explain_top(c, "something cozy and heartwarming for a rainy evening", check)
        if narrative is not None:
            check.expect(bool(narrative) and not text_problems(narrative), "no template explanation with the LM down")
    finally:
        app.stop()
    slow = AppProcess(workdir / "slow", env={"CRS_NARRATOR_BUDGET": "0.05"}, narrator="auto")
    try:
        slow.start()
        check.faults += 1
        if check.expect(slow.wait_for("LoRA narrator fused-seed0 ready", 300), "the LoRA narrator did not load"):
            c = client(slow.url)
            check.sessions += 1
            narrative = explain_top(c, "a western", check)
            if narrative is not None:
                check.expect("took too long" in narrative, f"a too-slow LM was not cut short: {narrative[:80]!r}")
    finally:
        slow.stop()
    check.note = "chromadb unimportable, narrator weights corrupt, LM budget 50 ms"
    return check
