"""Suspicious mail the user has seen (issue 22 item 5).

`seen_at`: when the user said "seen" to a suspicious mail (`objection-tracker suspicious ack`);
None for every other finding and for suspicious mail not acknowledged yet. `status` then sums up
the seen ones in one line and lists only the new ones whole.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("seen_at", sa.DateTime(), nullable=True))  # naive UTC


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("seen_at")
