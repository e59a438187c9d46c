"""Engine construction: SQLite (embedded default) tuned for a chat workload, or PostgreSQL."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from typing import Any

from sqlalchemy import QueuePool, create_engine, make_url
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.db.aio import AsyncEngine, PgEngine, SqliteEngine

# PostgreSQL: give up connecting after this long (asyncpg waits 60 s by default), so a webhook
# answers 503 while the platform's request is still open, and it delivers the update again.
CONNECT_TIMEOUT = 5.0


class ImmediateSqlite(SQLiteDialect_pysqlite):
    """pysqlite, whose transactions begin with BEGIN IMMEDIATE, so two processes writing the
    same file queue on the lock instead of failing mid-update. The same as SQLAlchemy's
    documented recipe (a "begin" event), as a dialect: an engine with an event listener runs
    every statement through its event dispatch, a tenth of a statement's cost on the hot path
    (issue 28's profile), and the BEGIN itself went through the whole execution path."""

    supports_statement_cache = True  # SQLAlchemy's rule for a dialect subclass: it adds no state

    def do_begin(self, dbapi_connection: Any) -> None:
        dbapi_connection.execute("BEGIN IMMEDIATE")


registry.register("sqlite.immediate", __name__, "ImmediateSqlite")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> str:
    """The file of an SQLite URL; "sqlite+aiosqlite:///…" (older settings) is read the same."""
    return make_url(url).database or ":memory:"


def make_engine(url: str, foreign_keys: bool = True) -> AsyncEngine:
    # hide_parameters: a database error's text names the statement, not its values (names,
    # sealed NIKs, phone numbers), since that text may reach a log.
    if not is_sqlite(url):
        from sqlalchemy.ext.asyncio import create_async_engine  # loads the ORM: PostgreSQL only

        return PgEngine(create_async_engine(
            url, pool_pre_ping=True, connect_args={"timeout": CONNECT_TIMEOUT},
            hide_parameters=True,
        ))  # fmt: skip
    path = sqlite_path(url)

    def connect() -> sqlite3.Connection:
        private(path)
        # isolation_level=None: the driver never opens transactions itself; the dialect
        # (ImmediateSqlite) begins each one with BEGIN IMMEDIATE.
        # timeout=0: a lock held by another process is waited for in bot/db/aio.py, with
        # asyncio.sleep, not in SQLite's busy handler, which would sleep in the event loop.
        conn = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
        conn.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        # erased rows are overwritten, not left readable in free pages (UU 27/2022 Pasal 8)
        conn.execute("PRAGMA secure_delete=ON")
        return conn

    sync = create_engine(
        "sqlite+immediate://",
        creator=connect,
        poolclass=QueuePool,
        pool_size=1,  # units of work queue for it on an asyncio lock (bot/db/aio.py)
        max_overflow=0,
        # Every unit of work ends in commit() or the connection's own rollback, so the pool's
        # extra rollback on return is a wasted statement.
        pool_reset_on_return=None,
        hide_parameters=True,
    )

    return SqliteEngine(sync, url)


def private(path: str) -> None:
    """The database holds names, phone numbers and sealed NIKs: readable by its owner only.
    SQLite gives its -wal and -shm files the database file's mode, so setting it on the
    database (created here, before SQLite would create it 0644) covers all three."""
    if path == ":memory:" or path.startswith("file:"):
        return
    try:
        # Never open an existing database file here: closing any descriptor of a file drops
        # every POSIX lock this process holds on it, SQLite's included, and another process
        # would then take itself for the last user, fold the WAL away and lose our writes.
        if not os.path.exists(path):
            os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
        os.chmod(path, 0o600)
    except FileExistsError:
        os.chmod(path, 0o600)  # another process created it a moment ago
    except OSError:
        return  # no such folder, or not ours: SQLite's own open says so
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path + suffix, 0o600)


def _chain(exc: BaseException) -> list[BaseException]:
    """The error and what it wraps (SQLAlchemy's .orig, the driver's __cause__)."""
    seen: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in seen and len(seen) < 10:
        seen.append(e)
        e = getattr(e, "orig", None) or e.__cause__
    return seen


def _sqlstate(e: BaseException) -> str:
    return str(getattr(e, "sqlstate", None) or getattr(e, "pgcode", None) or "")


def storage_full(exc: BaseException) -> bool:
    """The disk (or SQLite's size limit) is full: SQLite's SQLITE_FULL, PostgreSQL's
    disk_full (53100), or the OS's ENOSPC. Nothing was written; freeing space fixes it."""
    for e in _chain(exc):
        code = getattr(e, "sqlite_errorcode", None)
        if (isinstance(code, int) and code & 0xFF == 13) or _sqlstate(e) == "53100":
            return True
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        if "database or disk is full" in str(e):
            return True
    return False


def busy(exc: BaseException) -> bool:
    """SQLite's lock held by another process past the wait (bot/db/aio.py)."""
    for e in _chain(exc):
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
            return True
    return False


def unavailable(exc: BaseException) -> bool:
    """The database cannot be reached or written (503: the platform delivers the update
    again later), rather than a bug (500): a refused or dropped connection, a timeout, a
    server shutting down or starting up (SQLSTATE 08…, 57…), a full disk."""
    for e in _chain(exc):
        if isinstance(e, OperationalError | InterfaceError | PoolTimeout | ConnectionError):
            return True
        if isinstance(e, TimeoutError) or _sqlstate(e)[:2] in ("08", "53", "57"):
            return True
        if isinstance(e, DBAPIError) and e.connection_invalidated:
            return True
    return storage_full(exc)
