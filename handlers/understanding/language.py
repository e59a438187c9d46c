"""Choosing the language (Indonesian, English, Javanese), by button or by its name, from any
step; the person goes back to the question they were on."""

from __future__ import annotations

from dataclasses import replace

from handlers.core.capability import Adjust, Command, Flow, Routed, prompt_for
from handlers.core.engine import Input, bind, button, reply, with_note
from handlers.core.messages import LANGUAGES, Button, Incoming, Kind, Msg, Reply
from handlers.core.records import Conversation, Person, Role
from handlers.core.state import Resume
from handlers.understanding.port import Ctx as Context

FLOW = "lang"
NAMES = {
    "id": ("indonesia", "bahasa indonesia", "id", "indo"),
    "en": ("english", "inggris", "en"),
    "jv": ("jawa", "basa jawa", "jv", "javanese"),
}


def language_named(text: str) -> str | None:
    t = text.strip().lower()
    return next((code for code, words in NAMES.items() if t in words), None)


def ask(conv: Conversation) -> Reply:
    return reply("ask-lang", *(button(conv, f"lang-name-{c}", f"lang:{c}") for c in LANGUAGES))


async def set_language(ctx: Context, person: Person, conv: Conversation, code: str) -> Reply:
    if code in LANGUAGES:
        person.locale = code
        await ctx.store.save_person(person)
    Resume.take(conv)
    conv.version += 1
    return with_note(Msg("lang-set"), await prompt_for(ctx, person, conv))


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return ask(conv)


async def _take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    code = language_named(inp.text)
    if code is None:
        return [with_note(Msg("err-lang"), ask(conv))], False
    return [await set_language(ctx, person, conv, code)], False


async def _start(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    if conv.flow != FLOW:
        Resume.mark(conv)
    conv.flow, conv.step = FLOW, ""
    return [ask(conv)], False


LANGUAGE = Flow(FLOW, _prompt, _take, commands=(
    Command("lang", ("bahasa", "language", "basa"), _start),
))  # fmt: skip


async def picked(ctx: Context, person: Person, conv: Conversation, code: str) -> Routed:
    """A language's button ("lang:en"), wherever it was shown."""
    return [await set_language(ctx, person, conv, code)], False


async def first_message(
    ctx: Context, person: Person, conv: Conversation, msg: Incoming
) -> Adjust | None:
    """A new person's first typed message sets the reply language when the reader is sure
    of it (issue 27 point 4); the replies then offer one button back to the language before.
    "First" is a conversation never saved, not a creation time equal to now: a clock that
    stands still (or two messages in one tick) must not let a name like "Rina" switch it."""
    if msg.kind is not Kind.TEXT or conv.stored or person.role is not Role.CITIZEN:
        return None
    if msg.text.strip().startswith("/"):
        return None
    # one word ("ok", "hello", "halo") is said the same in every language: it does not
    # outweigh the language the person's own app told us (Telegram's language_code)
    if msg.locale_hint and len(msg.text.split()) < 2:
        return None
    lang, p = ctx.reader.language(msg.text)
    if lang == person.locale or p < ctx.reader.language_at:
        return None
    before, person.locale = person.locale, lang
    await ctx.store.save_person(person)

    def way_back(person: Person, replies: list[Reply]) -> list[Reply]:
        if person.locale == before:
            return replies  # the person chose the language again meanwhile
        last = replies[-1]
        back = Button(Msg(f"btn-lang-back-{before}"), bind(conv, f"lang:{before}"))
        said = replace(last, parts=(Msg("lang-detected"), *last.parts),
                       buttons=(*last.buttons, back))  # fmt: skip
        return [*replies[:-1], said]

    return way_back
