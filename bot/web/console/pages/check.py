"""The console's Usulkan warga page (issue 19): a lurah (or the Dinas) files for a resident
who has no phone or came to the office. One form, read by the chat's own steps in the chat's
order (handlers.check.from_fields), filed by the chat's own use case; consent is given
in person and recorded in the officer's name."""

from __future__ import annotations

from fastapi import Request, Response

from bot.web.console.fields import Problem
from bot.web.console.views import Ctx, Nav, Pages, route
from domain.roles import Action
from handlers import check
from handlers.core.messages import Msg
from handlers.core.names import kel_name
from handlers.core.records import Conversation, Role
from handlers.core.rights import authorise
from handlers.officers import Seat

# Each field as its box allows (maxlength) and the choices its lists offer; what the words
# mean is then the chat's own steps' to judge (form.from_fields)
LIMITS = {"nama": 80, "nik": 24, "umur": 3, "kelurahan": 80, "pekerjaan": 80, "hp": 20}
CHOICES = {"bpjs": ("tidak", "pu", "bpu", "tidak_tahu"), "dtks": ("ya", "tidak", "tidak_tahu"),
           "anak": ("ya", "tidak"), "setuju": ("ya",)}  # fmt: skip
LABELS = {"nama": "con-col-name", "nik": "con-field-nik", "umur": "con-nominate-age",
          "kelurahan": "con-col-kelurahan", "pekerjaan": "con-col-occupation",
          "bpjs": "con-nominate-bpjs", "dtks": "con-nominate-dtks", "anak": "con-nominate-heirs",
          "hp": "con-nominate-phone", "setuju": "con-nominate-agreed"}  # fmt: skip


NAV = (Nav("nominate", "/konsol/usulkan", "con-nav-nominate", 30),)


class NominatePages(Pages):
    def _form(
        self, found: Seat, ctx: Ctx, values: dict[str, str], problem: str = "",
        field: str = "", done: list[str] | None = None, status: int = 200,
        problems: list[Problem] | None = None,
    ) -> Response:  # fmt: skip
        program = ctx.program
        return self.c.page(
            "nominate.html", found.person.locale, seat=found, active="nominate", v=values,
            problem=problem, field=field, done=done or [],
            kelurahan_list=program.regions.all_kelurahan,
            own=kel_name(ctx, found.kelurahan) if found.kelurahan else "",
            notice=self.c.words(check.in_person_prompt(Conversation(0)).parts[0],
                                             found.person.locale),
            status=status, problems=problems,
        )  # fmt: skip

    @route("GET", "/usulkan")
    async def page(self, request: Request) -> Response:
        async with self.c.unit() as ctx:
            found = await self.c.gate(request, ctx)
        return self._form(found, ctx, {})

    @route("POST", "/usulkan")
    async def submit(self, request: Request) -> Response:
        async with self.c.posted(request, LABELS) as (ctx, found, given):
            values = {name: given.text(name, most) or "" for name, most in LIMITS.items()}
            values.update({name: given.choice(name, options)
                           for name, options in CHOICES.items()})  # fmt: skip
            if given.problems:
                return self._form(found, ctx, values, status=422, problems=given.problems)
            if found.kelurahan:  # a lurah files for their own kelurahan only
                values["kelurahan"] = kel_name(ctx, found.kelurahan)
            render = self.c.c.catalogue.render
            if values.get("setuju") != "ya":  # consent in person comes first, as in the chat
                said = render(Msg("con-nominate-consent"), found.person.locale)
                return self._form(found, ctx, values, said, "setuju", status=422)
            draft, problem = check.from_fields(ctx, values)
            if problem is not None:
                return self._form(found, ctx, values, render(problem[1], found.person.locale),
                                  problem[0], status=422)  # fmt: skip
            kel = draft.kelurahan
            if found.person.role is not Role.ADMIN and not await authorise(
                ctx, found.person, Action.NOMINATE_ON_BEHALF, kel
            ):
                return self.c.refused("not-found", 404, found.person.locale)
            conv = Conversation(found.person.id)
            draft.save(conv)
            replies = await check.file_nomination(ctx, found.person, conv)
        words = [render(p, found.person.locale) for r in replies for p in r.parts]
        return self._form(found, ctx, {}, done=words)
