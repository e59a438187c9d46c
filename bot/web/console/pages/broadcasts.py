"""The console's Siaran page (issue 19): compose with placeholders, pick an audience, preview
(recipients per channel, who is left out and why, the message as its first recipient reads
it), send, follow the progress (the page reloads itself every few seconds while it runs, no
JavaScript needed), stop. The same use cases as `/siaran` in the chat."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.web.console.fields import record_id
from bot.web.console.views import Nav, Pages, route
from handlers import broadcasts
from handlers.core.engine import MAX_TEXT
from handlers.core.messages import Msg

LABELS = {"teks": "con-bc-text", "penerima": "con-bc-audience", "kelurahan": "con-col-kelurahan"}


NAV = (Nav("broadcast", "/konsol/siaran", "con-nav-broadcast", 60, dinas=True),)


class BroadcastPages(Pages):
    def _words(self, parts: tuple[object, ...], locale: str) -> list[str]:
        return [self.c.words(p, locale) for p in parts]

    @route("GET", "/siaran")
    async def index(self, request: Request) -> Response:
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            recent = await broadcasts.recent(ctx, 10)
        locale = found.person.locale
        paused = ctx.settings.quiet.resumes_at(ctx.now)
        rows = [(b.id, self._words(broadcasts.progress(b, 29.0, paused).parts, locale))
                for b in recent]  # fmt: skip
        return self.c.page("broadcasts.html", locale, seat=found, active="broadcast", rows=rows,
                           audiences=broadcasts.AUDIENCES, text="", audience="opted_in",
                           kelurahan_list=ctx.program.regions.all_kelurahan, kelurahan="",
                           preview=None, problem=None)  # fmt: skip

    @route("POST", "/siaran/pratinjau")
    async def preview(self, request: Request, send: bool = False) -> Response:
        async with self.c.posted(request, LABELS, admin=True) as (ctx, found, fields):
            locale = found.person.locale
            text = fields.text("teks", MAX_TEXT, lines=True) or ""
            audience = fields.choice("penerima", broadcasts.AUDIENCES)
            # "" is the whole city; a name that is none is no longer read as "everyone"
            code = fields.kelurahan("kelurahan", ctx.program)
            problem = None if fields.problems else broadcasts.check_text(text)
            if not audience and not fields.problems:
                problem = problem or Msg("bc-err-audience")
            if problem is None and not fields.problems and send:
                started = await broadcasts.queue_broadcast(ctx, found.person, audience, code, text)
                if started is not None:
                    return RedirectResponse(f"/konsol/siaran/{started.parts[0].args['id']}",
                                            status_code=303)  # fmt: skip
            parts: tuple[Msg, ...] = ()
            reached = 0
            if problem is None and not fields.problems:
                parts, reached = await broadcasts.preview_parts(ctx, audience, code, text)
        return self.c.page(
            "broadcasts.html", locale, status=422 if fields.problems or problem else 200,
            problems=fields.problems, seat=found, active="broadcast", rows=[],
            audiences=broadcasts.AUDIENCES, text=text, audience=audience,
            kelurahan_list=ctx.program.regions.all_kelurahan,
            kelurahan=fields.raw("kelurahan") if code else "",
            preview=self._words(parts, locale), reached=reached,
            problem=self.c.words(problem, locale) if problem else None,
        )  # fmt: skip

    @route("POST", "/siaran/kirim")
    async def send(self, request: Request) -> Response:
        return await self.preview(request, send=True)

    @route("GET", "/siaran/{bid}/kemajuan")
    async def progress(self, request: Request, bid: str) -> Response:
        """The live part alone, for the page's script."""
        return await self.one(request, bid, fragment=True)

    @route("GET", "/siaran/{bid}")
    async def one(self, request: Request, bid: str, fragment: bool = False) -> Response:
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            b = await broadcasts.one(ctx, record_id(bid))
        if b is None:
            return self.c.refused("not-found", 404, found.person.locale)
        paused = ctx.settings.quiet.resumes_at(ctx.now)
        words = self._words(broadcasts.progress(b, 29.0, paused).parts, found.person.locale)
        left = sum(b.counts.get(s, 0) for s in broadcasts.LEFT)
        running = b.status == "sending" and left > 0
        if fragment:  # the live part alone, for the page's script
            page = self.c.page("progress.html", found.person.locale, words=words)
            if not running:
                page.headers["X-Done"] = "1"
            return page
        return self.c.page("broadcast.html", found.person.locale, seat=found, active="broadcast",
                           b=b, words=words, running=running)  # fmt: skip

    @route("POST", "/siaran/{bid}/hentikan")
    async def stop(self, request: Request, bid: str) -> Response:
        async with self.c.posted(request, LABELS, admin=True) as (ctx, found, _):
            key = self.c.record(found, bid)
            await broadcasts.cancel(ctx, found.person, str(key))
        return RedirectResponse(f"/konsol/siaran/{key}", status_code=303)
