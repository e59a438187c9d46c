"""Entry point of every inbound message, whatever the channel: one unit of work per update.

dedupe → person → conversation → command / button / answer → save → commit → replies.
"""

from __future__ import annotations

from dataclasses import replace

from domain.eligibility import evaluate
from domain.nomination import NominationStatus
from domain.text import ascii_digits
from handlers import admin, broadcast, review, stats
from handlers.citizen import form, privacy, selfcheck, status
from handlers.citizen.form import ask as ask_step
from handlers.engine import MAX_TEXT, Input, Stale, button, read_input, reply, with_note
from handlers.lurah import queue
from handlers.messages import LANGUAGES, Button, Incoming, Kind, Msg, Outgoing, Raw, Reply
from handlers.ports import Context
from handlers.records import Conversation, Person

# Commands also work as a single bare word: on WhatsApp nobody types a slash.
COMMANDS = {
    "start": "start", "menu": "menu", "batal": "cancel", "cancel": "cancel",
    "ulang": "restart", "bantuan": "help", "help": "help", "tolong": "help",
    "bahasa": "lang", "language": "lang", "basa": "lang", "dataku": "mydata", "hapus": "delete",
    "status": "status", "cek": "check", "daftar": "check", "info": "info",
    # reviewers and admins (slash only)
    "lurah": "lurah", "antrian": "queue", "usulkan": "onbehalf", "jawab": "answer",
    "undang": "invite", "kuota": "quota", "reviewer": "reviewers", "hapus_reviewer": "unreview",
    "notifikasi": "notify", "statistik": "stats", "berhenti": "optout", "mulai": "optin",
    "siaran": "broadcast", "batal_siaran": "bcancel", "status_siaran": "bstatus",
}  # fmt: skip
# Navigation buttons that work from any step (still bound to the current version).
GLOBAL_CHOICES = {"menu", "info", "help", "status", "check", "lang", "cancel", "queue"}


async def handle(ctx: Context, msg: Incoming) -> Outgoing:
    store = ctx.store
    if msg.update_id and not await store.claim_update(msg.user.channel, msg.update_id, ctx.now):
        return Outgoing("id", [])  # a redelivered webhook or a replayed update changes nothing
    person, conv = await store.load(msg.user, msg.locale_hint, ctx.now)
    if msg.kind is Kind.TEXT and not msg.text.isascii():
        msg = replace(msg, text=ascii_digits(msg.text))  # "②" at a menu is 2, "４１" is 41
    replies, deleted = await _route(ctx, person, conv, msg)
    receipt = None
    if not deleted:
        await store.save_conversation(conv, ctx.now)
        # kept in the same transaction: a crash between this commit and the send loses no reply
        receipt = await store.keep_replies(person, replies, ctx.now) if replies else None
    await store.commit()
    return Outgoing(person.locale, replies, receipt)


def menu(ctx: Context, conv: Conversation, note: Msg | None = None) -> Reply:
    conv.flow, conv.step = "idle", ""
    pending = any(k in conv.answers for k in ("name", "nik"))
    r = reply(
        "menu-resume" if pending else "menu",
        button(conv, "menu-check", "check"),
        button(conv, "menu-status", "status"),
        button(conv, "menu-info", "info"),
        button(conv, "menu-help", "help"),
        button(conv, "menu-lang", "lang"),
    )
    return with_note(note, r) if note else r


async def current_prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    """The question the person is on, asked again (after help, an error, a sticker …)."""
    if conv.flow == selfcheck.FLOW:
        if conv.step == "consent":
            return selfcheck.consent_notice(ctx, conv)
        if conv.step == "inperson":
            return selfcheck.in_person_prompt(conv)
        if conv.step == "summary":
            return selfcheck.summary(ctx, conv)
        if conv.step in ("verdict", "stopped", "edit"):
            return (
                selfcheck.edit_menu(ctx, conv) if conv.step == "edit" else _verdict_again(ctx, conv)
            )
        return ask_step(ctx, conv, conv.step)
    if conv.flow == status.FLOW and conv.step in ("ref", "last4"):
        return status.prompt(ctx, conv)
    if conv.flow == privacy.FLOW:
        return reply("hapus-confirm", button(conv, "btn-delete-yes", "ya"),
                     button(conv, "btn-delete-no", "tidak"), refs="")  # fmt: skip
    if conv.flow == "lang":
        return _lang_prompt(conv)
    if conv.flow == queue.FLOW:
        return await queue.prompt(ctx, person, conv)
    if conv.flow == "answer_info":
        return reply("ask-info-answer-again")
    if conv.flow == broadcast.FLOW:
        return (
            broadcast.prompt(ctx, conv)
            if conv.step != "confirm"
            else await broadcast.preview(ctx, conv)
        )
    return menu(ctx, conv)


def _verdict_again(ctx: Context, conv: Conversation) -> Reply:
    verdict = evaluate(form.to_answers(ctx, conv.answers), ctx.program, ctx.today)
    return selfcheck.verdict_reply(ctx, conv, verdict, stopped=conv.step == "stopped")


def _lang_prompt(conv: Conversation) -> Reply:
    return reply("ask-lang", *(button(conv, f"lang-name-{c}", f"lang:{c}") for c in LANGUAGES))


async def _route(
    ctx: Context, person: Person, conv: Conversation, msg: Incoming
) -> tuple[list[Reply], bool]:
    if msg.kind is Kind.MEDIA:
        return [with_note(Msg("media-unsupported"), await current_prompt(ctx, person, conv))], False
    if msg.kind is Kind.TEXT:
        text = msg.text.strip()
        if len(text) > MAX_TEXT:
            return [with_note(Msg("too-long"), await current_prompt(ctx, person, conv))], False
        if not text:
            return [with_note(Msg("empty-message"), await current_prompt(ctx, person, conv))], False
        command = _command(text)
        if command is not None:
            return await _run_command(ctx, person, conv, command, text)
    if msg.kind is Kind.BUTTON and msg.data.startswith("n|"):
        return await _notification_button(ctx, person, conv, msg.data[2:]), False
    options: tuple[Button, ...] = ()
    if msg.kind is not Kind.CONTACT:
        options = (await current_prompt(ctx, person, conv)).buttons
    try:
        inp = read_input(conv, msg, options)
        if msg.kind is Kind.BUTTON:
            value = inp.choice or ""
            offered = {b.data.partition("|")[2] for b in options}
            if (
                value not in offered
                and value not in GLOBAL_CHOICES
                and not value.startswith("lang:")
            ):
                raise Stale
    except Stale:
        return [with_note(Msg("button-expired"), await current_prompt(ctx, person, conv))], False
    if inp.choice in GLOBAL_CHOICES:
        return await _run_command(ctx, person, conv, inp.choice or "", "")
    if inp.choice and inp.choice.startswith("lang:"):
        return [await _set_lang(ctx, person, conv, inp.choice[5:])], False
    return await _dispatch(ctx, person, conv, inp)


def _command(text: str) -> str | None:
    word = text.split()[0].lower() if text.split() else ""
    if word.startswith("/"):
        name = word[1:].split("@")[0]  # Telegram group form: /start@SiagaBot
        return COMMANDS.get(name, "unknown")
    if (
        len(text.split()) == 1
        and word in COMMANDS
        and word not in ("cek", "daftar", "status", "info")
    ):
        return COMMANDS[word]
    return None


async def _run_command(
    ctx: Context, person: Person, conv: Conversation, command: str, text: str
) -> tuple[list[Reply], bool]:
    conv.version += 1
    arg = text.split(maxsplit=1)[1] if len(text.split()) > 1 else ""
    if command == "start":
        if arg:  # a deep link t.me/<bot>?start=<code>: a lurah invite
            return [await queue.redeem(ctx, person, conv, arg)], False
        return [menu(ctx, conv, Msg("welcome"))], False
    if command == "lurah":
        return [await queue.redeem(ctx, person, conv, arg)], False
    if command == "queue":
        conv.answers.pop("rv_skip", None)
        return [await queue.show_queue(ctx, person, conv, arg)], False
    if command == "onbehalf":
        return await selfcheck.start_on_behalf(ctx, person, conv, arg), False
    if command == "answer":
        return [await _start_answer(ctx, person, conv, None)], False
    if command == "invite":
        return [await admin.create_invite(ctx, person, arg)], False
    if command == "quota":
        if person.role.value != "admin" and person.role.value != "lurah":
            return [reply("not-an-admin")], False
        return [await admin.quota(ctx, person, arg)], False
    if command == "reviewers":
        return [await admin.reviewers(ctx, person)], False
    if command == "unreview":
        return [await admin.remove_reviewer(ctx, person, arg)], False
    if command == "notify":
        return [await queue.set_notifications(ctx, person, arg)], False
    if command == "stats":
        return [await stats.statistics(ctx, person)], False
    if command in ("optout", "optin"):
        return [await _broadcast_choice(ctx, person, conv, command == "optin")], False
    if command == "broadcast":
        return [await broadcast.start(ctx, person, conv)], False
    if command == "bcancel":
        return [await broadcast.cancel(ctx, person, arg)], False
    if command == "bstatus":
        return [await broadcast.show_status(ctx, person)], False
    if command == "menu":
        return [menu(ctx, conv)], False
    if command == "cancel":
        had = conv.flow != "idle"
        conv.answers = {}
        return [menu(ctx, conv, Msg("cancelled" if had else "nothing-to-cancel"))], False
    if command == "restart":
        conv.answers = {}
        return await selfcheck.start(ctx, person, conv), False
    if command == "check":
        return await selfcheck.start(ctx, person, conv), False
    if command == "status":
        return await status.start(ctx, person, conv), False
    if command == "help":
        return [with_note(Msg("help"), await current_prompt(ctx, person, conv))], False
    if command == "info":
        return [with_note(info_msg(ctx), await current_prompt(ctx, person, conv))], False
    if command == "lang":
        if conv.flow != "lang":
            conv.answers["_resume"] = [conv.flow, conv.step]
        conv.flow, conv.step = "lang", ""
        return [_lang_prompt(conv)], False
    if command == "mydata":
        return [
            await privacy.my_data(ctx, person, conv),
            await current_prompt(ctx, person, conv),
        ], False
    if command == "delete":
        return [await privacy.ask_delete(ctx, person, conv)], False
    return [with_note(Msg("unknown-command"), await current_prompt(ctx, person, conv))], False


async def _set_lang(ctx: Context, person: Person, conv: Conversation, code: str) -> Reply:
    if code in LANGUAGES:
        person.locale = code
        await ctx.store.save_person(person)
    resume = conv.answers.pop("_resume", ["idle", ""])
    conv.flow, conv.step = resume[0], resume[1]
    conv.version += 1
    return with_note(Msg("lang-set"), await current_prompt(ctx, person, conv))


async def _dispatch(
    ctx: Context, person: Person, conv: Conversation, inp: Input
) -> tuple[list[Reply], bool]:
    if conv.flow == selfcheck.FLOW:
        if inp.choice == "cancel":
            return await _run_command(ctx, person, conv, "cancel", "")
        out = await selfcheck.take(ctx, person, conv, inp)
        return (out or [await current_prompt(ctx, person, conv)]), False
    if conv.flow == status.FLOW:
        return await status.take(ctx, person, conv, inp), False
    if conv.flow == privacy.FLOW:
        return await privacy.take(ctx, person, conv, inp)
    if conv.flow == queue.FLOW:
        return await queue.take(ctx, person, conv, inp), False
    if conv.flow == "answer_info":
        return [await _take_answer(ctx, person, conv, inp)], False
    if conv.flow == broadcast.FLOW:
        return [await broadcast.take(ctx, person, conv, inp)], False
    if conv.flow == "lang":
        code = _lang_from_text(inp.text)
        if code is None:
            return [with_note(Msg("err-lang"), _lang_prompt(conv))], False
        return [await _set_lang(ctx, person, conv, code)], False
    # idle: anything typed gets the welcome and the menu
    return [menu(ctx, conv, Msg("welcome"))], False


async def _broadcast_choice(
    ctx: Context, person: Person, conv: Conversation, opt_in: bool
) -> Reply:
    """/berhenti and /mulai: reminders and broadcasts are a purpose of their own (UU 27/2022
    Pasal 22(4)); messages about one's own nomination are not affected."""
    person.broadcast_opt_in = opt_in
    await ctx.store.save_person(person)
    await ctx.store.record_consent(
        person.id, "broadcast", ctx.settings.privacy_notice_version, opt_in, ctx.now
    )
    note = Msg("optin-done" if opt_in else "optout-done")
    return with_note(note, await current_prompt(ctx, person, conv))


async def _notification_button(
    ctx: Context, person: Person, conv: Conversation, value: str
) -> list[Reply]:
    """Buttons in messages sent through the outbox name their object, not a step: the action
    is authorised by who presses it."""
    action, _, target = value.partition(":")
    if action == "answer" and target.isdigit():
        return [await _start_answer(ctx, person, conv, int(target))]
    if action == "queue":
        return [await queue.show_queue(ctx, person, conv)]
    if action in ("optin", "optout"):
        return [await _broadcast_choice(ctx, person, conv, action == "optin")]
    return [with_note(Msg("button-expired"), await current_prompt(ctx, person, conv))]


async def _start_answer(
    ctx: Context, person: Person, conv: Conversation, nomination_id: int | None
) -> Reply:
    own = [
        n for n in await ctx.store.nominations_of(person.id)
        if n.status is NominationStatus.INFO_REQUESTED
        and (nomination_id is None or n.id == nomination_id)
    ]  # fmt: skip
    if not own:
        if nomination_id is not None:
            await ctx.store.audit(
                actor=person.id, action="refused.answer_info", now=ctx.now, outcome="refused",
                nomination_id=nomination_id,
            )  # fmt: skip
        return with_note(Msg("no-info-requested"), await current_prompt(ctx, person, conv))
    n = own[0]
    conv.answers["_resume"] = [conv.flow, conv.step]
    conv.flow, conv.step, conv.answers["ai_id"] = "answer_info", "text", n.id
    conv.version += 1
    return reply("ask-info-answer", ref=n.ref, question=Raw(n.info_question or ""))


async def _take_answer(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Reply:
    text = " ".join(inp.text.split())[:500]
    n = await ctx.store.nomination_by_id(int(conv.answers.get("ai_id", 0)))
    if n is None or len(text) < 2:
        return reply("ask-info-answer-again")
    result = await review.answer_info(ctx, person, n, text)
    resume = conv.answers.pop("_resume", ["idle", ""])
    conv.answers.pop("ai_id", None)
    conv.flow, conv.step = resume[0], resume[1]
    conv.version += 1
    key = "info-answer-sent" if result.outcome is review.Outcome.DONE else "decision-not-allowed"
    return with_note(Msg(key, {"ref": n.ref}), await current_prompt(ctx, person, conv))


def _lang_from_text(text: str) -> str | None:
    t = text.strip().lower()
    for code, words in (
        ("id", ("indonesia", "bahasa indonesia", "id", "indo")),
        ("en", ("english", "inggris", "en")),
        ("jv", ("jawa", "basa jawa", "jv", "javanese")),
    ):
        if t in words:
            return code
    return None


def info_msg(ctx: Context) -> Msg:
    p, on = ctx.program, ctx.today
    quota = p.quota_at(on)
    return Msg(
        "info-program",
        {
            "premium": p.premium_monthly.at(on),
            "months": p.coverage_months.at(on),
            "jkm": p.benefits["jkm_total"].at(on),
            "jkk_death": p.benefits["jkk_death_amount"].at(on),
            "children": p.benefits["scholarship_children"].at(on),
            "years": p.benefits["scholarship_min_years"].at(on),
            "min": p.age_min.at(on),
            "max": p.age_max.at(on),
            "registry": p.registry.at(on),
            "participants": quota.participants if quota else 0,
            "remaining": quota.remaining if quota else 0,
            "as_of": quota.as_of.strftime("%d-%m-%Y") if quota else "-",
            "contact": p.contact,
        },
    )
