"""Remember the `since` each folder was scanned with, so moving it earlier reads the older mail.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("folder_states") as batch:
        batch.add_column(sa.Column("scanned_since", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("folder_states") as batch:
        batch.drop_column("scanned_since")
