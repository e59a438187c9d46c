"""The Dinas's console pages (issue 19): Petugas (reviewers and invites), Ekspor (the approved
list for BPJS as XLSX) and Audit (search, and a CSV that no spreadsheet runs as a formula).
Admins only: anyone else gets the 404 a page that does not exist gives."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from markupsafe import Markup

from bot import export
from bot.db import reports
from bot.db.rows import aware
from bot.web.console.fields import Fields, Problem
from bot.web.console.views import Console, notes, when
from domain.reference import ALPHABET
from handlers.core.messages import Msg
from handlers.core.records import Role
from handlers.officers import admin
from handlers.officers.names import kel_name

AUDIT_LIMIT = 200
INVITE_LENGTH = 8  # admin.new_invite_code: eight characters of the references' alphabet
REVIEWER_NOTES = ("con-invite-made", "con-invite-failed", "con-invite-revoked",
                  "con-invite-not-revoked", "con-reviewer-removed", "con-reviewer-not-removed",
                  "con-unknown-action")  # fmt: skip
LABELS = {"kelurahan": "con-col-kelurahan", "kode": "con-col-code", "id": "con-field-id",
          "usulan": "con-col-ref", "orang": "con-audit-person"}  # fmt: skip
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DinasPages:
    def __init__(self, console: Console) -> None:
        self.c = console

    async def reviewers(
        self, request: Request, problems: list[Problem] | None = None, status: int = 200
    ) -> Response:
        q = Fields(request.query_params, LABELS)
        note = notes(q, REVIEWER_NOTES)
        made = _code(q.raw("kode"))
        if q.raw("kode") and not made:
            q.bad("kode", "con-bad-choice")
        problems = [*(problems or []), *q.problems]
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            people = await store.people_with_role(Role.LURAH)
            invites = await store.invites()
            await store.commit()
        rows = [{"id": p.id, "name": p.display_name or p.external_id, "channel": p.channel,
                 "kelurahan": kel_name(ctx, p.kelurahan_code)} for p in people]  # fmt: skip
        open_invites = [
            {"code": i["code"], "kelurahan": kel_name(ctx, i["kelurahan_code"]),
             "expires": when(ctx, i["expires_at"])}
            for i in invites
            if not i["used_by"] and not i["revoked_at"] and _live(i["expires_at"], ctx.now)
        ]  # fmt: skip
        link = _deep_link(ctx, made)
        locale = found.person.locale
        return self.c.page(
            "reviewers.html", found.person.locale, status=400 if q.problems else status,
            problems=problems, seat=found, rows=rows, invites=open_invites,
            kelurahan_list=ctx.program.regions.all_kelurahan, active="reviewers",
            note=note, made=made,
            link=link, qr=_qr(link, self.c.c.catalogue.render(Msg("con-invite-qr"), locale)),
        )  # fmt: skip

    async def reviewers_act(self, request: Request, action: str) -> Response:
        form = await self.c.form(request)
        fields = Fields(form, LABELS)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True, form=form)
            if isinstance(found, Response):
                return found
            target, note = "", ""
            if action == "undang":
                fields.kelurahan("kelurahan", ctx.program, required=True)
                if not fields.problems:
                    reply = await admin.create_invite(ctx, found.person, fields.raw("kelurahan"))
                    target = str(reply.parts[0].args.get("code", ""))
                    note = "con-invite-made" if target else "con-invite-failed"
            elif action == "cabut":
                code = _code(fields.raw("kode").strip().upper())
                if not code:
                    fields.bad("kode", "con-bad-choice")
                else:
                    ok = await store.revoke_invite(code, ctx.now)
                    if ok:
                        await store.audit(actor=found.person.id, action="invite.revoked",
                                          now=ctx.now, detail=code[:2] + "…")  # fmt: skip
                    note = "con-invite-revoked" if ok else "con-invite-not-revoked"
            elif action == "hapus":
                who = fields.ident("id")
                if who is None and not fields.problems:
                    fields.bad("id", "con-bad-id")
                if not fields.problems:
                    said = await admin.remove_reviewer(ctx, found.person, str(who))
                    removed = said.parts[0].key == "reviewer-removed"
                    note = "con-reviewer-removed" if removed else "con-reviewer-not-removed"
            else:
                note = "con-unknown-action"
            await store.commit()
        if fields.problems:  # nothing was done: the page again, saying what to mend
            return await self.reviewers(request, fields.problems, 422)
        query = f"pesan={note}" + (f"&kode={target}" if target else "")
        return RedirectResponse(f"/konsol/petugas?{query}", status_code=303)

    async def export_page(
        self, request: Request, problems: list[Problem] | None = None, status: int = 200
    ) -> Response:
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            await store.commit()
        return self.c.page("export.html", found.person.locale, status=status, seat=found,
                           active="export", problems=problems,
                           kelurahan_list=ctx.program.regions.all_kelurahan)  # fmt: skip

    async def export_file(self, request: Request) -> Response:
        form = await self.c.form(request)
        fields = Fields(form, LABELS)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True, form=form)
            if isinstance(found, Response):
                return found
            # "" is every kelurahan; a name that is none is no longer read as "every"
            code = fields.kelurahan("kelurahan", ctx.program)
            rows = []
            if not fields.problems:
                rows = await export.approved_rows(store, ctx.program, code, ctx.today)
                await store.audit(actor=found.person.id, action="export.approved", now=ctx.now,
                                  after={"rows": len(rows), "format": "xlsx",
                                         "kelurahan": code or "all"})  # fmt: skip
            await store.commit()
        if fields.problems:  # no file: the page again, saying what to mend
            return await self.export_page(request, fields.problems, 422)
        name = f"pro-jkk-jkm-disetujui-{ctx.today:%Y%m%d}.xlsx"
        headers = {"Content-Disposition": f'attachment; filename="{name}"',
                   "Cache-Control": "no-store"}  # fmt: skip
        return Response(export.xlsx_bytes(rows), headers=headers, media_type=XLSX)

    async def audit(self, request: Request, as_csv: bool = False) -> Response:
        q = Fields(request.query_params, LABELS)
        ref = q.reference("usulan")
        person = q.ident("orang")
        if q.problems:
            as_csv = False  # the page, saying what to mend: no file, no audit row
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            nomination = await store.nomination_by_ref(ref) if ref else None
            trail = await reports.audit_trail(
                store.conn, nomination.id if nomination else (-1 if ref else None), person,
                AUDIT_LIMIT,
            )  # fmt: skip
            if as_csv:
                await store.audit(actor=found.person.id, action="audit.exported", now=ctx.now,
                                  after={"rows": len(trail)})  # fmt: skip
            await store.commit()
        rows = [{"at": when(ctx, r.at), "actor": r.actor, "subject": r.subject,
                 "action": r.action, "outcome": r.outcome, "nomination": r.nomination_id,
                 "detail": r.detail or ""} for r in trail]  # fmt: skip
        if as_csv:
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["at"])
            w.writeheader()
            w.writerows({k: export.csv_cell(v) for k, v in r.items()} for r in rows)
            return Response(buf.getvalue(), media_type="text/csv", headers={
                "Content-Disposition": 'attachment; filename="audit.csv"',
                "Cache-Control": "no-store",
            })  # fmt: skip
        return self.c.page("audit.html", found.person.locale, status=400 if q.problems else 200,
                           problems=q.problems, seat=found, rows=rows, active="audit",
                           ref=ref or "", person=person or "",
                           query=urlencode({"usulan": ref or "",
                                            "orang": person or ""}))  # fmt: skip


def _live(expires: Any, now: Any) -> bool:
    at = aware(expires)
    return at is not None and at > now


def _code(code: str | None) -> str:
    """An invite code as /undang makes them (admin.new_invite_code), or ""."""
    ok = code and len(code) == INVITE_LENGTH and all(c in ALPHABET for c in code)
    return code if ok and code else ""


def _qr(link: str, title: str) -> Markup | None:
    """The invite's link as a QR code (inline SVG), for a lurah to scan from the screen."""
    if not link:
        return None
    import segno

    # our own SVG: the link is t.me, the bot's name (a setting) and a code of [A-Z0-9]; segno
    # escapes the title
    return Markup(segno.make_qr(link).svg_inline(scale=5, title=title))  # noqa: S704


def _deep_link(ctx: Any, code: str | None) -> str:
    if not code or not _code(code):
        return ""  # only an invite code, from our own redirect, makes a link
    username = ctx.settings.telegram_bot_username
    return f"https://t.me/{username}?start={code}" if code and username else ""
