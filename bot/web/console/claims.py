"""The console's claims page (issue 20): every case with its status and service deadline, and
a case's own page with the chat card's words and the next steps as plain forms. The same use
case (handlers.claims.move) as the chat's buttons and `siaga admin claim`."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.web.console.views import Console
from domain.claims import OPEN, ClaimStatus, may_move
from domain.text import parse_rupiah
from handlers import claims, claims_desk
from handlers.officers import kel_name

S = ClaimStatus


class ClaimPages:
    def __init__(self, console: Console) -> None:
        self.c = console

    async def index(self, request: Request) -> Response:
        every = request.query_params.get("semua") == "1"
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            cases = await store.claims(None if every else OPEN, limit=500)
        rows = [{
            "id": c.id, "kind": c.kind.value, "status": c.status.value,
            "event": claims.day(c.event_date), "reported": claims.day(c.created_at.date()),
            "due": claims.day(c.due_on), "late": c.status in OPEN and c.due_on < ctx.today,
            "kelurahan": kel_name(ctx, c.kelurahan_code), "amount": c.amount,
        } for c in sorted(cases, key=lambda c: (c.status not in OPEN, c.due_on))]  # fmt: skip
        return self.c.page("claims.html", found.person.locale, seat=found, active="claims",
                           rows=rows, every=every)  # fmt: skip

    async def one(self, request: Request, cid: int, note: str = "") -> Response:
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            claim = await store.claim(cid)
            if claim is None:
                return self.c.refused("not-found", 404, found.person.locale)
            card = await claims.card(ctx, claim)
            children = await store.children_of(cid)
        locale = found.person.locale
        lines = [self.c.c.catalogue.render(part, locale) for part in card.parts]
        steps = [s.value for s in (S.DOCUMENTS, S.SUBMITTED, S.PAID, S.REFUSED)
                 if may_move(claim.status, s)]  # fmt: skip
        kids = [(year, claims.day(next_on) if next_on else "-") for year, next_on in children]
        return self.c.page("claim.html", locale, seat=found, active="claims", claim=claim,
                           lines=lines, steps=steps, note=note, children=kids)  # fmt: skip

    async def act(self, request: Request, cid: int) -> Response:
        form = await self.c.form(request)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True, form=form)
            if isinstance(found, Response):
                return found
            try:
                to = S(form.get("langkah", ""))
            except ValueError:
                return self.c.refused("not-found", 404, found.person.locale)
            amount = parse_rupiah(form.get("jumlah", ""))
            years = claims_desk.birth_years(form.get("anak", ""), ctx.today.year)
            outcome, _ = await claims.move(
                ctx, found.person, cid, to, amount=amount,
                reason=form.get("alasan"), children=years, via="via console",
            )  # fmt: skip
            await store.commit()
        note = {claims.Moved.DONE: "con-claim-moved", claims.Moved.NEEDS: "con-claim-needs"}.get(
            outcome, "con-claim-not-now"
        )
        return RedirectResponse(f"/konsol/klaim/{cid}?pesan={note}", status_code=303)
