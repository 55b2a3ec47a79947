"""Messenger's mail counts for the Facebook account: each `messenger:` account joins `facebook:` of
the same address. Messenger has no account or objection of its own (field guide: Meta mails each
Facebook and Instagram account; Messenger sends from facebookmail.com, to the Facebook account's
address), so a `messenger:` row stood in the status as NEEDS ACTION for good. Its findings,
marks, reminders and Accounts Center link move with it, as 0008 moved Threads into Instagram.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

MOVED = ("findings", "marks", "reminders_sent")  # the tables that hold an account's history


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, account, first_seen_at FROM accounts WHERE platform = 'messenger'")).all()
    for messenger_id, name, first_seen in rows:
        facebook = conn.execute(sa.text(
            "SELECT id, first_seen_at FROM accounts WHERE platform = 'facebook' AND account = :name"),
            {"name": name}).first()
        if facebook is None:
            conn.execute(sa.text("UPDATE accounts SET platform = 'facebook' WHERE id = :id"),
                         {"id": messenger_id})
            continue
        facebook_id = facebook[0]
        for table in MOVED:
            conn.execute(sa.text(f"UPDATE {table} SET account_id = :to WHERE account_id = :from"),
                         {"to": facebook_id, "from": messenger_id})
        _merge_group(conn, messenger_id, facebook_id)
        if first_seen < facebook[1]:
            conn.execute(sa.text("UPDATE accounts SET first_seen_at = :at WHERE id = :id"),
                         {"at": first_seen, "id": facebook_id})
        conn.execute(sa.text("DELETE FROM accounts WHERE id = :id"), {"id": messenger_id})
    # A Messenger row linked only to its own Facebook account leaves a group of one.
    conn.execute(sa.text(
        "DELETE FROM group_members WHERE group_id IN "
        "(SELECT group_id FROM group_members GROUP BY group_id HAVING COUNT(*) = 1)"))


def _merge_group(conn: sa.Connection, from_id: int, to_id: int) -> None:
    """Both accounts' Accounts Center groups become one: each was linked to what the same
    account is linked to."""
    def group_of(account_id: int) -> int | None:
        return conn.execute(sa.text("SELECT group_id FROM group_members WHERE account_id = :id"),
                            {"id": account_id}).scalar()

    from_group, to_group = group_of(from_id), group_of(to_id)
    if from_group is None:
        return
    if to_group is None:
        conn.execute(sa.text("UPDATE group_members SET account_id = :to WHERE account_id = :from"),
                     {"to": to_id, "from": from_id})
        return
    conn.execute(sa.text("DELETE FROM group_members WHERE account_id = :id"), {"id": from_id})
    if from_group != to_group:
        conn.execute(sa.text("UPDATE group_members SET group_id = :to WHERE group_id = :from"),
                     {"to": to_group, "from": from_group})


def downgrade() -> None:
    # Which Facebook accounts once had a separate Messenger row is not kept: the merged history
    # stays with the Facebook account, as the tracker now counts it.
    pass
