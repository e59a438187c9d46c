"""Daily jobs: once a day at their hour, caught up once after downtime, surviving restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from handlers.core.records import Role
from tests.harness import Person as Chat
from tests.helpers import nik_for

# 08:30 WIB on a day; 01:30 UTC
MORNING = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)


async def test_digest_once_a_day_at_the_chosen_hour(siaga: App, tmp_path: Path) -> None:
    lurah = Chat(siaga, "lk")
    async with siaga.store() as store:
        p = await store.person(lurah.user, "", MORNING)
        p.role, p.kelurahan_code = Role.LURAH, "35.77.01.1009"
        await store.save_person(p)
        await store.commit()
    await lurah.say("/notifikasi 8")
    assert "08.00 WIB" in lurah.text
    citizen = Chat(siaga, "w")
    for line in ["1", "setuju", "Warga", nik_for(40), "1", "1", "kelun", "ojol", "1", "ya", "ya",
                 "lewati", "1", "1"]:  # fmt: skip
        await citizen.say(line)
    sched = siaga.scheduler()
    assert f"digest:{p.id}" not in await sched.tick(MORNING - timedelta(hours=2))  # 06:30 WIB
    ran = await sched.tick(MORNING)
    assert f"digest:{p.id}" in ran and "coverage" in ran and "purge_drafts" not in ran
    assert await sched.tick(MORNING + timedelta(hours=3)) == []  # once a day
    # a restart (a new scheduler on the same database) does not send it again
    assert await siaga.scheduler().tick(MORNING + timedelta(hours=4)) == []
    # three days of downtime: caught up once, not three times
    later = MORNING + timedelta(days=3)
    assert (await siaga.scheduler().tick(later)).count(f"digest:{p.id}") == 1
    async with siaga.store() as store:
        rows = (await store.conn.execute(select(t.outbox.c.payload))).scalars().all()
    digests = [r for r in rows if r[0]["p"][0]["k"] == "lurah-digest"]
    assert len(digests) == 2
    assert digests[0][0]["p"][0]["a"]["count"] == 1
