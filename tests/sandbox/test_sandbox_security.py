"""Issue 12 on the platform: token rotation and reuse, device binding, logout, login rate
limits, broker authority, no existence oracle, hostile bodies (gzip bombs, deep JSON,
lone surrogates) and a 500 that tells nothing."""
from __future__ import annotations

import gzip
import json
import zlib

import pytest
from sbx_helpers import lease, make_declaration, number, push, submit, upload_sample_attachment

from client.model import new_ulid

pytestmark = pytest.mark.sandbox


def _refresh(s, token):
    return s.post("/v1/sessions/refresh", json={"refresh_token": token})


# -- item 3: sessions ---------------------------------------------------------------------

def test_refresh_rotates_and_a_replayed_token_revokes_the_whole_login(sandbox):
    s = sandbox.session()
    first = s.login("a@demo")
    r = _refresh(s, first["refresh_token"])
    assert r.status_code == 200
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    s.headers["Authorization"] = "Bearer " + second["access_token"]
    assert s.get("/v1/enterprise").status_code == 200
    # the spent token again (a copy in a thief's hands): refused, and the chain is revoked
    r = _refresh(s, first["refresh_token"])
    assert r.status_code == 401 and r.json()["error"]["code"] == "refresh_token_reused"
    assert _refresh(s, second["refresh_token"]).json()["error"]["code"] == \
        "invalid_refresh_token"
    r = s.get("/v1/enterprise")
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_token"
    # another login of the same user is not touched
    other = sandbox.login("a@demo", device_id="test-device")
    assert other.get("/v1/enterprise").status_code == 200


def test_refresh_token_is_bound_to_its_device(sandbox):
    mine = sandbox.session(device_id="laptop-1")
    body = mine.login("b@demo")
    thief = sandbox.session(device_id="elsewhere")
    r = _refresh(thief, body["refresh_token"])
    assert r.status_code == 401 and r.json()["error"]["code"] == "refresh_token_device_mismatch"
    # presenting a token from another device is theft: the login is gone for the owner too
    assert _refresh(mine, body["refresh_token"]).status_code == 401


def test_logout_revokes_the_refresh_token(sandbox):
    s = sandbox.session()
    body = s.login("c@demo")
    assert s.delete("/v1/sessions/current").status_code == 204
    r = _refresh(s, body["refresh_token"])
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_refresh_token"


def test_logout_after_a_refresh_revokes_the_rotated_token(sandbox):
    s = sandbox.session()
    body = s.login("c@demo")
    new = _refresh(s, body["refresh_token"]).json()
    s.headers["Authorization"] = "Bearer " + new["access_token"]
    assert s.delete("/v1/sessions/current").status_code == 204
    assert _refresh(s, new["refresh_token"]).status_code == 401


def test_failed_logins_are_rate_limited_per_user(sandbox_factory):
    sb = sandbox_factory(login_failures_per_user=3, login_window=60)
    s = sb.session()
    for _ in range(3):
        r = s.post("/v1/sessions", json={"username": "d@demo", "password": "guess"})
        assert r.status_code == 401
    r = s.post("/v1/sessions", json={"username": "d@demo", "password": "demo123"})
    assert r.status_code == 429 and r.json()["error"]["code"] == "too_many_login_attempts"
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    # other users are not locked out by one user's failures
    assert sb.login("aa@demo").get("/v1/enterprise").status_code == 200
    # once the window has passed, the right password works again
    sb.admin("POST", "/admin/clock:advance", {"seconds": 61})
    assert s.post("/v1/sessions", json={"username": "d@demo",
                                        "password": "demo123"}).status_code == 201


def test_failed_logins_are_rate_limited_per_address(sandbox_factory):
    sb = sandbox_factory(login_failures_per_address=4, login_window=60)
    s = sb.session()
    for i in range(4):
        r = s.post("/v1/sessions", json={"username": f"nobody{i}@x", "password": "x"})
        assert r.status_code == 401
    r = s.post("/v1/sessions", json={"username": "a@demo", "password": "demo123"})
    assert r.status_code == 429 and "Retry-After" in r.headers


def test_successful_logins_are_never_limited(sandbox_factory):
    sb = sandbox_factory(login_failures_per_user=2, login_failures_per_address=2)
    for _ in range(10):
        assert sb.session().post("/v1/sessions", json={
            "username": "aa@demo", "password": "demo123"}).status_code == 201


# -- items 7 and 8: authority and the existence oracle -----------------------------------------

@pytest.fixture
def slow(sandbox_factory):
    """Real time: declarations stay amendable through the test."""
    return sandbox_factory(time_scale=1.0)


def _amend(decl, version=1):
    return {"mutation_id": new_ulid(), "kind": "amend", "declaration_id": decl["id"],
            "inspection_no": decl["inspection_no"], "base_version": version, "payload": decl}


def _withdraw(decl, version=1):
    return {"mutation_id": new_ulid(), "kind": "withdraw", "declaration_id": decl["id"],
            "inspection_no": decl["inspection_no"], "base_version": version,
            "payload": {"reason": "test"}}


def test_broker_cannot_amend_or_withdraw_what_its_client_filed(slow):
    client = slow.login("b@demo")
    upload_sample_attachment(client)
    ent = client.get("/v1/enterprise").json()
    le = lease(client, 1)
    d = make_declaration(ent, number(le, le["first"]))
    assert push(client, [submit(d)])[0]["outcome"] == "applied"
    br = slow.login("broker@demo")
    broker = br.get("/v1/enterprise").json()
    hijack = dict(d, agent=make_declaration(broker, None)["declarant"])   # broker as agent
    for m in (_amend(hijack), _withdraw(d)):
        res = push(br, [m])[0]
        assert res["outcome"] == "rejected" and res["reasons"][0]["code"] == "not_filer", res
    got = client.get(f"/v1/declarations/{d['id']}").json()
    assert got["version"] == 1 and got["status"] != "withdrawn"
    assert got["payload"].get("agent") in (None, {}) or \
        got["payload"]["agent"].get("uscc") != broker["uscc"]


def test_broker_still_amends_and_withdraws_its_own_filings_and_the_client_its_own(slow):
    br = slow.login("broker@demo")
    upload_sample_attachment(br)
    broker = br.get("/v1/enterprise").json()
    client_ent = next(c for c in broker["clients"] if c["credit_grade"] == "B")
    le = lease(br, 1)
    d = make_declaration(client_ent, number(le, le["first"]), agent=broker)
    assert push(br, [submit(d)])[0]["outcome"] == "applied"
    d2 = dict(d, remarks="改")
    assert push(br, [_amend(d2)])[0]["outcome"] == "applied"
    # the declarant itself may withdraw what its broker filed for it
    client = slow.login("b@demo")
    assert push(client, [_withdraw(d, 2)])[0]["outcome"] == "applied"


def test_foreign_ids_and_numbers_answer_as_unknown_ones(sandbox):
    owner = sandbox.login("aa@demo")
    upload_sample_attachment(owner)
    le = lease(owner, 1)
    d = make_declaration(owner.get("/v1/enterprise").json(), number(le, le["first"]))
    assert push(owner, [submit(d)])[0]["outcome"] == "applied"

    prober = sandbox.login("c@demo")
    upload_sample_attachment(prober)
    me = prober.get("/v1/enterprise").json()
    unknown_no = d["inspection_no"][:-6] + "999999"
    answers = {}
    for label, no in (("taken", d["inspection_no"]), ("unknown", unknown_no)):
        probe = make_declaration(me, no)
        res = push(prober, [submit(probe)])[0]
        answers[label] = (res["outcome"], [r["code"] for r in res["reasons"]])
    assert answers["taken"] == answers["unknown"]
    assert "already_submitted" not in answers["taken"][1]
    # the other enterprise's declaration id with a number of one's own lease
    le2 = lease(prober, 2)
    probe = make_declaration(me, number(le2, le2["first"]))
    probe["id"] = d["id"]
    res = push(prober, [submit(probe)])[0]
    assert res["outcome"] == "rejected"
    assert "already_submitted" not in [r["code"] for r in res["reasons"]]
    # the owner's record is untouched and a fresh id with the same number goes through
    assert owner.get(f"/v1/declarations/{d['id']}").json()["version"] == 1
    probe["id"] = new_ulid()
    assert push(prober, [submit(probe)])[0]["outcome"] == "applied"
    # one's own resubmission still says already_submitted
    again = push(owner, [submit(d)])[0]
    assert again["reasons"][0]["code"] == "already_submitted"


# -- item 10: hostile bodies ------------------------------------------------------------------

def _post_raw(s, path, body: bytes, encoding: str | None = None):
    headers = {"Content-Type": "application/json"}
    if encoding:
        headers["Content-Encoding"] = encoding
    return s.post(path, data=body, headers=headers)


def test_gzip_bomb_is_refused_by_its_decompressed_size(sandbox_factory):
    sb = sandbox_factory(max_body=1024 * 1024)
    s = sb.login("aa@demo")
    bomb = gzip.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]", compresslevel=9)
    assert len(bomb) < 1024 * 1024
    r = _post_raw(s, "/v1/mutations:batch", bomb, "gzip")
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"
    deflated = zlib.compress(b" " * (8 * 1024 * 1024))
    r = _post_raw(s, "/v1/mutations:batch", deflated, "deflate")
    assert r.status_code == 413
    # a body under the limit is still decompressed and answered
    ok = gzip.compress(json.dumps({"mutations": []}).encode())
    r = _post_raw(s, "/v1/mutations:batch", ok, "gzip")
    assert r.status_code == 200 and r.json() == {"results": []}
    # two gzip members, as gzip.decompress reads them
    two = gzip.compress(b'{"mutations"') + gzip.compress(b': []}')
    assert _post_raw(s, "/v1/mutations:batch", two, "gzip").json() == {"results": []}
    truncated = ok[:-6]
    assert _post_raw(s, "/v1/mutations:batch", truncated, "gzip").status_code == 400


def test_deep_json_lone_surrogates_and_nan_are_400(shared_sandbox):
    s = shared_sandbox.login("aa@demo")
    deep = b'{"mutations": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    for body in (deep,
                 b'{"mutations": [], "x": ' + b"[" * 40 + b"]" * 40 + b"}",
                 b'{"mutations": [{"mutation_id": "m1", "kind": "submit", '
                 b'"declaration_id": "\\ud800", "payload": {"id": "\\ud800"}}]}',
                 b'{"mutations": [], "\\udfff": 1}',
                 # a surrogate as raw (CESU-8) bytes, found by the fuzz test
                 '{"mutations": [{"mutation_id": "m2", "kind": "submit", "declaration_id": '
                 '"\ud800x"}]}'.encode("utf-8", "surrogatepass"),
                 b'{"mutations": [], "n": NaN}',
                 b'{"mutations": [], "n": -Infinity}',
                 b'\xff\xfe{}'):
        r = _post_raw(s, "/v1/mutations:batch", body)
        assert r.status_code == 400, (body[:60], r.status_code, r.text[:200])
        assert r.json()["error"]["code"] in ("json_too_deep", "invalid_text", "invalid_json")
    for body in (b'{"username": "\\ud800", "password": "x"}',
                 b'{"username": ' + b"[" * 100_000 + b"]" * 100_000 + b', "password": "x"}'):
        r = _post_raw(shared_sandbox.session(), "/v1/sessions", body)
        assert 400 <= r.status_code < 500, (r.status_code, r.text[:200])


def test_500_answer_does_not_echo_the_exception(sandbox, monkeypatch):
    from sandbox.app import create_app  # noqa: F401 - the handler under test lives there
    import sandbox.platform as platform_mod
    s = sandbox.login("aa@demo")

    def broken(self, p, since, limit):
        raise RuntimeError("secret path /srv/ciq/sandbox.sqlite3 and token at_abc")
    monkeypatch.setattr(platform_mod.Platform, "changes", broken)
    r = s.get("/v1/changes")
    assert r.status_code == 500
    err = r.json()["error"]
    assert err["code"] == "internal_error"
    assert "secret" not in r.text and "RuntimeError" not in r.text and "at_abc" not in r.text
    assert "incident" in err["message"]
