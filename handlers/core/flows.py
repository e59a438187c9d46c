"""Flows and commands, registered by name. A flow declares what it is called, the commands
that start it, how it asks its current question, and how it takes an answer; the router looks
them up (handlers/router.py), so a new flow is a new module and one name in its register().

```mermaid
flowchart LR
    update[Incoming] --> router
    router -->|/command or word| commands[(COMMANDS)]
    router -->|answer| flows[(FLOWS by conv.flow)]
    commands --> flow[a flow's start]
    flows --> take[flow.take] --> replies[Replies + state saved]
```
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from handlers.core.engine import Input
from handlers.core.messages import Reply
from handlers.core.ports import Context
from handlers.core.records import Conversation, Person

# The replies, and whether the person was erased (nothing left to save).
Routed = tuple[list[Reply], bool]
Prompt = Callable[[Context, Person, Conversation], Awaitable[Reply]]
Take = Callable[[Context, Person, Conversation, Input], Awaitable[Routed]]
Run = Callable[[Context, Person, Conversation, str], Awaitable[Routed]]


@dataclass(frozen=True)
class Command:
    name: str  # also the value of a menu button that runs it from any step
    words: tuple[str, ...]  # typed as /word, or alone when bare
    run: Run  # gets the rest of the line (/antrian kelun → "kelun")
    bare: bool = True  # False: "cek" or "status" alone is an answer, not a command


@dataclass(frozen=True)
class Flow:
    name: str  # stored in the conversation; never renamed without a migration
    prompt: Prompt  # the current question again (after help, an error, a sticker …)
    take: Take  # an answer to the current question
    commands: tuple[Command, ...] = ()


FLOWS: dict[str, Flow] = {}
COMMANDS: dict[str, Command] = {}
WORDS: dict[str, Command] = {}


def register(*flows: Flow, commands: tuple[Command, ...] = ()) -> None:
    for flow in flows:
        assert flow.name not in FLOWS, f"two flows named {flow.name}"
        FLOWS[flow.name] = flow
    for command in (*commands, *(c for f in flows for c in f.commands)):
        assert command.name not in COMMANDS, f"two commands named {command.name}"
        COMMANDS[command.name] = command
        for word in command.words:
            assert word not in WORDS, f"the word {word} names two commands"
            WORDS[word] = command


async def prompt_for(ctx: Context, person: Person, conv: Conversation) -> Reply:
    """The question the person is on, asked again."""
    flow = FLOWS.get(conv.flow) or FLOWS["idle"]
    return await flow.prompt(ctx, person, conv)
