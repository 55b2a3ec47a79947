"""Flow mails keep their raw bytes and the tracker's own DKIM verdict (issue 14).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("raw", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("dkim_result", sa.String(20), nullable=True))
        batch.add_column(sa.Column("dkim_domain", sa.String(255), nullable=True))
        batch.add_column(sa.Column("dkim_selector", sa.String(255), nullable=True))
        batch.add_column(sa.Column("dkim_detail", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        for name in ("dkim_detail", "dkim_selector", "dkim_domain", "dkim_result", "raw"):
            batch.drop_column(name)
