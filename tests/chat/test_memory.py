"""The memory store on both backends (SQLite, and a real PostgreSQL server): identity by
secret token, atomic turns, conversations that move on once, isolation, concurrency,
persistence across a process restart, export and forget-me; SQLite's WAL mode and the
schema migrations."""

import json
import multiprocessing as mp
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import numpy as np
import pytest

from chat.memory import MemoryStore, SessionConflict, StoredPersona, StoreUnavailable, empty_summary

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request, tmp_path):
    """Where a fresh store lives: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return tmp_path / "m.sqlite3"
    return request.getfixturevalue("postgres").new_database(f"t_{uuid.uuid4().hex[:12]}")


def persona(x: float, items=("1",)):
    return StoredPersona(np.full(4, x, dtype=np.float32), 1.0, list(items), "Crime · 1990s")


def commit(store, user, session="s", turn=1, liked=("1",)):
    summary = empty_summary() | {"liked": list(liked)}
    store.commit_turn(user, session, turn, {"type": "Text", "text": f"turn {turn}"}, {"text": "ok"}, summary,
                      [persona(turn)])


def test_token_unlocks_only_its_user(where):
    store = MemoryStore(where)
    a, token_a = store.new_user()
    b, token_b = store.new_user()
    assert store.resume(token_a) == a and store.resume(token_b) == b
    assert store.resume("not-a-token") is None and store.resume("") is None and store.resume(None) is None
    assert store.resume(a) is None  # the user id is not the secret
    stored = [v for row in store._read("SELECT * FROM users") for v in row]
    assert token_a not in stored and token_b not in stored  # only the hash is stored
    if store.backend == "sqlite":
        assert token_a.encode() not in where.read_bytes()


def test_turns_are_scoped_by_user(where):
    store = MemoryStore(where)
    a, _ = store.new_user()
    b, _ = store.new_user()
    commit(store, a, liked=("10",))
    commit(store, b, liked=("20",))
    assert store.load(a).summary["liked"] == ["10"] and store.load(b).summary["liked"] == ["20"]
    assert [t["event"]["text"] for t in store.turns(a)] == ["turn 1"]
    with pytest.raises(KeyError):
        commit(store, "nobody")


def test_a_failed_turn_writes_nothing(where):
    store = MemoryStore(where)
    a, _ = store.new_user()
    commit(store, a, turn=1, liked=("10",))
    bad = StoredPersona(np.zeros(4, dtype=np.float32), 1.0, [object()], "x")  # not JSON-serialisable
    with pytest.raises(TypeError):
        store.commit_turn(a, "s", 2, {}, {}, empty_summary() | {"liked": ["99"]}, [bad])
    mem = store.load(a)
    assert mem.summary["liked"] == ["10"] and len(store.turns(a)) == 1 and len(mem.personas) == 1


def test_export_and_forget_me(where):
    store = MemoryStore(where)
    a, token = store.new_user()
    b, _ = store.new_user()
    commit(store, a)
    commit(store, b)
    out = store.export(a)
    json.dumps(out)
    assert out["user_id"] == a and out["summary"]["liked"] == ["1"] and len(out["turns"]) == 1
    assert len(out["personas"]) == 1 and len(out["personas"][0]["vector"]) == 4
    deleted = store.forget(a)
    assert deleted == {"turns": 1, "personas": 1, "sessions": 0, "summaries": 1, "users": 1}
    assert store.count_rows(a) == 0 and store.resume(token) is None
    with pytest.raises(KeyError):
        store.load(a)
    assert store.count_rows(b) == 4  # the other user is untouched


def test_concurrent_writers_in_threads(where):
    store = MemoryStore(where)
    users = [store.new_user()[0] for _ in range(8)]
    errors = []

    def work(user):
        try:
            for turn in range(1, 26):
                commit(store, user, turn=turn, liked=(str(turn),))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            store.close()  # this thread's connection

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


def test_concurrent_writers_in_processes(where):
    path = where
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


def test_memory_survives_a_process_restart(where):
    path = where
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


def test_a_conversation_moves_on_once(where):
    """A session's state advances turn by turn in the turn's transaction; a second answer
    to the same turn (another replica, at the same time) is refused and writes nothing."""
    store = MemoryStore(where)
    a, _ = store.new_user()
    store.open_session(a, "session-1", '{"at": 0}')
    assert store.session("session-1") == (a, 0, '{"at": 0}')
    assert store.session("no-such-session") is None and store.session(None) is None
    store.commit_turn(a, "session-1", 1, {}, {}, empty_summary() | {"liked": ["5"]}, [], state='{"at": 1}')
    with pytest.raises(SessionConflict):  # turn 1 again: the conversation is at 1 already
        store.commit_turn(a, "session-1", 1, {}, {}, empty_summary() | {"liked": ["6"]}, [], state='{"late": 1}')
    assert store.session("session-1") == (a, 1, '{"at": 1}') and store.load(a).summary["liked"] == ["5"]
    assert len(store.turns(a)) == 1
    b, _ = store.new_user()
    with pytest.raises(SessionConflict):  # another user cannot write into a's conversation
        store.commit_turn(b, "session-1", 2, {}, {}, empty_summary(), [], state="{}")
    out = store.export(a)
    assert out["sessions"] == [{"session": "session-1", "turn": 1, "updated": out["sessions"][0]["updated"],
                                "state": {"at": 1}}]
    assert store.forget(a)["sessions"] == 1 and store.session("session-1") is None


def test_forget_me_leaves_no_row_in_postgresql(postgres):
    """Every table of the schema that has a user_id column: no row of the forgotten user."""
    import psycopg

    url = postgres.new_database(f"t_{uuid.uuid4().hex[:12]}")
    store = MemoryStore(url)
    a, _ = store.new_user()
    b, _ = store.new_user()
    for user in (a, b):
        store.open_session(user, f"s-{user}", "{}")
        commit(store, user, session=f"s-{user}")
    store.forget(a)
    with psycopg.connect(url) as con:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.columns "
                                            "WHERE column_name = 'user_id' AND table_schema = 'public'")]
        assert set(tables) == {"users", "summaries", "personas", "turns", "sessions"}
        left = {t: con.execute(f"SELECT COUNT(*) FROM {t} WHERE user_id = %s", (a,)).fetchone()[0] for t in tables}
        kept = {t: con.execute(f"SELECT COUNT(*) FROM {t} WHERE user_id = %s", (b,)).fetchone()[0] for t in tables}
    assert sum(left.values()) == 0 and all(kept.values())
    store.shutdown()


def test_postgresql_schema_is_migrated_once_and_a_bad_url_is_one_line(postgres):
    from chat.migrations import MIGRATIONS

    url = postgres.new_database(f"t_{uuid.uuid4().hex[:12]}")
    MemoryStore(url).shutdown()
    store = MemoryStore(url)  # again: nothing to do
    assert store._read("SELECT COUNT(*), MAX(version) FROM schema_version") == [(1, len(MIGRATIONS))]
    assert store._read("SELECT data_type FROM information_schema.columns WHERE table_name = 'turns' "
                       "AND column_name = 'ts'") == [("double precision",)]
    store.shutdown()
    closed = url.rsplit(":", 1)[0] + ":1/crs"
    with pytest.raises(StoreUnavailable) as err:
        MemoryStore(closed.replace("postgres@", "postgres:secret@"), timeout=3)
    message = str(err.value)
    assert message.startswith("CRS_DATABASE_URL=postgresql://postgres:***@127.0.0.1:1/crs: cannot use the database")
    assert "\n" not in message and "secret" not in message
