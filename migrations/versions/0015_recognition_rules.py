"""Which recognition rules the stored findings were read by (recognition_rules, one row).

`version` is tracker.recognition.version.RULES as of the last time every stored flow mail was
read: when the tool's rules are newer, the next sync or import reads them again from their stored
bytes (tracker.reread) and records its own. 0: findings recorded before this revision, by rules
that had no number; a database made now starts there too, and its first sync records the number.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "recognition_rules",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reread_at", sa.DateTime(), nullable=True),  # naive UTC
    )
    op.bulk_insert(table, [{"id": 1, "version": 0, "reread_at": None}])


def downgrade() -> None:
    op.drop_table("recognition_rules")
