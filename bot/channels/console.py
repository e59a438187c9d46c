"""The console channel: the same conversation in a terminal.

Interactive (a terminal): Rich output, buttons as numbered options answered by number or text.
Scripted (stdin not a terminal): one user message per line until end of input, replies printed
(as JSON lines with --jsonl), state kept in the database so the next run continues.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from bot.channels.port import PLAIN, Delivered, Delivery, Envelope, Inbound, Limits, Parsed
from bot.channels.render import button_labels, reply_text
from bot.i18n import Catalogue
from handlers.core.messages import ButtonKind, Incoming, Kind, Media, Msg, Outgoing, Reply, UserRef

CHANNEL = "console"
# A terminal takes anything at any pace; the limits only keep messages readable.
LIMITS = Limits(per_second=1000.0, per_chat_interval=0.0, max_text=100_000, max_buttons=100,
                can_edit=False, files=False)  # fmt: skip
EXIT_WORDS = ("/keluar", "/exit", "/quit")
# What a phone sends besides text, typed at the terminal: "!suara rekaman.ogg 42" is a
# 42-second voice note, "!foto ktp.jpg" a photo, "!stiker", "!lokasi", "!kontak".
MEDIA_WORDS = {"!suara": "voice", "!voice": "voice", "!foto": "photo", "!photo": "photo",
               "!berkas": "document", "!document": "document", "!video": "video",
               "!stiker": "sticker", "!sticker": "sticker", "!lokasi": "location",
               "!location": "location", "!kontak": "contact", "!contact": "contact"}  # fmt: skip


def _read(ref: str, max_bytes: int) -> bytes | None:
    path = Path(ref)
    if not ref or not path.is_file() or path.stat().st_size > max_bytes:
        return None
    return path.read_bytes()


def media_line(text: str) -> Media | None:
    """A typed stand-in for a file: the kind, the file's path (its reference here), and the
    length in seconds for a voice note or video."""
    words = text.split()
    kind = MEDIA_WORDS.get(words[0].lower()) if words else None
    if kind is None:
        return None
    ref = words[1] if len(words) > 1 else ""
    seconds = int(words[2]) if len(words) > 2 and words[2].isdigit() else 0
    path = Path(ref)
    size = path.stat().st_size if ref and path.is_file() else 0
    mime = mimetypes.guess_type(ref)[0] or "" if ref else ""
    return Media(kind, ref, mime, size, seconds, CHANNEL)


class ConsoleChannel:
    name = CHANNEL
    limits = LIMITS

    def __init__(
        self, catalogue: Catalogue, user_id: str, jsonl: bool, images: Path,
        clock: Callable[[], datetime], out: TextIO = sys.stdout,
    ) -> None:  # fmt: skip
        self.catalogue = catalogue
        self.user = UserRef(CHANNEL, user_id)
        self.jsonl = jsonl
        self.images = images  # where charts are written (a terminal shows no pictures)
        self.clock = clock
        self.out = out
        self.rich = Console(file=out, highlight=False) if not jsonl else None

    def parse(self, raw: Any) -> Parsed:
        if not isinstance(raw, str):
            return Parsed()
        text = raw.rstrip("\n")
        media = media_line(text) if text.startswith("!") else None
        if media is not None:
            return Parsed([Inbound(Incoming(self.user, Kind.MEDIA, media=media))])
        return Parsed([Inbound(Incoming(self.user, Kind.TEXT, text=text,
                                        display_name=self.user.external_id))])  # fmt: skip

    async def acknowledge(self, item: Inbound | Any, answered: bool) -> None:
        return None

    async def fetch(self, media: Media, max_bytes: int) -> bytes | None:
        """A file named at this terminal, read to forward it (nothing is copied)."""
        return await asyncio.to_thread(_read, media.ref, max_bytes)

    async def deliver(self, to: str, out: Outgoing, how: Envelope = PLAIN) -> Delivered:
        if to != self.user.external_id:  # only the person at this terminal can read it
            return Delivered(Delivery.RETRY, error="not at this terminal")
        for reply in out.replies[how.skip :]:  # a reply is one piece here
            self.show(reply, out.locale)
        return Delivered(Delivery.SENT, pieces=max(len(out.replies) - how.skip, 0))

    def show(self, reply: Reply, locale: str) -> None:
        cat = self.catalogue
        text = reply_text(cat, reply, locale)
        # A contact-sharing button exists only on Telegram; here the person types the number.
        labels = [
            label
            for b, label in zip(reply.buttons, button_labels(cat, reply, locale), strict=True)
            if b.kind is not ButtonKind.REQUEST_CONTACT
        ]
        if reply.attach is not None and reply.attach.media is not None:
            # a terminal plays nothing: the file is named, and nothing is written to disk
            text += "\n📎 " + cat.render(reply.attach.media.named(), locale)
        image = self._save_image(reply)
        if image is not None:
            text += "\n\n" + cat.render(Msg("image-saved", {"path": str(image)}), locale)
        if self.jsonl:
            line: dict[str, object] = {"text": text, "buttons": labels}
            if image is not None:
                line["image"] = str(image)
            self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
            self.out.flush()
            return
        assert self.rich is not None
        body = escape(text)
        if labels:
            body += "\n\n" + "\n".join(
                f"  [bold]{i}.[/bold] {escape(lb)}" for i, lb in enumerate(labels, 1)
            )
        self.rich.print(Panel(body, title="Siaga", title_align="left", border_style="green"))

    def _save_image(self, reply: Reply) -> Path | None:
        if reply.image_png is None:
            return None
        path = self.images / f"statistik-{self.clock():%Y%m%d-%H%M%S}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(reply.image_png)
        return path

    async def close(self) -> None:
        return None


async def run_console(
    channel: ConsoleChannel, say: Callable[[str], Awaitable[None]], lines: TextIO | None
) -> None:
    """Scripted from `lines`, else interactive until end of input or /keluar."""
    if lines is not None:
        for line in lines:
            await say(line.rstrip("\n"))
        return
    assert channel.rich is not None
    await say("/menu")
    while True:
        try:
            text = channel.rich.input("[bold cyan]Anda[/bold cyan] › ")
        except (EOFError, KeyboardInterrupt):
            channel.rich.print()
            return
        if text.strip().lower() in EXIT_WORDS:
            return
        await say(text)
