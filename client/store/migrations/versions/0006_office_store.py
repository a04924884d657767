"""The office store (issue 16): who filed and who last saved a declaration; who has it open.

Revision ID: 0006_office
Revises: 0004
Create Date: 2026-12-02

``declarations.filed_by`` is the declarer (their platform login, else the desk's OS user)
who finalised it; ``saved_by`` who saved the current revision (``local_rev``), which a
refused stale save names. ``presence`` holds one row per desk with a declaration open in
an editor, its ``heartbeat_at`` renewed while open; a row older than the timeout is a desk
that died (``client/services/office.py``).
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_office"
down_revision = "0005_ciq"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("declarations") as b:
        b.add_column(sa.Column("filed_by", sa.String))
        b.add_column(sa.Column("saved_by", sa.String))
    op.create_table(
        "presence",
        sa.Column("declaration_id", sa.String, primary_key=True),
        sa.Column("desk", sa.String, primary_key=True),
        sa.Column("user_name", sa.String),
        sa.Column("opened_at", sa.String, nullable=False),
        sa.Column("heartbeat_at", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("presence")
    with op.batch_alter_table("declarations") as b:
        b.drop_column("saved_by")
        b.drop_column("filed_by")
