"""Per-user memory and conversation state behind one store, on SQLite (the embedded default:
one file, stdlib sqlite3, WAL mode) or PostgreSQL (``CRS_DATABASE_URL``, psycopg 3 with a
connection pool), so that app replicas can share it.

- Semantic memory: one JSON summary per user (accepted / rejected attribute values with
  counts, liked / disliked / seen items by catalog item id, persona descriptions), rewritten
  every turn. Personas: one row each, the vector as a float32 blob.
- Episodic memory: the turn log (event and reply, JSON).
- Conversations: each session's latest ``ChatState`` (JSON, with its undo chain), so any
  replica can continue a conversation from its session id, and a replica that dies loses
  no completed turn.
- Identity: a user is a random id; what unlocks it is a random token the user keeps (in the
  browser); only its SHA-256 is stored, so the database alone cannot resume anyone.

The schema is versioned (``chat.migrations``, the same ordered migrations on both backends).
Every method takes the user (or session) id and reads or writes only that user's rows.
``commit_turn`` writes the turn, the summary, the personas and the session's state in one
transaction, and only if the session is still at the turn before (two replicas answering
one conversation at once: the second gets ``SessionConflict``, and writes nothing): a crash
loses at most the turn in flight. SQLite: one connection per thread (sqlite3 connections
must not be shared); WAL lets readers run beside the one writer, ``busy_timeout`` makes
writers from other threads or processes wait their turn. PostgreSQL: a pool of connections,
one per transaction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import secrets
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from chat.migrations import migrate

TABLES = ("turns", "personas", "sessions", "summaries", "users")  # every table holding a user's rows


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def empty_summary() -> dict:
    return {"accepted": {}, "rejected": {}, "liked": [], "disliked": [], "seen": [], "personas": []}


@dataclass
class StoredPersona:
    vector: np.ndarray  # (d,) float32
    weight: float
    items: list[str]  # catalog item ids
    description: str


@dataclass
class UserMemory:
    user_id: str
    summary: dict = field(default_factory=empty_summary)
    personas: list[StoredPersona] = field(default_factory=list)


class StoreUnavailable(RuntimeError):
    """The configured database cannot be used; the message is one line naming the setting."""


class SessionConflict(RuntimeError):
    """The conversation moved on elsewhere (another replica answered a turn of it first)."""


def is_database_url(where: str | Path) -> bool:
    return isinstance(where, str) and where.split("://", 1)[0] in ("postgresql", "postgres")


def redact(url: str) -> str:
    """``url`` without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class MemoryStore:
    """The memory database: a SQLite file at ``where`` (created with its schema if missing),
    or a PostgreSQL database when ``where`` is a ``postgresql://`` URL (``pool_size``
    connections at most). Raises ``StoreUnavailable`` when the database cannot be opened."""

    def __init__(self, where: str | Path, timeout: float = 30.0, pool_size: int = 8) -> None:
        self.timeout = timeout
        if is_database_url(where):
            self._db = _Postgres(str(where), timeout, pool_size)
            self.path = None
        else:
            self.path = Path(where)
            self._db = _SQLite(self.path, timeout)
        self.backend = self._db.dialect

    def _con(self) -> sqlite3.Connection:
        """The SQLite backend's connection of this thread (for tests and tools)."""
        return self._db.con()

    def close(self) -> None:
        """Release this thread's connection (SQLite; the PostgreSQL pool serves other threads on)."""
        self._db.close()

    def shutdown(self) -> None:
        """Close every connection (the PostgreSQL pool too); the store is unusable after."""
        self._db.shutdown()

    def _tx(self):
        return self._db.tx()

    def _read(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._db.read() as con:
            return con.execute(sql, args).fetchall()

    # identity
    def new_user(self) -> tuple[str, str]:
        """A fresh (user id, secret token). Only the token's hash is stored."""
        user_id, token = uuid.uuid4().hex, secrets.token_urlsafe(24)
        now = time.time()
        with self._tx() as con:
            con.execute("INSERT INTO users VALUES (?, ?, ?, ?)", (user_id, _hash(token), now, now))
            con.execute("INSERT INTO summaries VALUES (?, ?)", (user_id, json.dumps(empty_summary())))
        return user_id, token

    def resume(self, token: str) -> str | None:
        """The user id the token unlocks, or None (unknown, forgotten or malformed token)."""
        if not isinstance(token, str) or not 8 <= len(token) <= 200:
            return None
        rows = self._read("SELECT user_id FROM users WHERE token_hash = ?", (_hash(token),))
        return rows[0][0] if rows else None

    # conversations
    def open_session(self, user_id: str, session_id: str, state: str) -> None:
        """Record a new conversation of the user at turn 0 (``state``: the serialised state)."""
        with self._tx() as con:
            con.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", (session_id, user_id, 0, time.time(), state))

    def session(self, session_id: str) -> tuple[str, int, str] | None:
        """(user id, turn, serialised state) of a conversation, or None when unknown."""
        if not isinstance(session_id, str) or not 8 <= len(session_id) <= 200:
            return None
        rows = self._read("SELECT user_id, turn, state FROM sessions WHERE session_id = ?", (session_id,))
        return tuple(rows[0]) if rows else None

    # reads, each scoped by user id
    def summary(self, user_id: str) -> dict:
        """The user's preference summary (what a turn reads: one query)."""
        rows = self._read("SELECT summary FROM summaries WHERE user_id = ?", (user_id,))
        if not rows:
            raise KeyError(f"no memory for user {user_id!r}")
        return json.loads(rows[0][0])

    def load(self, user_id: str) -> UserMemory:
        with self._db.read() as con:
            row = con.execute("SELECT summary FROM summaries WHERE user_id = ?", (user_id,)).fetchone()
            if row is None:
                raise KeyError(f"no memory for user {user_id!r}")
            personas = [StoredPersona(np.frombuffer(bytes(v), dtype=np.float32).copy(), w, json.loads(items), d)
                        for v, w, items, d in con.execute(
                            "SELECT vector, weight, items, description FROM personas WHERE user_id = ? ORDER BY idx",
                            (user_id,)).fetchall()]
        return UserMemory(user_id, json.loads(row[0]), personas)

    def turns(self, user_id: str, session_id: str | None = None) -> list[dict]:
        sql = "SELECT session_id, turn, ts, event, reply FROM turns WHERE user_id = ?"
        args: tuple = (user_id,)
        if session_id is not None:
            sql, args = sql + " AND session_id = ?", (user_id, session_id)
        rows = self._read(sql + " ORDER BY ts, turn", args)
        return [{"session": s, "turn": t, "time": ts, "event": json.loads(e), "reply": json.loads(r)}
                for s, t, ts, e, r in rows]

    # writes
    def commit_turn(self, user_id: str, session_id: str, turn: int, event: dict, reply: dict, summary: dict,
                    personas: list[StoredPersona], state: str | None = None) -> None:
        """The whole turn in one transaction: log entry, summary, personas and, with ``state``
        (the serialised state after the turn), the conversation, which must be at ``turn - 1``
        (else ``SessionConflict``, and nothing is written)."""
        now = time.time()
        with self._tx() as con:
            if con.execute("SELECT 1 FROM users WHERE user_id = ?", (user_id,)).fetchone() is None:
                raise KeyError(f"no memory for user {user_id!r}")
            if state is not None:
                moved = con.execute("UPDATE sessions SET turn = ?, updated = ?, state = ? "
                                    "WHERE session_id = ? AND user_id = ? AND turn = ?",
                                    (int(turn), now, state, session_id, user_id, int(turn) - 1)).rowcount
                if moved != 1:
                    raise SessionConflict(f"conversation {session_id} is no longer at turn {int(turn) - 1}: it "
                                          "moved on elsewhere")
            con.execute("INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, session_id, turn) "
                        "DO UPDATE SET ts = excluded.ts, event = excluded.event, reply = excluded.reply",
                        (user_id, session_id, int(turn), now, json.dumps(event), json.dumps(reply)))
            con.execute("UPDATE summaries SET summary = ? WHERE user_id = ?", (json.dumps(summary), user_id))
            con.execute("DELETE FROM personas WHERE user_id = ?", (user_id,))
            con.executemany("INSERT INTO personas VALUES (?, ?, ?, ?, ?, ?)",
                            [(user_id, k, np.asarray(p.vector, dtype=np.float32).tobytes(), float(p.weight),
                              json.dumps(list(p.items)), p.description) for k, p in enumerate(personas)])
            con.execute("UPDATE users SET updated = ? WHERE user_id = ?", (now, user_id))

    def export(self, user_id: str) -> dict:
        """Everything stored about the user, as JSON-ready data (vectors as lists)."""
        mem = self.load(user_id)
        created, updated = self._read("SELECT created, updated FROM users WHERE user_id = ?", (user_id,))[0]
        sessions = self._read("SELECT session_id, turn, updated, state FROM sessions WHERE user_id = ? "
                              "ORDER BY updated", (user_id,))
        return {"user_id": user_id, "created": created, "updated": updated, "summary": mem.summary,
                "personas": [{"weight": p.weight, "items": p.items, "description": p.description,
                              "vector": [round(float(x), 6) for x in p.vector]} for p in mem.personas],
                "turns": self.turns(user_id),
                "sessions": [{"session": s, "turn": t, "updated": u, "state": json.loads(st)}
                             for s, t, u, st in sessions]}

    def forget(self, user_id: str) -> dict[str, int]:
        """Delete every row of the user; returns rows deleted per table."""
        out = {}
        with self._tx() as con:
            for table in TABLES:
                out[table] = con.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,)).rowcount
        return out

    def count_rows(self, user_id: str) -> int:
        return sum(self._read(f"SELECT COUNT(*) FROM {t} WHERE user_id = ?", (user_id,))[0][0] for t in TABLES)


# backends ----------------------------------------------------------------------------------------
class _SQLite:
    """One connection per thread; ``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on error) takes
    the write lock up front, so two writers never deadlock upgrading from read to write."""

    dialect = "sqlite"

    def __init__(self, path: Path, timeout: float) -> None:
        self.path, self.timeout = path, timeout
        self._local = threading.local()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            con = self.con()
            con.execute("PRAGMA journal_mode=WAL")
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"CRS_MEMORY_PATH={path}: cannot open the memory database ({exc})") from None
        migrate(con)

    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA synchronous=FULL")
            con.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            self._local.con = con
        return con

    @contextmanager
    def tx(self):
        con = self.con()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    @contextmanager
    def read(self):
        yield self.con()

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    shutdown = close


class _Postgres:
    """A psycopg 3 connection pool; each transaction or read takes one connection. The SQL
    is the SQLite text with ``?`` placeholders turned into ``%s``."""

    dialect = "postgresql"

    def __init__(self, url: str, timeout: float, pool_size: int) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        where = f"CRS_DATABASE_URL={redact(url)}"
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(min(timeout, 10)))) as con:
                migrate(con, "postgresql")
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())[:300]
            raise StoreUnavailable(f"{where}: cannot use the database ({reason})") from None
        self.pool = ConnectionPool(url, min_size=1, max_size=max(1, pool_size), timeout=timeout, open=False,
                                   name="crs-memory")
        self.pool.open(wait=True, timeout=timeout)

    def con(self):
        raise TypeError("the PostgreSQL backend has no per-thread connection")

    @contextmanager
    def tx(self):
        with self.pool.connection() as con, con.transaction():
            yield _PgConnection(con)

    @contextmanager
    def read(self):
        with self.pool.connection() as con:
            yield _PgConnection(con)

    def close(self) -> None:
        pass  # connections go back to the pool after each transaction

    def shutdown(self) -> None:
        self.pool.close()


class _PgConnection:
    """The slice of sqlite3's connection API the store uses, on a psycopg connection."""

    def __init__(self, con) -> None:
        self._con = con

    def execute(self, sql: str, args: tuple = ()):
        return self._con.execute(sql.replace("?", "%s"), args)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        with self._con.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)


# the turn record ---------------------------------------------------------------------------------
def event_record(event) -> dict:
    return {"type": type(event).__name__, **dataclasses.asdict(event)}


def turn_summary(world, summary: dict, s, previous, undone=None) -> dict:
    """The preference summary after a turn (a new dict; ``summary`` is not changed): values
    counted when newly stated in ``s`` (over ``previous``), this session's likes, dislikes
    and seen marks merged in by catalog item id; a film ``previous`` judged that ``s`` no longer
    judges at all was taken back in the turn, and is forgotten. ``undone``: the state an undo
    left; what it stated, liked, disliked or marked seen that the restored state ``s`` lacks is
    taken back.
    Personas are the caller's to add."""
    summary = json.loads(json.dumps(summary))
    attr_values = world.catalog.attr_values
    sign, after, before = (1, s, previous) if undone is None else (-1, undone, s)
    for key in ("accepted", "rejected"):
        for v in set(getattr(after, key)) - set(getattr(before, key) if before else ()):
            k = "=".join(attr_values[v])
            n = summary[key].get(k, 0) + sign
            if n > 0:
                summary[key][k] = n
            else:
                summary[key].pop(k, None)

    def item_ids(items):
        return [world.item_id(i) for i in items]

    if undone is not None:
        for key in ("liked", "disliked", "seen"):
            drop = set(item_ids(set(getattr(undone, key)) - set(getattr(s, key))))
            summary[key] = [i for i in summary[key] if i not in drop]
    elif previous is not None:  # a verdict taken back in the turn ("no, not that one", "i never said i liked
        judged = set(s.liked) | set(s.disliked) | set(s.seen)  # contact"): gone from what is remembered too
        for key in ("liked", "disliked", "seen"):
            drop = set(item_ids(set(getattr(previous, key)) - judged))
            summary[key] = [i for i in summary[key] if i not in drop]
    liked = set(summary["liked"]) | set(item_ids(s.liked))
    disliked = set(summary["disliked"]) | set(item_ids(s.disliked))
    liked -= set(item_ids(s.disliked))
    disliked -= set(item_ids(s.liked))
    summary["liked"], summary["disliked"] = sorted(liked), sorted(disliked)
    summary["seen"] = sorted(set(summary["seen"]) | set(item_ids(s.seen)))
    return summary
