"""A third-party reply's request state (issue 23): submitted | needs_information | answered.

Before it, Meta's replies to the third-party-information form were recorded as rejections of the
objection. Those that link that form (the structure the recogniser reads first) become
third_party_reply needing information, as the recogniser reads them now; the rest stay as they are.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("findings", sa.Column("request_state", sa.String(30), nullable=True))
    op.execute(sa.text(
        "UPDATE findings SET kind = 'third_party_reply', request_state = 'needs_information' "
        "WHERE kind = 'rejection' AND id IN "
        "(SELECT finding_id FROM links WHERE role = 'third_party_form')"))


def downgrade() -> None:
    op.execute(sa.text("UPDATE findings SET kind = 'rejection' WHERE kind = 'third_party_reply' "
                       "AND request_state = 'needs_information'"))
    # Not batch mode: on SQLite that copies findings into a new table, which links' foreign key
    # refuses; DROP COLUMN itself works on PostgreSQL and on SQLite since 3.35 (2021).
    op.execute(sa.text("ALTER TABLE findings DROP COLUMN request_state"))
