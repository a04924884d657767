"""The ``origin_certificate`` document kind of the one outbox and feed (client.sync.kinds).

Pushing: an outbox row ``kind=submit``, ``doc_kind=origin_certificate``, the payload the
certificate's JSON as filed. Results: ``applied``/``duplicate`` → ``sent`` (the platform
has it); ``rejected`` → ``rejected`` with the reasons. Feed: ``doc_status`` changes with
``status`` ``issued`` (and ``certificate_no``, ``issued_on``) or ``rejected`` (and
``reasons``) move it through :func:`client.origin.store.move`, the only writer.
"""
from __future__ import annotations

from sqlalchemy import Connection

from ..sync import kinds
from ..sync.http import BadResponse
from ..sync.pull import receipt_note
from ..sync.summary import StatusChange, SyncSummary
from ..timeutil import store_time
from . import store

NAME = "origin_certificate"
FEED_STATUSES = ("under_review", "issued", "rejected")


def build_payload(conn: Connection, doc_id: str, op: str) -> str | None:
    return store.load_text(conn, doc_id)


def apply_results(conn: Connection, pairs: list, summary: SyncSummary) -> None:
    for it, res in pairs:
        outcome = res["outcome"]
        if outcome in ("applied", "duplicate"):
            if store.move(conn, it.declaration_id, "sent", "已发送，平台已接收", "platform",
                          version=res.get("version")):
                summary.status_changes.append(StatusChange(it.declaration_id, None, "ready",
                                                           "sent", None))
        else:
            note = receipt_note("平台退回", res.get("reasons"))
            store.move(conn, it.declaration_id, "rejected", note, "platform")


def check_change(c: dict) -> dict:
    if c["status"] not in FEED_STATUSES:
        raise BadResponse(f"未知的原产地证书状态 {c['status'][:20]}")
    if c["status"] == "issued" and not (isinstance(c.get("certificate_no"), str)
                                        and c["certificate_no"]):
        raise BadResponse("已签证的原产地证书缺少证书号")
    return c


def apply_changes(conn: Connection, changes: list[dict], summary: SyncSummary) -> None:
    have = store.known_ids(conn, sorted({c["doc_id"] for c in changes}))
    for c in changes:
        if c["doc_id"] not in have:
            summary.unknown_receipts += 1
            continue
        status = "sent" if c["status"] == "under_review" else c["status"]
        note = receipt_note(c.get("note"), c.get("reasons"))
        old = store.row(conn, c["doc_id"])
        moved = store.move(conn, c["doc_id"], status, note, "platform",
                           at=store_time(c["at"]) or c["at"], version=c.get("version"),
                           certificate_no=c.get("certificate_no"), issued_on=c.get("issued_on"))
        summary.receipts += 1
        if moved:
            summary.status_changes.append(StatusChange(c["doc_id"], c.get("certificate_no"),
                                                       old.status if old else None, status,
                                                       note))


KIND = kinds.register(kinds.DocKind(
    NAME, "原产地证书", "certificate of origin", build_payload=build_payload,
    apply_results=apply_results, check_change=check_change, apply_changes=apply_changes))
