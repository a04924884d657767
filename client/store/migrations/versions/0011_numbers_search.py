"""The inspection number is searched in its own trigram index (issue 17: finalise).

Revision ID: 0011_numbers
Revises: 0010_import
Create Date: 2026-12-03

Before, the inspection number was the first word of ``declarations.search_text``: giving
a draft its number at finalise changed the text, and the FTS5 update trigger rewrote the
row's whole haystack in ``decl_search`` (about 0.25 ms a declaration, a third of
finalise). Now ``search_text`` leaves the number out, and ``decl_search_no`` (FTS5,
trigram) holds the numbers, one row per numbered declaration, kept by its own triggers;
a search asks both tables and checks candidates with ``LIKE`` against the number, a space
and the text (``client.store.search.HAY_SQL``): the same string as before, so the same
declarations are found.

Here the number is taken off the front of ``search_text`` of every numbered row and
``decl_search`` is filled again from the texts (one ``INSERT … SELECT``, not a trigger per
row), then ``decl_search_no`` is created and filled. PostgreSQL (no FTS5): the same texts,
and the pg_trgm GIN index is built again over the new haystack expression.
"""
from alembic import op

from client.store import search

revision = "0011_numbers"
down_revision = "0010_import"
branch_labels = None
depends_on = None

#: ``search_text`` of a numbered row without the number in front (``"no rest"`` or
#: ``"no"``, as ``header_row`` wrote it before)
_STRIP = ("UPDATE declarations SET search_text = CASE WHEN search_text = lower(inspection_no) "
          "THEN '' ELSE substr(search_text, length(inspection_no) + 2) END "
          "WHERE inspection_no IS NOT NULL AND (search_text = lower(inspection_no) OR "
          "substr(search_text, 1, length(inspection_no) + 1) = lower(inspection_no) || ' ')")
#: and back again
_PREFIX = ("UPDATE declarations SET search_text = CASE WHEN coalesce(search_text, '') = '' "
           "THEN lower(inspection_no) ELSE lower(inspection_no) || ' ' || search_text END "
           "WHERE inspection_no IS NOT NULL")
#: the trigger that rewrites a row's haystack when its text changes (not wanted while
#: every numbered row's text changes: the index is filled again after)
_AU = "decl_search_au"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_decl_search_trgm")
        op.execute(_STRIP)
        search.create_pg(op.get_bind())
        return
    _rewrite(_STRIP)
    for sql in search.drop_no_sql() + search.create_no_sql():
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_decl_search_trgm")
        op.execute(_PREFIX)
        _old_pg_index()
        return
    for sql in search.drop_no_sql():
        op.execute(sql)
    _rewrite(_PREFIX)


def _rewrite(update: str) -> None:
    """``update`` the texts with the update trigger away, then fill ``decl_search`` again."""
    op.execute(f"DROP TRIGGER IF EXISTS {_AU}")
    op.execute(update)
    op.execute("DELETE FROM decl_search")
    op.execute(f"INSERT INTO decl_search(rowid, hay) SELECT rowid, {search.text_sql()} "
               "FROM declarations")
    op.execute(f"CREATE TRIGGER {_AU} "
               + search.TRIGGERS[_AU].format(new=search.text_sql("NEW.")))


def _old_pg_index() -> None:
    """The GIN index of migration 0003 (over the text alone), when pg_trgm is there."""
    conn = op.get_bind()
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(f"CREATE INDEX ix_decl_search_trgm ON declarations "
                                 f"USING gin (({search.text_sql()}) gin_trgm_ops)")
    except Exception:  # noqa: BLE001 - no pg_trgm: the portable path, as in 0003
        pass
