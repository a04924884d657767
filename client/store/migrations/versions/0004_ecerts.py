"""E-certificates the platform issued (issue 14): the ``ecerts`` table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

One row per e-certificate number. ``sha256`` names the XML as issued, ``cancel_sha256`` the
cancellation, both kept content-addressed in the attachment store (``blobs``). A row is
``announced`` when the feed named it and it is not fetched yet; a file whose signature
failed is ``invalid`` and lies in ``quarantine/`` instead.
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ecerts",
        sa.Column("number", sa.String, primary_key=True),
        sa.Column("declaration_id", sa.String, nullable=False),
        sa.Column("inspection_no", sa.String),
        sa.Column("cert_type", sa.String),
        sa.Column("type_code", sa.String),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("issued_at", sa.String),
        sa.Column("cancelled_at", sa.String),
        sa.Column("replaces", sa.String),
        sa.Column("sha256", sa.String),
        sa.Column("cancel_sha256", sa.String),
        sa.Column("error", sa.Text),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_index("ix_ecerts_decl", "ecerts", ["declaration_id", "issued_at"])
    op.create_index("ix_ecerts_status", "ecerts", ["status"])


def downgrade() -> None:
    op.drop_index("ix_ecerts_status", "ecerts")
    op.drop_index("ix_ecerts_decl", "ecerts")
    op.drop_table("ecerts")
