"""trust: the NIK key's check value, outbox rows tied to the person they name, and ids never
reused on SQLite (AUTOINCREMENT)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")
# Tables whose rows are deleted (erasure, purges) and whose ids other rows refer to: on SQLite
# an INTEGER PRIMARY KEY without AUTOINCREMENT hands the highest deleted id to the next row,
# and a new person would inherit a forgotten person's audit rows. PostgreSQL's sequences never
# go back, so only SQLite's tables are rebuilt.
NUMBERED = ("people", "consents", "nominations", "audit_log", "outbox", "invites", "quotas",
            "broadcasts")  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "key_check",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.add_column("outbox", sa.Column("about_person", Id))
    op.create_index("ix_outbox_about_person", "outbox", ["about_person"])
    if op.get_bind().dialect.name == "sqlite":
        # bot/db/migrate.py runs this with foreign keys off: dropping the old table would
        # otherwise cascade its deletion into the tables that refer to it
        for table in NUMBERED:
            with op.batch_alter_table(
                table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
            ):
                pass


def downgrade() -> None:
    op.drop_index("ix_outbox_about_person", "outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("about_person")
    op.drop_table("key_check")
