"""Entry point of every inbound message, whatever the channel: one unit of work per update.

dedupe → person → conversation → command / button / answer → save → commit → replies.
"""

from __future__ import annotations

from dataclasses import replace

from domain.answers import COURTESY
from domain.text import ascii_digits, row_id
from domain.understand import rating
from handlers import admin, broadcast, claims_desk, console_login, handover, understanding
from handlers.citizen import answer_info, language, privacy, report, selfcheck, status
from handlers.engine import MAX_TEXT, Stale, bind, read_input, with_note
from handlers.flows import COMMANDS, FLOWS, WORDS, Routed, prompt_for, register
from handlers.lurah import queue
from handlers.menu import IDLE, broadcast_choice
from handlers.messages import Button, Incoming, Kind, Media, Msg, Outgoing, Reply
from handlers.ports import Context
from handlers.records import Conversation, Person, Role

register(
    IDLE, selfcheck.CHECK, status.STATUS, privacy.PRIVACY, language.LANGUAGE,
    answer_info.ANSWER_INFO, queue.QUEUE_FLOW, broadcast.BROADCAST, handover.ASKING,
    handover.ANSWERING, report.REPORT, claims_desk.DESK,
    commands=(*admin.COMMANDS, *console_login.COMMANDS),
)  # fmt: skip
# Menu buttons that work from any step (still bound to the version they were shown at).
GLOBAL_CHOICES = {"menu", "info", "help", "status", "check", "lang", "cancel", "queue", "officer",
                  "onbehalf", "tickets", "stats", "report"}  # fmt: skip


async def handle(ctx: Context, msg: Incoming) -> Outgoing:
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
    switched = await _first_language(ctx, person, conv, msg)
    replies, deleted = await _route(ctx, person, conv, msg)
    if switched and not deleted and replies and person.locale != switched:
        replies = _way_back(conv, replies, switched)
    receipt = None
    if not deleted:
        understanding.remember_shown(conv, replies)  # a typed "1" next time means these
        await store.save_conversation(conv, ctx.now)
        # kept in the same transaction: a crash between this commit and the send loses no reply
        receipt = await store.keep_replies(person, replies, ctx.now) if replies else None
    await store.commit()
    return Outgoing(person.locale, replies, receipt)


async def _again(ctx: Context, person: Person, conv: Conversation, note: str) -> Routed:
    return [with_note(Msg(note), await prompt_for(ctx, person, conv))], False


async def _route(ctx: Context, person: Person, conv: Conversation, msg: Incoming) -> Routed:
    if msg.kind is Kind.MEDIA:
        # A voice note or a photo may be a question nobody here can read: to an officer
        return await handover.on_media(ctx, person, conv, msg.media or Media("other"))
    if msg.kind is Kind.TEXT:
        text = msg.text.strip()
        if len(text) > MAX_TEXT:
            return await _again(ctx, person, conv, "too-long")
        if not text:
            return await _again(ctx, person, conv, "empty-message")
        command = _command(text)
        if command == "cancel" and not text.startswith("/"):
            # "batal" typed mid-check may be a pause or a change of mind about one answer:
            # the answers are deleted after a yes (A2); /batal and the Batal button are the
            # explicit forms and act at once
            return await understanding.act(ctx, person, conv, "cancel", text)
        if command is not None:
            return await _run(ctx, person, conv, command, text)
        relayed = await handover.relay_from_citizen(ctx, person, conv, text)
        if relayed is not None:  # an officer holds this person's question: the words are theirs
            return relayed
        score = rating(text)
        if score is not None and await handover.rate_last(ctx, person, score):
            return await _again(ctx, person, conv, "ticket-rated")
        shown = await understanding.shown_buttons(ctx, person, conv)
        typed = understanding.typed_button(ctx, person, shown, text)
        if isinstance(typed, understanding.Which):
            return [understanding.ask_which(typed)], False
        if typed is None and person.officer:
            typed = understanding.officer_label(ctx, person, conv, shown, text)
        if typed is None and understanding.number_beyond(conv, shown, text):
            # "5" under two buttons is a slip, not a main-menu choice (findings A5/N4)
            return [understanding.pick_a_number(shown)], False
        read = conv.flow in understanding.ASIDE_FLOWS or conv.flow == "idle"
        if typed is None and conv.flow in understanding.ASIDE_FLOWS:
            aside = await understanding.inside_a_question(ctx, person, conv, text)
            if aside is not None:
                return aside
        # a yes or a no inside a sentence presses a button, unless the reader finds a request
        # in the sentence, or the check's own questions read the sentence ("ora tau oleh
        # bantuan" is a no to DTKS, though "ora tau" alone is "don't know")
        said_in_words = conv.flow != "check" and not (
            read and understanding.claimed(ctx, conv, text)
        )
        if typed is None and said_in_words:
            said = understanding.typed_button(ctx, person, shown, text, sentence=True)
            typed = said if isinstance(said, str) else None
        if typed is not None:
            msg = replace(msg, kind=Kind.BUTTON, data=typed, text="")
    if msg.kind is Kind.BUTTON and msg.data.startswith("n|"):
        return await _notification_button(ctx, person, conv, msg.data[2:]), False
    if msg.kind is Kind.BUTTON and msg.data.partition("|")[2].startswith(("mean:", "do:")):
        if msg.data.partition("|")[0] != str(conv.version):
            return await _again(ctx, person, conv, "button-expired")
        return await understanding.picked(ctx, person, conv, msg.data.partition("|")[2])
    options: tuple[Button, ...] = ()
    if msg.kind is not Kind.CONTACT:
        options = (await prompt_for(ctx, person, conv)).buttons
    try:
        inp = read_input(conv, msg, options)
        if msg.kind is Kind.BUTTON:
            value = inp.choice or ""
            # the buttons last shown are offered too (at this version: the check above), even
            # when the step's own question has others (the status list's "Cek usulan lain")
            last = [data for _, data in understanding.Shown.of(conv).buttons]
            offered = {d.partition("|")[2] for d in (*(b.data for b in options), *last)}
            if (
                value not in offered
                and value not in GLOBAL_CHOICES
                and not value.startswith("lang:")
            ):
                raise Stale
    except Stale:
        return await _again(ctx, person, conv, "button-expired")
    if inp.choice in GLOBAL_CHOICES:
        return await _run(ctx, person, conv, inp.choice or "", "")
    if inp.choice and inp.choice.startswith("lang:"):
        return [await language.set_language(ctx, person, conv, inp.choice[5:])], False
    flow = FLOWS.get(conv.flow) or IDLE
    return await flow.take(ctx, person, conv, inp)


async def _first_language(ctx: Context, person: Person, conv: Conversation, msg: Incoming) -> str:
    """A new person's first typed message sets the reply language when the reader is sure
    of it (issue 27 point 4). Returns the language the person had before ("" if unchanged).
    "First" is a conversation never saved, not a creation time equal to now: a clock that
    stands still (or two messages in one tick) must not let a name like "Rina" switch it."""
    if msg.kind is not Kind.TEXT or conv.stored or person.role is not Role.CITIZEN:
        return ""
    if msg.text.strip().startswith("/"):
        return ""
    # one word ("ok", "hello", "halo") is said the same in every language: it does not
    # outweigh the language the person's own app told us (Telegram's language_code)
    if msg.locale_hint and len(msg.text.split()) < 2:
        return ""
    lang, p = ctx.reader.language(msg.text)
    if lang == person.locale or p < ctx.reader.language_at:
        return ""
    before, person.locale = person.locale, lang
    await ctx.store.save_person(person)
    return before


def _way_back(conv: Conversation, replies: list[Reply], before: str) -> list[Reply]:
    """The answer in the language recognised, with one button back to the one before."""
    last = replies[-1]
    back = Button(Msg(f"btn-lang-back-{before}"), bind(conv, f"lang:{before}"))
    said = replace(last, parts=(Msg("lang-detected"), *last.parts), buttons=(*last.buttons, back))
    return [*replies[:-1], said]


def _command(text: str) -> str | None:
    """The command a message names: "/antrian kelun", or a bare word on WhatsApp where nobody
    types a slash. None: the message is an answer."""
    words = text.split()
    word = words[0].lower() if words else ""
    if word.startswith("/"):
        found = WORDS.get(word[1:].split("@")[0])  # Telegram group form: /start@SiagaBot
        return found.name if found else "unknown"
    found = WORDS.get(word.strip(",.!"))
    if found is None or not found.bare:
        return None
    if len(words) == 1:
        return found.name
    # "batal aja", "menu dong": the word with courtesy around it, as exact as the word alone
    # (not stopping messages: said in more words, that is the reader's, and asked first)
    rest = {w.lower().strip(",.!") for w in words[1:]}
    return found.name if found.name != "optout" and rest <= COURTESY else None


async def _run(ctx: Context, person: Person, conv: Conversation, name: str, text: str) -> Routed:
    conv.version += 1
    command = COMMANDS.get(name)
    if command is None:
        return await _again(ctx, person, conv, "unknown-command")
    arg = text.split(maxsplit=1)[1] if len(text.split()) > 1 else ""
    return await command.run(ctx, person, conv, arg)


async def _notification_button(
    ctx: Context, person: Person, conv: Conversation, value: str
) -> list[Reply]:
    """Buttons in messages sent through the outbox name their object, not a step: the action
    is authorised by who presses it."""
    action, _, target = value.partition(":")
    number = row_id(target)
    if action == "news":  # "Baca pesan" on the news template: what waited went just before
        if ctx.store.messages_released():
            return []
        return [with_note(Msg("news-none"), await prompt_for(ctx, person, conv))]
    if action == "answer" and number is not None:
        return [await answer_info.start(ctx, person, conv, number)]
    if action == "queue":
        return [await queue.show_queue(ctx, person, conv)]
    if action in ("treply", "tclose") and number is not None:
        if action == "treply":
            return [await handover.take_up(ctx, person, conv, number)]
        return [await handover.close(ctx, person, conv, number)]
    if action == "trate":
        return [await handover.rate(ctx, person, conv, target)]
    if action == "claim":
        return [await claims_desk.on_button(ctx, person, conv, target)]
    if action == "kidsstop":
        return [await claims_desk.stop_children(ctx, person, conv, target)]
    if action in ("optin", "optout"):
        return [await broadcast_choice(ctx, person, conv, action == "optin")]
    return [with_note(Msg("button-expired"), await prompt_for(ctx, person, conv))]
