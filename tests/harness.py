"""Drive the real Siaga (handlers + SQLite file) in-process, as a channel adapter would."""

from __future__ import annotations

from dataclasses import dataclass

from bot.app import App
from bot.channels.port import Delivery
from bot.channels.render import button_labels, reply_text
from handlers.core.messages import Incoming, Kind, Reply, UserRef


@dataclass
class Said:
    text: str
    buttons: list[str]
    reply: Reply


class Person:
    def __init__(self, siaga: App, ext_id: str, channel: str = "console") -> None:
        self.siaga = siaga
        self.user = UserRef(channel, ext_id)
        self.last: list[Said] = []

    async def send(self, msg: Incoming) -> list[Said]:
        out = await self.siaga.handle(msg)
        # shown here, so settled as an adapter settles the replies it sent
        self.siaga.replies.settle(out.receipt, Delivery.SENT)
        await self.siaga.replies.flush()
        cat = self.siaga.catalogue
        self.last = [
            Said(reply_text(cat, r, out.locale), button_labels(cat, r, out.locale), r)
            for r in out.replies
        ]
        return self.last

    async def say(self, text: str, update_id: str = "") -> list[Said]:
        return await self.send(Incoming(self.user, Kind.TEXT, text=text, update_id=update_id))

    async def press(self, label: str) -> list[Said]:
        """Press the button with this label on the last message that had it."""
        for said in reversed(self.last):
            for b, shown in zip(said.reply.buttons, said.buttons, strict=True):
                if shown == label:
                    return await self.send(Incoming(self.user, Kind.BUTTON, data=b.data))
        raise AssertionError(f"no button {label!r} in {[s.buttons for s in self.last]}")

    async def tap(self, data: str) -> list[Said]:
        return await self.send(Incoming(self.user, Kind.BUTTON, data=data))

    async def media(self) -> list[Said]:
        return await self.send(Incoming(self.user, Kind.MEDIA))

    async def answers(self, *lines: str) -> list[Said]:
        for line in lines:
            await self.say(line)
        return self.last

    @property
    def text(self) -> str:
        return "\n---\n".join(s.text for s in self.last)
