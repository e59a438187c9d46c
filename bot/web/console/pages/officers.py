"""The console's officers' pages (issue 19): signing in and out; for the Dinas, Petugas
(reviewers and invites) and Audit (search, and a CSV that no spreadsheet runs as a formula).
A Dinas page answers anyone else with the 404 a page that does not exist gives."""

from __future__ import annotations

import hmac
from urllib.parse import quote, urlencode

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from markupsafe import Markup

from bot.web.console.fields import Fields, Problem
from bot.web.console.session import COOKIE, PRESS, csrf_ok
from bot.web.console.session import token as press_token
from bot.web.console.views import Ctx, Nav, Pages, csv_file, notes, route, when
from domain.reference import ALPHABET
from handlers import officers
from handlers.core.messages import Msg
from handlers.core.names import kel_name

AUDIT_LIMIT = 200
INVITE_LENGTH = 8  # admin.new_invite_code: eight characters of the references' alphabet
REVIEWER_NOTES = ("con-invite-made", "con-invite-failed", "con-invite-revoked",
                  "con-invite-not-revoked", "con-reviewer-removed", "con-reviewer-not-removed",
                  "con-unknown-action")  # fmt: skip
LABELS = {"kelurahan": "con-col-kelurahan", "kode": "con-col-code", "id": "con-field-id",
          "usulan": "con-col-ref", "orang": "con-audit-person"}  # fmt: skip
NAV = (
    Nav("reviewers", "/konsol/petugas", "con-nav-reviewers", 70, dinas=True),
    Nav("audit", "/konsol/audit", "con-nav-audit", 80, dinas=True),
)


class OfficerPages(Pages):
    # Opening the link only shows a Masuk button; pressing it (a POST) spends the link (issue
    # 26 item 11: Telegram's link preview fetched it, and that one GET used it up). The page
    # sets a random value as a SameSite=Strict cookie and in its form: a form on another site
    # can post someone's link but cannot send that cookie, so it cannot sign a visitor in as
    # someone else (login CSRF).
    @route("GET", "/masuk/{token}")
    async def sign_in_page(self, request: Request, token: str) -> Response:
        async with self.c.unit() as ctx:
            person = await officers.link_owner(ctx, token)
        if person is None:
            return self.c.refused("link", 410)
        value = press_token()
        response = self.c.page("sign_in.html", person.locale, seat=None, token=value,
                               action=_masuk(token))  # fmt: skip
        response.set_cookie(PRESS, value, max_age=officers.LINK_MINUTES * 60, httponly=True,
                            samesite="strict", secure=self.c.secure,
                            path="/konsol/masuk")  # fmt: skip
        return response

    @route("POST", "/masuk/{token}")
    async def sign_in(self, request: Request, token: str) -> Response:
        form = await self.c.form(request)
        pressed = request.cookies.get(PRESS, "")
        given = form.get("csrf", "")
        async with self.c.unit() as ctx:
            if not pressed or not hmac.compare_digest(pressed.encode(), given.encode()):
                live = await officers.link_owner(ctx, token) is not None
                # a used link says so (a second press); a live one was not pressed here
                return self.c.refused("csrf", 403) if live else self.c.refused("link", 410)
            cookie = await officers.use_link(ctx, token)  # a used-up link stays used
        if cookie is None:
            return self.c.refused("link", 410)
        response = RedirectResponse("/konsol/", status_code=303)
        response.set_cookie(COOKIE, cookie, max_age=int(officers.IDLE.total_seconds()) * 16,
                            httponly=True, samesite="strict", secure=self.c.secure,
                            path="/konsol")  # fmt: skip
        response.delete_cookie(PRESS, path="/konsol/masuk")
        return response

    @route("POST", "/keluar")
    async def sign_out(self, request: Request) -> Response:
        # the body first, with no unit of work open: a slow one (a byte every few seconds, no
        # cookie needed) would otherwise hold SQLite's write lock or a PostgreSQL transaction
        # for as long as it trickles (review of issue 26, finding 1)
        form = await self.c.form(request)
        async with self.c.unit() as ctx:
            found, _ = await officers.seat(ctx, request.cookies.get(COOKIE))
            if found is None or not csrf_ok(found, form):
                return self.c.refused("csrf", 403)
            await officers.sign_out(ctx, found)
        response = self.c.refused("signed-out", 200)
        response.delete_cookie(COOKIE, path="/konsol")
        return response

    @route("GET", "/petugas")
    async def reviewers(
        self, request: Request, problems: list[Problem] | None = None, status: int = 200
    ) -> Response:
        q = Fields(request.query_params, LABELS)
        note = notes(q, REVIEWER_NOTES)
        made = _code(q.raw("kode"))
        if q.raw("kode") and not made:
            q.bad("kode", "con-bad-choice")
        problems = [*(problems or []), *q.problems]
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            people = await officers.reviewer_people(ctx)
            invites = await officers.invites(ctx)
        rows = [{"id": p.id, "name": p.display_name or p.external_id, "channel": p.channel,
                 "kelurahan": kel_name(ctx, p.kelurahan_code)} for p in people]  # fmt: skip
        open_invites = [
            {"code": i.code, "kelurahan": kel_name(ctx, i.kelurahan_code),
             "expires": when(ctx, i.expires_at)}
            for i in invites if i.live(ctx.now)
        ]  # fmt: skip
        link = _deep_link(ctx, made)
        locale = found.person.locale
        return self.c.page(
            "reviewers.html", found.person.locale, status=400 if q.problems else status,
            problems=problems, seat=found, rows=rows, invites=open_invites,
            kelurahan_list=ctx.program.regions.all_kelurahan, active="reviewers",
            note=note, made=made,
            link=link, qr=_qr(link, self.c.words(Msg("con-invite-qr"), locale)),
        )  # fmt: skip

    @route("POST", "/petugas/{action}")
    async def reviewers_act(self, request: Request, action: str) -> Response:
        async with self.c.posted(request, LABELS, admin=True) as (ctx, found, fields):
            target, note = "", ""
            if action == "undang":
                fields.kelurahan("kelurahan", ctx.program, required=True)
                if not fields.problems:
                    reply = await officers.create_invite(ctx, found.person, fields.raw("kelurahan"))
                    target = str(reply.parts[0].args.get("code", ""))
                    note = "con-invite-made" if target else "con-invite-failed"
            elif action == "cabut":
                code = _code(fields.raw("kode").strip().upper())
                if not code:
                    fields.bad("kode", "con-bad-choice")
                else:
                    ok = await officers.revoke_invite(ctx, found.person, code)
                    note = "con-invite-revoked" if ok else "con-invite-not-revoked"
            elif action == "hapus":
                who = fields.ident("id")
                if who is None and not fields.problems:
                    fields.bad("id", "con-bad-id")
                if not fields.problems:
                    said = await officers.remove_reviewer(ctx, found.person, str(who))
                    removed = said.parts[0].key == "reviewer-removed"
                    note = "con-reviewer-removed" if removed else "con-reviewer-not-removed"
            else:
                note = "con-unknown-action"
        if fields.problems:  # nothing was done: the page again, saying what to mend
            return await self.reviewers(request, fields.problems, 422)
        query = f"pesan={note}" + (f"&kode={target}" if target else "")
        return RedirectResponse(f"/konsol/petugas?{query}", status_code=303)

    @route("GET", "/audit", csv="/audit.csv")
    async def audit(self, request: Request, as_csv: bool = False) -> Response:
        q = Fields(request.query_params, LABELS)
        ref = q.reference("usulan")
        person = q.ident("orang")
        if q.problems:
            as_csv = False  # the page, saying what to mend: no file, no audit row
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            trail = await officers.trail(ctx, ref or None, person, AUDIT_LIMIT,
                                         exported_by=found.person if as_csv else None)  # fmt: skip
        rows = [{"at": when(ctx, r.at), "actor": r.actor, "subject": r.subject,
                 "action": r.action, "outcome": r.outcome, "nomination": r.nomination_id,
                 "detail": r.detail or ""} for r in trail]  # fmt: skip
        if as_csv:
            return csv_file(rows, "audit.csv", "at")
        return self.c.page("audit.html", found.person.locale, status=400 if q.problems else 200,
                           problems=q.problems, seat=found, rows=rows, active="audit",
                           ref=ref or "", person=person or "",
                           query=urlencode({"usulan": ref or "",
                                            "orang": person or ""}))  # fmt: skip


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


def _masuk(token: str) -> str:
    """The link's own address, for its form; a token is base64url (anything else names no
    link and is refused before this)."""
    return "/konsol/masuk/" + quote(token, safe="")


def _deep_link(ctx: Ctx, code: str | None) -> str:
    if not code or not _code(code):
        return ""  # only an invite code, from our own redirect, makes a link
    username = ctx.settings.telegram_bot_username
    return f"https://t.me/{username}?start={code}" if code and username else ""
