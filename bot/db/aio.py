"""SQLAlchemy Core, awaited, on public APIs only.

SQLite: SQLAlchemy's ordinary synchronous engine on the standard `sqlite3` driver, called
directly in the event loop. Its statements take microseconds (measured here: 21–27 µs for the
hot path's UPDATE and SELECT through `Connection.execute`, 7 µs on the bare driver), less than a
thread hop would cost. The one wait that is not microseconds, another process holding the write
lock, happens only at BEGIN IMMEDIATE; it is waited for here with `asyncio.sleep`, bounded by the
monotonic clock, so the loop never blocks on it. The pool has one connection; units of work queue
for it on an asyncio lock, never inside the pool (a blocking pool wait would freeze the loop).

PostgreSQL: `sqlalchemy.ext.asyncio` on asyncpg, imported only there (it loads the ORM, 5.7 MB
that an SQLite process does without).

Both give the same small async surface (`AsyncEngine`, `AsyncConnection`) to bot/db.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import CursorResult, Dialect
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

P = ParamSpec("P")
T = TypeVar("T")
Rows = CursorResult[*tuple[Any, ...]]  # a result of untyped rows

BUSY_WAIT = 30.0  # seconds a unit of work waits for SQLite's write lock, then 503


def returns_id(statement: Any) -> bool:
    """Whether a write returns the new row's id: an INSERT into a table whose key the
    database numbers (people, outbox …). Any other write returns the rows it touched."""
    return bool(getattr(statement, "is_insert", False)) and (
        statement.table.autoincrement_column is not None
    )


def _busy(exc: OperationalError) -> bool:
    code = getattr(exc.orig, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED


class AsyncConnection(Protocol):
    @property
    def dialect(self) -> Dialect: ...
    async def execute(self, statement: Any, parameters: Any = None) -> Rows: ...
    async def write(self, statement: Any, parameters: Mapping[str, Any]) -> int: ...
    async def read(self, statement: Any, parameters: Mapping[str, Any]) -> Sequence[Any]: ...
    async def scalar(self, statement: Any, parameters: Any = None) -> Any: ...
    async def exec_driver_sql(self, statement: str, parameters: Any = None) -> Rows: ...
    async def run_sync(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kw: P.kwargs
    ) -> T: ...
    async def begin(self) -> None: ...
    def begin_nested(self) -> Any: ...
    async def commit(self) -> None: ...
    async def rollback(self) -> None: ...
    async def checkpoint(self) -> None: ...


class AsyncEngine(Protocol):
    @property
    def dialect(self) -> Dialect: ...
    @property
    def url(self) -> str: ...
    def connect(self) -> Any: ...  # an async context manager of AsyncConnection
    def begin(self) -> Any: ...  # the same, in a transaction committed at its end
    async def dispose(self) -> None: ...


async def _written(conn: AsyncConnection, statement: Any, parameters: Mapping[str, Any]) -> int:
    result = await conn.execute(statement, parameters)
    if returns_id(statement):
        return int(result.inserted_primary_key[0])  # type: ignore[index]
    return int(result.rowcount)


# --- SQLite ----------------------------------------------------------------------------------


class SqliteConnection:
    def __init__(self, sync: Connection) -> None:
        self.sync = sync

    @property
    def dialect(self) -> Dialect:
        return self.sync.dialect

    async def begin(self) -> None:
        """BEGIN IMMEDIATE (bot/db/engine.ImmediateSqlite): the write lock now, so two processes
        queue for it instead of failing mid-update; waited for without blocking the loop."""
        deadline, pause = None, 0.001
        while True:
            try:
                self.sync.begin()
                return
            except OperationalError as exc:
                if not _busy(exc):
                    raise
                now = time.monotonic()
                deadline = deadline if deadline is not None else now + BUSY_WAIT
                if now >= deadline:
                    raise
            await asyncio.sleep(min(pause, max(deadline - now, 0.0)))
            pause = min(pause * 2, 0.05)

    async def _ready(self) -> None:
        if not self.sync.in_transaction():  # autobegin would take the lock without waiting
            await self.begin()

    async def execute(self, statement: Any, parameters: Any = None) -> Rows:
        await self._ready()
        return self.sync.execute(statement, parameters)

    async def write(self, statement: Any, parameters: Mapping[str, Any]) -> int:
        return await _written(self, statement, parameters)

    async def read(self, statement: Any, parameters: Mapping[str, Any]) -> Sequence[Any]:
        return (await self.execute(statement, parameters)).all()

    async def scalar(self, statement: Any, parameters: Any = None) -> Any:
        await self._ready()
        return self.sync.scalar(statement, parameters)

    async def exec_driver_sql(self, statement: str, parameters: Any = None) -> Rows:
        await self._ready()
        return self.sync.exec_driver_sql(statement, parameters)

    async def run_sync(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kw: P.kwargs
    ) -> T:
        await self._ready()
        return fn(self.sync, *args, **kw)

    @asynccontextmanager
    async def begin_nested(self) -> AsyncIterator[None]:
        await self._ready()
        with self.sync.begin_nested():
            yield

    async def commit(self) -> None:
        self.sync.commit()

    async def rollback(self) -> None:
        self.sync.rollback()

    async def checkpoint(self) -> None:
        """Copy the WAL into the database and empty it, so pages that held erased rows
        (overwritten in the database by secure_delete) are gone from the WAL too. Sent to the
        driver outside any transaction; a reader in another process may keep part of the WAL
        until the next checkpoint, which SQLite runs by itself."""
        self.sync.connection.driver_connection.execute(  # type: ignore[union-attr]
            "PRAGMA wal_checkpoint(TRUNCATE)"
        )


class _Transactions:
    """begin(): a connection in a transaction, committed when the block ends without error."""

    def connect(self) -> Any:
        raise NotImplementedError

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[Any]:
        async with self.connect() as conn:
            await conn.begin()
            yield conn
            await conn.commit()


class SqliteEngine(_Transactions):
    def __init__(self, sync_engine: Engine, url: str) -> None:
        self.sync_engine = sync_engine
        self._url = url  # the engine's own is "sqlite://": it opens the file through a creator
        self._turn = asyncio.Lock()  # the pool's one connection, queued for here

    @property
    def dialect(self) -> Dialect:
        return self.sync_engine.dialect

    @property
    def url(self) -> str:
        return self._url

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[SqliteConnection]:
        try:
            await asyncio.wait_for(self._turn.acquire(), BUSY_WAIT)
        except TimeoutError:
            raise PoolTimeout("waited too long for the database connection") from None
        try:
            with self.sync_engine.connect() as sync:  # rolls back what was not committed
                yield SqliteConnection(sync)
        finally:
            self._turn.release()

    async def dispose(self) -> None:
        self.sync_engine.dispose()


# --- PostgreSQL --------------------------------------------------------------------------------


async def _to_completion(awaitable: Any) -> None:
    """Cleanup (a connection back into the pool) finishes even when the caller is cancelled
    meanwhile; the cancellation is raised once it has."""
    task = asyncio.ensure_future(awaitable)
    cancelled: asyncio.CancelledError | None = None
    while True:
        try:
            await asyncio.shield(task)
            break
        except asyncio.CancelledError as err:
            if task.done():
                raise
            cancelled = err
    if cancelled is not None:
        raise cancelled


class PgConnection:
    def __init__(self, conn: Any) -> None:
        self.conn = conn  # sqlalchemy.ext.asyncio.AsyncConnection
        self.dialect: Dialect = conn.dialect

    async def execute(self, statement: Any, parameters: Any = None) -> Rows:
        result: Rows = await self.conn.execute(statement, parameters)
        return result

    async def write(self, statement: Any, parameters: Mapping[str, Any]) -> int:
        return await _written(self, statement, parameters)

    async def read(self, statement: Any, parameters: Mapping[str, Any]) -> Sequence[Any]:
        return (await self.execute(statement, parameters)).all()

    async def scalar(self, statement: Any, parameters: Any = None) -> Any:
        return await self.conn.scalar(statement, parameters)

    async def exec_driver_sql(self, statement: str, parameters: Any = None) -> Rows:
        result: Rows = await self.conn.exec_driver_sql(statement, parameters)
        return result

    async def run_sync(
        self, fn: Callable[Concatenate[Connection, P], T], *args: P.args, **kw: P.kwargs
    ) -> T:
        result: T = await self.conn.run_sync(fn, *args, **kw)
        return result

    async def begin(self) -> None:
        await self.conn.begin()

    @asynccontextmanager
    async def begin_nested(self) -> AsyncIterator[None]:
        async with self.conn.begin_nested():
            yield

    async def commit(self) -> None:
        await self.conn.commit()

    async def rollback(self) -> None:
        await self.conn.rollback()

    async def checkpoint(self) -> None:
        return None  # PostgreSQL's WAL is the server's business


class PgEngine(_Transactions):
    def __init__(self, engine: Any) -> None:
        self.engine = engine  # sqlalchemy.ext.asyncio.AsyncEngine
        self.dialect: Dialect = engine.dialect

    @property
    def url(self) -> str:
        return str(self.engine.url.render_as_string(hide_password=False))

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[PgConnection]:
        conn = await self.engine.connect()
        try:
            yield PgConnection(conn)
        finally:
            await _to_completion(conn.close())  # rolls back what was not committed

    async def dispose(self) -> None:
        await self.engine.dispose()
