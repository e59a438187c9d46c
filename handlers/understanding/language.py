"""Choosing the language (Indonesian, English, Javanese), by button or by its name, from any
step; the person goes back to the question they were on."""

from __future__ import annotations

from handlers.core.capability import Command, Flow, Routed, prompt_for
from handlers.core.engine import Input, button, reply, with_note
from handlers.core.messages import LANGUAGES, Msg, Reply
from handlers.core.records import Conversation, Person
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
