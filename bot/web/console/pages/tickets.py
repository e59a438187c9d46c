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

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.web.console.fields import Fields, Problem, record_id, unusable
from bot.web.console.session import csrf_ok
from bot.web.console.views import Ctx, Nav, Pages, notes, route, when
from handlers import handover
from handlers.core.messages import Msg
from handlers.core.names import kel_name, name_of
from handlers.core.records import Person
from handlers.handover import Ticket, TicketStatus

MAX_FILE = 5 * 1024 * 1024  # within the console's upload cap (bot/web/limits.py)
LABELS = {"kelurahan": "con-col-kelurahan", "status": "con-col-status",
          "teks": "con-desk-answer", "faq": "con-desk-faq"}  # fmt: skip
HOLD_NOTES = {o: f"con-desk-hold-{o.value}" for o in handover.Hold}
SENT_NOTES = {o: f"con-desk-sent-{o.value}" for o in handover.Sent}
CLOSE_NOTES = {o: f"con-desk-close-{o.value}" for o in handover.Closed}
FILE_NOTES = ("con-desk-file-empty", "con-desk-file-type", "con-desk-file-big")
NOTES = (*HOLD_NOTES.values(), *SENT_NOTES.values(), *CLOSE_NOTES.values(), *FILE_NOTES)
NAV = (Nav("tickets", "/konsol/tiket", "con-nav-tickets", 25),)  # the lurah's and the Dinas's


def _hours(waited: timedelta) -> str:
    minutes = int(waited.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class TicketPages(Pages):
    @route("GET", "/tiket")
    async def index(self, request: Request) -> Response:
        q = Fields(request.query_params, LABELS)
        status = q.choice("status", handover.STATUSES) or None
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            named = q.kelurahan("kelurahan", ctx.program)
            kel = found.kelurahan or named  # a lurah sees their own kelurahan only
            items = await handover.desk(ctx, found.person, kel, status)
        locale = found.person.locale
        rows = [{
            "id": w.ticket.id, "asked": when(ctx, w.ticket.created_at),
            "waited": _hours(w.waited), "late": w.late,
            "kelurahan": kel_name(ctx, w.ticket.kelurahan_code),
            "status": w.ticket.status.value, "mine": w.ticket.held_by == found.person.id,
            "holder": _name(ctx, w.holder, locale), "text": _short(w.ticket.question),
            "records": w.records,
        } for w in items]  # fmt: skip
        return self.c.page(
            "tickets.html", locale, status=400 if q.problems else 200,
            problems=q.problems, seat=found, active="tickets", rows=rows,
            chosen=status or "", statuses=handover.STATUSES, kelurahan=kel,
            kelurahan_list=ctx.program.regions.all_kelurahan,
            hours=_number(ctx.program.handover.answer_within_hours),
            max_held=ctx.program.handover.max_held,
        )  # fmt: skip

    @route("GET", "/tiket/{tid}")
    async def one(
        self, request: Request, tid: str, problems: list[Problem] | None = None,
        status: int = 200, draft: str = "",
    ) -> Response:  # fmt: skip
        q = Fields(request.query_params, LABELS)
        note = notes(q, NOTES)
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            shown = await handover.question(ctx, found.person, record_id(tid))
            if shown is None:
                return self.c.refused("not-found", 404, found.person.locale)
            faq = q.choice("faq", handover.faq_ids(ctx))
        locale = found.person.locale
        ticket = shown.ticket
        if faq and not draft:
            draft = handover.faq_answer(ctx, faq, shown.resident_locale) or ""
        mine = ticket.status is TicketStatus.HELD and ticket.held_by == found.person.id
        return self.c.page(
            "ticket.html", locale, status=400 if q.problems else status,
            problems=[*(problems or []), *q.problems], seat=found, active="tickets",
            ticket=ticket, lines=self._lines(ctx, ticket, locale), note=note,
            note_args={"id": ticket.id, "max": ctx.program.handover.max_held},
            kelurahan=kel_name(ctx, ticket.kelurahan_code), asked=when(ctx, ticket.created_at),
            waited=_hours(shown.waited), late=shown.late,
            holder=_name(ctx, shown.holder, locale), mine=mine, records=shown.records,
            faqs=[(f, f"con-means-faq-{f}") for f in handover.faq_ids(ctx)],
            resident_lang=shown.resident_locale, draft=draft, max_text=handover.MAX_TEXT,
        )  # fmt: skip

    @route("POST", "/tiket/{tid}/berkas")
    async def upload(self, request: Request, tid: str) -> Response:
        """A photo or a PDF for the resident, as the chat's officer sends a file."""
        key = record_id(tid)
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)  # the session's last sight, committed
        # read with no unit of work open: a slow line holds no lock (as the BPJS upload)
        form = await request.form()  # at most the upload's cap: BodyLimit saw to that
        if not csrf_ok(found, {"csrf": str(form.get("csrf") or "")}):
            return self.c.refused("csrf", 403, found.person.locale)
        upload: Any = form.get("berkas")
        limit = min(MAX_FILE, ctx.program.handover.media.max_bytes)
        data = await upload.read(limit + 1) if hasattr(upload, "read") else b""
        fields = Fields({"teks": str(form.get("teks") or "")}, LABELS)
        caption = fields.text("teks", handover.MAX_TEXT, lines=True)
        note = ""
        if not data:
            note = "con-desk-file-empty"
        elif len(data) > limit:
            note = "con-desk-file-big"
        elif handover.file_kind(data) is None:
            note = "con-desk-file-type"
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            shown = await handover.question(ctx, found.person, key)
            if shown is None:
                return self.c.refused("not-found", 404, found.person.locale)
            if not note and caption is not None:
                done = await handover.answer_with_file(
                    ctx, found.person, shown.ticket.id, caption, data, token_urlsafe(16)
                )
                note = SENT_NOTES[done.outcome]
        if fields.problems:
            return await self.one(request, tid, fields.problems, 422)
        return RedirectResponse(f"/konsol/tiket/{shown.ticket.id}?{urlencode({'pesan': note})}",
                                status_code=303)  # fmt: skip

    def _lines(self, ctx: Ctx, ticket: Ticket, locale: str) -> list[dict[str, str]]:
        """What was said both ways, as the officer reads it (a file named by its kind)."""
        out = []
        for m in ticket.messages:
            text = str(m.get("text") or "")
            if m.get("media"):
                kind = self.c.words(Msg(f"media-kind-{m['media']}"), locale)
                text = f"[{kind}] {text}".strip()
            out.append({"from": str(m.get("from")), "text": text,
                        "at": when(ctx, _at(m.get("at"), ticket))})  # fmt: skip
        return out

    @route("POST", "/tiket/{tid}/{action}")
    async def act(self, request: Request, tid: str, action: str) -> Response:
        async with self.c.posted(request, LABELS) as (ctx, found, fields):
            shown = await handover.question(ctx, found.person, record_id(tid))
            if shown is None or action not in ("pegang", "jawab", "tutup"):
                return self.c.refused("not-found", 404, found.person.locale)
            officer, ticket_id = found.person, shown.ticket.id
            note = ""
            if action == "pegang":
                outcome, _ = await handover.hold(ctx, officer, ticket_id)
                note = HOLD_NOTES[outcome]
            elif action == "jawab":
                text = fields.text("teks", handover.MAX_TEXT, lines=True)
                if text is not None and not fields.problems:
                    done = await handover.answer(ctx, officer, ticket_id, text)
                    note = SENT_NOTES[done.outcome]
            else:
                note = CLOSE_NOTES[await handover.close_ticket(ctx, officer, ticket_id)]
        if fields.problems:  # nothing was sent: the page again, what to mend, the words kept
            kept = "" if unusable(fields.raw("teks")) else fields.raw("teks")
            return await self.one(request, tid, fields.problems, 422, draft=kept)
        return RedirectResponse(f"/konsol/tiket/{ticket_id}?{urlencode({'pesan': note})}",
                                status_code=303)  # fmt: skip


def _name(ctx: Ctx, person: Person | None, locale: str) -> str:
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
