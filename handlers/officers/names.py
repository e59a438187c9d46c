"""How officers are named: to a citizen by their role only ("Petugas Kelurahan Kelun"),
never their own account; to the Dinas and each other by the name their platform gives."""

from __future__ import annotations

from handlers.core.messages import Msg, Raw
from handlers.core.ports import Context
from handlers.core.records import Person, Role


def kel_name(ctx: Context, code: str | None) -> str:
    kel = ctx.program.regions.kelurahan_by_code(code or "")
    return kel.name if kel else "-"


def role_label(ctx: Context, officer: Person) -> Msg:
    """An officer as a citizen sees them."""
    if officer.role is Role.LURAH and officer.kelurahan_code:
        return Msg("officer-role-kelurahan", {"kelurahan": kel_name(ctx, officer.kelurahan_code)})
    return Msg("officer-role-dinas")


def name_of(ctx: Context, officer: Person) -> Msg:
    """An officer as colleagues see them: "Bu Sri (Petugas Kelurahan Kelun)", or the role
    alone when no name is known."""
    if officer.display_name:
        return Msg("officer-named", {"name": Raw(officer.display_name),
                                     "role": role_label(ctx, officer)})  # fmt: skip
    return role_label(ctx, officer)
