"""UU 27/2022: what Siaga holds about me (/dataku) and deleting it (/hapus); reminders and
broadcasts as a purpose of their own (/berhenti, /mulai). What each capability holds of a
person, and what it erases, it declares in the table (handlers/table.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.answers import Tri, parse_tri
from handlers.core.capability import Command, Flow, Routed, prompt_for
from handlers.core.engine import Input, button, reply, with_note
from handlers.core.messages import Msg, Raw, Reply
from handlers.core.records import Conversation, Person
from handlers.core.state import Resume
from handlers.privacy.port import Ctx

FLOW = "hapus"


async def my_data(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    parts: list[Msg] = [
        Msg(
            "dataku-person",
            {
                "channel": person.channel,
                "id": Raw(person.external_id),
                "locale": Msg(f"lang-name-{person.locale}"),
                "consent": Msg(
                    "dataku-consent-yes",
                    {
                        "version": person.consent_version,
                        "date": _local(ctx, person.consent_at).strftime("%d-%m-%Y %H.%M"),
                    },
                )
                if person.consent_version and person.consent_at
                else Msg("dataku-consent-no"),
                "broadcast": Msg(
                    "optin-never"
                    if person.broadcast_opt_in is None
                    else "tri-ya"
                    if person.broadcast_opt_in
                    else "tri-tidak"
                ),
            },
        )
    ]
    parts += await ctx.capabilities.lines("my_data", ctx, person, conv)  # the table's order
    parts.append(Msg("dataku-footer"))
    return Reply(tuple(parts))


async def ask_delete(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    withdrawn = await ctx.capabilities.erase_warnings(ctx, person)
    Resume.mark(conv)
    conv.flow, conv.step = FLOW, "confirm"
    conv.version += 1
    key = "hapus-confirm-active" if withdrawn else "hapus-confirm"
    return reply(
        key,
        button(conv, "btn-delete-yes", "ya"),
        button(conv, "btn-delete-no", "tidak"),
        refs=", ".join(withdrawn),
    )


async def take(
    ctx: Ctx, person: Person, conv: Conversation, inp: Input
) -> tuple[list[Reply], bool]:
    """Returns the replies and whether the person was deleted (nothing left to save)."""
    choice = inp.choice or str(parse_tri(inp.text) or "")
    if choice == Tri.YES.value:
        await ctx.capabilities.erase(ctx, person)  # each capability's records of them first
        await ctx.store.audit(actor=None, action="person.deleted", now=ctx.now, subject=person.id)
        await ctx.store.forget_person(person.id, ctx.now)
        return [Reply.of("hapus-done")], True
    Resume.take(conv)
    conv.version += 1
    return [Reply.of("hapus-cancelled")], False


def _confirm(conv: Conversation) -> Reply:
    return reply("hapus-confirm", button(conv, "btn-delete-yes", "ya"),
                 button(conv, "btn-delete-no", "tidak"), refs="")  # fmt: skip


async def _prompt(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    return _confirm(conv)


async def _mydata(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await my_data(ctx, person, conv), await prompt_for(ctx, person, conv)], False


async def _delete(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await ask_delete(ctx, person, conv)], False


async def broadcast_choice(ctx: Ctx, person: Person, conv: Conversation, opt_in: bool) -> Reply:
    """/berhenti and /mulai: reminders and broadcasts are a purpose of their own (UU 27/2022
    Pasal 22(4)); messages about one's own nomination are not affected."""
    person.broadcast_opt_in = opt_in
    await ctx.store.save_person(person)
    await ctx.store.record_consent(
        person.id, "broadcast", ctx.settings.privacy_notice_version, opt_in, ctx.now
    )
    note = Msg("optin-done" if opt_in else "optout-done")
    return with_note(note, await prompt_for(ctx, person, conv))


async def _optout(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await broadcast_choice(ctx, person, conv, False)], False


async def _optin(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await broadcast_choice(ctx, person, conv, True)], False


async def _optout_button(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> list[Reply]:
    return [await broadcast_choice(ctx, person, conv, False)]


async def _optin_button(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> list[Reply]:
    return [await broadcast_choice(ctx, person, conv, True)]


PRIVACY = Flow(FLOW, _prompt, take, commands=(
    Command("mydata", ("dataku",), _mydata),
    Command("delete", ("hapus",), _delete),
    Command("optout", ("berhenti",), _optout),
    Command("optin", ("mulai",), _optin),
))  # fmt: skip
NOTICES = {"optin": _optin_button, "optout": _optout_button}


def _local(ctx: Ctx, at: datetime) -> datetime:
    """A stored moment in the city's time (SQLite gives it back without a zone: UTC)."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(ctx.tz)
