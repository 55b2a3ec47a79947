"""The first schema: processed messages, accounts, findings, links, marks, folder states.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processed_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mailbox", sa.String(200), nullable=False),
        sa.Column("folder", sa.String(1000), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("message_key", sa.String(1000), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("processed_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("mailbox", "folder", "uidvalidity", "uid", name="uq_processed_key"),
    )
    op.create_index("ix_processed_message_key", "processed_messages", ["message_key"])
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("account", sa.String(320), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("platform", "account", name="uq_account"),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_key", sa.String(1000), nullable=False, unique=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("message_id", sa.String(1000), nullable=True),
        sa.Column("date", sa.DateTime(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sender", sa.Text(), nullable=False),
        sa.Column("address", sa.String(320), nullable=True),
        sa.Column("language", sa.String(10), nullable=True),
        sa.Column("mailbox", sa.String(200), nullable=False),
        sa.Column("folder", sa.String(1000), nullable=False),
        sa.Column("objection_url", sa.Text(), nullable=True),
        sa.Column("covers_linked", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_findings_account_id", "findings", ["account_id"])
    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("finding_id", sa.Integer(), sa.ForeignKey("findings.id"), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.UniqueConstraint("finding_id", "url", name="uq_link"),
    )
    op.create_index("ix_links_finding_id", "links", ["finding_id"])
    op.create_table(
        "marks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_marks_account_id", "marks", ["account_id"])
    op.create_table(
        "folder_states",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mailbox", sa.String(200), nullable=False),
        sa.Column("folder", sa.String(1000), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("next_uid", sa.BigInteger(), nullable=False),
        sa.Column("highest_modseq", sa.BigInteger(), nullable=True),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("mailbox", "folder", name="uq_folder_state"),
    )


def downgrade() -> None:
    for table in ("folder_states", "marks", "links", "findings", "accounts", "processed_messages"):
        op.drop_table(table)
