"""One recogniser for "a NIK or a phone in text" (review of the issue-26 fixes, finding 6):
the log filter and the BPJS upload's kept bad rows mask every long number that
`domain.text.LONG_NUMBER` (the tickets' sealing) finds, however it is grouped. Before, they
knew only NIKs grouped 4-2-6-4, and "3577 0115 0386 0001" went through in clear."""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime

import httpx
from sqlalchemy import select

from bot.app import App
from bot.db import schema as t
from bot.logs import MaskingFilter, install_masking, mask_text
from handlers.core.records import Role
from tests.test_console import csrf, signed_in
from tests.test_review import make

NIK = "3577011503860001"
SPELLINGS = [
    "3577 0115 0386 0001",
    "3577-0115-0386-0001",
    "NIK:3577.01.15.03.86.0001",
    "3577 01 150386 0001",
    NIK,
    "３５７７０１１５０３８６０００１",  # fullwidth, as some keyboards type it
]
PHONES = ["0812-3456-7890", "+62 812 3456 7890", "081234567890", "0812.3456.7890"]


def test_every_spelling_is_masked_in_the_nik_form() -> None:
    for typed in SPELLINGS:
        masked = mask_text(f"kata warga: {typed} ya")
        assert masked == "kata warga: " + ("NIK:" if "NIK:" in typed else "") + (
            "3577 01•• •••• 0001 ya"
        ), typed
    for phone in PHONES:
        masked = mask_text(f"hp {phone}")
        assert "3456" not in masked and "7890" not in masked and "••••" in masked, phone
    assert mask_text("usulan PJK-7K3Q9, 12 baris, tgl 1-2") == "usulan PJK-7K3Q9, 12 baris, tgl 1-2"


def test_the_log_filter_masks_every_spelling() -> None:
    install_masking()
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(MaskingFilter())
    log = logging.getLogger("siaga.test-log-masking")
    log.addHandler(handler)
    try:
        for typed in SPELLINGS + PHONES:
            log.warning("could not read %s", typed)
    finally:
        log.removeHandler(handler)
    text = out.getvalue()
    for typed in SPELLINGS + PHONES:
        assert typed not in text, typed
    assert text.count("3577 01•• •••• 0001") == len(SPELLINGS)


async def test_the_upload_keeps_bad_rows_masked_however_the_nik_is_grouped(
    siaga: App, web: httpx.AsyncClient
) -> None:
    siaga.clock = lambda: datetime(2027, 1, 4, 3, 0, tzinfo=UTC)
    await make(siaga, "dinas", Role.ADMIN)
    token = csrf(await signed_in(siaga, web, "dinas"))
    body = "nomor_usulan\n" + "\n".join(s.replace(",", " ") for s in SPELLINGS + PHONES) + "\n"
    sent = await web.post("/konsol/peserta/pratinjau", data={"csrf": token, "mulai": "2027-01-10"},
                          files={"berkas": ("bpjs.csv", body.encode(), "text/csv")})  # fmt: skip
    assert sent.status_code == 303
    preview = await web.get(sent.headers["location"])
    async with siaga.store() as store:
        kept = str(list(await store.conn.execute(select(t.console_uploads.c.bad))))
    for typed in SPELLINGS + PHONES:
        assert typed not in preview.text and typed not in kept, typed
    assert "3577 01•• •••• 0001" in preview.text
