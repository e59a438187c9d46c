"""Engine construction: SQLite (embedded default) tuned for a chat workload, or PostgreSQL."""

from __future__ import annotations

import errno
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.db.aio import AsyncEngine, create_async_engine
from bot.db.direct import begin_immediate
from bot.db.inline_sqlite import BUSY_WAIT, connector

# PostgreSQL: give up connecting after this long (asyncpg waits 60 s by default), so a webhook
# answers 503 while the platform's request is still open, and it delivers the update again.
CONNECT_TIMEOUT = 5.0


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, foreign_keys: bool = True) -> AsyncEngine:
    # hide_parameters: a database error's text names the statement, not its values (names,
    # sealed NIKs, phone numbers), since that text may reach a log.
    if not is_sqlite(url):
        return create_async_engine(
            url, pool_pre_ping=True, connect_args={"timeout": CONNECT_TIMEOUT},
            hide_parameters=True,
        )  # fmt: skip
    # isolation_level=None: the driver never opens transactions itself; we emit BEGIN IMMEDIATE,
    # so two processes writing the same file queue on the lock instead of failing mid-update.
    # SQLite takes one writer at a time and every update writes. With one pooled connection,
    # units of work queue in order on the pool (an asyncio wait) instead of spinning in
    # SQLite's busy handler, which sleeps in growing steps: faster under load, and lighter.
    # The connection runs in the loop's thread (bot/db/inline_sqlite.py): the thread hops of
    # plain aiosqlite were most of an update's cost. A lock held by another process is waited
    # for there, asynchronously, so SQLite's own busy wait is off.
    engine = create_async_engine(
        url,
        async_creator=connector(make_url(url).database or ":memory:"),
        pool_size=1,
        max_overflow=0,
        pool_timeout=BUSY_WAIT,  # queued behind a unit of work that waits on a lock: same bound
        # Every unit of work ends in commit() or the connection's own rollback, so the pool's
        # extra rollback on return is a wasted statement.
        pool_reset_on_return=None,
        hide_parameters=True,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        # erased rows are overwritten, not left readable in free pages (UU 27/2022 Pasal 8)
        cur.execute("PRAGMA secure_delete=ON")
        cur.execute("PRAGMA busy_timeout=0")  # waited for in the loop instead (see above)
        cur.close()

    event.listen(engine.sync_engine, "begin", begin_immediate)

    return engine


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
    """SQLite's lock held by another process past the wait (bot/db/inline_sqlite.py)."""
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
