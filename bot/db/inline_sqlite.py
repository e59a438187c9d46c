"""aiosqlite, driven in the event loop's own thread.

aiosqlite hands every call to a worker thread and waits for the answer: three to four thread
hops, about 450 µs a statement on this project's machines, when SQLite itself needs 3 µs. A chat
update takes six statements, so the hops were most of its cost. Here the same aiosqlite
connection (and SQLAlchemy's aiosqlite dialect above it) runs each call directly.

What the thread gave, and how it is kept:
- Never blocking the loop on a lock another process holds (`siaga admin …`, a second worker):
  SQLite's own busy wait would sleep in the loop, so it is off (busy_timeout 0) and a busy
  database is waited for here with asyncio.sleep, up to BUSY_WAIT seconds, then reported
  like SQLite's own timeout ("database is locked").
- Long queries would block other updates while they run: Siaga's queries touch one person, or
  a city's few tens of thousands of rows for statistics and exports, a few milliseconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import aiosqlite

BUSY_WAIT = 30.0  # seconds, as SQLite's busy_timeout was


def _busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


class InlineConnection(aiosqlite.Connection):
    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        deadline, pause = None, 0.001
        while True:
            try:
                return fn(*args, **kwargs)
            except sqlite3.OperationalError as exc:
                # a statement refused as busy did nothing: trying it again is safe
                if not _busy(exc):
                    raise
                # bounded by the clock, not by the sleeps asked for: a loop under load
                # oversleeps, and the sum of requested pauses once took 139 s for "30 s"
                now = time.monotonic()
                deadline = deadline if deadline is not None else now + BUSY_WAIT
                if now >= deadline:
                    raise
            await asyncio.sleep(min(pause, max(deadline - now, 0.0)))
            pause = min(pause * 2, 0.05)


def private(path: str) -> None:
    """The database holds names, phone numbers and sealed NIKs: readable by its owner only.
    SQLite gives its -wal and -shm files the database file's mode, so setting it on the
    database (created here, before SQLite would create it 0644) covers all three."""
    if path == ":memory:" or path.startswith("file:"):
        return
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
    except OSError:
        return  # no such folder, or not ours: SQLite's own open says so, as before
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path + suffix, 0o600)


def connector(path: str) -> Callable[[], Any]:
    """An async_creator for bot.db.aio.create_async_engine."""

    async def connect() -> aiosqlite.Connection:
        def open_file() -> sqlite3.Connection:
            # made in aiosqlite's thread (which still runs, for connect and close), used in
            # the loop's thread afterwards, never by both at once
            private(path)
            return sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)

        return await InlineConnection(open_file, 64)

    return connect
