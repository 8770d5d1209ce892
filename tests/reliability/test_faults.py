"""A conversation in a process killed with SIGKILL loses at most its turn in flight (the
engine alone; the app killed mid-traffic and corrupt caches are in test_reliability.py)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

pytestmark = [pytest.mark.data, pytest.mark.slow]  # each starts the app in its own process
ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, sys
from chat.engine import Engine
from chat.events import Text, CardFeedback
from chat.memory import MemoryStore
from chat.loading import load_models
engine = Engine(load_models(progress=lambda m: None), MemoryStore(sys.argv[1]))
state, reply, token = engine.start()
log = open(sys.argv[2], "a")
log.write(f"user {state.user_id}\n"); log.flush(); os.fsync(log.fileno())
texts = ["a comedy", "from the 90s", "more", "I loved Heat", "more", "no horror", "more", "with tom hanks"]
k = 0
while True:
    state, reply = engine.step(state, Text(texts[k % len(texts)]))
    if reply.cards:
        state, reply = engine.step(state, CardFeedback(reply.cards[0].item_id, "like", reply.turn))
    log.write(f"done {state.turn}\n"); log.flush(); os.fsync(log.fileno())
    k += 1
"""


def test_sigkill_mid_conversation_loses_at_most_the_turn_in_flight(tmp_path):
    db, log = tmp_path / "memory.sqlite3", tmp_path / "progress.log"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(log)], cwd=ROOT, env=os.environ.copy(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 300
        while time.time() < deadline:  # let it complete some turns, then kill it mid-stream
            lines = log.read_text().splitlines() if log.exists() else []
            if sum(line.startswith("done") for line in lines) >= 6:
                break
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            time.sleep(0.05)
        time.sleep(np.random.default_rng().uniform(0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    lines = log.read_text().splitlines()
    user = lines[0].split()[1]
    completed = max(int(line.split()[1]) for line in lines if line.startswith("done"))
    con = sqlite3.connect(db)  # what a restarted app would read
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    turns = [t for (t,) in con.execute("SELECT turn FROM turns WHERE user_id = ? ORDER BY turn", (user,))]
    # every completed turn is there; the one in flight (a step, maybe its like) is whole or absent
    assert turns == list(range(1, len(turns) + 1))
    assert completed <= len(turns) <= completed + 2
    from chat.memory import MemoryStore

    mem = MemoryStore(db).load(user)
    assert mem.summary["liked"] and mem.personas
