"""tickets: "Tanya petugas", a citizen's question held by one officer at a time

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("kelurahan_code", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("held_by", Id, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("messages", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True)),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("rating", sa.Integer),
        sqlite_autoincrement=True,
    )  # fmt: skip
    op.create_index("ix_tickets_person", "tickets", ["person_id", "status"])
    op.create_index("ix_tickets_held_by", "tickets", ["held_by", "status"])


def downgrade() -> None:
    op.drop_index("ix_tickets_held_by", "tickets")
    op.drop_index("ix_tickets_person", "tickets")
    op.drop_table("tickets")
