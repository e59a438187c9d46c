"""The hot path's statements (conn.read / conn.write): values round-trip as written, writes
report new ids or the rows they touched, duplicates raise SQLAlchemy's IntegrityError without
their values; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.app import App
from bot.db import schema as t
from bot.db.store import _LOAD, _NEW_CONV, _NEW_PERSON, _SAVE_CONV, _SEEN

NOW = datetime(2026, 11, 22, 8, 30, 15, 123456, tzinfo=UTC)


def _plain(value: object) -> object:
    # SQLite keeps datetimes without their zone on both paths; compare the instant
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


async def test_rows_read_back_as_written(siaga: App) -> None:
    answers = {"nama": "Budi Ëko <b>", "umur": 41, "daftar": [1, "dua"], "ok": True}
    async with siaga.store() as store:
        pid = await store.conn.write(_NEW_PERSON, {
            "channel": "telegram", "external_id": "direct-1", "role": "citizen",
            "locale": "id", "created_at": NOW, "last_inbound_at": NOW,
        })  # fmt: skip
        await store.conn.write(_NEW_CONV, {
            "person_id": pid, "flow": "check", "step": "nama", "answers": answers,
            "version": 1, "misses": 0, "updated_at": NOW,
        })  # fmt: skip
        await store.commit()
    async with siaga.store() as store:
        found = await store.conn.read(_LOAD, {"channel": "telegram", "ext": "direct-1"})
    assert len(found) == 1
    row = found[0]
    assert row.id == pid
    assert row.conv_answers == answers  # JSON round trip, not a string
    assert row.blocked is False  # the server default, as a boolean
    assert _plain(row.created_at) == _plain(NOW)  # a datetime, to the microsecond
    assert row.consent_at is None


async def test_an_update_reports_the_rows_it_matched(siaga: App) -> None:
    values = {"flow": "check", "step": "umur", "answers": {}, "version": 2, "misses": 1}
    async with siaga.store() as store:
        pid = await store.conn.write(_NEW_PERSON, {
            "channel": "telegram", "external_id": "direct-2", "role": "citizen",
            "locale": "en", "created_at": NOW, "last_inbound_at": NOW,
        })  # fmt: skip
        assert await store.conn.write(_SAVE_CONV, {"pid": pid, **values, "updated_at": NOW}) == 0
        await store.conn.write(_NEW_CONV, {"person_id": pid, **values, "updated_at": NOW})
        changed = {**values, "step": "pekerjaan", "updated_at": NOW}
        assert await store.conn.write(_SAVE_CONV, {"pid": pid, **changed}) == 1
        await store.commit()
    async with siaga.store() as store:
        step = await store.conn.scalar(
            select(t.conversations.c.step).where(t.conversations.c.person_id == pid)
        )
    assert step == "pekerjaan"


async def test_a_duplicate_raises_sqlalchemys_integrity_error_without_the_values(
    siaga: App,
) -> None:
    seen = {"channel": "telegram", "update_id": "secret-update-77", "at": NOW}
    async with siaga.store() as store:
        await store.conn.write(_SEEN, seen)
        await store.commit()
    async with siaga.store() as store:
        with pytest.raises(IntegrityError) as caught:
            await store.conn.write(_SEEN, seen)
    # an error's text may reach a log: the values in the statement stay out of it
    assert "secret-update-77" not in str(caught.value)
    async with siaga.store() as store:
        assert not await store.claim_update("telegram", "secret-update-77", NOW)
