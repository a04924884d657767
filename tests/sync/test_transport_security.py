"""Issue 12 items 3-4 and issue 18 item 14 on the desk's side: https outside loopback, no
redirect followed, an unreachable platform reported within the connect budget, rotated
refresh tokens kept in the keyring, logout ending the login on the platform."""
from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest
import requests

from client.errors import AuthError, InputError, OfflineError
from client.sync.http import (CONNECT_BUDGET, PlatformClient, RedirectRefused, RetryPolicy)
from client.sync.urls import check_platform_url

FAST = RetryPolicy(attempts=4, base=0.01, cap=0.1)


# -- plain http only on loopback ------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://127.0.0.1:8600", "http://127.8.9.10/", "http://[::1]:8600",
                                 "http://localhost:8600", "HTTP://LOCALHOST", "https://ciq.example.cn",
                                 "https://10.0.0.5:8443/"])
def test_https_anywhere_and_http_on_loopback_are_accepted(url):
    assert check_platform_url(url) == url.strip().rstrip("/")


@pytest.mark.parametrize("url", ["http://ciq.example.cn", "http://10.0.0.5:8600",
                                 "http://192.168.1.2", "http://127.0.0.1.example.cn",
                                 "http://[::ffff:8.8.8.8]", "http://localhost.evil.cn"])
def test_plain_http_elsewhere_is_refused_saying_why(url):
    with pytest.raises(InputError) as info:
        check_platform_url(url)
    assert "https://" in info.value.message_zh and "未加密" in info.value.message_zh
    assert "https://" in info.value.message_en and "unencrypted" in info.value.message_en


@pytest.mark.parametrize("url", ["ftp://ciq.example.cn", "ciq.example.cn", "https://",
                                 "https://u:p@ciq.example.cn", "https://ciq.example.cn:99999"])
def test_other_bad_addresses_are_refused(url):
    with pytest.raises(InputError):
        check_platform_url(url)


def test_engine_login_refuses_plain_http_before_sending_the_password(engine):
    seen = []
    engine._new_client = lambda *a, **k: seen.append(a)  # noqa: SLF001 - must not be reached
    with pytest.raises(InputError):
        engine.login("http://ciq.example.cn", "aa@demo", "demo123")
    assert seen == []


# -- redirects ----------------------------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with ``self.server.reply`` and records what it was sent."""

    def _handle(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.server.seen.append((self.command, self.path, self.rfile.read(n)))
        status, headers = self.server.reply
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def log_message(self, *a):
        pass


@pytest.fixture
def servers():
    made = []

    def start(status, headers=None):
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        srv.seen, srv.reply = [], (status, headers or {})
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        made.append(srv)
        return srv
    yield start
    for s in made:
        s.shutdown()
        s.server_close()


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_an_error_naming_its_target_and_is_never_followed(servers, status):
    elsewhere = servers(200)
    target = f"http://127.0.0.1:{elsewhere.server_address[1]}/steal"
    platform = servers(status, {"Location": target})
    c = PlatformClient(f"http://127.0.0.1:{platform.server_address[1]}", "d", retry=FAST)
    with pytest.raises(RedirectRefused) as info:
        c.login("aa@demo", "demo123")
    assert target in info.value.message_zh and target in info.value.message_en
    assert len(platform.seen) == 1          # no retry of a redirect either
    assert elsewhere.seen == []             # the password went nowhere else


# -- an unreachable platform ----------------------------------------------------------------------

def test_connect_timeout_is_two_seconds_and_ends_at_once(monkeypatch):
    """A listener whose accept queue is full never completes the handshake: the connect
    timeout fires and the client reports offline without running its retry schedule."""
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(0)
    port = lsock.getsockname()[1]
    fillers = []
    for _ in range(8):  # fill the accept queue; further SYNs are dropped by the kernel
        f = socket.socket()
        f.setblocking(False)
        f.connect_ex(("127.0.0.1", port))
        fillers.append(f)
    time.sleep(0.2)
    c = PlatformClient(f"http://127.0.0.1:{port}", "d", refresh_token="x",
                       retry=RetryPolicy(attempts=6, base=0.5, cap=30))
    assert c.timeout[0] <= 2.0 and c.timeout[1] >= 30      # slow answers still get time
    calls = []
    real = c.session.request

    def counting(*a, **k):
        calls.append(k.get("timeout"))
        return real(*a, **k)
    monkeypatch.setattr(c.session, "request", counting)
    try:
        with pytest.raises(OfflineError) as info:
            c.post("/v1/sessions/refresh", json={}, auth=False)
    finally:
        for f in fillers:
            f.close()
        lsock.close()
    if not isinstance(info.value.__cause__, requests.exceptions.ConnectTimeout):
        pytest.skip("this kernel accepted the connection (no SYN drop on loopback)")
    assert len(calls) == 1 and "无法连接平台" in info.value.message_zh


def test_refused_connections_are_retried_only_within_the_connect_budget():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    slept = []

    def sleep(x):
        slept.append(x)
        time.sleep(x)
    c = PlatformClient(f"http://127.0.0.1:{port}", "d", refresh_token="x", sleep=sleep,
                       retry=RetryPolicy(attempts=50, base=0.5, cap=30))
    with pytest.raises(OfflineError):
        c.get("/v1/enterprise", auth=False)
    # not the 50-attempt schedule of up to 30 s pauses: pauses stop at the budget
    assert sum(slept) <= CONNECT_BUDGET + 0.3


# -- rate-limited login ------------------------------------------------------------------------

@pytest.mark.sandbox
def test_login_locked_by_failures_is_an_auth_error_at_once(sandbox_factory):
    sb = sandbox_factory(login_failures_per_user=1)
    slept = []
    c = PlatformClient(sb.url, "d", retry=RetryPolicy(attempts=6, base=1, cap=30),
                       sleep=slept.append)
    with pytest.raises(AuthError):
        c.login("b@demo", "wrong")
    with pytest.raises(AuthError) as info:
        c.login("b@demo", "demo123")
    assert "登录失败次数过多" in info.value.message_zh and "秒" in info.value.message_zh
    assert slept == []      # not retried as a transient 429


# -- the refresh token: rotated, kept, revoked at logout ----------------------------------------------

@pytest.mark.sandbox
def test_engine_keeps_the_rotated_refresh_token(engine, sandbox, creds):
    engine.login(sandbox.url, "aa@demo", "demo123")
    first = creds.refresh_token(sandbox.url, "aa@demo")
    assert sandbox.admin("POST", "/admin/clock:advance", {"seconds": 7200}).ok
    engine.client().get("/v1/enterprise")          # refreshes the expired access token
    kept = creds.refresh_token(sandbox.url, "aa@demo")
    assert kept and kept != first
    s = sandbox.session(device_id=engine.device_id())
    # the kept one works; the first one is spent (and replaying it revokes the login)
    assert s.post("/v1/sessions/refresh", json={"refresh_token": first}).status_code == 401
    assert s.post("/v1/sessions/refresh", json={"refresh_token": kept}).status_code == 401


@pytest.mark.sandbox
def test_engine_logout_revokes_the_refresh_token_on_the_platform(engine, sandbox, creds):
    engine.login(sandbox.url, "a@demo", "demo123")
    token = creds.refresh_token(sandbox.url, "a@demo")
    engine.logout()
    assert creds.refresh_token(sandbox.url, "a@demo") is None
    s = sandbox.session(device_id=engine.device_id())
    r = s.post("/v1/sessions/refresh", json={"refresh_token": token})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_refresh_token"
