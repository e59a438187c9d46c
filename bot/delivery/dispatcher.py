"""The one entry for every update, from every channel: ordered per person, handled in one
transaction, acknowledged, its replies sent with the one retry policy and settled.

An update's task finishes once its state is committed (a webhook answers 200 then); the
replies leave on a second per-person queue, so a slow platform never holds the webhook and one
person's replies still arrive in order. A reply that still cannot go after the policy's quick
tries is left to the outbox sender (its row stays pending), never dropped.

One person's updates are taken in order even across a refusal (issue 26 item 20): when the
database refuses an update (503: the platform delivers it again), that person's later updates
are refused too until the refused one has come again and been handled, so an answer never
lands at the step of the one before it. Known per process: the refusal happened because the
database could not be written, so there is no shared place to record it at that moment. With
several workers, a later update reaching another worker is refused there too only when the
fault is shared (the database down or full); a fault of one worker alone (its own pool timing
out) lets the later update through on the other, out of order. After a restart, updates are
taken as they come.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any, NamedTuple

from bot.channels.port import Channel, Delivered, Delivery, Envelope, Inbound, Parsed
from bot.db import outbox
from bot.db.engine import unavailable
from bot.delivery.handling import Conversations, Handled, Unavailable
from bot.delivery.ledger import ReplyLedger
from bot.delivery.media import MediaForwarder
from bot.delivery.policy import POLICY, RetryPolicy
from bot.delivery.serial import KeyedSerial
from handlers.core.messages import Outgoing, Reply

log = logging.getLogger("siaga.delivery")


def refused_for_now(exc: BaseException) -> bool:
    """The database could not take it (503: the platform delivers it again), not a bug."""
    return isinstance(exc, Unavailable) or unavailable(exc)


# How long a person's later updates are refused while an earlier refused one has not come
# again. Telegram and Meta deliver a refused update again within seconds to minutes; a platform
# that gave up on it must not leave the person refused for good.
REFUSAL_HOLD = 15 * 60.0


class Refused(NamedTuple):
    update_id: str
    reason: str
    until: float  # monotonic


class Dispatcher:
    def __init__(
        self, conversations: Conversations, ledger: ReplyLedger, policy: RetryPolicy = POLICY,
        media: MediaForwarder | None = None,
    ) -> None:  # fmt: skip
        self.conversations = conversations
        self.ledger = ledger
        self.policy = policy
        # files named by kept media rows, fetched from whichever channel they came from
        self.media = media or MediaForwarder(conversations.db, {}, 0)
        self.handling = KeyedSerial()  # per person: updates handled in arrival order
        self.outgoing = KeyedSerial()  # per person: replies leave in order
        self.refused: dict[str, Refused] = {}  # per person: their earliest update refused

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

    def _after_refusal(self, key: str, update_id: str) -> Refused | None:
        """The refusal this update must wait behind: an earlier one of the same person's, not
        handled yet (None: take it)."""
        earlier = self.refused.get(key)
        if earlier is None:
            return None
        if time.monotonic() > earlier.until:  # never delivered again: not held for good
            del self.refused[key]
            return None
        return None if earlier.update_id == update_id else earlier

    async def _handle(self, channel: Channel, item: Inbound, key: str) -> None:
        update_id = item.incoming.update_id
        earlier = self._after_refusal(key, update_id) if update_id else None
        if earlier is not None:
            await channel.acknowledge(item, answered=False)
            raise Unavailable(earlier.reason)
        try:
            handled = await self.conversations.take(item.incoming)
        except Exception as exc:
            if isinstance(exc, Unavailable) and update_id and key not in self.refused:
                now = time.monotonic()
                for gone in [k for k, r in self.refused.items() if now > r.until]:
                    del self.refused[gone]  # people who never wrote again
                self.refused[key] = Refused(update_id, exc.reason, now + REFUSAL_HOLD)
            await channel.acknowledge(item, answered=False)
            raise
        if update_id and key in self.refused:
            del self.refused[key]  # the refused one came again and is handled
        self.outgoing.submit(key, lambda: self._reply(channel, item, handled))

    async def _reply(self, channel: Channel, item: Inbound, handled: Handled) -> None:
        out = handled.out
        await channel.acknowledge(item, answered=bool(out.replies or handled.waited))
        user = item.incoming.user
        settled = (user.channel, user.external_id)
        stuck = False  # once one cannot go, what follows waits with it (in order)
        for waited in handled.waited:  # what waited for this person goes first, in order
            if stuck:
                self.ledger.settle(waited.out.receipt, Delivery.RETRY, settled, waited.pieces)
                continue
            try:
                resolved = await self.media.resolve(channel, waited.out)
            except Exception:  # the file's platform could not be reached: later
                log.warning("could not fetch a file for a waiting message; the sender retries")
                result = Delivered(Delivery.RETRY, pieces=waited.pieces)
            else:
                result = await self._try(channel, user.external_id, resolved, waited.pieces)
            stuck = result.status == Delivery.RETRY or result.outside_window
            self._settle(waited.out.receipt, result, settled)
            await self._refused_files(waited.recipient, result)
        if stuck:
            self.ledger.settle(out.receipt, Delivery.RETRY, settled)
            return
        self._settle(out.receipt, await self._try(channel, user.external_id, out), settled)

    def _settle(self, receipt: int | None, result: Delivered, user: tuple[str, str]) -> None:
        # refused as outside the window though the person just wrote: the sender tries once
        # more, and holds it for their next message if the platform still says so
        status = Delivery.RETRY if result.outside_window else result.status
        self.ledger.settle(receipt, status, user, result.pieces)

    async def _refused_files(self, recipient: int, result: Delivered) -> None:
        if result.unforwarded:
            try:
                await self.media.refused(recipient, result.unforwarded, self.conversations.clock())
            except Exception:  # best effort: the reader was told already
                log.exception("could not ask for a refused file again")

    # --- out ----------------------------------------------------------------------------------
    async def send(self, channel: Channel, to: str, out: Outgoing) -> str:
        """Replies to someone who just wrote, in order, tried at once a few times; returns
        the outcome for the ledger."""
        return (await self._try(channel, to, out)).status

    async def _try(self, channel: Channel, to: str, out: Outgoing, skip: int = 0) -> Delivered:
        """A few quick attempts. The channel sends the messages in order and stops at the
        first that cannot go (later ones would read out of order); each attempt skips the
        platform messages that already went, so nobody gets a piece twice (issue 26 item 13).
        The result's `pieces` counts every message of `out` that went, `skip` included."""
        result = Delivered(Delivery.RETRY)
        done = skip
        lost: tuple[int, ...] = ()
        for attempt in range(1, self.policy.at_once + 1):
            try:
                result = await channel.deliver(to, out, Envelope(skip=done))
            except Exception as exc:  # a bug in a channel must not lose the reply
                log.exception("%s could not deliver a reply", channel.name)
                result = Delivered(Delivery.RETRY, error=type(exc).__name__)
            done += result.pieces
            lost += result.unforwarded
            if result.status != Delivery.RETRY:
                break
            if attempt < self.policy.at_once:
                await asyncio.sleep(max(self.policy.wait(attempt, result),
                                        channel.limits.per_chat_interval))  # fmt: skip
        return result._replace(pieces=done, unforwarded=lost)

    async def deliver_waiting(self, channel: Channel, to: str) -> None:
        """Messages others sent this person while no sender ran for the channel (the
        console shows them when the person comes back)."""
        async with self.conversations.db.store() as store:
            rows = await outbox.pending_for(store.conn, channel.name, to)
        sent = []
        for row in rows:
            out = Outgoing(row.locale, [Reply.from_json(data) for data in row.payload])
            out = await self.media.resolve(channel, out)
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
