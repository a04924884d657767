"""The search box's full-text index: SQLite FTS5 tables with the trigram tokenizer.

``decl_search`` holds one row per declaration (``rowid`` = the declaration's ``rowid``):
``hay``, :data:`TEXT_SQL`: the lower-cased ``search_text`` (contract, B/L, invoice,
names) and the goods summary. ``decl_search_no`` holds one row per *numbered*
declaration: its inspection number, lower-cased (migration 0011_numbers: the number is
given at finalise, and keeping it out of ``decl_search`` means numbering a draft writes
15 characters of trigrams instead of rewriting the whole haystack's, a third of
finalise's time before). Triggers on ``declarations`` (migrations 0003, 0011) keep both
and ``decl_search_key`` (the rows' list key ``updated_at``, ``id``, one narrow row each)
in step with every write, whichever function does the write.

The haystack a search matches (:data:`HAY_SQL`, what ``LIKE`` checks and PostgreSQL's
index holds) is the number, a space and the text: the same string the search box
matched when the number was part of ``search_text``. The index answers for a window of
the query that lies within the number or within the text (:func:`probe` asks both
tables); a window running from the end of the number into the text (``"0001 ct20"``) is
in neither, so a window no table holds that may do so (:func:`may_span`) takes the rows
holding its part after the last space as the candidates instead of meaning "no rows".

Bulk inserts (migration 0010_import): the insert trigger fires one FTS5 insert per row,
which cost 6x the bulk ``INSERT … SELECT`` of the same rows (0.26 s against 0.04 s per
2,000 declarations). The store's one writer of new declarations
(:func:`client.store.declarations.save_many`) therefore opens :class:`Deferred` inside its
transaction: a row in ``decl_search_defer`` makes the insert triggers step aside, and the
writer indexes the rows it inserted with one ``INSERT … SELECT`` per 500 ids and table
before the row is removed again — all in the writer's transaction, so a search right
after it finds the rows and a kill before the commit leaves neither rows nor index
entries. Any other insert (a tool's ``INSERT … SELECT``, a store copy) still goes through
the triggers. Finalise does the same for the numbers it gives
(:func:`client.store.declarations.numbering`: the number trigger steps aside as well, and
one ``INSERT … SELECT`` per 500 indexes them: 0.17 s instead of 0.53 s per 10,000).

Substring queries of :data:`MIN_TRIGRAM` characters or more ask the index which rows hold
the text; shorter ones walk the covering index ``ix_decl_list_cover`` in list order with
``LIKE`` (a trigram index cannot answer them). Both match the same haystack, so results do
not change at the third character.

Query plan (:func:`plan`, issue 17 at 1,000,000 declarations):

* The index is asked for a *window* of the query first, its last :data:`WINDOW`
  characters, then its first ones (the part a user types last is the one that tells a
  number from its neighbours: ``310000126…`` or ``ct2026…`` start every number, and a
  phrase of 15 trigrams over such prefixes costs 50 ms where its tail costs 1 ms). The
  window's hits are candidates; the full query is checked on them with ``LIKE``.
* At most :func:`drive_limit` candidates (≈ √(40·N), the point where sorting hits by the
  list key costs as much as walking the list for a page): the hits are sorted by the list
  key the index holds beside them and joined to the covering index (cost ∝ hits: a rare
  inspection number or a no-match query costs a handful of pages; the multi-KB rows are
  never read).
* More: the text is common, so the list order is walked with ``LIKE`` and a page of hits
  comes after about ``page · N / hits`` rows, which the limit above bounds.
* A query of one or two characters walks the list; the search box bounds that walk at
  :data:`SHORT_BUDGET` rows (``declarations.scan_floor``) and says so, with a 继续搜索 that
  lifts the bound (the CLI and the batch actions never bound it). The box gives the index
  :data:`PROBE_DEADLINE` for longer texts; a text made only of common trigrams that takes
  longer (:class:`TooSlow`) gets the same bounded walk (``Desk.search_first_page``).

On PostgreSQL (the office store, issue 16) the same haystack expression carries a GIN
index with ``pg_trgm``'s trigram operator class (:func:`create_pg`), which answers the
``LIKE`` itself; without the extension the ``LIKE`` scans (the portable path).

``VACUUM`` may renumber rowids of a table without an ``INTEGER PRIMARY KEY``: call
:func:`rebuild` after one.
"""
from __future__ import annotations

import json
import math
import sqlite3
import time

#: the text ``decl_search`` holds for a row of ``declarations`` (``NEW.``/``OLD.``
#: prefixed in the triggers)
TEXT_SQL = "coalesce({p}search_text, '') || ' ' || lower(coalesce({p}goods_summary, ''))"
#: the number ``decl_search_no`` holds for a numbered row
NO_SQL = "lower({p}inspection_no)"
#: the haystack a search matches (``LIKE``, PostgreSQL's trigram index): the number and a
#: space before the text, as ``search_text`` held them before migration 0011_numbers
HAY_SQL = "coalesce(lower({p}inspection_no) || ' ', '') || " + TEXT_SQL
#: the table of the numbers
NO_TABLE = "decl_search_no"

#: shortest query the trigram index can answer
MIN_TRIGRAM = 3

#: above this many index hits a query is "common" and the list order is walked instead;
#: ``None``: :func:`drive_limit` sizes it to the store
DRIVE_LIMIT: int | None = None
#: the bounds of the adaptive limit
DRIVE_MIN, DRIVE_MAX = 1000, 20000

#: characters of the query the index is asked for first (:func:`windows`)
WINDOW = 6

#: list rows a query of one or two characters walks in the search box before it stops
#: and offers 继续搜索 (about 1 µs a row: ~20 ms)
SHORT_BUDGET = 20_000

#: seconds the search box lets the index take for one keystroke before it walks the
#: newest :data:`SHORT_BUDGET` rows instead (:class:`TooSlow`)
PROBE_DEADLINE = 0.025

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
#: the triggers of ``decl_search_no`` (migration 0011_numbers; ``{no}``: :data:`NO_SQL`
#: of ``NEW.``): a number given is one insert (finalise defers it: :class:`Deferred`), a
#: number changed (never, once given) a delete and an insert
NO_TRIGGERS = {
    "decl_search_no_ai": "AFTER INSERT ON declarations WHEN NEW.inspection_no IS NOT NULL "
                         f"AND NOT EXISTS (SELECT 1 FROM {DEFER_TABLE}) BEGIN "
                         f"INSERT INTO {NO_TABLE}(rowid, no) VALUES (NEW.rowid, {{no}}); END",
    "decl_search_no_ad": "AFTER DELETE ON declarations WHEN OLD.inspection_no IS NOT NULL "
                         f"BEGIN DELETE FROM {NO_TABLE} WHERE rowid = OLD.rowid; END",
    "decl_search_no_set": "AFTER UPDATE OF inspection_no ON declarations "
                          "WHEN OLD.inspection_no IS NULL AND NEW.inspection_no IS NOT NULL "
                          f"AND NOT EXISTS (SELECT 1 FROM {DEFER_TABLE}) BEGIN "
                          f"INSERT INTO {NO_TABLE}(rowid, no) VALUES (NEW.rowid, {{no}}); END",
    "decl_search_no_au": "AFTER UPDATE OF inspection_no ON declarations "
                         "WHEN OLD.inspection_no IS NOT NULL "
                         "AND NEW.inspection_no IS NOT OLD.inspection_no BEGIN "
                         f"DELETE FROM {NO_TABLE} WHERE rowid = OLD.rowid; "
                         f"INSERT INTO {NO_TABLE}(rowid, no) SELECT NEW.rowid, {{no}} "
                         "WHERE NEW.inspection_no IS NOT NULL; END",
}
_FILL = ["INSERT INTO decl_search(rowid, hay) SELECT rowid, {text} FROM declarations",
         "INSERT INTO decl_search_key(rid, updated_at, id) "
         "SELECT rowid, updated_at, id FROM declarations"]
_FILL_NO = (f"INSERT INTO {NO_TABLE}(rowid, no) SELECT rowid, {{no}} FROM declarations "
            "WHERE inspection_no IS NOT NULL")


def hay(prefix: str = "") -> str:
    """:data:`HAY_SQL` for columns prefixed with ``prefix`` (``"NEW."``, ``""``)."""
    return HAY_SQL.format(p=prefix)


def text_sql(prefix: str = "") -> str:
    """:data:`TEXT_SQL` for columns prefixed with ``prefix``."""
    return TEXT_SQL.format(p=prefix)


def no_sql(prefix: str = "") -> str:
    """:data:`NO_SQL` for columns prefixed with ``prefix``."""
    return NO_SQL.format(p=prefix)


def create_sql() -> list[str]:
    """The statements that create ``decl_search``, ``decl_search_key`` and their triggers
    and fill them from the rows (migration 0003; the numbers: :func:`create_no_sql`)."""
    out = ["CREATE VIRTUAL TABLE decl_search USING fts5(hay, tokenize='trigram')",
           "CREATE TABLE decl_search_key (rid INTEGER PRIMARY KEY, updated_at TEXT, id TEXT)",
           DEFER_CREATE]
    for name, body in TRIGGERS.items():
        out.append(f"CREATE TRIGGER {name} {body.format(new=text_sql('NEW.'))}")
    out.extend(sql.format(text=text_sql()) for sql in _FILL)
    return out


def create_no_sql() -> list[str]:
    """The statements that create ``decl_search_no`` and its triggers and fill it
    (migration 0011_numbers)."""
    out = [f"CREATE VIRTUAL TABLE {NO_TABLE} USING fts5(no, tokenize='trigram')"]
    for name, body in NO_TRIGGERS.items():
        out.append(f"CREATE TRIGGER {name} {body.format(no=no_sql('NEW.'))}")
    return out + [_FILL_NO.format(no=no_sql())]


def drop_no_sql() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in NO_TRIGGERS] + [
        f"DROP TABLE IF EXISTS {NO_TABLE}"]


DEFER_CREATE = f"CREATE TABLE IF NOT EXISTS {DEFER_TABLE} (writer INTEGER NOT NULL)"

_INDEX_ROWS = ("INSERT INTO decl_search(rowid, hay) SELECT rowid, {text} FROM declarations "
               "WHERE id IN ({ids})",
               "INSERT INTO decl_search_key(rid, updated_at, id) "
               "SELECT rowid, updated_at, id FROM declarations WHERE id IN ({ids})",
               f"INSERT INTO {NO_TABLE}(rowid, no) SELECT rowid, {{no}} FROM declarations "
               "WHERE id IN ({ids}) AND inspection_no IS NOT NULL")


_INDEX_NUMBERS = (f"INSERT INTO {NO_TABLE}(rowid, no) SELECT rowid, {{no}} FROM declarations "
                  "WHERE id IN ({ids}) AND inspection_no IS NOT NULL "
                  f"AND NOT EXISTS (SELECT 1 FROM {NO_TABLE} AS n "
                  "WHERE n.rowid = declarations.rowid)")


class Deferred:
    """Index the declarations a bulk writer inserts in one ``INSERT … SELECT`` per chunk.

    Used as ``with Deferred(execute) as index: <insert rows>; index(ids)`` by
    :func:`client.store.declarations.save_many`, inside its transaction, and around the
    numbers finalise gives (:meth:`numbers`, :func:`client.store.declarations.numbering`;
    the number trigger steps aside too) (SQLite only; on
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
                self.execute(sql.format(text=text_sql(), no=no_sql(), ids=marks),
                             tuple(chunk))

    def numbers(self, ids: list[str]) -> None:
        """Put the numbers given to the rows of ``ids`` while deferred into the index (the
        rows of ``ids`` without a number, or already indexed, are left as they are)."""
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" * len(chunk))
            self.execute(_INDEX_NUMBERS.format(no=no_sql(), ids=marks), tuple(chunk))

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


def needs_floor(query: str | None) -> bool:
    """Whether the search box bounds the walk for ``query`` (stripped, lower-cased): one or
    two characters, which no trigram answers."""
    return query is not None and 0 < len(query) < MIN_TRIGRAM


def drive_limit(conn) -> int:
    """The most index hits sorted by list key rather than walking the list: √(40·N),
    within :data:`DRIVE_MIN`–:data:`DRIVE_MAX` (sorting a hit costs ~5 µs, walking a row
    ~1 µs, a page is 200 rows: both cost the same at h² = 40·N). N is read from the
    key table's largest rowid (one index seek)."""
    if DRIVE_LIMIT is not None:
        return DRIVE_LIMIT
    n = conn.execute("SELECT max(rid) FROM decl_search_key").fetchone()[0] or 0
    return max(DRIVE_MIN, min(DRIVE_MAX, int(math.sqrt(40 * n))))


def windows(query: str) -> list[str]:
    """The texts the index is asked for, in order: the last :data:`WINDOW` characters, the
    first ones, the whole query (each holds a part of the query: no hits for one means no
    row holds the query)."""
    out = [query[-WINDOW:], query[:WINDOW], query] if len(query) > WINDOW else [query]
    return list(dict.fromkeys(out))


def uses_index(query: str | None) -> bool:
    """Whether ``query`` (stripped, lower-cased) is long enough for the trigram index."""
    return query is not None and len(query) >= MIN_TRIGRAM


def match_expr(query: str) -> str:
    """``query`` as one FTS5 phrase (a substring for the trigram tokenizer)."""
    return '"' + query.replace('"', '""') + '"'


def like_pattern(query: str) -> str:
    from .quick import like_escape
    return f"%{like_escape(query)}%"


#: virtual-machine steps between two looks at the clock of a ``deadline``
PROGRESS_OPS = 100


class TooSlow(Exception):
    """The index took longer than the caller allowed (:func:`plan`'s ``deadline``): every
    trigram of the text is common, so only positions tell the rows apart (``2600012`` in a
    store whose inspection numbers all hold ``…126000…``). The search box then walks the
    newest rows under a floor instead, and says so."""


def probe(conn, query: str, limit: int = DRIVE_MIN,
          deadline: float | None = None) -> list[int] | None:
    """The rowids holding ``query`` (in ``decl_search`` or ``decl_search_no``) when there
    are at most ``limit`` of them, else ``None`` (a common text: walk the list order
    instead). ``conn`` is a ``sqlite3`` connection or anything with the same
    ``execute(sql, params)``; with ``deadline`` (seconds) a ``sqlite3`` connection's query
    is stopped by a progress handler and :class:`TooSlow` raised (a read: nothing to roll
    back)."""
    args = (match_expr(query), limit + 1)

    def hits() -> list[int] | None:
        found: dict[int, None] = {}  # in order, each once (a row may hold it twice)
        for sql in _PROBES:
            found.update((r[0], None) for r in conn.execute(sql, args).fetchall())
            if len(found) > limit:
                return None
        return list(found)

    if deadline is None:
        return hits()
    end = time.monotonic() + deadline
    conn.set_progress_handler(lambda: time.monotonic() > end, PROGRESS_OPS)
    try:
        return hits()
    except sqlite3.OperationalError as exc:
        if time.monotonic() > end:
            raise TooSlow(query) from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


#: the probe of each table (each bounded by its own ``LIMIT``)
_PROBES = ("SELECT rowid FROM decl_search WHERE decl_search MATCH ? LIMIT ?",
           f"SELECT rowid FROM {NO_TABLE} WHERE {NO_TABLE} MATCH ? LIMIT ?")


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill the index again from ``declarations`` (after a ``VACUUM``)."""
    conn.execute("DELETE FROM decl_search")
    conn.execute("DELETE FROM decl_search_key")
    conn.execute(f"DELETE FROM {NO_TABLE}")
    for sql in _FILL:
        conn.execute(sql.format(text=text_sql()))
    conn.execute(_FILL_NO.format(no=no_sql()))


#: FROM clauses of the two plans. The hits are the rowids the probe already read (a JSON
#: array: the index is not asked twice) with their list key (``updated_at``, ``id`` in
#: ``decl_search_key`` beside the index: a status change updates that narrow row, not
#: the trigrams), so they are sorted without touching the multi-KB rows, then joined to
#: the covering index by that key (one seek each); ``CROSS JOIN`` keeps the hits the
#: outer loop.
FROM_COVER = "declarations INDEXED BY ix_decl_list_cover"
#: how many rows hold a common text, from the index alone (``declarations.count``)
COUNT_SQL = ("SELECT count(*) FROM (SELECT rowid FROM decl_search WHERE decl_search MATCH :fts "
             f"UNION SELECT rowid FROM {NO_TABLE} WHERE {NO_TABLE} MATCH :fts)")
FROM_HITS = ("(SELECT k.updated_at AS hit_u, k.id AS hit_i FROM json_each(:rids) AS j "
             "JOIN decl_search_key AS k ON k.rid = j.value) AS hits CROSS JOIN declarations "
             "INDEXED BY ix_decl_list_cover "
             "ON declarations.updated_at = hits.hit_u AND declarations.id = hits.hit_i")


def may_span(conn, query: str) -> bool:
    """Whether a row may hold ``query`` (stripped, lower-cased) only across the end of its
    number (``"0001 ct20"``: the number's end, the space after it and the text's start,
    which neither table holds in one piece). Only a text with a space can, and the part
    before its first space then lies in a number: a part of three characters or more
    that no number holds rules it out."""
    if " " not in query:
        return False
    head = query.split(" ", 1)[0]
    if not uses_index(head):
        return True
    return conn.execute(f"SELECT 1 FROM {NO_TABLE} WHERE {NO_TABLE} MATCH ? LIMIT 1",
                        (match_expr(head),)).fetchone() is not None


def plan(conn, query: str, postgres: bool = False, *, walk: bool = False,
         deadline: float | None = None) -> tuple[str | None, dict, str]:
    """``(condition, named params, FROM clause)`` selecting the declarations whose haystack
    holds ``query`` (stripped, lower-cased); the condition is ``None`` when none do.

    Few candidates for a window of the query (:func:`windows`): the rowids the index gave
    joined to the covering index (:data:`FROM_HITS`), the whole query checked on each
    with ``LIKE`` (a window no table holds but that may run across the end of a number,
    :func:`may_span`: the rows holding its part after the last space are the candidates). Many, or a query too short for trigrams: ``LIKE`` over the
    covering index in list order (``walk``: always; a floor bounds that walk). On
    PostgreSQL the ``LIKE`` is the plan (its trigram index answers it). ``deadline``:
    the seconds the index may take over all windows, else :class:`TooSlow`."""
    like = (f"{hay()} LIKE :pattern ESCAPE '\\'", {"pattern": like_pattern(query)})
    if postgres:
        return like[0], like[1], "declarations"
    if uses_index(query) and not walk:
        limit = drive_limit(conn)
        end = None if deadline is None else time.monotonic() + deadline
        for part in windows(query):
            left = None if end is None else max(0.0, end - time.monotonic())
            hits = probe(conn, part, limit, left)
            if not hits and hits is not None and may_span(conn, part):
                # rows holding it across the end of their number hold the part after its
                # last space in their text: those are the candidates
                tail = part.rsplit(" ", 1)[1]
                hits = probe(conn, tail, limit, left) if uses_index(tail) else None
            if hits is None:
                continue  # common: try the next window
            if not hits:
                return None, {}, FROM_HITS
            # the whole text is checked on each hit even when the index was asked for all
            # of it: the answer is the LIKE's in every plan (and a rowid reused since the
            # probe cannot slip in)
            return like[0], dict(like[1], rids=json.dumps(hits)), FROM_HITS
    return like[0], like[1], FROM_COVER
