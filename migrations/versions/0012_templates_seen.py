"""What each mailbox's Meta mail of a template turned out to be (issue 21 item 1).

A template (Meta's campaign, or a subject's shape, per sender address) whose read mails were
only ever everyday settles its next mails from the header, whatever their language.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "templates_seen",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mailbox", sa.String(200), nullable=False),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("shape", sa.String(700), nullable=False),
        sa.Column("everyday", sa.Integer(), nullable=False),
        sa.Column("other", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("mailbox", "template", name="uq_template_seen"),
    )


def downgrade() -> None:
    op.drop_table("templates_seen")
