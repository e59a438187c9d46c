"""The lurah's side in chat: the review queue card by card, decisions, and how new
nominations are notified (at once, or a daily digest)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from domain.nomination import NominationStatus
from domain.roles import Action
from handlers.core.capability import Command, Flow, Routed
from handlers.core.engine import Input, button, reply
from handlers.core.messages import Msg, Raw, Reply
from handlers.core.names import kel_name, name_of, named_kelurahan
from handlers.core.records import Conversation, Person, Role
from handlers.core.rights import authorise
from handlers.core.state import FlowState
from handlers.nominations import notices as new_nominations
from handlers.nominations import review
from handlers.nominations.port import Ctx
from handlers.nominations.records import Nomination

FLOW = "review"


@dataclass
class QueueState(FlowState):
    KEY: ClassVar[str] = "review"
    nomination: int = 0  # the card on screen
    kelurahan: str | None = None  # the kelurahan an admin named (/antrian kelun)
    skipped: list[int] = field(default_factory=list)  # "later" on this pass through the queue
    reason: str = ""  # a rejection's reason, between choosing it and confirming


QUEUE = (NominationStatus.PENDING,)
REJECT_REASONS = ("domicile", "registry", "bpjs", "activity", "data")


def _card(ctx: Ctx, conv: Conversation, n: Nomination, position: int, total: int,
          left: int | None) -> Reply:  # fmt: skip
    a: dict[str, Any] = n.answers
    occ: Msg | Raw = (
        Msg(f"occ-{a['occupation']}")
        if a.get("occupation")
        else Raw(a.get("occupation_text") or "-")
    )
    kel = ctx.program.regions.kelurahan_by_code(n.kelurahan_code)
    flags = [c.split(":")[0] for c in n.reasons if c.endswith(":unknown") or c.endswith(":fail")]
    flag_msgs = [Msg("flag-" + f.replace(".", "-")) for f in flags if f in _FLAG_KEYS]
    days = max((ctx.now - n.created_at).days, 0)
    parts: list[Msg] = [
        Msg("lurah-card", {
            "position": position, "total": total, "ref": n.ref, "name": Raw(n.name or "-"),
            "nik": n.nik_masked, "age": a.get("age") or "-", "sex": Msg(f"sex-{a.get('sex', 'L')}"),
            "occupation": occ, "dtks": Msg(f"tri-{a.get('dtks', 'tidak_tahu')}"),
            "heirs": Msg(f"tri-{a.get('heirs', 'tidak')}"),
            "bpjs": Msg(f"bpjs-{a.get('bpjs', 'tidak_tahu')}"),
            "verdict": Msg(f"verdict-short-{n.verdict}"), "days": days,
            "kelurahan": kel.name if kel else n.kelurahan_code,
            "left": left if left is not None else "-",
            "by": Msg("filed-by-lurah" if n.on_behalf else "filed-by-citizen"),
            # the lurah calls when the card leaves a doubt (the export carries it too)
            "phone": Raw(a.get("phone") or "-"),
        })
    ]  # fmt: skip
    parts.extend(flag_msgs)
    parts.extend(list_lines(a.get("lists") or {}))
    if n.info_question:
        parts.append(Msg("lurah-card-info", {"question": Raw(n.info_question),
                                             "answer": Raw(n.info_answer or "…")}))  # fmt: skip
    buttons = (
        # three: the two decisions, and the rest behind one button (WhatsApp shows three
        # reply buttons; a fourth would turn the card into a list)
        button(conv, "btn-approve", f"appr:{n.id}"),
        button(conv, "btn-reject", f"rej:{n.id}"),
        button(conv, "btn-card-more", f"more:{n.id}"),
    )
    return Reply(tuple(parts), buttons)


def list_lines(lists: dict[str, Any]) -> list[Msg]:
    """What the Dinas's lists said of this NIK when it was filed, with each list's date."""
    out = []
    if "dtks" in lists:
        found, as_of = lists["dtks"]
        out.append(Msg("lurah-card-dtks-" + ("found" if found else "absent"),
                       {"as_of": _dmy(as_of)}))  # fmt: skip
    if "bpjs" in lists and lists["bpjs"][0]:
        segment, as_of = lists["bpjs"]
        out.append(Msg("lurah-card-bpjs-active", {"segment": Msg(f"segment-{segment}"),
                                                  "as_of": _dmy(as_of)}))  # fmt: skip
    return out


def _dmy(iso: str) -> str:
    return f"{iso[8:10]}-{iso[5:7]}-{iso[:4]}"


_FLAG_KEYS = {
    "registry.contradiction", "registry.not_in_data", "bpjs.active_pu", "bpjs.active_bpu",
    "bpjs.active_pemda", "nik.elsewhere", "age.mismatch", "registry.unknown", "bpjs.self_paid",
    "bpjs.unknown",
    "activity.unrecognised", "activity.pu_role", "activity.formal", "activity.student",
}  # fmt: skip


async def show_queue(
    ctx: Ctx, person: Person, conv: Conversation, arg: str = "", places: int | None = None
) -> Reply:
    """The kelurahan's next card; `places`: the places left when the caller has just counted
    them (an approval), else read here."""
    kel = person.kelurahan_code
    if kel is None and arg:  # an admin, bound to no kelurahan, names one: /antrian kelun
        state = QueueState.of(conv)
        state.kelurahan = named_kelurahan(ctx, person, arg)
        state.save(conv)
    state = QueueState.of(conv)
    kel = kel or state.kelurahan
    if not await authorise(ctx, person, Action.VIEW_QUEUE, kel):
        return reply("not-a-reviewer")
    if kel is None:
        return reply("admin-pick-kelurahan", command="/antrian")
    # before the queue is read, so a nomination filed meanwhile is either shown or notified
    await new_nominations.read_in_queue(ctx, person)
    items = await ctx.store.queue(kel, QUEUE)
    skipped = set(state.skipped)
    waiting = [n for n in items if n.id not in skipped]
    conv.flow = FLOW
    conv.version += 1
    if not waiting:
        conv.flow, conv.step = "idle", ""
        state.skipped = []
        state.save(conv)
        return reply("queue-empty", kelurahan=kel_name(ctx, kel, kel))
    n = waiting[0]
    conv.step, state.nomination = "card", n.id
    state.save(conv)
    position = items.index(n) + 1
    left = places if places is not None else await review.places_left(ctx)
    return _card(ctx, conv, n, position, len(items), left)


async def prompt(ctx: Ctx, person: Person, conv: Conversation) -> Reply:
    """The current card or question again, changing nothing (for re-asking and for reading
    which buttons the step offers)."""
    nid = QueueState.of(conv).nomination
    n = await ctx.store.nomination_by_id(nid) if nid else None
    if n is None or person.kelurahan_code is None:
        return reply(
            "queue-empty",
            kelurahan=kel_name(ctx, person.kelurahan_code, person.kelurahan_code or ""),
        )
    if conv.step == "reason":
        reasons = [button(conv, f"btn-reason-{r}", f"reason:{r}") for r in REJECT_REASONS]
        return reply("ask-reject-reason", *reasons, ref=n.ref)
    if conv.step == "question":
        return reply("ask-info-question", ref=n.ref)
    if conv.step == "more":
        return _more(conv, n)
    if conv.step == "confirm-appr":
        return _confirm_approve(conv, n, await review.places_left(ctx))
    if conv.step == "confirm-rej":
        return _confirm_reject(conv, n, QueueState.of(conv).reason)
    items = await ctx.store.queue(person.kelurahan_code, QUEUE)
    position = next((i for i, x in enumerate(items) if x.id == n.id), 0) + 1
    return _card(ctx, conv, n, position, max(len(items), 1), await review.places_left(ctx))


def _more(conv: Conversation, n: Nomination) -> Reply:
    return reply(
        "card-more",
        button(conv, "btn-ask-info", f"info:{n.id}"),
        button(conv, "btn-skip-card", f"skip:{n.id}"),
        button(conv, "btn-card-back", f"back:{n.id}"),
        ref=n.ref,
    )


def _confirm_approve(conv: Conversation, n: Nomination, left: int | None) -> Reply:
    """One tap does not decide: the lurah confirms, with what the approval costs."""
    return reply(
        "confirm-approve",
        button(conv, "btn-confirm-approve", f"yes:{n.id}"),
        button(conv, "btn-card-back", f"back:{n.id}"),
        ref=n.ref, name=Raw(n.name or "-"), left=left if left is not None else "-",
    )  # fmt: skip


def _confirm_reject(conv: Conversation, n: Nomination, reason: str) -> Reply:
    return reply(
        "confirm-reject",
        button(conv, "btn-confirm-reject", f"yes:{n.id}"),
        button(conv, "btn-card-back", f"back:{n.id}"),
        ref=n.ref, name=Raw(n.name or "-"), reason=Raw(reason),
    )  # fmt: skip


async def take(ctx: Ctx, person: Person, conv: Conversation, inp: Input) -> list[Reply]:
    nid = QueueState.of(conv).nomination
    n = await ctx.store.nomination_by_id(nid) if nid else None
    if n is None:
        return [await show_queue(ctx, person, conv)]
    if conv.step in ("card", "more"):
        action, _, target = (inp.choice or "").partition(":")
        if not target or int(target) != n.id:
            return [await show_queue(ctx, person, conv)]
        if action == "skip":
            state = QueueState.of(conv)
            state.skipped.append(n.id)
            state.save(conv)
            return [await show_queue(ctx, person, conv)]
        if action == "appr":
            conv.step = "confirm-appr"
            conv.version += 1
            return [_confirm_approve(conv, n, await review.places_left(ctx))]
        if action == "rej":
            conv.step = "reason"
            conv.version += 1
            reasons = [button(conv, f"btn-reason-{r}", f"reason:{r}") for r in REJECT_REASONS]
            return [reply("ask-reject-reason", *reasons, ref=n.ref)]
        if action == "info":
            conv.step = "question"
            conv.version += 1
            return [reply("ask-info-question", ref=n.ref)]
        if action == "more":
            conv.step = "more"
            conv.version += 1
            return [_more(conv, n)]
        return [await show_queue(ctx, person, conv)]
    if conv.step in ("confirm-appr", "confirm-rej"):
        action, _, target = (inp.choice or "").partition(":")
        if action != "yes" or not target or int(target) != n.id:  # "Kembali": the card again
            return [await show_queue(ctx, person, conv)]
        if conv.step == "confirm-appr":
            result = await review.approve(ctx, person, n)
        else:
            result = await review.reject(ctx, person, n, QueueState.of(conv).reason)
        # the places an approval just counted are the next card's (not read again)
        known = result.left if result.outcome is review.Outcome.DONE else None
        return [
            _decision_note(ctx, person, result),
            await show_queue(ctx, person, conv, places=known),
        ]
    if conv.step == "reason":
        if inp.choice and inp.choice.startswith("reason:"):
            # Stored as words, not a key: the citizen's letter and the audit log must read the
            # same whatever the catalogue says later.
            text = ctx.render(Msg(f"reject-reason-{inp.choice[7:]}"), person.locale)
        else:
            text = " ".join(inp.text.split())[:300]
        if len(text) < 3:
            return [reply("err-reject-reason")]
        state = QueueState.of(conv)
        state.reason = text
        state.save(conv)
        conv.step = "confirm-rej"
        conv.version += 1
        return [_confirm_reject(conv, n, text)]
    if conv.step == "question":
        text = " ".join(inp.text.split())[:300]
        if len(text) < 3:
            return [reply("ask-info-question", ref=n.ref)]
        result = await review.request_info(ctx, person, n, text)
        return [_decision_note(ctx, person, result), await show_queue(ctx, person, conv)]
    return [await show_queue(ctx, person, conv)]


def _decision_note(ctx: Ctx, person: Person, result: review.Result) -> Reply:
    n = result.nomination
    ref = n.ref if n else "-"
    if result.outcome is review.Outcome.ALREADY_DECIDED and n is not None and result.by:
        # a colleague (or the resident) was first: who, and what it is now (issue 26 item 14)
        return Reply.of("decided-already", ref=ref, by=result.by,
                        status=Msg(f"status-{n.status.value}"))  # fmt: skip
    key = {
        review.Outcome.DONE: f"decided-{n.status.value}" if n else "decided-pending",
        review.Outcome.WAITLISTED: "decided-quota-full",
        review.Outcome.FORBIDDEN: "not-your-kelurahan",
        review.Outcome.NOT_ALLOWED: "decision-not-allowed",
        review.Outcome.NO_QUOTA_SET: "no-quota-set",
        review.Outcome.ALREADY_DECIDED: "decision-not-allowed",
    }[result.outcome]
    return Reply.of(key, ref=ref, left=result.left if result.left is not None else "-",
                    by=name_of(ctx, person))  # fmt: skip


async def set_notifications(ctx: Ctx, person: Person, arg: str) -> Reply:
    """/notifikasi langsung — each new nomination at once; /notifikasi 7 — a daily digest at
    07:00 WIB instead."""
    if person.role is not Role.LURAH:
        return reply("not-a-reviewer")
    word = arg.strip().lower().removesuffix(".00").removesuffix(":00")
    if word in ("langsung", "segera", "now"):
        person.digest_hour = None
    elif word.isdigit() and 0 <= int(word) <= 23:
        person.digest_hour = int(word)
    else:
        return reply("err-notify")
    await ctx.store.save_person(person)
    if person.digest_hour is None:
        return reply("notify-at-once")
    return reply("notify-digest", hour=f"{person.digest_hour:02d}.00")


async def _take(ctx: Ctx, person: Person, conv: Conversation, inp: Input) -> Routed:
    return await take(ctx, person, conv, inp), False


async def _queue(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    state = QueueState.of(conv)
    state.skipped = []  # a fresh pass: cards put off earlier come back
    state.save(conv)
    return [await show_queue(ctx, person, conv, arg)], False


async def _notify(ctx: Ctx, person: Person, conv: Conversation, arg: str) -> Routed:
    return [await set_notifications(ctx, person, arg)], False


QUEUE_FLOW = Flow(FLOW, prompt, _take, commands=(
    Command("queue", ("antrian", "antrean"), _queue),  # both spellings are in use
    Command("notify", ("notifikasi",), _notify),
))  # fmt: skip


async def on_button(ctx: Ctx, person: Person, conv: Conversation, target: str) -> list[Reply]:
    """ "Lihat antrean" on a notice (a new nomination, a digest, a reminder)."""
    return [await show_queue(ctx, person, conv)]
