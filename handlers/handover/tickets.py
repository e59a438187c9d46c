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

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import Any, ClassVar

from domain.ratings import read_rating
from domain.text import row_id
from handlers.check import draft_kelurahan
from handlers.core.capability import Command, Flow, Routed, prompt_for
from handlers.core.engine import Input, bind, button, reply, with_note
from handlers.core.messages import Attachment, Button, Incoming, Media, Msg, Raw, Reply, SealedText
from handlers.core.names import kel_name, role_label
from handlers.core.records import Conversation, Person, Role
from handlers.core.state import FlowState, Resume
from handlers.handover import low_rating
from handlers.handover.port import Ctx as Context
from handlers.handover.records import Ticket, TicketStatus
from handlers.nominations import Nomination

ASK = "tanya"  # the citizen's flow: writing the question
ANSWER = "jawab_tiket"  # the officer's flow: answering a ticket they hold
MAX_TEXT = 1000


@dataclass
class HeldTicket(FlowState):
    KEY: ClassVar[str] = "ticket"
    id: int = 0


@dataclass
class PendingMedia(FlowState):
    """A voice note or photo the citizen sent that Siaga could not read, kept (as the
    platform's reference) until they say whether it goes to an officer."""

    KEY: ClassVar[str] = "media"
    kind: str = ""
    ref: str = ""
    mime: str = ""
    size: int = 0
    seconds: int = 0
    origin: str = ""

    def media(self) -> Media:
        return Media(self.kind, self.ref, self.mime, self.size, self.seconds, self.origin)


# Words with which a citizen talking to an officer goes back to the bot.
DONE_WORDS = frozenset({"selesai", "kembali", "tutup", "done", "rampung", "wis rampung",
                        "kembali ke siaga", "back", "sampun"})  # fmt: skip


def _kelurahan_of(conv: Conversation, person: Person, noms: list[Nomination]) -> str | None:
    """Whose question it is: an officer's own kelurahan; a resident's latest nomination's
    (filing clears the draft, issue 26); else the check they are filling in."""
    if person.kelurahan_code:
        return person.kelurahan_code
    if noms:
        return max(noms, key=lambda n: n.id).kelurahan_code
    return draft_kelurahan(conv)


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
    enough = await too_many_today(ctx, person)
    if enough is not None:  # said before they type a question that would not go
        return with_note(enough, await prompt_for(ctx, person, conv))
    pending = PendingMedia.of(conv)
    if pending.ref:  # "Kirim ke petugas" after a voice note or photo: that is the question
        PendingMedia.clear(conv)
        conv.version += 1
        return (await open_question(ctx, person, conv, "", pending.media()))[0][0]
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
    if conv.flow == ASK:
        Resume.take(conv)
    return await open_question(ctx, person, conv, text)


async def question_typed(ctx: Context, person: Person, conv: Conversation, text: str) -> Routed:
    """A question typed at the menu that the FAQ does not answer: a ticket at once, or more
    words for the question already waiting."""
    words = " ".join(text.split())[:MAX_TEXT]
    live = await ctx.store.live_ticket_of(person.id)
    if live is None:
        return await open_question(ctx, person, conv, words)
    sealed = ctx.store.seal_text(words)
    await ctx.store.add_ticket_message(live, "citizen", sealed, ctx.now)
    more = Reply.of("ticket-from-citizen", id=live.id, text=SealedText(sealed))
    for officer in await officers_for(ctx, live.kelurahan_code):
        await ctx.store.enqueue(officer, [more], ctx.now, about=person.id)
    note = Msg("ticket-text-added", {"id": live.id})
    return [with_note(note, await prompt_for(ctx, person, conv))], False


async def officers_for(ctx: Context, kelurahan: str | None) -> list[Person]:
    """Who answers a question: the kelurahan's reviewers, else (none, or the kelurahan not
    known) the Dinas."""
    officers = await ctx.store.people_with_role(Role.LURAH, kelurahan) if kelurahan else []
    return officers or await ctx.store.people_with_role(Role.ADMIN)


ASKED = "ticket.asked"  # an account mark: a new question, counted for the daily limit


async def too_many_today(ctx: Context, person: Person) -> Msg | None:
    """Floods (issue 30 item 5): a resident's account asks at most `questions_per_day` new
    questions a day, as for reports; beyond it, the office's phone number. Counted by the
    account, not the person's id: /hapus gives a new id (issue 26)."""
    if person.role is not Role.CITIZEN:
        return None
    limit = ctx.program.handover.questions_per_day
    if await ctx.store.count_account_marks(person, ASKED, ctx.now - timedelta(days=1)) < limit:
        return None
    claims = ctx.program.claims
    if claims is None:
        return Msg("ticket-too-many-today-contact", {"contact": ctx.program.contact})
    return Msg("ticket-too-many-today", {"office": claims.office.name,
                                          "phone": claims.office.phone})  # fmt: skip


async def open_question(
    ctx: Context, person: Person, conv: Conversation, text: str, media: Media | None = None
) -> Routed:
    """A ticket for the citizen's question (words, or a voice note / photo / document), as a
    card to the officers who answer it."""
    enough = await too_many_today(ctx, person)
    if enough is not None:
        return [with_note(enough, await prompt_for(ctx, person, conv))], False
    noms = await ctx.store.nominations_of(person.id)
    kel = _kelurahan_of(conv, person, noms)
    sealed = ctx.store.seal_text(text)
    what: Msg | SealedText = SealedText(sealed)
    if media is not None and not text:
        what = media.named()
    shown = sealed or ctx.render(what, "id")
    ticket_id = await ctx.store.open_ticket(person.id, kel, shown, ctx.now, media)
    await ctx.store.mark_account(person, ASKED, ctx.now)
    attach = await _keep(ctx, ticket_id, media)
    officers = await officers_for(ctx, kel)
    card = Reply(
        (Msg("ticket-card", {"id": ticket_id, "kelurahan": kel_name(ctx, kel),
                             "text": what}),
         *_about(noms)),
        (Button(Msg("btn-ticket-reply"), f"n|treply:{ticket_id}"),
         Button(Msg("btn-ticket-close"), f"n|tclose:{ticket_id}")),
        attach=attach,
    )  # fmt: skip
    for officer in officers:
        await ctx.store.enqueue(officer, [card], ctx.now, about=person.id)
    await ctx.store.audit(actor=person.id, action="ticket.opened", now=ctx.now,
                          after={"ticket": ticket_id, "officers": len(officers),
                                 "media": media.kind if media else None})  # fmt: skip
    conv.version += 1
    notes = [Msg("ticket-opened" if officers else "ticket-no-officer",
                 {"id": ticket_id, "contact": ctx.program.contact})]  # fmt: skip
    hours = ctx.program.handover
    if not hours.is_open(ctx.local):
        opens = hours.next_opening(ctx.local)
        notes.append(Msg("ticket-after-hours", {  # the date too: Lebaran closes for days
            "day": Msg(f"weekday-{opens.weekday()}"), "date": f"{opens:%d-%m-%Y}",
            "time": f"{opens:%H.%M}",
        }))  # fmt: skip
    if media is not None and media.kind == "photo":
        notes.append(Msg("photo-id-advice"))
    prompt = await prompt_for(ctx, person, conv)
    return [Reply((*notes, *prompt.parts), prompt.buttons, prompt.list_title)], False


async def _keep(ctx: Context, ticket_id: int, media: Media | None) -> Attachment | None:
    if media is None or not media.forwardable:
        return None
    return Attachment(await ctx.store.keep_media(ticket_id, media, ctx.now))


def _about(noms: list[Nomination]) -> tuple[Msg, ...]:
    """Who asks, for the officer: the name they gave and their nomination, if any."""
    if not noms:
        return (Msg("ticket-card-no-nomination"),)
    nom = max(noms, key=lambda n: n.id)
    return (Msg("ticket-card-nomination", {
        "ref": nom.ref, "name": Raw(nom.name or "-"), "status": Msg(f"status-{nom.status.value}"),
    }),)  # fmt: skip


async def _ask_command(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await ask(ctx, person, conv)], False


# --- while an officer holds it, the citizen's words go to them -----------------------------------


async def relay_from_citizen(
    ctx: Context, person: Person, conv: Conversation, text: str, media: Media | None = None
) -> Routed | None:
    """The citizen's message to the officer holding their ticket; None when none holds one.
    The bot says nothing: the officer answers. "Selesai" closes the ticket."""
    if conv.around is not None and not conv.around.live_ticket:
        return None  # none was live when the update began (read with the person)
    live = await ctx.store.live_ticket_of(person.id)
    if live is None or live.status is not TicketStatus.HELD or live.held_by is None:
        return None
    officer = await ctx.store.person_by_id(live.held_by)
    if officer is None:
        return None
    words = " ".join(text.split())[:MAX_TEXT]
    if media is None and words.lower().strip(".!") in DONE_WORDS:
        return [await _citizen_closes(ctx, person, conv, live, officer)], False
    refused = _refused(ctx, media)
    if refused is not None:  # too long or too big: the ticket keeps that it came
        await ctx.store.add_ticket_message(live, "citizen", ctx.render(refused, "id"), ctx.now)
        return [Reply((refused,))], False
    sealed = ctx.store.seal_text(words)
    await ctx.store.add_ticket_message(live, "citizen", sealed, ctx.now, media)
    attach = await _keep(ctx, live.id, media)
    said: Msg | SealedText = SealedText(sealed) if words or media is None else media.named()
    note = Reply((Msg("ticket-from-citizen", {"id": live.id, "text": said}),), attach=attach)
    await ctx.store.enqueue(officer, [note], ctx.now, about=person.id)
    if media is not None and media.kind == "photo":
        return [Reply((Msg("photo-id-advice"),))], False
    return [], False


def _refused(ctx: Context, media: Media | None) -> Msg | None:
    """Why a file cannot go to an officer, said to whoever sent it; None when it can."""
    if media is None:
        return None
    if not media.forwardable:
        return Msg(f"media-not-forwarded-{media.kind}" if media.kind in UNFORWARDABLE
                   else "media-not-forwarded-other")  # fmt: skip
    why = ctx.program.handover.forwards(media.seconds, media.size)
    if not why:
        return None
    limits = ctx.program.handover.media
    return Msg(f"media-{why}", {"kind": Msg(f"media-kind-{media.kind}"),
                                "minutes": limits.max_seconds // 60,
                                "mb": limits.max_bytes // (1024 * 1024)})  # fmt: skip


UNFORWARDABLE = ("sticker", "location", "contact")


async def _citizen_closes(
    ctx: Context, citizen: Person, conv: Conversation, ticket: Ticket, officer: Person
) -> Reply:
    await ctx.store.close_ticket(ticket.id, ctx.now)
    await ctx.store.audit(actor=citizen.id, action="ticket.closed", now=ctx.now,
                          after={"ticket": ticket.id, "by": "citizen"})  # fmt: skip
    await ctx.store.enqueue(officer, [Reply.of("ticket-closed-by-citizen", id=ticket.id)], ctx.now)
    conv.version += 1
    return rate_prompt(ticket.id)


def rate_prompt(ticket_id: int) -> Reply:
    return Reply(
        (Msg("ticket-closed-rate", {"id": ticket_id}),),
        tuple(Button(Msg("label", {"text": str(n)}), f"n|trate:{ticket_id}:{n}")
              for n in range(1, 6)),
    )  # fmt: skip


async def on_media(ctx: Context, person: Person, conv: Conversation, media: Media) -> Routed:
    """A voice note, photo, document, sticker, location or contact card: to the officer who
    holds the person's question, as the officer's answer, as the question itself, or kept
    for a moment with the offer to send it to an officer."""
    if conv.flow == ANSWER:
        return await _forward_answer(ctx, person, conv, media)
    relayed = await relay_from_citizen(ctx, person, conv, "", media)
    if relayed is not None:
        return relayed
    refused = _refused(ctx, media)
    prompt = await prompt_for(ctx, person, conv)
    if refused is not None:
        offer = Button(Msg("btn-ask-officer"), bind(conv, "officer"))
        return [Reply((refused, *prompt.parts), (*prompt.buttons, offer), prompt.list_title)], False
    live = await ctx.store.live_ticket_of(person.id)
    if live is not None:  # waiting for an officer: the file joins the question
        await ctx.store.add_ticket_message(live, "citizen", "", ctx.now, media)
        attach = await _keep(ctx, live.id, media)
        extra = Reply((Msg("ticket-from-citizen", {"id": live.id, "text": media.named()}),),
                      attach=attach)  # fmt: skip
        for officer in await officers_for(ctx, live.kelurahan_code):
            await ctx.store.enqueue(officer, [extra], ctx.now, about=person.id)
        return [with_note(Msg("ticket-media-added", {"id": live.id}), prompt)], False
    if conv.flow == ASK:
        Resume.take(conv)
        return await open_question(ctx, person, conv, "", media)
    PendingMedia(media.kind, media.ref, media.mime, media.size, media.seconds,
                 media.origin).save(conv)  # fmt: skip
    conv.version += 1
    offer = Button(Msg("btn-send-to-officer"), bind(conv, "officer"))
    note = Msg("media-offer-officer", {"kind": Msg(f"media-kind-{media.kind}")})
    return [Reply((note,), (offer, Button(Msg("btn-menu"), bind(conv, "menu"))))], False


# --- the officer answers ----------------------------------------------------------------------


class Hold(Enum):
    """What pressing Balas (in the chat) or Pegang (on the console) came to."""

    HELD = "held"
    CLOSED = "closed"
    NOT_YOURS = "not-yours"
    TAKEN = "taken"  # another officer holds it
    FULL = "full"  # the officer already holds as many as the program allows


async def hold(ctx: Context, officer: Person, ticket_id: int) -> tuple[Hold, Ticket | None]:
    """Hold a ticket for this officer (one officer at a time, and at most `max_held` each:
    issue 30); the resident is told who answers. The one use case behind the chat's Balas
    and the console's Pegang."""
    ticket = await ctx.store.ticket(ticket_id)
    if ticket is None or ticket.status is TicketStatus.CLOSED:
        return Hold.CLOSED, ticket
    if not may_answer(officer, ticket):
        return Hold.NOT_YOURS, ticket
    limit = ctx.program.handover.max_held
    if ticket.held_by != officer.id and await ctx.store.held_count(officer.id) >= limit:
        return Hold.FULL, ticket
    if not await ctx.store.hold_ticket(ticket_id, officer.id, ctx.now):
        return Hold.TAKEN, ticket
    await ctx.store.audit(actor=officer.id, action="ticket.held", now=ctx.now,
                          after={"ticket": ticket_id})  # fmt: skip
    citizen = await ctx.store.person_by_id(ticket.person_id)
    if citizen is not None and ticket.status is TicketStatus.OPEN:
        # the citizen sees who answers, and how to go back to the bot
        held = Reply.of("ticket-held-citizen", id=ticket_id, role=role_label(ctx, officer))
        await ctx.store.enqueue(citizen, [held], ctx.now)
    return Hold.HELD, ticket


def hold_note(outcome: Hold, ticket_id: int, ctx: Context) -> Msg:
    """Why a hold did not happen, in the officer's words (chat and console alike)."""
    key = {Hold.CLOSED: "ticket-closed-already", Hold.NOT_YOURS: "ticket-not-yours",
           Hold.TAKEN: "ticket-taken", Hold.FULL: "ticket-hold-full"}[outcome]  # fmt: skip
    return Msg(key, {"id": ticket_id, "max": ctx.program.handover.max_held})


async def take_up(ctx: Context, officer: Person, conv: Conversation, ticket_id: int) -> Reply:
    """ "Balas" on a card: hold the ticket and write the answer."""
    outcome, ticket = await hold(ctx, officer, ticket_id)
    if outcome is not Hold.HELD or ticket is None:
        return with_note(hold_note(outcome, ticket_id, ctx), await prompt_for(ctx, officer, conv))
    if conv.flow != ANSWER:
        Resume.mark(conv)
    HeldTicket(ticket_id).save(conv)
    conv.flow, conv.step = ANSWER, "text"
    conv.version += 1
    return _answer_prompt(conv, ticket_id, _so_far(ticket))


def _so_far(ticket: Ticket) -> str:
    """The last few lines of the ticket, for the officer who takes it up."""
    lines = [f"{'›' if m['from'] == 'citizen' else '‹'} {m['text']}" for m in ticket.messages[-5:]]
    return "\n".join(lines)


def _answer_prompt(conv: Conversation, ticket_id: int, question: str = "") -> Reply:
    return reply("ticket-answer-prompt", button(conv, "btn-ticket-close", "close"),
                 id=ticket_id, text=SealedText(question))  # fmt: skip


async def _answer_again(ctx: Context, person: Person, conv: Conversation) -> Reply:
    held = HeldTicket.of(conv).id
    ticket = await ctx.store.ticket(held)
    return _answer_prompt(conv, held, _so_far(ticket) if ticket else "")


async def _take_answer(ctx: Context, officer: Person, conv: Conversation, inp: Input) -> Routed:
    held = HeldTicket.of(conv).id
    if inp.choice == "close":
        return [await close(ctx, officer, conv, held)], False
    return await _answered(ctx, officer, conv, held, await answer(ctx, officer, held, inp.text))


class Sent(Enum):
    SENT = "sent"
    CLOSED = "closed"  # closed meanwhile: nothing is sent
    NOT_HELD = "not-held"  # let go after the quiet time, or held by someone else now
    SHORT = "short"  # no words to send
    REFUSED = "refused"  # a file that cannot be forwarded (too long, too big)


@dataclass(frozen=True)
class Answered:
    outcome: Sent
    why: Msg | None = None  # for REFUSED: why, in the officer's words


async def answer(
    ctx: Context, officer: Person, ticket_id: int, text: str, media: Media | None = None
) -> Answered:
    """The officer's words or file to the resident of a ticket they hold, on the resident's
    channel: the one use case behind an answer typed in the chat and one written on the
    console (issue 30)."""
    ticket = await ctx.store.ticket(ticket_id)
    if ticket is None or ticket.status is TicketStatus.CLOSED:
        return Answered(Sent.CLOSED)
    if ticket.status is not TicketStatus.HELD or ticket.held_by != officer.id:
        return Answered(Sent.NOT_HELD)
    words = " ".join(text.split())[:MAX_TEXT]
    if media is not None:
        refused = _refused(ctx, media)
        if refused is not None:
            return Answered(Sent.REFUSED, refused)
    elif len(words) < 2:
        return Answered(Sent.SHORT)
    await _to_citizen(ctx, officer, ticket, words, media)
    return Answered(Sent.SENT)


async def _answered(
    ctx: Context, officer: Person, conv: Conversation, held: int, done: Answered
) -> Routed:
    """The chat's reply to an answer sent (or not)."""
    if done.outcome in (Sent.CLOSED, Sent.NOT_HELD):
        return [await _lost_hold(ctx, officer, conv, held, done.outcome is Sent.CLOSED)], False
    if done.outcome is Sent.SHORT:
        return [with_note(Msg("err-officer-answer"), _answer_prompt(conv, held))], False
    if done.why is not None:
        return [with_note(done.why, _answer_prompt(conv, held))], False
    conv.version += 1
    return [with_note(Msg("ticket-sent", {"id": held}), _answer_prompt(conv, held))], False


async def _to_citizen(
    ctx: Context, officer: Person, ticket: Ticket, text: str, media: Media | None = None
) -> None:
    """The officer's words or file to the citizen, in the officer's role."""
    sealed = ctx.store.seal_text(text)
    await ctx.store.add_ticket_message(ticket, "officer", sealed, ctx.now, media)
    citizen = await ctx.store.person_by_id(ticket.person_id)
    if citizen is None:
        return
    said: Msg | SealedText = SealedText(sealed) if text or media is None else media.named()
    out = Reply((Msg("ticket-officer-says", {"role": role_label(ctx, officer), "text": said}),),
                attach=await _keep(ctx, ticket.id, media))  # fmt: skip
    await ctx.store.enqueue(citizen, [out], ctx.now)


async def _forward_answer(
    ctx: Context, officer: Person, conv: Conversation, media: Media
) -> Routed:
    held = HeldTicket.of(conv).id
    return await _answered(ctx, officer, conv, held, await answer(ctx, officer, held, "", media))


async def _lost_hold(
    ctx: Context, officer: Person, conv: Conversation, held: int, closed: bool
) -> Reply:
    """Closed meanwhile, let go after the quiet time, or held by someone else now: nothing
    is sent, and the officer is told which."""
    _leave(conv)
    note = Msg("ticket-closed-already" if closed else "ticket-not-held", {"id": held})
    return with_note(note, await prompt_for(ctx, officer, conv))


def _leave(conv: Conversation) -> None:
    HeldTicket.clear(conv)
    Resume.take(conv)
    conv.version += 1


class Closed(Enum):
    DONE = "done"
    NOT_YOURS = "not-yours"
    ALREADY = "already"


async def close_ticket(ctx: Context, officer: Person, ticket_id: int) -> Closed:
    """An officer closes a question (Tutup in the chat, on the console): the resident is
    asked to rate the answer."""
    ticket = await ctx.store.ticket(ticket_id)
    if ticket is None or not may_answer(officer, ticket):
        return Closed.NOT_YOURS
    if not await ctx.store.close_ticket(ticket_id, ctx.now):
        return Closed.ALREADY
    await ctx.store.audit(actor=officer.id, action="ticket.closed", now=ctx.now,
                          after={"ticket": ticket_id})  # fmt: skip
    citizen = await ctx.store.person_by_id(ticket.person_id)
    if citizen is not None:
        await ctx.store.enqueue(citizen, [rate_prompt(ticket_id)], ctx.now)
    return Closed.DONE


async def close(ctx: Context, officer: Person, conv: Conversation, ticket_id: int) -> Reply:
    done = await close_ticket(ctx, officer, ticket_id)
    if done is Closed.NOT_YOURS:
        return with_note(Msg("ticket-not-yours"), await prompt_for(ctx, officer, conv))
    if conv.flow == ANSWER and HeldTicket.of(conv).id == ticket_id:
        _leave(conv)
    key = "ticket-closed" if done is Closed.DONE else "ticket-closed-already"
    return with_note(Msg(key, {"id": ticket_id}), await prompt_for(ctx, officer, conv))


async def rate(ctx: Context, person: Person, conv: Conversation, value: str) -> Reply:
    raw_id, _, score = value.partition(":")
    ticket_id = row_id(raw_id)
    ok = (ticket_id is not None and score in ("1", "2", "3", "4", "5")
          and await low_rating.rate(ctx, ticket_id, person.id, int(score)))  # fmt: skip
    if ok:
        await ctx.store.audit(actor=person.id, action="ticket.rated", now=ctx.now,
                              after={"ticket": ticket_id, "rating": int(score)})  # fmt: skip
    key = "ticket-rated" if ok else "button-expired"
    return with_note(Msg(key), await prompt_for(ctx, person, conv))


async def rate_last(ctx: Context, person: Person, score: int) -> bool:
    """A rating typed in words after a closed ticket ("bagus", "kurang membantu")."""
    ticket_id = await ctx.store.ticket_to_rate(person.id, ctx.now - timedelta(days=2))
    if ticket_id is None or not await low_rating.rate(ctx, ticket_id, person.id, score):
        return False
    await ctx.store.audit(actor=person.id, action="ticket.rated", now=ctx.now,
                          after={"ticket": ticket_id, "rating": score})  # fmt: skip
    return True


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
            "id": x.id, "kelurahan": kel_name(ctx, x.kelurahan_code),
            "state": Msg(f"ticket-state-{x.status.value}"),
            "text": SealedText(x.question, 80),
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


async def on_text(ctx: Context, person: Person, conv: Conversation, msg: Incoming) -> Routed | None:
    """Typed text, before it is read as an answer: the words of someone an officer is
    answering are theirs; a rating in words after a closed question ("bagus") rates it."""
    text = msg.text.strip()
    relayed = await relay_from_citizen(ctx, person, conv, text)
    if relayed is not None:  # an officer holds this person's question: the words are theirs
        return relayed
    score = read_rating(text)
    if score is not None and await rate_last(ctx, person, score):
        return [with_note(Msg("ticket-rated"), await prompt_for(ctx, person, conv))], False
    return None


def _on_ticket(act: Callable[[Context, Person, Conversation, int], Awaitable[Reply]]) -> Any:
    """A ticket card's button ("n|treply:42"): the act, on the ticket it names."""

    async def run(ctx: Context, person: Person, conv: Conversation, target: str) -> list[Reply]:
        ticket_id = row_id(target)
        if ticket_id is None:
            return [with_note(Msg("button-expired"), await prompt_for(ctx, person, conv))]
        return [await act(ctx, person, conv, ticket_id)]

    return run


async def _rate_button(
    ctx: Context, person: Person, conv: Conversation, target: str
) -> list[Reply]:
    return [await rate(ctx, person, conv, target)]


NOTICES = {"treply": _on_ticket(take_up), "tclose": _on_ticket(close), "trate": _rate_button}
ASKING = Flow(ASK, _ask_again, _take_question, commands=(
    Command("officer", ("petugas", "tanya_petugas"), _ask_command),
    Command("tickets", ("tiket",), _tickets_command),
))  # fmt: skip
ANSWERING = Flow(ANSWER, _answer_again, _take_answer)
