"""Helpers of the sync tests: drafts filed by a demo enterprise, the platform's view, checks."""
from __future__ import annotations

import sqlite3

from client.model import Party
from client.rules.sample import sample_declaration
from sandbox.seed import DEMO_PASSWORD

_seed = [1000]


def party(ent: dict) -> Party:
    return Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
                 uscc=ent["uscc"])


def add_drafts(desk, ent: dict | None, n: int, direction: str = "inbound") -> list[str]:
    """``n`` valid drafts declared by ``ent`` (the logged-in enterprise), saved; their ids."""
    from client.store import declarations as decl_q
    decls = []
    for _ in range(n):
        _seed[0] += 1
        d = sample_declaration(direction, 1, seed=_seed[0])
        if ent is not None:
            d.declarant = party(ent)
            if direction == "inbound":
                d.consignee = party(ent)
            else:
                d.consignor = party(ent)
        decls.append(d)
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls)
    return [d.id for d in decls]


def platform_view(sb, username: str) -> dict[str, dict]:
    """Every declaration the platform holds for ``username``: ``{id: item}``."""
    s = sb.login(username, DEMO_PASSWORD, device_id="checker")
    out: dict[str, dict] = {}
    dup = []
    cursor = None
    while True:
        params = {"limit": 5000, "payload": "false"}
        if cursor:
            params["since"] = cursor
        body = s.get("/v1/declarations", params=params).json()
        for d in body["declarations"]:
            if d["id"] in out:
                dup.append(d["id"])
            out[d["id"]] = d
        cursor = body["next_cursor"]
        if not body["has_more"]:
            break
    assert not dup, f"declarations listed twice: {dup[:5]}"
    nos = [d["inspection_no"] for d in out.values()]
    assert len(nos) == len(set(nos)), "an inspection number is used twice on the platform"
    return out


def local_rows(desk) -> dict[str, tuple]:
    from sqlalchemy import select

    from client.store import schema as s
    with desk.db.read() as conn:
        return {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
            select(s.declarations.c.id, s.declarations.c.status,
                   s.declarations.c.inspection_no, s.declarations.c.version))}


def integrity_ok(desk) -> bool:
    con = sqlite3.connect(desk.paths.db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def check_consistent(desk, sb, username: str) -> dict[str, dict]:
    """Every finalised declaration is on the platform once, with the local status."""
    view = platform_view(sb, username)
    local = local_rows(desk)
    finalised = {k: v for k, v in local.items() if v[0] != "draft"}
    for did, (status, no, _ver) in finalised.items():
        assert did in view, f"{did} ({no}, {status}) is not on the platform"
        assert view[did]["inspection_no"] == no
        assert status == view[did]["status"], (did, status, view[did]["status"])
    mine = {k for k in view if k in local}
    assert mine == set(finalised)
    assert integrity_ok(desk)
    return view


def accounted(engine, desk) -> None:
    """Close every lease: each serial is used by a local declaration or void on the platform."""
    leases_before = engine.leases()
    local_nos = {v[1] for v in local_rows(desk).values() if v[1]}
    client = engine.client()
    engine.close_leases(all_open=True)
    for le in leases_before:
        body = client.get(f"/v1/number-leases/{le.lease_id}")
        assert body["state"] == "closed", body
        nos = {le.number(n) for n in range(le.first, le.last + 1)}
        used = {le.number(n) for n in range(le.first, le.next_serial)}
        assert used <= local_nos, "a number was handed out without a declaration"
        closed = client.post(f"/v1/number-leases/{le.lease_id}/close", json={"used": []})
        void = set()
        for a, b in closed["void_ranges"]:
            void |= {le.number(n) for n in range(a, b + 1)}
        assert void | used == nos and not (void & used)
