"""When a mail arrived, and when a DKIM key DNS could not give is looked up again (issue 20).

`arrived_at`: when the user's server received the mail (IMAP INTERNALDATE on sync, the topmost
Received header on import); None for findings recorded before. A mail dated after it arrived is
ordered by arrival: its Date is whatever the sender wrote. `dkim_recheck_at`: a temperror is
checked again from this time on, with back-off, not on every run.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("arrived_at", sa.DateTime(), nullable=True))  # naive UTC
        batch.add_column(sa.Column("dkim_recheck_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("dkim_recheck_at")
        batch.drop_column("arrived_at")
