"""The console's pages, each capability's in one line: its routes and its entries in the
menu. The console is built from this table on its first request (bot/web/app.py's
LazyConsole), so a webhook worker never loads Jinja2 or the pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from bot.delivery.handling import Conversations
from bot.web.console.pages import (
    broadcasts,
    check,
    claims,
    nominations,
    officers,
    participants,
    registration,
    service,
    tickets,
    understanding,
)
from bot.web.console.views import HERE, Console, Nav, Refused
from bot.web.limits import UPLOAD_PATH, ASGIApp, BodyLimit, Scope, console_cap, is_desk_file


@dataclass(frozen=True)
class Pages:
    capability: str  # its name in handlers/table.py
    kind: Callable[[Console], object]  # its pages: methods marked with their @route
    nav: tuple[Nav, ...] = ()


PAGES: tuple[Pages, ...] = (
    Pages("officers", officers.OfficerPages, officers.NAV),  # signing in: every page needs it
    Pages("nominations", nominations.NominationPages, nominations.NAV),
    Pages("check", check.NominatePages, check.NAV),
    Pages("service", service.ServicePages, service.NAV),
    Pages("nominations", registration.ParticipantPages, registration.NAV),
    Pages("handover", tickets.TicketPages, tickets.NAV),  # residents' questions (issue 30)
    Pages("claims", claims.ClaimPages, claims.NAV),
    Pages("participants", participants.RenewalPages, participants.NAV),  # issue 29
    Pages("broadcasts", broadcasts.BroadcastPages, broadcasts.NAV),
    Pages("understanding", understanding.LearningPages, understanding.NAV),
)


def _endpoint(page: Callable[..., Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            return await page(request, **request.path_params)
        except Refused as refused:
            return refused.response

    return endpoint


def build(conversations: Conversations) -> ASGIApp:
    console = Console(conversations, [n for p in PAGES for n in p.nav])
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        """An unknown address, a wrong method or a form that cannot be parsed: a page in the
        officer's words, not the framework's JSON."""
        why = "not-found" if exc.status_code in (404, 405) else "bad-request"
        return console.refused(why, exc.status_code)

    for pages in PAGES:
        made = pages.kind(console)
        for name, fn in vars(type(made)).items():
            if "route" in getattr(fn, "__dict__", {}):
                method, path, csv = fn.route
                page = getattr(made, name)
                app.add_api_route(path, _endpoint(page), methods=[method])
                if csv:  # the same page's figures as a file
                    app.add_api_route(csv, _endpoint(partial(page, as_csv=True)), methods=[method])

    # Every body is capped before routing, the gate or a form parser sees it (issue 26 item
    # 4): a form at FORM, the BPJS upload at UPLOAD; past it, a page that says so.
    def too_large(scope: Scope) -> ASGIApp:
        path = scope["path"]
        big = path.endswith(UPLOAD_PATH) or is_desk_file(path)  # a file: the BPJS list, an answer
        return console.refused("too-big" if big else "body", 413)

    return BodyLimit(app, console_cap, refuse=too_large)
