"""Lurah review: lifecycle, authorisation for each role and kelurahan, the quota under load."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from domain.nomination import NominationStatus as S
from domain.roles import Action, allowed
from handlers.core.records import Person, Role
from handlers.nominations import Nomination, review
from handlers.officers import admin
from tests.harness import Person as Chat
from tests.helpers import name_admin, nik_for

KELUN, TAMAN = "35.77.01.1009", "35.77.03.1009"


async def file(
    siaga: App, who: str, kelurahan: str = "kelun", serial: int = 1, age: int = 40
) -> str:
    p = Chat(siaga, who)
    for line in ["1", "setuju", "Warga Uji", nik_for(age, serial=serial), "1", "1", kelurahan,
                 "ojol", "1", "ya", "ya", "lewati", "1", "1"]:  # fmt: skip
        await p.say(line)
    assert "Nomor usulan: PJK-" in p.text, p.text
    return p.text.split("Nomor usulan: ")[1].split()[0]


async def make(siaga: App, ext: str, role: Role, kelurahan: str | None = None) -> Person:
    if role is Role.ADMIN:
        name_admin(siaga, "console", ext)
    async with siaga.store() as store:
        person = await store.person(replace_user(ext), "", siaga.context(store).now)
        person.role, person.kelurahan_code = role, kelurahan
        await store.save_person(person)
        await store.commit()
    return person


def replace_user(ext: str):  # type: ignore[no-untyped-def]
    from handlers.core.messages import UserRef

    return UserRef("console", ext)


async def nomination(siaga: App, ref: str) -> Nomination:
    async with siaga.store() as store:
        n = await store.nomination_by_ref(ref)
    assert n is not None
    return n


async def act(siaga: App, fn, *args):  # type: ignore[no-untyped-def]
    async with siaga.store() as store:
        out = await fn(siaga.context(store), *args)
        await store.commit()
    return out


async def set_quota(siaga: App, total: int) -> None:
    async with siaga.store() as store:
        ctx = siaga.context(store)
        await store.set_quota(review.period_of(ctx), total, ctx.now)
        await store.commit()


# --- roles ------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", list(Action))
def test_each_role_and_kelurahan_for_each_action(action: Action) -> None:
    reviewer_actions = {Action.VIEW_QUEUE, Action.APPROVE, Action.REJECT, Action.REQUEST_INFO,
                        Action.NOMINATE_ON_BEHALF}  # fmt: skip
    assert allowed("admin", action, None, KELUN)
    assert allowed("lurah", action, KELUN, KELUN) is (action in reviewer_actions)
    assert not allowed("lurah", action, KELUN, TAMAN)
    assert not allowed("lurah", action, None, KELUN)
    assert not allowed("citizen", action, KELUN, KELUN)
    # city-wide: only the figures, which are counts, reach a reviewer
    assert allowed("lurah", action, KELUN, None) is (action is Action.VIEW_STATS)
    assert not allowed("citizen", action, None, None)


async def test_decisions_by_role_and_kelurahan(siaga: App) -> None:
    await set_quota(siaga, 10)
    citizen = await make(siaga, "c", Role.CITIZEN)
    own = await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    other = await make(siaga, "lurah-taman", Role.LURAH, TAMAN)
    boss = await make(siaga, "dinas", Role.ADMIN)
    serials = iter(range(1, 100))  # one NIK each (a string's hash differs between processes)
    for actor, expected in ((citizen, False), (other, False), (own, True), (boss, True)):
        for use_case, extra in ((review.approve, ()), (review.reject, ("alasan",)),
                                (review.request_info, ("pertanyaan",))):  # fmt: skip
            ref = await file(siaga, f"w-{actor.external_id}-{use_case.__name__}",
                             serial=next(serials))  # fmt: skip
            n = await nomination(siaga, ref)
            result = await act(siaga, use_case, actor, n, *extra)
            assert (result.outcome is review.Outcome.DONE) is expected, (
                actor.external_id,
                use_case,
            )
            after = await nomination(siaga, ref)
            if not expected:
                assert after.status is S.PENDING  # nothing changed
    async with siaga.store() as store:
        refused = (await store.conn.execute(
            select(t.audit_log.c.action).where(t.audit_log.c.outcome == "refused")
        )).scalars().all()  # fmt: skip
    assert refused.count("refused.approve") == 2 and refused.count("refused.reject") == 2


async def test_a_citizen_typing_lurah_commands_is_refused(siaga: App) -> None:
    p = Chat(siaga, "curious")
    await p.say("/antrian")
    assert "hanya untuk lurah" in p.text
    await p.say("/undang Kelun")
    assert "hanya untuk admin" in p.text
    await p.say("/kuota 999999")
    assert "hanya untuk admin" in p.text
    async with siaga.store() as store:
        assert await store.quota(review.period_of(siaga.context(store))) is None


async def test_a_forged_approve_button_for_another_kelurahan_is_refused(siaga: App) -> None:
    await set_quota(siaga, 5)
    taman_ref = await file(siaga, "warga-taman", kelurahan="kel taman", serial=77)
    taman = await nomination(siaga, taman_ref)
    await make(siaga, "lk", Role.LURAH, KELUN)
    await file(siaga, "warga-kelun", serial=78)
    lurah = Chat(siaga, "lk")
    await lurah.say("/antrian")
    version = lurah.last[-1].reply.buttons[0].data.split("|")[0]
    await lurah.tap(f"{version}|appr:{taman.id}")  # a real version, another kelurahan's id
    assert (await nomination(siaga, taman_ref)).status is S.PENDING


# --- lifecycle --------------------------------------------------------------------------------


async def test_every_forbidden_move_is_refused_and_audited(siaga: App) -> None:
    await set_quota(siaga, 5)
    boss = await make(siaga, "dinas", Role.ADMIN)
    ref = await file(siaga, "w1", serial=5)
    n = await nomination(siaga, ref)
    assert (
        await act(siaga, review.reject, boss, n, "Data tidak sesuai")
    ).outcome is review.Outcome.DONE
    n = await nomination(siaga, ref)
    assert n.status is S.REJECTED and n.status_note == "Data tidak sesuai"
    for use_case, extra in ((review.approve, ()), (review.request_info, ("x y z",)),
                            (review.reject, ("lagi",))):  # fmt: skip
        result = await act(siaga, use_case, boss, n, *extra)
        assert result.outcome is review.Outcome.NOT_ALLOWED
    assert (await nomination(siaga, ref)).status is S.REJECTED


async def test_info_request_round_trip_through_chat(siaga: App) -> None:
    await set_quota(siaga, 5)
    ref = await file(siaga, "ani", serial=9)
    lurah_person = await make(siaga, "lk", Role.LURAH, KELUN)
    del lurah_person
    lurah = Chat(siaga, "lk")
    await lurah.say("/antrian")
    await lurah.press("⋯ Lainnya")
    await lurah.press("❓ Minta info")
    await lurah.say("Mohon bawa KK terbaru ke kantor kelurahan")
    assert "sudah dikirim" in lurah.text
    assert (await nomination(siaga, ref)).status is S.INFO_REQUESTED
    citizen = Chat(siaga, "ani")
    await citizen.say("/jawab")
    assert "Mohon bawa KK terbaru" in citizen.text
    await citizen.say("Baik, besok pagi saya antar")
    assert "sudah dikirim ke lurah" in citizen.text
    n = await nomination(siaga, ref)
    assert n.status is S.PENDING and n.info_answer == "Baik, besok pagi saya antar"
    await lurah.say("/antrian")
    assert "Baik, besok pagi saya antar" in lurah.text  # the answer shows on the card


async def test_the_queue_is_most_urgent_first(siaga: App) -> None:
    low = await file(siaga, "low", serial=11)  # DTKS ya and heirs ya: priority 3
    p = Chat(siaga, "lower")
    for line in ["1", "setuju", "Warga Dua", nik_for(30, serial=12), "1", "1", "kelun", "ojol",
                 "1", "gak tau", "tidak", "lewati", "1", "1"]:  # fmt: skip
        await p.say(line)
    lower = p.text.split("Nomor usulan: ")[1].split()[0]
    await make(siaga, "lk", Role.LURAH, KELUN)
    lurah = Chat(siaga, "lk")
    await lurah.say("/antrian")
    assert low in lurah.text and "1 dari 2" in lurah.text
    await lurah.press("⋯ Lainnya")
    await lurah.press("↩ Kembali")
    assert low in lurah.text  # back to the same card
    await lurah.press("⋯ Lainnya")
    await lurah.press("⏭ Lewati")
    assert lower in lurah.text


# --- quota ------------------------------------------------------------------------------------


async def test_100_concurrent_approvals_against_10_places(siaga: App) -> None:
    await set_quota(siaga, 10)
    boss = await make(siaga, "dinas", Role.ADMIN)
    refs = [await file(siaga, f"w{i}", serial=i + 100, age=20 + i % 40) for i in range(100)]
    noms = [await nomination(siaga, r) for r in refs]
    results = await asyncio.gather(*(act(siaga, review.approve, boss, n) for n in noms))
    outcomes = [r.outcome for r in results]
    assert outcomes.count(review.Outcome.DONE) == 10
    assert outcomes.count(review.Outcome.WAITLISTED) == 90
    async with siaga.store() as store:
        assert await store.quota(review.period_of(siaga.context(store))) == (10, 10)
        counts = await store.count_by_status()
    assert counts == {"approved": 10, "waitlisted": 90}
    # each citizen is told once, by the outbox
    async with siaga.store() as store:
        rows = (await store.conn.execute(select(t.outbox.c.payload))).scalars().all()
    keys = [p[0]["p"][0]["k"] for p in rows]
    assert keys.count("citizen-approved") == 10 and keys.count("citizen-waitlisted") == 90


async def test_no_quota_set_refuses_approval(siaga: App) -> None:
    boss = await make(siaga, "dinas", Role.ADMIN)
    n = await nomination(siaga, await file(siaga, "q", serial=3))
    assert (await act(siaga, review.approve, boss, n)).outcome is review.Outcome.NO_QUOTA_SET


async def test_invites_work_once_and_expire(siaga: App) -> None:
    out = await act(siaga, admin.create_invite, None, "Kelun")
    code = out.parts[0].args["code"]
    a, b = Chat(siaga, "a"), Chat(siaga, "b")
    await a.say(f"/lurah {code}")
    assert "Kelurahan Kelun" in a.text
    await b.say(f"/lurah {code}")
    assert "tidak berlaku" in b.text  # single use
    async with siaga.store() as store:
        ctx = siaga.context(store)
        await store.create_invite("OLDCODE2", KELUN, None, ctx.now.replace(year=2020), ctx.now)
        await store.commit()
    await b.say("/start OLDCODE2")  # a deep link, expired
    assert "tidak berlaku" in b.text


async def test_lurah_nominates_a_resident_without_a_phone(siaga: App) -> None:
    await make(siaga, "lk", Role.LURAH, KELUN)
    lurah = Chat(siaga, "lk")
    await lurah.say("/usulkan")
    assert "SETUJU secara langsung" in lurah.text
    for line in ["1", "Mbah Karto", nik_for(60, serial=44), "1", "1", "tukang becak", "1", "ya",
                 "tidak", "lewati", "1", "1"]:  # fmt: skip
        await lurah.say(line)
    assert "diusulkan petugas" in lurah.text, lurah.text
    ref = lurah.text.split("tercatat: ")[1].split()[0]
    n = await nomination(siaga, ref)
    assert n.on_behalf and n.person_id is None and n.kelurahan_code == KELUN
    assert n.answers["consent"]["kind"] == "in_person"


async def test_reviewers_are_told_at_once_unless_they_chose_a_digest(siaga: App) -> None:
    at_once = await make(siaga, "lk1", Role.LURAH, KELUN)
    digest = await make(siaga, "lk2", Role.LURAH, KELUN)
    await Chat(siaga, "lk2").say("/notifikasi 7")
    ref = await file(siaga, "warga", serial=61)
    async with siaga.store() as store:
        rows = (await store.conn.execute(select(t.outbox.c.person_id, t.outbox.c.payload))).all()
    told = {pid for pid, payload in rows if payload[0]["p"][0]["k"] == "lurah-new-nomination"}
    assert told == {at_once.id}
    assert digest.id not in told
    assert ref in str(rows)


async def test_a_kelurahan_allocation_caps_its_approvals(siaga: App) -> None:
    await set_quota(siaga, 10)
    async with siaga.store() as store:
        ctx = siaga.context(store)
        await store.set_quota(review.period_of(ctx), 1, ctx.now, KELUN)
        await store.commit()
    boss = await make(siaga, "dinas", Role.ADMIN)
    first = await nomination(siaga, await file(siaga, "k1", serial=71))
    second = await nomination(siaga, await file(siaga, "k2", serial=72))
    taman = await nomination(siaga, await file(siaga, "t1", kelurahan="kel taman", serial=73))
    assert (await act(siaga, review.approve, boss, first)).outcome is review.Outcome.DONE
    assert (await act(siaga, review.approve, boss, second)).outcome is review.Outcome.WAITLISTED
    assert (await act(siaga, review.approve, boss, taman)).outcome is review.Outcome.DONE
    async with siaga.store() as store:
        period = review.period_of(siaga.context(store))
        assert await store.quota(period) == (10, 2)  # the refused one gave its city place back
        assert await store.quota(period, KELUN) == (1, 1)


async def test_admin_lists_and_removes_a_reviewer_and_revokes_an_invite(siaga: App) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    kelun = await make(siaga, "lk", Role.LURAH, KELUN)
    boss = Chat(siaga, "dinas")
    await boss.say("/reviewer")
    assert f"#{kelun.id}" in boss.text and "Kelun" in boss.text
    await boss.say(f"/hapus_reviewer {kelun.id}")
    assert "dicabut" in boss.text
    await Chat(siaga, "lk").say("/antrian")
    async with siaga.store() as store:
        person = await store.person_by_id(kelun.id)
    assert person is not None and person.role is Role.CITIZEN
    await boss.say("/undang Taman")
    code = boss.text.split(": ")[1].split()[0]
    async with siaga.store() as store:
        assert await store.revoke_invite(code, siaga.context(store).now)
        await store.commit()
    newcomer = Chat(siaga, "new")
    await newcomer.say(f"/lurah {code}")
    assert "tidak berlaku" in newcomer.text


async def test_coverage_ending_reminds_citizen_and_lurah_once(siaga: App) -> None:
    from datetime import timedelta

    from handlers.nominations import coverage as dinas

    await set_quota(siaga, 5)
    boss = await make(siaga, "dinas", Role.ADMIN)
    lurah = await make(siaga, "lk", Role.LURAH, KELUN)
    n = await nomination(siaga, await file(siaga, "cov", serial=81))
    await act(siaga, review.approve, boss, n)
    async with siaga.store() as store:
        ctx = siaga.context(store)
        start = ctx.today - timedelta(days=345)  # one year from then ends in about 20 days
        report = await dinas.mark_registered(ctx, [n.ref], start)
        await store.commit()
    assert report.registered == [n.ref]
    for _ in range(2):  # the second run sends nothing new
        async with siaga.store() as store:
            await dinas.coverage_reminders(siaga.context(store))
            await store.commit()
    async with siaga.store() as store:
        rows = (await store.conn.execute(select(t.outbox.c.person_id, t.outbox.c.payload))).all()
    keys = [(pid, payload[0]["p"][0]["k"]) for pid, payload in rows]
    assert keys.count((lurah.id, "lurah-coverage-ending")) == 1
    assert sum(1 for _, k in keys if k == "citizen-coverage-ending") == 1
