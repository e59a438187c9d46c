"""The console's Peserta page (issue 19): registered participants with their cover, those
ending within 30 days, and the upload of BPJS Ketenagakerjaan's confirmation file (CSV or
XLSX): a preview with an error for each row that cannot be applied, then apply. The same use
case as `siaga admin register`.

The file is read in a thread within bpjs_file's bounds, its references checked in batches,
and the checked file kept (console_uploads) so the preview is paged and "apply" names it by
id (issue 26 item 6: a million-row workbook froze the server and answered 106 MB of HTML).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.logs import mask_text
from bot.web.console import bpjs_file
from bot.web.console.fields import Fields, Problem, dmy, record_id
from bot.web.console.session import csrf_ok
from bot.web.console.views import Nav, Pages, notes, route
from domain.nomination import NominationStatus
from handlers import nominations
from handlers.core.names import kel_name

PAGE = 50  # rows with a problem per page of the preview
# BPJS confirms a batch within weeks of the Dinas's list, effective from a day near it: a
# start more than a year back or a quarter ahead is a slip (0001-01-01 and 9999-12-31 were
# taken before, and a citizen told "berlaku 01-01-1 s.d. 31-12-1").
START_BACK, START_AHEAD = timedelta(days=366), timedelta(days=92)
NOTES = ("con-upload-applied", "con-upload-gone")
LABELS = {"mulai": "con-upload-start", "berkas": "con-upload-file", "halaman": "con-field-page",
          "unggahan": "con-field-upload", "terdaftar": "con-field-address",
          "tidak": "con-field-address"}  # fmt: skip


NAV = (Nav("participants", "/konsol/peserta", "con-nav-participants", 40, dinas=True),)


class ParticipantPages(Pages):
    @route("GET", "/peserta")
    async def index(
        self, request: Request, problems: list[Problem] | None = None, status: int = 200,
        upload_problem: str = "",
    ) -> Response:  # fmt: skip
        q = Fields(request.query_params, LABELS)
        note = notes(q, NOTES)
        counts = {"registered": q.number("terdaftar", 0, bpjs_file.MAX_ROWS) or 0,
                  "refused": q.number("tidak", 0, bpjs_file.MAX_ROWS) or 0}  # fmt: skip
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            people = await nominations.participants(ctx)
        soon = ctx.today + timedelta(days=30)
        rows = [{
            "ref": n.ref, "name": n.name or "-", "kelurahan": kel_name(ctx, n.kelurahan_code),
            "start": _day(n.coverage_start), "end": _day(n.coverage_end),
            "ending": n.coverage_end is not None and n.coverage_end.date() <= soon,
        } for n in people]  # fmt: skip
        problems = (problems or []) + q.problems
        return self.c.page("participants.html", found.person.locale,
                           status=400 if q.problems else status, seat=found,
                           active="participants", rows=rows, today=ctx.today, note=note,
                           counts=counts, problems=problems, upload_problem=upload_problem,
                           limits=_limits())  # fmt: skip

    @route("POST", "/peserta/pratinjau")
    async def preview(self, request: Request) -> Response:
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
        # the file is read with no unit of work open: on a slow line it takes as long as it
        # takes, and SQLite's write lock is not held meanwhile (review of issue 26, finding 1)
        form = await request.form()  # at most the upload's cap: BodyLimit saw to that
        if not csrf_ok(found, {"csrf": form.get("csrf")}):
            return self.c.refused("csrf", 403, found.person.locale)
        fields = Fields({"mulai": str(form.get("mulai") or "")}, LABELS)
        start = fields.day("mulai", ctx.today, START_BACK, START_AHEAD)
        upload: Any = form.get("berkas")
        data = await upload.read(bpjs_file.MAX_FILE + 1) if hasattr(upload, "read") else b""
        name = str(getattr(upload, "filename", "") or "")
        if fields.problems:
            return await self.index(request, fields.problems, 422)
        # read off the event loop: webhooks and /healthz keep being answered meanwhile
        table = await asyncio.to_thread(bpjs_file.read_refs, name, data)
        if table.problem:
            return await self.index(request, status=422, upload_problem=table.problem)
        assert start is not None
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            statuses = await nominations.statuses(ctx, [ref for _, _, ref in table.rows if ref])
            good, bad = _checked(table.rows, statuses)
            uid = await nominations.keep(ctx, found.person, start, good, bad)
        return RedirectResponse(f"/konsol/peserta/pratinjau/{uid}", status_code=303)

    @route("GET", "/peserta/pratinjau/{uid}")
    async def checked(self, request: Request, uid: str) -> Response:
        """A kept preview: the counts, a page of the rows with problems, the apply button."""
        q = Fields(request.query_params, LABELS)
        page = q.number("halaman", 1, bpjs_file.MAX_ROWS // PAGE + 1) or 1
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx, admin=True)
            kept = await nominations.kept(ctx, found.person, record_id(uid))
        if kept is None:
            return RedirectResponse("/konsol/peserta?pesan=con-upload-gone", status_code=303)
        bad = list(kept.bad)
        pages = max((len(bad) + PAGE - 1) // PAGE, 1)
        page = min(page, pages)
        shown = [{"row": r[0], "said": r[1], "why": r[2], "at": r[3]}
                 for r in bad[(page - 1) * PAGE : page * PAGE]]  # fmt: skip
        return self.c.page(
            "participants.html", found.person.locale, status=400 if q.problems else 200,
            seat=found, active="participants", rows=[], today=ctx.today, note="", counts={},
            problems=q.problems, limits=_limits(), upload={
                "id": kept.id, "good": len(kept.good), "bad": len(bad), "rows": shown,
                "page": page, "pages": pages, "first": (page - 1) * PAGE + 1,
                "last": (page - 1) * PAGE + len(shown), "start": dmy(kept.start),
            },
        )  # fmt: skip

    @route("POST", "/peserta/terapkan")
    async def apply(self, request: Request) -> Response:
        async with self.c.posted(request, LABELS, admin=True) as (ctx, found, fields):
            uid = fields.ident("unggahan")
            kept = await nominations.take(ctx, found.person, uid)
        if fields.problems:
            return await self.index(request, fields.problems, 422)
        if kept is None:
            return RedirectResponse("/konsol/peserta?pesan=con-upload-gone", status_code=303)
        # in batches, each its own unit of work: the webhooks get the database in between
        # (review of issue 26, finding 8: 20,000 references in one unit froze the server)
        report = nominations.RegisterReport()
        for batch in nominations.batches(list(kept.good)):
            async with self.c.unit() as ctx:
                report.add(await nominations.apply(ctx, batch, kept.start))
        query = (f"pesan=con-upload-applied&terdaftar={len(report.registered)}"
                 f"&tidak={len(report.not_found) + len(report.not_approved)}")  # fmt: skip
        return RedirectResponse(f"/konsol/peserta?{query}", status_code=303)


def _checked(
    rows: list[tuple[int, str, str]], statuses: dict[str, str]
) -> tuple[list[str], list[list[Any]]]:
    """The references to apply, and [row, what it said, why, the earlier row] for the rest.
    What a bad row said is kept with NIK- and phone-like digits masked: a NIK typed into
    the reference column is not stored in clear."""
    good: list[str] = []
    bad: list[list[Any]] = []
    first: dict[str, int] = {}
    for n, said, ref in rows:
        status = statuses.get(ref) if ref else None
        why, at = "", 0
        if not ref:
            why = "con-row-not-a-ref"
        elif ref in first:
            why, at = "con-row-repeated", first[ref]
        elif status is None:
            why = "con-row-not-found"
        elif status != NominationStatus.APPROVED.value:
            why = "con-row-not-approved"
        if ref:
            first.setdefault(ref, n)
        if why:
            bad.append([n, mask_text(said), why, at])
        else:
            good.append(ref)
    return good, bad


def _limits() -> dict[str, int]:
    return {"max": bpjs_file.MAX_ROWS, "mb": bpjs_file.MAX_UNPACKED // (1024 * 1024)}


def _day(at: Any) -> str:
    return at.strftime("%d-%m-%Y") if at is not None else "-"
