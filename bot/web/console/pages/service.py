"""The console's Layanan page (issue 30 item 2): the service levels of handlers.service per
kelurahan and per officer, the late ones in red and said in words, for a period of 7, 30, 90
or 365 days; and the same figures as a CSV no spreadsheet runs as a formula. The Dinas sees
every kelurahan and officer; a lurah their own kelurahan and themselves."""

from __future__ import annotations

from fastapi import Request, Response

from bot.web.console.fields import Fields
from bot.web.console.views import Nav, Pages, csv_file, route
from handlers import service as sl
from handlers.core.messages import Msg

LABELS = {"hari": "con-service-period"}
DAYS = tuple(str(d) for d in sl.PERIODS)

NAV = (Nav("service", "/konsol/layanan", "con-nav-service", 35),)


class ServicePages(Pages):
    @route("GET", "/layanan", csv="/layanan.csv")
    async def index(self, request: Request, as_csv: bool = False) -> Response:
        q = Fields(request.query_params, LABELS)
        days = int(q.choice("hari", DAYS, str(sl.DEFAULT_DAYS)))
        if q.problems:
            as_csv = False  # the page, saying what to mend: no file, no audit row
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
            figures, seen = await sl.for_console(ctx, days, found.person, exported=as_csv)
        locale = found.person.locale
        render = self.c.c.catalogue.render

        def words(name: Msg | str) -> str:
            return render(name, locale) if isinstance(name, Msg) else name

        if as_csv:
            rows = sl.table(figures, seen.kels, seen.officers, words)
            return csv_file(rows, f"layanan-{days}-hari.csv", "lingkup")
        program = ctx.program
        return self.c.page(
            "service.html", locale, status=400 if q.problems else 200, problems=q.problems,
            seat=found, active="service", days=days, periods=sl.PERIODS,
            since=f"{figures.since:%d-%m-%Y}", total=figures.total,
            kels=[(words(k.name), k.row) for k in seen.kels],
            officers=[(words(o.name), o.row) for o in seen.officers],
            hours=sl.service_hours(program.handover.answer_within_hours),
            review_days=program.review_deadline_days, claim_days=sl.service_days(ctx),
            pct=sl.percent, median=lambda m: words(sl.duration(m)), mean=sl.mean,
        )  # fmt: skip
