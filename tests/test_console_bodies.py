"""Issue 26 item 4: a request's body has a ceiling that holds before anything reads it.

A 300 MB POST to /konsol/keluar with no cookie took the process from 224 to 838 MB (the
console read the whole body, then asked who was there). Now every console body is counted
as it streams in and refused with 413 past its route's cap (a form: 20 kB; the BPJS upload:
its 5 MB file), and the server as a whole refuses anything larger than the largest body any
route takes, whatever the route."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx

from bot.app import App
from bot.web.limits import FORM, SERVER, UPLOAD, BodyLimit
from handlers.core.records import Role
from tests.harness import Person
from tests.test_console import csrf, signed_in
from tests.test_review import make

CHUNK = 65_536


class Endless:
    """A request body streamed in chunks, counting what the server pulled of it."""

    def __init__(self, chunks: int, head: bytes = b"") -> None:
        self.chunks, self.pulled, self.head = chunks, 0, head

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.head
        for _ in range(self.chunks):
            self.pulled += CHUNK
            yield b"a" * CHUNK


async def test_a_huge_console_post_without_a_cookie_is_refused_unread(
    web: httpx.AsyncClient,
) -> None:
    for path in ("/konsol/keluar", "/konsol/usulan/1/setujui", "/konsol/siaran/pratinjau",
                 "/konsol/petugas/undang", "/konsol/peserta/terapkan"):  # fmt: skip
        body = Endless(5000)  # 320 MB if it were all read
        r = await web.post(path, content=body)
        assert r.status_code == 413, (path, r.status_code)
        assert body.pulled <= FORM + CHUNK, (path, body.pulled)
        assert "terlalu" in r.text  # a page that says so, in the officer's language
    declared = await web.post("/konsol/keluar", content=b"x",
                              headers={"Content-Length": "300000000"})  # fmt: skip
    assert declared.status_code == 413


async def test_only_the_upload_takes_more_than_a_form(siaga: App, web: httpx.AsyncClient) -> None:
    await make(siaga, "dinas", Role.ADMIN)
    token = csrf(await signed_in(siaga, web, "dinas"))
    long_form = {"csrf": token, "teks": "a" * (FORM + 10), "penerima": "opted_in"}
    assert (await web.post("/konsol/siaran/pratinjau", data=long_form)).status_code == 413
    sheet = b"nomor_usulan\n" + b"PJK-AAAAA\n" * 100_000  # 1 MB: fine for the upload
    r = await web.post("/konsol/peserta/pratinjau", data={"csrf": token},
                       files={"berkas": ("bpjs.csv", sheet, "text/csv")})  # fmt: skip
    assert r.status_code != 413
    body = Endless(
        5000,
        head=(
            f'--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'
            f"{token}\r\n--x\r\nContent-Disposition: form-data; "
            'name="berkas"; filename="bpjs.csv"\r\n\r\n'
        ).encode(),
    )
    big = await web.post("/konsol/peserta/pratinjau", content=body,
                         headers={"Content-Type": "multipart/form-data; boundary=x"})  # fmt: skip
    assert big.status_code == 413 and body.pulled <= UPLOAD + CHUNK


async def test_the_server_caps_every_route_declared_or_streamed() -> None:
    """The outer guard, around any app that reads its whole body."""
    read: list[int] = []

    async def greedy(scope, receive, send):  # type: ignore[no-untyped-def]
        size = 0
        while True:
            message = await receive()
            size += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        read.append(size)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    guard = BodyLimit(greedy, lambda scope: SERVER)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=guard),
                                 base_url="http://siaga") as client:  # fmt: skip
        assert (await client.post("/any", content=b"small")).text == "ok"
        body = Endless(5000)
        r = await client.post("/any", content=body)
        assert r.status_code == 413 and body.pulled <= SERVER + CHUNK
        declared = await client.post("/any", content=b"x", headers={"Content-Length": "9" * 30})
        assert declared.status_code == 413
        junk = await client.post("/any", content=b"x", headers={"Content-Length": "1e9"})
        assert junk.status_code == 400
    assert read == [5]  # the refused bodies never reached the app whole


class Trickle:
    """A body that arrives a few bytes at a time, as from a slow (or hostile) line."""

    def __init__(self, pieces: list[bytes], pause: float) -> None:
        self.pieces, self.pause = pieces, pause

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece
            await asyncio.sleep(self.pause)


async def _answered_while(siaga: App, web: httpx.AsyncClient, path: str, body: Trickle,
                          headers: dict[str, str] | None = None) -> float:  # fmt: skip
    """How long a chat update takes while `body` trickles in to `path`."""
    posting = asyncio.create_task(web.post(path, content=body, headers=headers or {}))
    await asyncio.sleep(0.3)  # the request is in, its body is not
    started = time.monotonic()
    said = await Person(siaga, "warga-cepat").say("halo")
    took = time.monotonic() - started
    assert said  # answered, not refused
    await posting
    return took


async def test_a_slow_sign_out_body_holds_no_lock(siaga: App, web: httpx.AsyncClient) -> None:
    """Review of issue 26, finding 1: /konsol/keluar opened its unit of work (SQLite's write
    lock, a PostgreSQL transaction) and then read the body; a client with no cookie sending a
    byte every half second held every chat update back, up to 503 after 30 s."""
    slow = Trickle([b"csrf="] + [b"a"] * 6, 0.5)
    assert await _answered_while(siaga, web, "/konsol/keluar", slow) < 1.0


async def test_a_slow_upload_holds_no_lock(siaga: App, web: httpx.AsyncClient) -> None:
    """The same for the BPJS upload on a slow mobile line (after the gate: an officer)."""
    await make(siaga, "dinas", Role.ADMIN)
    token = csrf(await signed_in(siaga, web, "dinas"))
    head = (f'--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n--x\r\n'
            'Content-Disposition: form-data; name="berkas"; filename="bpjs.csv"\r\n\r\n'
            "nomor_usulan\r\n").encode()  # fmt: skip
    slow = Trickle([head] + [b"PJK-AAAAA\r\n"] * 6 + [b"\r\n--x--\r\n"], 0.5)
    took = await _answered_while(siaga, web, "/konsol/peserta/pratinjau", slow,
                                 {"Content-Type": "multipart/form-data; boundary=x"})  # fmt: skip
    assert took < 1.0
