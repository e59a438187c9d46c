"""The WhatsApp test rig: the real app and channel, a fake Graph API, signed webhook posts."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.app import App, build
from bot.channels.whatsapp.adapter import WhatsAppChannel
from bot.channels.whatsapp.client import WhatsAppClient
from bot.config import Settings
from tests.fake_whatsapp import (
    APP_SECRET,
    PHONE_ID,
    TOKEN,
    VERIFY_TOKEN,
    VERSION,
    FakeGraph,
    WaSent,
    reply_message,
    sign,
    text_message,
)  # fmt: skip

USER = "ID.1029384756"


@pytest.fixture
async def graph() -> AsyncIterator[FakeGraph]:
    g = FakeGraph()
    await g.start()
    yield g
    await g.stop()


class Wa:
    def __init__(self, siaga: App, channel: WhatsAppChannel, http: httpx.AsyncClient,
                 graph: FakeGraph) -> None:  # fmt: skip
        self.siaga, self.channel, self.http, self.graph = siaga, channel, http, graph

    async def post(self, payload: dict[str, Any], signature: str | None = "good") -> int:
        body = json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"}
        if signature == "good":  # Meta's own delivery: whoever wrote in it opened their window
            self.graph.heard(payload)
            headers["X-Hub-Signature-256"] = sign(body)
        elif signature is not None:
            headers["X-Hub-Signature-256"] = signature
        r = await self.http.post("/whatsapp/webhook", content=body, headers=headers)
        await self.siaga.dispatcher.drain()
        return r.status_code

    async def say(self, text: str, user: str = USER) -> str:
        before = len(self.graph.to(user))
        assert await self.post(text_message(user, text)) == 200
        return "\n".join(m.text for m in self.graph.to(user)[before:])

    def last(self, user: str = USER) -> WaSent:
        return self.graph.to(user)[-1]

    async def press(self, title: str, user: str = USER) -> str:
        for m in reversed(self.graph.to(user)):
            for shown, cid in m.choices:
                if shown == title:
                    before = len(self.graph.to(user))
                    is_list = m.body["interactive"]["type"] == "list"
                    assert await self.post(reply_message(user, cid, title, is_list)) == 200
                    return "\n".join(x.text for x in self.graph.to(user)[before:])
        raise AssertionError(f"no choice {title!r}: {[m.choices for m in self.graph.to(user)]}")


@pytest.fixture
async def wa(graph: FakeGraph, tmp_path: Path) -> AsyncIterator[Wa]:
    settings = Settings(data_dir=tmp_path / "data", quota_reminder="off",
                        whatsapp_template="siaga_siaran", whatsapp_app_secret=APP_SECRET,
                        whatsapp_verify_token=VERIFY_TOKEN)  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.whatsapp(WhatsAppClient(graph.base_url, VERSION, PHONE_ID, TOKEN))
    assert channel is not None
    graph.clock = siaga.time  # the window is kept on the test's clock
    app = siaga.web(None, "", channel)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://siaga") as http:  # fmt: skip
        yield Wa(siaga, channel, http, graph)
    await siaga.close()
    await channel.close()
