"""The web console's pages for the Dinas and the lurah (issue 19): the same use cases as the
chat (one rule, two doors), on the same database, served by the same `siaga serve` workers.

Every page works with JavaScript off (plain forms); every form carries the session's CSRF
token; a lurah sees their own kelurahan only (another's nomination is a 404, as if it did not
exist); every action's audit row says "via console".
"""

from __future__ import annotations

import hmac
import math
from collections import Counter
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException

from bot.db import reports
from bot.db.rows import aware
from bot.db.store import SqlStore
from bot.delivery.handling import Conversations
from bot.web.console.fields import Fields, Problem, record_id
from bot.web.console.session import COOKIE, IDLE, Seat, csrf_ok, open_session, seat
from bot.web.console.session import token as session_token
from bot.web.limits import UPLOAD_PATH, ASGIApp, BodyLimit, Scope, console_cap, is_desk_file
from domain.nomination import WAITING_FOR_LURAH as WAITING
from domain.nomination import NominationStatus
from domain.roles import Action
from handlers import claims, review
from handlers.console_login import LINK_MINUTES, digest
from handlers.lurah.queue import REJECT_REASONS, list_lines
from handlers.messages import Msg, Raw
from handlers.officers import kel_name
from handlers.ports import Context
from handlers.records import Nomination, Role

HERE = Path(__file__).resolve().parent
PRESS = "siaga_masuk"  # the sign-in page's own cookie, sent back only from that page
STATUSES = tuple(s.value for s in NominationStatus)
SORTS = ("nama", "waiting", "oldest", "approved", "rejected", "reviewers")
VERDICTS = ("likely_eligible", "needs_review", "not_eligible")
ACTIONS = ("setujui", "tolak", "tanya", "nik")
MAX_WAIT = 999  # days: the queue's filter box takes three digits
MAX_TEXT = 300  # a reason or a question, as the chat keeps them
# What a nomination's page may say after an action (?pesan=…): its own outcomes only
NOMINATION_NOTES = (*(f"con-result-{o.value}" for o in review.Outcome), "con-err-reason",
                    "con-err-question", "con-forbidden", "con-nik-shown",
                    "con-unknown-action")  # fmt: skip
LABELS = {"urut": "con-field-address", "kelurahan": "con-col-kelurahan",
          "status": "con-col-status", "penilaian": "con-col-verdict",
          "pekerjaan": "con-col-occupation", "menunggu": "con-waiting-at-least",
          "alasan": "con-reject-reason"}  # fmt: skip


class Console:
    def __init__(self, conversations: Conversations) -> None:
        self.c = conversations
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(),
            trim_blocks=True, lstrip_blocks=True,
        )  # fmt: skip
        self.secure = conversations.settings.console_url.startswith("https://")

    # --- plumbing ---------------------------------------------------------------------------
    @asynccontextmanager
    async def unit(self) -> AsyncIterator[tuple[SqlStore, Context]]:
        async with self.c.db.store() as store:
            store.via = "via console"
            yield store, self.c.context(store)
            # a page that refuses still keeps what it learnt: an idle or outdated session
            # ended, a session's last sight
            await store.commit()

    def page(self, name: str, locale: str, status: int = 200, **values: Any) -> HTMLResponse:
        cat = self.c.catalogue

        def t(key: str, **args: Any) -> str:
            return cat.render(Msg(key, {k: _arg(v) for k, v in args.items()}), locale)

        html = self.env.get_template(name).render(t=t, locale=locale, **values)
        return HTMLResponse(html, status_code=status, headers=_HEADERS)

    def refused(self, why: str, status: int, locale: str = "id") -> HTMLResponse:
        return self.page("refused.html", locale, status=status, why=why)

    async def who(
        self, request: Request, store: SqlStore, now: datetime
    ) -> tuple[Seat | None, str]:
        return await seat(store, request.cookies.get(COOKIE), now)

    async def gate(
        self,
        request: Request,
        store: SqlStore,
        ctx: Context,
        *,
        admin: bool = False,
        form: dict[str, str] | None = None,
    ) -> Seat | Response:
        """Who is asking, or the page that refuses them: no session (401), a Dinas page for a
        lurah (404, as if it did not exist), a form without its CSRF token (403). `form`:
        None for a GET, else the posted fields."""
        found, why = await self.who(request, store, ctx.now)
        if found is None:
            return self.refused(why or "no-session", 401)
        if admin and found.person.role is not Role.ADMIN:
            return self.refused("not-found", 404, found.person.locale)
        if form is not None and not csrf_ok(found, form):
            return self.refused("csrf", 403, found.person.locale)
        return found

    async def form(self, request: Request) -> dict[str, str]:
        """The posted fields. The body is at most FORM bytes: BodyLimit, in front of every
        console route, refused a larger one before any of it was read. Read it before opening
        a unit of work: its size is capped, the time it takes to arrive is not."""
        body = await request.body()
        return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}

    # --- signing in and out -------------------------------------------------------------------
    # Opening the link only shows a Masuk button; pressing it (a POST) spends the link (issue
    # 26 item 11: Telegram's link preview fetched it, and that one GET used it up). The page
    # sets a random value as a SameSite=Strict cookie and in its form: a form on another site
    # can post someone's link but cannot send that cookie, so it cannot sign a visitor in as
    # someone else (login CSRF).
    async def sign_in_page(self, token: str) -> Response:
        async with self.unit() as (store, ctx):
            owner = await store.login_link_live(digest(token), ctx.now)
            person = await store.person_by_id(owner) if owner is not None else None
        if person is None:
            return self.refused("link", 410)
        value = session_token()
        response = self.page("sign_in.html", person.locale, seat=None, token=value,
                             action=_masuk(token))  # fmt: skip
        response.set_cookie(PRESS, value, max_age=LINK_MINUTES * 60, httponly=True,
                            samesite="strict", secure=self.secure,
                            path="/konsol/masuk")  # fmt: skip
        return response

    async def sign_in(self, request: Request, token: str) -> Response:
        form = await self.form(request)
        pressed = request.cookies.get(PRESS, "")
        given = form.get("csrf", "")
        async with self.unit() as (store, ctx):
            if not pressed or not hmac.compare_digest(pressed.encode(), given.encode()):
                live = await store.login_link_live(digest(token), ctx.now)
                # a used link says so (a second press); a live one was not pressed here
                return self.refused("csrf", 403) if live else self.refused("link", 410)
            person_id = await store.use_login_link(digest(token), ctx.now)
            person = await store.person_by_id(person_id) if person_id is not None else None
            if person is not None:
                await store.follow_admin_setting(person, ctx.now)
            if person is None or person.role not in (Role.LURAH, Role.ADMIN):
                await store.commit()  # a used-up link stays used
                return self.refused("link", 410)
            cookie = await open_session(store, person, ctx.now)
            await store.commit()
        response = RedirectResponse("/konsol/", status_code=303)
        response.set_cookie(COOKIE, cookie, max_age=int(IDLE.total_seconds()) * 16,
                            httponly=True, samesite="strict", secure=self.secure,
                            path="/konsol")  # fmt: skip
        response.delete_cookie(PRESS, path="/konsol/masuk")
        return response

    async def sign_out(self, request: Request) -> Response:
        # the body first, with no unit of work open: a slow one (a byte every few seconds, no
        # cookie needed) would otherwise hold SQLite's write lock or a PostgreSQL transaction
        # for as long as it trickles (review of issue 26, finding 1)
        form = await self.form(request)
        async with self.unit() as (store, ctx):
            found, _ = await self.who(request, store, ctx.now)
            if found is None or not csrf_ok(found, form):
                return self.refused("csrf", 403)
            await store.end_console_session(found.digest)
            await store.audit(actor=found.person.id, action="console.signed_out", now=ctx.now)
            await store.commit()
        response = self.refused("signed-out", 200)
        response.delete_cookie(COOKIE, path="/konsol")
        return response

    # --- pages -----------------------------------------------------------------------------------
    async def overview(self, request: Request) -> Response:
        q = Fields(request.query_params, LABELS)
        sort = q.choice("urut", SORTS, "waiting")
        async with self.unit() as (store, ctx):
            found = await self.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            period = review.period_of(ctx)
            quota = await store.quota(period)
            per_kel = await store.kelurahan_overview()
            reviewers = await store.people_with_role(Role.LURAH)
            recent = await store.approved_since(ctx.now - timedelta(days=30))
            weeks = _weekly(ctx, await store.approved_at(ctx.now - timedelta(weeks=WEEKS)))
            await store.commit()
        deadline = ctx.program.review_deadline_days
        rows = []
        for kel in ctx.program.regions.all_kelurahan:
            info = per_kel.get(kel.code, {"counts": {}, "oldest_waiting": None, "last": None})
            counts = info["counts"]
            oldest = info["oldest_waiting"]
            days = (ctx.now - oldest).days if oldest is not None else None
            rows.append({
                "name": kel.name, "code": kel.code,
                "waiting": sum(counts.get(s, 0) for s in WAITING),
                "oldest": days, "late": days is not None and days > deadline,
                "approved": counts.get("approved", 0) + counts.get("registered", 0),
                "rejected": counts.get("rejected", 0),
                "reviewers": sum(1 for p in reviewers if p.kelurahan_code == kel.code),
                "last": _day(ctx, info["last"]), "all": sum(counts.values()),
            })  # fmt: skip
        if sort != "nama":
            rows.sort(key=lambda r: (r[sort] is None, -(r[sort] or 0), r["name"]))
        else:
            rows.sort(key=lambda r: r["name"])
        total, used = quota if quota else (None, 0)
        left = max(total - used, 0) if total is not None else None
        forecast = math.ceil(left / (recent / 30)) if left and recent else None
        by_status: Counter[str] = Counter()
        for info in per_kel.values():
            by_status.update(info["counts"])
        top = max([r["all"] for r in rows] + [1])
        return self.page(
            "overview.html", found.person.locale, status=400 if q.problems else 200,
            problems=q.problems, seat=found, period=period, rows=rows,
            total=total, used=used, left=left, forecast=forecast, recent=recent,
            deadline=deadline, statuses=[(s, by_status[s]) for s in STATUSES if by_status[s]],
            top=top, sort=sort, weeks=weeks, week_top=max([n for _, n in weeks] + [1]),
        )  # fmt: skip

    async def queue(self, request: Request) -> Response:
        q = Fields(request.query_params, LABELS)
        status = q.choice("status", STATUSES, "pending")
        verdict = q.choice("penilaian", VERDICTS) or None
        waited = q.number("menunggu", 0, MAX_WAIT) or 0
        async with self.unit() as (store, ctx):
            found = await self.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            named = q.kelurahan("kelurahan", ctx.program)
            kel = found.kelurahan or named  # a lurah sees their own kelurahan only
            codes = [o.code for o in ctx.program.occupations.occupations]
            occupation = q.choice("pekerjaan", codes) or None
            items = await store.nominations_list(kel, [status], occupation, verdict)
            if waited:  # waiting at least this many days
                items = [r for r in items if (ctx.now - _aware(r.created_at)).days >= waited]
            await store.commit()
        rows = [{
            "id": r.id, "ref": r.ref, "name": r.name or "-",
            "kelurahan": kel_name(ctx, r.kelurahan_code), "status": r.status,
            "verdict": r.verdict, "occupation": (r.answers or {}).get("occupation") or "",
            "days": max((ctx.now - _aware(r.created_at)).days, 0),
        } for r in items]  # fmt: skip
        return self.page(
            "queue.html", found.person.locale, status=400 if q.problems else 200,
            problems=q.problems, seat=found, rows=rows, chosen=status,
            kelurahan=kel, kelurahan_list=ctx.program.regions.all_kelurahan,
            statuses=STATUSES, occupations=[o.code for o in ctx.program.occupations.occupations],
            verdict=verdict or "", occupation=occupation or "", waited=waited or "",
        )  # fmt: skip

    async def nomination(
        self, request: Request, nid: str, note: str = "", nik: str = "",
        problems: list[Problem] | None = None, status: int = 200,
    ) -> Response:  # fmt: skip
        q = Fields(request.query_params, LABELS)
        note = note or notes(q, NOMINATION_NOTES)
        problems = [*(problems or []), *q.problems]
        async with self.unit() as (store, ctx):
            found = await self.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            n = await self._visible(ctx, found, nid)
            if n is None:
                return self.refused("not-found", 404, found.person.locale)
            trail = await reports.audit_trail(store.conn, n.id, None, 50)
            history = [(when(ctx, h.at), h.action, h.detail) for h in trail]
            left = await review.places_left(ctx)
            note_args = await _note_args(ctx, n, note)
            await store.commit()
        return self.page(
            "nomination.html", found.person.locale, status=400 if q.problems else status,
            problems=problems, seat=found, n=n, history=history,
            reasons=[_reason(ctx, n, code) for code in n.reasons], left=left,
            kelurahan=kel_name(ctx, n.kelurahan_code), note=note, note_args=note_args, nik=nik,
            answers=n.answers, reject_reasons=REJECT_REASONS,
            days=max((ctx.now - n.created_at).days, 0),
            decidable=n.status.value in WAITING, cover=self._cover(ctx, n, found.person.locale),
            lists=[self.c.catalogue.render(m, found.person.locale)
                   for m in list_lines(n.answers.get("lists") or {})],
        )  # fmt: skip

    def _cover(self, ctx: Context, n: Nomination, locale: str) -> str:
        """A participant's cover in the chat's words (dates, premium, benefits, the reported
        three-month rule); empty before registration."""
        if n.coverage_start is None or ctx.program.claims is None:
            return ""
        words = claims.cover_msg(ctx, n, ctx.today, "cover-details-officer")
        return self.c.catalogue.render(words, locale)

    async def _visible(self, ctx: Context, found: Seat, nid: str) -> Nomination | None:
        """The nomination, if this officer may see it; else None (the page says 404): also
        for an id that is no id (`/usulan/9999…` answered 500)."""
        key = record_id(nid)
        n = await ctx.store.nomination_by_id(key) if key is not None else None
        if n is None:
            return None
        if found.person.role is Role.LURAH and n.kelurahan_code != found.person.kelurahan_code:
            return None
        return n

    async def act(self, request: Request, nid: str, action: str) -> Response:
        form = await self.form(request)
        labels = {**LABELS, "teks": "con-ask" if action == "tanya" else "con-reject-other"}
        fields = Fields(form, labels)
        async with self.unit() as (store, ctx):
            found = await self.gate(request, store, ctx, form=form)
            if isinstance(found, Response):
                return found
            n = await self._visible(ctx, found, nid)
            if n is None:
                await store.commit()
                return self.refused("not-found", 404, found.person.locale)
            note, nik = await self._do(ctx, found, n, action, fields)
            note_args = await _note_args(ctx, n, note)
            await store.commit()
        if fields.problems:  # nothing was done: the page again, saying what to mend
            return await self.nomination(request, nid, problems=fields.problems, status=422)
        if nik:  # shown once, in this answer only: never in a URL or a redirect
            return await self.nomination(request, nid, note, nik)
        if request.headers.get("X-Inline") == "1":  # the queue's script: the outcome alone
            return self.page("note.html", found.person.locale, note=note, note_args=note_args)
        return RedirectResponse(f"/konsol/usulan/{nid}?{urlencode({'pesan': note})}",
                                status_code=303)  # fmt: skip

    async def _do(
        self, ctx: Context, found: Seat, n: Nomination, action: str, fields: Fields
    ) -> tuple[str, str]:
        """The use case behind a button: (what to say, a NIK shown once). A field that is
        no good leaves its Problem in `fields` and nothing is done."""
        person = found.person
        if action == "setujui":
            result = await review.approve(ctx, person, n)
        elif action == "tolak":
            reason = fields.choice("alasan", REJECT_REASONS)
            text = fields.text("teks", MAX_TEXT)
            if fields.problems:
                return "", ""
            if reason:  # stored as words, as in the chat
                text = ctx.render(Msg(f"reject-reason-{reason}"), person.locale)
            if len(text or "") < 3:
                return "con-err-reason", ""
            result = await review.reject(ctx, person, n, text or "")
        elif action == "tanya":
            question = fields.text("teks", MAX_TEXT)
            if fields.problems:
                return "", ""
            if len(question or "") < 3:
                return "con-err-question", ""
            result = await review.request_info(ctx, person, n, question or "")
        elif action == "nik":
            if not await review.authorise(ctx, person, Action.VIEW_QUEUE, n.kelurahan_code):
                return "con-forbidden", ""
            sealed = await store_of(ctx).nomination_nik(n.id)
            await ctx.store.audit(actor=person.id, action="nik.viewed", now=ctx.now,
                                  nomination_id=n.id)  # fmt: skip
            return "con-nik-shown", store_of(ctx).open_nik(sealed) if sealed else ""
        else:
            return "con-unknown-action", ""
        return f"con-result-{result.outcome.value}", ""


async def _note_args(ctx: Context, n: Nomination, note: str) -> dict[str, Any]:
    """A colleague decided first (issue 26 item 14): who and what, from the audit log, read
    when the page is shown (a redirect's link carries only the note's key)."""
    if note != f"con-result-{review.Outcome.ALREADY_DECIDED.value}":
        return {}
    current = await ctx.store.nomination_by_id(n.id) or n
    by = await review.decided_by(ctx, current, await ctx.store.last_mover(n.id))
    return {"by": by, "status": Msg(f"status-{current.status.value}")}


def store_of(ctx: Context) -> SqlStore:
    """The console runs on the SQL store itself (a NIK is opened only here, on request)."""
    assert isinstance(ctx.store, SqlStore)
    return ctx.store


WEEKS = 12  # the weekly approvals chart: the last twelve weeks


def _weekly(ctx: Context, decided: list[datetime]) -> list[tuple[str, int]]:
    """Approvals per week (Monday to Sunday, the city's time), oldest first."""
    today = ctx.local.date()
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=w) for w in range(WEEKS - 1, -1, -1)]
    counts = Counter(
        (d.astimezone(ctx.tz).date() - timedelta(days=d.astimezone(ctx.tz).weekday()))
        for d in decided
    )
    return [(f"{s:%d/%m}", counts.get(s, 0)) for s in starts]


def notes(fields: Fields, allowed: Collection[str]) -> str:
    """The outcome a redirect named (?pesan=…), one of the page's own: a crafted link cannot
    put other catalogue words on the page (`?pesan=con-nomination` answered 500)."""
    return fields.choice("pesan", allowed)


def _day(ctx: Context, at: datetime | None) -> str:
    return at.astimezone(ctx.tz).strftime("%d-%m-%Y") if at is not None else ""


def when(ctx: Context, at: datetime) -> str:
    return _aware(at).astimezone(ctx.tz).strftime("%d-%m-%Y %H.%M WIB")


def _arg(value: Any) -> Any:
    if isinstance(value, Msg | Raw | int | float):
        return value
    return Raw(str(value))


def _aware(value: datetime) -> datetime:
    out = aware(value)
    assert out is not None
    return out


def _masuk(token: str) -> str:
    """The link's own address, for its form; a token is base64url (anything else names no
    link and is refused before this)."""
    return "/konsol/masuk/" + quote(token, safe="")


def _reason(ctx: Context, n: Nomination, stored: str) -> tuple[str, Msg]:
    """A stored reason ("age.in_range:pass") as its mark and words, with every value its
    message may name: a reason from a registry list names the list's date, kept with the
    nomination's answers (issue 26 item 5: without it the page answered 500 once lists were
    imported)."""
    code, _, status = stored.partition(":")
    a = n.answers
    lists = a.get("lists") or {}
    listed = lists.get("bpjs" if code.startswith("bpjs.") else "dtks")
    age_min, age_max = ctx.program.age_min.at(ctx.today), ctx.program.age_max.at(ctx.today)
    occupation: Msg | Raw = (Msg(f"occ-{a['occupation']}") if a.get("occupation")
                             else Raw(a.get("occupation_text") or "-"))  # fmt: skip
    args = {
        "age": a.get("age") or "-", "min": age_min, "max": age_max,
        "stated": a.get("stated_age") or "-", "kelurahan": kel_name(ctx, n.kelurahan_code),
        "city": ctx.program.regions.city_name, "region": n.nik_masked[:7],
        "registry": ctx.program.registry.at(ctx.today), "occupation": occupation,
        "text": Raw(a.get("occupation_text") or "-"),
        "as_of": _list_day(listed[1]) if listed and len(listed) > 1 else "-",
    }  # fmt: skip
    mark = {"pass": "✓", "fail": "✗"}.get(status, "?")
    return mark, Msg("reason-" + code.replace(".", "-"), args)


def _list_day(iso: Any) -> str:
    """A list's date as stored ("2026-11-01") as the chat writes it ("01-11-2026")."""
    text = str(iso)
    return f"{text[8:10]}-{text[5:7]}-{text[:4]}" if len(text) == 10 else "-"


_HEADERS = {
    # the console is its own origin's only content: no frames, no outside scripts
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def build(conversations: Conversations) -> ASGIApp:
    from bot.web.console.broadcasts import BroadcastPages
    from bot.web.console.claims import ClaimPages
    from bot.web.console.dinas import DinasPages
    from bot.web.console.learning import LearningPages
    from bot.web.console.nominate import NominatePages
    from bot.web.console.pages import tickets
    from bot.web.console.participants import ParticipantPages

    console = Console(conversations)
    dinas = DinasPages(console)
    broadcasts = BroadcastPages(console)
    participants = ParticipantPages(console)
    nominate = NominatePages(console)
    claim_pages = ClaimPages(console)
    learn = LearningPages(console)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        """An unknown address, a wrong method or a form that cannot be parsed: a page in the
        officer's words, not the framework's JSON."""
        why = "not-found" if exc.status_code in (404, 405) else "bad-request"
        return console.refused(why, exc.status_code)

    @app.get("/masuk/{token}")
    async def sign_in_page(token: str) -> Response:
        return await console.sign_in_page(token)

    @app.post("/masuk/{token}")
    async def sign_in(request: Request, token: str) -> Response:
        return await console.sign_in(request, token)

    @app.post("/keluar")
    async def sign_out(request: Request) -> Response:
        return await console.sign_out(request)

    @app.get("/")
    async def overview(request: Request) -> Response:
        return await console.overview(request)

    @app.get("/antrean")
    async def queue(request: Request) -> Response:
        return await console.queue(request)

    @app.get("/usulan/{nid}")
    async def nomination(request: Request, nid: str) -> Response:
        return await console.nomination(request, nid)

    @app.post("/usulan/{nid}/{action}")
    async def act(request: Request, nid: str, action: str) -> Response:
        return await console.act(request, nid, action)

    @app.get("/petugas")
    async def reviewers(request: Request) -> Response:
        return await dinas.reviewers(request)

    @app.post("/petugas/{action}")
    async def reviewers_act(request: Request, action: str) -> Response:
        return await dinas.reviewers_act(request, action)

    @app.get("/ekspor")
    async def export_page(request: Request) -> Response:
        return await dinas.export_page(request)

    @app.post("/ekspor")
    async def export_file(request: Request) -> Response:
        return await dinas.export_file(request)

    @app.get("/audit")
    async def audit(request: Request) -> Response:
        return await dinas.audit(request)

    @app.get("/usulkan")
    async def nominate_page(request: Request) -> Response:
        return await nominate.page(request)

    @app.post("/usulkan")
    async def nominate_submit(request: Request) -> Response:
        return await nominate.submit(request)

    @app.get("/peserta")
    async def participants_index(request: Request) -> Response:
        return await participants.index(request)

    @app.post("/peserta/pratinjau")
    async def participants_preview(request: Request) -> Response:
        return await participants.preview(request)

    @app.get("/peserta/pratinjau/{uid}")
    async def participants_checked(request: Request, uid: str) -> Response:
        return await participants.checked(request, uid)

    @app.post("/peserta/terapkan")
    async def participants_apply(request: Request) -> Response:
        return await participants.apply(request)

    @app.get("/siaran")
    async def broadcast_index(request: Request) -> Response:
        return await broadcasts.index(request)

    @app.post("/siaran/pratinjau")
    async def broadcast_preview(request: Request) -> Response:
        return await broadcasts.preview(request)

    @app.post("/siaran/kirim")
    async def broadcast_send(request: Request) -> Response:
        return await broadcasts.preview(request, send=True)

    @app.get("/siaran/{bid}")
    async def broadcast_one(request: Request, bid: str) -> Response:
        return await broadcasts.one(request, bid)

    @app.get("/siaran/{bid}/kemajuan")
    async def broadcast_progress(request: Request, bid: str) -> Response:
        return await broadcasts.one(request, bid, fragment=True)

    @app.post("/siaran/{bid}/hentikan")
    async def broadcast_stop(request: Request, bid: str) -> Response:
        return await broadcasts.stop(request, bid)

    @app.get("/klaim")
    async def claims_index(request: Request) -> Response:
        return await claim_pages.index(request)

    @app.get("/klaim/{cid}")
    async def claim_one(request: Request, cid: str) -> Response:
        return await claim_pages.one(request, cid)

    @app.post("/klaim/{cid}")
    async def claim_act(request: Request, cid: str) -> Response:
        return await claim_pages.act(request, cid)

    @app.get("/pelajari")
    async def learn_index(request: Request) -> Response:
        return await learn.index(request)

    @app.post("/pelajari/{mid}")
    async def learn_act(request: Request, mid: str) -> Response:
        return await learn.act(request, mid)

    tickets.routes(app, console)  # residents' questions (issue 30)

    @app.get("/audit.csv")
    async def audit_csv(request: Request) -> Response:
        return await dinas.audit(request, as_csv=True)

    # Every body is capped before routing, the gate or a form parser sees it (issue 26 item
    # 4): a form at FORM, the BPJS upload at UPLOAD; past it, a page that says so.
    def too_large(scope: Scope) -> ASGIApp:
        path = scope["path"]
        big = path.endswith(UPLOAD_PATH) or is_desk_file(path)
        return console.refused("too-big" if big else "body", 413)

    return BodyLimit(app, console_cap, refuse=too_large)
