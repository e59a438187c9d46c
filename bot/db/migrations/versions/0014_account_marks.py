"""account_marks: per-account daily limits that outlive an erasure, keyed by an HMAC of the
account (issue 26, item 18)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-10 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "account_marks",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_account_marks_action", "account_marks", ["action", "account", "at"])


def downgrade() -> None:
    op.drop_index("ix_account_marks_action", "account_marks")
    op.drop_table("account_marks")
