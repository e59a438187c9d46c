"""A nomination is decided once (issue 26 item 14): officers pressing the same button at the
same moment, in one worker or two, on SQLite or PostgreSQL, give one decision, one quota place,
one audit row and one message to the resident; everyone else is told who decided first.

Every status change of a nomination is conditional on the status its decider read, so these
races are settled by the database, not by the order in which updates happen to arrive."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from bot.app import App, build
from bot.config import Settings
from bot.db import schema as t
from domain.nomination import NominationStatus as S
from handlers.core.messages import UserRef
from handlers.core.names import name_of
from handlers.core.records import Person, Role
from handlers.nominations import Nomination, review
from handlers.nominations import coverage as dinas
from tests.conftest import postgres_only
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.harness import Person as Chat
from tests.helpers import chat_env
from tests.test_console import csrf, signed_in
from tests.test_faults import SECRET, free_port
from tests.test_handover import inbox
from tests.test_review import KELUN, file, nomination, set_quota
from tests.test_telegram import until

Decide = Any  # one of review.approve / reject / request_info


async def officer(siaga: App, ext: str, name: str, locale: str = "id",
                  channel: str = "console") -> Person:  # fmt: skip
    async with siaga.store() as store:
        person = await store.person(UserRef(channel, ext), "", siaga.context(store).now)
        person.role, person.kelurahan_code = Role.LURAH, KELUN
        person.display_name, person.locale = name, locale
        await store.save_person(person)
        await store.commit()
    return person


async def decide(siaga: App, who: Person, ref: str, use_case: Decide = review.approve,
                 *extra: str, card: Nomination | None = None) -> review.Result:  # fmt: skip
    """One officer's decision in a unit of work of its own, on the card as they read it:
    in the same transaction (the chat), or `card`, read a while before (a console page left
    open)."""
    async with siaga.store() as store:
        ctx = siaga.context(store)
        n = card or await store.nomination_by_ref(ref)
        assert n is not None
        result: review.Result = await use_case(ctx, who, n, *extra)
        await store.commit()
    return result


async def told(siaga: App) -> list[tuple[int, str]]:
    """(person, message key) of every message queued for someone other than the writer."""
    async with siaga.store() as store:
        rows = (await store.conn.execute(
            select(t.outbox.c.person_id, t.outbox.c.payload).where(t.outbox.c.kind != "reply")
        )).all()  # fmt: skip
    return [(pid, payload[0]["p"][0]["k"]) for pid, payload in rows]


async def ok_moves(siaga: App, action: str) -> list[int]:
    """The nominations of each audited, successful move of this kind."""
    a = t.audit_log
    async with siaga.store() as store:
        q = select(a.c.nomination_id).where(a.c.action == action, a.c.outcome == "ok")
        return list((await store.conn.execute(q)).scalars())


async def test_eight_officers_approving_six_cards_at_once_approve_each_once(siaga: App) -> None:
    await set_quota(siaga, 10)
    officers = [await officer(siaga, f"lk{i}", f"Lurah {i}") for i in range(8)]
    refs = [await file(siaga, f"warga{i}", serial=300 + i) for i in range(6)]
    jobs = [(o, ref) for ref in refs for o in officers]
    cards = [await nomination(siaga, ref) if o.id % 2 else None for o, ref in jobs]
    results = await asyncio.gather(*(decide(siaga, o, ref, card=card)
                                     for (o, ref), card in zip(jobs, cards, strict=True)))  # fmt: skip
    winners: dict[str, Person] = {}
    for (o, ref), r in zip(jobs, results, strict=True):
        if r.outcome is review.Outcome.DONE:
            assert ref not in winners, f"{ref} approved twice"
            winners[ref] = o
    assert sorted(winners) == sorted(refs)
    async with siaga.store() as store:
        ctx = siaga.context(store)
        for (o, ref), r in zip(jobs, results, strict=True):
            if winners[ref] is not o:  # the loser learns who decided, and what
                assert r.outcome is review.Outcome.ALREADY_DECIDED, (o.display_name, r)
                assert r.by == name_of(ctx, winners[ref])
                assert r.nomination is not None and r.nomination.status is S.APPROVED
        assert await store.quota(review.period_of(ctx)) == (10, 6)  # no place leaked
        assert await store.count_by_status() == {"approved": 6}
    approvals = await ok_moves(siaga, "nomination.approved")
    assert len(approvals) == 6 and len(set(approvals)) == 6
    notices = [pid for pid, key in await told(siaga) if key == "citizen-approved"]
    assert len(notices) == 6 and len(set(notices)) == 6  # each resident told once


async def test_every_other_move_happens_once_whoever_tries_at_once(siaga: App) -> None:
    """Approve, reject and ask for information on the same cards at once, fresh and stale:
    one decision per card, one message per resident, one audit row per decision."""
    await set_quota(siaga, 10)
    officers = [await officer(siaga, f"lk{i}", f"Lurah {i}") for i in range(6)]
    refs = [await file(siaga, f"warga{i}", serial=320 + i) for i in range(4)]
    tries: list[tuple[Person, Decide, tuple[str, ...]]] = [
        (officers[0], review.approve, ()), (officers[1], review.reject, ("Sudah pindah",)),
        (officers[2], review.request_info, ("Mohon bawa KK",)),
        (officers[3], review.approve, ()), (officers[4], review.reject, ("Data beda",)),
        (officers[5], review.request_info, ("Alamat?",)),
    ]  # fmt: skip
    jobs = [(ref, o, fn, extra, await nomination(siaga, ref) if i % 2 else None)
            for ref in refs for i, (o, fn, extra) in enumerate(tries)]  # fmt: skip
    results = await asyncio.gather(*(decide(siaga, o, ref, fn, *extra, card=card)
                                     for ref, o, fn, extra, card in jobs))  # fmt: skip
    for ref in refs:
        mine = [r.outcome for (r_ref, *_), r in zip(jobs, results, strict=True) if r_ref == ref]
        # a question asked first leaves the card decidable: a rejection may still follow
        assert mine.count(review.Outcome.DONE) in (1, 2), mine
        assert set(mine) <= {review.Outcome.DONE, review.Outcome.ALREADY_DECIDED}, mine
    keys = await told(siaga)
    decided = [k for _, k in keys if k in ("citizen-approved", "citizen-rejected")]
    asked = [k for _, k in keys if k == "citizen-info-requested"]
    moves = (await ok_moves(siaga, "nomination.approved")) + (
        await ok_moves(siaga, "nomination.rejected")
    )
    async with siaga.store() as store:
        counts = await store.count_by_status()
        used = (await store.quota(review.period_of(siaga.context(store))) or (0, 0))[1]
    assert len(moves) == len(decided) == counts.get("approved", 0) + counts.get("rejected", 0)
    assert len(await ok_moves(siaga, "nomination.info_requested")) == len(asked)
    assert used == counts.get("approved", 0)  # a place for each approval, no more
    per_resident = [pid for pid, k in keys if k in ("citizen-approved", "citizen-rejected")]
    assert len(per_resident) == len(set(per_resident))  # nobody decided twice


async def test_erasure_racing_an_approval_gives_the_place_back(siaga: App) -> None:
    await set_quota(siaga, 10)
    boss = await officer(siaga, "lk", "Bu Sri")
    for i, stale in enumerate((True, False, True, False)):
        ref = await file(siaga, f"pergi{i}", serial=340 + i)
        resident = Chat(siaga, f"pergi{i}")
        await resident.say("/hapus")
        assert ref in resident.text and "DIBATALKAN" in resident.text
        card = await nomination(siaga, ref) if stale else None
        erase = resident.press("Ya, hapus data saya")
        approve = decide(siaga, boss, ref, card=card)
        # both orders: the erasure first, then the approval first
        pair = (erase, approve) if i < 2 else (approve, erase)
        done = await asyncio.gather(*pair)
        result = done[1] if i < 2 else done[0]
        assert isinstance(result, review.Result)
        after = await nomination(siaga, ref)
        assert after.status is S.WITHDRAWN
        if result.outcome is review.Outcome.ALREADY_DECIDED:
            assert result.by is not None
            assert siaga.catalogue.render(result.by, "id") == "warga yang bersangkutan"
        else:
            assert result.outcome is review.Outcome.DONE
    async with siaga.store() as store:
        assert await store.quota(review.period_of(siaga.context(store))) == (10, 0)


async def test_two_uploads_of_one_bpjs_list_at_once_register_once(siaga: App) -> None:
    from datetime import date

    await set_quota(siaga, 10)
    boss = await officer(siaga, "lk", "Bu Sri")
    refs = [await file(siaga, f"peserta{i}", serial=360 + i) for i in range(3)]
    for ref in refs:
        assert (await decide(siaga, boss, ref)).outcome is review.Outcome.DONE

    async def upload() -> dinas.RegisterReport:
        async with siaga.store() as store:
            report = await dinas.mark_registered(siaga.context(store), refs, date(2030, 1, 1))
            await store.commit()
        return report

    reports = await asyncio.gather(upload(), upload(), upload())
    assert sum(len(r.registered) for r in reports) == 3
    assert len(await ok_moves(siaga, "nomination.registered")) == 3
    registered = [pid for pid, k in await told(siaga) if k == "citizen-registered"]
    assert len(registered) == 3 and len(set(registered)) == 3


async def test_the_second_lurah_to_confirm_is_told_who_decided_in_their_language(
    siaga: App,
) -> None:
    await set_quota(siaga, 10)
    await officer(siaga, "sri", "Bu Sri")
    words = {"id": "sudah diputuskan lebih dulu oleh Bu Sri (Petugas Kelurahan Kelun)",
             "en": "was already decided by Bu Sri (Kelurahan Kelun officer)",
             "jv": "sampun dipun putusaken rumiyin dening Bu Sri (Petugas Kelurahan Kelun)"}  # fmt: skip
    for i, (locale, expected) in enumerate(words.items()):
        await officer(siaga, f"other-{locale}", "Pak Joko", locale)
        ref = await file(siaga, f"warga-{locale}", serial=380 + i)
        first, second = Chat(siaga, "sri"), Chat(siaga, f"other-{locale}")
        for lurah in (first, second):  # both at the confirm step of the same card
            await lurah.say("/antrian")
            assert ref in lurah.text
            await lurah.tap(lurah.last[-1].reply.buttons[0].data)  # approve
        await first.tap(first.last[-1].reply.buttons[0].data)  # yes, approve
        assert "disetujui oleh Bu Sri" in first.text
        await second.tap(second.last[-1].reply.buttons[0].data)  # yes, approve: too late
        assert expected in second.text, second.text
        approved = [x for x in await inbox(siaga, f"warga-{locale}") if "DISETUJUI" in x]
        assert len(approved) == 1
    async with siaga.store() as store:
        assert await store.quota(review.period_of(siaga.context(store))) == (10, 3)


async def test_the_console_tells_the_second_officer_who_approved_first(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await set_quota(siaga, 10)
    await officer(siaga, "sri", "Bu Sri")
    await officer(siaga, "joko", "Pak Joko")
    ref = await file(siaga, "warga-konsol")
    n = await nomination(siaga, ref)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=siaga.web(None)),
                                 base_url="http://siaga") as other:  # fmt: skip
        await signed_in(siaga, web, "sri")
        await signed_in(siaga, other, "joko")
        pages = [await c.get(f"/konsol/usulan/{n.id}") for c in (web, other)]  # both open
        for client, page in zip((web, other), pages, strict=True):
            r = await client.post(f"/konsol/usulan/{n.id}/setujui", data={"csrf": csrf(page)})
            assert r.status_code == 303
        late = await other.get(r.headers["location"])
    assert "sudah diputuskan lebih dulu oleh Bu Sri (Petugas Kelurahan Kelun)" in late.text
    assert len([x for x in await inbox(siaga, "warga-konsol") if "DISETUJUI" in x]) == 1
    assert await ok_moves(siaga, "nomination.approved") == [n.id]


# --- two `siaga serve` workers on one PostgreSQL --------------------------------------------

PERIOD = "2030"


class Serve:
    """One `siaga serve` process on loopback; `background` runs the outbox sender in it."""

    def __init__(self, data: Path, fake: FakeTelegram, background: bool) -> None:
        self.data, self.fake, self.background = data, fake, background
        self.url = f"http://127.0.0.1:{free_port()}"
        self.proc: asyncio.subprocess.Process | None = None
        self.log = data.parent / f"serve-{self.url.rsplit(':', 1)[1]}.log"

    async def start(self) -> None:
        env = chat_env(
            self.data, SIAGA_TELEGRAM_TOKEN=TOKEN, SIAGA_TELEGRAM_API_URL=self.fake.base_url,
            SIAGA_TELEGRAM_WEBHOOK_SECRET=SECRET, SIAGA_QUOTA_PERIOD=PERIOD,
            SIAGA_QUIET_HOURS_START="0", SIAGA_QUIET_HOURS_END="0", SIAGA_QUOTA_REMINDER="off",
            SIAGA_BACKGROUND="true" if self.background else "false",
        )  # fmt: skip
        port = self.url.rsplit(":", 1)[1]
        with self.log.open("wb") as log:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", port,
                env=env, stdout=asyncio.subprocess.DEVNULL, stderr=log,
            )  # fmt: skip
        deadline = time.monotonic() + 120  # a loaded CI machine starts a worker slowly
        async with httpx.AsyncClient() as http:
            while time.monotonic() < deadline and self.proc.returncode is None:
                try:
                    if (await http.get(self.url + "/readyz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        said = self.log.read_text(errors="replace")[-1000:]
        raise AssertionError(f"siaga serve did not become ready: {said}")

    async def post(self, update: dict[str, Any]) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with httpx.AsyncClient(timeout=60) as http:
            r = await http.post(self.url + "/telegram/webhook", json=update, headers=headers)
        assert r.status_code == 200, r.status_code

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 15)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()


@pytest.fixture
async def workers(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[tuple[Serve, Serve]]:
    # the sender runs in one worker only, as the README says to deploy it
    pair = (Serve(tmp_path / "data", fake, True), Serve(tmp_path / "data", fake, False))
    try:
        yield pair
    finally:
        for w in pair:
            await w.stop()


def _as(update: dict[str, Any], name: str) -> dict[str, Any]:
    """The update as sent by an officer whose Telegram name is `name`."""
    body = update.get("callback_query") or update["message"]
    body["from"]["first_name"] = name
    return update


async def _press(fake: FakeTelegram, w: Serve, chat: int, label: str, name: str,
                 before: int) -> None:  # fmt: skip
    await until(lambda: any(label == b for s in fake.to(chat)[before:] for b, _ in s.buttons),
                within=60)  # fmt: skip
    await w.post(_as(fake.press(chat, label), name))


@postgres_only("two worker processes on one database")
async def test_two_workers_and_eight_lurah_confirming_the_same_cards_approve_each_once(
    fake: FakeTelegram, tmp_path: Path, workers: tuple[Serve, Serve]
) -> None:
    settings = Settings(data_dir=tmp_path / "data", quota_period=PERIOD, quota_reminder="off")
    siaga = await build(settings)
    cards, lurah = 3, [700_100 + i for i in range(8)]
    residents = [700_200 + i for i in range(cards)]
    try:
        async with siaga.store() as store:
            await store.set_quota(PERIOD, 10, siaga.context(store).now)
            await store.commit()
        refs = [await file_on_telegram(siaga, chat, 500 + i) for i, chat in enumerate(residents)]
        for i, chat in enumerate(lurah):
            await officer(siaga, str(chat), f"Lurah {i}", channel="telegram")
        await asyncio.gather(*(w.start() for w in workers))
        await asyncio.gather(*(workers[i % 2].post(_as(fake.message(chat, "/antrian"),
                                                       f"Lurah {i}"))
                               for i, chat in enumerate(lurah)))  # fmt: skip
        for _ in range(cards):  # each round: everyone confirms the card at the top at once
            seen = {chat: len(fake.to(chat)) for chat in lurah}
            await asyncio.gather(*(_press(fake, workers[i % 2], chat, "✅ Setujui", f"Lurah {i}",
                                          seen[chat] - 1)
                                   for i, chat in enumerate(lurah)))  # fmt: skip
            seen = {chat: len(fake.to(chat)) for chat in lurah}
            await asyncio.gather(*(_press(fake, workers[(i + 1) % 2], chat, "✅ Ya, setujui",
                                          f"Lurah {i}", seen[chat] - 1)
                                   for i, chat in enumerate(lurah)))  # fmt: skip
            # every lurah hears of the card: approved by them, or by whom
            await until(lambda seen=seen: all(
                any("disetujui oleh" in s.text or "sudah diputuskan lebih dulu oleh" in s.text
                    for s in fake.to(chat)[seen[chat]:]) for chat in lurah), within=60)  # fmt: skip
        everyone = [s.text for chat in lurah for s in fake.to(chat)]
        assert sum("sudah diputuskan lebih dulu oleh Lurah" in x for x in everyone) == 7 * cards
        for ref in refs:  # one lurah won each card
            assert sum(f"{ref} disetujui oleh Lurah" in x for x in everyone) == 1
        # each resident hears once (the sender in the first worker sends the notices)
        await until(lambda: all(any("DISETUJUI" in s.text for s in fake.to(c))
                                for c in residents), within=60)  # fmt: skip
        await asyncio.sleep(1.5)  # a second notice would have come by now
        for chat in residents:
            assert sum("DISETUJUI" in s.text for s in fake.to(chat)) == 1
        async with siaga.store() as store:
            assert await store.quota(PERIOD) == (10, cards)
            assert await store.count_by_status() == {"approved": cards}
            approvals = (await store.conn.execute(
                select(func.count()).select_from(t.audit_log)
                .where(t.audit_log.c.action == "nomination.approved",
                       t.audit_log.c.outcome == "ok"))).scalar_one()  # fmt: skip
        assert approvals == cards
    finally:
        await siaga.close()


async def file_on_telegram(siaga: App, chat: int, serial: int) -> str:
    """A resident files through the chat on Telegram (in this process; their replies are
    settled as an adapter settles them)."""
    from tests.helpers import nik_for

    p = Chat(siaga, str(chat), channel="telegram")
    for line in ["1", "setuju", "Warga Uji", nik_for(40, serial=serial), "1", "1", "kelun",
                 "ojol", "1", "ya", "ya", "lewati", "1", "1"]:  # fmt: skip
        await p.say(line)
    assert "Nomor usulan: PJK-" in p.text, p.text
    return p.text.split("Nomor usulan: ")[1].split()[0]
