"""Per-user memory in one SQLite file (stdlib sqlite3, WAL mode).

- Semantic memory: one JSON summary per user (accepted / rejected attribute values with
  counts, liked / disliked / seen items by catalog item id, persona descriptions), rewritten
  every turn. Personas: one row each, the vector as a float32 blob. The schema is versioned
  (``chat.migrations``).
- Episodic memory: the turn log (event and reply, JSON).
- Identity: a user is a random id; what unlocks it is a random token the user keeps (in the
  browser); only its SHA-256 is stored, so the database alone cannot resume anyone.

Every method takes the user id and reads or writes only that user's rows. ``commit_turn``
writes the turn, the summary and the personas in one transaction: a crash loses at most the
turn in flight. One connection per thread (sqlite3 connections must not be shared); WAL lets
readers run beside the one writer, and ``busy_timeout`` makes writers from other threads or
processes wait their turn instead of failing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from chat.migrations import migrate


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


class MemoryStore:
    """The memory database at ``path`` (created with its schema if missing)."""

    def __init__(self, path: str | Path, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        self._local = threading.local()
        con = self._con()
        con.execute("PRAGMA journal_mode=WAL")
        migrate(con)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA synchronous=FULL")
            con.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            self._local.con = con
        return con

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    def _tx(self):
        return _Transaction(self._con())

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
        row = self._con().execute("SELECT user_id FROM users WHERE token_hash = ?", (_hash(token),)).fetchone()
        return row[0] if row else None

    # reads, each scoped by user id
    def summary(self, user_id: str) -> dict:
        """The user's preference summary (what a turn reads: one query)."""
        row = self._con().execute("SELECT summary FROM summaries WHERE user_id = ?", (user_id,)).fetchone()
        if row is None:
            raise KeyError(f"no memory for user {user_id!r}")
        return json.loads(row[0])

    def load(self, user_id: str) -> UserMemory:
        con = self._con()
        row = con.execute("SELECT summary FROM summaries WHERE user_id = ?", (user_id,)).fetchone()
        if row is None:
            raise KeyError(f"no memory for user {user_id!r}")
        personas = [StoredPersona(np.frombuffer(v, dtype=np.float32).copy(), w, json.loads(items), d)
                    for v, w, items, d in con.execute(
                        "SELECT vector, weight, items, description FROM personas WHERE user_id = ? ORDER BY idx",
                        (user_id,))]
        return UserMemory(user_id, json.loads(row[0]), personas)

    def turns(self, user_id: str, session_id: str | None = None) -> list[dict]:
        sql = "SELECT session_id, turn, ts, event, reply FROM turns WHERE user_id = ?"
        args: tuple = (user_id,)
        if session_id is not None:
            sql, args = sql + " AND session_id = ?", (user_id, session_id)
        rows = self._con().execute(sql + " ORDER BY ts, turn", args).fetchall()
        return [{"session": s, "turn": t, "time": ts, "event": json.loads(e), "reply": json.loads(r)}
                for s, t, ts, e, r in rows]

    # writes
    def commit_turn(self, user_id: str, session_id: str, turn: int, event: dict, reply: dict, summary: dict,
                    personas: list[StoredPersona]) -> None:
        """The whole turn in one transaction: log entry, summary, personas."""
        now = time.time()
        with self._tx() as con:
            if con.execute("SELECT 1 FROM users WHERE user_id = ?", (user_id,)).fetchone() is None:
                raise KeyError(f"no memory for user {user_id!r}")
            con.execute("INSERT OR REPLACE INTO turns VALUES (?, ?, ?, ?, ?, ?)",
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
        created, updated = self._con().execute("SELECT created, updated FROM users WHERE user_id = ?",
                                               (user_id,)).fetchone()
        return {"user_id": user_id, "created": created, "updated": updated, "summary": mem.summary,
                "personas": [{"weight": p.weight, "items": p.items, "description": p.description,
                              "vector": [round(float(x), 6) for x in p.vector]} for p in mem.personas],
                "turns": self.turns(user_id)}

    def forget(self, user_id: str) -> dict[str, int]:
        """Delete every row of the user; returns rows deleted per table."""
        out = {}
        with self._tx() as con:
            for table in ("turns", "personas", "summaries", "users"):
                out[table] = con.execute(f"DELETE FROM {table} WHERE user_id = ?", (user_id,)).rowcount
        return out

    def count_rows(self, user_id: str) -> int:
        con = self._con()
        return sum(con.execute(f"SELECT COUNT(*) FROM {t} WHERE user_id = ?", (user_id,)).fetchone()[0]
                   for t in ("turns", "personas", "summaries", "users"))


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on error): takes the write lock up front,
    so two writers never deadlock upgrading from read to write."""

    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def __enter__(self) -> sqlite3.Connection:
        self.con.execute("BEGIN IMMEDIATE")
        return self.con

    def __exit__(self, exc_type, exc, tb) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")


# the turn record ---------------------------------------------------------------------------------
def event_record(event) -> dict:
    return {"type": type(event).__name__, **dataclasses.asdict(event)}


def turn_summary(world, summary: dict, s, previous, undone=None) -> dict:
    """The preference summary after a turn (a new dict; ``summary`` is not changed): values
    counted when newly stated in ``s`` (over ``previous``), this session's likes, dislikes
    and seen marks merged in by catalog item id. ``undone``: the state an undo left; what it
    stated, liked, disliked or marked seen that the restored state ``s`` lacks is taken back.
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
    liked = set(summary["liked"]) | set(item_ids(s.liked))
    disliked = set(summary["disliked"]) | set(item_ids(s.disliked))
    liked -= set(item_ids(s.disliked))
    disliked -= set(item_ids(s.liked))
    summary["liked"], summary["disliked"] = sorted(liked), sorted(disliked)
    summary["seen"] = sorted(set(summary["seen"]) | set(item_ids(s.seen)))
    return summary
