"""The console's questions page, /konsol/tiket (issue 30 item 1): residents' questions ("Tanya
petugas") waiting and held, oldest first, with the time waited in office hours; a question's
own page to hold it, answer it (the FAQ's words in the resident's language a click away) and
close it. Holding, answering and closing are the chat's own use cases (handlers.handover), so
the resident gets the answer on their channel exactly as from the chat, and a hold that
lapsed (the quiet time) is handed back as in the chat. A lurah sees their own kelurahan's
questions; another's is a 404, as if it did not exist."""

from __future__ import annotations

from datetime import datetime, timedelta
from secrets import token_urlsafe
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse

from bot.db.desk_store import DESK_ORIGIN
from bot.web.console.fields import Fields, Problem, record_id, unusable
from bot.web.console.session import csrf_ok
from bot.web.console.views import Console, notes, when
from handlers import handover
from handlers.desk import questions
from handlers.messages import Media, Msg
from handlers.officers import kel_name, name_of
from handlers.ports import Context
from handlers.records import Person, Ticket, TicketStatus

MAX_FILE = 5 * 1024 * 1024  # within the console's upload cap (bot/web/limits.py)
LABELS = {"kelurahan": "con-col-kelurahan", "status": "con-col-status",
          "teks": "con-desk-answer", "faq": "con-desk-faq"}  # fmt: skip
HOLD_NOTES = {o: f"con-desk-hold-{o.value}" for o in handover.Hold}
SENT_NOTES = {o: f"con-desk-sent-{o.value}" for o in handover.Sent}
CLOSE_NOTES = {o: f"con-desk-close-{o.value}" for o in handover.Closed}
FILE_NOTES = ("con-desk-file-empty", "con-desk-file-type", "con-desk-file-big")
NOTES = (*HOLD_NOTES.values(), *SENT_NOTES.values(), *CLOSE_NOTES.values(), *FILE_NOTES)
# What an officer may send a resident from the browser, known by its first bytes (not by the
# name or the type the browser claims): what every channel shows as a photo or a document.
KINDS = ((b"\xff\xd8\xff", "photo", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "photo", "image/png"),
         (b"%PDF-", "document", "application/pdf"))  # fmt: skip


def routes(app: FastAPI, console: Console) -> None:
    """The page's addresses, registered by views.build."""
    pages = TicketPages(console)

    @app.get("/tiket")
    async def tickets_index(request: Request) -> Response:
        return await pages.index(request)

    @app.get("/tiket/{tid}")
    async def ticket_one(request: Request, tid: str) -> Response:
        return await pages.one(request, tid)

    @app.post("/tiket/{tid}/berkas")
    async def ticket_file(request: Request, tid: str) -> Response:
        return await pages.upload(request, tid)

    @app.post("/tiket/{tid}/{action}")
    async def ticket_act(request: Request, tid: str, action: str) -> Response:
        return await pages.act(request, tid, action)


def _hours(waited: timedelta) -> str:
    minutes = int(waited.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class TicketPages:
    def __init__(self, console: Console) -> None:
        self.c = console

    async def index(self, request: Request) -> Response:
        q = Fields(request.query_params, LABELS)
        status = q.choice("status", questions.STATUSES) or None
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            named = q.kelurahan("kelurahan", ctx.program)
            kel = found.kelurahan or named  # a lurah sees their own kelurahan only
            items = await questions.desk(ctx, found.person, kel, status)
        rows = [{
            "id": w.ticket.id, "asked": when(ctx, w.ticket.created_at),
            "waited": _hours(w.waited), "late": w.late,
            "kelurahan": kel_name(ctx, w.ticket.kelurahan_code),
            "status": w.ticket.status.value, "mine": w.ticket.held_by == found.person.id,
            "holder": _name(ctx, w.holder, found.person.locale), "text": _short(w.ticket.question),
            "records": w.records,
        } for w in items]  # fmt: skip
        return self.c.page(
            "tickets.html", found.person.locale, status=400 if q.problems else 200,
            problems=q.problems, seat=found, active="tickets", rows=rows,
            chosen=status or "", statuses=questions.STATUSES, kelurahan=kel,
            kelurahan_list=ctx.program.regions.all_kelurahan,
            hours=_number(ctx.program.handover.answer_within_hours),
            max_held=ctx.program.handover.max_held,
        )  # fmt: skip

    async def one(
        self, request: Request, tid: str, problems: list[Problem] | None = None,
        status: int = 200, draft: str = "",
    ) -> Response:  # fmt: skip
        q = Fields(request.query_params, LABELS)
        note = notes(q, NOTES)
        key = record_id(tid)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            ticket = await store.ticket(key) if key is not None else None
            if ticket is None or not questions.visible(found.person, ticket):
                return self.c.refused("not-found", 404, found.person.locale)
            faq = q.choice("faq", questions.faq_ids(ctx))
            asker = await store.person_by_id(ticket.person_id)
            holder = await store.person_by_id(ticket.held_by) if ticket.held_by else None
            latest = await questions.store_of(ctx).latest_nominations([ticket.person_id])
        locale = found.person.locale
        resident = asker.locale if asker is not None else "id"
        if faq and not draft:
            draft = questions.faq_answer(ctx, faq, resident) or ""
        mine = ticket.status is TicketStatus.HELD and ticket.held_by == found.person.id
        return self.c.page(
            "ticket.html", locale, status=400 if q.problems else status,
            problems=[*(problems or []), *q.problems], seat=found, active="tickets",
            ticket=ticket, lines=self._lines(ctx, ticket, locale), note=note,
            note_args={"id": ticket.id, "max": ctx.program.handover.max_held},
            kelurahan=kel_name(ctx, ticket.kelurahan_code),
            asked=when(ctx, ticket.created_at),
            waited=_hours(questions.waited(ctx, ticket)), late=questions.late(ctx, ticket),
            holder=_name(ctx, holder, locale), mine=mine,
            records=questions.records(latest.get(ticket.person_id)),
            faqs=[(f, f"con-means-faq-{f}") for f in questions.faq_ids(ctx)],
            resident_lang=resident, draft=draft, max_text=handover.MAX_TEXT,
        )  # fmt: skip

    async def upload(self, request: Request, tid: str) -> Response:
        """A photo or a PDF for the resident, as the chat's officer sends a file: the same
        use case (handover.answer with the file); the bytes kept only until the ticket's
        media go (desk_files)."""
        key = record_id(tid)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            await store.commit()  # the session's last sight: nothing else is written yet
        # read with no unit of work open: a slow line holds no lock (as the BPJS upload)
        form = await request.form()  # at most the upload's cap: BodyLimit saw to that
        if not csrf_ok(found, {"csrf": str(form.get("csrf") or "")}):
            return self.c.refused("csrf", 403, found.person.locale)
        upload: Any = form.get("berkas")
        limit = min(MAX_FILE, ctx.program.handover.media.max_bytes)
        data = await upload.read(limit + 1) if hasattr(upload, "read") else b""
        fields = Fields({"teks": str(form.get("teks") or "")}, LABELS)
        caption = fields.text("teks", handover.MAX_TEXT, lines=True)
        kind = _kind(data)
        note = ""
        if not data:
            note = "con-desk-file-empty"
        elif len(data) > limit:
            note = "con-desk-file-big"
        elif kind is None:
            note = "con-desk-file-type"
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            ticket = await store.ticket(key) if key is not None else None
            if ticket is None or not questions.visible(found.person, ticket):
                return self.c.refused("not-found", 404, found.person.locale)
            if not note and kind is not None and caption is not None:
                ref = token_urlsafe(16)
                media = Media(kind[0], ref, kind[1], len(data), 0, DESK_ORIGIN)
                done = await handover.answer(ctx, found.person, ticket.id, caption, media)
                if done.outcome is handover.Sent.SENT:
                    await store.keep_desk_file(ticket.id, ref, data)
                note = SENT_NOTES[done.outcome]
            await store.commit()
        if fields.problems:
            return await self.one(request, tid, fields.problems, 422)
        return RedirectResponse(f"/konsol/tiket/{ticket.id}?{urlencode({'pesan': note})}",
                                status_code=303)  # fmt: skip

    def _lines(self, ctx: Context, ticket: Ticket, locale: str) -> list[dict[str, str]]:
        """What was said both ways, as the officer reads it (a file named by its kind)."""
        out = []
        for m in ticket.messages:
            text = str(m.get("text") or "")
            if m.get("media"):
                kind = self.c.c.catalogue.render(Msg(f"media-kind-{m['media']}"), locale)
                text = f"[{kind}] {text}".strip()
            out.append({"from": str(m.get("from")), "text": text,
                        "at": when(ctx, _at(m.get("at"), ticket))})  # fmt: skip
        return out

    async def act(self, request: Request, tid: str, action: str) -> Response:
        form = await self.c.form(request)
        key = record_id(tid)
        fields = Fields(form, LABELS)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, form=form)
            if isinstance(found, Response):
                return found
            ticket = await store.ticket(key) if key is not None else None
            if ticket is None or not questions.visible(found.person, ticket):
                await store.commit()
                return self.c.refused("not-found", 404, found.person.locale)
            officer = found.person
            if action == "pegang":
                outcome, _ = await handover.hold(ctx, officer, ticket.id)
                note = HOLD_NOTES[outcome]
            elif action == "jawab":
                text = fields.text("teks", handover.MAX_TEXT, lines=True)
                note = ""
                if text is not None and not fields.problems:
                    done = await handover.answer(ctx, officer, ticket.id, text)
                    note = SENT_NOTES[done.outcome]
            elif action == "tutup":
                note = CLOSE_NOTES[await handover.close_ticket(ctx, officer, ticket.id)]
            else:
                await store.commit()
                return self.c.refused("not-found", 404, officer.locale)
            await store.commit()
        if fields.problems:  # nothing was sent: the page again, what to mend, the words kept
            kept = "" if unusable(fields.raw("teks")) else fields.raw("teks")
            return await self.one(request, tid, fields.problems, 422, draft=kept)
        return RedirectResponse(f"/konsol/tiket/{ticket.id}?{urlencode({'pesan': note})}",
                                status_code=303)  # fmt: skip


def _kind(data: bytes) -> tuple[str, str] | None:
    return next(((kind, mime) for head, kind, mime in KINDS if data.startswith(head)), None)


def _name(ctx: Context, person: Person | None, locale: str) -> str:
    """An officer as colleagues see them ("Bu Sri (Petugas Kelurahan Kelun)")."""
    return ctx.render(name_of(ctx, person), locale) if person is not None else ""


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _at(value: Any, ticket: Ticket) -> datetime:
    """A line's time as kept (ISO text); the question's own time when it cannot be read."""
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return ticket.created_at
