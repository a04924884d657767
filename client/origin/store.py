"""The certificates of origin in the store: ``origin_certificates`` and ``origin_history``.

This module is the ONLY writer of both tables (the declaration's one writer,
:mod:`client.store.status`, does not touch them; a test greps for others). Every function
takes the caller's connection, so a save, a status move and an outbox row can be one
transaction. Status moves: local ones (``draft → ready`` on filing) are checked against
:data:`LOCAL_MOVES`; platform ones only move forward (``ready < sent < issued|rejected``),
and the same receipt twice adds nothing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, update

from ..store import schema as s
from ..store.db import utcnow
from .model import STATUSES

T, H = s.origin_certificates, s.origin_history
RANK = {"draft": 0, "rejected": 0, "ready": 1, "sent": 2, "issued": 3}
LOCAL_MOVES = {("draft", "ready"), ("rejected", "ready"), ("rejected", "draft")}


class IllegalMove(ValueError):
    pass


@dataclass(frozen=True)
class CertificateRow:
    id: str
    status: str
    agreement: str | None
    certificate_no: str | None
    issued_on: str | None
    consignee_name: str | None
    consignee_country: str | None
    application_date: str | None
    declaration_id: str | None
    status_note: str | None
    valid: int | None
    error_count: int | None
    warning_count: int | None
    updated_at: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


_COLS = (T.c.id, T.c.status, T.c.agreement, T.c.certificate_no, T.c.issued_on,
         T.c.consignee_name, T.c.consignee_country, T.c.application_date, T.c.declaration_id,
         T.c.status_note, T.c.valid, T.c.error_count, T.c.warning_count, T.c.updated_at)


def _derived(doc: dict) -> dict:
    c = doc.get("consignee") or {}
    return {"declaration_id": doc.get("declaration_id"), "agreement": doc.get("agreement"),
            "exporter_uscc": (doc.get("exporter") or {}).get("uscc"),
            "consignee_name": c.get("name"), "consignee_country": c.get("country"),
            "application_date": doc.get("application_date"),
            "doc": json.dumps(doc, ensure_ascii=False, separators=(",", ":"))}


def save(conn: Connection, doc: dict) -> str:
    """Insert a new draft or update an editable one; returns the status it has."""
    now = utcnow()
    cur = conn.execute(select(T.c.status).where(T.c.id == doc["id"])).scalar()
    if cur is None:
        conn.execute(insert(T).values(id=doc["id"], status="draft", created_at=now,
                                      updated_at=now, **_derived(doc)))
        _history(conn, doc["id"], "draft", "新建原产地证书", "local", now)
        return "draft"
    conn.execute(update(T).where(T.c.id == doc["id"]).values(
        updated_at=now, valid=None, error_count=None, warning_count=None, **_derived(doc)))
    return cur


def _history(conn: Connection, cid: str, status: str, note: str | None, source: str,
             at: str) -> None:
    conn.execute(insert(H).values(certificate_id=cid, status=status, at=at, note=note,
                                  source=source))


def move(conn: Connection, cid: str, status: str, note: str | None, source: str = "local", *,
         at: str | None = None, version: int | None = None, certificate_no: str | None = None,
         issued_on: str | None = None) -> bool:
    """Move a certificate's status (the one place that does). Returns True when it moved.

    A local move outside :data:`LOCAL_MOVES` raises :class:`IllegalMove`. A platform move
    is kept in the history once (same status and time = the same receipt) and moves the
    status only forward; a rejection after ``sent`` moves it back to ``rejected``.
    """
    if status not in STATUSES:
        raise IllegalMove(f"unknown status {status!r}")
    cur = conn.execute(select(T.c.status).where(T.c.id == cid)).scalar()
    if cur is None:
        return False
    at = at or utcnow()
    if source == "local":
        if (cur, status) not in LOCAL_MOVES:
            raise IllegalMove(f"{cur} -> {status}")
    else:
        seen = conn.execute(select(func.count()).select_from(H).where(
            H.c.certificate_id == cid, H.c.status == status, H.c.at == at,
            H.c.source == "platform")).scalar_one()
        if seen:
            return False
    _history(conn, cid, status, note, source, at)
    forward = source == "local" or RANK[status] > RANK[cur] or (
        status == "rejected" and cur in ("ready", "sent"))
    if cur == "issued":
        forward = False  # an issued certificate stays issued
    if not forward:
        return False
    values: dict = {"status": status, "status_note": note, "updated_at": utcnow()}
    if version is not None:
        values["version"] = version
    if certificate_no is not None:
        values["certificate_no"] = certificate_no
    if issued_on is not None:
        values["issued_on"] = issued_on
    conn.execute(update(T).where(T.c.id == cid).values(**values))
    return True


def set_validation(conn: Connection, cid: str, errors: int, warnings: int) -> None:
    conn.execute(update(T).where(T.c.id == cid).values(
        valid=int(errors == 0), error_count=errors, warning_count=warnings))


def load(conn: Connection, cid: str) -> dict | None:
    text = conn.execute(select(T.c.doc).where(T.c.id == cid)).scalar()
    return json.loads(text) if text else None


def load_text(conn: Connection, cid: str) -> str | None:
    return conn.execute(select(T.c.doc).where(T.c.id == cid)).scalar()


def row(conn: Connection, cid: str) -> CertificateRow | None:
    r = conn.execute(select(*_COLS).where(T.c.id == cid)).first()
    return CertificateRow(**dict(r._mapping)) if r else None


def list_rows(conn: Connection, status: str | None = None, limit: int = 1000
              ) -> list[CertificateRow]:
    q = select(*_COLS).order_by(T.c.updated_at.desc(), T.c.id.desc()).limit(limit)
    if status:
        q = q.where(T.c.status == status)
    return [CertificateRow(**dict(r._mapping)) for r in conn.execute(q)]


def counts(conn: Connection) -> dict[str, int]:
    out = {k: 0 for k in STATUSES}
    for st, n in conn.execute(select(T.c.status, func.count()).group_by(T.c.status)):
        out[st] = n
    return out


def history(conn: Connection, cid: str) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(
        select(H.c.status, H.c.at, H.c.note, H.c.source).where(H.c.certificate_id == cid)
        .order_by(H.c.id))]


def known_ids(conn: Connection, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for k in range(0, len(ids), 500):
        out.update(conn.execute(select(T.c.id).where(T.c.id.in_(ids[k:k + 500]))).scalars())
    return out
