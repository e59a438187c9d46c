"""Forwarded files on their way out ("Tanya petugas"). An outbox row names a kept media row,
never the bytes; just before sending, this fills in what the channel needs: the platform's
own reference when the file lives on the channel it goes to (Telegram's file_id), else the
bytes, downloaded from where it lives and held in memory for this one send. A file that can
no longer be had becomes a line saying so: the words still go, and nothing waits forever."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from bot.channels.port import Channel
from bot.db.unit import Database
from handlers.core.messages import Attachment, Msg, Outgoing, Reply
from handlers.handover import DESK_ORIGIN

log = logging.getLogger("siaga.media")

# Channels whose own references a bot can send again as they are. A WhatsApp media id from a
# webhook is for downloading; sending needs an id the business uploaded, so WhatsApp files
# are always downloaded and uploaded again.
SENDS_OWN_REFERENCE = frozenset({"telegram", "console"})
TOLD_KEPT = 10_000  # refused files remembered per forwarder before it starts afresh


class MediaForwarder:
    def __init__(self, db: Database, channels: Mapping[str, Channel], max_bytes: int) -> None:
        self.db = db
        self.channels = channels  # every channel of this process (a file may come from any)
        self.max_bytes = max_bytes
        # files whose sender was asked to send them again, known to this forwarder only: the
        # app's and the sender's each have one, every worker too, and a restart forgets it,
        # so a sender may be asked more than once for one file (at least once, not once)
        self._told: set[int] = set()

    async def refused(self, recipient: int, kept: Sequence[int], now: datetime) -> None:
        """Files a platform would not take for good (the reader got a line saying so): whoever
        sent each is asked, in their language, to send it again (issue 26 item 10). At least
        once per file: once per forwarder, though a resident's file may go to several officers
        (the review of issue 26, finding 15: not recorded in the database)."""
        fresh = [k for k in dict.fromkeys(kept) if k not in self._told]
        if not fresh:
            return
        async with self.db.store() as store:
            for media_id in fresh:
                found = await store.media_sender(media_id, recipient)
                person = await store.person_by_id(found[0]) if found else None
                if found is None or person is None or person.blocked:
                    continue
                ask = Reply.of("media-refused-resend", kind=Msg(f"media-kind-{found[1]}"),
                               id=found[2])  # fmt: skip
                await store.enqueue(person, [ask], now)
            await store.commit()
        if len(self._told) > TOLD_KEPT:  # a long-running process: start afresh (bounded)
            self._told.clear()
        self._told.update(fresh)

    async def resolve(self, to: Channel, out: Outgoing) -> Outgoing:
        if not any(r.attach is not None for r in out.replies):
            return out
        return Outgoing(out.locale, [await self._one(to, r) for r in out.replies], out.receipt)

    async def _one(self, to: Channel, reply: Reply) -> Reply:
        if reply.attach is None or reply.attach.media is not None:
            return reply
        async with self.db.store() as store:
            media = await store.kept_media(reply.attach.kept)
        if media is None:  # the ticket closed, or the reference outlived its keeping
            return _gone(reply, "media-expired")
        attach = Attachment(reply.attach.kept, media)
        own = media.origin == to.name and to.name in SENDS_OWN_REFERENCE
        if own or not to.limits.files:
            return replace(reply, attach=attach)
        if media.origin == DESK_ORIGIN:  # uploaded on the web console (issue 30): bytes kept
            async with self.db.store() as store:
                kept = await store.desk_file(reply.attach.kept)
            if kept is None:
                return _gone(reply, "media-expired")
            return replace(reply, attach=replace(attach, data=kept))
        source = self.channels.get(media.origin)
        if source is None:
            log.warning("no %s channel here to fetch a file from", media.origin)
            return _gone(reply, "media-unavailable")
        data = await source.fetch(media, self.max_bytes)  # raises when the platform is down
        if data is None:
            return _gone(reply, "media-unavailable")
        return replace(reply, attach=replace(attach, data=data))


def _gone(reply: Reply, key: str) -> Reply:
    return replace(reply, parts=(*reply.parts, Msg(key)), attach=None)
