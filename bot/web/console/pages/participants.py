"""The console's Perpanjangan page (issue 29 item 4): the renewal list of the officer's
kelurahan (the Dinas: all, or one), each person with what the registry lists say and what the
resident answered, a form per undecided one, the XLSX for BPJS, and the lurah's linking of a
resident's account. The same use cases as the chat (handlers.participants)."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.web.console.fields import Fields
from bot.web.console.views import Nav, Pages, notes, route
from domain.participants import Decision, Reason
from handlers import participants
from handlers.core.names import kel_name

NOTES = ("con-renewal-done", "con-renewal-needs", "con-renewal-not-now")
LABELS = {"keputusan": "con-renewal-decision", "alasan": "con-renewal-reason",
          "catatan": "con-renewal-note", "kelurahan": "con-col-kelurahan",
          "nik": "con-renewal-nik", "kode": "con-renewal-code"}  # fmt: skip
DECISIONS = tuple(d.value for d in Decision)
REASONS = tuple(r.value for r in Reason)

NAV = (Nav("renewals", "/konsol/perpanjangan", "con-nav-renewals", 35),)


class RenewalPages(Pages):
    @route("GET", "/perpanjangan")
    async def index(self, request: Request, linked: str = "") -> Response:
        q = Fields(request.query_params, LABELS)
        note = notes(q, NOTES)
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            kel = found.kelurahan or q.kelurahan("kelurahan", ctx.program)
            items = await participants.due(ctx, kel)
            rules = ctx.program.participants
            lead = rules.lead_days.at(ctx.today) if rules else 0
            deadline = rules.deadline_days.at(ctx.today) if rules else 0
            locale = found.person.locale
            rows = []
            for d in items:
                p = d.participant
                facts = await participants.facts_msg(ctx, p)
                rows.append({
                    "id": p.id, "name": p.name, "nik": p.nik_masked,
                    "kelurahan": kel_name(ctx, p.kelurahan_code), "occupation": p.occupation,
                    "since": participants.day(p.start), "end": participants.day(p.end),
                    "late": d.late, "facts": self.c.words(facts, locale) if facts else "",
                    "resident": p.resident_said or ("asked" if p.resident_asked_at else "none"),
                    "state": p.renewal or "open", "reason": p.renewal_reason or "",
                    "note": p.renewal_note or "", "open": p.renewal in (None, "ask"),
                })  # fmt: skip
        return self.c.page("renewals.html", locale, status=400 if q.problems else 200,
                           problems=q.problems, seat=found, active="renewals", rows=rows,
                           note=note, reasons=REASONS, linked=linked, lead=lead,
                           deadline=deadline,
                           kelurahan=kel_name(ctx, kel) if kel else "")  # fmt: skip

    @route("POST", "/perpanjangan/tautkan")
    async def link(self, request: Request) -> Response:
        """The lurah links a resident's account to their participant (audited), as /tautkan."""
        async with self.c.posted(request, LABELS) as (ctx, found, fields):
            nik = fields.text("nik", 20) or ""
            code = fields.text("kode", 12) or ""
            said = await participants.link_by_lurah(ctx, found.person, f"{nik} {code}")
        return await self.index(request, linked=self.c.words(said, found.person.locale))

    @route("POST", "/perpanjangan/{pid}")
    async def decide(self, request: Request, pid: str) -> Response:
        async with self.c.posted(request, LABELS) as (ctx, found, fields):
            key = self.c.record(found, pid)
            decision = fields.choice("keputusan", DECISIONS)
            reason = fields.choice("alasan", REASONS)
            text = fields.text("catatan", participants.MAX_NOTE) or ""
            outcome = participants.Done.NEEDS
            if decision:
                outcome, _ = await participants.decide(
                    ctx, found.person, key, Decision(decision),
                    Reason(reason) if reason else None, text, via="via console",
                )  # fmt: skip
        if outcome in (participants.Done.FORBIDDEN, participants.Done.GONE):
            return self.c.refused("not-found", 404, found.person.locale)
        said = {participants.Done.DONE: "con-renewal-done",
                participants.Done.NEEDS: "con-renewal-needs"}  # fmt: skip
        return RedirectResponse(
            f"/konsol/perpanjangan?pesan={said.get(outcome, 'con-renewal-not-now')}",
            status_code=303,
        )

    @route("GET", "/perpanjangan.xlsx")
    async def xlsx(self, request: Request) -> Response:
        from bot.renewal_export import xlsx_bytes

        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            rows = await participants.renewal_rows(ctx, found.kelurahan, found.person.id,
                                                   "via console")  # fmt: skip
        return Response(
            xlsx_bytes(rows),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": 'attachment; filename="perpanjangan.xlsx"',
                     "Cache-Control": "no-store"},
        )  # fmt: skip
