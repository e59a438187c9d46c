"""What the daily purge deletes (review of the issue-26 fixes, finding 3): delivered notices,
messages that waited a month for someone who never wrote, the words of tickets nobody took up,
and BPJS previews never applied. Each was kept until the person's /hapus, or for ever."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
from sqlalchemy import func, select, update

from bot.app import App
from bot.db import schema as t
from handlers.core.messages import Reply, UserRef
from handlers.core.records import Role
from tests.fake_whatsapp import text_message
from tests.harness import Person as Chat
from tests.test_console import csrf, signed_in
from tests.test_review import KELUN, file, make
from tests.test_trust import _every_value
from tests.test_whatsapp_window import drain, sender_of, statuses
from tests.whatsapp_harness import USER, Wa


def _at(siaga: App) -> datetime:
    return datetime(2027, 1, 4, 2, 0, tzinfo=siaga.tz)  # 02.00 local: the purge's hour


async def _delivered(siaga: App, at: datetime) -> None:
    """Every unsent row went out at `at` (the console has no sender of its own)."""
    o = t.outbox
    async with siaga.store() as store:
        await store.conn.execute(
            update(o).where(o.c.status == "pending").values(status="sent", sent_at=at)
        )
        await store.commit()


async def _notices(siaga: App, ext: str) -> list[str]:
    """The new-nomination notices in the outbox for this person."""
    o = t.outbox
    async with siaga.store() as store:
        rows = await store.conn.execute(
            select(o.c.kind)
            .where(o.c.external_id == ext, o.c.kind == "new_nominations")
            .order_by(o.c.id)
        )
        return [r.kind for r in rows]


async def test_delivered_notices_go_thirty_days_after_they_went(siaga: App) -> None:
    start = _at(siaga)
    siaga.clock = lambda: start
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await file(siaga, "warga-lama", serial=71)  # the lurah's card names the resident
    await _delivered(siaga, start)
    later = start + timedelta(days=2)
    siaga.clock = lambda: later
    await file(siaga, "warga-baru", serial=72)
    await _delivered(siaga, later)
    assert await _notices(siaga, "lurah-kelun") == ["new_nominations", "new_nominations"]
    purge = start + timedelta(days=31)
    siaga.clock = lambda: purge
    assert "purge_drafts" in await siaga.scheduler().tick(purge)
    assert await _notices(siaga, "lurah-kelun") == ["new_nominations"]  # 29 days old: kept
    async with siaga.store() as store:
        old = await store.conn.scalar(
            select(func.count()).where(t.outbox.c.sent_at < purge - timedelta(days=30))
        )
    assert old == 0  # nor any other delivered notice of that day (the residents' own)


async def test_a_message_waiting_a_month_is_cancelled_and_the_wait_ends(wa: Wa) -> None:
    start = _at(wa.siaga)
    wa.siaga.clock = lambda: start
    async with wa.siaga.store() as store:
        p = await store.person(UserRef("whatsapp", USER), "", start - timedelta(days=2))
        await store.enqueue(p, [Reply.of("citizen-approved", ref="PJK-2026-000009")], start)
        await store.commit()
    sender = sender_of(wa)
    await drain(sender)
    assert ("notice", "waiting") in await statuses(wa)
    purge = start + timedelta(days=31)
    wa.siaga.clock = lambda: purge
    assert "purge_drafts" in await wa.siaga.scheduler().tick(purge)
    assert await statuses(wa) == []  # cancelled, then deleted with the settled rows
    async with wa.siaga.store() as store:
        since = await store.conn.scalar(
            select(t.people.c.waiting_since).where(t.people.c.external_id == USER)
        )
    assert since is None
    before = len(wa.graph.to(USER))
    assert await wa.post(text_message(USER, "halo")) == 200
    came = [m.text for m in wa.graph.to(USER)[before:]]
    assert came and not any("DISETUJUI" in m for m in came)  # a month-old decision is not sent


async def test_a_ticket_nobody_took_up_loses_its_words_after_the_keep_period(
    siaga: App,
) -> None:
    start = _at(siaga)
    siaga.clock = lambda: start
    await make(siaga, "dinas", Role.ADMIN)
    keep = siaga.program.handover.closed_keep_days
    for who, at in (("lama", start), ("baru", start + timedelta(days=keep - 5))):
        siaga.clock = lambda at=at: at  # type: ignore[misc]
        warga = Chat(siaga, f"warga-{who}")
        await warga.say("tanya petugas")
        await warga.say(f"Pertanyaan {who}: anak saya sakit, bagaimana?")
        await _delivered(siaga, at)
    purge = start + timedelta(days=keep, hours=1)
    siaga.clock = lambda: purge
    assert "purge_drafts" in await siaga.scheduler().tick(purge)
    async with siaga.store() as store:
        old, new = await store.ticket(1), await store.ticket(2)
    assert old is not None and new is not None
    assert old.messages == [] and old.status.value == "closed"  # idle that long: closed, emptied
    assert "Pertanyaan baru" in str(new.messages) and new.status.value == "open"
    assert "Pertanyaan lama" not in await _every_value(siaga)


async def test_a_bpjs_preview_never_applied_is_gone_the_next_day(
    siaga: App, web: httpx.AsyncClient
) -> None:
    start = _at(siaga)
    siaga.clock = lambda: start
    await make(siaga, "dinas", Role.ADMIN)
    token = csrf(await signed_in(siaga, web, "dinas"))
    body = b"nomor_usulan\nPJK-ZZZZ\n3577 0115 0386 0001\n"
    sent = await web.post("/konsol/peserta/pratinjau", data={"csrf": token, "mulai": "2027-01-10"},
                          files={"berkas": ("bpjs.csv", body, "text/csv")})  # fmt: skip
    assert sent.status_code == 303
    purge = start + timedelta(days=1, hours=1)
    siaga.clock = lambda: purge
    assert "purge_drafts" in await siaga.scheduler().tick(purge)
    async with siaga.store() as store:
        kept = await store.conn.scalar(select(func.count()).select_from(t.console_uploads))
    assert kept == 0


async def test_the_terminal_console_keeps_every_retention_promise_when_it_starts(
    siaga: App,
) -> None:
    """`siaga chat` runs no scheduler: what it runs at start (App.keep_retention) is every
    capability's retention job, not only the kernel's drafts (issue 28: the console ran one)."""
    from tests.test_learning import NONSENSE, kept

    start = _at(siaga)
    siaga.clock = lambda: start
    warga = Chat(siaga, "warga-konsol")
    await warga.say("tanya petugas")
    await warga.say("Pertanyaan konsol: anak saya sakit, bagaimana?")
    await Chat(siaga, "warga-tak-jelas").say(NONSENSE)
    await _delivered(siaga, start)
    later = start + timedelta(days=max(siaga.program.handover.closed_keep_days, 90) + 1)
    siaga.clock = lambda: later
    done = await siaga.keep_retention()
    assert {"purge_drafts", "purge_tickets", "purge_uploads", "purge_learning"} <= set(done)
    assert "Pertanyaan konsol" not in await _every_value(siaga)
    assert await kept(siaga) == []
