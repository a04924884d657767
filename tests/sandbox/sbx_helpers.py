"""Helpers for the sandbox tests: valid declarations numbered from a lease, batches."""
from __future__ import annotations

import hashlib

from client.model import Party, new_ulid, to_dict
from client.rules.sample import sample_declaration

#: the attachment sample_declaration references is sha256(b"test")
SAMPLE_ATTACHMENT = b"test"
SAMPLE_ATTACHMENT_SHA = hashlib.sha256(SAMPLE_ATTACHMENT).hexdigest()


def enterprise_party(ent: dict) -> Party:
    return Party(name_cn=ent["name_cn"], name_en=ent["name_en"], reg_no=ent["reg_no"],
                 uscc=ent["uscc"])


def make_declaration(ent: dict, inspection_no: str | None, direction: str = "inbound",
                     seed: int = 1, agent: dict | None = None, goods: int = 1) -> dict:
    """A valid declaration JSON filed by ``ent`` (the /v1/enterprise object)."""
    d = sample_declaration(direction, goods, seed=seed)
    d.declarant = enterprise_party(ent)
    if direction == "inbound":
        d.consignee = enterprise_party(ent)
    else:
        d.consignor = enterprise_party(ent)
    if agent is not None:
        d.agent = enterprise_party(agent)
    d.inspection_no = inspection_no
    return to_dict(d)


def number(lease: dict, serial: int) -> str:
    digit = "1" if lease["direction"] == "inbound" else "2"
    return f"{lease['bureau']}{digit}{lease['year']}{serial:06d}"


def lease(session, count: int = 10, direction: str = "inbound", bureau: str = "310000",
          year: int = 2026) -> dict:
    r = session.post("/v1/number-leases", json={"bureau": bureau, "direction": direction,
                                                "year": year, "count": count})
    assert r.status_code == 201, r.text
    return r.json()


def submit(decl: dict, mutation_id: str | None = None) -> dict:
    return {"mutation_id": mutation_id or new_ulid(), "kind": "submit",
            "declaration_id": decl["id"], "inspection_no": decl["inspection_no"],
            "base_version": None, "payload": decl}


def push(session, mutations: list[dict], device_id: str | None = None) -> list[dict]:
    r = session.post("/v1/mutations:batch",
                     json={"device_id": device_id or session.device_id, "mutations": mutations})
    assert r.status_code == 200, r.text
    return r.json()["results"]


def upload_sample_attachment(session) -> None:
    r = session.put(f"/v1/attachments/{SAMPLE_ATTACHMENT_SHA}", data=SAMPLE_ATTACHMENT)
    assert r.status_code in (200, 201), r.text


def pull_all(session, since: str | None = None, limit: int = 500) -> tuple[list[dict], str]:
    changes: list[dict] = []
    cursor = since
    while True:
        params = {"limit": limit}
        if cursor is not None:
            params["since"] = cursor
        r = session.get("/v1/changes", params=params)
        assert r.status_code == 200, r.text
        body = r.json()
        changes.extend(body["changes"])
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return changes, cursor
