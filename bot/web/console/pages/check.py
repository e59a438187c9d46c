"""The console's Usulkan warga page (issue 19): a lurah (or the Dinas) files for a resident
who has no phone or came to the office. One form, read by the chat's own steps in the chat's
order (handlers.citizen.form.from_fields), filed by the chat's own use case; consent is given
in person and recorded in the officer's name."""

from __future__ import annotations

from fastapi import Request, Response

from bot.web.console.fields import Fields, Problem
from bot.web.console.session import Seat
from bot.web.console.views import Console
from domain.roles import Action
from handlers.check import form, selfcheck
from handlers.core.messages import Msg
from handlers.core.ports import Context
from handlers.core.records import Conversation, Role
from handlers.nominations import review
from handlers.officers.names import kel_name

# Each field as its box allows (maxlength) and the choices its lists offer; what the words
# mean is then the chat's own steps' to judge (form.from_fields)
LIMITS = {"nama": 80, "nik": 24, "umur": 3, "kelurahan": 80, "pekerjaan": 80, "hp": 20}
CHOICES = {"bpjs": ("tidak", "pu", "bpu", "tidak_tahu"), "dtks": ("ya", "tidak", "tidak_tahu"),
           "anak": ("ya", "tidak"), "setuju": ("ya",)}  # fmt: skip
LABELS = {"nama": "con-col-name", "nik": "con-field-nik", "umur": "con-nominate-age",
          "kelurahan": "con-col-kelurahan", "pekerjaan": "con-col-occupation",
          "bpjs": "con-nominate-bpjs", "dtks": "con-nominate-dtks", "anak": "con-nominate-heirs",
          "hp": "con-nominate-phone", "setuju": "con-nominate-agreed"}  # fmt: skip


class NominatePages:
    def __init__(self, console: Console) -> None:
        self.c = console

    def _form(
        self, found: Seat, ctx: Context, values: dict[str, str], problem: str = "",
        field: str = "", done: list[str] | None = None, status: int = 200,
        problems: list[Problem] | None = None,
    ) -> Response:  # fmt: skip
        program = ctx.program
        return self.c.page(
            "nominate.html", found.person.locale, seat=found, active="nominate", v=values,
            problem=problem, field=field, done=done or [],
            kelurahan_list=program.regions.all_kelurahan,
            own=kel_name(ctx, found.kelurahan) if found.kelurahan else "",
            notice=self.c.c.catalogue.render(selfcheck.in_person_prompt(Conversation(0)).parts[0],
                                             found.person.locale),
            status=status, problems=problems,
        )  # fmt: skip

    async def page(self, request: Request) -> Response:
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx)
            if isinstance(found, Response):
                return found
            await store.commit()
        return self._form(found, ctx, {})

    async def submit(self, request: Request) -> Response:
        fields = await self.c.form(request)
        async with self.c.unit() as (store, ctx):
            found = await self.c.gate(request, store, ctx, form=fields)
            if isinstance(found, Response):
                return found
            given = Fields(fields, LABELS)
            values = {name: given.text(name, most) or "" for name, most in LIMITS.items()}
            values.update({name: given.choice(name, options)
                           for name, options in CHOICES.items()})  # fmt: skip
            if given.problems:
                await store.commit()
                return self._form(found, ctx, values, status=422, problems=given.problems)
            if found.kelurahan:  # a lurah files for their own kelurahan only
                values["kelurahan"] = kel_name(ctx, found.kelurahan)
            render = self.c.c.catalogue.render
            if values.get("setuju") != "ya":  # consent in person comes first, as in the chat
                await store.commit()
                said = render(Msg("con-nominate-consent"), found.person.locale)
                return self._form(found, ctx, values, said, "setuju", status=422)
            draft, problem = form.from_fields(ctx, values)
            if problem is not None:
                await store.commit()
                return self._form(found, ctx, values, render(problem[1], found.person.locale),
                                  problem[0], status=422)  # fmt: skip
            kel = draft.kelurahan
            if found.person.role is not Role.ADMIN and not await review.authorise(
                ctx, found.person, Action.NOMINATE_ON_BEHALF, kel
            ):
                await store.commit()
                return self.c.refused("not-found", 404, found.person.locale)
            conv = Conversation(found.person.id)
            draft.save(conv)
            replies = await selfcheck.file_nomination(ctx, found.person, conv)
            await store.commit()
        words = [render(p, found.person.locale) for r in replies for p in r.parts]
        return self._form(found, ctx, {}, done=words)
