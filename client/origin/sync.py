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


def resync(client, db, summary: SyncSummary) -> None:
    """After the cursor expired: ask the platform for each certificate still ``sent``
    (``GET /v1/origin-certificates/{id}``) and apply an issue the feed can no longer tell."""
    from ..sync.http import RequestRefused
    with db.read() as conn:
        ids = [r.id for r in store.list_rows(conn, "sent", limit=100000)]
    for cid in ids:
        try:
            body = client.get(f"/v1/origin-certificates/{cid}")
        except RequestRefused as exc:
            if exc.status == 404:
                continue
            raise
        if not isinstance(body, dict) or body.get("id") != cid:
            raise BadResponse("原产地证书应答格式错误")
        if body.get("status") != "issued":
            continue
        check_change({"status": "issued", "certificate_no": body.get("certificate_no")})
        with db.write() as conn:
            if store.move(conn, cid, "issued", "完整同步：平台已签发", "platform",
                          certificate_no=body["certificate_no"], issued_on=body.get("issued_on"),
                          version=body.get("version")):
                summary.status_changes.append(StatusChange(cid, body["certificate_no"], "sent",
                                                           "issued", None))


KIND = kinds.register(kinds.DocKind(
    NAME, "原产地证书", "certificate of origin", build_payload=build_payload,
    apply_results=apply_results, check_change=check_change, apply_changes=apply_changes,
    resync=resync))
