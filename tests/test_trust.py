"""Issue "Trust defects": rights that can be taken away, and the audit trail of the change.

Each test here failed on the code before the fix; the item number is the issue's."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.config import Settings
from bot.db import schema as t
from bot.service import build
from tests.harness import Person as Chat
from tests.helpers import name_admin


async def _audit_actions(siaga, subject: int) -> list[str]:  # type: ignore[no-untyped-def]
    a = t.audit_log
    async with siaga.store() as store:
        rows = await store.conn.execute(
            select(a.c.action).where(a.c.subject == subject).order_by(a.c.id)
        )
        return [r.action for r in rows]


async def test_item1_an_admin_removed_from_the_setting_loses_the_rights(tmp_path: Path) -> None:
    data = tmp_path / "data"
    siaga = await build(Settings(data_dir=data, admins="console:dinas"))
    boss = Chat(siaga, "dinas")
    await boss.say("/statistik")
    assert "hanya untuk admin" not in boss.text
    await siaga.close()

    # the Dinas takes the person out of SIAGA_ADMINS and restarts
    siaga = await build(Settings(data_dir=data, admins=""))
    try:
        boss = Chat(siaga, "dinas")
        await boss.say("/statistik")
        assert "hanya untuk admin" in boss.text  # the citizen's reply
        async with siaga.store() as store:
            rows = await store.conn.execute(select(t.people.c.id, t.people.c.role))
            (pid, role), *_ = rows.all()
        assert role == "citizen"
        assert await _audit_actions(siaga, pid) == ["admin.revoked"]
    finally:
        await siaga.close()


async def test_item1_a_running_service_follows_the_setting_on_every_update(siaga) -> None:  # type: ignore[no-untyped-def]
    name_admin(siaga, "console", "dinas")
    boss = Chat(siaga, "dinas")
    await boss.say("/statistik")
    assert "hanya untuk admin" not in boss.text
    hs = siaga.handler_settings
    from dataclasses import replace

    siaga.handler_settings = replace(hs, admins=frozenset())
    await boss.say("/statistik")
    assert "hanya untuk admin" in boss.text


async def test_item1_a_removed_admin_who_joined_a_kelurahan_stays_its_reviewer(siaga) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from tests.test_review import KELUN, make

    boss = await make(siaga, "dinas", __import__("handlers.records").records.Role.ADMIN, KELUN)
    siaga.handler_settings = replace(siaga.handler_settings, admins=frozenset())
    chat = Chat(siaga, "dinas")
    await chat.say("/statistik")
    assert "hanya untuk admin" in chat.text
    async with siaga.store() as store:
        p = await store.person_by_id(boss.id)
    assert p is not None and p.role.value == "lurah" and p.kelurahan_code == KELUN
