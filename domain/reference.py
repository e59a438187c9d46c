"""Nomination reference codes like PJK-7K3Q9: short, read aloud over the phone, typed back.

No 0/O or 1/I/L so a citizen copying from a screenshot cannot confuse them. The random bytes
come from the caller (domain/ does no I/O).
"""

from __future__ import annotations

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "PJK"
LENGTH = 5


def make_reference(random_bytes: bytes) -> str:
    if len(random_bytes) < LENGTH:
        raise ValueError("need at least 5 random bytes")
    chars = "".join(ALPHABET[b % len(ALPHABET)] for b in random_bytes[:LENGTH])
    return f"{PREFIX}-{chars}"


def parse_reference(text: str) -> str | None:
    raw = "".join(c for c in text.upper() if c.isalnum())
    if raw.startswith(PREFIX):
        raw = raw[len(PREFIX) :]
    if len(raw) != LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return f"{PREFIX}-{raw}"
