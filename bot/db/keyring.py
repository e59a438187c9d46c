"""The NIK key's footprint in the database: its check value, whether anything sealed exists,
and re-sealing everything under a new key (`siaga admin rotate-key`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.crypto import NikVault
from bot.db import schema as t
from bot.db.aio import AsyncConnection
from handlers.core.messages import reseal_numbers
from handlers.table import CAPABILITIES

# Flow states that keep a sealed NIK under "nik" (the check's draft, a report being written …),
# as each capability declares them
DRAFTS = tuple(key for c in CAPABILITIES for key in c.sealed_nik_in)


async def stored_fingerprint(conn: AsyncConnection) -> str | None:
    row = (await conn.execute(select(t.key_check.c.fingerprint))).first()
    return str(row.fingerprint) if row else None


async def record_fingerprint(conn: AsyncConnection, fingerprint: str, now: datetime) -> bool:
    """False when another worker starting at the same moment recorded it first."""
    await conn.execute(delete(t.key_check))
    try:
        await conn.execute(insert(t.key_check).values(id=1, fingerprint=fingerprint, at=now))
    except IntegrityError:
        return False
    return True


async def a_sealed_nik(conn: AsyncConnection) -> str | None:
    """One sealed NIK, if the database holds any (a database from before the check value)."""
    n, c = t.nominations, t.conversations
    row = (await conn.execute(select(n.c.nik_enc).where(n.c.nik_enc.is_not(None)).limit(1))).first()
    if row:
        return str(row.nik_enc)
    q = select(c.c.answers).where(cast(c.c.answers, String).like('%"nik":%'))
    for found in (await conn.execute(q)).all():
        for key in DRAFTS:
            draft = _draft(found.answers, key)
            if isinstance(draft.get("nik"), str) and draft["nik"]:
                return str(draft["nik"])
    return None


def _draft(answers: Any, key: str) -> dict[str, Any]:
    """A flow's state in a conversation, where a sealed NIK may be kept."""
    draft = (answers or {}).get(key)
    return draft if isinstance(draft, dict) else {}


def _reseal_json(value: Any, reseal: Callable[[str], str]) -> Any:
    """Kept replies hold SealedNik arguments as {"nik": token} and SealedText ones as
    {"sealed": text with [[#token]]}: re-seal them wherever they are."""
    if isinstance(value, dict):
        if set(value) == {"nik"} and isinstance(value["nik"], str):
            return {"nik": reseal(value["nik"])}
        if "sealed" in value and set(value) <= {"sealed", "max"}:
            return {**value, "sealed": reseal_numbers(str(value["sealed"]), reseal)}
        return {k: _reseal_json(v, reseal) for k, v in value.items()}
    if isinstance(value, list):
        return [_reseal_json(v, reseal) for v in value]
    return value


async def reseal_all(
    conn: AsyncConnection, old: NikVault, new: NikVault, now: datetime
) -> dict[str, int]:
    """Every sealed NIK opened with the old key and sealed with the new one, blind indexes
    recomputed, and the check value replaced: one transaction, committed by the caller."""

    def reseal(token: str) -> str:
        return new.seal(old.open(token))

    n, c, o, k, tk = t.nominations, t.conversations, t.outbox, t.claims, t.tickets
    counts = {"nominations": 0, "conversations": 0, "outbox": 0, "claims": 0, "registry": 0,
              "tickets": 0}  # fmt: skip
    rows = (await conn.execute(select(n.c.id, n.c.nik_enc).where(n.c.nik_enc.is_not(None)))).all()
    for r in rows:
        nik = old.open(r.nik_enc)
        await conn.execute(
            update(n).where(n.c.id == r.id).values(nik_enc=new.seal(nik), nik_index=new.index(nik))
        )
        counts["nominations"] += 1
    q = select(c.c.person_id, c.c.answers).where(cast(c.c.answers, String).like('%"nik":%'))
    for r in (await conn.execute(q)).all():
        answers = dict(r.answers)
        changed = False
        for key in DRAFTS:
            draft = dict(_draft(answers, key))
            if isinstance(draft.get("nik"), str) and draft["nik"]:
                draft["nik"] = reseal(draft["nik"])
                answers[key] = draft
                changed = True
        if changed:
            await conn.execute(
                update(c).where(c.c.person_id == r.person_id).values(answers=answers)
            )
            counts["conversations"] += 1
    for r in await conn.execute(select(k.c.id, k.c.nik_enc).where(k.c.nik_enc.is_not(None))):
        await conn.execute(update(k).where(k.c.id == r.id).values(nik_enc=reseal(r.nik_enc)))
        counts["claims"] += 1
    # A registry list is kept only as blind indexes under the old key, which cannot be turned
    # into the new key's without the clear NIKs: the lists go, and must be imported again.
    counts["registry"] = (await conn.execute(delete(t.registry_entries))).rowcount
    await conn.execute(delete(t.registry_lists))
    q = select(tk.c.id, tk.c.messages).where(cast(tk.c.messages, String).like("%[[#%"))
    for r in (await conn.execute(q)).all():  # numbers typed in "Tanya petugas" (issue 26)
        said = [{**m, "text": reseal_numbers(str(m.get("text", "")), reseal)} for m in r.messages]
        await conn.execute(update(tk).where(tk.c.id == r.id).values(messages=said))
        counts["tickets"] += 1
    # A rate limit's keyed account marks cannot be re-keyed either: a fresh count starts.
    await conn.execute(delete(t.account_marks))
    payload = cast(o.c.payload, String)
    q = select(o.c.id, o.c.payload).where(payload.like('%"nik":%') | payload.like('%"sealed":%'))
    for r in (await conn.execute(q)).all():
        await conn.execute(
            update(o).where(o.c.id == r.id).values(payload=_reseal_json(r.payload, reseal))
        )
        counts["outbox"] += 1
    await record_fingerprint(conn, new.fingerprint(), now)
    return counts
