"""claims, claim_children, registry_lists, registry_entries: claim cases for the Dinas and
the registry lists (blind indexes only) the verdict is checked against (issue 20)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("traffic", sa.Boolean, nullable=False, server_default=sa.text("false")),
        sa.Column("nomination_id", Id, sa.ForeignKey("nominations.id", ondelete="SET NULL")),
        sa.Column("reporter_id", Id, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("named", sa.Text),
        sa.Column("nik_enc", sa.Text),
        sa.Column("kelurahan_code", sa.String(32)),
        sa.Column("amount", sa.BigInteger),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("reminded_at", sa.DateTime(timezone=True)),
        sa.Column("letter_asked_at", sa.DateTime(timezone=True)),
        sa.Column("paid_at", sa.DateTime(timezone=True)),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_claims_status", "claims", ["status", "due_on"])
    op.create_index("ix_claims_reporter", "claims", ["reporter_id"])
    op.create_table(
        "claim_children",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("claim_id", Id, sa.ForeignKey("claims.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("birth_year", sa.Integer, nullable=False),
        sa.Column("next_on", sa.Date),
        sqlite_autoincrement=True,
    )  # fmt: skip
    op.create_index("ix_claim_children_next", "claim_children", ["next_on"])
    op.create_table(
        "registry_lists",
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "registry_entries",
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("nik_index", sa.String(64), primary_key=True),
        sa.Column("desil", sa.Integer),
        sa.Column("segment", sa.String(8)),
    )


def downgrade() -> None:
    op.drop_table("registry_entries")
    op.drop_table("registry_lists")
    op.drop_index("ix_claim_children_next", "claim_children")
    op.drop_table("claim_children")
    op.drop_index("ix_claims_reporter", "claims")
    op.drop_index("ix_claims_status", "claims")
    op.drop_table("claims")
