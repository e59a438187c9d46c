"""Which NIK key opens this database, decided once at start; and key rotation.

A key is generated only for a database that holds nothing sealed. A missing key file (or
SIAGA_NIK_KEY) over sealed NIKs, or a key that is not the one they were sealed with, stops the
start with a clear message: a new key would seal new NIKs that the old index cannot match, so
one NIK could hold two active nominations, and every old NIK would be unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.config import Settings
from bot.crypto import (
    KeyError_,
    NikVault,
    create_key_file,
    new_key_string,
    read_key_file,
    write_key_file,
)
from bot.db.aio import AsyncEngine
from bot.db.keyring import a_sealed_nik, record_fingerprint, reseal_all, stored_fingerprint


class KeyProblem(Exception):
    """The key does not fit the database: the message says what is wrong and what to do.
    Not fatal only for an empty database whose key is simply not made yet (doctor warns)."""

    def __init__(self, message: str, fatal: bool = True) -> None:
        super().__init__(message)
        self.fatal = fatal


def key_path(settings: Settings) -> Path:
    return settings.data_dir / "siaga.key"


@dataclass(frozen=True)
class _Candidate:
    string: str
    vault: NikVault


def _candidates(settings: Settings) -> list[_Candidate]:
    env = settings.nik_key.get_secret_value()
    if env:
        return [_Candidate(env, NikVault.from_string(env))]
    entries = read_key_file(key_path(settings)) or {}
    return [_Candidate(entries[k], NikVault.from_string(entries[k]))
            for k in ("nik_key", "next_key") if k in entries]  # fmt: skip


def _missing(settings: Settings) -> KeyProblem:
    return KeyProblem(
        f"Kunci NIK tidak ditemukan ({key_path(settings)} atau SIAGA_NIK_KEY), padahal basis "
        "data menyimpan NIK terenkripsi. Siaga tidak membuat kunci baru di atas data lama: "
        "pulihkan siaga.key dari cadangan (atau isi SIAGA_NIK_KEY), lalu jalankan lagi."
    )


def _mismatch(settings: Settings) -> KeyProblem:
    where = "SIAGA_NIK_KEY" if settings.nik_key.get_secret_value() else str(key_path(settings))
    return KeyProblem(
        f"Kunci NIK di {where} bukan kunci yang dipakai untuk NIK di basis data ini. "
        "Pasang kunci yang benar dari cadangan; Siaga tidak berjalan dengan kunci yang salah."
    )


async def open_vault(
    settings: Settings, engine: AsyncEngine, now: datetime, create: bool = True
) -> NikVault:
    """The key for this database. With create=False (doctor) nothing is written."""
    candidates = _candidates(settings)
    async with engine.connect() as conn:
        await conn.begin()
        stored = await stored_fingerprint(conn)
        if not candidates:
            if stored or await a_sealed_nik(conn):
                raise _missing(settings)
            if not create:
                raise KeyProblem(
                    f"{key_path(settings)} belum ada; dibuat saat pertama berjalan", fatal=False
                )
            create_key_file(key_path(settings))
            candidates = _candidates(settings)
        if stored:
            chosen = next((c for c in candidates if c.vault.fingerprint() == stored), None)
            if chosen is None:
                raise _mismatch(settings)
            if create and len(candidates) > 1:
                # a rotation stopped between its commit and the key file: the database says
                # which key won; the file keeps only that one
                write_key_file(key_path(settings), {"nik_key": chosen.string})
            return chosen.vault
        chosen = candidates[0]
        sample = await a_sealed_nik(conn)  # a database from before the check value
        if sample is not None:
            try:
                chosen.vault.open(sample)
            except KeyError_:
                raise _mismatch(settings) from None
        if create and await record_fingerprint(conn, chosen.vault.fingerprint(), now):
            await conn.commit()
        return chosen.vault


async def rotate(
    settings: Settings, engine: AsyncEngine, now: datetime
) -> tuple[str, dict[str, int]]:
    """Re-seal every NIK under a new key in one transaction. The old key stays in the key
    file (as nik_key, the new one as next_key) until the transaction has committed; a crash
    in between is settled at the next start by the check value. Returns the new key string
    (to be put in SIAGA_NIK_KEY where the key comes from the environment) and the counts."""
    old = await open_vault(settings, engine, now, create=False)
    current = next(c for c in _candidates(settings) if c.vault.fingerprint() == old.fingerprint())
    fresh = new_key_string()
    new = NikVault.from_string(fresh)
    from_file = not settings.nik_key.get_secret_value()
    if from_file:
        write_key_file(key_path(settings), {"nik_key": current.string, "next_key": fresh})
    async with engine.connect() as conn:
        await conn.begin()
        counts = await reseal_all(conn, old, new, now)
        await conn.commit()
    if from_file:
        write_key_file(key_path(settings), {"nik_key": fresh})
    return fresh, counts
