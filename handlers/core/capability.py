"""What a capability is, and the registry the kernel reads them from.

A capability (handlers/<name>/) declares, in one `Capability` value, everything it adds to
the program: its flows and commands, its entries in the menus, the buttons of the notices it
sends ("n|<action>:<target>"), its scheduled jobs, the steps of an update it takes part in,
and what it adds to the views several capabilities share (/status, /dataku, erasure,
/statistik). The table of capabilities (handlers/table.py) lists them; the composition root
builds a `Registry` from the table and hands it to every use case in its `Context`. The
kernel reads only the registry: it never imports a capability, and adding one is its folder
plus one line in the table.

A flow is declared, not branched: what it is called, the commands that start it, how it asks
its current question, how it takes an answer (python-telegram-bot's `states={...}`).

```mermaid
flowchart LR
    update[Incoming] --> router
    router -->|/command or word| commands[(commands)]
    router -->|a notice's button| notices[(notice buttons)]
    router -->|typed text| hooks[(text hooks: handover, understanding)]
    router -->|answer| flows[(flows by conv.flow)]
    commands --> flow[a flow's start]
    flows --> take[flow.take] --> replies[Replies + state saved]
```
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from domain.program import Program
from domain.quiet import QuietHours
from handlers.core.engine import Input
from handlers.core.messages import Incoming, Media, Msg, Reply
from handlers.core.port import Store
from handlers.core.reader import NoReader, Reader
from handlers.core.records import Conversation, Person

# --- what every use case is handed ---------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """The few settings the handlers read (a plain copy: handlers never see pydantic)."""

    privacy_notice_version: str
    draft_retention_days: int
    admins: frozenset[tuple[str, str]]
    invite_days: int = 7
    quota_period: str = ""  # empty: the calendar year of the check date
    telegram_bot_username: str = ""  # for invite deep links
    # Channels where a business-initiated message needs a recorded yes (WhatsApp's rules)
    opt_in_channels: frozenset[str] = frozenset({"whatsapp"})
    quiet: QuietHours = field(default_factory=QuietHours)  # when broadcasts wait
    console_url: str = "http://127.0.0.1:8080"  # the web console's public address
    quota_reminder: str = "mon 08:00"  # the weekly quota reminder's slot, or "off"


RandomSource = Callable[[int], bytes]  # os.urandom in production

# The store a use case is given: the kernel's port, or a capability's port extending it.
S = TypeVar("S", bound=Store, covariant=True)


@dataclass(frozen=True)
class Context(Generic[S]):
    store: S
    program: Program
    settings: Settings
    now: datetime  # aware, UTC; the check date is its local date in Asia/Jakarta
    today: Any  # datetime.date in the city's time zone
    random_bytes: RandomSource
    # The words of a message in a locale, for text that must be stored as words (a reason a
    # lurah picked from a list), not re-rendered later.
    render: Callable[[Any, str], str] = lambda msg, locale: str(msg)
    # Draws the statistics chart (PNG bytes); None where no chart library is wired.
    chart: Callable[[Any], bytes] | None = None
    tz: tzinfo = UTC  # the city's time zone: office hours and times shown to people
    # The capabilities the composition root registered (handlers/table.py)
    capabilities: Registry = field(default_factory=lambda: Registry(()))
    reader: Reader = field(default_factory=NoReader)  # issue 27: the trained reader

    @property
    def local(self) -> datetime:
        return self.now.astimezone(self.tz)


Ctx = Context[Any]

# --- flows and commands ----------------------------------------------------------------------

# The replies, and whether the person was erased (nothing left to save).
Routed = tuple[list[Reply], bool]
Prompt = Callable[[Ctx, Person, Conversation], Awaitable[Reply]]
Take = Callable[[Ctx, Person, Conversation, Input], Awaitable[Routed]]
Run = Callable[[Ctx, Person, Conversation, str], Awaitable[Routed]]


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


async def prompt_for(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    """The question the person is on, asked again."""
    return await ctx.capabilities.flow(conv.flow).prompt(ctx, person, conv)


# --- what else a capability declares ----------------------------------------------------------


@dataclass(frozen=True)
class MenuEntry:
    """A button of the main menu: its label, the command it runs (from any step), and its
    place in a citizen's menu and in an officer's (None: not in that menu)."""

    label: str
    value: str
    citizen: int | None = None
    officer: int | None = None


# A button in a message sent through the outbox ("n|<action>:<target>"): it names its object,
# not a step, and is authorised by who presses it.
NoticeRun = Callable[[Ctx, Person, Conversation, str], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Job:
    """Work that runs on its own. `hour`: daily, at that local hour (a day missed is caught up
    once); `weekly`: the name of the setting holding its slot ("mon 08:00", or "off"); neither:
    every tick of the scheduler, returning the names of what it did (nothing: []).
    `retention`: it keeps a storage promise (README's storage table: drafts, tickets, uploads,
    unclear messages past their days), so a door that runs no scheduler (`siaga chat`) runs it
    when it starts, and the promise holds on the embedded default too."""

    name: str
    run: Callable[[Ctx], Awaitable[Any]]
    hour: int | None = None
    weekly: str | None = None
    retention: bool = False


class Part(Protocol):
    """A capability's figures in /statistik: its lines, and its figures for the chart."""

    def lines(self) -> list[Msg]: ...


@runtime_checkable
class ViewedPart(Part, Protocol):
    """A part whose lines depend on who looks (service levels: a lurah sees their own
    kelurahan and themselves, not the other officers'); `lines()` is the Dinas's view."""

    def lines_for(self, viewer: Person) -> list[Msg]: ...


Lines = Callable[[Ctx, Person, Conversation], Awaitable[list[Msg]]]


@dataclass(frozen=True)
class Erasure:
    """What /hapus does here: `warn`, what the person is told it will undo (references),
    before they confirm; `run`, the erasure of this capability's records of them, before the
    kernel forgets the person."""

    warn: Callable[[Ctx, Person], Awaitable[list[str]]] | None = None
    run: Callable[[Ctx, Person], Awaitable[None]] | None = None


# The steps of an update a capability takes part in (handlers/core/router.py):
# a file that is not text; typed text before it is read as an answer (Routed: answered; an
# Incoming: read as something else, a button; None: not theirs); a command typed as a bare
# word; free text at the menu; a
# question nothing answers; a /start with an argument (a deep link); after the replies.
MediaHook = Callable[[Ctx, Person, Conversation, Media], Awaitable[Routed]]
TextHook = Callable[[Ctx, Person, Conversation, Incoming], Awaitable["Routed | Incoming | None"]]
FreeText = Callable[[Ctx, Person, Conversation, str], Awaitable[Routed]]
# A command named by a bare word ("batal", not /batal), before it runs: Routed, answered
# otherwise (a cancel mid-check asked first); None, run it.
BareCommand = Callable[[Ctx, Person, Conversation, str, str], Awaitable["Routed | None"]]
DeepLink = Callable[[Ctx, Person, Conversation, str], Awaitable[Reply]]
After = Callable[[Conversation, list[Reply]], None]
# A first message may change how the replies to it are given (the language it is written in,
# issue 27 point 4): what to do to them, once the update is routed, or None.
Adjust = Callable[[Person, list[Reply]], list[Reply]]
FirstMessage = Callable[[Ctx, Person, Conversation, Incoming], Awaitable[Adjust | None]]


@dataclass(frozen=True)
class Capability:
    name: str
    flows: tuple[Flow, ...] = ()
    commands: tuple[Command, ...] = ()
    menu: tuple[MenuEntry, ...] = ()
    anywhere: tuple[str, ...] = ()  # more button values that work from any step
    # bound button values by their prefix ("lang:en"), taken at any step by this capability
    prefixes: Mapping[str, Run] = field(default_factory=dict)
    notices: Mapping[str, NoticeRun] = field(default_factory=dict)  # by action
    jobs: tuple[Job, ...] = ()
    # what it adds to the shared views
    status: Lines | None = None  # lines in /status (one's own records)
    my_data: Lines | None = None  # lines in /dataku (what is held about one)
    erase: Erasure | None = None
    stats: Callable[[Ctx], Awaitable[Part | None]] | None = None
    # the steps of an update
    media: MediaHook | None = None
    text: TextHook | None = None
    bare_command: BareCommand | None = None
    menu_text: FreeText | None = None
    question: FreeText | None = None
    deep_link: DeepLink | None = None
    after: After | None = None
    # button values offered besides the step's own question's (the buttons last shown)
    offered: Callable[[Conversation], Sequence[str]] | None = None
    first_message: FirstMessage | None = None
    draft: Callable[[Conversation], bool] | None = None  # an unfinished draft to resume
    # its flow states (by key) that keep a sealed NIK under "nik" (a key rotation reseals them)
    sealed_nik_in: tuple[str, ...] = ()


class Registry:
    """The capabilities of a table, looked up by what the kernel meets in an update."""

    def __init__(self, capabilities: Sequence[Capability]) -> None:
        self.capabilities = tuple(capabilities)
        self.flows: dict[str, Flow] = {}
        self.commands: dict[str, Command] = {}
        self.words: dict[str, Command] = {}
        self.notices: dict[str, NoticeRun] = {}
        self.jobs: dict[str, Job] = {}
        self.prefixes: dict[str, Run] = {}
        for cap in self.capabilities:
            for flow in cap.flows:
                assert flow.name not in self.flows, f"two flows named {flow.name}"
                self.flows[flow.name] = flow
            for command in (*cap.commands, *(c for f in cap.flows for c in f.commands)):
                assert command.name not in self.commands, f"two commands named {command.name}"
                self.commands[command.name] = command
                for word in command.words:
                    assert word not in self.words, f"the word {word} names two commands"
                    self.words[word] = command
            for action, run in cap.notices.items():
                assert action not in self.notices, f"two notice buttons {action}"
                self.notices[action] = run
            for prefix, take in cap.prefixes.items():
                assert prefix not in self.prefixes, f"two capabilities take {prefix}"
                self.prefixes[prefix] = take
            for job in cap.jobs:
                assert job.name not in self.jobs, f"two jobs named {job.name}"
                self.jobs[job.name] = job
        # Menu buttons (and a few more) work from any step, bound to the version they were
        # shown at.
        self.anywhere = frozenset(
            v for cap in self.capabilities for v in (*(m.value for m in cap.menu), *cap.anywhere)
        )
        self.media = next((c.media for c in self.capabilities if c.media), None)
        self.text = tuple(c.text for c in self.capabilities if c.text)
        self.bare_command = next((c.bare_command for c in self.capabilities if c.bare_command),
                                 None)  # fmt: skip
        self.offered = tuple(c.offered for c in self.capabilities if c.offered)
        self.menu_text = next((c.menu_text for c in self.capabilities if c.menu_text), None)
        self.question = next((c.question for c in self.capabilities if c.question), None)
        self.deep_link = next((c.deep_link for c in self.capabilities if c.deep_link), None)
        self.after = tuple(c.after for c in self.capabilities if c.after)
        self.first_message = tuple(c.first_message for c in self.capabilities if c.first_message)
        self.drafts = tuple(c.draft for c in self.capabilities if c.draft)

    def flow(self, name: str) -> Flow:
        return self.flows.get(name) or self.flows["idle"]

    def prefixed(self, value: str) -> tuple[Run, str] | None:
        """The capability's own way with a bound value such as "lang:en", and the rest."""
        for prefix, take in self.prefixes.items():
            if value.startswith(prefix):
                return take, value[len(prefix) :]
        return None

    def menu(self, officer: bool) -> list[MenuEntry]:
        entries = [m for c in self.capabilities for m in c.menu]
        placed = [(m.officer if officer else m.citizen, m) for m in entries]
        return [m for at, m in sorted((p for p in placed if p[0] is not None),
                                      key=lambda p: p[0] or 0)]  # fmt: skip

    async def lines(self, view: str, ctx: Ctx, person: Person, conv: Conversation) -> list[Msg]:
        """A shared view's lines ("status", "my_data"), each capability's in table order."""
        out: list[Msg] = []
        for cap in self.capabilities:
            part: Lines | None = getattr(cap, view)
            if part is not None:
                out += await part(ctx, person, conv)
        return out

    async def erase_warnings(self, ctx: Ctx, person: Person) -> list[str]:
        out: list[str] = []
        for cap in self.capabilities:
            if cap.erase is not None and cap.erase.warn is not None:
                out += await cap.erase.warn(ctx, person)
        return out

    async def erase(self, ctx: Ctx, person: Person) -> None:
        for cap in self.capabilities:
            if cap.erase is not None and cap.erase.run is not None:
                await cap.erase.run(ctx, person)

    async def stats(self, ctx: Ctx) -> dict[str, Part]:
        """Each capability's figures for /statistik, by capability name."""
        out: dict[str, Part] = {}
        for cap in self.capabilities:
            if cap.stats is not None:
                part = await cap.stats(ctx)
                if part is not None:
                    out[cap.name] = part
        return out
