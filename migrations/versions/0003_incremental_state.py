"""crawl state for incremental runs: check times, frontier attempts, run mode

- ``url_state.checked_at``: when a URL was last asked about (304 / unchanged body);
- ``frontier.attempts`` and ``frontier.last_error``: failed downloads of a queued URL;
- ``source_state.updated_at``;
- ``crawl_runs.mode`` and ``crawl_runs.pid``.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("url_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("frontier", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("last_error", sa.String(length=256), nullable=True))
    with op.batch_alter_table("source_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mode", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("pid", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.drop_column("pid")
        batch_op.drop_column("mode")
    with op.batch_alter_table("source_state", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
    with op.batch_alter_table("frontier", schema=None) as batch_op:
        batch_op.drop_column("last_error")
        batch_op.drop_column("attempts")
    with op.batch_alter_table("url_state", schema=None) as batch_op:
        batch_op.drop_column("checked_at")
