"""The web console (issue 19) over HTTP, without a browser: signing in by a one-time link,
sessions, CSRF, a lurah kept to their kelurahan, and the same use cases as the chat."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import set_admins
from tests.test_handover import inbox
from tests.test_review import KELUN, file, make, nomination, set_quota

LINK = re.compile(r"http://127\.0\.0\.1:8080(/konsol/masuk/[A-Za-z0-9_-]+)")


async def link_for(siaga: App, who: str) -> str:
    chat = Person(siaga, who)
    await chat.say("/masuk")
    found = LINK.search(chat.text)
    assert found, chat.text
    return found.group(1)


async def press(web: httpx.AsyncClient, link: str) -> httpx.Response:
    """Open a sign-in link and press its Masuk button (opening alone spends nothing)."""
    page = await web.get(link)
    if page.status_code != 200:
        return page
    return await web.post(link, data={"csrf": csrf(page)})


async def signed_in(siaga: App, web: httpx.AsyncClient, who: str) -> httpx.Response:
    r = await press(web, await link_for(siaga, who))
    assert r.status_code == 303 and r.headers["location"] == "/konsol/"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/konsol" in cookie
    return await web.get("/konsol/")


def csrf(page: httpx.Response) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found
    return found.group(1)


async def test_a_lurah_signs_in_by_link_and_approves_with_the_chat_s_rule(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    ref = await file(siaga, "warga-konsol")
    n = await nomination(siaga, ref)
    home = await signed_in(siaga, web, "lk")
    assert home.status_code == 200 and 'id="kuota-sisa">10<' in home.text
    queue = await web.get("/konsol/antrean")
    assert ref in queue.text
    page = await web.get(f"/konsol/usulan/{n.id}")
    assert "3577 01" in page.text and n.nik_masked in page.text
    r = await web.post(f"/konsol/usulan/{n.id}/setujui", data={"csrf": csrf(page)})
    assert r.status_code == 303
    done = await web.get(r.headers["location"])
    assert "Warga sudah diberi tahu" in done.text and "disetujui" in done.text
    assert 'id="kuota-sisa">9<' in (await web.get("/konsol/")).text
    assert any("DISETUJUI" in x for x in await inbox(siaga, "warga-konsol"))  # on their channel
    async with siaga.store() as store:
        rows = (await store.conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.detail)
            .where(t.audit_log.c.nomination_id == n.id)
        )).all()  # fmt: skip
    assert ("nomination.approved", "via console") in [(a, d) for a, d in rows]


async def test_links_work_once_and_for_ten_minutes_and_not_for_citizens(
    siaga: App, web: httpx.AsyncClient
) -> None:
    now = siaga.clock()
    await make(siaga, "lk", Role.LURAH, KELUN)
    link = await link_for(siaga, "lk")
    assert (await press(web, link)).status_code == 303
    used = await press(web, link)
    assert used.status_code == 410 and "sudah dipakai" in used.text
    late = await link_for(siaga, "lk")
    siaga.clock = lambda: now + timedelta(minutes=11)
    assert (await press(web, late)).status_code == 410
    warga = Person(siaga, "warga-biasa")
    await warga.say("/masuk")
    assert "hanya untuk lurah" in warga.text and not LINK.search(warga.text)
    async with siaga.store() as store:
        owners = (await store.conn.execute(select(t.console_links.c.person_id))).scalars().all()
        citizen = await store.person(__import__("handlers.core.messages").core.messages.UserRef(
            "console", "warga-biasa"), "", now)  # fmt: skip
    assert citizen.id not in owners
    assert (await web.get("/konsol/")).status_code == 200  # the first link's session


async def test_a_lurah_cannot_see_another_kelurahan_or_post_without_the_token(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    taman = await nomination(siaga, await file(siaga, "warga-taman", kelurahan="kel taman"))
    kelun = await nomination(siaga, await file(siaga, "warga-kelun", serial=9))
    await signed_in(siaga, web, "lk")
    assert (await web.get(f"/konsol/usulan/{taman.id}")).status_code == 404
    assert (await web.post(f"/konsol/usulan/{taman.id}/setujui",
                           data={"csrf": csrf(await web.get("/konsol/"))})).status_code == 404  # fmt: skip
    assert "warga-taman" not in (await web.get("/konsol/antrean?kelurahan=Taman")).text
    forged = await web.post(f"/konsol/usulan/{kelun.id}/setujui", data={"csrf": "x"})
    assert forged.status_code == 403
    bare = await web.post(f"/konsol/usulan/{kelun.id}/setujui")
    assert bare.status_code == 403
    assert (await nomination(siaga, kelun.ref)).status.value == "pending"


async def test_a_session_ends_when_rights_are_taken_away_or_it_idles(
    siaga: App, web: httpx.AsyncClient
) -> None:
    now = siaga.clock()
    await make(siaga, "dinas", Role.ADMIN)
    await signed_in(siaga, web, "dinas")
    set_admins(siaga, frozenset())  # SIAGA_ADMINS no longer names them
    gone = await web.get("/konsol/")
    assert gone.status_code == 401 and "Akses berubah" in gone.text
    await make(siaga, "lk", Role.LURAH, KELUN)
    await signed_in(siaga, web, "lk")
    siaga.clock = lambda: now + timedelta(minutes=31)
    idle = await web.get("/konsol/")
    assert idle.status_code == 401 and "30 menit" in idle.text


async def test_showing_the_full_nik_is_audited(siaga: App, web: httpx.AsyncClient) -> None:
    await make(siaga, "lk", Role.LURAH, KELUN)
    n = await nomination(siaga, await file(siaga, "warga-nik", serial=5))
    await signed_in(siaga, web, "lk")
    page = await web.get(f"/konsol/usulan/{n.id}")
    shown = await web.post(f"/konsol/usulan/{n.id}/nik", data={"csrf": csrf(page)})
    assert shown.status_code == 200 and re.search(r'id="nik">\d{16}<', shown.text)
    again = await web.get(f"/konsol/usulan/{n.id}")
    assert not re.search(r'id="nik">\d{16}<', again.text)  # once, never in a URL
    async with siaga.store() as store:
        actions = (await store.conn.execute(select(t.audit_log.c.action))).scalars().all()
    assert "nik.viewed" in actions


async def test_the_command_line_prints_a_link_for_an_officer_only(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from tests.test_observability import run_cli

    await make(siaga, "lk", Role.LURAH, KELUN)
    code, out = await run_cli(siaga.settings.data_dir, "admin", "login-link", "--for", "console:lk")
    found = LINK.search(out)
    assert code == 0 and found, out
    assert (await press(web, found.group(1))).status_code == 303
    code, out = await run_cli(siaga.settings.data_dir, "admin", "login-link", "--for",
                              "console:warga")  # fmt: skip
    assert "hanya untuk lurah" in out and not LINK.search(out)
    assert (await web.get("/konsol/static/konsol.css")).status_code == 200


async def test_a_nomination_past_the_review_deadline_is_red_and_reminded(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from datetime import UTC, datetime

    filed = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    siaga.clock = lambda: filed
    await make(siaga, "lk", Role.LURAH, KELUN)
    await make(siaga, "dinas", Role.ADMIN)
    await file(siaga, "warga-lama")
    week_on = filed + timedelta(days=8)  # 10:00 WIB, eight days later
    siaga.clock = lambda: week_on
    assert "review_late" in await siaga.scheduler().tick(week_on)
    assert any("1 usulan di Kelurahan Kelun sudah menunggu lebih dari 7 hari" in x
               for x in await inbox(siaga, "lk"))  # fmt: skip
    assert not any("⏰" in x for x in await inbox(siaga, "dinas"))  # not twice the deadline yet
    home = await signed_in(siaga, web, "lk")
    assert re.search(r'<tr class="late">\s*<th scope="row"><a [^>]*>Kelun</a>', home.text)
    later = filed + timedelta(days=15)
    assert "review_late" in await siaga.scheduler().tick(later)
    assert any("lebih dari 14 hari: Kelun (1 menunggu)" in x for x in await inbox(siaga, "dinas"))


async def test_the_dinas_invites_revokes_exports_and_searches_the_audit(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    await set_quota(siaga, 10)
    await make(siaga, "dinas", Role.ADMIN)
    boss = await make(siaga, "dinas", Role.ADMIN)
    ref = await file(siaga, "warga-ekspor", serial=21)
    await review_approve(siaga, boss, ref)
    home = await signed_in(siaga, web, "dinas")
    token = csrf(home)
    made = await web.post("/konsol/petugas/undang", data={"csrf": token, "kelurahan": "Kelun"})
    page = await web.get(made.headers["location"])
    code = re.search(r'id="kode">([A-Z0-9]+)<', page.text)
    assert code and "sekali pakai" in page.text
    lurah = Person(siaga, "lurah-baru")
    await lurah.say(f"/lurah {code.group(1)}")
    assert "peninjau usulan" in lurah.text
    listed = await web.get("/konsol/petugas")
    assert "lurah-baru" in listed.text and code.group(1) not in listed.text  # used: not open
    other = await web.post("/konsol/petugas/undang", data={"csrf": token, "kelurahan": "Taman"})
    spare = re.search(r"kode=([A-Z0-9]+)", other.headers["location"])
    assert spare
    gone = await web.post("/konsol/petugas/cabut", data={"csrf": token, "kode": spare.group(1)})
    assert "Undangan dicabut" in (await web.get(gone.headers["location"])).text
    late = Person(siaga, "terlambat")
    await late.say(f"/lurah {spare.group(1)}")
    assert "tidak berlaku" in late.text

    xlsx = await web.post("/konsol/ekspor", data={"csrf": token, "kelurahan": ""})
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["content-disposition"]
    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert sheet is not None and [c.value for c in sheet[2]][1] == ref
    trail = await web.get(f"/konsol/audit?usulan={ref}")
    assert "nomination.approved" in trail.text and "nomination.filed" in trail.text
    csv_file = await web.get(f"/konsol/audit.csv?usulan={ref}")
    assert csv_file.status_code == 200 and "nomination.approved" in csv_file.text
    assert "export.approved" in (await web.get("/konsol/audit")).text

    await make(siaga, "lk", Role.LURAH, KELUN)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=siaga.web(None)),
                                 base_url="http://siaga") as other_web:  # fmt: skip
        r = await press(other_web, await link_for(siaga, "lk"))
        assert r.status_code == 303
        for page_path in ("/konsol/petugas", "/konsol/ekspor", "/konsol/audit"):
            assert (await other_web.get(page_path)).status_code == 404  # the Dinas's pages


async def review_approve(siaga: App, boss: object, ref: str) -> None:
    from handlers.nominations import review

    n = await nomination(siaga, ref)
    async with siaga.store() as store:
        await review.approve(siaga.context(store), boss, n)  # type: ignore[arg-type]
        await store.commit()


async def test_a_broadcast_from_the_console_can_be_stopped(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from tests.test_broadcast import person

    for i in range(2):
        await person(siaga, str(800 + i), opt_in=True)
    await make(siaga, "dinas", Role.ADMIN)
    home = await signed_in(siaga, web, "dinas")
    token = csrf(home)
    bad = await web.post("/konsol/siaran/pratinjau", data={"csrf": token, "teks": "x",
                                                           "penerima": "opted_in"})  # fmt: skip
    assert "terlalu pendek" in bad.text
    sent = await web.post("/konsol/siaran/kirim", data={
        "csrf": token, "teks": "Sisa kuota {kuota_sisa} tempat.", "penerima": "opted_in",
    })  # fmt: skip
    assert sent.status_code == 303
    page = await web.get(sent.headers["location"])
    assert "terkirim 0 dari 2" in page.text
    live = await web.get(sent.headers["location"] + "/kemajuan")
    assert "terkirim 0 dari 2" in live.text and live.headers.get("X-Done") is None
    stopped = await web.post(sent.headers["location"] + "/hentikan", data={"csrf": token})
    done = await web.get(stopped.headers["location"])
    assert "dihentikan" in done.text and "2 tidak jadi dikirim" in done.text
    assert (await web.get(sent.headers["location"] + "/kemajuan")).headers["X-Done"] == "1"


async def test_a_bpjs_file_with_one_bad_row_is_previewed_then_applied(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from datetime import UTC, datetime

    siaga.clock = lambda: datetime(2026, 12, 20, 3, 0, tzinfo=UTC)  # the cover starts soon
    await set_quota(siaga, 10)
    boss = await make(siaga, "dinas", Role.ADMIN)
    good = [await file(siaga, f"warga-bpjs-{i}", serial=40 + i) for i in range(2)]
    for ref in good:
        await review_approve(siaga, boss, ref)
    pending = await file(siaga, "warga-belum", serial=49)
    home = await signed_in(siaga, web, "dinas")
    token = csrf(home)
    body = f"nomor_usulan,nama\n{good[0]},A\n{good[1].lower()},B\nPJK-ZZZZ,C\n{pending},D\n\n"
    sent = await web.post("/konsol/peserta/pratinjau", data={"csrf": token, "mulai": "2027-01-01"},
                          files={"berkas": ("bpjs.csv", body.encode(), "text/csv")})  # fmt: skip
    assert sent.status_code == 303  # the checked file is kept: the preview is its page
    preview = await web.get(sent.headers["location"])
    assert preview.status_code == 200
    assert "2 baris bisa diterapkan, 2 baris bermasalah" in preview.text
    assert "bukan nomor usulan" in preview.text and "belum disetujui" in preview.text
    assert (await nomination(siaga, good[0])).status.value == "approved"  # nothing yet
    kept = re.search(r'name="unggahan" value="([^"]+)"', preview.text)
    assert kept and "mulai 01-01-2027" in preview.text
    applied = await web.post("/konsol/peserta/terapkan",
                             data={"csrf": token, "unggahan": kept.group(1)})  # fmt: skip
    listing = await web.get(applied.headers["location"])
    assert "Diterapkan: 2 terdaftar, 0 tidak bisa ditandai" in listing.text
    assert "01-01-2027" in listing.text and good[1] in listing.text
    assert (await nomination(siaga, good[0])).status.value == "registered"
    day = {"csrf": token, "mulai": "2027-01-01"}
    junk = await web.post("/konsol/peserta/pratinjau", data=day,
                          files={"berkas": ("x.xlsx", b"not a workbook", "application/zip")})  # fmt: skip
    assert "tidak bisa dibaca" in junk.text
    no_col = await web.post("/konsol/peserta/pratinjau", data=day,
                            files={"berkas": ("x.csv", b"nama\nA\n", "text/csv")})  # fmt: skip
    assert "tidak punya kolom nomor_usulan" in no_col.text
    forged = await web.post("/konsol/peserta/pratinjau", data={"mulai": "2027-01-01"},
                            files={"berkas": ("x.csv", body.encode(), "text/csv")})  # fmt: skip
    assert forged.status_code == 403


async def test_a_lurah_nominates_a_resident_with_the_chat_s_checks(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from tests.helpers import nik_for

    await make(siaga, "lk", Role.LURAH, KELUN)
    home = await signed_in(siaga, web, "lk")
    token = csrf(home)
    form = {"csrf": token, "nama": "Karto Sumarno", "nik": nik_for(55, serial=71),
            "pekerjaan": "tukang becak", "bpjs": "tidak", "dtks": "ya", "anak": "tidak",
            "hp": "", "kelurahan": "Taman"}  # fmt: skip
    no_consent = await web.post("/konsol/usulkan", data=form)
    assert no_consent.status_code == 422 and "persetujuan" in no_consent.text.lower()
    bad_nik = await web.post("/konsol/usulkan", data={**form, "setuju": "ya", "nik": "1234"})
    assert bad_nik.status_code == 422 and 'id="nik"' in bad_nik.text
    assert 'aria-invalid="true"' in bad_nik.text and "Karto Sumarno" in bad_nik.text  # kept
    filed = await web.post("/konsol/usulkan", data={**form, "setuju": "ya"})
    assert filed.status_code == 200 and "PJK-" in filed.text, filed.text
    ref = re.search(r"PJK-[A-Z0-9]{5}", filed.text)
    assert ref
    n = await nomination(siaga, ref.group(0))
    assert n.kelurahan_code == KELUN  # the lurah's own kelurahan, whatever the form said
    assert n.on_behalf and n.answers["consent"]["kind"] == "in_person"
    again = await web.post("/konsol/usulkan", data={**form, "setuju": "ya"})
    assert "tidak bisa diusulkan lagi" in again.text  # the same NIK, still open


async def test_an_invite_s_link_comes_with_a_qr_code(siaga: App, web: httpx.AsyncClient) -> None:
    from dataclasses import replace

    siaga.conversations.settings = replace(siaga.conversations.settings,
                                           telegram_bot_username="siaga_madiun_bot")  # fmt: skip
    await make(siaga, "dinas", Role.ADMIN)
    token = csrf(await signed_in(siaga, web, "dinas"))
    made = await web.post("/konsol/petugas/undang", data={"csrf": token, "kelurahan": "Kelun"})
    page = await web.get(made.headers["location"])
    assert "https://t.me/siaga_madiun_bot?start=" in page.text
    assert '<svg width="' in page.text and "<figcaption>Kode QR" in page.text
    forged = await web.get("/konsol/petugas?pesan=con-invite-made&kode=%3Cscript%3E")
    assert "<script>" not in forged.text and "<svg" not in forged.text


async def test_the_overview_charts_approvals_per_week_and_the_queue_filters_by_waiting(
    siaga: App, web: httpx.AsyncClient
) -> None:
    from datetime import UTC, datetime

    start = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # a Monday, 10:00 WIB
    siaga.clock = lambda: start
    await set_quota(siaga, 10)
    boss = await make(siaga, "dinas", Role.ADMIN)
    old = await file(siaga, "warga-lama-2", serial=81)
    siaga.clock = lambda: start + timedelta(days=14)
    fresh = await file(siaga, "warga-baru", serial=82)
    await review_approve(siaga, boss, await file(siaga, "warga-setuju", serial=83))
    home = await signed_in(siaga, web, "dinas")
    assert "Persetujuan per minggu" in home.text and "<title>16/11: 1</title>" in home.text
    long_wait = await web.get("/konsol/antrean?menunggu=10")
    assert old in long_wait.text and fresh not in long_wait.text


async def test_an_officer_who_speaks_english_gets_the_console_in_english(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await make(siaga, "lk", Role.LURAH, KELUN)
    await Person(siaga, "lk").say("english please")
    home = await signed_in(siaga, web, "lk")
    assert "Overview" in home.text and "Quota for the period" in home.text
    assert 'lang="en"' in home.text


async def test_every_page_title_is_plain_words(siaga: App, web: httpx.AsyncClient) -> None:
    """Issue 26 item 21: the queue's <title> held a literal `<script src=…>` (a title is text
    only: what is inside shows in the tab as typed), and so did a broadcast's page."""
    from tests.test_broadcast import person

    await make(siaga, "dinas", Role.ADMIN)
    await person(siaga, "801", opt_in=True)
    token = csrf(await signed_in(siaga, web, "dinas"))
    sent = await web.post("/konsol/siaran/kirim", data={
        "csrf": token, "teks": "Sisa kuota {kuota_sisa} tempat.", "penerima": "opted_in",
    })  # fmt: skip
    for path in ("/konsol/", "/konsol/antrean", sent.headers["location"], "/konsol/siaran",
                 "/konsol/petugas", "/konsol/audit", "/konsol/peserta", "/konsol/klaim"):  # fmt: skip
        page = await web.get(path)
        title = re.search(r"<title>(.*?)</title>", page.text, re.S)
        assert title and "<" not in title.group(1), (path, title and title.group(1))
        assert page.text.count('src="/konsol/static/konsol.js"') <= 1, path
