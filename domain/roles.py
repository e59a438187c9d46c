"""Who may do what: checked on the server for every lurah or admin action, every time.

A reviewer (the lurah or their staff) acts only on their own kelurahan; an admin of the Dinas
acts on any. Citizens act only on their own nominations, and never through these actions.
"""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    VIEW_QUEUE = "view_queue"
    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_INFO = "request_info"
    NOMINATE_ON_BEHALF = "nominate_on_behalf"
    INVITE = "invite"
    SET_QUOTA = "set_quota"
    LIST_REVIEWERS = "list_reviewers"
    REMOVE_REVIEWER = "remove_reviewer"
    EXPORT = "export"
    MARK_REGISTERED = "mark_registered"
    VIEW_STATS = "view_stats"
    BROADCAST = "broadcast"


_REVIEWER_ACTIONS = frozenset(
    {Action.VIEW_QUEUE, Action.APPROVE, Action.REJECT, Action.REQUEST_INFO,
     Action.NOMINATE_ON_BEHALF}
)  # fmt: skip


def allowed(
    role: str, action: Action, own_kelurahan: str | None, target_kelurahan: str | None
) -> bool:
    """role is "citizen", "lurah" or "admin"; target_kelurahan is the kelurahan acted on
    (None for city-wide actions such as setting the quota)."""
    if role == "admin":
        return True
    if role == "lurah" and action in _REVIEWER_ACTIONS:
        return own_kelurahan is not None and own_kelurahan == target_kelurahan
    if role == "lurah" and action is Action.VIEW_STATS:
        # the city's figures are counts, no one's data: a reviewer sees them too (issue 18)
        return own_kelurahan is not None and target_kelurahan is None
    return False
