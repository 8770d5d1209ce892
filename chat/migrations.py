"""The memory database's schema as ordered migrations, recorded in ``schema_version``.

Migration k (1-based) runs once, on a database at version k - 1, in the transaction that
records the new version. Each is a list of single statements in the SQL that SQLite and PostgreSQL
share; ``{blob}`` stands for the binary type (``BLOB`` / ``BYTEA``) and ``{real}`` for an
8-byte float (``REAL`` / ``DOUBLE PRECISION``), so both backends run the same list. A
database created before versioning holds exactly migration 1's tables
and is recorded as version 1 without running it again.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: users, their summary, personas and the turn log
        "CREATE TABLE IF NOT EXISTS users (user_id TEXT PRIMARY KEY, token_hash TEXT UNIQUE NOT NULL, "
        "created {real} NOT NULL, updated {real} NOT NULL)",
        "CREATE TABLE IF NOT EXISTS summaries (user_id TEXT PRIMARY KEY REFERENCES users ON DELETE CASCADE, "
        "summary TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS personas (user_id TEXT NOT NULL REFERENCES users ON DELETE CASCADE, "
        "idx INTEGER NOT NULL, vector {blob} NOT NULL, weight {real} NOT NULL, items TEXT NOT NULL, "
        "description TEXT NOT NULL, PRIMARY KEY (user_id, idx))",
        "CREATE TABLE IF NOT EXISTS turns (user_id TEXT NOT NULL REFERENCES users ON DELETE CASCADE, "
        "session_id TEXT NOT NULL, turn INTEGER NOT NULL, ts {real} NOT NULL, event TEXT NOT NULL, "
        "reply TEXT NOT NULL, PRIMARY KEY (user_id, session_id, turn))",
    ),
    (  # 2: the turn log is read per user in time order (export, and the log view)
        "CREATE INDEX IF NOT EXISTS turns_by_time ON turns (user_id, ts)",
    ),
    (  # 3: each conversation's latest state, so any app replica can continue it
        "CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, "
        "user_id TEXT NOT NULL REFERENCES users ON DELETE CASCADE, turn INTEGER NOT NULL, "
        "updated {real} NOT NULL, state TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id)",
    ),
)
TYPES = {"sqlite": {"blob": "BLOB", "real": "REAL"},
         "postgresql": {"blob": "BYTEA", "real": "DOUBLE PRECISION"}}  # PostgreSQL's REAL is 4 bytes


def statements(version: int, dialect: str = "sqlite") -> list[str]:
    """Migration ``version``'s statements in ``dialect``."""
    return [sql.format(**TYPES[dialect]) for sql in MIGRATIONS[version - 1]]


def migrate(con, dialect: str = "sqlite") -> int:
    """Bring the database behind DB-API connection ``con`` (autocommit) to the latest version
    in one transaction that holds the write lock, so processes starting together migrate once;
    returns the version. Refuses a database from a newer version of this code."""
    param = "?" if dialect == "sqlite" else "%s"
    cur = con.cursor()
    cur.execute("BEGIN IMMEDIATE" if dialect == "sqlite" else "BEGIN")
    try:
        if dialect == "postgresql":
            cur.execute("SELECT pg_advisory_xact_lock(2718281828)")  # the same serialisation
        cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        cur.execute("SELECT version FROM schema_version")
        row = cur.fetchone()
        if row is None:
            cur.execute("SELECT COUNT(*) FROM " + ("sqlite_master WHERE type = 'table' AND name = 'users'"
                                                   if dialect == "sqlite" else
                                                   "information_schema.tables WHERE table_name = 'users'"))
            current = 1 if cur.fetchone()[0] else 0  # tables from before versioning are migration 1's
            cur.execute(f"INSERT INTO schema_version VALUES ({param})", (current,))
        else:
            current = row[0]
        if current > len(MIGRATIONS):
            raise RuntimeError(f"the memory database is at schema version {current}, newer than this code's "
                               f"{len(MIGRATIONS)}: upgrade the code, or use another database "
                               "(CRS_MEMORY_PATH or CRS_DATABASE_URL)")
        for version in range(current + 1, len(MIGRATIONS) + 1):
            for sql in statements(version, dialect):
                cur.execute(sql)
        cur.execute(f"UPDATE schema_version SET version = {param}", (len(MIGRATIONS),))
        cur.execute("COMMIT")
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)
