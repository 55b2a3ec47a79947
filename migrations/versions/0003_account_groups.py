"""Accounts Center groups: which accounts the user linked (one objection covers a group).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False, unique=True),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_group_members_group_id", "group_members", ["group_id"])


def downgrade() -> None:
    op.drop_index("ix_group_members_group_id", table_name="group_members")
    op.drop_table("group_members")
