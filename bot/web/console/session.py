"""Who is at the console: a session cookie (HttpOnly, SameSite=Strict, Secure behind HTTPS)
naming a session row by the digest of its token; idle for 30 minutes, or the person's role or
kelurahan changed since the link was made, and it is over. Every form carries the session's
CSRF token; a POST without it is refused."""

from __future__ import annotations

import base64
import hmac
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.db.store import SqlStore
from handlers.core.records import Person, Role
from handlers.officers.console_login import digest

COOKIE = "siaga_konsol"
IDLE = timedelta(minutes=30)


def token() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")


@dataclass(frozen=True)
class Seat:
    """A signed-in officer, as of this request."""

    person: Person
    csrf: str
    digest: str

    @property
    def kelurahan(self) -> str | None:
        """A lurah's own kelurahan; None for the Dinas (all of them)."""
        return self.person.kelurahan_code if self.person.role is Role.LURAH else None


async def open_session(store: SqlStore, person: Person, now: datetime) -> str:
    """A new session for the person; returns the cookie's value (shown once, kept hashed)."""
    value = token()
    await store.add_console_session(digest(value), person.id, person.role.value,
                                    person.kelurahan_code, token(), now)  # fmt: skip
    await store.audit(actor=person.id, action="console.signed_in", now=now, detail="via console")
    return value


async def seat(store: SqlStore, cookie: str | None, now: datetime) -> tuple[Seat | None, str]:
    """The officer behind a cookie, or None and why ("" no session, "idle", "changed")."""
    if not cookie:
        return None, ""
    key = digest(cookie)
    row = await store.console_session(key)
    if row is None:
        return None, ""
    if now - row.seen_at > IDLE:
        await store.end_console_session(key)
        return None, "idle"
    person = await store.person_by_id(row.person_id)
    if person is not None:
        await store.follow_admin_setting(person, now)  # SIAGA_ADMINS as it is today
    if (person is None or person.role.value != row.role
            or person.kelurahan_code != row.kelurahan_code
            or person.role not in (Role.LURAH, Role.ADMIN)):  # fmt: skip
        await store.end_console_session(key)  # rights taken away: this session is over
        return None, "changed"
    await store.touch_console_session(key, now)
    return Seat(person, row.csrf, key), ""


def csrf_ok(seat: Seat, form: dict[str, Any]) -> bool:
    given = str(form.get("csrf") or "")
    return bool(given) and hmac.compare_digest(given.encode(), seat.csrf.encode())
