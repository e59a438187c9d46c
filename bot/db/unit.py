"""The unit of work: one connection, one transaction, the repositories on it. Only the use
case commits (DESIGN rule 4); leaving the block without commit() rolls everything back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.crypto import NikVault
from bot.db.aio import AsyncEngine
from bot.db.locks import SenderLock
from bot.db.store import SqlStore


class Database:
    def __init__(
        self, engine: AsyncEngine, vault: NikVault, admins: frozenset[tuple[str, str]]
    ) -> None:
        self.engine = engine
        self.vault = vault
        self.admins = admins

    @asynccontextmanager
    async def store(self) -> AsyncIterator[SqlStore]:
        async with self.engine.connect() as conn:
            await conn.begin()
            yield SqlStore(conn, self.vault, self.admins)

    def sender_lock(self) -> SenderLock:
        return SenderLock(self.engine)

    async def dispose(self) -> None:
        await self.engine.dispose()
