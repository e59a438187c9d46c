"""One person's turn on PostgreSQL: a transaction-scoped advisory lock per account, taken by the
unit of work that handles their update, and by whatever changes what that update reads about
them (the outbox sender holding a message for them until they write). SQLite needs none:
BEGIN IMMEDIATE already lets one writer in at a time."""

from __future__ import annotations

import hashlib

from sqlalchemy import text

from bot.db.aio import AsyncConnection

_LOCK = text("SELECT pg_advisory_xact_lock(:k)")


def person_lock_key(channel: str, external_id: str) -> int:
    """A stable signed 64-bit key for PostgreSQL's advisory lock of one person."""
    digest = hashlib.blake2b(f"{channel}:{external_id}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


async def take_turn(conn: AsyncConnection, channel: str, external_id: str) -> None:
    """Wait for this person's other transactions; held until this one ends."""
    if conn.dialect.name == "postgresql":
        await conn.execute(_LOCK, {"k": person_lock_key(channel, external_id)})
