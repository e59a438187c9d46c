"""How places and officers are named. A kelurahan by its name; the kelurahan an admin names
after a command ("/antrian kelun"). An officer to a citizen by their role only ("Petugas
Kelurahan Kelun"), never their own account; to the Dinas and each other by the name their
platform gives."""

from __future__ import annotations

from typing import Any

from handlers.core.capability import Context
from handlers.core.messages import Msg, Raw
from handlers.core.records import Person, Role

Ctx = Context[Any]


def kel_name(ctx: Ctx, code: str | None, unknown: str = "-") -> str:
    """A kelurahan's name; `unknown` for none (or the code itself, where a code is better)."""
    kel = ctx.program.regions.kelurahan_by_code(code or "")
    return kel.name if kel else unknown


def named_kelurahan(ctx: Ctx, person: Person, text: str) -> str | None:
    """The kelurahan an admin names after a command; None for anyone else or no match."""
    if person.role is not Role.ADMIN or not text.strip():
        return None
    found = ctx.program.regions.kelurahan_named(text)
    return found.code if found else None


def role_label(ctx: Ctx, officer: Person) -> Msg:
    """An officer as a citizen sees them."""
    if officer.role is Role.LURAH and officer.kelurahan_code:
        return Msg("officer-role-kelurahan", {"kelurahan": kel_name(ctx, officer.kelurahan_code)})
    return Msg("officer-role-dinas")


def name_of(ctx: Ctx, officer: Person) -> Msg:
    """An officer as colleagues see them: "Bu Sri (Petugas Kelurahan Kelun)", or the role
    alone when no name is known."""
    if officer.display_name:
        return Msg("officer-named", {"name": Raw(officer.display_name),
                                     "role": role_label(ctx, officer)})  # fmt: skip
    return role_label(ctx, officer)
