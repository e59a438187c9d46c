"""Two workers on one database (PostgreSQL in the PostgreSQL run): one person's updates take
turns, so none is lost; webhook junk is refused or ignored, never a 500."""

from __future__ import annotations

import asyncio
import json
import random
from pathlib import Path

from bot.app import build
from bot.config import Settings
from handlers.core.messages import Incoming, Kind, UserRef
from tests.fake_whatsapp import sign
from tests.whatsapp_harness import Wa


async def test_two_workers_never_lose_one_persons_updates(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", quota_reminder="off")
    one, two = await build(settings), await build(settings)
    user = UserRef("telegram", "4242")
    try:
        # each /bantuan bumps the conversation's version: a lost update would show as less
        await one.handle(Incoming(user, Kind.TEXT, text="/menu", update_id="u0"))
        jobs = [(one if i % 2 else two).handle(
                    Incoming(user, Kind.TEXT, text="/bantuan", update_id=f"u{i}"))
                for i in range(1, 41)]  # fmt: skip
        outs = await asyncio.gather(*jobs)
        assert all(o.replies for o in outs)  # every update handled, none refused as busy
        async with one.store() as store:
            conv = await store.conversation(
                (await store.person(user, "", one.context(store).now)).id
            )
        assert conv.version >= 41
        again = await two.handle(Incoming(user, Kind.TEXT, text="/bantuan", update_id="u7"))
        assert again.replies == []  # a replay, through the other worker: nothing
    finally:
        await one.close()
        await two.close()


async def test_a_thousand_malformed_webhook_bodies_never_break_the_webhook(wa: Wa) -> None:
    rnd = random.Random(7)
    shapes = [
        lambda: rnd.randbytes(rnd.randint(0, 300)),
        lambda: json.dumps(rnd.choice([None, 1, "x", [], [1, 2], {"entry": 5}])).encode(),
        lambda: json.dumps({"entry": [{"changes": [{"value": {"messages": [
            {"id": rnd.choice([None, 5, "w"]), "type": rnd.choice(["text", "interactive", 7]),
             "from": rnd.choice([None, [], "628"]), "text": rnd.choice([None, "x", {"body": 5}]),
             "interactive": rnd.choice([None, {"type": "list_reply"}, "x"])}]}}]}]}).encode(),
        lambda: json.dumps({"entry": [{"changes": [{"value": {"statuses": [
            {"id": rnd.choice([None, 1, "wamid.X"]), "status": rnd.choice(["failed", 3]),
             "errors": rnd.choice([None, "x", [{"code": "abc"}], [5]])}]}}]}]}).encode(),
    ]  # fmt: skip
    codes = set()
    for i in range(1000):
        body = shapes[i % len(shapes)]()
        signed = i % 5 != 0
        headers = {"X-Hub-Signature-256": sign(body)} if signed else {}
        r = await wa.http.post("/whatsapp/webhook", content=body, headers=headers)
        codes.add(r.status_code)
        assert r.status_code in (200, 400, 401), (r.status_code, body[:200])
    await wa.siaga.dispatcher.drain()
    assert codes >= {200, 400, 401}
    assert wa.graph.violations == []
