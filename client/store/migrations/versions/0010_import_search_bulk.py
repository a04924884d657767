"""The search index's insert trigger steps aside for the store's bulk writer (issue 17).

Revision ID: 0010_import
Revises: 0009_friction
Create Date: 2026-12-02

The FTS5 insert trigger of migration 0003 indexes one row per statement; for an import
of thousands of declarations that cost 6x a single ``INSERT … SELECT`` of the same rows.
``decl_search_defer`` is a marker table: while it holds a row the trigger does nothing,
and the writer that put the row there (``client.store.declarations.save_many`` through
``client.store.search.Deferred``) indexes the rows it inserted itself, in the same
transaction, before removing the row. Every other insert still goes through the trigger.
No data changes. PostgreSQL has no FTS5 index (its pg_trgm GIN index is kept by the
table itself): nothing to do there.
"""
from alembic import op

from client.store import search

revision = "0010_import"
down_revision = "0009_friction"
branch_labels = None
depends_on = None

_OLD_AI = ("AFTER INSERT ON declarations BEGIN "
           "INSERT INTO decl_search(rowid, hay) VALUES (NEW.rowid, {new}); "
           "INSERT INTO decl_search_key(rid, updated_at, id) "
           "VALUES (NEW.rowid, NEW.updated_at, NEW.id); END")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    op.execute(search.DEFER_CREATE)
    op.execute("DROP TRIGGER IF EXISTS decl_search_ai")
    op.execute("CREATE TRIGGER decl_search_ai "
               + search.TRIGGERS["decl_search_ai"].format(new=search.text_sql("NEW.")))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS decl_search_ai")
    op.execute("CREATE TRIGGER decl_search_ai " + _OLD_AI.format(new=search.text_sql("NEW.")))
    op.execute(f"DROP TABLE IF EXISTS {search.DEFER_TABLE}")
