"""Code tables, attachments, admin token and fault injection."""
from __future__ import annotations

import hashlib
import json

import pytest
import requests
from sbx_helpers import (lease, make_declaration, number, pull_all, push, submit,
                         upload_sample_attachment)

from client.codes import CodeBook

pytestmark = pytest.mark.sandbox


# ----------------------------------------------------------------------------- codes

def test_code_tables_served_whole_with_hash(shared_sandbox):
    s = shared_sandbox.login("a@demo")
    tables = {t["table"]: t for t in s.get("/v1/codes").json()["tables"]}
    assert {"bureaus", "regions", "credit_grades", "hs2022"} <= set(tables)
    manifest = json.loads((CodeBook().codes_dir / "manifest.json").read_text("utf-8"))
    for name in ("bureaus", "credit_grades", "negative_list"):
        body = s.get(f"/v1/codes/{name}").json()
        assert body["table"] == name and body["version"] == manifest[name]["version"]
        assert hashlib.sha256(body["content"].encode("utf-8")).hexdigest() == body["sha256"]
        assert body["sha256"] == manifest[name]["sha256"] == tables[name]["sha256"]
        CodeBook().replace(name, body["version"], body["content"], body["sha256"])
    r = s.get("/v1/codes/bureaus", params={"version": manifest["bureaus"]["version"]})
    assert r.status_code == 200
    assert s.get("/v1/codes/nope").json()["error"]["code"] == "unknown_table"
    r = s.get("/v1/codes/bureaus", params={"version": "1999.1"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_version"


def test_publish_code_table_version(sandbox):
    s = sandbox.login("aa@demo")
    upload_sample_attachment(s)
    ent = s.get("/v1/enterprise").json()
    _, cursor = pull_all(s)
    old = s.get("/v1/codes/trade_modes").json()
    lines = old["content"].splitlines(keepends=True)
    new_content = "".join(line for line in lines if not line.startswith("0110,"))
    assert new_content != old["content"]
    r = sandbox.admin("POST", "/admin/codes/trade_modes",
                      {"version": "2026.12.0", "content": new_content})
    assert r.status_code == 200, r.text
    assert r.json()["published"] is True
    changes, cursor = pull_all(s, cursor)
    assert len(changes) == 1
    ch = changes[0]
    assert ch["kind"] == "codes" and ch["table"] == "trade_modes"
    assert ch["version"] == "2026.12.0"
    assert ch["sha256"] == hashlib.sha256(new_content.encode("utf-8")).hexdigest()
    cur = s.get("/v1/codes/trade_modes").json()
    assert cur["version"] == "2026.12.0" and cur["content"] == new_content
    assert s.get("/v1/codes/trade_modes", params={"version": old["version"]}).json()[
        "content"] == old["content"]
    # every enterprise sees the codes change
    c = sandbox.login("c@demo")
    assert any(x["kind"] == "codes" for x in pull_all(c)[0])
    # the platform judges with the new table from now on
    le = lease(s, 1)
    d = make_declaration(ent, number(le, le["first"]))
    assert d["trade_mode"] == "0110"
    res = push(s, [submit(d)])[0]
    assert res["outcome"] == "rejected"
    assert "trade_mode" in {x["field"] for x in res["reasons"]}
    # republishing the same is a no-op; other content under that version is refused
    r = sandbox.admin("POST", "/admin/codes/trade_modes",
                      {"version": "2026.12.0", "content": new_content})
    assert r.status_code == 200 and r.json()["published"] is False
    r = sandbox.admin("POST", "/admin/codes/trade_modes",
                      {"version": "2026.12.0", "content": old["content"]})
    assert r.status_code == 409
    r = sandbox.admin("POST", "/admin/codes/trade_modes",
                      {"version": "2026.12.1", "content": "nothing,useful\n"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_code_table"


# ------------------------------------------------------------------------ attachments

def test_attachments_put_head_get(shared_sandbox):
    s = shared_sandbox.login("b@demo")
    blob = b"%PDF-1.7\n" + bytes(range(256)) * 100
    sha = hashlib.sha256(blob).hexdigest()
    assert s.head(f"/v1/attachments/{sha}").status_code == 404
    r = s.put(f"/v1/attachments/{sha}", data=blob,
              headers={"Content-Type": "application/pdf"})
    assert r.status_code == 201 and r.json() == {"sha256": sha, "size": len(blob),
                                                 "created": True}
    r = s.put(f"/v1/attachments/{sha}", data=blob)
    assert r.status_code == 200 and r.json()["created"] is False
    h = s.head(f"/v1/attachments/{sha}")
    assert h.status_code == 200 and int(h.headers["Content-Length"]) == len(blob)
    assert s.get(f"/v1/attachments/{sha}").content == blob
    r = s.put(f"/v1/attachments/{sha}", data=blob + b"x")
    assert r.status_code == 400 and r.json()["error"]["code"] == "hash_mismatch"
    other = hashlib.sha256(b"never uploaded").hexdigest()
    r = s.get(f"/v1/attachments/{other}")
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_attachment"


def test_attachment_too_large(shared_sandbox):
    s = shared_sandbox.login("b@demo")
    blob = b"x" * (4 * 1024 * 1024 + 1)
    r = s.put(f"/v1/attachments/{hashlib.sha256(blob).hexdigest()}", data=blob)
    assert r.status_code == 413


# ------------------------------------------------------------------------------ admin

def test_admin_requires_the_token(shared_sandbox):
    url = shared_sandbox.url
    for method, path, body in (("GET", "/admin/enterprises", None),
                               ("POST", "/admin/cursors:expire", None),
                               ("PUT", "/admin/enterprises/aa@demo/credit-grade",
                                {"grade": "D"})):
        r = requests.request(method, url + path, json=body, timeout=10)
        assert r.status_code == 403 and r.json()["error"]["code"] == "admin_forbidden"
        r = requests.request(method, url + path, json=body, timeout=10,
                             headers={"X-Admin-Token": "wrong"})
        assert r.status_code == 403
    assert shared_sandbox.admin("GET", "/admin/enterprises").status_code == 200
    s = shared_sandbox.login("aa@demo")
    assert s.get("/v1/enterprise").json()["credit_grade"] == "AA"


def test_admin_disabled_without_configured_token(sandbox_factory):
    sb = sandbox_factory(admin_token=None)
    r = requests.get(sb.url + "/admin/enterprises", headers={"X-Admin-Token": ""}, timeout=10)
    assert r.status_code == 403 and r.json()["error"]["code"] == "admin_disabled"
    r = requests.get(sb.url + "/admin/enterprises", headers={"X-Admin-Token": "anything"},
                     timeout=10)
    assert r.status_code == 403


def test_injected_faults(sandbox):
    s = sandbox.login("aa@demo")
    r = sandbox.admin("POST", "/admin/faults", {"status": 429, "count": 2, "retry_after": 3,
                                                "path": "/v1/changes"})
    assert r.status_code == 201
    assert s.get("/v1/enterprise").status_code == 200          # other paths unaffected
    for _ in range(2):
        r = s.get("/v1/changes")
        assert r.status_code == 429 and r.headers["Retry-After"] == "3"
        assert r.json()["error"]["code"] == "rate_limited"
    assert s.get("/v1/changes").status_code == 200
    sandbox.admin("POST", "/admin/faults", {"status": 503, "count": 100})
    assert s.get("/v1/enterprise").status_code == 503
    assert sandbox.admin("DELETE", "/admin/faults").status_code == 204
    assert s.get("/v1/enterprise").status_code == 200


def test_bench_floor_endpoints_move_bytes_for_the_admin_only(shared_sandbox):
    """The pipeline benchmark's HTTP floor: a body read and counted, N bytes answered."""
    body = b"\x00x" * 70_000
    r = shared_sandbox.admin("POST", "/admin/bench/sink", data=body)
    assert r.status_code == 200 and r.json() == {"bytes": len(body)}
    r = shared_sandbox.admin("GET", "/admin/bench/bytes", params={"n": 123_457})
    assert r.status_code == 200 and len(r.content) == 123_457
    for method, path in (("POST", "/admin/bench/sink"), ("GET", "/admin/bench/bytes?n=5")):
        r = requests.request(method, shared_sandbox + path, data=b"x", timeout=10)
        assert r.status_code == 403 and r.json()["error"]["code"] == "admin_forbidden"
