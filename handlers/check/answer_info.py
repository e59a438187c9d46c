"""A citizen answers the lurah's question about their nomination ("ask for information"):
the answer goes to the nomination, it returns to the queue, and the person goes back to where
they were."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from domain.nomination import NominationStatus
from domain.text import row_id
from handlers.check.port import Ctx as Context
from handlers.core.capability import Command, Flow, Routed, prompt_for
from handlers.core.engine import Input, reply, with_note
from handlers.core.messages import Msg, Raw, Reply
from handlers.core.records import Conversation, Person
from handlers.core.state import FlowState, Resume
from handlers.nominations import Outcome
from handlers.nominations import answer_info as answer

FLOW = "answer_info"


@dataclass
class AnswerState(FlowState):
    KEY: ClassVar[str] = "answer_info"
    nomination: int = 0


async def start(
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
        return with_note(Msg("no-info-requested"), await prompt_for(ctx, person, conv))
    n = own[0]
    Resume.mark(conv)
    AnswerState(n.id).save(conv)
    conv.flow, conv.step = FLOW, "text"
    conv.version += 1
    return reply("ask-info-answer", ref=n.ref, question=Raw(n.info_question or ""))


async def _prompt(ctx: Context, person: Person, conv: Conversation) -> Reply:
    return reply("ask-info-answer-again")


async def _take(ctx: Context, person: Person, conv: Conversation, inp: Input) -> Routed:
    text = " ".join(inp.text.split())[:500]
    n = await ctx.store.nomination_by_id(AnswerState.of(conv).nomination)
    if n is None or len(text) < 2:
        return [reply("ask-info-answer-again")], False
    result = await answer(ctx, person, n, text)
    AnswerState.clear(conv)
    Resume.take(conv)
    conv.version += 1
    key = "info-answer-sent" if result.outcome is Outcome.DONE else "decision-not-allowed"
    return [with_note(Msg(key, {"ref": n.ref}), await prompt_for(ctx, person, conv))], False


async def _answer(ctx: Context, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await start(ctx, person, conv, None)], False


ANSWER_INFO = Flow(FLOW, _prompt, _take, commands=(Command("answer", ("jawab",), _answer),))


async def on_button(ctx: Context, person: Person, conv: Conversation, target: str) -> list[Reply]:
    """ "Jawab" on the lurah's question (n|answer:<nomination>): authorised by ownership."""
    return [await start(ctx, person, conv, row_id(target))]
