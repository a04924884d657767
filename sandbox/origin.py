"""Certificates of origin on the platform (issue 15): accept, re-validate, issue or reject.

A mutation ``{"kind": "submit", "doc_kind": "origin_certificate", "doc_id", "payload"}`` of
``POST /v1/mutations:batch`` (the one batch endpoint; :mod:`sandbox.dockinds`) is checked:
the exporter (``exporter.uscc``, default the login) must be an enterprise this login may
file for, and the certificate must pass :func:`client.origin.rules.validate` — the desk's
own rulebook, on the platform's date and code book. Then **即到即签**: an AA or A exporter's
non-retroactive application is issued at once (``doc_status`` ``issued`` with
``certificate_no`` and ``issued_on`` in the same batch); every other one goes
``under_review`` and is issued after :data:`REVIEW_SECONDS` of platform time (divided by
``--time-scale``), by the advancer. ``GET /v1/origin-certificates/{id}`` answers one.
PROTOCOL.md "Certificates of origin".
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Column, Float, Integer, String, Table, Text, func, insert, select, update

from client.origin.rules import validate

from . import db, dockinds
from .protocol import ApiError, Principal, iso, reason

NAME = "origin_certificate"
#: review time of an application that is not signed on arrival (platform seconds)
REVIEW_SECONDS = 4 * 3600
FAST_GRADES = ("AA", "A")

certificates = Table(
    "origin_certificates", db.metadata,
    Column("id", String, primary_key=True),
    Column("enterprise_id", Integer, nullable=False),
    Column("filer_id", Integer, nullable=False),
    Column("agreement", String),
    Column("status", String, nullable=False),        # under_review | issued
    Column("certificate_no", String, unique=True),
    Column("issued_on", String),
    Column("payload", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("next_due_at", Float),
    Column("created_at", Float, nullable=False),
)


def _number(conn, agreement: str, year: str) -> str:
    """``CO`` + year (2 digits) + agreement letters + a 6-digit serial, e.g. CO26KR000001."""
    letters = "".join(ch for ch in agreement.replace("CN-", "") if ch.isalpha())[:5]
    n = conn.execute(select(func.count()).select_from(certificates).where(
        certificates.c.certificate_no.is_not(None))).scalar_one() + 1
    return f"CO{year}{letters}{n:06d}"


def apply(batch, m: dict) -> tuple:
    """One origin-certificate mutation inside the batch (see the module docstring)."""
    doc_id, payload = m["doc_id"], m.get("payload")
    if m.get("kind") != "submit":
        return "rejected", None, [reason("invalid_mutation", "kind",
                                         "原产地证书只接受申报 (submit)",
                                         "a certificate of origin takes only submit")], True
    if not isinstance(payload, dict) or payload.get("id") != doc_id:
        return "rejected", None, [reason("id_mismatch", "id", "证书内容中的 id 与 doc_id 不一致",
                                         "payload.id differs from doc_id")], True
    conn = batch.conn
    if conn.execute(select(certificates.c.id).where(certificates.c.id == doc_id)).first():
        return "rejected", None, [reason("already_submitted", "id", "该原产地证书已申报过",
                                         "this certificate was already submitted")], True
    exporter = payload.get("exporter") if isinstance(payload.get("exporter"), dict) else {}
    uscc = exporter.get("uscc") or batch.p.uscc
    ent = batch.enterprise_by_uscc(uscc if isinstance(uscc, str) else None)
    if ent is None or ent.id not in batch.p.visible:
        return "rejected", None, [reason("exporter_not_permitted", "exporter.uscc",
                                         "出口商不是当前登录企业，也不是其可代理的企业",
                                         "the exporter is neither the logged-in enterprise "
                                         "nor one it may file for")], True
    _doc, issues = validate(payload, batch.pf.codes, batch.today)
    errors = [reason(i.code, i.field, i.message_zh, i.message_en)
              for i in issues if i.severity == "error"]
    if errors:
        return "rejected", None, errors, True
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    fast = ent.credit_grade in FAST_GRADES and not payload.get("retroactive")
    row: dict[str, Any] = {"id": doc_id, "enterprise_id": ent.id, "filer_id": batch.p.id,
                           "agreement": payload.get("agreement"), "payload": text,
                           "version": 1, "created_at": batch.now}
    if fast:
        no = _number(conn, payload["agreement"], batch.today.strftime("%y"))
        row.update(status="issued", certificate_no=no, issued_on=batch.today.isoformat(),
                   next_due_at=None)
        conn.execute(insert(certificates).values(**row))
        batch.doc_change(ent.id, NAME, doc_id, "issued", "即到即签：已签发", 1,
                         certificate_no=no, issued_on=row["issued_on"])
    else:
        row.update(status="under_review",
                   next_due_at=batch.now + REVIEW_SECONDS / batch.pf.settings.time_scale)
        conn.execute(insert(certificates).values(**row))
        batch.doc_change(ent.id, NAME, doc_id, "under_review", "已受理，审核中", 1)
    return "applied", 1, [], True


def advance(pf, conn) -> int:
    """Issue the certificates whose review is over; returns how many changes it emitted."""
    now = pf.now()
    rows = conn.execute(select(certificates).where(
        certificates.c.next_due_at.is_not(None), certificates.c.next_due_at <= now)
        .order_by(certificates.c.next_due_at)).all()
    if not rows:
        return 0
    seq = pf._max_seq(conn)
    today = pf.platform_today()
    for r in rows:
        no = _number(conn, r.agreement or "CO", today.strftime("%y"))
        seq += 1
        body = dockinds.doc_status_change(seq, NAME, r.id, "issued", iso(now),
                                          "审核通过，已签发", r.version, certificate_no=no,
                                          issued_on=today.isoformat())
        conn.execute(insert(db.changes).values(seq=seq, enterprise_id=r.enterprise_id,
                                               kind="doc_status", declaration_id=None,
                                               body=json.dumps(body, ensure_ascii=False)))
        conn.execute(update(certificates).where(certificates.c.id == r.id).values(
            status="issued", certificate_no=no, issued_on=today.isoformat(), next_due_at=None))
    return len(rows)


class OriginMixin:
    """``GET /v1/origin-certificates/{id}`` (uses ``self.db``, ``self.lock``, ``advance``)."""

    def origin_certificate(self, p: Principal, cid: str) -> dict:
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            r = conn.execute(select(certificates).where(certificates.c.id == cid)).first()
        if r is None or r.enterprise_id not in p.visible:
            raise ApiError(404, "unknown_certificate", f"no certificate of origin {cid!r}")
        return {"id": r.id, "status": r.status, "certificate_no": r.certificate_no,
                "issued_on": r.issued_on, "version": r.version, "agreement": r.agreement,
                "submitted_at": iso(r.created_at), "payload": json.loads(r.payload)}


dockinds.register(dockinds.KindHandler(NAME, apply, advance))
