"""broadcasts, outbox claims, opt-in as yes/no/never asked

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "broadcasts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True,
                  nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("audience", sa.String(length=24), nullable=False),
        sa.Column("kelurahan_code", sa.String(length=16)),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("progress_channel", sa.String(length=16)),
        sa.Column("progress_external_id", sa.String(length=64)),
        sa.Column("progress_message_id", sa.String(length=128)),
        sa.Column("progress_text", sa.Text()),
        sa.Column("progress_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    )  # fmt: skip
    op.create_index("ix_broadcasts_status", "broadcasts", ["status"])
    op.add_column("outbox", sa.Column("claimed_at", sa.DateTime(timezone=True)))
    op.create_index("ix_outbox_broadcast", "outbox", ["broadcast_id", "status"])
    # "Never asked" and "said no" are different answers: only the second is an opt-out.
    with op.batch_alter_table("people") as batch:
        batch.alter_column(
            "broadcast_opt_in", existing_type=sa.Boolean(), nullable=True, server_default=None
        )
    op.execute(
        "UPDATE people SET broadcast_opt_in = NULL WHERE broadcast_opt_in = false AND id NOT IN "
        "(SELECT person_id FROM consents WHERE kind = 'broadcast')"
    )


def downgrade() -> None:
    op.execute("UPDATE people SET broadcast_opt_in = false WHERE broadcast_opt_in IS NULL")
    with op.batch_alter_table("people") as batch:
        batch.alter_column(
            "broadcast_opt_in", existing_type=sa.Boolean(), nullable=False,
            server_default=sa.text("false"),
        )  # fmt: skip
    op.drop_index("ix_outbox_broadcast", "outbox")
    op.drop_column("outbox", "claimed_at")
    op.drop_index("ix_broadcasts_status", "broadcasts")
    op.drop_table("broadcasts")
