"""The console's nominations (issue 19): Ringkasan (quota, forecast, statuses, the 27
kelurahan with the late ones in red, the weekly approvals), Antrean (filters), a nomination's
page (approve, reject, ask for information, the NIK whole on request) and Ekspor (the approved
list for BPJS as XLSX). The same use cases as the lurah's chat (handlers.nominations)."""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot import export
from bot.web.console.fields import Fields, Problem, record_id
from bot.web.console.views import Ctx, Nav, Pages, day, notes, route, when
from domain.nomination import WAITING_FOR_LURAH as WAITING
from domain.nomination import NominationStatus
from handlers import nominations, officers, participants
from handlers.core.messages import Msg, Raw
from handlers.core.names import kel_name
from handlers.nominations import Nomination, Outcome
from handlers.officers import Seat

STATUSES = tuple(s.value for s in NominationStatus)
SORTS = ("nama", "waiting", "oldest", "approved", "rejected", "reviewers")
VERDICTS = ("likely_eligible", "needs_review", "not_eligible")
MAX_WAIT = 999  # days: the queue's filter box takes three digits
MAX_TEXT = 300  # a reason or a question, as the chat keeps them
WEEKS = 12  # the weekly approvals chart: the last twelve weeks
# What a nomination's page may say after an action (?pesan=…): its own outcomes only
NOMINATION_NOTES = (*(f"con-result-{o.value}" for o in Outcome), "con-err-reason",
                    "con-err-question", "con-forbidden", "con-nik-shown",
                    "con-unknown-action")  # fmt: skip
LABELS = {"urut": "con-field-address", "kelurahan": "con-col-kelurahan",
          "status": "con-col-status", "penilaian": "con-col-verdict",
          "pekerjaan": "con-col-occupation", "menunggu": "con-waiting-at-least",
          "alasan": "con-reject-reason"}  # fmt: skip
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

NAV = (
    Nav("overview", "/konsol/", "con-nav-overview", 10),
    Nav("queue", "/konsol/antrean", "con-nav-queue", 20),
    Nav("export", "/konsol/ekspor", "con-nav-export", 90, dinas=True),
)


class NominationPages(Pages):
    @route("GET", "/")
    async def overview(self, request: Request) -> Response:
        q = Fields(request.query_params, LABELS)
        sort = q.choice("urut", SORTS, "waiting")
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            o = await nominations.overview(ctx, WEEKS)
            # the participant list (issue 29): the quota as the program counts it, the figures
            places = await participants.counted(ctx, o.quota[0] if o.quota else None)
            listed = await participants.figures_of(ctx)
        deadline = ctx.program.review_deadline_days
        rows = []
        for kel in ctx.program.regions.all_kelurahan:
            none: dict[str, Any] = {"counts": {}, "oldest_waiting": None, "last": None}
            info = o.per_kelurahan.get(kel.code, none)
            counts = info["counts"]
            oldest = info["oldest_waiting"]
            days = (ctx.now - oldest).days if oldest is not None else None
            rows.append({
                "name": kel.name, "code": kel.code,
                "waiting": sum(counts.get(s, 0) for s in WAITING),
                "oldest": days, "late": days is not None and days > deadline,
                "approved": counts.get("approved", 0) + counts.get("registered", 0),
                "rejected": counts.get("rejected", 0), "reviewers": o.reviewers[kel.code],
                "last": day(ctx, info["last"]), "all": sum(counts.values()),
            })  # fmt: skip
        if sort != "nama":
            rows.sort(key=lambda r: (r[sort] is None, -(r[sort] or 0), r["name"]))
        else:
            rows.sort(key=lambda r: r["name"])
        total, used = o.quota if o.quota else (None, 0)
        left = max(total - used, 0) if total is not None else None
        made_of = None
        if places is not None:
            total, used, left = places.total, places.used, places.left
            made_of = self.c.words(participants.made_of(ctx, places, bool(o.quota)),
                                   found.person.locale)  # fmt: skip
        figures = [self.c.words(m, found.person.locale) for m in (listed.lines() if listed else [])]
        recent = o.approved_30_days
        forecast = math.ceil(left / (recent / 30)) if left and recent else None
        by_status: Counter[str] = Counter()
        for info in o.per_kelurahan.values():
            by_status.update(info["counts"])
        top = max([r["all"] for r in rows] + [1])
        weeks = _weekly(ctx, o.approved_at)
        return self.c.page(
            "overview.html", found.person.locale, status=400 if q.problems else 200,
            problems=q.problems, seat=found, period=o.period, rows=rows,
            total=total, used=used, left=left, forecast=forecast, recent=recent,
            made_of=made_of, figures=figures, deadline=deadline,
            statuses=[(s, by_status[s]) for s in STATUSES if by_status[s]],
            top=top, sort=sort, weeks=weeks, week_top=max([n for _, n in weeks] + [1]),
        )  # fmt: skip

    @route("GET", "/antrean")
    async def queue(self, request: Request) -> Response:
        q = Fields(request.query_params, LABELS)
        status = q.choice("status", STATUSES, "pending")
        verdict = q.choice("penilaian", VERDICTS) or None
        waited = q.number("menunggu", 0, MAX_WAIT) or 0
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            named = q.kelurahan("kelurahan", ctx.program)
            kel = found.kelurahan or named  # a lurah sees their own kelurahan only
            codes = [o.code for o in ctx.program.occupations.occupations]
            occupation = q.choice("pekerjaan", codes) or None
            items = await nominations.listing(ctx, kel, status, occupation, verdict)
        rows = [{
            "id": r.id, "ref": r.ref, "name": r.name or "-",
            "kelurahan": kel_name(ctx, r.kelurahan_code), "status": r.status,
            "verdict": r.verdict, "occupation": r.answers.get("occupation") or "",
            "days": max((ctx.now - _at(r.created_at)).days, 0),
        } for r in items if (ctx.now - _at(r.created_at)).days >= waited]  # fmt: skip
        return self.c.page(
            "queue.html", found.person.locale, status=400 if q.problems else 200,
            problems=q.problems, seat=found, rows=rows, chosen=status,
            kelurahan=kel, kelurahan_list=ctx.program.regions.all_kelurahan,
            statuses=STATUSES, occupations=[o.code for o in ctx.program.occupations.occupations],
            verdict=verdict or "", occupation=occupation or "", waited=waited or "",
        )  # fmt: skip

    @route("GET", "/usulan/{nid}")
    async def nomination(
        self, request: Request, nid: str, note: str = "", nik: str = "",
        problems: list[Problem] | None = None, status: int = 200,
    ) -> Response:  # fmt: skip
        q = Fields(request.query_params, LABELS)
        note = note or notes(q, NOMINATION_NOTES)
        problems = [*(problems or []), *q.problems]
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            n = await nominations.visible_nomination(ctx, found.person, record_id(nid))
            if n is None:
                return self.c.refused("not-found", 404, found.person.locale)
            trail = await officers.trail(ctx, ref=n.ref, limit=50)
            history = [(when(ctx, h.at), h.action, h.detail) for h in trail]
            left = await nominations.places_left(ctx)
            note_args = await _note_args(ctx, n, note)
        locale = found.person.locale
        return self.c.page(
            "nomination.html", locale, status=400 if q.problems else status,
            problems=problems, seat=found, n=n, history=history,
            reasons=[_reason(ctx, n, code) for code in n.reasons], left=left,
            kelurahan=kel_name(ctx, n.kelurahan_code), note=note, note_args=note_args, nik=nik,
            answers=n.answers, reject_reasons=nominations.REJECT_REASONS,
            days=max((ctx.now - n.created_at).days, 0),
            decidable=n.status.value in WAITING, cover=self._cover(ctx, n, locale),
            lists=[self.c.words(m, locale) for m in nominations.list_lines(
                n.answers.get("lists") or {})],
        )  # fmt: skip

    def _cover(self, ctx: Ctx, n: Nomination, locale: str) -> str:
        """A participant's cover in the chat's words (dates, premium, benefits, the reported
        three-month rule); empty before registration."""
        if n.coverage_start is None or ctx.program.claims is None:
            return ""
        return self.c.words(nominations.cover_msg(ctx, n, ctx.today, "cover-details-officer"),
                            locale)  # fmt: skip

    @route("POST", "/usulan/{nid}/{action}")
    async def act(self, request: Request, nid: str, action: str) -> Response:
        labels = {**LABELS, "teks": "con-ask" if action == "tanya" else "con-reject-other"}
        async with self.c.posted(request, labels) as (ctx, found, fields):
            n = await nominations.visible_nomination(ctx, found.person, record_id(nid))
            if n is None:
                return self.c.refused("not-found", 404, found.person.locale)
            note, nik = await self._do(ctx, found, n, action, fields)
            note_args = await _note_args(ctx, n, note)
        if fields.problems:  # nothing was done: the page again, saying what to mend
            return await self.nomination(request, nid, problems=fields.problems, status=422)
        if nik:  # shown once, in this answer only: never in a URL or a redirect
            return await self.nomination(request, nid, note, nik)
        if request.headers.get("X-Inline") == "1":  # the queue's script: the outcome alone
            return self.c.page("note.html", found.person.locale, note=note, note_args=note_args)
        return RedirectResponse(f"/konsol/usulan/{nid}?{urlencode({'pesan': note})}",
                                status_code=303)  # fmt: skip

    async def _do(
        self, ctx: Ctx, found: Seat, n: Nomination, action: str, fields: Fields
    ) -> tuple[str, str]:
        """The use case behind a button: (what to say, a NIK shown once). A field that is
        no good leaves its Problem in `fields` and nothing is done."""
        person = found.person
        if action == "setujui":
            result = await nominations.approve(ctx, person, n)
        elif action == "tolak":
            reason = fields.choice("alasan", nominations.REJECT_REASONS)
            text = fields.text("teks", MAX_TEXT)
            if fields.problems:
                return "", ""
            if reason:  # stored as words, as in the chat
                text = ctx.render(Msg(f"reject-reason-{reason}"), person.locale)
            if len(text or "") < 3:
                return "con-err-reason", ""
            result = await nominations.reject(ctx, person, n, text or "")
        elif action == "tanya":
            question = fields.text("teks", MAX_TEXT)
            if fields.problems:
                return "", ""
            if len(question or "") < 3:
                return "con-err-question", ""
            result = await nominations.request_info(ctx, person, n, question or "")
        elif action == "nik":
            nik = await nominations.show_nik(ctx, person, n)
            return ("con-forbidden", "") if nik is None else ("con-nik-shown", nik)
        else:
            return "con-unknown-action", ""
        return f"con-result-{result.outcome.value}", ""

    @route("GET", "/ekspor")
    async def export_page(
        self, request: Request, problems: list[Problem] | None = None, status: int = 200
    ) -> Response:
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
        return self.c.page("export.html", found.person.locale, status=status, seat=found,
                           active="export", problems=problems,
                           kelurahan_list=ctx.program.regions.all_kelurahan)  # fmt: skip

    @route("POST", "/ekspor")
    async def export_file(self, request: Request) -> Response:
        workbook = b""
        async with self.c.posted(request, LABELS, admin=True) as (ctx, found, fields):
            # "" is every kelurahan; a name that is none is no longer read as "every"
            code = fields.kelurahan("kelurahan", ctx.program)
            if not fields.problems:

                def write(rows: list[dict[str, Any]]) -> None:
                    nonlocal workbook
                    workbook = export.xlsx_bytes(rows)

                await nominations.export_approved(ctx, code, "xlsx", write, actor=found.person)
        if fields.problems:  # no file: the page again, saying what to mend
            return await self.export_page(request, fields.problems, 422)
        name = f"pro-jkk-jkm-disetujui-{ctx.today:%Y%m%d}.xlsx"
        headers = {"Content-Disposition": f'attachment; filename="{name}"',
                   "Cache-Control": "no-store"}  # fmt: skip
        return Response(workbook, headers=headers, media_type=XLSX)


async def _note_args(ctx: Ctx, n: Nomination, note: str) -> dict[str, Any]:
    if note != f"con-result-{Outcome.ALREADY_DECIDED.value}":
        return {}
    return dict(await nominations.already_decided(ctx, n))


def _weekly(ctx: Ctx, decided: list[datetime]) -> list[tuple[str, int]]:
    """Approvals per week (Monday to Sunday, the city's time), oldest first."""
    today = ctx.local.date()
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=w) for w in range(WEEKS - 1, -1, -1)]
    counts = Counter(
        (d.astimezone(ctx.tz).date() - timedelta(days=d.astimezone(ctx.tz).weekday()))
        for d in decided
    )
    return [(f"{s:%d/%m}", counts.get(s, 0)) for s in starts]


def _at(value: datetime | None) -> datetime:
    assert value is not None
    return value


def _reason(ctx: Ctx, n: Nomination, stored: str) -> tuple[str, Msg]:
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
