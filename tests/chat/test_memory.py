"""The SQLite memory store: identity by secret token, atomic turns, isolation, concurrency,
persistence across a process restart, export and forget-me."""

import json
import multiprocessing as mp
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from chat.memory import MemoryStore, StoredPersona, empty_summary

ROOT = Path(__file__).resolve().parents[2]


def persona(x: float, items=("1",)):
    return StoredPersona(np.full(4, x, dtype=np.float32), 1.0, list(items), "Crime · 1990s")


def commit(store, user, session="s", turn=1, liked=("1",)):
    summary = empty_summary() | {"liked": list(liked)}
    store.commit_turn(user, session, turn, {"type": "Text", "text": f"turn {turn}"}, {"text": "ok"}, summary,
                      [persona(turn)])


def test_token_unlocks_only_its_user(tmp_path):
    store = MemoryStore(tmp_path / "m.sqlite3")
    a, token_a = store.new_user()
    b, token_b = store.new_user()
    assert store.resume(token_a) == a and store.resume(token_b) == b
    assert store.resume("not-a-token") is None and store.resume("") is None and store.resume(None) is None
    assert store.resume(a) is None  # the user id is not the secret
    raw = (tmp_path / "m.sqlite3").read_bytes()
    assert token_a.encode() not in raw  # only the hash is stored


def test_turns_are_scoped_by_user(tmp_path):
    store = MemoryStore(tmp_path / "m.sqlite3")
    a, _ = store.new_user()
    b, _ = store.new_user()
    commit(store, a, liked=("10",))
    commit(store, b, liked=("20",))
    assert store.load(a).summary["liked"] == ["10"] and store.load(b).summary["liked"] == ["20"]
    assert [t["event"]["text"] for t in store.turns(a)] == ["turn 1"]
    with pytest.raises(KeyError):
        commit(store, "nobody")


def test_a_failed_turn_writes_nothing(tmp_path):
    store = MemoryStore(tmp_path / "m.sqlite3")
    a, _ = store.new_user()
    commit(store, a, turn=1, liked=("10",))
    bad = StoredPersona(np.zeros(4, dtype=np.float32), 1.0, [object()], "x")  # not JSON-serialisable
    with pytest.raises(TypeError):
        store.commit_turn(a, "s", 2, {}, {}, empty_summary() | {"liked": ["99"]}, [bad])
    mem = store.load(a)
    assert mem.summary["liked"] == ["10"] and len(store.turns(a)) == 1 and len(mem.personas) == 1


def test_export_and_forget_me(tmp_path):
    store = MemoryStore(tmp_path / "m.sqlite3")
    a, token = store.new_user()
    b, _ = store.new_user()
    commit(store, a)
    commit(store, b)
    out = store.export(a)
    json.dumps(out)
    assert out["user_id"] == a and out["summary"]["liked"] == ["1"] and len(out["turns"]) == 1
    assert len(out["personas"]) == 1 and len(out["personas"][0]["vector"]) == 4
    deleted = store.forget(a)
    assert deleted == {"turns": 1, "personas": 1, "summaries": 1, "users": 1}
    assert store.count_rows(a) == 0 and store.resume(token) is None
    with pytest.raises(KeyError):
        store.load(a)
    assert store.count_rows(b) == 4  # the other user is untouched


def test_concurrent_writers_in_threads(tmp_path):
    store = MemoryStore(tmp_path / "m.sqlite3")
    users = [store.new_user()[0] for _ in range(8)]
    errors = []

    def work(user):
        try:
            for turn in range(1, 26):
                commit(store, user, turn=turn, liked=(str(turn),))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=work, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for u in users:
        assert len(store.turns(u)) == 25 and store.load(u).summary["liked"] == ["25"]


def _process_writer(path, user, n):
    store = MemoryStore(path)
    for turn in range(1, n + 1):
        commit(store, user, session=f"p-{user[:4]}", turn=turn)


def test_concurrent_writers_in_processes(tmp_path):
    path = tmp_path / "m.sqlite3"
    store = MemoryStore(path)
    users = [store.new_user()[0] for _ in range(4)]
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_process_writer, args=(str(path), u, 20)) for u in users]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert all(p.exitcode == 0 for p in procs)
    assert all(len(store.turns(u)) == 20 for u in users)


def test_memory_survives_a_process_restart(tmp_path):
    path = tmp_path / "m.sqlite3"
    code = ("import sys; from chat.memory import MemoryStore, StoredPersona, empty_summary; import numpy as np\n"
            "s = MemoryStore(sys.argv[1]); u, tok = s.new_user()\n"
            "s.commit_turn(u, 'x', 1, {}, {}, empty_summary() | {'liked': ['42']},"
            " [StoredPersona(np.arange(3, dtype=np.float32), 1.0, ['42'], 'Drama')])\n"
            "print(tok)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    token = out.stdout.strip()
    store = MemoryStore(path)  # a new process's view: this test process
    user = store.resume(token)
    mem = store.load(user)
    assert mem.summary["liked"] == ["42"]
    np.testing.assert_array_equal(mem.personas[0].vector, np.arange(3, dtype=np.float32))
    assert mem.personas[0].description == "Drama"


def test_wal_mode_is_on(tmp_path):
    store = MemoryStore(tmp_path / "m.sqlite3")
    assert store._con().execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_schema_is_versioned_and_migrated_in_order(tmp_path):
    """A new database is at the latest version; one from before versioning (migration 1's
    tables, no schema_version) keeps its rows and gains the later migrations; a second open
    changes nothing; a database from newer code is refused."""
    import sqlite3

    from chat.migrations import MIGRATIONS, statements

    fresh = MemoryStore(tmp_path / "fresh.sqlite3")
    assert fresh._con().execute("SELECT version FROM schema_version").fetchall() == [(len(MIGRATIONS),)]
    old = tmp_path / "old.sqlite3"
    con = sqlite3.connect(old)
    for sql in statements(1):
        con.execute(sql)
    con.execute("INSERT INTO users VALUES ('u1', 'h', 0, 0)")
    con.commit()
    con.close()
    store = MemoryStore(old)
    con = store._con()
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(len(MIGRATIONS),)]
    assert con.execute("SELECT user_id FROM users").fetchall() == [("u1",)]
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "turns_by_time" in indexes
    MemoryStore(old)  # again: nothing to do, still one version row
    assert con.execute("SELECT COUNT(*), MAX(version) FROM schema_version").fetchone() == (1, len(MIGRATIONS))
    con.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(RuntimeError, match="newer"):
        MemoryStore(old)
