"""One person's turn on PostgreSQL: a transaction-scoped advisory lock per account, taken by the
unit of work that handles their update, and by whatever changes what that update reads about
them (the outbox sender holding a message for them until they write). SQLite needs none:
BEGIN IMMEDIATE already lets one writer in at a time."""

from __future__ import annotations

import hashlib

from sqlalchemy import text

from bot.db.aio import AsyncConnection

_LOCK = text("SELECT pg_advisory_xact_lock(:k)")


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
