"""The search box's full-text index: an SQLite FTS5 table with the trigram tokenizer.

``decl_search`` holds one row per declaration (``rowid`` = the declaration's ``rowid``):
``hay``, :data:`HAY_SQL`: the lower-cased ``search_text`` (inspection
number, contract, B/L, invoice, names) and the goods summary. Triggers on ``declarations``
(migration 0003) keep it and ``decl_search_key`` (the rows' list key ``updated_at``,
``id``, one narrow row each) in step with every write, whichever function does the write.

Bulk inserts (migration 0010_import): the insert trigger fires one FTS5 insert per row,
which cost 6x the bulk ``INSERT … SELECT`` of the same rows (0.26 s against 0.04 s per
2,000 declarations). The store's one writer of new declarations
(:func:`client.store.declarations.save_many`) therefore opens :class:`Deferred` inside its
transaction: a row in ``decl_search_defer`` makes the insert trigger step aside, and the
writer indexes the rows it inserted with one ``INSERT … SELECT`` per 500 ids before the
row is removed again — all in the writer's transaction, so a search right after it finds
the rows and a kill before the commit leaves neither rows nor index entries. Any other
insert (a tool's ``INSERT … SELECT``, a store copy) still goes through the trigger.

Substring queries of :data:`MIN_TRIGRAM` characters or more ask the index which rows hold
the text (a few index pages, whether there are many hits or none); shorter ones keep the
``LIKE`` scan of the covering index ``ix_decl_list_cover`` (a trigram index cannot answer
them). Both match the same haystack, so results do not change at the third character.

Query plan: the index first returns at most :data:`DRIVE_LIMIT` + 1 rowids. When it has
no more, the hits are sorted by the list key the index holds beside them and joined to
the covering index (cost ∝ hits: a rare inspection number or a no-match query costs a
handful of pages; the multi-KB rows are never read). When it has more, the text is common, so the
list order is walked with ``LIKE`` and the first page of hits comes after a short scan.

On PostgreSQL (the office store, issue 16) the same haystack expression carries a GIN
index with ``pg_trgm``'s trigram operator class (:func:`create_pg`), which answers the
``LIKE`` itself; without the extension the ``LIKE`` scans (the portable path).

``VACUUM`` may renumber rowids of a table without an ``INTEGER PRIMARY KEY``: call
:func:`rebuild` after one.
"""
from __future__ import annotations

import sqlite3

#: the text the index holds for a row of ``declarations`` (``NEW.``/``OLD.`` prefixed in
#: the triggers); the ``LIKE`` path matches the same expression
HAY_SQL = "coalesce({p}search_text, '') || ' ' || lower(coalesce({p}goods_summary, ''))"

#: shortest query the trigram index can answer
MIN_TRIGRAM = 3

#: above this many index hits a query is "common" and the list order is walked instead
DRIVE_LIMIT = 1000

#: while this table holds a row (only ever inside the one writer's transaction, see
#: :class:`Deferred`), the insert trigger leaves the index to that writer
DEFER_TABLE = "decl_search_defer"

TRIGGERS = {
    "decl_search_ai": "AFTER INSERT ON declarations "
                      f"WHEN NOT EXISTS (SELECT 1 FROM {DEFER_TABLE}) BEGIN "
                      "INSERT INTO decl_search(rowid, hay) VALUES (NEW.rowid, {new}); "
                      "INSERT INTO decl_search_key(rid, updated_at, id) "
                      "VALUES (NEW.rowid, NEW.updated_at, NEW.id); END",
    "decl_search_ad": "AFTER DELETE ON declarations BEGIN "
                      "DELETE FROM decl_search WHERE rowid = OLD.rowid; "
                      "DELETE FROM decl_search_key WHERE rid = OLD.rowid; END",
    # the text only when it changed: a status change rewrites no trigrams
    "decl_search_au": "AFTER UPDATE OF search_text, goods_summary ON declarations "
                      "WHEN NEW.search_text IS NOT OLD.search_text "
                      "OR NEW.goods_summary IS NOT OLD.goods_summary "
                      "BEGIN UPDATE decl_search SET hay = {new} WHERE rowid = NEW.rowid; END",
    "decl_search_ak": "AFTER UPDATE OF updated_at, id ON declarations "
                      "BEGIN UPDATE decl_search_key SET updated_at = NEW.updated_at, id = NEW.id "
                      "WHERE rid = NEW.rowid; END",
}
_FILL = ["INSERT INTO decl_search(rowid, hay) SELECT rowid, {hay} FROM declarations",
         "INSERT INTO decl_search_key(rid, updated_at, id) "
         "SELECT rowid, updated_at, id FROM declarations"]


def hay(prefix: str = "") -> str:
    """:data:`HAY_SQL` for columns prefixed with ``prefix`` (``"NEW."``, ``""``)."""
    return HAY_SQL.format(p=prefix)


def create_sql() -> list[str]:
    """The statements that create the index and its triggers and fill it from the rows."""
    out = ["CREATE VIRTUAL TABLE decl_search USING fts5(hay, tokenize='trigram')",
           "CREATE TABLE decl_search_key (rid INTEGER PRIMARY KEY, updated_at TEXT, id TEXT)",
           DEFER_CREATE]
    for name, body in TRIGGERS.items():
        out.append(f"CREATE TRIGGER {name} {body.format(new=hay('NEW.'))}")
    out.extend(sql.format(hay=hay()) for sql in _FILL)
    return out


DEFER_CREATE = f"CREATE TABLE IF NOT EXISTS {DEFER_TABLE} (writer INTEGER NOT NULL)"

_INDEX_ROWS = ("INSERT INTO decl_search(rowid, hay) SELECT rowid, {hay} FROM declarations "
               "WHERE id IN ({ids})",
               "INSERT INTO decl_search_key(rid, updated_at, id) "
               "SELECT rowid, updated_at, id FROM declarations WHERE id IN ({ids})")


class Deferred:
    """Index the declarations a bulk writer inserts in one ``INSERT … SELECT`` per chunk.

    Used as ``with Deferred(execute) as index: <insert rows>; index(ids)`` by
    :func:`client.store.declarations.save_many`, inside its transaction (SQLite only; on
    PostgreSQL the trigram GIN index is part of the table and nothing is deferred).
    ``execute(sql, params)`` runs a statement in that transaction
    (``Connection.exec_driver_sql``, or a ``sqlite3`` connection's ``execute``). On leaving, the
    insert trigger is in force again; an exception leaves the caller's transaction to
    roll back, taking the inserted rows and the marker with it.
    """

    def __init__(self, execute):
        self.execute = execute

    def __enter__(self):
        self.execute(f"INSERT INTO {DEFER_TABLE} (writer) VALUES (1)", ())
        return self.index

    def index(self, ids: list[str]) -> None:
        """Put the rows of ``ids`` (inserted while deferred) into the index."""
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" * len(chunk))
            for sql in _INDEX_ROWS:
                self.execute(sql.format(hay=hay(), ids=marks), tuple(chunk))

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.execute(f"DELETE FROM {DEFER_TABLE}", ())


def create_pg(conn) -> bool:
    """The trigram GIN index over the haystack on PostgreSQL; False when ``pg_trgm`` is not
    available (searches then scan, the portable path)."""
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        with conn.begin_nested():  # the operator class must be on the search path too
            conn.exec_driver_sql(f"CREATE INDEX ix_decl_search_trgm ON declarations "
                                 f"USING gin (({hay()}) gin_trgm_ops)")
    except Exception as exc:  # noqa: BLE001 - no contrib package / privilege: portable path
        import logging
        logging.getLogger(__name__).warning("office store without a trigram index: %s", exc)
        return False
    return True


def drop_sql() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS] + [
        "DROP TABLE IF EXISTS decl_search", "DROP TABLE IF EXISTS decl_search_key",
        f"DROP TABLE IF EXISTS {DEFER_TABLE}"]


def uses_index(query: str | None) -> bool:
    """Whether ``query`` (stripped, lower-cased) is long enough for the trigram index."""
    return query is not None and len(query) >= MIN_TRIGRAM


def match_expr(query: str) -> str:
    """``query`` as one FTS5 phrase (a substring for the trigram tokenizer)."""
    return '"' + query.replace('"', '""') + '"'


def like_pattern(query: str) -> str:
    from .quick import like_escape
    return f"%{like_escape(query)}%"


def probe(conn, query: str, limit: int = DRIVE_LIMIT) -> list[int] | None:
    """The rowids holding ``query`` when there are at most ``limit`` of them, else ``None``
    (a common text: walk the list order instead). ``conn`` is a ``sqlite3`` connection or
    anything with the same ``execute(sql, params)``."""
    rows = conn.execute("SELECT rowid FROM decl_search WHERE decl_search MATCH ? LIMIT ?",
                        (match_expr(query), limit + 1)).fetchall()
    if len(rows) > limit:
        return None
    return [r[0] for r in rows]


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill the index again from ``declarations`` (after a ``VACUUM``)."""
    conn.execute("DELETE FROM decl_search")
    conn.execute("DELETE FROM decl_search_key")
    for sql in _FILL:
        conn.execute(sql.format(hay=hay()))


#: FROM clauses of the two plans. The hits come with their list key (``updated_at``, ``id``
#: in ``decl_search_key`` beside the index: a status change updates that narrow row, not
#: the trigrams), so they are sorted without touching the multi-KB
#: rows, then joined to the covering index by that key (one seek each); ``CROSS JOIN``
#: keeps the hits the outer loop.
FROM_COVER = "declarations INDEXED BY ix_decl_list_cover"
FROM_HITS = ("(SELECT k.updated_at AS hit_u, k.id AS hit_i FROM decl_search "
             "JOIN decl_search_key AS k ON k.rid = decl_search.rowid "
             "WHERE decl_search MATCH :fts) AS hits CROSS JOIN declarations "
             "INDEXED BY ix_decl_list_cover "
             "ON declarations.updated_at = hits.hit_u AND declarations.id = hits.hit_i")


def plan(conn, query: str, postgres: bool = False) -> tuple[str | None, dict, str]:
    """``(condition, named params, FROM clause)`` selecting the declarations whose haystack
    holds ``query`` (stripped, lower-cased); the condition is ``None`` when none do.

    Few hits: the index's answer joined to the covering index (:data:`FROM_HITS`). Many
    hits, or a query too short for trigrams: ``LIKE`` over the covering index in list
    order. On PostgreSQL the ``LIKE`` is the plan (its trigram index answers it)."""
    like = (f"{hay()} LIKE :pattern ESCAPE '\\'", {"pattern": like_pattern(query)})
    if postgres:
        return like[0], like[1], "declarations"
    if uses_index(query):
        hits = probe(conn, query)
        if hits is not None:
            if not hits:
                return None, {}, FROM_HITS
            return "1", {"fts": match_expr(query)}, FROM_HITS
    return like[0], like[1], FROM_COVER
