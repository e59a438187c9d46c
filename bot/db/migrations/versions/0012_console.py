"""console_links and console_sessions: the web console's one-time sign-in links and sessions
(only SHA-256 digests of the tokens are stored)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "console_links",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
    )  # fmt: skip
    op.create_table(
        "console_sessions",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("kelurahan_code", sa.String(32)),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )  # fmt: skip
    op.create_index("ix_console_sessions_person", "console_sessions", ["person_id"])
    # the console's overview counts nominations per kelurahan and status with their oldest
    # and latest times: all four columns in the index, so the count needs no table reads
    op.create_index("ix_nominations_overview", "nominations",
                    ["kelurahan_code", "status", "created_at", "updated_at"])  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_nominations_overview", "nominations")
    op.drop_index("ix_console_sessions_person", "console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("console_links")
