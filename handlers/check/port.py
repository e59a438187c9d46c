"""What the check needs from storage: the person's consent, the NIK sealed and opened, the
nomination it files (one active per NIK) with what the Dinas's lists say for the officers'
copy; and, through nominations' public use cases, the notices of a filing and an answer to a
lurah's question."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from handlers.core.capability import Context
from handlers.core.port import AccountLimits
from handlers.nominations import Decisions, Nomination, Notices, RegistryFacts


class CheckStore(Decisions, Notices, AccountLimits, Protocol):
    async def record_consent(
        self, person_id: int, kind: str, version: str, granted: bool, now: datetime,
        given_via: int | None = None,
    ) -> None: ...  # fmt: skip
    # NIK at rest: encrypted, with a keyed blind index for the duplicate check.
    def seal_nik(self, nik: str) -> str: ...
    def open_nik(self, sealed: str) -> str: ...
    async def active_nomination_for_nik(self, nik: str) -> Nomination | None: ...
    async def add_nomination(
        self, *, ref: str, person_id: int | None, filed_by: int | None, kelurahan_code: str,
        name: str, nik: str, nik_masked: str, answers: dict[str, Any], verdict: str,
        reasons: list[str], priority: int, now: datetime, on_behalf: bool = False,
    ) -> Nomination: ...  # fmt: skip
    async def nominations_of(self, person_id: int) -> list[Nomination]: ...
    async def registry_facts(self, nik: str) -> RegistryFacts: ...


Ctx = Context[CheckStore]
