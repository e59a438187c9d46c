"""external ids long enough for a WhatsApp business-scoped user id (up to 131 characters)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 06:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = (("people", "external_id"), ("outbox", "external_id"),
           ("broadcasts", "progress_external_id"))  # fmt: skip


def upgrade() -> None:
    for table, column in COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, existing_type=sa.String(64), type_=sa.String(160))


def downgrade() -> None:
    for table, column in COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, existing_type=sa.String(160), type_=sa.String(64))
