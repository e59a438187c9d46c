"""NIKs at rest: Fernet encryption plus a keyed blind index (HMAC-SHA256) for duplicates.

The index lets the database enforce "one active nomination per NIK" without ever holding a NIK
in clear; the key is not in the database, so the index cannot be reversed by trying every
possible NIK from a stolen copy.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
from functools import cached_property
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.fernet import Fernet


class KeyError_(Exception):
    pass


class NikVault:
    def __init__(self, fernet_key: bytes, index_key: bytes) -> None:
        try:  # Fernet's own rule, checked here so a bad key stops the start as before
            well_formed = len(base64.urlsafe_b64decode(fernet_key)) == 32
        except ValueError:
            well_formed = False
        if not well_formed:
            raise ValueError("Fernet key must be 32 url-safe base64-encoded bytes.")
        self._fernet_key = fernet_key
        self._index_key = index_key

    @cached_property
    def _fernet(self) -> Fernet:
        # The `cryptography` bindings (7 MB resident) load on the first NIK sealed or opened,
        # not at start-up: the key is checked by its HMAC fingerprint, and a webhook worker
        # answering greetings and buttons never needs them (issue 28)
        from cryptography.fernet import Fernet

        return Fernet(self._fernet_key)

    def seal(self, nik: str) -> str:
        return self._fernet.encrypt(nik.encode()).decode()

    def open(self, token: str) -> str:
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise KeyError_("NIK token does not open with this key") from exc

    def index(self, nik: str) -> str:
        return hmac.new(self._index_key, nik.encode(), sha256).hexdigest()

    def fingerprint(self) -> str:
        """A check value stored in the database: tells whether this is the key the sealed
        NIKs and blind indexes were made with (both halves), without revealing either."""
        return hmac.new(self._index_key, b"siaga key check:" + self._fernet_key, sha256).hexdigest()

    @staticmethod
    def from_string(value: str) -> NikVault:
        """'fernet_key:index_key', both url-safe base64 (SIAGA_NIK_KEY)."""
        fernet, _, index = value.partition(":")
        if not fernet or not index:
            raise KeyError_("SIAGA_NIK_KEY must be '<fernet key>:<index key>'")
        return NikVault(fernet.encode(), base64.urlsafe_b64decode(index))


def new_key_string() -> str:
    # a Fernet key is 32 random bytes in url-safe base64 (Fernet.generate_key does the same)
    halves = (base64.urlsafe_b64encode(os.urandom(32)).decode() for _ in range(2))
    return ":".join(halves)


def read_key_file(path: Path) -> dict[str, str] | None:
    """The key file's entries: "nik_key", and "next_key" while a rotation is under way."""
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return {k: str(v) for k, v in data.items() if k in ("nik_key", "next_key")}


def write_key_file(path: Path, entries: dict[str, str]) -> None:
    """Written whole beside the old one and renamed over it, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(json.dumps(entries))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def create_key_file(path: Path) -> None:
    """A new key, only where none exists (another process may have made it first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as f:
        f.write(json.dumps({"nik_key": new_key_string()}))
