"""The ``ecom_registration`` document kind of the one outbox and feed (client.sync.kinds).

``ecom register`` writes the registration row (``pending``) and its outbox row
(``doc_kind=ecom_registration``, ``kind=submit``, payload the entry's JSON) in one
transaction. Push results: ``applied``/``duplicate`` → ``sent``; ``rejected`` → ``refused``
with the platform's reasons (a negative-list product names its category). Feed:
``doc_status`` changes with ``status`` ``registered`` carry ``reg_no`` and
``registered_by`` and make the row ``registered``.
"""
from __future__ import annotations

from sqlalchemy import Connection

from ..sync import kinds
from ..sync.http import BadResponse
from ..sync.summary import SyncSummary
from . import store
from .model import REG_NO_RE, Operator, Product

NAME = "ecom_registration"


def build_payload(conn: Connection, doc_id: str, op: str) -> str | None:
    return store.entry_text(conn, doc_id)


def apply_results(conn: Connection, pairs: list, summary: SyncSummary) -> None:
    for it, res in pairs:
        if res["outcome"] in ("applied", "duplicate"):
            store.mark_sent(conn, it.declaration_id)
        else:
            store.set_result(conn, it.declaration_id, "refused", None, res.get("reasons") or [])


def check_change(c: dict) -> dict:
    if c["status"] != "registered":
        raise BadResponse(f"未知的备案状态 {c['status'][:20]}")
    if not (isinstance(c.get("reg_no"), str) and REG_NO_RE.fullmatch(c["reg_no"])):
        raise BadResponse("备案回执缺少有效的备案号")
    return c


def apply_changes(conn: Connection, changes: list[dict], summary: SyncSummary) -> None:
    for c in changes:
        if store.set_result(conn, c["doc_id"], "registered", c["reg_no"], None,
                            c.get("registered_by")):
            summary.receipts += 1
        else:
            summary.unknown_receipts += 1


def queue_registration(conn: Connection, entry: Operator | Product) -> str:
    """A new ``pending`` registration and its outbox row, in the caller's transaction; the
    registration's id (also the outbox row's ``mutation_id``)."""
    rid = store.queue(conn, entry)
    kinds.enqueue_doc(conn, NAME, rid, "submit", mutation_id=rid)
    return rid


KIND = kinds.register(kinds.DocKind(
    NAME, "跨境电商备案", "e-commerce registration", build_payload=build_payload,
    apply_results=apply_results, check_change=check_change, apply_changes=apply_changes))
