"""The one entry for every update, from every channel: ordered per person, handled in one
transaction, acknowledged, its replies sent with the one retry policy and settled.

An update's task finishes once its state is committed (a webhook answers 200 then); the
replies leave on a second per-person queue, so a slow platform never holds the webhook and one
person's replies still arrive in order. A reply that still cannot go after the policy's quick
tries is left to the outbox sender (its row stays pending), never dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from bot.channels.port import Channel, Delivered, Delivery, Inbound, Parsed
from bot.db import outbox
from bot.db.engine import unavailable
from bot.delivery.handling import Conversations, Unavailable
from bot.delivery.ledger import ReplyLedger
from bot.delivery.media import MediaForwarder
from bot.delivery.policy import POLICY, RetryPolicy
from bot.delivery.serial import KeyedSerial
from handlers.messages import Outgoing, Reply

log = logging.getLogger("siaga.delivery")


def refused_for_now(exc: BaseException) -> bool:
    """The database could not take it (503: the platform delivers it again), not a bug."""
    return isinstance(exc, Unavailable) or unavailable(exc)


class Dispatcher:
    def __init__(
        self, conversations: Conversations, ledger: ReplyLedger, policy: RetryPolicy = POLICY
    ) -> None:
        self.conversations = conversations
        self.ledger = ledger
        self.policy = policy
        self.handling = KeyedSerial()  # per person: updates handled in arrival order
        self.outgoing = KeyedSerial()  # per person: replies leave in order

    # --- in -----------------------------------------------------------------------------------
    def submit(self, channel: Channel, item: Inbound) -> asyncio.Task[None]:
        """Queue an update behind the same person's earlier ones; returns at once. The task
        ends when the update is committed, or raises (Unavailable: nothing was recorded)."""
        key = f"{channel.name}:{item.incoming.user.external_id}"
        return self.handling.submit(key, lambda: self._handle(channel, item, key))

    async def take(self, channel: Channel, parsed: Parsed) -> None:
        """Everything in one request (a webhook body, a polled update, a console line): the
        reports recorded, the ignored acknowledged, each message handled. Raises the first
        failure once all have finished, so the request can be refused and delivered again."""
        for ignored in parsed.ignored:
            await channel.acknowledge(ignored, answered=False)
        await self.ledger.record(parsed.reports)
        tasks = [self.submit(channel, item) for item in parsed.inbound]
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result

    async def take_batch(self, channel: Channel, raws: Sequence[Any]) -> bool:
        """A batch of requests (Telegram's getUpdates); False when the database could not
        take some of it, so the batch is not confirmed and comes again. Other failures are
        logged and skipped: one broken update must not stall the batches after it."""
        results = await asyncio.gather(*(self.take(channel, channel.parse(r)) for r in raws),
                                       return_exceptions=True)  # fmt: skip
        refused = False
        for r in results:
            if isinstance(r, Exception):
                if refused_for_now(r):
                    refused = True
                else:
                    log.error("an update failed and is skipped: %s", type(r).__name__)
        return not refused

    async def _handle(self, channel: Channel, item: Inbound, key: str) -> None:
        try:
            out = await self.conversations.handle(item.incoming)
        except Exception:
            await channel.acknowledge(item, answered=False)
            raise
        self.outgoing.submit(key, lambda: self._reply(channel, item, out))

    async def _reply(self, channel: Channel, item: Inbound, out: Outgoing) -> None:
        await channel.acknowledge(item, answered=bool(out.replies))
        user = item.incoming.user
        outcome = await self.send(channel, user.external_id, out)
        self.ledger.settle(out.receipt, outcome, (user.channel, user.external_id))

    # --- out ----------------------------------------------------------------------------------
    async def send(self, channel: Channel, to: str, out: Outgoing) -> str:
        """Replies to someone who just wrote, in order, tried at once a few times; returns
        the outcome for the ledger. The replies go one by one: when one cannot go, the rest
        waits with it (later replies would read out of order)."""
        for reply in out.replies:
            result = await self._try(channel, to, Outgoing(out.locale, [reply]))
            if result.status != Delivery.SENT:
                return result.status
        return Delivery.SENT

    async def _try(self, channel: Channel, to: str, out: Outgoing) -> Delivered:
        result = Delivered(Delivery.RETRY)
        for attempt in range(1, self.policy.at_once + 1):
            try:
                result = await channel.deliver(to, out)
            except Exception as exc:  # a bug in a channel must not lose the reply
                log.exception("%s could not deliver a reply", channel.name)
                result = Delivered(Delivery.RETRY, error=type(exc).__name__)
            if result.status != Delivery.RETRY:
                return result
            if attempt < self.policy.at_once:
                await asyncio.sleep(max(self.policy.wait(attempt, result),
                                        channel.limits.per_chat_interval))  # fmt: skip
        return result

    async def deliver_waiting(self, channel: Channel, to: str) -> None:
        """Messages others sent this person while no sender ran for the channel (the
        console shows them when the person comes back)."""
        async with self.conversations.db.store() as store:
            rows = await outbox.pending_for(store.conn, channel.name, to)
        sent = []
        media = MediaForwarder(self.conversations.db, {channel.name: channel}, 0)
        for row in rows:
            out = Outgoing(row.locale, [Reply.from_json(data) for data in row.payload])
            out = await media.resolve(channel, out)
            if (await channel.deliver(to, out)).status == Delivery.SENT:
                sent.append(row.id)
        if sent:
            async with self.conversations.db.store() as store:
                await outbox.mark_sent(store.conn, sent, self.conversations.clock())
                await store.commit()

    async def drain(self) -> None:
        await self.handling.drain()
        await self.outgoing.drain()
        await self.ledger.flush()
