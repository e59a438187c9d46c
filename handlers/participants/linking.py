"""A participant finds their own cover, never someone else's (issue 29 item 3; DESIGN rule 8).

An account is linked to a listed participant only by proof (shared/domain.md §9.2):
- WhatsApp: the platform's own number for the account (its id when Meta gives no
  business-scoped one) equals the list's `hp`; the person is told once (in /peserta's reply,
  or a notice after /status) and may refuse, after which the phone never links it again;
- Telegram: the "share my phone number" button in /peserta; the adapter passes on a contact
  only when its user_id is the sender's (a forwarded card of someone else arrives as a card,
  which the handover capability refuses in words);
- at the kelurahan: the lurah links them (chat `/tautkan NIK KODE`, or the console), audited.
A typed NIK is never proof: anyone may know a neighbour's. Without a link, /status says the
same words to everyone.
"""

from __future__ import annotations

from datetime import date

from domain.dates import add_months
from domain.phone import parse_phone
from domain.text import ascii_digits
from handlers.core.capability import Ctx as Context
from handlers.core.engine import contact_button
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import kel_name
from handlers.core.records import Conversation, Person, Role
from handlers.participants.port import Participant, port

TELEGRAM, WHATSAPP = "telegram", "whatsapp"


def day(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def platform_phone(person: Person) -> str | None:
    """The number WhatsApp itself vouches for: the account id when it is a phone number (a
    business-scoped user id is not, and those accounts are linked at the kelurahan)."""
    if person.channel != WHATSAPP or not person.external_id.isdigit():
        return None
    return parse_phone("+" + person.external_id)


def cover_msg(ctx: Context, p: Participant, on: date) -> Msg:
    """One's own cover: dates, and what JKK and JKM pay, with the figures of the claims
    section of the program file (as the claims issue shows a registered nomination's)."""
    rules, b = ctx.program.claims, ctx.program.benefits
    segment = Msg(f"participant-segment-{p.segment or 'none'}")
    args: dict[str, object] = {"start": day(p.start), "end": day(p.end), "segment": segment}
    if rules is None:
        return Msg("participant-cover-dates", args)  # type: ignore[arg-type]
    full_after = rules.at("jkm_full_after_months", on)
    args.update(
        jkm=b["jkm_total"].at(on), jkk_death=b["jkk_death_amount"].at(on), months=full_after,
        early=rules.at("jkm_early_amount", on), full_from=day(add_months(p.start, full_after)),
    )  # fmt: skip
    return Msg("participant-cover", args)  # type: ignore[arg-type]


def renewal_msg(ctx: Context, p: Participant, on: date) -> Msg | None:
    """Where the yearly renewal stands, as the resident may know it."""
    rules = ctx.program.participants
    if rules is None or not p.active:
        return None
    if p.renewal == "renew":
        return Msg("participant-renewal-renewed", {"end": day(p.end)})
    if p.renewal == "not_renewed":
        return Msg("participant-renewal-not-renewed", {"end": day(p.end)})
    opens = rules.opens_on(p.end)
    if on < opens:
        return Msg("participant-renewal-later", {"opens": day(opens), "end": day(p.end)})
    return Msg("participant-renewal-open", {"end": day(p.end)})


async def own_cover(
    ctx: Context, person: Person, conv: Conversation, notify: bool = False
) -> tuple[list[Msg], tuple[Button, ...], bool]:
    """What /status adds for this account: its own cover when linked (linking now by the
    WhatsApp number when it matches), else how to link, in the same words for everyone."""
    if person.role is not Role.CITIZEN:
        return [], (), False
    store = port(ctx)
    p = await store.participant_of(person.id)
    told: list[Msg] = []
    buttons: tuple[Button, ...] = ()
    if p is None and (phone := platform_phone(person)) is not None:
        found = await store.participant_by_phone(phone)
        if found is not None and await store.link_participant(found.id, person.id, WHATSAPP,
                                                                ctx.now):  # fmt: skip
            await ctx.store.audit(actor=person.id, action="participant.linked", now=ctx.now,
                                  subject=person.id, after={"participant": found.id,
                                                            "via": WHATSAPP})  # fmt: skip
            p = found
            # told once, at the linking; the button names its object, not a step, so it
            # works whenever pressed (a notice button)
            refuse = (Button(Msg("btn-not-me"), f"n|notme:{found.id}"),)
            if notify:  # a shared view gives lines only: the notice follows the reply
                said = Reply((Msg("participant-linked-whatsapp"),), refuse)
                await ctx.store.enqueue(person, [said], ctx.now)
            else:
                told.append(Msg("participant-linked-whatsapp"))
                buttons = refuse
    if p is None:
        if person.channel == TELEGRAM:
            how = [Msg("participant-how-telegram")]
            return how, (contact_button(conv, "btn-share-phone"),), False
        return [Msg("participant-how-kelurahan", {"code": person.id})], (), False
    lines = [*told, cover_msg(ctx, p, ctx.today)] if p.covers(ctx.today) else [
        *told, Msg("participant-cover-ended", {"end": day(p.end)})]  # fmt: skip
    renewal = renewal_msg(ctx, p, ctx.today)
    if renewal is not None:
        lines.append(renewal)
    return lines, buttons, True


async def by_contact(ctx: Context, person: Person, phone: str) -> Msg:
    """A contact shared with Telegram's button (the adapter vouches it is the sender's own)."""
    if person.channel != TELEGRAM:
        # on WhatsApp a contact card is anyone's number: only the account's own one counts
        return Msg("participant-contact-not-proof")
    number = parse_phone(ascii_digits(phone))
    store = port(ctx)
    found = await store.participant_by_phone(number) if number else None
    if found is None or not await store.link_participant(found.id, person.id, TELEGRAM, ctx.now):
        await ctx.store.audit(actor=person.id, action="participant.link_refused", now=ctx.now,
                              outcome="refused", detail=TELEGRAM)  # fmt: skip
        return Msg("participant-no-match", {"code": person.id})
    after = {"participant": found.id, "via": TELEGRAM}
    await ctx.store.audit(actor=person.id, action="participant.linked", now=ctx.now,
                          subject=person.id, after=after)  # fmt: skip
    return Msg("participant-linked-telegram")


async def not_me(ctx: Context, person: Person) -> Msg:
    """ "Bukan saya" after a WhatsApp link: unlinked, and the phone never links it again."""
    store = port(ctx)
    p = await store.participant_of(person.id)
    if p is None or p.linked_via != WHATSAPP:
        return Msg("participant-not-linked")
    await store.refuse_phone_link(p.id, ctx.now)
    await ctx.store.audit(actor=person.id, action="participant.link_refused_by_person",
                          now=ctx.now, subject=person.id, after={"participant": p.id})  # fmt: skip
    return Msg("participant-unlinked", {"code": person.id})


async def link_by_lurah(ctx: Context, lurah: Person, arg: str) -> Msg:
    """`/tautkan NIK KODE`: the lurah, who has seen the resident's KTP, links the account
    whose code the resident reads from their /status. Only their own kelurahan's participants
    (the Dinas: any)."""
    if lurah.role not in (Role.LURAH, Role.ADMIN):
        return Msg("not-a-reviewer")
    words = ascii_digits(arg).replace("#", " ").split()
    if len(words) != 2 or not all(w.isdigit() for w in words) or len(words[0]) != 16:
        return Msg("participant-link-usage")
    nik, code = words[0], int(words[1])
    store = port(ctx)
    p = await store.participant_by_nik(nik)
    allowed = p is not None and (
        lurah.role is Role.ADMIN or lurah.kelurahan_code == p.kelurahan_code
    )
    if p is None or not allowed:
        await ctx.store.audit(actor=lurah.id, action="participant.link_refused", now=ctx.now,
                              outcome="refused", detail="lurah")  # fmt: skip
        return Msg("participant-link-none")
    resident = await ctx.store.person_by_id(code)
    if resident is None or resident.role is not Role.CITIZEN:
        return Msg("participant-link-no-account", {"code": code})
    before = {"person": p.person_id, "via": p.linked_via}
    await store.link_participant(p.id, resident.id, "lurah", ctx.now)
    await ctx.store.audit(actor=lurah.id, action="participant.linked", now=ctx.now,
                          subject=resident.id, before=before,
                          after={"participant": p.id, "via": "lurah"})  # fmt: skip
    await ctx.store.enqueue(resident, [_told_by_lurah(ctx, p)], ctx.now)
    return Msg("participant-link-done", {"name": Raw(p.name), "nik": p.nik_masked,
                                         "kelurahan": kel_name(ctx, p.kelurahan_code),
                                         "code": code})  # fmt: skip


def _told_by_lurah(ctx: Context, p: Participant) -> Reply:
    return Reply((Msg("participant-linked-lurah"), cover_msg(ctx, p, ctx.today)))
