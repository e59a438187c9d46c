"""The console's Layanan page (issue 30 item 2): the service levels of handlers.service.levels
per kelurahan and per officer, the late ones in red and said in words, for a period of 7, 30,
90 or 365 days; and the same figures as a CSV no spreadsheet runs as a formula. The Dinas sees
every kelurahan and officer; a lurah their own kelurahan and themselves."""

from __future__ import annotations

import csv
import io

from fastapi import Request, Response

from bot import export
from bot.web.console.fields import Fields
from bot.web.console.views import Console
from handlers.messages import Msg
from handlers.service import levels as sl

LABELS = {"hari": "con-service-period"}
DAYS = tuple(str(d) for d in sl.PERIODS)


class ServicePages:
    def __init__(self, console: Console) -> None:
        self.c = console

    async def index(self, request: Request, as_csv: bool = False) -> Response:
        q = Fields(request.query_params, LABELS)
        days = int(q.choice("hari", DAYS, str(sl.DEFAULT_DAYS)))
        if q.problems:
            as_csv = False  # the page, saying what to mend: no file
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            figures = await sl.collect(ctx, days)
            kels, officers = await sl.visible(ctx, figures, found.person)
            if as_csv:
                count = len(kels) + len(officers)
                await store.audit(actor=found.person.id, action="service.exported", now=ctx.now,
                                  after={"days": days, "rows": count})  # fmt: skip
            await store.commit()
        locale = found.person.locale
        render = self.c.c.catalogue.render

        def words(name: Msg | str) -> str:
            return render(name, locale) if isinstance(name, Msg) else name

        if as_csv:
            rows = sl.table(figures, kels, officers, words)
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["lingkup"])
            w.writeheader()
            w.writerows({k: export.csv_cell(v) for k, v in r.items()} for r in rows)
            return Response(buf.getvalue(), media_type="text/csv", headers={
                "Content-Disposition": f'attachment; filename="layanan-{days}-hari.csv"',
                "Cache-Control": "no-store",
            })  # fmt: skip
        rules = ctx.program
        return self.c.page(
            "service.html", locale, status=400 if q.problems else 200, problems=q.problems,
            seat=found, active="service", days=days, periods=sl.PERIODS,
            since=f"{figures.since:%d-%m-%Y}", total=figures.total,
            kels=[(words(k.name), k.row, k.own) for k in kels],
            officers=[(words(o.name), o.row, o.own) for o in officers],
            hours=sl.service_hours(rules.handover.answer_within_hours),
            review_days=rules.review_deadline_days, claim_days=sl.service_days(ctx),
            pct=sl.percent, median=lambda m: words(sl.duration(m)), mean=sl.mean,
        )  # fmt: skip
