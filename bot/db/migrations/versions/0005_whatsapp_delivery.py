"""outbox: WhatsApp delivery statuses and template sends

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 05:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("delivery", sa.String(length=16)))
    op.add_column(
        "outbox",
        sa.Column("template", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.create_index("ix_outbox_provider_message", "outbox", ["provider_message_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_provider_message", "outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("template")
        batch.drop_column("delivery")
