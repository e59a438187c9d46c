"""Broadcasts by the Dinas's admins and the weekly quota reminder to every lurah.

/siaran: the message → the audience → optionally one kelurahan → a preview (recipients per
channel, the message as the first recipient will read it) → confirm. Confirming queues one
outbox row per recipient in one transaction; the sender delivers them within the channels'
limits. Placeholders are filled per recipient when queued, so the preview is what is sent.

Who is reached: opting out (/berhenti) is respected by every broadcast; on channels where a
business-initiated message needs a recorded yes (WhatsApp), only people who said yes; the
"opted in" audience only reaches people who said yes, on every channel.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, ClassVar

from domain.roles import Action
from handlers.broadcasts.port import Ctx
from handlers.broadcasts.records import BroadcastInfo, Recipient
from handlers.core.capability import Command, Flow, Routed
from handlers.core.engine import MAX_TEXT, Input, button, reply, with_note
from handlers.core.messages import Button, Msg, Raw, Reply
from handlers.core.names import kel_name
from handlers.core.records import Conversation, OutboxStatus, Person, Role
from handlers.core.rights import authorise
from handlers.core.state import FlowState
from handlers.nominations import period_of

FLOW = "siaran"


@dataclass
class BroadcastState(FlowState):
    """A broadcast being composed: its words, who it goes to, and where."""

    KEY: ClassVar[str] = "siaran"
    text: str = ""
    audience: str = ""
    kelurahan: str | None = None  # None: the whole city


AUDIENCES = ("lurah", "lurah_waiting", "unfinished", "waiting", "approved", "opted_in")
PLACEHOLDERS = ("kuota_sisa", "antrian_kelurahan", "nama_kelurahan", "nama")
_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,40})\}")
MIN_TEXT = 5
FORECAST_DAYS = 30


# --- the conversation -------------------------------------------------------------------------
async def start(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    if not await authorise(ctx, person, Action.BROADCAST, None):
        return reply("not-an-admin")
    conv.flow, conv.step = FLOW, "text"
    BroadcastState.clear(conv)
    return prompt(ctx, conv)


def prompt(ctx: Ctx, conv: Conversation) -> Reply:
    if conv.step == "audience":
        return reply(
            "bc-ask-audience",
            *(button(conv, f"bc-audience-{a}", f"aud:{a}") for a in AUDIENCES),
            button(conv, "btn-cancel", "cancel"),
        )
    if conv.step == "kelurahan":
        return reply(
            "bc-ask-kelurahan",
            button(conv, "bc-all-kelurahan", "all"),
            button(conv, "btn-cancel", "cancel"),
        )
    return reply("bc-ask-text", button(conv, "btn-cancel", "cancel"))


async def take(ctx: Ctx, person: Person, conv: Conversation, inp: Input) -> Reply:
    # Authority is checked again at every step: a role can be removed mid-conversation.
    if not await authorise(ctx, person, Action.BROADCAST, None):
        conv.flow, conv.step = "idle", ""
        return reply("not-an-admin")
    if inp.choice == "cancel":
        conv.flow, conv.step = "idle", ""
        return reply("bc-cancelled-draft")
    conv.version += 1
    if conv.step == "text":
        return _take_text(ctx, conv, inp)
    if conv.step == "audience":
        audience = (inp.choice or "").removeprefix("aud:")
        if audience not in AUDIENCES:
            return with_note(Msg("bc-err-audience"), prompt(ctx, conv))
        state = BroadcastState.of(conv)
        state.audience, conv.step = audience, "kelurahan"
        state.save(conv)
        return prompt(ctx, conv)
    if conv.step == "kelurahan":
        state = BroadcastState.of(conv)
        if inp.choice == "all":
            state.kelurahan = None
        else:
            kel = ctx.program.regions.kelurahan_named(inp.text)
            if kel is None or not inp.text.strip():
                return with_note(Msg("bc-err-kelurahan", {"text": Raw(inp.text[:40])}),
                                 prompt(ctx, conv))  # fmt: skip
            state.kelurahan = kel.code
        state.save(conv)
        conv.step = "confirm"
        return await preview(ctx, conv)
    if conv.step == "confirm":
        if inp.choice == "edit":
            conv.step = "text"
            return prompt(ctx, conv)
        if inp.choice == "send":
            return await _send(ctx, person, conv)
        return await preview(ctx, conv)
    conv.flow, conv.step = "idle", ""
    return reply("bc-cancelled-draft")


def check_text(text: str) -> Msg | None:
    """What is wrong with a broadcast text, if anything: too short, or an unknown {field}."""
    text = text.strip()
    if len(text) < MIN_TEXT:
        return Msg("bc-err-short")
    if len(text) > MAX_TEXT:
        return Msg("too-long")
    unknown = sorted({m for m in _PLACEHOLDER.findall(text) if m not in PLACEHOLDERS})
    if unknown:
        return Msg("bc-err-placeholder", {"names": Raw(", ".join("{" + u + "}" for u in unknown))})
    return None


def _take_text(ctx: Ctx, conv: Conversation, inp: Input) -> Reply:
    problem = check_text(inp.text)
    if problem is not None:
        return with_note(problem, prompt(ctx, conv))
    state = BroadcastState.of(conv)
    state.text, conv.step = inp.text.strip(), "audience"
    state.save(conv)
    return prompt(ctx, conv)


async def preview(ctx: Ctx, conv: Conversation) -> Reply:
    a = BroadcastState.of(conv)
    parts, reached = await preview_parts(ctx, a.audience, a.kelurahan, a.text)
    edit, cancel = button(conv, "bc-edit", "edit"), button(conv, "btn-cancel", "cancel")
    if reached:
        return Reply(parts, (button(conv, "bc-send", "send"), edit, cancel))
    return Reply(parts, (edit, cancel))


async def preview_parts(
    ctx: Ctx, audience: str, kel: str | None, text: str
) -> tuple[tuple[Msg, ...], int]:
    """What the admin confirms: recipients per channel, who is left out and why, and the
    message as the first recipient will read it. Also used by `siaga admin broadcast`."""
    rows = await plan(ctx, audience, kel, text)
    sending = [(r, filled) for r, filled, status in rows if status == OutboxStatus.PENDING]
    per_channel = Counter(r.channel for r, _ in sending)
    skipped = Counter(status for _, _, status in rows if status != OutboxStatus.PENDING)
    parts = [
        Msg(
            "bc-preview",
            {
                "audience": Msg(f"bc-audience-{audience}"),
                "kelurahan": kel_name(ctx, kel),
                "count": len(sending),
                "optedout": skipped["opted_out"],
                "blocked": skipped["blocked"],
            },
        ),
        *(
            Msg("bc-preview-channel", {"channel": Msg(f"channel-{c}"), "count": n})
            for c, n in sorted(per_channel.items())
        ),
    ]
    if sending:
        parts.append(Msg("bc-preview-sample", {"text": Raw(sending[0][1])}))
    else:
        parts.append(Msg("bc-preview-nobody"))
    if "{kuota_sisa}" in text and await ctx.store.quota(period_of(ctx)) is None:
        parts.append(Msg("bc-preview-no-quota"))  # "-" would go out where a number belongs
    return tuple(parts), len(sending)


async def _send(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    a = BroadcastState.of(conv)
    started = await queue_broadcast(ctx, person, a.audience, a.kelurahan, a.text)
    if started is None:
        return await preview(ctx, conv)
    conv.flow, conv.step = "idle", ""
    BroadcastState.clear(conv)
    return started


async def queue_broadcast(
    ctx: Ctx, actor: Person | None, audience: str, kel: str | None, text: str
) -> Reply | None:
    """Queue one outbox row per recipient (None when nobody would be reached). actor None:
    the Dinas's shell, whose progress is followed with `siaga admin broadcasts`."""
    rows = await plan(ctx, audience, kel, text)
    reached = sum(1 for *_, status in rows if status == OutboxStatus.PENDING)
    if not reached:
        return None
    bid = await ctx.store.create_broadcast(
        kind="admin", created_by=actor.id if actor else None, audience=audience,
        kelurahan_code=kel, body=text,
        rows=[(r, payload(filled), status) for r, filled, status in rows], now=ctx.now,
        progress_to=(actor.channel, actor.external_id) if actor else None,
    )  # fmt: skip
    await ctx.store.audit(
        actor=actor.id if actor else None, action="broadcast.created", now=ctx.now,
        after={"id": bid, "audience": audience, "kelurahan": kel, "recipients": reached},
    )  # fmt: skip
    return reply("bc-started" if actor else "bc-started-cli", id=bid, count=reached)


# --- who gets what ----------------------------------------------------------------------------
async def plan(
    ctx: Ctx, audience: str, kelurahan_code: str | None, text: str
) -> list[tuple[Recipient, str, str]]:
    """Every recipient of the audience with their filled message and the row's first status:
    pending (to send), opted_out or blocked (recorded, not sent)."""
    recipients = await ctx.store.broadcast_recipients(audience, kelurahan_code)
    values = await _common_values(ctx)
    return [
        (r, fill(text, _values_for(ctx, r, values)), _first_status(ctx, r, audience))
        for r in recipients
    ]


def payload(filled: str) -> list[dict[str, Any]]:
    """The outbox payload: the admin's words as written, and how to stop broadcasts, in the
    recipient's language."""
    message = Reply((Msg("broadcast-message", {"text": Raw(filled)}), Msg("broadcast-footer")))
    return [message.to_json()]


def _first_status(ctx: Ctx, r: Recipient, audience: str) -> str:
    if r.opt_in is False:
        return OutboxStatus.OPTED_OUT
    if r.opt_in is None and (audience == "opted_in" or r.channel in ctx.settings.opt_in_channels):
        return OutboxStatus.OPTED_OUT
    if r.blocked:
        return OutboxStatus.BLOCKED
    return OutboxStatus.PENDING


async def _common_values(ctx: Ctx) -> dict[str, Any]:
    q = await ctx.store.quota(period_of(ctx))
    return {
        "kuota_sisa": str(max(q[0] - q[1], 0)) if q else "-",
        "queues": await ctx.store.queue_sizes(),
    }


def _values_for(ctx: Ctx, r: Recipient, common: dict[str, Any]) -> dict[str, str]:
    if r.name:
        name = r.name
    else:
        key = "bc-name-lurah" if r.role is Role.LURAH else "bc-name-default"
        name = ctx.render(Msg(key), r.locale)
    return {
        "kuota_sisa": common["kuota_sisa"],
        "antrian_kelurahan": str(common["queues"].get(r.kelurahan_code or "", 0)),
        "nama_kelurahan": kel_name(ctx, r.kelurahan_code),
        "nama": name,
    }


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the known {placeholders}; anything else in braces is left as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


# --- status and cancelling --------------------------------------------------------------------
LEFT = (OutboxStatus.PENDING, OutboxStatus.SENDING)


def progress(
    b: BroadcastInfo, per_second: float, paused_until: str | None = None, daily_budget: int = 250
) -> Reply:
    """The admin's live progress message: sent, failed, left, and when it should be done."""
    c = b.counts
    left = sum(c.get(s, 0) for s in LEFT)
    # A row whose sender died mid-request may or may not have arrived: "belum pasti", never
    # counted as sent (issue 26 item 17); it is not sent again.
    uncertain = c.get("unconfirmed", 0)
    args: dict[str, Any] = {
        "id": b.id, "total": b.total, "sent": c.get("sent", 0),
        "failed": c.get("failed", 0), "blocked": c.get("blocked", 0),
        "optedout": c.get("opted_out", 0), "left": left,
        "cancelled": c.get("cancelled", 0),
    }  # fmt: skip
    unsure = (Msg("bc-progress-uncertain", {"count": uncertain}),) if uncertain else ()
    if b.status == "cancelled":
        return Reply((Msg("bc-progress-cancelled", args), *unsure))
    if b.status == "done" or left == 0:
        return Reply((Msg("bc-progress-done", args), *unsure))
    parts = [Msg("bc-progress", args), *unsure]
    if paused_until:
        parts.append(Msg("bc-progress-quiet", {"until": paused_until}))
    else:
        minutes = max(1, math.ceil(left / max(per_second, 0.01) / 60))
        parts.append(Msg("bc-progress-eta", {"minutes": minutes}))
    waiting = c.get("tier_budget", 0)
    if waiting:  # WhatsApp lets a number reach so many new people a day outside the window
        days = math.ceil(waiting / max(daily_budget, 1))
        parts.append(Msg("bc-progress-wa-budget",
                         {"count": waiting, "budget": daily_budget, "days": days}))  # fmt: skip
    return Reply(tuple(parts))


async def recent(ctx: Ctx, limit: int = 10) -> list[BroadcastInfo]:
    """The latest broadcasts with their rows counted by status (the console, the shell)."""
    return await ctx.store.broadcasts(limit=limit)


async def one(ctx: Ctx, broadcast_id: int | None) -> BroadcastInfo | None:
    """One of the latest fifty broadcasts, for its page (an older one is not followed)."""
    return next((b for b in await ctx.store.broadcasts(limit=50) if b.id == broadcast_id), None)


async def show_status(ctx: Ctx, person: Person) -> Reply:
    if not await authorise(ctx, person, Action.BROADCAST, None):
        return reply("not-an-admin")
    found = await ctx.store.broadcasts(limit=3)
    if not found:
        return reply("bc-none")
    paused = ctx.settings.quiet.resumes_at(ctx.now)  # the same words as the live progress
    return Reply(tuple(p for b in found for p in progress(b, 29.0, paused).parts))


async def cancel(ctx: Ctx, person: Person | None, arg: str) -> Reply:
    """/batal_siaran [id]: what has not been sent yet is not sent."""
    if person is not None and not await authorise(ctx, person, Action.BROADCAST, None):
        return reply("not-an-admin")
    bid = int(arg) if arg.strip().isdigit() else None
    jobs, rows = await ctx.store.cancel_broadcasts(bid, ctx.now)
    if not jobs:
        return reply("bc-nothing-to-cancel")
    await ctx.store.audit(
        actor=person.id if person else None, action="broadcast.cancelled", now=ctx.now,
        after={"id": bid, "jobs": jobs, "rows": rows},
    )  # fmt: skip
    return reply("bc-cancelled", jobs=jobs, rows=rows)


# --- the weekly quota reminder ----------------------------------------------------------------
async def quota_reminder(ctx: Ctx) -> int:
    """To each lurah: places left city-wide, nominations waiting in their kelurahan, and when
    the quota runs out at the pace of the last 30 days. Returns how many are queued."""
    q = await ctx.store.quota(period_of(ctx))
    queues = await ctx.store.queue_sizes()
    recent = await ctx.store.approved_since(ctx.now - timedelta(days=FORECAST_DAYS))
    left = max(q[0] - q[1], 0) if q else None
    if left is None:
        forecast = Msg("reminder-forecast-no-quota")
    elif left == 0:
        forecast = Msg("reminder-forecast-none-left")
    elif recent == 0:
        forecast = Msg("reminder-forecast-no-pace", {"days": FORECAST_DAYS})
    else:
        days = math.ceil(left / (recent / FORECAST_DAYS))
        forecast = Msg("reminder-forecast", {"days": days, "recent": recent,
                                             "window": FORECAST_DAYS})  # fmt: skip
    rows = []
    for r in await ctx.store.broadcast_recipients("lurah", None):
        waiting = queues.get(r.kelurahan_code or "", 0)
        note = Reply(
            (
                Msg(
                    "reminder-quota",
                    {
                        "left": left if left is not None else "-",
                        "waiting": waiting,
                        "kelurahan": kel_name(ctx, r.kelurahan_code),
                    },
                ),
                forecast,
            ),
            (button_queue(),) if waiting else (),
        )
        rows.append((r, [note.to_json()], _first_status(ctx, r, "lurah")))
    if not rows:  # no reviewer yet: no job, and no "Siaran selesai: 0 dari 0" for the admins
        return 0
    await ctx.store.create_broadcast(
        kind="quota_reminder", created_by=None, audience="lurah", kelurahan_code=None,
        body="", rows=rows, now=ctx.now,
    )  # fmt: skip
    return sum(1 for *_, s in rows if s == OutboxStatus.PENDING)


def button_queue() -> Button:
    return Button(Msg("btn-queue"), "n|queue")


async def _prompt(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    return await preview(ctx, conv) if conv.step == "confirm" else prompt(ctx, conv)


async def _take(ctx: Ctx, person: Person, conv: Conversation, inp: Input) -> Routed:
    return [await take(ctx, person, conv, inp)], False


async def _start(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await start(ctx, person, conv)], False


async def _cancel(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await cancel(ctx, person, arg)], False


async def _status(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await show_status(ctx, person)], False


BROADCAST = Flow(FLOW, _prompt, _take, commands=(
    Command("broadcast", ("siaran",), _start),
    Command("bcancel", ("batal_siaran",), _cancel),
    Command("bstatus", ("status_siaran",), _status),
))  # fmt: skip
