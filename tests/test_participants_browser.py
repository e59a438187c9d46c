"""The console's Perpanjangan page in a real Chromium (issue 29 item 4), checked by axe-core:
a lurah decides a renewal with the page's form. Skipped without a browser, as the console's
other browser tests (tests/test_console_browser.py)."""

from __future__ import annotations

from pathlib import Path

from bot.app import App
from handlers.core.records import Role
from tests.test_console_browser import Browser, browser, served, sign_in  # noqa: F401
from tests.test_console_browser import pytestmark as pytestmark
from tests.test_participants_linking import CITRA, LIST, load_list
from tests.test_participants_renewal import DEC1
from tests.test_review import TAMAN, make


async def test_a_lurah_decides_a_renewal_on_the_console_page(
    siaga: App,
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    siaga.clock = lambda: DEC1
    await load_list(siaga, tmp_path, LIST)
    await make(siaga, "lurah-taman", Role.LURAH, TAMAN)
    async with siaga.store() as store:
        citra = await store.participant_by_nik(CITRA)
    assert citra is not None
    await sign_in(siaga, browser, "lurah-taman")
    page = await browser.open("/konsol/perpanjangan")
    assert "Citra Dewi" in page and CITRA not in page
    await browser.accessible("perpanjangan")
    page = await browser.click(f"#putuskan-{citra.id}", then=".note")
    assert "Keputusan tersimpan" in page and "diperpanjang" in page
    await browser.accessible("perpanjangan-diputuskan")
