"""The platform HTTP client's failure classification, over real HTTP (sandbox + fault proxy)."""
from __future__ import annotations

import json

import pytest
from faultproxy import FaultProxy

from client.errors import AuthError, OfflineError, PlatformError
from client.sync.http import (BadResponse, ClientTooOld, PlatformClient, PlatformUnavailable,
                              RetryPolicy, parse_retry_after)

FAST = RetryPolicy(attempts=4, base=0.01, cap=0.1)


@pytest.fixture
def proxy(sandbox):
    p = FaultProxy("127.0.0.1", int(sandbox.url.rsplit(":", 1)[1]))
    yield p
    p.close()


def logged_in(url: str, **kw) -> PlatformClient:
    c = PlatformClient(url, "dev-test", retry=kw.pop("retry", FAST), timeout=(2, 10), **kw)
    c.login("aa@demo", "demo123")
    return c


def test_parse_retry_after():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("0.25") == 0.25
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None


def test_backoff_is_capped_and_honours_retry_after():
    p = RetryPolicy(attempts=10, base=0.5, cap=4.0)
    assert all(0 <= p.delay(n, None) <= 4.0 for n in range(20))
    assert p.delay(0, 2.5) == 2.5
    assert p.delay(0, 100) == 4.0


@pytest.mark.sandbox
def test_headers_and_bearer_token_are_sent(proxy):
    c = logged_in(proxy.url)
    c.get("/v1/enterprise")
    seen = proxy.seen[-1]
    assert seen.headers["x-client-version"] and seen.headers["x-device-id"] == "dev-test"
    assert seen.headers["authorization"].startswith("Bearer at_")


@pytest.mark.sandbox
def test_connection_refused_is_offline():
    c = PlatformClient("http://127.0.0.1:9", "d", retry=FAST, refresh_token="x")
    with pytest.raises(OfflineError) as info:
        c.get("/v1/enterprise")
    assert "无法连接平台" in info.value.message_zh


@pytest.mark.sandbox
def test_connection_reset_is_retried_then_succeeds(proxy):
    c = logged_in(proxy.url)
    proxy.add("reset", path="/v1/enterprise", count=2)
    assert c.get("/v1/enterprise")["uscc"]
    assert proxy.count("reset") == 2


@pytest.mark.sandbox
def test_5xx_and_429_are_retried_with_retry_after(proxy, sandbox):
    c = logged_in(proxy.url)
    slept = []
    c.sleep = lambda s: slept.append(s)
    proxy.add("status", path="/v1/enterprise", status=503, retry_after="0.05")
    proxy.add("status", path="/v1/enterprise", status=429, retry_after="0.07")
    assert c.get("/v1/enterprise")["uscc"]
    assert pytest.approx(sum(slept), abs=0.02) == 0.12
    # the sandbox's own fault injection (5xx before the route runs)
    assert sandbox.admin("POST", "/admin/faults", {"status": 502, "count": 2,
                                                   "path": "/v1/enterprise"}).ok
    assert c.get("/v1/enterprise")["uscc"]


@pytest.mark.sandbox
def test_persistent_5xx_becomes_platform_unavailable(proxy):
    c = logged_in(proxy.url)
    proxy.add("status", path="/v1/enterprise", status=500, count=100)
    with pytest.raises(PlatformUnavailable) as info:
        c.get("/v1/enterprise")
    assert "HTTP 500" in info.value.message_zh
    assert proxy.count("status") == FAST.attempts


@pytest.mark.sandbox
def test_expired_token_is_refreshed_once(sandbox):
    c = logged_in(sandbox.url)
    assert sandbox.admin("POST", "/admin/clock:advance", {"seconds": 7200}).ok
    assert c.get("/v1/enterprise")["uscc"]
    assert c.refreshes == 1


@pytest.mark.sandbox
def test_refused_refresh_is_auth_error(sandbox):
    c = PlatformClient(sandbox.url, "d", retry=FAST, refresh_token="rt_not_a_real_token")
    with pytest.raises(AuthError) as info:
        c.get("/v1/enterprise")
    assert "重新登录" in info.value.message_zh


@pytest.mark.sandbox
def test_too_old_client_gets_426_message(sandbox):
    assert sandbox.admin("PUT", "/admin/min-client-version",
                         {"min_client_version": "9.0.0"}).ok
    c = PlatformClient(sandbox.url, "d", retry=FAST)
    with pytest.raises(ClientTooOld) as info:
        c.login("aa@demo", "demo123")
    assert "客户端版本过旧" in info.value.message_zh and "9.0.0" in info.value.message_zh


@pytest.mark.sandbox
def test_garbage_body_is_bad_response(proxy):
    c = logged_in(proxy.url)
    proxy.add("garbage", path="/v1/enterprise")
    with pytest.raises(BadResponse) as info:
        c.get("/v1/enterprise")
    assert info.value.message_zh.startswith("平台返回了无法识别的数据")
    assert isinstance(info.value, PlatformError)


@pytest.mark.sandbox
def test_big_bodies_are_gzipped(proxy):
    c = logged_in(proxy.url)
    big = {"device_id": "dev-test", "mutations": [
        {"mutation_id": f"M{i:05d}", "kind": "withdraw", "declaration_id": f"nope{i}",
         "inspection_no": None, "base_version": None, "payload": {"reason": "x" * 200}}
        for i in range(300)]}
    body = c.post("/v1/mutations:batch", json=big)
    assert len(body["results"]) == 300
    sent = [s for s in proxy.seen if s.path == "/v1/mutations:batch"][-1]
    assert sent.headers.get("content-encoding") == "gzip"
    assert sent.body_len < len(json.dumps(big)) / 5


def test_ca_bundle_option(tmp_path):
    import certifi

    from client.errors import DeskError
    assert PlatformClient("https://x", "d").verify == certifi.where()
    bundle = tmp_path / "corp-root.pem"
    from pathlib import Path
    bundle.write_text(Path(certifi.where()).read_text())
    assert PlatformClient("https://x", "d", trust=str(bundle)).verify == str(bundle)
    sys_client = PlatformClient("https://x", "d", trust="system")
    assert sys_client.verify is True
    assert type(sys_client.session.get_adapter("https://x")).__name__ == "_SystemTrustAdapter"
    with pytest.raises(DeskError):
        PlatformClient("https://x", "d", trust=str(tmp_path / "missing.pem"))
