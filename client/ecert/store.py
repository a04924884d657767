"""The desk's ``ecerts`` table (migration 0004) and the XML files behind it.

The XML of each e-certificate is kept byte for byte in the attachment store
(:mod:`client.store.blobs`, content-addressed); a file whose signature failed is kept apart
in ``<profile>/quarantine/ecerts/`` and never enters the store.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import Column, Connection, MetaData, String, Table, Text, or_, select

from ..store import blobs
from ..store.db import utcnow
from . import tables
from ..store import dialect

metadata = MetaData()
ecerts = Table(
    "ecerts", metadata,
    Column("number", String, primary_key=True),
    Column("declaration_id", String, nullable=False),
    Column("inspection_no", String),
    Column("cert_type", String),
    Column("type_code", String),
    Column("status", String, nullable=False),   # announced | issued | cancelled | invalid
    Column("issued_at", String),
    Column("cancelled_at", String),
    Column("replaces", String),
    Column("sha256", String),
    Column("cancel_sha256", String),
    Column("error", Text),
    Column("updated_at", String, nullable=False),
)

STATUS_NAMES = {"announced": ("待接收", "announced"), "issued": ("有效", "valid"),
                "cancelled": ("已作废", "cancelled"), "invalid": ("签名无效", "invalid signature")}


@dataclass
class Ecert:
    """One e-certificate of a declaration as the desk holds it."""

    number: str
    declaration_id: str
    inspection_no: str | None
    cert_type: str | None
    type_code: str | None
    status: str
    issued_at: str | None
    cancelled_at: str | None
    replaces: str | None
    sha256: str | None
    cancel_sha256: str | None
    error: str | None

    @property
    def type_name(self) -> tuple[str, str]:
        ct = tables.certificate_type(self.cert_type or "")
        return (ct["name_cn"], ct["name_en"]) if ct else (self.cert_type or "", "")

    def status_name(self, lang: str = "zh") -> str:
        zh, en = STATUS_NAMES.get(self.status, (self.status, self.status))
        return en if lang == "en" else zh

    def to_dict(self) -> dict:
        d = asdict(self)
        d["type_name_cn"], d["type_name_en"] = self.type_name
        return d


def _row(r) -> Ecert:
    return Ecert(**{k: r._mapping[k] for k in Ecert.__dataclass_fields__})


def announce(conn: Connection, changes: list[dict]) -> int:
    """Record the ``ecert`` changes of a feed page (inside the page's transaction): each
    names an e-certificate to fetch. Returns how many."""
    now = utcnow()
    for c in changes:
        number, decl = c.get("number"), c.get("declaration_id")
        if not isinstance(number, str) or not isinstance(decl, str):
            continue
        values = {"number": number, "declaration_id": decl,
                  "inspection_no": c.get("inspection_no"), "cert_type": c.get("type"),
                  "status": "announced", "updated_at": now}
        if c.get("replaces"):
            values["replaces"] = c["replaces"]
        conn.execute(dialect.insert(conn, ecerts).values(**values).on_conflict_do_update(
            index_elements=[ecerts.c.number], set_={"status": "announced", "updated_at": now}))
    return len(changes)


def pending(conn: Connection) -> list[str]:
    return list(conn.execute(select(ecerts.c.number).where(
        ecerts.c.status == "announced").order_by(ecerts.c.number)).scalars())


def of_declaration(conn: Connection, key: str) -> list[Ecert]:
    """The e-certificates of a declaration (by local id or inspection number), oldest first."""
    rows = conn.execute(select(ecerts).where(or_(
        ecerts.c.declaration_id == key, ecerts.c.inspection_no == key))
        .order_by(ecerts.c.issued_at, ecerts.c.number)).all()
    return [_row(r) for r in rows]


def by_numbers(conn: Connection, numbers: list) -> list[Ecert]:
    """The held e-certificates among ``numbers``."""
    wanted = [n for n in numbers if isinstance(n, str)]
    if not wanted:
        return []
    return [_row(r) for r in conn.execute(select(ecerts).where(ecerts.c.number.in_(wanted)))]


def get(conn: Connection, number: str) -> Ecert | None:
    r = conn.execute(select(ecerts).where(ecerts.c.number == number)).first()
    return _row(r) if r else None


def store_xml(conn: Connection, root: Path, data: bytes) -> str:
    """Keep ``data`` in the attachment store; its sha256."""
    root.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".ecert-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        sha, _size = blobs.store_file(conn, root, Path(tmp))
    finally:
        Path(tmp).unlink(missing_ok=True)
    return sha


def save(conn: Connection, number: str, **values) -> None:
    values["updated_at"] = utcnow()
    conn.execute(ecerts.update().where(ecerts.c.number == number).values(**values))


def quarantine(data_dir: Path, number: str, data: bytes) -> Path:
    """Keep a file that failed verification apart; its path."""
    import hashlib
    d = data_dir / "quarantine" / "ecerts"
    d.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in number)[:80]
    path = d / f"{safe}-{hashlib.sha256(data).hexdigest()[:12]}.xml"
    path.write_bytes(data)
    return path
