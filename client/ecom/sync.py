"""The e-commerce part of sync: file pending registrations, look registration numbers up.

* :func:`file_pending` — ``POST /v1/ecom/registrations`` with every ``pending`` row (its id
  is the ``mutation_id``, so a resend after a lost answer is ``duplicate``, never a second
  registration); each answer is applied in one transaction.
* :func:`lookup` — ``GET /v1/ecom/registrations/{reg_no}``; the answer (or "not found") is
  kept, so validation knows the number from then on, offline too.
* :func:`resolve_referenced` — looks up every ``product_reg_no`` of the local e-commerce
  declarations still being prepared that the desk does not know yet.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import quote

from sqlalchemy import text

from ..errors import PlatformError
from ..sync.http import RequestRefused
from . import store as q

log = logging.getLogger(__name__)
CHUNK = 500


@dataclass
class FileResult:
    """What one :func:`file_pending` did."""

    registered: list[str] = field(default_factory=list)   # reg_nos
    refused: list[tuple[str, list]] = field(default_factory=list)   # (row id, reasons)


def _wire(reg: q.Registration) -> dict:
    return {"mutation_id": reg.id, **reg.entry}


def file_pending(db, client) -> FileResult:
    out = FileResult()
    with db.read() as conn:
        rows = q.pending(conn)
    for i in range(0, len(rows), CHUNK):
        part = rows[i:i + CHUNK]
        body = client.post("/v1/ecom/registrations", {"registrations": [_wire(r) for r in part]})
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list) or len(results) != len(part):
            raise PlatformError("平台对备案报送的应答格式不符", "malformed answer to the registrations")
        with db.write() as conn:
            for reg, res in zip(part, results):
                kind = res.get("result") if isinstance(res, dict) else None
                if res.get("mutation_id") != reg.id:
                    raise PlatformError("平台对备案报送的应答顺序不符",
                                        "the registration answers are out of order")
                if kind in ("registered", "duplicate") and isinstance(res.get("reg_no"), str):
                    q.set_result(conn, reg.id, "registered", res["reg_no"], None,
                                 res.get("registered_by"))
                    out.registered.append(res["reg_no"])
                elif kind in ("refused", "rejected"):
                    reasons = res.get("reasons") if isinstance(res.get("reasons"), list) else []
                    q.set_result(conn, reg.id, "refused", None, reasons)
                    out.refused.append((reg.id, reasons))
                else:
                    log.warning("unexpected registration answer %r", res)
    return out


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


def unknown_referenced(db) -> list[str]:
    with db.read() as conn:
        refs = [r[0] for r in conn.execute(_REFERENCED) if r[0] and r[0].strip()]
        have = q.known(conn)
    return sorted(n for n in refs if n not in have.products and n not in have.not_found
                  and n not in have.operators)


def resolve_referenced(db, client) -> int:
    """Look up the referenced numbers the desk does not know; how many were asked."""
    numbers = unknown_referenced(db)
    for n in numbers:
        lookup(db, client, n)
    return len(numbers)
