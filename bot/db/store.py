"""The ports on SQLAlchemy Core: one SqlStore is one transaction (one unit of work). The
kernel's part (a person and their conversation, the audit log, the outbox, an update's
dedupe) is here; each capability's part is a mixin of its own (bot/db/<capability>_store.py),
and SqlStore implements every capability's port (checked by mypy below)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.crypto import NikVault
from bot.db import jobs, outbox
from bot.db import schema as t
from bot.db.aio import AsyncConnection
from bot.db.broadcasts_store import BroadcastQueries
from bot.db.claims_store import ClaimQueries
from bot.db.handover_store import TicketQueries
from bot.db.locks import take_notices_turn, take_turn
from bot.db.nominations_store import NominationQueries
from bot.db.officers_store import ConsoleQueries
from bot.db.outbox import SETTLED_REPLY
from bot.db.rows import aware, record
from bot.db.understanding_store import LearningQueries
from handlers.core.messages import Reply, UserRef
from handlers.core.records import Conversation, OutboxStatus, Person, Role

if TYPE_CHECKING:
    from handlers.broadcasts import BroadcastsStore
    from handlers.check import CheckStore
    from handlers.claims import ClaimsStore
    from handlers.core.port import Store
    from handlers.handover import HandoverStore
    from handlers.nominations import NominationsStore
    from handlers.officers import OfficersStore
    from handlers.privacy import PrivacyStore
    from handlers.understanding import UnderstandingStore

_aware = aware
# Channels whose replies go out after the commit and are kept in the outbox until they have
# (the console prints them at once; it has no sender to finish the job after a crash).
KEPT_CHANNELS = frozenset({"telegram", "whatsapp"})


# a notice that has gone to the platform (or may have: unconfirmed)
_WENT_OUT = (OutboxStatus.SENDING, OutboxStatus.SENT, OutboxStatus.UNCONFIRMED)


def _person(row: Any) -> Person:
    return record(Person, row, role=Role(row.role))


_INBOUND_PRECISION = timedelta(minutes=5)

# The hot path's statements: constants with bound parameters, run through conn.read/write,
# so SQLAlchemy compiles each once and finds it in its cache on every later message.
_c = t.conversations.c
_LOAD = (
    select(
        t.people,
        _c.flow.label("conv_flow"),
        _c.step.label("conv_step"),
        _c.answers.label("conv_answers"),
        _c.version.label("conv_version"),
        _c.misses.label("conv_misses"),
        _c.updated_at.label("conv_updated_at"),
    )
    .select_from(t.people.outerjoin(t.conversations, _c.person_id == t.people.c.id))
    .where(t.people.c.channel == bindparam("channel"), t.people.c.external_id == bindparam("ext"))
)
_TOUCH = (
    update(t.people)
    .where(t.people.c.id == bindparam("pid"))
    .values(last_inbound_at=bindparam("now"))
)
_SAVE_CONV = (
    update(t.conversations)
    .where(_c.person_id == bindparam("pid"))
    .values(
        flow=bindparam("flow"),
        step=bindparam("step"),
        answers=bindparam("answers"),
        version=bindparam("version"),
        misses=bindparam("misses"),
        updated_at=bindparam("updated_at"),
    )
)

# inserts on the hot path, their values given at execution
_NEW_PERSON = insert(t.people)
_NEW_CONV = insert(t.conversations)
_KEEP = insert(t.outbox)
_SEEN = insert(t.processed_updates)


def audit_row(
    *, action: str, now: datetime, actor: int | None = None, nomination_id: int | None = None,
    subject: int | None = None, before: Any = None, after: Any = None, outcome: str = "ok",
    detail: str = "",
) -> Any:  # fmt: skip
    return insert(t.audit_log).values(
        at=now, actor=actor, action=action, outcome=outcome, nomination_id=nomination_id,
        subject=subject, before=before, after=after, detail=detail,
    )  # fmt: skip


class SqlStore(
    NominationQueries, BroadcastQueries, TicketQueries, ConsoleQueries, ClaimQueries,
    LearningQueries,
):  # fmt: skip
    def __init__(self, conn: AsyncConnection, vault: NikVault, admins: frozenset[tuple[str, str]]):
        self.conn = conn
        self.vault = vault
        self.admins = admins
        self.erased = False
        self.via = ""  # the door an action came through ("via console"), written in its audit row
        # messages that waited for the person writing now, released by load(): the delivery
        # path sends them before this update's replies
        self.released: list[Any] = []

    # --- people ------------------------------------------------------------------------------
    async def load(
        self, user: UserRef, locale_hint: str, now: datetime, wrote: bool = True
    ) -> tuple[Person, Conversation]:
        """The sender and their conversation in one query (the hot path of every message).
        `wrote`: the person just wrote (their update is being handled): their last message's
        time moves, and messages that waited for them to write are released (`released`)."""
        # Several workers share one PostgreSQL: this person's updates take turns, held until
        # the transaction ends (SQLite's BEGIN IMMEDIATE already serialises writers).
        await take_turn(self.conn, user.channel, user.external_id)
        rows = await self.conn.read(_LOAD, {"channel": user.channel, "ext": user.external_id})
        if not rows:
            person = await self._create_person(user, locale_hint, now)
            return person, Conversation(person.id)
        row = rows[0]
        person = _person(row)
        await self.follow_admin_setting(person, now)
        last = _aware(row.last_inbound_at)
        # Only the WhatsApp 24-hour window reads this: minute precision is plenty, and skipping
        # the write on most messages keeps the hot path at one read and one write. (The stored
        # time may lag the real one by those minutes: the window is taken to close early.)
        if wrote and (last is None or now - last > _INBOUND_PRECISION):
            await self.conn.write(_TOUCH, {"pid": person.id, "now": now})
        if wrote and row.waiting_since is not None:
            # Messages waited for this person to write again (issue 26 item 9): they go now,
            # before this update's replies; read with the person, so no statement is added to
            # an ordinary update.
            self.released = await outbox.release(self.conn, person.id, now)
        if row.conv_flow is None:
            return person, Conversation(person.id)
        conv = record(Conversation, row, "conv_", person_id=person.id,
                      answers=dict(row.conv_answers), stored=True)  # fmt: skip
        return person, conv

    def messages_released(self) -> int:
        return len(self.released)

    async def follow_admin_setting(self, person: Person, now: datetime) -> None:
        """Admin rights are whatever SIAGA_ADMINS says on this update: granted when a person
        is added, taken away when removed (back to reviewer if they joined a kelurahan by
        invite, else citizen). Each change is written and audited."""
        named = (person.channel, person.external_id) in self.admins
        if named == (person.role is Role.ADMIN):
            return
        before = person.role
        if named:
            person.role = Role.ADMIN
        else:
            person.role = Role.LURAH if person.kelurahan_code else Role.CITIZEN
        await self.conn.execute(
            update(t.people).where(t.people.c.id == person.id).values(role=person.role.value)
        )
        await self.end_console_sessions_of(person.id)  # a session carries the old rights
        await self.audit(
            actor=None, action="admin.granted" if named else "admin.revoked", now=now,
            subject=person.id, before={"role": before.value}, after={"role": person.role.value},
            detail="SIAGA_ADMINS",
        )  # fmt: skip

    async def sync_admins(self, now: datetime) -> int:
        """At start-up: everyone stored as admin but no longer named loses the rights now,
        not at their next message (digests and broadcasts read the stored role)."""
        rows = await self.conn.execute(select(t.people).where(t.people.c.role == Role.ADMIN.value))
        changed = 0
        for row in rows.all():
            person = _person(row)
            if (person.channel, person.external_id) not in self.admins:
                await self.follow_admin_setting(person, now)
                changed += 1
        return changed

    async def _create_person(self, user: UserRef, locale_hint: str, now: datetime) -> Person:
        locale = "en" if locale_hint.lower().startswith("en") else "id"
        role = Role.ADMIN if (user.channel, user.external_id) in self.admins else Role.CITIZEN
        pk = await self.conn.write(_NEW_PERSON, {
            "channel": user.channel, "external_id": user.external_id, "role": role.value,
            "locale": locale, "created_at": now, "last_inbound_at": now,
        })  # fmt: skip
        return Person(pk, user.channel, user.external_id, role, locale, created_at=now)

    async def person(self, user: UserRef, locale_hint: str, now: datetime) -> Person:
        """Someone by their account, made when new; not "they wrote" (an admin's command)."""
        return (await self.load(user, locale_hint, now, wrote=False))[0]

    async def person_by_id(self, person_id: int) -> Person | None:
        row = (await self.conn.execute(select(t.people).where(t.people.c.id == person_id))).first()
        return _person(row) if row else None

    async def save_person(self, person: Person) -> None:
        await self.conn.execute(
            update(t.people)
            .where(t.people.c.id == person.id)
            .values(
                role=person.role.value,
                locale=person.locale,
                kelurahan_code=person.kelurahan_code,
                consent_version=person.consent_version,
                consent_at=person.consent_at,
                broadcast_opt_in=person.broadcast_opt_in,
                blocked=person.blocked,
                digest_hour=person.digest_hour,
                # a citizen's platform name is not theirs to give us: kept for officers only
                display_name=person.display_name[:100]
                if person.officer and person.display_name
                else None,
            )
        )

    async def people_with_role(self, role: Role, kelurahan_code: str | None = None) -> list[Person]:
        q = select(t.people).where(t.people.c.role == role.value)
        if kelurahan_code is not None:
            q = q.where(t.people.c.kelurahan_code == kelurahan_code)
        return [_person(r) for r in await self.conn.execute(q.order_by(t.people.c.id))]

    async def record_consent(
        self,
        person_id: int,
        kind: str,
        version: str,
        granted: bool,
        now: datetime,
        given_via: int | None = None,
    ) -> None:
        row = insert(t.consents).values(
            person_id=person_id, kind=kind, notice_version=version, granted=granted,
            given_via=given_via, at=now,
        )  # fmt: skip
        await self.conn.execute(row)

    # --- conversation ------------------------------------------------------------------------
    async def conversation(self, person_id: int) -> Conversation:
        q = select(t.conversations).where(t.conversations.c.person_id == person_id)
        row = (await self.conn.execute(q)).first()
        if row is None:
            return Conversation(person_id)
        return record(Conversation, row, answers=dict(row.answers), stored=True)

    async def save_conversation(self, conv: Conversation, now: datetime) -> None:
        values = {
            "flow": conv.flow,
            "step": conv.step,
            "answers": conv.answers,
            "version": conv.version,
            "misses": conv.misses,
            "updated_at": now,
        }
        if conv.stored:
            await self.conn.write(_SAVE_CONV, {"pid": conv.person_id, **values})
        else:
            await self.conn.write(_NEW_CONV, {"person_id": conv.person_id, **values})
            conv.stored = True

    # --- NIK at rest ---------------------------------------------------------------------------
    def seal_nik(self, nik: str) -> str:
        return self.vault.seal(nik)

    def open_nik(self, sealed: str) -> str:
        return self.vault.open(sealed)

    async def forget_person(self, person_id: int, now: datetime) -> None:
        """UU 27/2022 Pasal 8: erase the person (each capability has erased its records of them
        first: their nominations keep only what statistics need, their kept messages go):
        their account, conversation, consents and every message to or about them."""
        o = t.outbox
        await self.conn.execute(
            delete(o).where((o.c.person_id == person_id) | (o.c.about_person == person_id))
        )
        # erased with the rest: nothing about them goes out
        self.released = [r for r in self.released if person_id not in (r.person_id,
                                                                       r.about_person)]  # fmt: skip
        await self.conn.execute(
            delete(t.conversations).where(t.conversations.c.person_id == person_id)
        )
        await self.conn.execute(delete(t.consents).where(t.consents.c.person_id == person_id))
        await self.conn.execute(delete(t.people).where(t.people.c.id == person_id))
        self.erased = True  # commit() then rewrites SQLite's WAL, which still holds old pages

    # --- audit, outbox, dedupe ---------------------------------------------------------------
    async def audit(
        self,
        *,
        actor: int | None,
        action: str,
        now: datetime,
        nomination_id: int | None = None,
        subject: int | None = None,
        before: Any = None,
        after: Any = None,
        outcome: str = "ok",
        detail: str = "",
    ) -> None:
        if self.via and self.via not in detail:
            detail = f"{detail} {self.via}".strip()
        await self.conn.execute(audit_row(
            actor=actor, action=action, now=now, nomination_id=nomination_id, subject=subject,
            before=before, after=after, outcome=outcome, detail=detail,
        ))  # fmt: skip

    def _account(self, person: Person) -> str:
        # the NIK key's index half: a 16-digit NIK never reads "account:…", so no clash
        return self.vault.index(f"account:{person.channel}:{person.external_id}")

    async def mark_account(self, person: Person, action: str, now: datetime) -> None:
        row = {"action": action, "account": self._account(person), "at": now}
        await self.conn.execute(insert(t.account_marks).values(**row))

    async def count_account_marks(self, person: Person, action: str, since: datetime) -> int:
        m = t.account_marks
        q = select(func.count()).where(
            m.c.action == action, m.c.account == self._account(person), m.c.at >= since
        )
        return int((await self.conn.execute(q)).scalar_one())

    async def enqueue(
        self, person: Person, replies: Sequence[Reply], now: datetime, kind: str = "notice",
        about: int | None = None, due: datetime | None = None, held: bool = False,
    ) -> None:  # fmt: skip
        """`about`: the person the message names (a citizen in a reviewer's notice), so that
        erasing them erases it too. `due`: not sent before then (default: at once). `held`:
        it waits for the person to write, as the message it replaces did (their news template
        has gone or is queued already)."""
        await self.conn.execute(
            insert(t.outbox).values(
                person_id=person.id,
                about_person=about,
                channel=person.channel,
                external_id=person.external_id,
                kind=kind,
                payload=[r.to_json() for r in replies],
                status=OutboxStatus.WAITING if held else OutboxStatus.PENDING,
                next_attempt_at=due or now,
                created_at=now,
            )
        )

    # --- one notice at a time (issue 26 item 16) ------------------------------------------------
    async def take_waiting(
        self, person: Person, kind: str
    ) -> tuple[list[Reply], datetime, bool] | None:
        """The person's unsent notice of this kind (its replies, when it is due, and whether
        it was held for them to write), taken out of the outbox so that the caller queues one
        notice in its place. On PostgreSQL the person's notices of this kind are locked
        first, until the transaction ends: two filings at once would otherwise both read the
        same notice, and one count be lost (SQLite already runs one writer at a time). The
        notice is deleted only while still unsent (pending, or held outside WhatsApp's window:
        review of issue 26, finding 2): a sender that has claimed it sends it as it is."""
        await take_notices_turn(self.conn, person.id, kind)
        o = t.outbox
        unsent = (OutboxStatus.PENDING, OutboxStatus.WAITING)
        row = (
            await self.conn.execute(
                select(o.c.id, o.c.payload, o.c.next_attempt_at, o.c.status)
                .where(o.c.channel == person.channel, o.c.external_id == person.external_id)
                .where(o.c.status.in_(unsent), o.c.kind == kind)
                .order_by(o.c.id.desc())
                .limit(1)
            )
        ).first()
        if row is None:
            return None
        gone = await self.conn.execute(delete(o).where(o.c.id == row.id, o.c.status == row.status))
        if gone.rowcount != 1:
            return None
        due = _aware(row.next_attempt_at)
        assert due is not None
        held = row.status == OutboxStatus.WAITING
        return [Reply.from_json(r) for r in row.payload], due, held

    async def unread_since(self, person: Person, kind: str) -> datetime | None:
        """When the person's last notice of this kind went out, if they have not written
        since (so have likely not read it yet); None otherwise."""
        o = t.outbox
        went = func.max(func.coalesce(o.c.claimed_at, o.c.sent_at))
        q = (
            select(went)
            .where(o.c.channel == person.channel, o.c.external_id == person.external_id)
            .where(o.c.status.in_(_WENT_OUT), o.c.kind == kind)
        )
        last_sent = _aware((await self.conn.execute(q)).scalar())
        if last_sent is None:
            return None
        # Written since: the last step of their conversation (a button, /antrian), or the
        # last message (kept to five minutes' precision only, see load)
        p, c = t.people, t.conversations
        row = (
            await self.conn.execute(
                select(p.c.last_inbound_at, c.c.updated_at)
                .select_from(p.outerjoin(c, c.c.person_id == p.c.id))
                .where(p.c.id == person.id)
            )
        ).first()
        wrote = (
            [w for w in (_aware(row.last_inbound_at), _aware(row.updated_at)) if w] if row else []
        )
        return None if wrote and max(wrote) >= last_sent else last_sent

    async def drop_waiting(self, person: Person, kind: str) -> int:
        """The person's unsent notices of this kind: read now some other way (the queue).
        Pending ones only: one held for a WhatsApp reviewer to write (`waiting`) was released
        when their update was loaded (`person`), before the queue could be opened."""
        o = t.outbox
        res = await self.conn.execute(
            delete(o)
            .where(o.c.channel == person.channel, o.c.external_id == person.external_id)
            .where(o.c.status == OutboxStatus.PENDING, o.c.kind == kind)
        )
        return int(res.rowcount)

    async def buttons_sent_since(self, person: Person, since: datetime | None) -> list[list[Any]]:
        """The buttons of the newest message others sent this person (a reviewer's "see the
        queue", a reminder's yes/no) after `since`: what a typed "1" then means. Found by
        the recipient index, so it reads that person's few rows, not the outbox."""
        o = t.outbox
        q = (
            select(o.c.payload)
            .where(o.c.channel == person.channel, o.c.external_id == person.external_id)
            .where(o.c.kind.notin_(("reply", "news")))  # a news template has no buttons
            .order_by(o.c.id.desc())
            .limit(1)
        )
        if since is not None:
            q = q.where(o.c.created_at > since)
        row = (await self.conn.execute(q)).first()
        if row is None:
            return []
        with_buttons = [r for r in row.payload if r.get("b")]
        return [[b[0], b[1]] for b in with_buttons[-1]["b"]] if with_buttons else []

    async def keep_replies(
        self, person: Person, replies: Sequence[Reply], now: datetime
    ) -> int | None:
        """An outbox row already claimed by this worker ("sending"): the adapter sends the
        replies at once and settles the row; if this process dies first, the sender finds the
        row after its lease and sends it."""
        if person.channel not in KEPT_CHANNELS:
            return None
        return await self.conn.write(_KEEP, {
            "person_id": person.id, "channel": person.channel, "external_id": person.external_id,
            "kind": "reply", "payload": [r.to_json() for r in replies],
            "status": OutboxStatus.SENDING, "attempts": 1, "next_attempt_at": now,
            "created_at": now, "claimed_at": now,
        })  # fmt: skip

    async def claim_update(self, channel: str, update_id: str, now: datetime) -> bool:
        # No savepoint: a duplicate means the caller does nothing more in this transaction.
        try:
            await self.conn.write(_SEEN, {"channel": channel, "update_id": update_id, "at": now})
        except IntegrityError:
            return False
        return True

    async def commit(self) -> None:
        await self.conn.commit()
        if self.erased:
            self.erased = False
            await self.conn.checkpoint()

    # --- scheduled jobs ------------------------------------------------------------------------
    async def job_last_run(self, name: str) -> datetime | None:
        return await jobs.last_run(self.conn, name)

    async def job_ran(self, name: str, now: datetime) -> None:
        await jobs.mark_run(self.conn, name, now)

    # --- maintenance (the kernel's daily purge) -------------------------------------------------
    async def purge_stale_drafts(self, cutoff: datetime) -> int:
        """Unfinished checks older than the retention period lose their answers (UU PDP §9)."""
        c = t.conversations
        res = await self.conn.execute(
            update(c).where(c.c.updated_at < cutoff).values(flow="idle", step="", answers={})
        )
        return int(res.rowcount or 0)

    async def purge_account_marks(self, cutoff: datetime) -> int:
        """Daily limits look back one day: older marks count for nothing."""
        m = t.account_marks
        return int((await self.conn.execute(delete(m).where(m.c.at < cutoff))).rowcount or 0)

    # Review of the issue-26 fixes, finding 3: notices, waits and unanswered tickets had no end.
    async def purge_settled_messages(self, cutoff: datetime) -> int:
        """Messages other than replies (kept two days, above) and broadcasts (their rows are
        the broadcast's report: erased with the person) that went, failed or were given up
        before `cutoff`: a reviewer's card names a resident, a decision gives its reason."""
        o = t.outbox
        settled = (*SETTLED_REPLY, OutboxStatus.UNCONFIRMED, OutboxStatus.CANCELLED,
                   OutboxStatus.OPTED_OUT)  # fmt: skip
        res = await self.conn.execute(
            delete(o).where(
                o.c.kind.notin_(("reply", "broadcast")), o.c.status.in_(settled),
                func.coalesce(o.c.sent_at, o.c.created_at) < cutoff,
            )
        )  # fmt: skip
        return int(res.rowcount or 0)

    async def cancel_old_waits(self, cutoff: datetime) -> int:
        """Messages that waited since before `cutoff` for someone to write (WhatsApp's window)
        are cancelled: a year-old decision with dead buttons is no news. A person with nothing
        left waiting waits no more (their unsent news template is not needed either)."""
        o, p = t.outbox, t.people
        res = await self.conn.execute(
            update(o)
            .where(o.c.status == OutboxStatus.WAITING, o.c.created_at < cutoff)
            .values(status=OutboxStatus.CANCELLED)
        )
        nothing_waits = ~(
            select(o.c.id)
            .where(o.c.person_id == p.c.id, o.c.status == OutboxStatus.WAITING)
            .exists()
        )
        ended = select(p.c.id).where(p.c.waiting_since.is_not(None), nothing_waits)
        await self.conn.execute(
            update(o)
            .where(o.c.kind == "news", o.c.status == OutboxStatus.PENDING)
            .where(o.c.person_id.in_(ended))
            .values(status=OutboxStatus.CANCELLED)
        )
        await self.conn.execute(
            update(p)
            .where(p.c.waiting_since.is_not(None), nothing_waits)
            .values(waiting_since=None)
        )
        return int(res.rowcount or 0)

    async def purge_settled_replies(self, cutoff: datetime) -> int:
        """Replies kept for crash safety hold what people told us: gone once they are settled."""
        o = t.outbox
        res = await self.conn.execute(
            delete(o).where(
                o.c.kind == "reply", o.c.created_at < cutoff, o.c.status.in_(SETTLED_REPLY)
            )
        )
        return int(res.rowcount or 0)


def _implements_every_port(store: SqlStore) -> tuple[object, ...]:
    """Never called: mypy checks here that one SqlStore is the kernel's store and every
    capability's (handlers/*/port.py), so a port method missing here fails the type check."""
    ports: tuple[
        Store, CheckStore, NominationsStore, HandoverStore, ClaimsStore, BroadcastsStore,
        OfficersStore, PrivacyStore, UnderstandingStore,
    ] = (store, store, store, store, store, store, store, store, store)  # fmt: skip
    return ports
