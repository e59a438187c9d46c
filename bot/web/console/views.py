"""The web console's shell (issue 19): one unit of work per request, who is asking (the
gate), the page templates (Jinja2, loaded with the console on its first request), and the
headers every page carries. The pages themselves are each capability's
(bot/web/console/pages/, listed in bot/web/console/table.py); like the chat, they call the
capabilities' use cases, never the tables.

Every page works with JavaScript off (plain forms); every form carries the session's CSRF
token; a lurah sees their own kelurahan only (another's nomination is a 404, as if it did not
exist); every action's audit row says "via console".
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Callable, Collection, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs

from fastapi import Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot import export
from bot.delivery.handling import Conversations
from bot.web.console.fields import Fields, record_id
from bot.web.console.session import COOKIE, csrf_ok
from handlers.core.capability import Context
from handlers.core.messages import Msg, Raw
from handlers.core.records import Role
from handlers.officers import Seat, seat

HERE = Path(__file__).resolve().parent
Ctx = Context[Any]
Page = TypeVar("Page", bound=Callable[..., Any])


def route(method: str, path: str, csv: str = "") -> Callable[[Page], Page]:
    """A page's address, on its method: the table registers every method so marked (the path
    parameters are passed by name). `csv`: the address of the same figures as a file, where
    the page is called with as_csv=True."""

    def mark(page: Page) -> Page:
        page.__dict__["route"] = (method, path, csv)
        return page

    return mark


@dataclass(frozen=True)
class Nav:
    """A page in the console's menu: its name (the page says it is `active`), its address,
    its label's key, its place, and whether the Dinas alone sees it."""

    name: str
    path: str
    label: str
    order: int
    dinas: bool = False


class Refused(Exception):
    """The page that refuses the one asking (no session, a Dinas page for a lurah, a form
    without its token): raised by the gate, answered by the table's endpoint."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class Console:
    def __init__(self, conversations: Conversations, nav: Collection[Nav] = ()) -> None:
        self.c = conversations
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(),
            trim_blocks=True, lstrip_blocks=True,
        )  # fmt: skip
        self.nav = sorted(nav, key=lambda n: n.order)
        self.secure = conversations.settings.console_url.startswith("https://")

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[Ctx]:
        """One unit of work, committed when the block ends: a page that refuses still keeps
        what it learnt (an idle or outdated session ended, a session's last sight)."""
        refused: Refused | None = None
        async with self.c.unit("via console") as ctx:
            try:
                yield ctx
            except Refused as refusal:
                refused = refusal  # committed all the same, then answered
        if refused is not None:
            raise refused

    def page(self, name: str, locale: str, status: int = 200, **values: Any) -> HTMLResponse:
        cat = self.c.catalogue

        def t(key: str, **args: Any) -> str:
            return cat.render(Msg(key, {k: _arg(v) for k, v in args.items()}), locale)

        html = self.env.get_template(name).render(t=t, locale=locale, nav=self.nav, **values)
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def refused(self, why: str, status: int, locale: str = "id") -> HTMLResponse:
        return self.page("refused.html", locale, status=status, why=why)

    def words(self, msg: Any, locale: str) -> str:
        return self.c.catalogue.render(msg, locale)

    async def gate(
        self, request: Request, ctx: Ctx, *, admin: bool = False,
        form: dict[str, str] | None = None,
    ) -> Seat:  # fmt: skip
        """Who is asking; or Refused with the page that says why: no session (401), a Dinas
        page for a lurah (404, as if it did not exist), a form without its CSRF token (403).
        `form`: None for a GET, else the posted fields."""
        found, why = await seat(ctx, request.cookies.get(COOKIE))
        if found is None:
            raise Refused(self.refused(why or "no-session", 401))
        if admin and found.person.role is not Role.ADMIN:
            raise Refused(self.refused("not-found", 404, found.person.locale))
        if form is not None and not csrf_ok(found, form):
            raise Refused(self.refused("csrf", 403, found.person.locale))
        return found

    async def form(self, request: Request) -> dict[str, str]:
        """The posted fields. The body is at most FORM bytes: BodyLimit, in front of every
        console route, refused a larger one before any of it was read. Read it before opening
        a unit of work: its size is capped, the time it takes to arrive is not."""
        body = await request.body()
        return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}

    @asynccontextmanager
    async def posted(
        self, request: Request, labels: Mapping[str, str], *, admin: bool = False
    ) -> AsyncIterator[tuple[Ctx, Seat, Fields]]:
        """A posted form's unit of work: the body read before it opens (see `form`), who is
        asking with the form's CSRF token checked (`gate`), and the fields to read."""
        form = await self.form(request)
        async with self.unit() as ctx:
            yield ctx, await self.gate(request, ctx, admin=admin, form=form), Fields(form, labels)

    def record(self, found: Seat, given: str) -> int:
        """The record an address names (/klaim/12): one that is no id is a 404, as a record
        that does not exist."""
        key = record_id(given)
        if key is None:
            raise Refused(self.refused("not-found", 404, found.person.locale))
        return key


class Pages:
    """A capability's pages: its methods marked with @route, on the console's shell."""

    def __init__(self, console: Console) -> None:
        self.c = console


def notes(fields: Fields, allowed: Collection[str]) -> str:
    """The outcome a redirect named (?pesan=…), one of the page's own: a crafted link cannot
    put other catalogue words on the page (`?pesan=con-nomination` answered 500)."""
    return fields.choice("pesan", allowed)


def day(ctx: Ctx, at: datetime | None) -> str:
    return at.astimezone(ctx.tz).strftime("%d-%m-%Y") if at is not None else ""


def when(ctx: Ctx, at: datetime) -> str:
    return at.astimezone(ctx.tz).strftime("%d-%m-%Y %H.%M WIB")


def csv_file(rows: list[dict[str, Any]], name: str, empty: str) -> Response:
    """Rows as a CSV download, each cell safe to open in a spreadsheet (export.csv_cell);
    with no rows, the one column `empty` heads an empty file."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else [empty])
    w.writeheader()
    w.writerows({k: export.csv_cell(v) for k, v in r.items()} for r in rows)
    return Response(buf.getvalue(), media_type="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{name}"',
        "Cache-Control": "no-store",
    })  # fmt: skip


def _arg(value: Any) -> Any:
    if isinstance(value, Msg | Raw | int | float):
        return value
    return Raw(str(value))


HEADERS = {
    # the console is its own origin's only content: no frames, no outside scripts
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
