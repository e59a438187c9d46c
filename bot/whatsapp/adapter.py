"""WhatsApp messages in, replies and outbox messages out.

Each inbound message becomes one Incoming handled in one transaction, its message id (wamid)
recorded in that transaction, so a redelivered webhook changes nothing. A person is keyed by
the business-scoped user id (BSUID) when Meta sends one (a phone number may be missing once
usernames exist), else by the phone number. One person's messages run in order.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from bot.db import outbox
from bot.outcomes import Delivery
from bot.render import reply_text
from bot.sender import Delivered, RowInfo
from bot.serial import KeyedSerial
from bot.service import Siaga
from bot.whatsapp.client import OUTSIDE_WINDOW, PAIR_RATE, GraphError, WhatsAppClient
from bot.whatsapp.render import render
from handlers.messages import Incoming, Kind, Outgoing, UserRef

log = logging.getLogger("siaga.whatsapp")
CHANNEL = "whatsapp"
WINDOW = timedelta(hours=24)  # the customer-service window after the person's last message
_MEDIA = {"image", "sticker", "audio", "video", "document", "location", "reaction", "voice",
          "unsupported", "order"}  # fmt: skip


def _objects(value: Any) -> list[dict[str, Any]]:
    """The dicts of a list from a webhook body; anything else is ignored, not trusted."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _sender(m: dict[str, Any], contacts: list[dict[str, Any]]) -> str:
    if m.get("from_user_id"):
        return str(m["from_user_id"])
    for c in contacts:
        if c.get("user_id") and (len(contacts) == 1 or c.get("wa_id") == m.get("from")):
            return str(c["user_id"])
    return str(m.get("from") or "")


def incoming_from(m: dict[str, Any], contacts: list[dict[str, Any]]) -> Incoming | None:
    """The Incoming for one webhook message, or None for what is not a person writing."""
    who = _sender(m, contacts)
    kind = m.get("type")
    if not who or kind == "system" or not m.get("id"):
        return None
    user = UserRef(CHANNEL, who)
    uid = str(m["id"])
    if kind == "text":
        return Incoming(user, Kind.TEXT, text=str((m.get("text") or {}).get("body", "")),
                        update_id=uid)  # fmt: skip
    if kind == "interactive":
        inter = m.get("interactive") or {}
        picked = inter.get(inter.get("type", "")) or {}
        return Incoming(user, Kind.BUTTON, data=str(picked.get("id", "")), update_id=uid)
    if kind == "button":  # a template's quick-reply button
        return Incoming(user, Kind.BUTTON, data=str((m.get("button") or {}).get("payload", "")),
                        update_id=uid)  # fmt: skip
    if kind == "contacts":
        phones = [
            p.get("phone", "") for c in m.get("contacts") or [] for p in c.get("phones") or []
        ]
        if phones:
            return Incoming(user, Kind.CONTACT, phone=str(phones[0]), update_id=uid)
    return Incoming(user, Kind.MEDIA, update_id=uid)


def _needs_template(info: RowInfo, now: datetime) -> bool:
    """Only the approved template may reach someone outside the 24-hour window. A broadcast
    checks the window itself; any row goes as a template once Meta said 131047 about it."""
    if info.template:
        return True
    if info.kind != "broadcast":
        return False
    return info.last_inbound_at is None or now - info.last_inbound_at > WINDOW


class WhatsAppChannel:
    def __init__(
        self, siaga: Siaga, client: WhatsAppClient, template: str = "",
        template_language: str = "id", daily_budget: int = 250,
    ) -> None:  # fmt: skip
        self.siaga = siaga
        self.client = client
        self.template = template
        self.template_language = template_language
        self.daily_budget = daily_budget
        self.serial = KeyedSerial()
        self.outgoing = KeyedSerial()
        # people reached outside the window by this process, not yet written by the sender
        self._reached: dict[int, datetime] = {}
        self._budget_lock = asyncio.Lock()

    # --- inbound ------------------------------------------------------------------------------
    async def receive(self, data: dict[str, Any]) -> None:
        """Handle a verified webhook body; returns once every message in it is committed."""
        tasks = []
        for entry in _objects(data.get("entry")):
            for change in _objects(entry.get("changes")):
                value = change.get("value")
                if not isinstance(value, dict):
                    continue
                contacts = _objects(value.get("contacts"))
                for m in _objects(value.get("messages")):
                    try:
                        msg = incoming_from(m, contacts)
                    except (TypeError, AttributeError, ValueError):
                        msg = None  # a malformed message: nothing to handle
                    if msg is None:
                        continue
                    tasks.append(self.serial.submit(
                            msg.user.external_id, lambda msg=msg: self.process(msg)))  # type: ignore[misc]  # fmt: skip
                for s in _objects(value.get("statuses")):
                    await self.status(s)
        for task in tasks:
            await task

    async def process(self, msg: Incoming) -> None:
        out = await self.siaga.handle(msg)
        self.outgoing.submit(msg.user.external_id, lambda: self._reply(msg.user.external_id, out))

    async def _reply(self, to: str, out: Outgoing) -> None:
        self.siaga.replies.settle(out.receipt, await self.send(to, out))

    async def status(self, s: dict[str, Any]) -> None:
        """sent / delivered / read / failed for a message we sent through the outbox."""
        wamid, state = str(s.get("id") or "")[:128], str(s.get("status") or "")
        if not wamid or state not in ("sent", "delivered", "read", "failed"):
            return
        values: dict[str, Any] = {"delivery": state}
        async with self.siaga.store() as store:
            row = await outbox.by_provider_id(store.conn, wamid)
            if row is None:
                return
            if state == "failed":
                errors = _objects(s.get("errors")) or [{}]
                code = (
                    int(errors[0].get("code") or 0)
                    if str(errors[0].get("code") or "0").isdigit()
                    else 0
                )
                values.update(status="failed", last_error=str(code))
                if code == OUTSIDE_WINDOW and row.kind == "broadcast" and not row.template:
                    # the window had closed after all: the approved template goes instead
                    values.update(status="pending", template=True,
                                  next_attempt_at=self.siaga.clock())  # fmt: skip
            await outbox.record_delivery(store.conn, row.id, values)
            await store.commit()

    # --- outbound -----------------------------------------------------------------------------
    async def _post(self, to: str, message: dict[str, Any]) -> str:
        """One message with the retry policy for conversation replies: 5xx, throughput and
        pair-rate errors wait and try again; returns how it went (see bot.receipts)."""
        delay = 1.0
        for _ in range(5):
            try:
                await self.client.send(to, message)
                return Delivery.SENT
            except GraphError as exc:
                if not exc.transient:
                    log.warning("whatsapp refused a message: %s %s", exc.code, exc.message)
                    return Delivery.FAILED
                wait = 6.0 if exc.code == PAIR_RATE else delay
                await asyncio.sleep(wait)
                delay = min(delay * 2, 30)
        return Delivery.RETRY  # still unreachable: the outbox sender tries again later

    async def send(self, to: str, out: Outgoing) -> str:
        for reply in out.replies:
            for message in render(self.siaga.catalogue, reply, out.locale):
                outcome = await self._post(to, message)
                if outcome != Delivery.SENT:  # the rest would read out of order
                    return outcome
        return Delivery.SENT

    def _template(self, out: Outgoing) -> dict[str, Any]:
        body = "\n\n".join(reply_text(self.siaga.catalogue, r, out.locale) for r in out.replies)
        return {"type": "template", "template": {
            "name": self.template, "language": {"code": self.template_language},
            "components": [{"type": "body", "parameters": [{"type": "text", "text": body[:1024]}]}],
        }}  # fmt: skip

    async def _budget_wait(self, person_id: int) -> float:
        """Seconds until this person may be reached outside the window under the daily budget
        of distinct people (0: now). Counts what the database has and what this process sent
        since (the sender writes outcomes in batches)."""
        now = self.siaga.clock()
        since = now - WINDOW
        self._reached = {p: at for p, at in self._reached.items() if at >= since}
        async with self.siaga.store() as store:
            firsts = await outbox.first_template_reach(store.conn, CHANNEL, since, now)
        for pid, at in self._reached.items():
            firsts[pid] = min(firsts.get(pid, at), at)
        if person_id in firsts or len(firsts) < self.daily_budget:
            return 0.0
        oldest = min(firsts.values())
        return float(max((oldest + WINDOW - now).total_seconds(), 60.0))

    async def deliver(self, to: str, out: Outgoing, info: RowInfo | None = None) -> Delivered:
        """For the outbox sender: one attempt and what happened."""
        now = self.siaga.clock()
        closed = info is not None and _needs_template(info, now)
        if closed:
            if not self.template:
                return Delivered(Delivery.FAILED, error="outside the 24h window, no template")
            assert info is not None
            # check and take a place in the day's budget as one step: sends run concurrently
            async with self._budget_lock:
                wait = await self._budget_wait(info.person_id)
                if not wait:
                    self._reached.setdefault(info.person_id, now)
            if wait:
                return Delivered(Delivery.RETRY, defer=wait, error="tier-budget", template=True)
            messages = [self._template(out)]
        else:
            messages = [m for r in out.replies for m in render(self.siaga.catalogue, r, out.locale)]
        message_id = None
        for message in messages:
            try:
                message_id = await self.client.send(to, message)
            except GraphError as exc:
                if exc.code == OUTSIDE_WINDOW and not closed and info and info.kind == "broadcast":
                    return Delivered(Delivery.RETRY, error=str(exc.code), template=True)
                if exc.code == PAIR_RATE:
                    return Delivered(Delivery.RETRY, error=str(exc.code), template=closed)
                if exc.transient:
                    return Delivered(Delivery.RETRY, retry_after=1.0, error=str(exc.code),
                                     template=closed)  # fmt: skip
                return Delivered(Delivery.FAILED, error=f"{exc.code} {exc.message}"[:200])
        return Delivered(Delivery.SENT, message_id, template=closed)

    async def show(
        self, to: str, message_id: str | None, out: Outgoing, final: bool = False
    ) -> str | None:
        """WhatsApp cannot edit a message: the progress is sent when a broadcast starts and
        when it ends, not every few seconds."""
        if message_id is not None and not final:
            return message_id
        await self.send(to, out)
        return message_id or "sent"

    async def drain(self) -> None:
        await self.serial.drain()
        await self.outgoing.drain()
