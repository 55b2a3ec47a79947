"""Threads counts for its Instagram account: each `threads:` account joins `instagram:` of the
same name (field guide: a Threads profile belongs to an Instagram account and its mail names the
Instagram username). Its findings, marks, reminders and Accounts Center link move with it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MOVED = ("findings", "marks", "reminders_sent")  # the tables that hold an account's history


def upgrade() -> None:
    conn = op.get_bind()
    threads = conn.execute(sa.text(
        "SELECT id, account, first_seen_at FROM accounts WHERE platform = 'threads'")).all()
    for threads_id, name, first_seen in threads:
        instagram = conn.execute(sa.text(
            "SELECT id, first_seen_at FROM accounts WHERE platform = 'instagram' AND account = :name"),
            {"name": name}).first()
        if instagram is None:
            conn.execute(sa.text("UPDATE accounts SET platform = 'instagram' WHERE id = :id"),
                         {"id": threads_id})
            continue
        instagram_id = instagram[0]
        for table in MOVED:
            conn.execute(sa.text(f"UPDATE {table} SET account_id = :to WHERE account_id = :from"),
                         {"to": instagram_id, "from": threads_id})
        _merge_link(conn, threads_id, instagram_id)
        if first_seen < instagram[1]:
            conn.execute(sa.text("UPDATE accounts SET first_seen_at = :at WHERE id = :id"),
                         {"at": first_seen, "id": instagram_id})
        conn.execute(sa.text("DELETE FROM accounts WHERE id = :id"), {"id": threads_id})
    # A Threads account linked only to its own Instagram account leaves a group of one.
    conn.execute(sa.text(
        "DELETE FROM group_members WHERE group_id IN "
        "(SELECT group_id FROM group_members GROUP BY group_id HAVING COUNT(*) = 1)"))


def _merge_link(conn: sa.Connection, threads_id: int, instagram_id: int) -> None:
    """The Threads account's Accounts Center group becomes the Instagram account's: both in one
    group means their groups are one (both were linked to what the same account is linked to)."""
    def group_of(account_id: int) -> int | None:
        return conn.execute(sa.text("SELECT group_id FROM group_members WHERE account_id = :id"),
                            {"id": account_id}).scalar()

    threads_group, instagram_group = group_of(threads_id), group_of(instagram_id)
    if threads_group is None:
        return
    if instagram_group is None:
        conn.execute(sa.text("UPDATE group_members SET account_id = :to WHERE account_id = :from"),
                     {"to": instagram_id, "from": threads_id})
        return
    conn.execute(sa.text("DELETE FROM group_members WHERE account_id = :id"), {"id": threads_id})
    if threads_group != instagram_group:
        conn.execute(sa.text("UPDATE group_members SET group_id = :to WHERE group_id = :from"),
                     {"to": instagram_group, "from": threads_group})


def downgrade() -> None:
    # Which Instagram accounts once had a separate Threads row is not kept: the merged history
    # stays with the Instagram account, as the tracker now counts it.
    pass
