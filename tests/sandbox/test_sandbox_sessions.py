"""Sessions, the enterprise, protocol headers (400/426), token expiry and refresh."""
from __future__ import annotations

import pytest
import requests
from stdnum.cn import uscc

pytestmark = pytest.mark.sandbox

GRADES = {"aa@demo": "AA", "a@demo": "A", "b@demo": "B", "c@demo": "C", "d@demo": "D"}


def test_demo_logins_and_enterprises(shared_sandbox):
    seen = set()
    for user, grade in GRADES.items():
        s = shared_sandbox.session()
        body = s.login(user, "demo123")
        assert body["expires_in"] > 0 and body["refresh_token"] and body["access_token"]
        ent = body["enterprise"]
        assert ent["credit_grade"] == grade
        assert uscc.is_valid(ent["uscc"]) and len(ent["uscc"]) == 18
        assert len(ent["reg_no"]) == 10 and ent["reg_no"].isdigit()
        assert ent["name_cn"] and ent["name_en"] and ent["credit_grade_updated_at"].endswith("Z")
        assert ent["clients"] == [] and ent["role"] == "enterprise"
        assert s.get("/v1/enterprise").json() == ent
        seen.add(ent["uscc"])
    assert len(seen) == 5


def test_broker_sees_its_clients(shared_sandbox):
    s = shared_sandbox.login("broker@demo")
    ent = s.get("/v1/enterprise").json()
    assert ent["role"] == "broker"
    assert uscc.is_valid(ent["uscc"])
    assert sorted(c["credit_grade"] for c in ent["clients"]) == ["A", "AA", "B"]
    assert all("clients" not in c for c in ent["clients"])


def test_bad_password_is_401_invalid_credentials(shared_sandbox):
    s = shared_sandbox.session()
    for user, pw in (("aa@demo", "wrong"), ("nobody@demo", "demo123")):
        r = s.post("/v1/sessions", json={"username": user, "password": pw})
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "invalid_credentials"


def test_missing_or_bad_token_is_401_with_json(shared_sandbox):
    s = shared_sandbox.session()
    r = s.get("/v1/enterprise")
    assert r.status_code == 401 and r.json()["error"]["code"] == "missing_token"
    assert "Bearer" in r.headers["WWW-Authenticate"]
    r = s.get("/v1/enterprise", headers={"Authorization": "Bearer at_nonsense"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_token"


def test_every_request_needs_client_headers(shared_sandbox):
    url = shared_sandbox.url + "/v1/sessions"
    body = {"username": "aa@demo", "password": "demo123"}
    r = requests.post(url, json=body, headers={"X-Device-Id": "d"}, timeout=10)
    assert r.status_code == 400 and r.json()["error"]["code"] == "missing_client_version"
    r = requests.post(url, json=body, headers={"X-Client-Version": "1.0.0"}, timeout=10)
    assert r.status_code == 400 and r.json()["error"]["code"] == "missing_device_id"


def test_old_client_gets_426(shared_sandbox):
    s = shared_sandbox.session(client_version="0.0.9")
    r = s.post("/v1/sessions", json={"username": "aa@demo", "password": "demo123"})
    assert r.status_code == 426
    err = r.json()["error"]
    assert err["code"] == "client_too_old"
    assert "0.1.0" in err["message"] and "upgrade" in err["message"].lower()
    assert err["details"]["min_client_version"] == "0.1.0"
    # 426 comes before authentication
    s2 = shared_sandbox.login("aa@demo")
    s2.headers["X-Client-Version"] = "0.0.1"
    assert s2.get("/v1/enterprise").status_code == 426


def test_min_client_version_can_be_raised_by_admin(sandbox):
    s = sandbox.login("aa@demo")
    assert s.get("/v1/enterprise").status_code == 200
    r = sandbox.admin("PUT", "/admin/min-client-version", {"min_client_version": "1.10.0"})
    assert r.status_code == 200
    assert s.get("/v1/enterprise").status_code == 426      # 1.0.0 < 1.10.0
    s.headers["X-Client-Version"] = "1.10.2"
    assert s.get("/v1/enterprise").status_code == 200


def test_access_token_expires_and_refresh_gives_a_new_one(sandbox_factory):
    sb = sandbox_factory(token_ttl=30)
    s = sb.session()
    body = s.login("a@demo")
    assert body["expires_in"] == 30
    assert s.get("/v1/enterprise").status_code == 200
    assert sb.admin("POST", "/admin/clock:advance", {"seconds": 31}).status_code == 200
    r = s.get("/v1/enterprise")
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "token_expired"
    r = s.post("/v1/sessions/refresh", json={"refresh_token": body["refresh_token"]})
    assert r.status_code == 200, r.text
    new = r.json()
    assert new["access_token"] != body["access_token"]
    assert new["refresh_token"] != body["refresh_token"]     # rotated
    assert new["enterprise"]["credit_grade"] == "A"
    s.headers["Authorization"] = "Bearer " + new["access_token"]
    assert s.get("/v1/enterprise").status_code == 200


def test_short_ttl_expires_in_real_time(sandbox_factory):
    import time
    sb = sandbox_factory(token_ttl=0.5)
    s = sb.login("b@demo")
    time.sleep(0.7)
    r = s.get("/v1/enterprise")
    assert r.status_code == 401 and r.json()["error"]["code"] == "token_expired"


def test_bad_or_expired_refresh_token(sandbox_factory):
    sb = sandbox_factory(refresh_ttl=60)
    s = sb.session()
    body = s.login("c@demo")
    r = s.post("/v1/sessions/refresh", json={"refresh_token": "rt_wrong"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_refresh_token"
    sb.admin("POST", "/admin/clock:advance", {"seconds": 61})
    r = s.post("/v1/sessions/refresh", json={"refresh_token": body["refresh_token"]})
    assert r.status_code == 401 and r.json()["error"]["code"] == "refresh_token_expired"


def test_logout_revokes_the_access_token(shared_sandbox):
    s = shared_sandbox.login("d@demo")
    assert s.delete("/v1/sessions/current").status_code == 204
    r = s.get("/v1/enterprise")
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_token"


def test_openapi_and_health(shared_sandbox):
    doc = requests.get(shared_sandbox.url + "/openapi.json", timeout=10).json()
    for path in ("/v1/sessions", "/v1/sessions/refresh", "/v1/enterprise", "/v1/number-leases",
                 "/v1/number-leases/{lease_id}/close", "/v1/mutations:batch", "/v1/changes",
                 "/v1/codes/{table}", "/v1/attachments/{sha256}", "/v1/declarations"):
        assert path in doc["paths"], path
    h = requests.get(shared_sandbox.url + "/health", timeout=10).json()
    assert h["status"] == "ok" and h["protocol"] == "v1"


def test_unknown_route_has_json_error(shared_sandbox):
    s = shared_sandbox.login("aa@demo")
    r = s.get("/v1/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = s.post("/v1/number-leases", json={"bureau": "310000"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
