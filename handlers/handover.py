""" "Tanya petugas": a citizen's question goes to a person, and the answer comes back.

```mermaid
sequenceDiagram
    participant W as Citizen
    participant S as Siaga
    participant O as Officer (lurah of the kelurahan, else the Dinas)
    W->>S: "mau tanya petugas" → the question
    S->>O: card: ticket #N, kelurahan, the question [Balas] [Tutup]
    S-->>W: ticket #N sent; the bot carries on
    O->>S: Balas (one officer holds it)
    O->>S: the answer
    S-->>W: "Petugas Kelurahan Kelun: …"
    W->>S: more words: to the officer, the bot silent
    O->>S: Tutup
    S-->>W: closed; rate 1–5
```
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from handlers.citizen.form import CheckState
from handlers.engine import Input, button, reply, with_note
from handlers.flows import Command, Flow, Routed, prompt_for
from handlers.messages import Button, Msg, Raw, Reply
from handlers.ports import Context
from handlers.records import Conversation, Person, Role, Ticket, TicketStatus
from handlers.state import FlowState, Resume

ASK = "tanya"  # the citizen's flow: writing the question
ANSWER = "jawab_tiket"  # the officer's flow: answering a ticket they hold
MAX_TEXT = 1000


@dataclass
class HeldTicket(FlowState):
    KEY: ClassVar[str] = "ticket"
    id: int = 0


def _kelurahan_of(conv: Conversation, person: Person) -> str | None:
    return person.kelurahan_code or CheckState.of(conv).kelurahan


def _kel_name(ctx: Context, code: str | None) -> str:
    kel = ctx.program.regions.kelurahan_by_code(code or "")
    return kel.name if kel else "-"


def role_label(ctx: Context, officer: Person) -> Msg:
    """How an officer is named to a citizen: their role, never their own account."""
    if officer.role is Role.LURAH and officer.kelurahan_code:
        return Msg("officer-role-kelurahan", {"kelurahan": _kel_name(ctx, officer.kelurahan_code)})
    return Msg("officer-role-dinas")


def may_answer(officer: Person, ticket: Ticket) -> bool:
    if officer.role is Role.ADMIN:
        return True
    return officer.role is Role.LURAH and officer.kelurahan_code == ticket.kelurahan_code


# --- the citizen asks ---------------------------------------------------------------------------


async def ask(ctx: Context, person: Person, conv: Conversation) -> Reply:
    live = await ctx.store.live_ticket_of(person.id)
    if live is not None:
        note = Msg("ticket-still-open", {"id": live.id})
        return with_note(note, await prompt_for(ctx, person, conv))
    if conv.flow != ASK:
        Resume.mark(conv)
    conv.flow, conv.step = ASK, "question"
    conv.version += 1
    return _ask_prompt(conv)


def _ask_prompt(conv: Conversation) -> Reply:
    return reply("ask-officer-question", button(conv, "btn-cancel", "cancel"))


async def _ask_again(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return _ask_prompt(conv)


async def _take_question(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    text = " ".join(inp.text.split())[:MAX_TEXT]
    if len(text) < 3:
        return [with_note(Msg("err-officer-question"), _ask_prompt(conv))], False
    kel = _kelurahan_of(conv, person)
    ticket_id = await ctx.store.open_ticket(person.id, kel, text, ctx.now)
    officers = await ctx.store.people_with_role(Role.LURAH, kel) if kel else []
    if not officers:  # no reviewer for the kelurahan (or none known): the Dinas answers
        officers = await ctx.store.people_with_role(Role.ADMIN)
    card = Reply(
        (Msg("ticket-card", {"id": ticket_id, "kelurahan": _kel_name(ctx, kel),
                             "text": Raw(text)}),),
        (Button(Msg("btn-ticket-reply"), f"n|treply:{ticket_id}"),
         Button(Msg("btn-ticket-close"), f"n|tclose:{ticket_id}")),
    )  # fmt: skip
    for officer in officers:
        await ctx.store.enqueue(officer, [card], ctx.now, about=person.id)
    await ctx.store.audit(actor=person.id, action="ticket.opened", now=ctx.now,
                          after={"ticket": ticket_id, "officers": len(officers)})  # fmt: skip
    Resume.take(conv)
    conv.version += 1
    key = "ticket-opened" if officers else "ticket-no-officer"
    note = Msg(key, {"id": ticket_id, "contact": ctx.program.contact})
    return [with_note(note, await prompt_for(ctx, person, conv))], False


async def _ask_command(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await ask(ctx, person, conv)], False


# --- while an officer holds it, the citizen's words go to them -----------------------------------


async def relay_from_citizen(ctx: Context, person: Person, text: str) -> Routed | None:
    """The citizen's message to the officer holding their ticket; None when none holds one.
    The bot says nothing: the officer answers."""
    live = await ctx.store.live_ticket_of(person.id)
    if live is None or live.status is not TicketStatus.HELD or live.held_by is None:
        return None
    officer = await ctx.store.person_by_id(live.held_by)
    if officer is None:
        return None
    words = " ".join(text.split())[:MAX_TEXT]
    await ctx.store.add_ticket_message(live, "citizen", words, ctx.now)
    note = Reply.of("ticket-from-citizen", id=live.id, text=Raw(words))
    await ctx.store.enqueue(officer, [note], ctx.now, about=person.id)
    return [], False


# --- the officer answers ----------------------------------------------------------------------


async def take_up(ctx: Context, officer: Person, conv: Conversation, ticket_id: int) -> Reply:
    """ "Balas" on a card: hold the ticket (one officer at a time) and write the answer."""
    ticket = await ctx.store.ticket(ticket_id)
    if ticket is None or ticket.status is TicketStatus.CLOSED:
        return with_note(Msg("ticket-closed-already", {"id": ticket_id}),
                         await prompt_for(ctx, officer, conv))  # fmt: skip
    if not may_answer(officer, ticket):
        return with_note(Msg("ticket-not-yours"), await prompt_for(ctx, officer, conv))
    if not await ctx.store.hold_ticket(ticket_id, officer.id):
        return with_note(Msg("ticket-taken", {"id": ticket_id}),
                         await prompt_for(ctx, officer, conv))  # fmt: skip
    await ctx.store.audit(actor=officer.id, action="ticket.held", now=ctx.now,
                          after={"ticket": ticket_id})  # fmt: skip
    if conv.flow != ANSWER:
        Resume.mark(conv)
    HeldTicket(ticket_id).save(conv)
    conv.flow, conv.step = ANSWER, "text"
    conv.version += 1
    question = next((m["text"] for m in ticket.messages if m["from"] == "citizen"), "")
    return _answer_prompt(conv, ticket_id, question)


def _answer_prompt(conv: Conversation, ticket_id: int, question: str = "") -> Reply:
    return reply("ticket-answer-prompt", button(conv, "btn-ticket-close", "close"),
                 id=ticket_id, text=Raw(question))  # fmt: skip


async def _answer_again(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return _answer_prompt(conv, HeldTicket.of(conv).id)


async def _take_answer(ctx: Context, officer: Person, conv: Conversation, inp: Input) -> Routed:
    held = HeldTicket.of(conv).id
    if inp.choice == "close":
        return [await close(ctx, officer, conv, held)], False
    ticket = await ctx.store.ticket(held)
    if ticket is None or ticket.status is not TicketStatus.HELD or ticket.held_by != officer.id:
        # closed meanwhile, or held by someone else now: nothing is sent
        _leave(conv)
        note = Msg("ticket-closed-already", {"id": ticket.id if ticket else 0})
        return [with_note(note, await prompt_for(ctx, officer, conv))], False
    text = " ".join(inp.text.split())[:MAX_TEXT]
    if len(text) < 2:
        return [with_note(Msg("err-officer-answer"), _answer_prompt(conv, ticket.id))], False
    citizen = await ctx.store.person_by_id(ticket.person_id)
    await ctx.store.add_ticket_message(ticket, "officer", text, ctx.now)
    if citizen is not None:
        said = Reply.of("ticket-officer-says", role=role_label(ctx, officer), text=Raw(text))
        await ctx.store.enqueue(citizen, [said], ctx.now)
    conv.version += 1
    return [
        with_note(Msg("ticket-sent", {"id": ticket.id}), _answer_prompt(conv, ticket.id))
    ], False


def _leave(conv: Conversation) -> None:
    HeldTicket.clear(conv)
    Resume.take(conv)
    conv.version += 1


async def close(ctx: Context, officer: Person, conv: Conversation, ticket_id: int) -> Reply:
    ticket = await ctx.store.ticket(ticket_id)
    if ticket is None or not may_answer(officer, ticket):
        return with_note(Msg("ticket-not-yours"), await prompt_for(ctx, officer, conv))
    if conv.flow == ANSWER and HeldTicket.of(conv).id == ticket_id:
        _leave(conv)
    if not await ctx.store.close_ticket(ticket_id, ctx.now):
        return with_note(Msg("ticket-closed-already", {"id": ticket_id}),
                         await prompt_for(ctx, officer, conv))  # fmt: skip
    await ctx.store.audit(actor=officer.id, action="ticket.closed", now=ctx.now,
                          after={"ticket": ticket_id})  # fmt: skip
    citizen = await ctx.store.person_by_id(ticket.person_id)
    if citizen is not None:
        rate = Reply(
            (Msg("ticket-closed-rate", {"id": ticket_id}),),
            tuple(Button(Msg("label", {"text": str(n)}), f"n|trate:{ticket_id}:{n}")
                  for n in range(1, 6)),
        )  # fmt: skip
        await ctx.store.enqueue(citizen, [rate], ctx.now)
    return with_note(Msg("ticket-closed", {"id": ticket_id}), await prompt_for(ctx, officer, conv))


async def rate(ctx: Context, person: Person, conv: Conversation, value: str) -> Reply:
    ticket_id, _, score = value.partition(":")
    ok = (ticket_id.isdigit() and score in ("1", "2", "3", "4", "5")
          and await ctx.store.rate_ticket(int(ticket_id), person.id, int(score)))  # fmt: skip
    if ok:
        await ctx.store.audit(actor=person.id, action="ticket.rated", now=ctx.now,
                              after={"ticket": int(ticket_id), "rating": int(score)})  # fmt: skip
    key = "ticket-rated" if ok else "button-expired"
    return with_note(Msg(key), await prompt_for(ctx, person, conv))


async def waiting(ctx: Context, officer: Person) -> Reply:
    """/tiket: the questions waiting for this officer (a lurah: their kelurahan; the Dinas: all)."""
    if officer.role not in (Role.LURAH, Role.ADMIN):
        return reply("not-a-reviewer")
    kel = officer.kelurahan_code if officer.role is Role.LURAH else None
    found = await ctx.store.live_tickets(kel)
    if not found:
        return reply("tickets-none")
    lines = [
        Msg("ticket-line", {
            "id": x.id, "kelurahan": _kel_name(ctx, x.kelurahan_code),
            "state": Msg(f"ticket-state-{x.status.value}"),
            "text": Raw(next((m["text"] for m in x.messages if m["from"] == "citizen"), "")[:80]),
        })
        for x in found
    ]  # fmt: skip
    buttons = tuple(
        Button(Msg("label", {"text": f"✍ #{x.id}"}), f"n|treply:{x.id}")
        for x in found if x.status is TicketStatus.OPEN
    )[:5]  # fmt: skip
    return Reply((Msg("tickets-head", {"count": len(found)}), *lines), buttons)


async def _tickets_command(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await waiting(ctx, person)], False


ASKING = Flow(ASK, _ask_again, _take_question, commands=(
    Command("officer", ("petugas", "tanya_petugas"), _ask_command),
    Command("tickets", ("tiket",), _tickets_command),
))  # fmt: skip
ANSWERING = Flow(ANSWER, _answer_again, _take_answer)
