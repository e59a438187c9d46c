"""Small conversions of values read from the database."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import Any, TypeVar

T = TypeVar("T")


def aware(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; everything we store is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def record(cls: type[T], row: Any, prefix: str = "", **given: Any) -> T:
    """A dataclass from a result row, field by field by name (columns read as `prefix` +
    name); what a row lacks keeps the field's default, datetimes come back aware, and `given`
    values (converted ones) win."""
    values: dict[str, Any] = {}
    # Row._mapping is SQLAlchemy's documented way to read a row by column name (the
    # underscore only keeps it apart from column names)
    mapping = row._mapping if hasattr(row, "_mapping") else vars(row)
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in given:
            continue
        key = prefix + f.name
        if key in mapping:
            value = mapping[key]
            values[f.name] = aware(value) if isinstance(value, datetime) else value
    return cls(**values, **given)
