"""people.waiting_since and outbox.pieces: messages that wait for a WhatsApp user outside the
24-hour window (status "waiting", one "news" template per wait), and the platform messages of
a row that already went, so a retry sends only the rest (issue 26 items 9 and 13)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as b:
        b.add_column(sa.Column("waiting_since", sa.DateTime(timezone=True)))
    with op.batch_alter_table("outbox") as b:
        b.add_column(sa.Column("pieces", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as b:
        b.drop_column("pieces")
    with op.batch_alter_table("people") as b:
        b.drop_column("waiting_since")
