"""People and several hosts: the reminder history per person; when each mailbox was last synced.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "" is the config's owner: every reminder sent before [[people]] existed went to them.
    with op.batch_alter_table("reminders_sent") as batch:
        batch.add_column(sa.Column("person", sa.String(200), nullable=False, server_default=""))
    op.create_table(
        "mailbox_syncs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mailbox", sa.String(200), nullable=False, unique=True),
        sa.Column("finished_at", sa.DateTime(), nullable=False),  # naive UTC, as in 0001
        sa.Column("host", sa.String(300), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("mailbox_syncs")
    with op.batch_alter_table("reminders_sent") as batch:
        batch.drop_column("person")
