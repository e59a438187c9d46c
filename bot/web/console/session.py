"""The console's cookies and forms (HTTP's side of a session; who a session is, and when it
ends, is handlers/officers/console_login.py): the session cookie (HttpOnly, SameSite=Strict,
Secure behind HTTPS) names a session by the digest of its value; every form carries the
session's CSRF token, and a POST without it is refused."""

from __future__ import annotations

import base64
import hmac
import os
from typing import Any

from handlers.officers import Seat

COOKIE = "siaga_konsol"
PRESS = "siaga_masuk"  # the sign-in page's own cookie, sent back only from that page


def token() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")


def csrf_ok(seat: Seat, form: dict[str, Any]) -> bool:
    given = str(form.get("csrf") or "")
    return bool(given) and hmac.compare_digest(given.encode(), seat.csrf.encode())
