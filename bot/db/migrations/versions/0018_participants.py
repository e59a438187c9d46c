"""participants: the people already covered, their links and their yearly renewal (issue 29)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "participants",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("nik_index", sa.String(64), nullable=False),
        sa.Column("sealed", sa.Text, nullable=False),
        sa.Column("nik_masked", sa.String(32), nullable=False),
        sa.Column("hp_index", sa.String(64)),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kelurahan_code", sa.String(16), nullable=False),
        sa.Column("segment", sa.String(8), nullable=False, server_default=""),
        sa.Column("occupation", sa.String(80), nullable=False, server_default=""),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.text("true")),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", Id, sa.ForeignKey("people.id", ondelete="SET NULL",
                  name="fk_participants_person_id_people")),
        sa.Column("linked_via", sa.String(16)),
        sa.Column("linked_at", sa.DateTime(timezone=True)),
        sa.Column("phone_refused", sa.Boolean, nullable=False, server_default=sa.text("false")),
        sa.Column("renewal", sa.String(16)),
        sa.Column("renewal_reason", sa.String(16)),
        sa.Column("renewal_note", sa.Text),
        sa.Column("renewal_by", Id),
        sa.Column("renewal_at", sa.DateTime(timezone=True)),
        sa.Column("resident_said", sa.String(8)),
        sa.Column("resident_asked_at", sa.DateTime(timezone=True)),
        sa.Column("escalated_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("nik_index", name="uq_participants_nik_index"),
        sqlite_autoincrement=True,
    )  # fmt: skip
    op.create_index("ix_participants_hp", "participants", ["hp_index"])
    op.create_index("ix_participants_person", "participants", ["person_id"])
    op.create_index("ix_participants_kel_end", "participants", ["kelurahan_code", "end"])


def downgrade() -> None:
    for name in ("ix_participants_kel_end", "ix_participants_person", "ix_participants_hp"):
        op.drop_index(name, "participants")
    op.drop_table("participants")
