"""Kept replies are marked sent soon after the channel reports them, whenever the report comes,
even while the previous reports are being written, so the sender never sends them a second
time after its lease."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.app import App
from bot.channels.port import Delivery
from bot.db import schema as t
from handlers.core.messages import Incoming, Kind, UserRef


async def statuses(siaga: App) -> dict[int, str]:
    async with siaga.store() as store:
        rows = await store.conn.execute(select(t.outbox.c.id, t.outbox.c.status))
        return {rid: status for rid, status in rows}


async def test_a_report_made_during_a_write_is_written_too(
    siaga: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = [
        (await siaga.handle(Incoming(UserRef("telegram", ext), Kind.TEXT, text="halo"))).receipt
        for ext in ("701", "702")
    ]
    assert first is not None and second is not None  # kept until the channel reports them
    assert set((await statuses(siaga)).values()) == {"sending"}
    ledger, write = siaga.replies, siaga.replies.flush

    async def write_while_another_report_comes() -> None:
        await write()
        if second not in reported:  # the second reply is reported sent as the first is written
            reported.append(second)
            ledger.settle(second, Delivery.SENT)

    reported: list[int] = []
    monkeypatch.setattr(ledger, "flush", write_while_another_report_comes)
    ledger.settle(first, Delivery.SENT)
    await asyncio.sleep(1.0)  # and then nothing more is reported
    assert (await statuses(siaga)) == {first: "sent", second: "sent"}
