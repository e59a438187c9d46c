"""console_uploads: a checked BPJS confirmation file between its paged preview and "apply"
(issue 26 item 6)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "console_uploads",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("good", sa.JSON, nullable=False),
        sa.Column("bad", sa.JSON, nullable=False),
        sqlite_autoincrement=True,
    )  # fmt: skip
    op.create_index("ix_console_uploads_person", "console_uploads", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_console_uploads_person", "console_uploads")
    op.drop_table("console_uploads")
