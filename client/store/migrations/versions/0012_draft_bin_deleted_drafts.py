"""Deleted drafts are kept for a while, so a deletion can be taken back (最近删除的草稿).

Revision ID: 0012_draft_bin
Revises: 0011_numbers
Create Date: 2026-12-04

``deleted_drafts`` holds each deleted draft's document as the store wrote it, with the
columns the bin's list shows, who deleted it and when (``client.store.draft_bin``). A new
table: nothing stored before is touched.
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_draft_bin"
down_revision = "0011_numbers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deleted_drafts",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("deleted_at", sa.String, nullable=False),
        sa.Column("deleted_by", sa.String),
        sa.Column("direction", sa.String),
        sa.Column("contract_no", sa.String),
        sa.Column("party", sa.String),
        sa.Column("goods", sa.String),
    )
    op.create_index("ix_deleted_drafts_at", "deleted_drafts", ["deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_deleted_drafts_at", "deleted_drafts")
    op.drop_table("deleted_drafts")
