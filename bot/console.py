"""The console channel: the same conversation in a terminal.

Interactive (a terminal): Rich output, buttons as numbered options answered by number or text.
Scripted (stdin not a terminal): one user message per line until end of input, replies printed
(as JSON lines with --jsonl), state kept in the database so the next run continues.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from bot.db import outbox
from bot.render import button_labels, reply_text
from bot.service import Siaga, Unavailable
from handlers.messages import ButtonKind, Incoming, Kind, Msg, Outgoing, Reply, UserRef

CHANNEL = "console"


class ConsoleChat:
    def __init__(self, siaga: Siaga, user_id: str, jsonl: bool, out: TextIO = sys.stdout) -> None:
        self.siaga = siaga
        self.user = UserRef(CHANNEL, user_id)
        self.jsonl = jsonl
        self.out = out
        self.rich = Console(file=out, highlight=False) if not jsonl else None

    def show(self, reply: Reply, locale: str) -> None:
        cat = self.siaga.catalogue
        text = reply_text(cat, reply, locale)
        # A contact-sharing button exists only on Telegram; here the person types the number.
        labels = [
            label
            for b, label in zip(reply.buttons, button_labels(cat, reply, locale), strict=True)
            if b.kind is not ButtonKind.REQUEST_CONTACT
        ]
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
        """A terminal shows no pictures: charts are written next to the database."""
        if reply.image_png is None:
            return None
        path = self.siaga.settings.data_dir / f"statistik-{self.siaga.clock():%Y%m%d-%H%M%S}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(reply.image_png)
        return path

    async def say(self, text: str) -> None:
        try:
            out = await self.siaga.handle(Incoming(self.user, Kind.TEXT, text=text))
        except Unavailable as exc:  # nothing was saved: say so, and keep the console open
            out = Outgoing("id", [Reply.of(f"error-{exc.reason}")])
        for reply in out.replies:
            self.show(reply, out.locale)

    async def deliver_outbox(self) -> None:
        """Messages others sent this console user (a decision, a new nomination to review)."""
        async with self.siaga.store() as store:
            rows = await outbox.pending_for(store.conn, CHANNEL, self.user.external_id)
            for row in rows:
                for data in row.payload:
                    self.show(Reply.from_json(data), row.locale)
            if rows:
                await outbox.mark_sent(store.conn, [r.id for r in rows], self.siaga.clock())
            await store.commit()

    async def run_script(self, lines: TextIO) -> None:
        await self.deliver_outbox()
        for line in lines:
            await self.say(line.rstrip("\n"))

    async def run_interactive(self) -> None:
        assert self.rich is not None
        await self.deliver_outbox()
        await self.say("/menu")
        while True:
            try:
                text = self.rich.input("[bold cyan]Anda[/bold cyan] › ")
            except (EOFError, KeyboardInterrupt):
                self.rich.print()
                return
            if text.strip().lower() in ("/keluar", "/exit", "/quit"):
                return
            await self.say(text)
