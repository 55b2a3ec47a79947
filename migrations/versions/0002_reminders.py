"""Reminders sent: one row per account per channel per digest, for throttling and history.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminders_sent",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("channel", sa.String(100), nullable=False),
        sa.Column("reason", sa.String(30), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),  # naive UTC, as in 0001
    )
    op.create_index("ix_reminders_sent_account_channel", "reminders_sent", ["account_id", "channel"])


def downgrade() -> None:
    op.drop_table("reminders_sent")
