"""Issue 26, what a stranger learns (items 1–3), where a filed resident's question goes (12),
the report limit across an erasure (18) and registry files with odd characters (19). Each
test here failed on the code before its fix; the item number in its name is the issue's. (Two
that could not fail went with the review of these fixes, finding 11: `domain/nik.py` already
refused a superscript NIK, and `siaga check` never opened a database; the guard that it opens
none is in test_cli_check.py.)"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from bot.app import App, build
from bot.config import Settings
from bot.db import schema as t
from handlers.core.records import Role
from handlers.nominations import review
from tests.harness import Person as Chat
from tests.helpers import nik_for
from tests.test_handover import inbox
from tests.test_review import KELUN, TAMAN, act, file, make, nomination, set_quota
from tests.test_trust import _every_value, _sqlite_bytes

AS_OF = date(2026, 11, 1)
LISTED, UNLISTED, WAGE, SELF_PAID, PEMDA, OTHER = (nik_for(40, serial=s) for s in range(61, 67))


async def _lists(siaga: App) -> None:
    """The Dinas's two lists, as `siaga admin import-dtks|import-bpjs` keeps them."""
    async with siaga.store() as store:
        index, now = store.vault.index, siaga.clock()
        await store.replace_registry("dtks", AS_OF, [(index(LISTED), 3, None)], now)
        await store.replace_registry("bpjs", AS_OF, [(index(WAGE), None, "pu"),
                                                     (index(SELF_PAID), None, "bpu"),
                                                     (index(PEMDA), None, "pemda")], now)  # fmt: skip
        await store.commit()


async def _verdict(siaga: App, who: str, nik: str, dtks: str) -> Chat:
    """A citizen's check to its verdict: no BPJS TK, the DTKS/DTSEN answer given."""
    p = Chat(siaga, who)
    for line in ["1", "setuju", "Warga Uji", nik, "1", "1", "kelun", "ojol", "1", dtks, "ya",
                 "lewati", "1"]:  # fmt: skip
        await p.say(line)
    assert "Alasannya" in p.text, p.text
    return p


def _words(p: Chat) -> str:
    return p.last[-1].text


# --- item 1: the check reveals no registry list -------------------------------------------------


async def test_item1_the_verdict_reads_the_same_whatever_the_lists_say(siaga: App) -> None:
    before = {dtks: _words(await _verdict(siaga, f"base-{dtks}", OTHER, dtks))
              for dtks in ("ya", "tidak tahu")}  # fmt: skip
    await _lists(siaga)
    for dtks, expected in before.items():
        for n, nik in enumerate((LISTED, UNLISTED, WAGE, SELF_PAID, PEMDA)):
            said = _words(await _verdict(siaga, f"w{n}-{dtks}", nik, dtks))
            assert said == expected, (nik, dtks, said)
            for leak in ("data Dinas Sosial", "data BPJS", "tidak ada di data", "01-11-2026"):
                assert leak not in said
    assert "petugas mencocokkan jawaban" in before["ya"]  # told how the answers are checked


async def test_item1_changing_the_nik_repeats_nothing_from_the_lists(siaga: App) -> None:
    await _lists(siaga)
    p = await _verdict(siaga, "ubah", UNLISTED, "tidak tahu")
    first = _words(p)
    for nik in (LISTED, WAGE, PEMDA, SELF_PAID):
        await p.press("Ubah jawaban")
        await p.press("Ubah NIK")
        for line in [nik, "1", "1", "1"]:  # the NIK, read back right, its age right, summary ok
            await p.say(line)
        assert _words(p) == first, nik


async def test_item1_officers_still_see_what_the_lists_say(siaga: App) -> None:
    await _lists(siaga)
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    citizen = await _verdict(siaga, "pu", WAGE, "ya")
    await citizen.press("📨 Ajukan usulan")
    assert "Nomor usulan" in citizen.text
    lurah = Chat(siaga, "lurah-kelun")
    await lurah.say("/antrian")
    assert "Data BPJS TK per 01-11-2026: aktif, penerima upah" in lurah.text
    assert "Aktif BPJS TK sebagai penerima upah" in lurah.text  # the card's ⚠ flag


# --- item 2: a NIK already filed says nothing of its nomination ------------------------------


async def _typed_again(siaga: App, who: str, nik: str) -> str:
    p = Chat(siaga, who)
    for line in ["1", "setuju", "Orang Lain", nik, "1"]:
        await p.say(line)
    return p.text


async def test_item2_a_nik_already_filed_shows_no_reference_or_status(siaga: App) -> None:
    await set_quota(siaga, 5)
    boss = await make(siaga, "dinas", Role.ADMIN)
    pending = await file(siaga, "pemilik-1", serial=81)
    approved = await file(siaga, "pemilik-2", serial=82)
    assert (await act(siaga, review.approve, boss, await nomination(siaga, approved))).outcome is (
        review.Outcome.DONE
    )
    lurah = await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    on_behalf = Chat(siaga, "lurah-kelun")  # a lurah files for a resident without a phone
    await on_behalf.say("/usulkan")
    for line in ["1", "Mbah Karto", nik_for(40, serial=83), "1", "1", "ojol", "1", "ya", "ya",
                 "lewati", "1", "1"]:  # fmt: skip
        await on_behalf.say(line)
    by_lurah = re.search(r"PJK-[A-Z0-9]{5}", on_behalf.text)
    assert by_lurah and lurah.id
    said = [await _typed_again(siaga, f"asing-{s}", nik_for(40, serial=s)) for s in (81, 82, 83)]
    assert said[0] == said[1] == said[2]
    for ref in (pending, approved, by_lurah.group(0)):
        assert ref not in said[0]
    for status in ("menunggu", "disetujui", "Status"):
        assert status not in said[0]
    assert "tidak bisa diusulkan lagi" in said[0] and "/status" in said[0]


async def test_item2_the_console_s_usulkan_shows_no_other_kelurahan_s_nomination(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from tests.test_console import csrf, signed_in

    ref = await file(siaga, "warga-kelun", serial=84)  # Kelun's
    await make(siaga, "lurah-taman", Role.LURAH, TAMAN)
    token = csrf(await signed_in(siaga, web, "lurah-taman"))
    form = {"csrf": token, "setuju": "ya", "nama": "Warga Uji", "nik": nik_for(40, serial=84),
            "pekerjaan": "ojol", "bpjs": "tidak", "dtks": "ya", "anak": "tidak", "hp": ""}  # fmt: skip
    page = await web.post("/konsol/usulkan", data=form)
    assert ref not in page.text and "menunggu pemeriksaan" not in page.text
    assert "tidak bisa diusulkan lagi" in page.text


# --- item 3: numbers typed to an officer are not kept in clear ------------------------------


NIK_TYPED = nik_for(33, serial=91)
PHONE_TYPED, PHONE_BACK = "0812-3456-7890", "0813 9876 5432"


async def test_item3_numbers_typed_to_an_officer_are_sealed_at_rest(siaga: App) -> None:
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    lurah = Chat(siaga, "lurah-kelun")
    await lurah.say("/menu")
    warga = Chat(siaga, "777301", channel="telegram")  # its replies are kept in the outbox
    for line in ["1", "setuju", "Sri Rahayu", nik_for(40, serial=92), "1", "1", "kelun"]:
        await warga.say(line)
    await warga.say("tanya petugas")
    await warga.say(f"NIK saya {NIK_TYPED}, HP {PHONE_TYPED}, kapan diproses?")
    card = (await inbox(siaga, "lurah-kelun"))[-1]
    assert NIK_TYPED in card and PHONE_TYPED in card  # the officer reads what was typed
    await lurah.say("1")  # Balas: the question so far, as typed
    assert NIK_TYPED in lurah.text and PHONE_TYPED in lurah.text
    await lurah.say(f"Baik, saya telepon ke {PHONE_BACK} besok.")
    await warga.say(f"NIK suami {NIK_TYPED[:12]}0002 juga ya")
    assert f"{NIK_TYPED[:12]}0002" in (await inbox(siaga, "lurah-kelun"))[-1]
    await lurah.say("/tiket")
    assert PHONE_TYPED in lurah.text
    async with siaga.store() as store:
        back = [r.payload for r in (await store.conn.execute(
            select(t.outbox.c.payload).where(t.outbox.c.channel == "telegram"))).all()]  # fmt: skip
    from bot.channels.render import reply_text
    from handlers.core.messages import Reply

    shown = [reply_text(siaga.catalogue, Reply.from_json(r), "id") for p in back for r in p]
    assert any(PHONE_BACK in s for s in shown)  # the citizen reads the officer's number
    stored = await _every_value(siaga)
    typed = (NIK_TYPED, PHONE_TYPED, PHONE_BACK, f"{NIK_TYPED[:12]}0002", "81234567890",
             "3456-7890", "9876 5432")  # fmt: skip
    for clear in typed:
        assert clear not in stored, clear
    if not siaga.settings.database_url:
        raw = _sqlite_bytes(siaga.settings.data_dir)
        for clear in typed:
            assert clear.encode() not in raw, clear


def test_item3_sealing_is_idempotent_and_a_typed_seal_is_just_text() -> None:
    from handlers.core.messages import open_numbers, seal_numbers

    def seal(x: str) -> str:
        return "T" + str(len(x))

    once = seal_numbers(f"nik {NIK_TYPED} hp {PHONE_TYPED}, tgl 1-2-2026, Rp 150.000", seal)
    assert once == "nik [[#T16]] hp [[#T14]], tgl 1-2-2026, Rp 150.000"  # short numbers stay
    assert seal_numbers(once, seal, typed=False) == once  # the ticket store's door, again
    typed = seal_numbers("lihat [[#T16]] ini", seal)
    assert open_numbers(typed, lambda token: "BUKA") == "lihat [ [#T16]] ini"
    assert open_numbers(once, None) == "nik •••• hp ••••, tgl 1-2-2026, Rp 150.000"


async def test_item3_a_key_rotation_keeps_ticket_numbers_readable(tmp_path: Path) -> None:
    from bot.db.keys import rotate

    data = tmp_path / "data"
    siaga = await build(Settings(data_dir=data))
    await make(siaga, "dinas", Role.ADMIN)
    warga = Chat(siaga, "warga-rot")
    await warga.say("tanya petugas")
    await warga.say(f"Nomor saya {PHONE_TYPED}")
    await rotate(siaga.settings, siaga.engine, siaga.clock())
    await siaga.close()
    siaga = await build(Settings(data_dir=data))
    try:
        await make(siaga, "dinas", Role.ADMIN)
        dinas = Chat(siaga, "dinas")
        await dinas.say("/tiket")
        assert PHONE_TYPED in dinas.text  # opened with the new key
        assert any(PHONE_TYPED in x for x in await inbox(siaga, "dinas"))
    finally:
        await siaga.close()


async def test_item3_closed_tickets_lose_their_words_after_the_program_s_days(
    siaga: App,
) -> None:
    from datetime import datetime

    await make(siaga, "dinas", Role.ADMIN)
    keep = siaga.program.handover.closed_keep_days
    start = datetime(2027, 1, 4, 2, 0, tzinfo=siaga.tz)  # 02.00 local: the purge's hour
    siaga.clock = lambda: start
    for who in ("lama", "baru"):
        warga = Chat(siaga, f"warga-{who}")
        await warga.say("tanya petugas")
        await warga.say(f"Pertanyaan {who}: nomor saya {PHONE_TYPED}")
    dinas = Chat(siaga, "dinas")
    await dinas.tap("n|tclose:1")
    await Chat(siaga, "warga-lama").tap("n|trate:1:5")  # rated
    later = start + timedelta(days=keep, hours=1)
    siaga.clock = lambda: later
    await dinas.tap("n|tclose:2")  # closed today: kept
    async with siaga.store() as store:  # the officer's cards were delivered long ago
        await store.conn.execute(t.outbox.update().values(status="sent"))
        await store.commit()
    assert "purge_drafts" in await siaga.scheduler().tick(later)
    async with siaga.store() as store:
        old, new = await store.ticket(1), await store.ticket(2)
    assert old is not None and new is not None
    assert old.messages == [] and old.rating == 5 and old.status.value == "closed"
    assert "Pertanyaan baru" in str(new.messages)
    assert "Pertanyaan lama" not in await _every_value(siaga)  # nor in a delivered card


# --- item 12: a filed resident's question goes to their lurah ----------------------------------


async def test_item12_a_filed_resident_s_question_goes_to_their_lurah(siaga: App) -> None:
    await make(siaga, "lurah-kelun", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    await file(siaga, "sudah-usul", serial=95)  # the draft is cleared by the filing
    warga = Chat(siaga, "sudah-usul")
    await warga.say("tanya petugas")
    await warga.say("Kapan usulan saya diputus?")
    assert any("Kapan usulan saya" in x for x in await inbox(siaga, "lurah-kelun"))
    assert not any("Kapan usulan saya" in x for x in await inbox(siaga, "dinas"))


# --- item 18: the report limit outlives an erasure ----------------------------------------------


async def _report(p: Chat, serial: int) -> str:
    await p.say("/kabar")
    if "Apa yang terjadi" not in p.text:
        return p.text
    await p.press("🕊 Meninggal dunia")
    await p.press("Tetangga / lainnya")
    for line in [nik_for(60, serial=serial), "Warga Lain", "kemarin"]:
        await p.say(line)
    return p.text


async def test_item18_erasing_oneself_does_not_reset_the_report_limit(siaga: App) -> None:
    p = Chat(siaga, "pelapor-62811")
    for n in range(3):
        assert "kasus #" in await _report(p, 100 + n)
    assert "sudah ada beberapa laporan" in await _report(p, 110)
    await p.say("/hapus")
    await p.press("Ya, hapus data saya")
    assert "dihapus" in p.text
    assert "pelapor-62811" not in await _every_value(siaga)  # nowhere in clear
    assert "sudah ada beberapa laporan" in await _report(p, 111)  # the same account
    assert "kasus #" in await _report(Chat(siaga, "pelapor-lain"), 112)  # another account
    tomorrow = siaga.clock() + timedelta(days=1, minutes=1)
    siaga.clock = lambda: tomorrow
    assert "kasus #" in await _report(p, 113)


# --- item 19: registry files with odd characters ---------------------------------------------


def _cp1252_list(path: Path) -> Path:
    rows = [
        b"NIK;Nama;Desil",
        LISTED.encode() + b";Warga \x81Uji;3",  # an undefined byte in a name
        UNLISTED.encode() + b";Warga \x8d\x8f\x90\x9d;4",
        WAGE.encode() + b";Warga;\xb2",  # desil "²"
        b"357701150386000\xb2;Warga;2",  # a NIK ending in "²"
        b"3577011503860\x8d01;Warga;2",
    ]
    path.write_bytes(b"\r\n".join(rows) + b"\r\n")
    return path


def test_item19_odd_bytes_superscripts_and_bad_nik_are_rows_not_crashes(tmp_path: Path) -> None:
    from bot.registry import read_list

    parsed = read_list(_cp1252_list(tmp_path / "dtks.csv"), "dtks", lambda nik: "i" + nik)
    assert [key for key, _, _ in parsed.rows] == ["i" + LISTED, "i" + UNLISTED]
    errors = dict(parsed.errors)
    assert "desil" in errors[4] and "NIK" in errors[5] and "NIK" in errors[6]
    assert 2 in parsed.unreadable and 3 in parsed.unreadable  # told which rows had odd bytes


def test_item19_the_import_command_reports_odd_rows_and_keeps_the_good_ones(
    tmp_path: Path,
) -> None:
    from tests.test_registry import admin

    data = tmp_path / "data"
    data.mkdir()
    r = admin(data, "import-dtks", str(_cp1252_list(tmp_path / "dtks.csv")), "--tanggal",
              "2026-11-01", "--yes")  # fmt: skip
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "2 baris sah, 3 baris salah" in r.stdout
    assert "baris 4: desil" in r.stdout and "baris 5: NIK bukan 16 angka" in r.stdout
    assert "tidak terbaca" in r.stdout and "baris 2, 3, 6" in r.stdout
    assert "Tersimpan: 2 NIK" in r.stdout


async def test_item19_forged_ids_on_buttons_are_expired_buttons_not_errors(siaga: App) -> None:
    p = Chat(siaga, "penekan")
    await p.say("halo")
    for target in ("²", "1²", "9" * 25):
        for data in (f"n|treply:{target}", f"n|tclose:{target}", f"n|trate:{target}:5",
                     f"n|answer:{target}", f"n|claim:{target}:paid", f"n|kidsstop:{target}"):  # fmt: skip
            await p.tap(data)
            assert "terjadi kesalahan" not in p.text, data


def test_item19_a_phone_typed_with_other_digits_is_stored_in_ascii() -> None:
    from domain.phone import parse_phone

    assert parse_phone("０８１２-３４５６-７８９０") == "+6281234567890"
    assert parse_phone("0812345678９0") == "+6281234567890"
