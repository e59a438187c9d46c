"""The hot path's statements handed straight to the SQLite driver.

Every chat update runs the same few statements: record the update id, read the sender and
their conversation, insert or update the conversation, keep the replies. Through SQLAlchemy's
`Connection.execute`, awaited in a greenlet, each cost 100–200 µs of CPU on this project's
machines; the driver itself needs about 10 µs (measured by a loop of 5,000 inserts). Under load
that overhead was the largest share of an update's CPU that Siaga, not a library, could remove.

A plan is made once per statement and set of parameter names: SQLAlchemy compiles the statement
for the dialect, and the plan keeps the SQL, the parameter order, and the bind and result
processors SQLAlchemy itself applies (datetimes as text, JSON, booleans). So values are written
and read back exactly as through `execute()`, and the tests of both paths read each other's
rows. Driver errors are raised as SQLAlchemy's own exception classes, as `execute()` raises
them, so an `IntegrityError` and the outage checks (bot/db/engine.py) work unchanged.

Only constant statements (module-level) come here: plans are kept for the life of the process.
PostgreSQL keeps the ordinary path (bot/db/aio.py); its driver is already asynchronous.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.util import await_only

Processor = Callable[[Any], Any] | None


class Plan:
    def __init__(self, statement: Any, names: tuple[str, ...], dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=list(names))
        self.sql: str = compiled.string
        self.returns_id = returns_id(statement)
        self.binds: list[tuple[str, Processor]] = []
        for name in compiled.positiontup or ():
            param = compiled.binds[name]
            self.binds.append((param.key, param.type.dialect_impl(dialect).bind_processor(dialect)))
        self.row: Any = None
        self.results: list[Processor] = []
        if getattr(statement, "is_select", False):
            columns = list(statement.selected_columns)
            self.row = namedtuple("Row", [c.key for c in columns])  # type: ignore[misc]
            self.results = [
                c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns
            ]

    def arguments(self, parameters: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(
            parameters[key] if process is None else process(parameters[key])
            for key, process in self.binds
        )

    def rows(self, raw: Sequence[Sequence[Any]]) -> list[Any]:
        processors = self.results
        return [
            self.row(*(v if p is None else p(v) for p, v in zip(processors, r, strict=True)))
            for r in raw
        ]


def returns_id(statement: Any) -> bool:
    """Whether a write returns the new row's id: an INSERT into a table whose key the
    database numbers (people, outbox …). Any other write returns the rows it touched."""
    return bool(getattr(statement, "is_insert", False)) and (
        statement.table.autoincrement_column is not None
    )


# Keyed by the statement itself: Core statements hash and compare by identity.
_plans: dict[tuple[Any, tuple[str, ...]], Plan] = {}


def plan(statement: Any, parameters: Mapping[str, Any], dialect: Dialect) -> Plan:
    key = (statement, tuple(parameters))
    found = _plans.get(key)
    if found is None:
        found = _plans[key] = Plan(statement, key[1], dialect)
    return found


def _wrapped(sql: str, exc: sqlite3.Error) -> BaseException:
    # parameters hidden: an error's text may reach a log, and these carry people's data
    return DBAPIError.instance(sql, None, exc, sqlite3.Error, hide_parameters=True)


async def write(
    driver: Any, statement: Any, parameters: Mapping[str, Any], dialect: Dialect
) -> int:
    """Runs an INSERT, UPDATE or DELETE: see returns_id."""
    p = plan(statement, parameters, dialect)
    try:
        cursor = await driver.execute(p.sql, p.arguments(parameters))
    except sqlite3.Error as exc:
        raise _wrapped(p.sql, exc) from exc
    return int(cursor.lastrowid if p.returns_id else cursor.rowcount)


async def read(
    driver: Any, statement: Any, parameters: Mapping[str, Any], dialect: Dialect
) -> list[Any]:
    """Runs a SELECT: its rows, each with the selected columns as attributes."""
    p = plan(statement, parameters, dialect)
    try:
        cursor = await driver.execute(p.sql, p.arguments(parameters))
        raw = await cursor.fetchall()
    except sqlite3.Error as exc:
        raise _wrapped(p.sql, exc) from exc
    return p.rows(raw)


def begin_immediate(conn: Connection) -> None:
    """SQLAlchemy's "begin" event on SQLite: take the write lock now, so two processes
    writing the same file queue for it instead of failing mid-update. Sent to the driver
    directly (through SQLAlchemy it cost a whole statement's overhead); runs in the greenlet
    SQLAlchemy begins in, and waits for a busy lock there (bot/db/inline_sqlite.py)."""
    try:
        await_only(conn.connection.driver_connection.execute("BEGIN IMMEDIATE"))  # type: ignore[union-attr]
    except sqlite3.Error as exc:
        raise _wrapped("BEGIN IMMEDIATE", exc) from exc
