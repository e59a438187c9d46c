"""The console's Peserta page (issue 19): registered participants with their cover, those
ending within 30 days, and the upload of BPJS Ketenagakerjaan's confirmation file (CSV or
XLSX): a preview with an error for each row that cannot be applied, then apply. The same use
case as `siaga admin register`."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from bot.web.console.session import csrf_ok
from bot.web.console.views import Console, note_of
from domain.nomination import NominationStatus
from domain.reference import parse_reference
from handlers import dinas
from handlers.officers import kel_name

MAX_UPLOAD = 5 * 1024 * 1024  # a list of 20,000 references is about 300 kB
REF_COLUMNS = ("nomor_usulan", "ref", "no_usulan")


def read_refs(name: str, data: bytes) -> tuple[list[tuple[int, str, str]], str]:
    """(row number, what the row says, its reference or "") for each data row; or an error
    key for a file that is no table at all."""
    try:
        if name.lower().endswith(".xlsx"):
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
            if sheet is None:
                return [], "con-upload-empty"
            table = [[str(c) if c is not None else "" for c in row]
                     for row in sheet.iter_rows(values_only=True)]  # fmt: skip
        else:
            text = data.decode("utf-8-sig")
            table = list(csv.reader(io.StringIO(text)))
    except (UnicodeDecodeError, csv.Error, ValueError, KeyError, OSError):
        return [], "con-upload-unreadable"
    except Exception:  # openpyxl raises its own kinds for a file that is not a workbook
        return [], "con-upload-unreadable"
    if not table:
        return [], "con-upload-empty"
    header = [h.strip().lower() for h in table[0]]
    col = next((i for i, h in enumerate(header) if h in REF_COLUMNS), None)
    if col is None:
        return [], "con-upload-no-column"
    out = []
    for n, row in enumerate(table[1:], 2):
        said = row[col].strip() if col < len(row) else ""
        if not said and not any(c.strip() for c in row):
            continue  # a blank line
        out.append((n, said[:40], parse_reference(said) or ""))
    return out, ""


class ParticipantPages:
    def __init__(self, console: Console) -> None:
        self.c = console

    async def index(self, request: Request) -> Response:
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            people = await store.with_status(NominationStatus.REGISTERED)
            await store.commit()
        soon = ctx.today + timedelta(days=30)
        rows = [{
            "ref": n.ref, "name": n.name or "-", "kelurahan": kel_name(ctx, n.kelurahan_code),
            "start": _day(n.coverage_start), "end": _day(n.coverage_end),
            "ending": n.coverage_end is not None and n.coverage_end.date() <= soon,
        } for n in people]  # fmt: skip
        return self.c.page("participants.html", found.person.locale, seat=found,
                           active="participants", rows=rows, preview=None, today=ctx.today,
                           note=note_of(request),
                           counts=request.query_params)  # fmt: skip

    async def preview(self, request: Request) -> Response:
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True)
            if isinstance(found, Response):
                return found
            if int(request.headers.get("content-length") or 0) > MAX_UPLOAD + 10_000:
                return self.c.refused("too-big", 413, found.person.locale)
            form = await request.form()
            if not csrf_ok(found, {"csrf": form.get("csrf")}):
                return self.c.refused("csrf", 403, found.person.locale)
            upload: Any = form.get("berkas")
            data = await upload.read(MAX_UPLOAD + 1) if hasattr(upload, "read") else b""
            start = str(form.get("mulai") or ctx.today.isoformat())
            problem = "con-upload-too-big" if len(data) > MAX_UPLOAD else ""
            lines, error = read_refs(getattr(upload, "filename", "") or "", data)
            problem = problem or error or ("" if lines else "con-upload-empty")
            checked = []
            for n, said, ref in lines:
                nomination = await store.nomination_by_ref(ref) if ref else None
                why = ("con-row-not-a-ref" if not ref else "con-row-not-found" if nomination is None
                       else "" if nomination.status is NominationStatus.APPROVED
                       else "con-row-not-approved")  # fmt: skip
                checked.append({"row": n, "said": said, "ref": ref, "why": why})
            await store.commit()
        good = [c["ref"] for c in checked if not c["why"]]
        return self.c.page("participants.html", found.person.locale, seat=found,
                           active="participants", rows=[], preview=checked, good=good,
                           start=start, problem=problem, note="", today=ctx.today,
                           counts={})  # fmt: skip

    async def apply(self, request: Request) -> Response:
        form = await self.c.form(request)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, admin=True, form=form)
            if isinstance(found, Response):
                return found
            refs = [r for r in (parse_reference(x) for x in form.get("refs", "").split()) if r]
            try:
                start = date.fromisoformat(form.get("mulai", ""))
            except ValueError:
                start = ctx.today
            report = await dinas.mark_registered(ctx, refs, start)
            await store.commit()
        query = (f"pesan=con-upload-applied&terdaftar={len(report.registered)}"
                 f"&tidak={len(report.not_found) + len(report.not_approved)}")  # fmt: skip
        return RedirectResponse(f"/konsol/peserta?{query}", status_code=303)


def _day(at: Any) -> str:
    return at.strftime("%d-%m-%Y") if at is not None else "-"
