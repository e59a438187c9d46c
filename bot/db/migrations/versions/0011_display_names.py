"""people.display_name: the name an officer goes by in lists (never kept for citizens)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 03:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as b:
        b.add_column(sa.Column("display_name", sa.String(100)))


def downgrade() -> None:
    with op.batch_alter_table("people") as b:
        b.drop_column("display_name")
