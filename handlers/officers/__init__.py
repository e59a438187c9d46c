"""Officers: reviewers and their invites, the console's sign-in, the audit trail.

The public surface other capabilities and the doors (the console, the command line) use; the
modules inside are this capability's own (an import-linter contract keeps it so)."""

from __future__ import annotations

from handlers.core.capability import Capability
from handlers.officers import admin, console_login
from handlers.officers.admin import (
    create_invite,
    invite_hint,
    invites,
    redeem,
    remove_reviewer,
    reviewer_people,
    reviewers,
    revoke_invite,
)
from handlers.officers.audit import trail
from handlers.officers.console_login import (
    IDLE,
    LINK_MINUTES,
    Seat,
    link_owner,
    seat,
    sign_in_for,
    sign_out,
    use_link,
)
from handlers.officers.port import OfficersStore
from handlers.officers.records import AuditEntry, ConsoleSession, Invite

CAPABILITY = Capability(
    "officers",
    commands=(*admin.COMMANDS, *console_login.COMMANDS),
    deep_link=redeem,
)

__all__ = [
    "CAPABILITY",
    "IDLE",
    "LINK_MINUTES",
    "AuditEntry",
    "ConsoleSession",
    "Invite",
    "OfficersStore",
    "Seat",
    "create_invite",
    "invite_hint",
    "invites",
    "link_owner",
    "remove_reviewer",
    "reviewer_people",
    "reviewers",
    "revoke_invite",
    "seat",
    "sign_in_for",
    "sign_out",
    "trail",
    "use_link",
]  # fmt: skip
