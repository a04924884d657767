"""The credit grade in force when a declaration was released (issue 18 item 19).

Revision ID: 0009_friction
Revises: 0004
Create Date: 2026-12-02

``status_history.credit_grade`` is written by the one status writer
(:func:`client.store.status.record`) on each ``released`` row: the declarant's grade as
the desk knew it when the release receipt was applied. The dashboard's "by credit grade"
figure files a release under that grade, not under today's. Rows written before this
revision hold NULL (the dashboard falls back to the current grade for them).
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_friction"
down_revision = "0008_ecom"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ALTER TABLE … ADD COLUMN: no copy of the (large) history table
    op.add_column("status_history", sa.Column("credit_grade", sa.String))


def downgrade() -> None:
    with op.batch_alter_table("status_history") as batch:
        batch.drop_column("credit_grade")
