"""Engine construction: SQLite (embedded default) tuned for a chat workload, or PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str) -> AsyncEngine:
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True)
    # isolation_level=None: the driver never opens transactions itself; we emit BEGIN IMMEDIATE,
    # so two processes writing the same file queue on the lock instead of failing mid-update.
    # SQLite takes one writer at a time and every update writes. With one pooled connection,
    # units of work queue in order on the pool (an asyncio wait) instead of spinning in
    # SQLite's busy handler, which sleeps in growing steps: faster under load, and lighter.
    engine = create_async_engine(
        url,
        connect_args={"isolation_level": None, "timeout": 30},
        pool_size=1,
        max_overflow=0,
        pool_timeout=120,
        # Every unit of work ends in commit() or the connection's own rollback, so the pool's
        # extra rollback on return is a wasted trip to aiosqlite's thread.
        pool_reset_on_return=None,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
