"""unclear_messages: messages Siaga did not understand, or read wrongly, kept masked for 90 days
for the Dinas to label for the reader's next training (issue 27, point 7)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "unclear_messages",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("place", sa.String(16), nullable=False),
        sa.Column("lang", sa.String(4), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reading", sa.String(64)),
        sa.Column("confidence", sa.Float),
        sa.Column("chosen", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(120)),
        sa.Column("labelled_by", Id),
        sa.Column("labelled_at", sa.DateTime(timezone=True)),
        sqlite_autoincrement=True,
    )  # fmt: skip
    op.create_index("ix_unclear_messages_person", "unclear_messages", ["person_id", "created_at"])
    op.create_index("ix_unclear_messages_created", "unclear_messages", ["created_at"])
    op.create_index("ix_unclear_messages_label", "unclear_messages", ["label", "id"])


def downgrade() -> None:
    op.drop_index("ix_unclear_messages_label", "unclear_messages")
    op.drop_index("ix_unclear_messages_created", "unclear_messages")
    op.drop_index("ix_unclear_messages_person", "unclear_messages")
    op.drop_table("unclear_messages")
