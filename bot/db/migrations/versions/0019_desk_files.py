"""desk_files: a file an officer uploaded on the web console to answer a resident's question,
kept as long as the ticket_media row naming it (issue 30 item 1)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "desk_files",
        sa.Column("media_id", Id, sa.ForeignKey("ticket_media.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("desk_files")
