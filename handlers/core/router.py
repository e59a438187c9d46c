"""Entry point of every inbound message, whatever the channel: one unit of work per update.

dedupe → person → conversation → command / button / answer → save → commit → replies.
What a capability adds to an update (a file to an officer, words to the officer holding a
question, typed text read as a button, a notice's button) is looked up in the registry
(handlers/core/capability.py); the router imports no capability.
"""

from __future__ import annotations

from dataclasses import replace

from domain.answers import COURTESY
from domain.text import ascii_digits
from handlers.core.capability import Context, Routed, prompt_for
from handlers.core.engine import MAX_TEXT, Stale, read_input, with_note
from handlers.core.messages import Button, Incoming, Kind, Media, Msg, Outgoing, Reply
from handlers.core.port import Store
from handlers.core.records import Conversation, Person
from handlers.core.shown import Shown, remember_shown

Ctx = Context[Store]


async def handle(ctx: Ctx, msg: Incoming) -> Outgoing:
    store = ctx.store
    if msg.update_id and not await store.claim_update(msg.user.channel, msg.update_id, ctx.now):
        return Outgoing("id", [])  # a redelivered webhook or a replayed update changes nothing
    person, conv = await store.load(msg.user, msg.locale_hint, ctx.now)
    if msg.display_name and person.display_name != msg.display_name[:100]:
        person.display_name = msg.display_name[:100]  # saved for officers only (see the store)
        if person.officer:
            await store.save_person(person)
    if msg.kind is Kind.TEXT and not msg.text.isascii():
        msg = replace(msg, text=ascii_digits(msg.text))  # "②" at a menu is 2, "４１" is 41
    adjust = [a for first in ctx.capabilities.first_message
              if (a := await first(ctx, person, conv, msg)) is not None]  # fmt: skip
    replies, deleted = await _route(ctx, person, conv, msg)
    if not deleted and replies:
        for change in adjust:  # the answer in the language a first message was written in
            replies = change(person, replies)
    receipt = None
    if not deleted:
        remember_shown(conv, replies)
        for after in ctx.capabilities.after:
            after(conv, replies)  # the buttons shown: a typed "1" next time means these
        await store.save_conversation(conv, ctx.now)
        # kept in the same transaction: a crash between this commit and the send loses no reply
        receipt = await store.keep_replies(person, replies, ctx.now) if replies else None
    await store.commit()
    return Outgoing(person.locale, replies, receipt)


async def _again(ctx: Ctx, person: Person, conv: Conversation, note: str) -> Routed:
    return [with_note(Msg(note), await prompt_for(ctx, person, conv))], False


async def _route(ctx: Ctx, person: Person, conv: Conversation, msg: Incoming) -> Routed:
    registry = ctx.capabilities
    if msg.kind is Kind.MEDIA and registry.media is not None:
        # A voice note or a photo may be a question nobody here can read: to an officer
        return await registry.media(ctx, person, conv, msg.media or Media("other"))
    if msg.kind is Kind.TEXT:
        text = msg.text.strip()
        if len(text) > MAX_TEXT:
            return await _again(ctx, person, conv, "too-long")
        if not text:
            return await _again(ctx, person, conv, "empty-message")
        command = _command(ctx, text)
        bare = registry.bare_command
        if command is not None and bare is not None and not text.startswith("/"):
            answered = await bare(ctx, person, conv, command, text)
            if answered is not None:
                return answered
        if command is not None:
            return await _run(ctx, person, conv, command, text)
        for hook in registry.text:  # in the table's order: the officer's words first
            read = await hook(ctx, person, conv, msg)
            if isinstance(read, Incoming):
                msg = read  # typed, but meant as a button of the last message shown
                break
            if read is not None:
                return read
    if msg.kind is Kind.BUTTON and msg.data.startswith("n|"):
        return await _notification_button(ctx, person, conv, msg.data[2:]), False
    options: tuple[Button, ...] = ()
    # A button of the last message shown is one the step offers: its question is not asked
    # again (and its records not read again) only to list its buttons (issue 28 point 2).
    pressed_shown = msg.kind is Kind.BUTTON and Shown.of(conv).offers(msg.data)
    if msg.kind is not Kind.CONTACT and not pressed_shown:
        options = (await prompt_for(ctx, person, conv)).buttons
    try:
        inp = read_input(conv, msg, options)
        if msg.kind is Kind.BUTTON and not pressed_shown:
            value = inp.choice or ""
            # the buttons last shown count too (a capability keeps them: understanding)
            shown = [d for last in registry.offered for d in last(conv)]
            offered = {d.partition("|")[2] for d in (*(b.data for b in options), *shown)}
            if (
                value not in offered
                and value not in registry.anywhere
                and not registry.prefixed(value)
            ):
                raise Stale
    except Stale:
        return await _again(ctx, person, conv, "button-expired")
    if inp.choice in registry.anywhere:
        return await _run(ctx, person, conv, inp.choice or "", "")
    choice = registry.prefixed(inp.choice or "")
    if choice is not None:  # a value any step takes ("lang:en"): its capability's
        run, rest = choice
        return await run(ctx, person, conv, rest)
    flow = registry.flow(conv.flow)
    return await flow.take(ctx, person, conv, inp)


def _command(ctx: Ctx, text: str) -> str | None:
    """The command a message names: "/antrian kelun", or a bare word on WhatsApp where nobody
    types a slash. None: the message is an answer."""
    words = text.split()
    word = words[0].lower() if words else ""
    found_by = ctx.capabilities.words
    if word.startswith("/"):
        found = found_by.get(word[1:].split("@")[0])  # Telegram group form: /start@SiagaBot
        return found.name if found else "unknown"
    found = found_by.get(word.strip(",.!"))
    if found is None or not found.bare:
        return None
    if len(words) == 1:
        return found.name
    # "batal aja", "menu dong": the word with courtesy around it, as exact as the word alone
    # (not stopping messages: said in more words, that is the reader's, and asked first)
    rest = {w.lower().strip(",.!") for w in words[1:]}
    return found.name if found.name != "optout" and rest <= COURTESY else None


async def _run(ctx: Ctx, person: Person, conv: Conversation, name: str, text: str) -> Routed:
    conv.version += 1
    command = ctx.capabilities.commands.get(name)
    if command is None:
        return await _again(ctx, person, conv, "unknown-command")
    arg = text.split(maxsplit=1)[1] if len(text.split()) > 1 else ""
    return await command.run(ctx, person, conv, arg)


async def _notification_button(
    ctx: Ctx, person: Person, conv: Conversation, value: str
) -> list[Reply]:
    """Buttons in messages sent through the outbox name their object, not a step: the action
    is authorised by who presses it (each capability's own, by its action's name)."""
    action, _, target = value.partition(":")
    if action == "news":  # "Baca pesan" on the news template: what waited went just before
        if ctx.store.messages_released():
            return []
        return [with_note(Msg("news-none"), await prompt_for(ctx, person, conv))]
    run = ctx.capabilities.notices.get(action)
    if run is None:
        return [with_note(Msg("button-expired"), await prompt_for(ctx, person, conv))]
    return await run(ctx, person, conv, target)
