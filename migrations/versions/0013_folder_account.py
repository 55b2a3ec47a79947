"""Which account a folder's progress was read from (folder_states.account).

A mailbox keeps its name when its server or user is changed in the config; the new account's
folder can have the old one's UIDVALIDITY, and its mail under the old next UID was taken for read.
None: recorded before this revision, taken to be the configured account.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("folder_states") as batch:
        batch.add_column(sa.Column("account", sa.String(700), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("folder_states") as batch:
        batch.drop_column("account")
