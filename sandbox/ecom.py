"""Cross-border e-commerce registrations on the platform (跨境电商备案, issue 15).

Registrations arrive as mutations of the one batch endpoint (``POST /v1/mutations:batch``,
``doc_kind`` ``ecom_registration``; :func:`apply`, registered with :mod:`sandbox.dockinds`):
each entry is checked with the desk's own :func:`client.ecom.model.parse_entry` and, for a product, the
negative list (:func:`client.ecom.model.negative_list_problem`, the matcher rule E1801
uses — 统一规则), then given a registration number. Numbers are national: ``GET
/v1/ecom/registrations/{reg_no}`` answers any logged-in enterprise (一地备案、全国共享), so
one operator's product registration can be referenced by another's declaration. The number
travels in the feed: a ``doc_status`` change ``registered`` with ``reg_no``. A refusal is the
mutation's ``rejected`` with its reasons. See PROTOCOL.md "E-commerce registrations".
"""
from __future__ import annotations

import json

from fastapi import Depends
from sqlalchemy import Column, Float, Integer, String, Table, Text, func, select

from client.ecom.model import Product, negative_list_problem, parse_entry

from . import db, dockinds
from .protocol import ApiError, Principal, iso, reason

registrations = Table(
    "ecom_registrations", db.metadata,
    Column("reg_no", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("mutation_id", String, nullable=False, unique=True),
    Column("enterprise_id", Integer, nullable=False),
    Column("registered_by", String, nullable=False),   # the filing enterprise's USCC
    Column("entry", Text, nullable=False),
    Column("at", Float, nullable=False),
)
refusals = Table(
    "ecom_refusals", db.metadata,
    Column("mutation_id", String, primary_key=True),
    Column("enterprise_id", Integer, nullable=False),
    Column("reasons", Text, nullable=False),
)
NAME = "ecom_registration"
PREFIX = {"operator": "CBEO", "product": "CBEP"}


class EcomRegistry:
    """The registrations part of the platform (over ``pf.db``, ``pf.lock``, ``pf.codes``)."""

    def __init__(self, pf):
        self.pf = pf
        registrations.create(pf.db.engine, checkfirst=True)
        refusals.create(pf.db.engine, checkfirst=True)

    def _item(self, r) -> dict:
        return {"reg_no": r.reg_no, "kind": r.kind, "registered_by": r.registered_by,
                "registered_at": iso(r.at), "entry": json.loads(r.entry)}

    def lookup(self, reg_no: str) -> dict:
        with self.pf.db.engine.connect() as conn:
            r = conn.execute(select(registrations).where(registrations.c.reg_no == reg_no)).first()
        if r is None:
            raise ApiError(404, "unknown_registration", f"no registration {reg_no!r}")
        return self._item(r)


def register_one(conn, codes, p: Principal, mid: str, body: dict, year: int, at: float) -> dict:
    """Check one new registration and register it (or keep the refusal), in ``conn``'s
    transaction: ``{"result": "registered", "reg_no", …}`` or ``{"result": "refused",
    "reasons"}``."""
    parsed = parse_entry(body, codes, "entry")
    problems = list(parsed.problems)
    entry = parsed.entry
    if isinstance(entry, Product):
        neg = negative_list_problem(entry, codes, "entry")
        if neg is not None:
            problems.append(neg)
    if problems or entry is None:
        code = "negative_list" if any("负面清单" in x.message_zh for x in problems) \
            else "invalid_registration"
        reasons = [reason(code, x.field, x.message_zh, x.message_en) for x in problems]
        conn.execute(refusals.insert().values(mutation_id=mid, enterprise_id=p.id,
                                              reasons=json.dumps(reasons, ensure_ascii=False)))
        return {"mutation_id": mid, "result": "refused", "reasons": reasons}
    prefix = PREFIX[entry.kind]
    n = conn.execute(select(func.count()).select_from(registrations)
                     .where(registrations.c.reg_no.like(f"{prefix}{year}%"))).scalar() or 0
    reg_no = f"{prefix}{year}{n + 1:08d}"
    conn.execute(registrations.insert().values(
        reg_no=reg_no, kind=entry.kind, mutation_id=mid, enterprise_id=p.id,
        registered_by=p.uscc, entry=json.dumps(entry.to_dict(), ensure_ascii=False), at=at))
    return {"mutation_id": mid, "result": "registered", "reg_no": reg_no, "kind": entry.kind,
            "registered_by": p.uscc, "registered_at": iso(at), "entry": entry.to_dict()}


def apply(batch, m: dict) -> tuple:
    """One ``ecom_registration`` mutation of ``mutations:batch`` (sandbox.dockinds): a
    registration gets its number, announced by a ``doc_status`` change ``registered``; a
    refusal is the mutation's ``rejected`` with the reasons."""
    if m.get("kind") != "submit":
        return "rejected", None, [reason("invalid_mutation", "kind", "备案只接受申报 (submit)",
                                         "a registration takes only submit")], True
    payload = m.get("payload")
    if not isinstance(payload, dict):
        return "rejected", None, [reason("invalid_mutation", "payload", "缺少备案内容",
                                         "payload must be the registration object")], True
    res = register_one(batch.conn, batch.pf.codes, batch.p, m["mutation_id"], payload,
                       batch.pf.platform_today().year, batch.now)
    if res["result"] != "registered":
        return "rejected", None, res["reasons"], True
    batch.doc_change(batch.p.id, NAME, m["doc_id"], "registered", None, 1,
                     reg_no=res["reg_no"], registered_by=res["registered_by"],
                     registration_kind=res["kind"])
    return "applied", 1, [], True


dockinds.register(dockinds.KindHandler(NAME, apply))


def routes(app, pf, principal, as_json) -> None:
    """Add the registration endpoints to ``app`` (called once by ``sandbox.app``)."""
    reg = EcomRegistry(pf)

    @app.get("/v1/ecom/registrations/{reg_no}", tags=["ecom"])
    def ecom_lookup(reg_no: str, p: Principal = Depends(principal)):
        return as_json(200, reg.lookup(reg_no))
