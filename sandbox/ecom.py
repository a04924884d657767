"""Cross-border e-commerce registrations on the platform (跨境电商备案, issue 15).

``POST /v1/ecom/registrations`` files operator and product registrations: each entry is
checked with the desk's own :func:`client.ecom.model.parse_entry` and, for a product, the
negative list (:func:`client.ecom.model.negative_list_problem`, the matcher rule E1801
uses — 统一规则), then given a registration number. Numbers are national: ``GET
/v1/ecom/registrations/{reg_no}`` answers any logged-in enterprise (一地备案、全国共享), so
one operator's product registration can be referenced by another's declaration. Each entry
carries a ``mutation_id``: the same id again answers ``duplicate`` with the first result.
See PROTOCOL.md "E-commerce registrations".
"""
from __future__ import annotations

import json

from fastapi import Depends
from pydantic import BaseModel, Field
from sqlalchemy import Column, Float, Integer, String, Table, Text, func, select

from client.ecom.model import Product, negative_list_problem, parse_entry

from . import db
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
MAX_BATCH = 500
PREFIX = {"operator": "CBEO", "product": "CBEP"}


class EcomRegisterIn(BaseModel):
    registrations: list[dict] = Field(description="1..500 entries, each {mutation_id, kind, …}")


class EcomRegistry:
    """The registrations part of the platform (over ``pf.db``, ``pf.lock``, ``pf.codes``)."""

    def __init__(self, pf):
        self.pf = pf
        registrations.create(pf.db.engine, checkfirst=True)
        refusals.create(pf.db.engine, checkfirst=True)

    def _item(self, r) -> dict:
        return {"reg_no": r.reg_no, "kind": r.kind, "registered_by": r.registered_by,
                "registered_at": iso(r.at), "entry": json.loads(r.entry)}

    def register(self, p: Principal, entries: list) -> dict:
        if not entries or len(entries) > MAX_BATCH:
            raise ApiError(400, "invalid_request", f"registrations must hold 1..{MAX_BATCH} entries")
        results = []
        with self.pf.lock, self.pf.db.engine.begin() as conn:
            year = self.pf.platform_today().year
            for i, e in enumerate(entries):
                mid = e.get("mutation_id") if isinstance(e, dict) else None
                if not isinstance(mid, str) or not (8 <= len(mid) <= 64):
                    results.append({"mutation_id": mid, "result": "rejected", "reasons": [
                        reason("invalid_request", f"registrations[{i}].mutation_id",
                               "每条备案须带 8–64 个字符的 mutation_id",
                               "each registration needs a mutation_id of 8-64 characters")]})
                    continue
                results.append(self._one(conn, p, mid, e, year))
        return {"results": results}

    def _one(self, conn, p: Principal, mid: str, e: dict, year: int) -> dict:
        r = conn.execute(select(registrations).where(registrations.c.mutation_id == mid)).first()
        if r is not None:
            return {"mutation_id": mid, "result": "duplicate", **self._item(r)}
        old = conn.execute(select(refusals.c.reasons).where(refusals.c.mutation_id == mid)).first()
        if old is not None:
            return {"mutation_id": mid, "result": "refused", "reasons": json.loads(old[0])}
        body = {k: v for k, v in e.items() if k != "mutation_id"}
        return register_one(conn, self.pf.codes, p, mid, body, year, self.pf.now())

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


def routes(app, pf, principal, as_json) -> None:
    """Add the registration endpoints to ``app`` (called once by ``sandbox.app``)."""
    reg = EcomRegistry(pf)

    @app.post("/v1/ecom/registrations", tags=["ecom"])
    def ecom_register(body: EcomRegisterIn, p: Principal = Depends(principal)):
        return as_json(200, reg.register(p, body.registrations))

    @app.get("/v1/ecom/registrations/{reg_no}", tags=["ecom"])
    def ecom_lookup(reg_no: str, p: Principal = Depends(principal)):
        return as_json(200, reg.lookup(reg_no))
