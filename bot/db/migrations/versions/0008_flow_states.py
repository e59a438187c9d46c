"""flow states: a conversation's answers kept per flow (typed states under the flow's name)
instead of one flat dict of prefixed keys; a draft in progress keeps every answer

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Old flat key → (flow state, field). Keys not named here were never stored.
MOVES = {
    **{k: ("check", k) for k in (
        "name", "nik", "nik_masked", "nik_ok", "age_done", "stated_age", "kecamatan",
        "kelurahan", "occupation", "occupation_text", "occupation_pending", "occupation_done",
        "bpjs", "dtks", "heirs", "phone", "phone_done")},
    "_on_behalf": ("check", "on_behalf"), "_consent_ok": ("check", "consent_in_person"),
    "st_ref": ("status", "ref"),
    "rv_id": ("review", "nomination"), "rv_kel": ("review", "kelurahan"),
    "rv_skip": ("review", "skipped"),
    "bc_text": ("siaran", "text"), "bc_audience": ("siaran", "audience"),
    "bc_kel": ("siaran", "kelurahan"),
    "ai_id": ("answer_info", "nomination"),
}  # fmt: skip
STATES = {state for state, _ in MOVES.values()} | {"resume"}

conversations = sa.table("conversations", sa.column("person_id", sa.BigInteger),
                         sa.column("answers", sa.JSON))  # fmt: skip


def nested(flat: dict[str, Any]) -> dict[str, Any]:
    if any(k in STATES and isinstance(v, dict) for k, v in flat.items()):
        return flat  # already in the new shape
    out: dict[str, dict[str, Any]] = {}
    for key, value in flat.items():
        if key == "_resume" and isinstance(value, list) and len(value) == 2:
            out["resume"] = {"flow": value[0], "step": value[1]}
        elif key in MOVES:
            state, field = MOVES[key]
            out.setdefault(state, {})[field] = value
    return out


def flat(states: dict[str, Any]) -> dict[str, Any]:
    back = {(s, f): k for k, (s, f) in MOVES.items()}
    out: dict[str, Any] = {}
    for state, fields in states.items():
        if state == "resume" and isinstance(fields, dict):
            out["_resume"] = [fields.get("flow", "idle"), fields.get("step", "")]
        elif isinstance(fields, dict):
            out.update({back[(state, f)]: v for f, v in fields.items() if (state, f) in back})
    return out


def _rewrite(change: Any) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.select(conversations.c.person_id, conversations.c.answers)).all()
    for person_id, answers in rows:
        if answers:
            bind.execute(
                conversations.update()
                .where(conversations.c.person_id == person_id)
                .values(answers=change(dict(answers)))
            )


def upgrade() -> None:
    _rewrite(nested)


def downgrade() -> None:
    _rewrite(flat)
