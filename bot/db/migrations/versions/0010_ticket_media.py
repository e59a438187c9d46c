"""ticket media and timing: forwarded media by reference only, escalation and quiet release

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("tickets") as b:
        b.add_column(sa.Column("last_at", sa.DateTime(timezone=True)))
        b.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True)))
    op.execute("UPDATE tickets SET last_at = created_at")
    op.create_index("ix_tickets_status_last", "tickets", ["status", "last_at"])
    op.create_table(
        "ticket_media",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", Id, sa.ForeignKey("tickets.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref", sa.String(512), nullable=False),
        sa.Column("mime", sa.String(100), nullable=False, server_default=""),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
        sa.Column("seconds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )  # fmt: skip
    op.create_index("ix_ticket_media_ticket", "ticket_media", ["ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_ticket_media_ticket", "ticket_media")
    op.drop_table("ticket_media")
    op.drop_index("ix_tickets_status_last", "tickets")
    with op.batch_alter_table("tickets") as b:
        b.drop_column("escalated_at")
        b.drop_column("last_at")
