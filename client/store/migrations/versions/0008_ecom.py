"""Cross-border e-commerce registrations (issue 15): the ``ecom_registrations`` table.

Revision ID: 0008_ecom
Revises: 0007_origin
Create Date: 2026-12-02

One row per registration the desk filed (``source`` = ``filed``) or looked up on the
platform (``lookup``). A filed row is ``pending`` until the platform answers, then
``registered`` with its ``reg_no`` or ``refused`` with the reasons; a looked-up number the
platform does not know is kept as ``not_found`` (so validation can call it an error).
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_ecom"
down_revision = "0007_origin"  # chained after merging branch origin (was "0004")
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ecom_registrations",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("reg_no", sa.String, unique=True),
        sa.Column("title", sa.String),
        sa.Column("hs_code", sa.String),
        sa.Column("origin_country", sa.String),
        sa.Column("entry", sa.Text),
        sa.Column("reasons", sa.Text),
        sa.Column("registered_by", sa.String),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_index("ix_ecom_reg_status", "ecom_registrations", ["status", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_ecom_reg_status", "ecom_registrations")
    op.drop_table("ecom_registrations")
