"""SQLAlchemy Core, awaited, without the ORM.

`sqlalchemy.ext.asyncio` imports the ORM for its AsyncSession: 5.7 MB in every process, for
classes Siaga never uses (DESIGN: Core tables, no ORM). This module is the part of its
AsyncEngine and AsyncConnection that Siaga calls, done the way SQLAlchemy does it: each call
runs the synchronous Core method in a greenlet (`greenlet_spawn`), inside which the asyncio
driver (aiosqlite, asyncpg) is awaited. Results come back buffered, as `ext.asyncio`'s
`execute` returns them (no server-side cursors here), so reading a result needs no await.

Built on two SQLAlchemy internals that `ext.asyncio` itself uses: `greenlet_spawn` and
`create_engine(_is_async=True)`; pyproject pins SQLAlchemy below 2.2 for that reason, and the
whole suite runs through this module on SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import CursorResult, Dialect
from sqlalchemy.util import greenlet_spawn

from bot.db import direct

P = ParamSpec("P")
T = TypeVar("T")
Rows = CursorResult[*tuple[Any, ...]]  # a result of untyped rows


def create_async_engine(
    url: str, *, async_creator: Callable[[], Awaitable[Any]] | None = None, **kw: Any
) -> AsyncEngine:
    kw["_is_async"] = True
    if async_creator is not None:

        def creator() -> Any:  # the dialect's DBAPI adapter awaits the driver's connection
            return sync.dialect.dbapi.connect(async_creator_fn=async_creator)  # type: ignore[union-attr]

        kw["creator"] = creator
    sync = create_engine(url, **kw)
    return AsyncEngine(sync)


async def _to_completion(coro: Coroutine[Any, Any, T]) -> T:
    """Cleanup (closing a connection back into the pool) finishes even when the caller is
    cancelled meanwhile; the cancellation is raised once it has."""
    task = asyncio.ensure_future(coro)
    cancelled: asyncio.CancelledError | None = None
    while True:
        try:
            result = await asyncio.shield(task)
            break
        except asyncio.CancelledError as err:
            if task.done():
                raise
            cancelled = err
    if cancelled is not None:
        raise cancelled
    return result


class AsyncEngine:
    def __init__(self, sync_engine: Engine) -> None:
        self.sync_engine = sync_engine

    @property
    def dialect(self) -> Dialect:
        return self.sync_engine.dialect

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        conn = AsyncConnection(await greenlet_spawn(self.sync_engine.connect))
        try:
            yield conn
        finally:
            await _to_completion(conn.close())  # rolls back what was not committed

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        """A connection in a transaction, committed when the block ends without an error."""
        async with self.connect() as conn:
            await conn.begin()
            yield conn
            await conn.commit()

    async def dispose(self) -> None:
        await greenlet_spawn(self.sync_engine.dispose)


class AsyncConnection:
    def __init__(self, sync_connection: Connection) -> None:
        self.sync_connection = sync_connection
        self._driver_connection: Any = None

    @property
    def dialect(self) -> Dialect:
        return self.sync_connection.dialect

    async def execute(self, statement: Any, parameters: Any = None) -> Rows:
        result: Rows = await greenlet_spawn(self.sync_connection.execute, statement, parameters)
        return result

    async def write(self, statement: Any, parameters: Mapping[str, Any]) -> int:
        """A constant INSERT, UPDATE or DELETE of the hot path (SQLite: bot/db/direct.py):
        the new row's id for an insert into a table whose key the database numbers, else the
        number of rows it touched (direct.returns_id)."""
        if self.dialect.name == "sqlite":
            return await direct.write(await self._driver(), statement, parameters, self.dialect)
        result = await self.execute(statement, parameters)
        if direct.returns_id(statement):
            return int(result.inserted_primary_key[0])  # type: ignore[index]
        return int(result.rowcount)

    async def read(self, statement: Any, parameters: Mapping[str, Any]) -> Sequence[Any]:
        """A constant SELECT of the hot path (SQLite: bot/db/direct.py): its rows."""
        if self.dialect.name == "sqlite":
            return await direct.read(await self._driver(), statement, parameters, self.dialect)
        return (await self.execute(statement, parameters)).all()

    async def _driver(self) -> Any:
        if self._driver_connection is None:
            self._driver_connection = await greenlet_spawn(
                lambda: self.sync_connection.connection.driver_connection
            )
        return self._driver_connection

    async def checkpoint(self) -> None:
        """SQLite: copy the WAL into the database and empty it, so pages that held erased
        rows (overwritten in the database by secure_delete) are gone from the WAL too. Sent to
        the driver outside any transaction; a reader in another process may keep part of the
        WAL until the next checkpoint, which SQLite runs by itself."""
        if self.dialect.name == "sqlite":
            driver = await self._driver()
            await driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def scalar(self, statement: Any, parameters: Any = None) -> Any:
        return await greenlet_spawn(self.sync_connection.scalar, statement, parameters)

    async def exec_driver_sql(self, statement: str, parameters: Any = None) -> Rows:
        result: Rows = await greenlet_spawn(
            self.sync_connection.exec_driver_sql, statement, parameters
        )
        return result

    async def run_sync(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kw: P.kwargs
    ) -> T:
        return await greenlet_spawn(partial(fn, self.sync_connection, *args, **kw))

    async def begin(self) -> None:
        await greenlet_spawn(self.sync_connection.begin)

    @asynccontextmanager
    async def begin_nested(self) -> AsyncIterator[None]:
        """A savepoint: released when the block ends, rolled back to on an error."""
        savepoint = await greenlet_spawn(self.sync_connection.begin_nested)
        try:
            yield
        except BaseException:
            await greenlet_spawn(savepoint.rollback)
            raise
        await greenlet_spawn(savepoint.commit)

    async def commit(self) -> None:
        await greenlet_spawn(self.sync_connection.commit)

    async def rollback(self) -> None:
        await greenlet_spawn(self.sync_connection.rollback)

    async def close(self) -> None:
        await greenlet_spawn(self.sync_connection.close)
