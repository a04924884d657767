"""The e-commerce part of sync besides the outbox: looking registration numbers up.

(Filing goes through the one outbox and feed as the document kind ``ecom_registration``,
:mod:`client.ecom.kind`.)

* :func:`lookup` — ``GET /v1/ecom/registrations/{reg_no}``; the answer (or "not found") is
  kept, so validation knows the number from then on, offline too.
* :func:`resolve_referenced` — looks up every ``product_reg_no`` of the local e-commerce
  declarations still being prepared that the desk does not know yet.
"""
from __future__ import annotations

import logging
from urllib.parse import quote

from sqlalchemy import text

from ..sync.http import RequestRefused
from . import store as q

log = logging.getLogger(__name__)


def lookup(db, client, reg_no: str) -> q.Registration | None:
    """Ask the platform about ``reg_no``; keep and return what it said (``None``: unknown)."""
    try:
        item = client.get("/v1/ecom/registrations/" + quote(reg_no, safe=""))
    except RequestRefused as exc:
        if exc.status != 404:
            raise
        item = None
    with db.write() as conn:
        q.remember_lookup(conn, reg_no, item if isinstance(item, dict) else None)
        return q.by_reg_no(conn, reg_no)


#: product registration numbers of e-commerce declarations still being prepared
_REFERENCED = text(
    "SELECT DISTINCT json_extract(g.value, '$.product_reg_no') FROM declarations d, "
    "json_each(d.doc, '$.goods') g WHERE json_extract(d.doc, '$.ecommerce') = 1 "
    "AND d.status IN ('draft', 'ready') "
    "AND json_type(g.value, '$.product_reg_no') = 'text'")


#: the same on the office store (PostgreSQL's jsonb over the JSON text)
_REFERENCED_PG = text(
    "SELECT DISTINCT g->>'product_reg_no' FROM declarations d, "
    "jsonb_array_elements(CAST(d.doc AS jsonb)->'goods') g "
    "WHERE CAST(d.doc AS jsonb)->>'ecommerce' = 'true' AND d.status IN ('draft', 'ready') "
    "AND jsonb_typeof(g->'product_reg_no') = 'string'")


def unknown_referenced(db) -> list[str]:
    with db.read() as conn:
        sql = _REFERENCED_PG if conn.dialect.name == "postgresql" else _REFERENCED
        refs = [r[0] for r in conn.execute(sql) if r[0] and r[0].strip()]
        have = q.known(conn)
    return sorted(n for n in refs if n not in have.products and n not in have.not_found
                  and n not in have.operators)


def resolve_referenced(db, client) -> int:
    """Look up the referenced numbers the desk does not know; how many were asked."""
    numbers = unknown_referenced(db)
    for n in numbers:
        lookup(db, client, n)
    return len(numbers)
