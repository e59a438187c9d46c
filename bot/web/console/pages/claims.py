"""The console's claims page (issue 20): every case with its status and service deadline, and
a case's own page with the chat card's words and the next steps as plain forms. The same use
case (handlers.claims.move) as the chat's buttons and `siaga admin claim`."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.web.console.fields import Fields, Problem, record_id
from bot.web.console.views import Nav, Pages, notes, route
from domain.claims import OPEN, ClaimStatus, may_move
from handlers import claims
from handlers.core.names import kel_name

S = ClaimStatus
STEPS = tuple(s.value for s in (S.DOCUMENTS, S.SUBMITTED, S.PAID, S.REFUSED))
NOTES = ("con-claim-moved", "con-claim-needs", "con-claim-not-now")
MAX_REASON = 500  # the refusal's reason, as the case keeps it
LABELS = {"semua": "con-field-address", "langkah": "con-claim-next",
          "jumlah": "con-claim-amount", "anak": "con-claim-children-years",
          "alasan": "con-claim-reason"}  # fmt: skip


NAV = (Nav("claims", "/konsol/klaim", "con-nav-claims", 50, dinas=True),)


class ClaimPages(Pages):
    @route("GET", "/klaim")
    async def index(self, request: Request) -> Response:
        q = Fields(request.query_params, LABELS)
        every = q.choice("semua", ("1",)) == "1"
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            cases = await claims.case_list(ctx, every, limit=500)
        rows = [{
            "id": c.id, "kind": c.kind.value, "status": c.status.value,
            "event": claims.day(c.event_date), "reported": claims.day(c.created_at.date()),
            "due": claims.day(c.due_on), "late": c.status in OPEN and c.due_on < ctx.today,
            "kelurahan": kel_name(ctx, c.kelurahan_code), "amount": c.amount,
        } for c in sorted(cases, key=lambda c: (c.status not in OPEN, c.due_on))]  # fmt: skip
        return self.c.page("claims.html", found.person.locale, status=400 if q.problems else 200,
                           problems=q.problems, seat=found, active="claims", rows=rows,
                           every=every)  # fmt: skip

    @route("GET", "/klaim/{cid}")
    async def one(
        self, request: Request, cid: str, problems: list[Problem] | None = None,
        status: int = 200,
    ) -> Response:  # fmt: skip
        q = Fields(request.query_params, LABELS)
        note = notes(q, NOTES)
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            claim = await claims.case(ctx, record_id(cid))
            if claim is None:
                return self.c.refused("not-found", 404, found.person.locale)
            card = await claims.card(ctx, claim)
            children = await claims.children(ctx, claim.id)
        locale = found.person.locale
        lines = [self.c.words(part, locale) for part in card.parts]
        steps = [s.value for s in (S.DOCUMENTS, S.SUBMITTED, S.PAID, S.REFUSED)
                 if may_move(claim.status, s)]  # fmt: skip
        kids = [(year, claims.day(next_on) if next_on else "-") for year, next_on in children]
        return self.c.page("claim.html", locale, status=400 if q.problems else status,
                           problems=[*(problems or []), *q.problems], seat=found,
                           active="claims", claim=claim, lines=lines, steps=steps, note=note,
                           children=kids)  # fmt: skip

    @route("POST", "/klaim/{cid}")
    async def act(self, request: Request, cid: str) -> Response:
        async with self.c.posted(request, LABELS, admin=True) as (ctx, found, fields):
            key = self.c.record(found, cid)
            step = fields.choice("langkah", STEPS)
            if not step and not fields.problems:
                fields.bad("langkah", "con-bad-choice")
            amount, reason = None, None
            years: tuple[int, ...] = ()
            if step == S.PAID.value:
                amount = fields.amount("jumlah")
                # a child on a paid case is under 23 and born already (the scholarship's age)
                years = fields.years("anak", ctx.today.year - 22, ctx.today.year)
            if step == S.REFUSED.value:
                reason = fields.text("alasan", MAX_REASON)
            outcome = claims.Moved.NOT_ALLOWED  # read only when nothing is wrong
            if not fields.problems:
                outcome, _ = await claims.move(
                    ctx, found.person, key, S(step), amount=amount, reason=reason,
                    children=years, via="via console",
                )  # fmt: skip
        if fields.problems:  # nothing was moved: the case again, saying what to mend
            return await self.one(request, cid, fields.problems, 422)
        note = {claims.Moved.DONE: "con-claim-moved", claims.Moved.NEEDS: "con-claim-needs"}.get(
            outcome, "con-claim-not-now"
        )
        return RedirectResponse(f"/konsol/klaim/{key}?pesan={note}", status_code=303)
