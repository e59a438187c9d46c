"""Forwarded files on their way out ("Tanya petugas"). An outbox row names a kept media row,
never the bytes; just before sending, this fills in what the channel needs: the platform's
own reference when the file lives on the channel it goes to (Telegram's file_id), else the
bytes, downloaded from where it lives and held in memory for this one send. A file that can
no longer be had becomes a line saying so: the words still go, and nothing waits forever."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace

from bot.channels.port import Channel
from bot.db.unit import Database
from handlers.messages import Attachment, Msg, Outgoing, Reply

log = logging.getLogger("siaga.media")

# Channels whose own references a bot can send again as they are. A WhatsApp media id from a
# webhook is for downloading; sending needs an id the business uploaded, so WhatsApp files
# are always downloaded and uploaded again.
SENDS_OWN_REFERENCE = frozenset({"telegram", "console"})


class MediaForwarder:
    def __init__(self, db: Database, channels: Mapping[str, Channel], max_bytes: int) -> None:
        self.db = db
        self.channels = channels
        self.max_bytes = max_bytes

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
