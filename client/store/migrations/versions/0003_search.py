"""A trigram full-text index for the search box, kept in step by triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

A substring search over the covering index reads every row when it matches nothing (the
issue-17 figure: p90 92 ms at 100,000). ``decl_search`` (FTS5, trigram tokenizer) answers
which rows hold a text of three characters or more from a few index pages; triggers on
``declarations`` keep it in step with every insert, update and delete. See
``client/store/search.py``. The index is built here for the rows already stored.
"""
from alembic import op

from client.store import search

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        search.create_pg(op.get_bind())
        return
    for sql in search.create_sql():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_decl_search_trgm")
        return
    for sql in search.drop_sql():
        op.execute(sql)
