"""Issue 26 item 6: BPJS's confirmation file (Peserta page) cannot freeze the server.

Before: a 147 KB XLSX that unpacks to a million rows stalled /healthz and the webhooks for
32 s and answered 106 MB of HTML; a 1 MB CSV of 170,000 references stalled 18 s. Now the
unpacked size is checked before a workbook is opened, rows are capped, the file is read in a
thread (the event loop keeps serving), the references are checked in batches, and the
preview is paged: counts, then the rows with problems a page at a time."""

from __future__ import annotations

import asyncio
import io
import re
import threading
import zipfile

import httpx
import pytest

from bot.app import App
from bot.web.console import bpjs_file
from handlers.core.records import Role
from tests.harness import Person
from tests.helpers import nik_for
from tests.test_console import csrf, review_approve, signed_in
from tests.test_review import file, make, nomination, set_quota

SHEET = "xl/worksheets/sheet1.xml"


def workbook(refs: int, rows_xml: bytes | None = None) -> bytes:
    """An XLSX whose sheet has a header and `refs` rows of one reference each: a real
    workbook from openpyxl with its sheet's XML written here (a million rows in openpyxl
    would take minutes; as XML it deflates to a few hundred kilobytes, like the attack)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["nomor_usulan"])
    plain = io.BytesIO()
    book.save(plain)
    row = b'<row><c t="inlineStr"><is><t>PJK-AAAAA</t></is></c></row>'
    body = rows_xml if rows_xml is not None else row * refs
    xml = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
           b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr">'
           b"<is><t>nomor_usulan</t></is></c></row>" + body + b"</sheetData></worksheet>")  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, xml if item.filename == SHEET else src.read(item))
    return out.getvalue()


async def dinas(siaga: App, web: httpx.AsyncClient) -> str:
    await make(siaga, "dinas", Role.ADMIN)
    return csrf(await signed_in(siaga, web, "dinas"))


async def upload(
    siaga: App, web: httpx.AsyncClient, token: str, name: str, data: bytes
) -> httpx.Response:
    kind = "text/csv" if name.endswith(".csv") else "application/octet-stream"
    start = siaga.clock().date().isoformat()  # the injected clock's today
    r = await web.post("/konsol/peserta/pratinjau", data={"csrf": token, "mulai": start},
                       files={"berkas": (name, data, kind)})  # fmt: skip
    if r.status_code == 303:  # the preview is kept: reloading it sends nothing again
        return await web.get(r.headers["location"])
    return r


async def test_a_workbook_that_unpacks_to_a_million_rows_is_refused_unread(
    siaga: App, web: httpx.AsyncClient
) -> None:
    token = await dinas(siaga, web)
    bomb = workbook(1_000_000)
    assert len(bomb) < 400_000  # small as sent, some 60 MB unpacked
    r = await upload(siaga, web, token, "bpjs.xlsx", bomb)
    assert r.status_code == 422 and "terlalu besar setelah dibuka" in r.text
    assert len(r.content) < 30_000  # the page, not a row per reference


async def test_too_many_rows_are_refused_in_csv_and_xlsx(
    siaga: App, web: httpx.AsyncClient
) -> None:
    token = await dinas(siaga, web)
    refs = b"nomor_usulan\n" + b"PJK-AAAAA\n" * 170_000  # 1.7 MB, the reported file
    r = await upload(siaga, web, token, "bpjs.csv", refs)
    assert r.status_code == 422 and f"lebih dari {bpjs_file.MAX_ROWS:,}".replace(",", ".") in r.text
    assert len(r.content) < 30_000
    r = await upload(siaga, web, token, "bpjs.xlsx", workbook(bpjs_file.MAX_ROWS + 1))
    assert r.status_code == 422 and "baris" in r.text


async def test_the_preview_shows_counts_and_pages_the_rows_with_problems(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await set_quota(siaga, 10)
    boss = await make(siaga, "dinas", Role.ADMIN)
    good = [await file(siaga, f"warga-sah-{i}", serial=60 + i) for i in range(3)]
    for ref in good:
        await review_approve(siaga, boss, ref)
    token = csrf(await signed_in(siaga, web, "dinas"))
    bad = [f"SALAH-{i:03d}" for i in range(120)]
    body = "nomor_usulan\n" + "\n".join([good[0], *bad[:60], good[1], *bad[60:], good[2],
                                        good[2]]) + "\n"  # fmt: skip
    first = await upload(siaga, web, token, "bpjs.csv", body.encode())
    assert first.status_code == 200
    assert "3 baris bisa diterapkan, 121 baris bermasalah" in first.text
    shown = re.findall(r"SALAH-\d{3}", first.text)
    assert shown == bad[:50]  # the first page of problems, in the file's order
    later = re.search(r'href="([^"]*halaman=2[^"]*)"', first.text)
    assert later, "a link to the next page of problems"
    second = await web.get(later.group(1).replace("&amp;", "&"))
    assert re.findall(r"SALAH-\d{3}", second.text) == bad[50:100]
    third = await web.get(later.group(1).replace("&amp;", "&").replace("halaman=2", "halaman=3"))
    rest = re.findall(r"SALAH-\d{3}", third.text)
    assert rest == bad[100:] and "sudah ada di baris" in third.text
    kept = re.search(r'name="unggahan" value="(\d+)"', third.text)
    assert kept
    applied = await web.post("/konsol/peserta/terapkan",
                             data={"csrf": token, "unggahan": kept.group(1)})  # fmt: skip
    listing = await web.get(applied.headers["location"])
    assert "Diterapkan: 3 terdaftar, 0 tidak bisa ditandai" in listing.text
    assert [(await nomination(siaga, r)).status.value for r in good] == ["registered"] * 3
    again = await web.post("/konsol/peserta/terapkan",
                           data={"csrf": token, "unggahan": kept.group(1)})  # fmt: skip
    assert "unggah lagi" in (await web.get(again.headers["location"])).text.lower()


async def test_health_answers_while_a_file_is_read(
    siaga: App, web: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read in a thread: held there, the event loop still answers /healthz (on
    the loop, the wait below would have blocked everything, /healthz included)."""
    token = await dinas(siaga, web)
    reading, release = threading.Event(), threading.Event()
    released_in_time: list[bool] = []
    real = bpjs_file.read_refs

    def held(name: str, data: bytes) -> bpjs_file.Table:
        reading.set()
        released_in_time.append(release.wait(5))
        return real(name, data)

    monkeypatch.setattr(bpjs_file, "read_refs", held)
    sent = asyncio.create_task(upload(siaga, web, token, "bpjs.csv", b"nomor_usulan\nPJK-AAAAA\n"))
    assert await asyncio.to_thread(reading.wait, 10)
    health = await asyncio.wait_for(web.get("/healthz"), 4)
    assert health.json() == {"status": "ok"} and not sent.done()
    release.set()
    assert (await sent).status_code == 200 and released_in_time == [True]


async def _approved(siaga: App, count: int) -> list[str]:
    """`count` approved nominations, each with its resident (told when registered)."""
    from sqlalchemy import update

    from bot.db import schema as t
    from domain.reference import ALPHABET, PREFIX
    from handlers.core.messages import UserRef

    refs = []
    async with siaga.store() as store:
        now = siaga.clock()
        for i in range(count):
            code = "".join(ALPHABET[(i // len(ALPHABET) ** k) % len(ALPHABET)] for k in range(5))
            ref = f"{PREFIX}-{code}"
            resident = await store.person(UserRef("console", f"peserta-{i}"), "id", now)
            await store.add_nomination(
                ref=ref, person_id=resident.id, filed_by=resident.id,
                kelurahan_code="35.77.01.1009", name="Warga Uji",
                nik=nik_for(40, serial=3000 + i), nik_masked="3577 01•• •••• 0001", answers={},
                verdict="likely_eligible", reasons=[], priority=0, now=now,
            )  # fmt: skip
            refs.append(ref)
        await store.conn.execute(update(t.nominations).values(status="approved"))
        await store.commit()
    return refs


async def test_applying_a_big_file_lets_chat_updates_through_between_batches(
    siaga: App, web: httpx.AsyncClient
) -> None:
    """Review of the issue-26 fixes, finding 8: "apply" registered every reference of the
    file (about five statements each) in one unit of work, holding SQLite's write lock (and
    the event loop, where SQLite's statements run) for the whole file. Now it goes in
    batches, each its own unit: a chat update waits for one batch, not for the file."""
    from datetime import UTC, datetime

    siaga.clock = lambda: datetime(2026, 12, 20, 3, 0, tzinfo=UTC)
    refs = await _approved(siaga, 1200)
    await make(siaga, "dinas", Role.ADMIN)
    token = csrf(await signed_in(siaga, web, "dinas"))
    body = "nomor_usulan\n" + "\n".join(refs) + "\n"
    sent = await web.post("/konsol/peserta/pratinjau", data={"csrf": token, "mulai": "2027-01-01"},
                          files={"berkas": ("bpjs.csv", body.encode(), "text/csv")})  # fmt: skip
    preview = await web.get(sent.headers["location"])
    kept = re.search(r'name="unggahan" value="([^"]+)"', preview.text)
    assert kept and "1.200 baris bisa diterapkan" in preview.text
    done: dict[str, float] = {}

    async def apply() -> httpx.Response:
        r = await web.post("/konsol/peserta/terapkan", data={"csrf": token,
                                                              "unggahan": kept.group(1)})  # fmt: skip
        done["apply"] = asyncio.get_running_loop().time()
        return r

    async def chat() -> None:
        await asyncio.sleep(0.05)  # the apply is under way
        assert await Person(siaga, "warga-sela").say("halo")
        done["chat"] = asyncio.get_running_loop().time()

    applied, _ = await asyncio.gather(apply(), chat())
    listing = await web.get(applied.headers["location"])
    assert "Diterapkan: 1.200 terdaftar, 0 tidak bisa ditandai" in listing.text
    assert done["chat"] < done["apply"]  # answered between two batches, not after the file
    assert (await nomination(siaga, refs[-1])).status.value == "registered"
