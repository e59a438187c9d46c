"""The web console in a real browser (issue 19): Debian's Chromium driven by Selenium through
chromedriver, against the real HTTP app served by uvicorn on loopback. Each page is checked
with axe-core (serious or critical violations fail) and photographed.

Skipped where no Chromium is installed, unless SIAGA_BROWSER=required (CI installs it)."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from bot.app import App
from handlers.core.records import Role
from tests.conftest import sqlite_only
from tests.test_console import LINK
from tests.test_review import KELUN, file, make, nomination, set_quota

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ROOT = Path(__file__).resolve().parent.parent
AXE = Path(os.environ.get("SIAGA_AXE_JS", ROOT / ".ci/node/node_modules/axe-core/axe.min.js"))
T = TypeVar("T")
AXE_SOURCE = AXE.read_text(encoding="utf-8") if AXE.exists() else ""

if not (Path(CHROMIUM).exists() and Path(DRIVER).exists() and AXE.exists()):
    if os.environ.get("SIAGA_BROWSER") == "required":
        raise RuntimeError(
            "SIAGA_BROWSER=required but Chromium, chromedriver or axe-core is missing"
        )
    pytest.skip(
        "no Chromium/chromedriver/axe-core here (CI installs them)", allow_module_level=True
    )

from selenium import webdriver  # noqa: E402  (only where a browser exists)
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

pytestmark = sqlite_only("one browser run is enough: the pages do not depend on the database")


def _gone(element: Any) -> bool:
    """Whether a page's element has left the document. Chrome answers a node of a page being
    replaced with a stale reference or, mid-replacement, with "Node with given id does not
    belong to the document" (a plain WebDriverException that selenium's staleness_of lets
    through: CI, loaded); either means the page is going."""
    try:
        element.is_enabled()
    except WebDriverException:
        return True
    return False


class Browser:
    """A headless Chromium; every call runs in a thread so the server keeps serving."""

    def __init__(self, base: str, profile: Path, shots: Path) -> None:
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    f"--user-data-dir={profile}"):  # fmt: skip
            opts.add_argument(arg)
        self.driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
        self.base, self.shots = base, shots

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.to_thread(fn, *args)

    async def open(self, path: str) -> str:
        await self.run(self.driver.get, self.base + path)
        return str(await self.run(lambda: self.driver.page_source))

    async def click(self, css: str, then: str = "") -> str:
        """Click, and when a page follows, wait until it shows `then` (a CSS selector): the
        old page gone first, since `then` (".note") may be on it too (CI, loaded: the claim's
        third step read the second step's page)."""
        element = await self.run(self.driver.find_element, By.CSS_SELECTOR, css)
        old = await self.run(self.driver.find_element, By.TAG_NAME, "html")
        await self.run(element.click)
        if then:
            wait = WebDriverWait(self.driver, 10)
            await self.run(wait.until, lambda _driver: _gone(old))
            await self.run(wait.until, ec.presence_of_element_located((By.CSS_SELECTOR, then)))
        return str(await self.run(lambda: self.driver.page_source))

    async def text(self, css: str) -> str:
        element = await self.run(self.driver.find_element, By.CSS_SELECTOR, css)
        return str(await self.run(lambda: element.text))

    async def accessible(self, name: str) -> None:
        """axe-core on the page as shown; a serious or critical violation fails the test."""
        await self.run(self.driver.execute_script, AXE_SOURCE)
        result = await self.run(self.driver.execute_async_script, """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));
        """)  # fmt: skip
        bad = [f"{v['id']} ({v['impact']}): {v['help']}" for v in result
               if v.get("impact") in ("serious", "critical")]  # fmt: skip
        await self.run(self.driver.save_screenshot, str(self.shots / f"{name}.png"))
        assert not bad, f"{name}: " + "; ".join(bad)

    def quit(self) -> None:
        self.driver.quit()


@pytest.fixture
async def served(siaga: App) -> AsyncIterator[str]:
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = uvicorn.Server(uvicorn.Config(siaga.web(None), host="127.0.0.1", port=port,
                                           log_config=None, access_log=False))  # fmt: skip
    task = asyncio.create_task(server.serve())
    for _ in range(200):  # uvicorn says when it listens only by this flag
        if server.started:
            break
        await asyncio.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


@pytest.fixture
async def browser(served: str, tmp_path: Path) -> AsyncIterator[Browser]:
    shots = Path(os.environ.get("SIAGA_SCREENSHOTS", tmp_path / "shots"))
    await asyncio.to_thread(shots.mkdir, parents=True, exist_ok=True)
    b = await asyncio.to_thread(Browser, served, tmp_path / "profile", shots)
    yield b
    await asyncio.to_thread(b.quit)
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


async def sign_in(siaga: App, b: Browser, who: str) -> None:
    from tests.harness import Person

    chat = Person(siaga, who)
    await chat.say("/masuk")
    found = LINK.search(chat.text)
    assert found
    await b.open(found.group(1))
    await b.click("#masuk", then="nav")  # opening the link spends nothing; the button does


async def test_a_lurah_signs_in_approves_and_sees_the_quota_change(
    siaga: App, browser: Browser
) -> None:
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    ref = await file(siaga, "warga-browser")
    other = await nomination(siaga, await file(siaga, "warga-lain", kelurahan="kel taman",
                                               serial=8))  # fmt: skip
    await sign_in(siaga, browser, "lk")
    assert await browser.text("#kuota-sisa") == "10"
    await browser.accessible("ringkasan")
    await browser.open("/konsol/antrean")
    await browser.accessible("antrean")
    page = await browser.open("/konsol/antrean?menunggu=%C2%B2")  # issue 26 item 7: named
    assert "Menunggu paling sedikit (hari): isi angka bulat dari 0 sampai 999" in page
    await browser.accessible("antrean-isian-salah")
    await browser.click("a[href^='/konsol/usulan/']", then="#setujui")
    assert ref in await browser.text("h1")
    await browser.accessible("usulan")
    page = await browser.click("#setujui", then=".note")
    assert "Warga sudah diberi tahu" in page
    assert "disetujui" in (await browser.text("#status")).lower()
    await browser.open("/konsol/")
    assert await browser.text("#kuota-sisa") == "9"
    refused = await browser.open(f"/konsol/usulan/{other.id}")  # another kelurahan's
    assert "Tidak ditemukan" in refused
    await browser.accessible("ditolak")


async def test_a_used_link_is_refused_with_a_clear_page(siaga: App, browser: Browser) -> None:
    from tests.harness import Person

    await make(siaga, "lk", Role.LURAH, KELUN)
    chat = Person(siaga, "lk")
    await chat.say("/masuk")
    found = LINK.search(chat.text)
    assert found
    await browser.open(found.group(1))
    await browser.accessible("masuk")
    await browser.click("#masuk", then="nav")
    again = await browser.open(found.group(1))
    assert "Tautan tidak berlaku" in again and "/masuk" in again
    await browser.accessible("tautan-tidak-berlaku")


async def test_the_dinas_pages_are_accessible(siaga: App, browser: Browser) -> None:
    from tests.helpers import name_admin

    await set_quota(siaga, 10)
    name_admin(siaga, "console", "dinas")
    await make(siaga, "dinas", Role.ADMIN)
    await make(siaga, "lk", Role.LURAH, KELUN)
    await file(siaga, "warga-dinas", serial=31)
    await sign_in(siaga, browser, "dinas")
    for path, name in (("/konsol/petugas", "petugas"), ("/konsol/audit", "audit"),
                       ("/konsol/ekspor", "ekspor"), ("/konsol/usulkan", "usulkan")):  # fmt: skip
        await browser.open(path)
        await browser.accessible(name)
    await browser.open("/konsol/petugas")
    page = await browser.click("form[action='/konsol/petugas/undang'] button", then="#kode")
    assert "Kode undangan dibuat" in page


async def test_a_broadcast_is_previewed_sent_and_followed_to_the_end(
    siaga: App, browser: Browser, fake: object
) -> None:
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer

    from bot.delivery.sender import RateLimit
    from tests.fake_telegram import TOKEN, FakeTelegram
    from tests.helpers import name_admin
    from tests.test_broadcast import person

    assert isinstance(fake, FakeTelegram)
    for i in range(3):
        await person(siaga, str(700 + i), opt_in=True)
    name_admin(siaga, "console", "dinas")
    await make(siaga, "dinas", Role.ADMIN)
    await sign_in(siaga, browser, "dinas")
    await browser.open("/konsol/siaran")
    await browser.accessible("siaran")
    element = await browser.run(browser.driver.find_element, By.ID, "teks")
    await browser.run(element.send_keys, "Pendaftaran Pro JKK-JKM dibuka, {nama}.")
    page = await browser.click("#pratinjau-tombol", then="#kirim")
    assert (
        "Akan dikirim ke 3 orang" in page and "Pendaftaran Pro JKK-JKM dibuka, Bapak/Ibu." in page
    )
    page = await browser.click("#kirim", then="#kemajuan")
    assert "terkirim 0 dari 3" in page and "data-live" in page
    await browser.accessible("siaran-berjalan")
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url)))
    channel = siaga.telegram(bot)
    sender = siaga.sender({"telegram": channel}, RateLimit(per_second=100, per_chat_interval=0))
    try:
        while await sender.send_once():
            pass
    finally:
        await channel.close()
    wait = WebDriverWait(browser.driver, 15)  # the page reloads itself: no click needed
    await browser.run(wait.until, ec.text_to_be_present_in_element((By.ID, "kemajuan"),
                                                                    "terkirim 3 dari 3"))  # fmt: skip
    assert "selesai: terkirim 3 dari 3" in await browser.text("#kemajuan")
    assert len([s for s in fake.sent if "Pendaftaran Pro JKK-JKM" in s.text]) == 3


async def test_a_bpjs_file_with_one_bad_row_is_uploaded_in_the_browser(
    siaga: App, browser: Browser, tmp_path: Path
) -> None:
    from tests.helpers import name_admin
    from tests.test_console import review_approve

    await set_quota(siaga, 10)
    name_admin(siaga, "console", "dinas")
    boss = await make(siaga, "dinas", Role.ADMIN)
    ref = await file(siaga, "warga-unggah", serial=61)
    await review_approve(siaga, boss, ref)
    upload = tmp_path / "konfirmasi-bpjs.csv"
    await asyncio.to_thread(upload.write_text, f"nomor_usulan\n{ref}\nBUKAN-NOMOR\n", "utf-8")
    await sign_in(siaga, browser, "dinas")
    await browser.open("/konsol/peserta")
    await browser.accessible("peserta")
    field = await browser.run(browser.driver.find_element, By.ID, "berkas")
    await browser.run(field.send_keys, str(upload))
    page = await browser.click("#pratinjau-unggah", then="#pratinjau")
    assert "1 baris bisa diterapkan, 1 baris bermasalah" in page and "bukan nomor usulan" in page
    await browser.accessible("peserta-pratinjau")
    page = await browser.click("#terapkan", then=".note")
    assert "Diterapkan: 1 terdaftar" in page and ref in page


async def test_a_long_list_of_problem_rows_is_paged_in_the_browser(
    siaga: App, browser: Browser, tmp_path: Path
) -> None:
    """Issue 26 item 6: counts, then the rows with problems fifty at a time."""
    from tests.helpers import name_admin

    name_admin(siaga, "console", "dinas")
    await make(siaga, "dinas", Role.ADMIN)
    upload = tmp_path / "konfirmasi-panjang.csv"
    rows = "\n".join(f"SALAH-{i:03d}" for i in range(120))
    await asyncio.to_thread(upload.write_text, f"nomor_usulan\n{rows}\n", "utf-8")
    await sign_in(siaga, browser, "dinas")
    await browser.open("/konsol/peserta")
    field = await browser.run(browser.driver.find_element, By.ID, "berkas")
    await browser.run(field.send_keys, str(upload))
    page = await browser.click("#pratinjau-unggah", then="#pratinjau")
    assert "0 baris bisa diterapkan, 120 baris bermasalah" in page
    assert "SALAH-049" in page and "SALAH-050" not in page
    await browser.accessible("peserta-pratinjau-halaman")
    page = await browser.click(".pages a", then="#pratinjau")
    assert "SALAH-050" in page and "SALAH-099" in page and "SALAH-049" not in page


async def test_a_lurah_approves_inline_from_the_queue(siaga: App, browser: Browser) -> None:
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    ref = await file(siaga, "warga-inline", serial=91)
    await sign_in(siaga, browser, "lk")
    await browser.open("/konsol/antrean")
    await browser.run(browser.driver.execute_script, "window.confirm = () => true;")
    await browser.click("form[data-inline] button")
    wait = WebDriverWait(browser.driver, 10)
    await browser.run(wait.until, ec.presence_of_element_located((By.CSS_SELECTOR, "td .note")))
    assert "Warga sudah diberi tahu" in await browser.text("td .note")
    assert (await nomination(siaga, ref)).status.value == "approved"
    await browser.accessible("antrean-setuju")


async def test_the_pages_fit_a_phone(siaga: App, browser: Browser) -> None:
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    n = await nomination(siaga, await file(siaga, "warga-hp", serial=95))
    await browser.run(browser.driver.set_window_size, 390, 844)  # a common phone, portrait
    await sign_in(siaga, browser, "lk")
    for path, name in (("/konsol/", "hp-ringkasan"), ("/konsol/antrean", "hp-antrean"),
                       (f"/konsol/usulan/{n.id}", "hp-usulan")):  # fmt: skip
        await browser.open(path)
        wide = await browser.run(browser.driver.execute_script,
                                 "return document.documentElement.scrollWidth - window.innerWidth;")  # fmt: skip
        assert wide <= 0, f"{path} is {wide}px wider than the phone"  # tables scroll inside
        await browser.accessible(name)


async def test_a_claim_case_is_followed_to_the_payout_in_the_browser(
    siaga: App, browser: Browser
) -> None:
    """Issue 20: the claims list and a case's page, each step a plain form, the family told;
    both pages checked by axe."""
    from tests.helpers import name_admin
    from tests.test_claims import participant, report_by_nik
    from tests.test_handover import inbox

    ref = await participant(siaga)
    name_admin(siaga, "console", "dinas")
    await make(siaga, "dinas", Role.ADMIN)
    assert "kasus #1" in await report_by_nik(siaga, "keluarga", ref, relation="Keluarga")
    await sign_in(siaga, browser, "dinas")
    await browser.open("/konsol/klaim")
    await browser.accessible("klaim")
    await browser.click("a[href='/konsol/klaim/1']", then="#langkah-documents")
    assert ref in await browser.run(lambda: browser.driver.page_source)
    await browser.accessible("kasus-klaim")
    await browser.click("#langkah-documents", then=".note")
    await browser.click("#langkah-submitted", then=".note")
    field = await browser.run(browser.driver.find_element, By.CSS_SELECTOR, "#jumlah")
    await browser.run(field.send_keys, "42000000")
    page = await browser.click("#langkah-paid", then=".note")
    assert "Dibayar: Rp42.000.000" in page and "keluarga sudah diberi tahu" in page
    assert "santunan Rp42.000.000 sudah dibayarkan" in (await inbox(siaga, "keluarga"))[-1]


async def test_the_dinas_labels_a_message_on_the_learning_page_in_the_browser(
    siaga: App, browser: Browser
) -> None:
    """Issue 27: a message Siaga did not understand, masked, labelled with a plain form (no
    script), and an answer's typed value; the page checked by axe and photographed."""
    from selenium.webdriver.support.select import Select

    from tests.harness import Person
    from tests.helpers import Puzzled, name_admin

    # what the model makes of made-up words is not this test's business: "plonk" reads as nothing
    siaga.conversations.reader = Puzzled(siaga.conversations.reader, "plonk")
    await Person(siaga, "warga-belajar").say("nama saya Budi Santoso, zzqx plonk wibble")
    await Person(siaga, "warga-umur").say("seket telu wobble plonk")
    name_admin(siaga, "console", "dinas")
    await make(siaga, "dinas", Role.ADMIN)
    await sign_in(siaga, browser, "dinas")
    page = await browser.open("/konsol/pelajari")
    assert "nama saya {name}, zzqx plonk wibble" in page and "Budi" not in page
    await browser.accessible("pelajari")
    await browser.run(browser.driver.set_window_size, 390, 844)  # and on a phone
    await browser.open("/konsol/pelajari")
    wide = await browser.run(browser.driver.execute_script,
                             "return document.documentElement.scrollWidth - window.innerWidth;")  # fmt: skip
    assert wide <= 0, f"the learning page is {wide}px wider than the phone"
    await browser.run(browser.driver.set_window_size, 1280, 1000)
    await browser.open("/konsol/pelajari")
    choose = await browser.run(browser.driver.find_element, By.ID, "arti-1")
    await browser.run(Select(choose).select_by_value, "help")
    page = await browser.click("#label-1", then=".note")
    assert "Label disimpan" in page and 'id="pesan-1"' not in page
    choose = await browser.run(browser.driver.find_element, By.ID, "arti-2")
    await browser.run(Select(choose).select_by_value, "answer:age=")
    value = await browser.run(browser.driver.find_element, By.ID, "nilai-2")
    await browser.run(value.send_keys, "53")
    page = await browser.click("#label-2", then=".note")
    assert "Label disimpan" in page and "0 pesan menunggu label; 2 sudah berlabel" in page
    await browser.accessible("pelajari-selesai")


async def test_the_service_page_shows_the_late_ones_red_in_the_browser(
    siaga: App, browser: Browser
) -> None:
    """Issue 30 item 2: the Layanan page after Idulfitri 2027, the late kelurahan and officer
    red and said in words (axe's colour-contrast rule checks the red too); photographed."""
    from tests.test_service_levels import two_questions_over_lebaran

    await two_questions_over_lebaran(siaga)
    await sign_in(siaga, browser, "dinas")
    page = await browser.open("/konsol/layanan")
    assert "1 dari 2 (50%)" in page
    await browser.accessible("layanan")
    late = await browser.text("#tabel-kelurahan tr.late")
    assert "terlambat" in late  # a word, not only a colour
    colour = await browser.run(browser.driver.execute_script, """
        const row = document.querySelector('#tabel-kelurahan tr.late th');
        return getComputedStyle(row).color;""")  # fmt: skip
    assert colour == "rgb(164, 0, 15)", colour  # --late
    await browser.run(browser.driver.set_window_size, 390, 844)  # and on a phone
    await browser.open("/konsol/layanan")
    wide = await browser.run(browser.driver.execute_script,
                             "return document.documentElement.scrollWidth - window.innerWidth;")  # fmt: skip
    assert wide <= 0, f"the service page is {wide}px wider than the phone"


async def test_a_lurah_answers_a_resident_s_question_in_the_browser(
    siaga: App, browser: Browser
) -> None:
    """Issue 30 item 1: the questions page and a question's own page, hold, the FAQ's words
    inserted with one click, sent and closed; each checked by axe and photographed."""
    from datetime import UTC, datetime, timedelta

    from tests.harness import Person
    from tests.test_handover import inbox

    start = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # Wednesday 10.00 WIB
    now = [start]
    siaga.clock = lambda: now[0]
    await set_quota(siaga, 10)
    await make(siaga, "lk", Role.LURAH, KELUN)
    await file(siaga, "warga-tanya")
    warga = Person(siaga, "warga-tanya")
    await warga.say("tanya petugas")
    await warga.say("Iurannya nanti saya bayar sendiri atau gratis?")
    now[0] = start + timedelta(hours=2)
    other = Person(siaga, "warga-kedua")
    await other.say("tanya petugas")
    await other.say("Apakah ojek pangkalan boleh ikut?")
    now[0] = start + timedelta(hours=4)
    await sign_in(siaga, browser, "lk")
    page = await browser.open("/konsol/tiket")
    assert "Iurannya nanti" in page and "4:00" in page
    await browser.accessible("tiket")
    await browser.click("a[href='/konsol/tiket/1']", then="#pegang")
    await browser.accessible("tiket-pertanyaan")
    await browser.click("#pegang", then="#faq-premium")
    page = await browser.click("#faq-premium", then="#teks")
    assert "Iuran BPJS Ketenagakerjaan peserta Pro JKK-JKM" in await browser.run(
        lambda: browser.driver.find_element(By.ID, "teks").get_attribute("value")
    )
    await browser.accessible("tiket-jawab")
    page = await browser.click("#kirim", then=".note")
    assert "Terkirim ke warga (tiket #1)" in page
    assert (await inbox(siaga, "warga-tanya"))[-1].startswith(
        "Petugas Kelurahan Kelun: Iuran BPJS Ketenagakerjaan peserta Pro JKK-JKM"
    )
    page = await browser.click("#tutup", then=".note")
    assert "Tiket #1 ditutup" in page
    assert "Seberapa membantu" in (await inbox(siaga, "warga-tanya"))[-1]
    await browser.run(browser.driver.set_window_size, 390, 844)  # and on a phone
    for path in ("/konsol/tiket", "/konsol/tiket/1"):
        await browser.open(path)
        wide = await browser.run(browser.driver.execute_script,
                                 "return document.documentElement.scrollWidth - window.innerWidth;")  # fmt: skip
        assert wide <= 0, f"{path} is {wide}px wider than the phone"
    await browser.accessible("hp-tiket")
