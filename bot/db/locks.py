"""One person's turn on PostgreSQL: a transaction-scoped advisory lock per account, taken by the
unit of work that handles their update, and by whatever changes what that update reads about
them (the outbox sender holding a message for them until they write). SQLite needs none:
BEGIN IMMEDIATE already lets one writer in at a time.

And the one outbox sender: a session advisory lock held for as long as a sender runs."""

from __future__ import annotations

import contextlib
import hashlib

from sqlalchemy import text

from bot.db.aio import AsyncConnection, AsyncEngine

_LOCK = text("SELECT pg_advisory_xact_lock(:k)")
_TRY = text("SELECT pg_try_advisory_lock(:k)")
_UNLOCK = text("SELECT pg_advisory_unlock(:k)")
_ALIVE = text("SELECT 1")


def _key(name: str) -> int:
    """A stable signed 64-bit key for one of PostgreSQL's advisory locks."""
    digest = hashlib.blake2b(name.encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def person_lock_key(channel: str, external_id: str) -> int:
    return _key(f"{channel}:{external_id}")


async def take_turn(conn: AsyncConnection, channel: str, external_id: str) -> None:
    """Wait for this person's other transactions; held until this one ends."""
    if conn.dialect.name == "postgresql":
        await conn.execute(_LOCK, {"k": person_lock_key(channel, external_id)})


async def take_notices_turn(conn: AsyncConnection, person_id: int, kind: str) -> None:
    """One person's notices of one kind change one filing at a time (two reviewers' notices
    gathering the same burst of filings must not both make a new one)."""
    if conn.dialect.name == "postgresql":
        await conn.execute(_LOCK, {"k": _key(f"notices:{kind}:{person_id}")})


class SenderLock:
    """Only one outbox sender runs (review of issue 26, finding 10): the sender settles a
    broadcast row claimed before it started as "unconfirmed" at once, which is right only
    when whoever claimed it is gone. On PostgreSQL a session advisory lock, held on a
    connection of its own for as long as the sender runs: another worker's sender (two
    `siaga serve` with SIAGA_BACKGROUND on, or a rolling restart) waits, and takes over
    when the session ends, by a stop or a crash. SQLite serves one process: always held."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.shared = engine.dialect.name == "postgresql"
        self._stack: contextlib.AsyncExitStack | None = None
        self._conn: AsyncConnection | None = None

    async def take(self) -> bool:
        """Whether this sender holds it now (False: another one runs)."""
        if not self.shared or self._conn is not None:
            return True
        stack = contextlib.AsyncExitStack()
        try:
            conn = await stack.enter_async_context(self.engine.connect())
            got = bool(await conn.scalar(_TRY, {"k": _SENDER}))
            await conn.commit()  # the session keeps the lock; no transaction stays open
        except BaseException:
            await stack.aclose()
            raise
        if not got:
            await stack.aclose()
            return False
        self._stack, self._conn = stack, conn
        return True

    async def held(self) -> bool:
        """Still held: its session is alive (a lost connection lost the lock with it, and
        another sender may have taken over)."""
        if not self.shared:
            return True
        if self._conn is None:
            return False
        try:
            await self._conn.scalar(_ALIVE)
            await self._conn.commit()
        except Exception:
            await self.release()
            return False
        return True

    async def release(self) -> None:
        conn, stack, self._conn, self._stack = self._conn, self._stack, None, None
        if conn is None or stack is None:
            return
        # unlocked before the connection goes back to the pool: a pooled session keeps it
        with contextlib.suppress(Exception):
            await conn.scalar(_UNLOCK, {"k": _SENDER})
            await conn.commit()
        with contextlib.suppress(Exception):
            await stack.aclose()


_SENDER = _key("the outbox sender")
