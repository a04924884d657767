"""The desk's ``ecom_registrations`` table (migration 0008_ecom) and its queries.

A registration queued by ``ecom register`` is ``pending`` with an outbox row of document kind
``ecom_registration`` (:mod:`client.ecom.kind`; the row id is the ``mutation_id``, so a
resend never registers twice); the push makes it ``sent``, or ``refused`` (with
``reasons``); the feed's ``doc_status`` change makes it ``registered`` (with ``reg_no``). Numbers looked up on the
platform are kept as ``looked_up`` (known) or ``not_found``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Column, Connection, MetaData, String, Table, Text, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..model import new_ulid
from ..store import kv
from ..store.db import utcnow
from .model import Operator, Product

metadata = MetaData()
registrations = Table(
    "ecom_registrations", metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),       # operator | product
    Column("source", String, nullable=False),     # filed | lookup
    # pending | sent | registered | refused (filed); looked_up | not_found (lookup)
    Column("status", String, nullable=False),
    Column("reg_no", String, unique=True),
    Column("title", String),
    Column("hs_code", String),
    Column("origin_country", String),
    Column("entry", Text),                        # the registration's JSON
    Column("reasons", Text),                      # JSON list of refusal reasons
    Column("registered_by", String),              # the filing enterprise's USCC (platform)
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)

#: statuses: code -> (Chinese, English)
STATUS_NAMES = {"pending": ("待报送", "pending"), "sent": ("已报送", "sent"), "registered": ("已备案", "registered"),
                "refused": ("不予备案", "refused"), "looked_up": ("已查得", "looked up"),
                "not_found": ("平台无此备案", "not found")}
KNOWN = ("registered", "looked_up")
REV_KEY = "ecom.registrations_rev"


@dataclass(frozen=True, slots=True)
class Registration:
    """One row as the CLI and the rules see it."""

    id: str
    kind: str
    source: str
    status: str
    reg_no: str | None
    title: str | None
    hs_code: str | None
    origin_country: str | None
    entry: dict
    reasons: list
    registered_by: str | None
    created_at: str
    updated_at: str

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "source": self.source,
                "status": self.status, "reg_no": self.reg_no, "title": self.title,
                "hs_code": self.hs_code, "origin_country": self.origin_country,
                "entry": self.entry, "reasons": self.reasons,
                "registered_by": self.registered_by, "created_at": self.created_at,
                "updated_at": self.updated_at}


def _row(r) -> Registration:
    return Registration(r.id, r.kind, r.source, r.status, r.reg_no, r.title, r.hs_code,
                        r.origin_country, json.loads(r.entry) if r.entry else {},
                        json.loads(r.reasons) if r.reasons else [], r.registered_by,
                        r.created_at, r.updated_at)


def queue(conn: Connection, entry: Operator | Product) -> str:
    """A new ``pending`` registration filed by this desk; its id."""
    now = utcnow()
    rid = new_ulid()
    conn.execute(insert(registrations).values(
        id=rid, kind=entry.kind, source="filed", status="pending", reg_no=None,
        title=entry.title, hs_code=getattr(entry, "hs_code", None),
        origin_country=getattr(entry, "origin_country", None),
        entry=json.dumps(entry.to_dict(), ensure_ascii=False), reasons=None,
        registered_by=None, created_at=now, updated_at=now))
    _bump(conn)
    return rid


def entry_text(conn: Connection, rid: str) -> str | None:
    """The registration's JSON as filed (the outbox payload)."""
    return conn.execute(select(registrations.c.entry).where(registrations.c.id == rid)).scalar()


def mark_sent(conn: Connection, rid: str) -> None:
    """The platform has the registration; a row already answered keeps its answer."""
    t = registrations
    conn.execute(update(t).where(t.c.id == rid, t.c.status == "pending")
                 .values(updated_at=utcnow(), status="sent"))
    _bump(conn)


def set_result(conn: Connection, rid: str, status: str, reg_no: str | None,
               reasons: list | None, registered_by: str | None = None) -> bool:
    """The platform's answer for a filed registration (``registered`` or ``refused``);
    False when there is no such filed row."""
    t = registrations
    # (the registration's own status, not a declaration's: client.store.status is not involved)
    res = conn.execute(update(t).where(t.c.id == rid, t.c.source == "filed").values(
        reg_no=reg_no, status=status, registered_by=registered_by,
        reasons=json.dumps(reasons, ensure_ascii=False) if reasons else None,
        updated_at=utcnow()))
    _bump(conn)
    return bool(res.rowcount)


def remember_lookup(conn: Connection, reg_no: str, item: dict | None) -> None:
    """Keep what the platform said about ``reg_no`` (``None``: it does not know it). A row
    this desk filed is left as it is."""
    t = registrations
    now = utcnow()
    entry = item.get("entry") if isinstance(item, dict) else None
    entry = entry if isinstance(entry, dict) else {}
    values = dict(
        kind=(item or {}).get("kind") or entry.get("kind") or "product", source="lookup",
        status="looked_up" if item else "not_found", reg_no=reg_no,
        title=(f"{entry.get('brand', '')} {entry.get('name_cn', '')}".strip()
               if entry.get("kind") == "product" else entry.get("name_cn")) or None,
        hs_code=entry.get("hs_code"), origin_country=entry.get("origin_country"),
        entry=json.dumps(entry, ensure_ascii=False) if entry else None, reasons=None,
        registered_by=(item or {}).get("registered_by"), updated_at=now)
    stmt = sqlite_insert(t).values(id=new_ulid(), created_at=now, **values)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=[t.c.reg_no], set_=values, where=t.c.source == "lookup"))
    _bump(conn)


def all_rows(conn: Connection) -> list[Registration]:
    t = registrations
    return [_row(r) for r in conn.execute(select(t).order_by(t.c.created_at, t.c.id))]


def by_reg_no(conn: Connection, reg_no: str) -> Registration | None:
    r = conn.execute(select(registrations).where(registrations.c.reg_no == reg_no)).first()
    return _row(r) if r else None


@dataclass(frozen=True, slots=True)
class ProductRef:
    """What validation needs of a product registration: its HS code and origin."""

    reg_no: str
    hs_code: str
    origin_country: str
    title: str


@dataclass(frozen=True, slots=True)
class KnownRegistrations:
    """The registrations the desk knows, for the rules (``RuleContext.ecom_registrations``):
    ``products`` by number, ``not_found`` the numbers the platform said it does not know."""

    products: dict
    not_found: frozenset
    operators: frozenset = frozenset()


def version(conn: Connection) -> int:
    """A counter every writer of this table bumps in its own transaction (kv
    ``ecom.registrations_rev``): ``Desk.rule_context()`` reloads :func:`known` only when it
    changed."""
    return int(kv.get(conn, REV_KEY) or 0)


def _bump(conn: Connection) -> None:
    kv.put(conn, REV_KEY, version(conn) + 1)


def known(conn: Connection) -> KnownRegistrations:
    t = registrations
    products: dict[str, ProductRef] = {}
    missing, operators = set(), set()
    for r in conn.execute(select(t.c.reg_no, t.c.kind, t.c.status, t.c.hs_code,
                                 t.c.origin_country, t.c.title)
                          .where(t.c.reg_no.is_not(None))):
        if r.status == "not_found":
            missing.add(r.reg_no)
        elif r.status in KNOWN and r.kind == "product":
            products[r.reg_no] = ProductRef(r.reg_no, r.hs_code or "", r.origin_country or "",
                                            r.title or "")
        elif r.status in KNOWN:
            operators.add(r.reg_no)
    return KnownRegistrations(products, frozenset(missing), frozenset(operators))
