"""Fuzzing the platform's request parsing (issue 12 "Fuzzing"): at least 10,000 generated
requests — headers, encodings, gzip/deflate bodies, JSON of any shape and depth, lone
surrogates, NaN, random bytes, mutation batches — go through the sandbox's ASGI app in
this process, and none may end in a 500 (or an exception escaping the app).

Hypothesis draws the seeds; each seeds a plain ``random.Random`` that builds
:data:`PER_EXAMPLE` requests, far cheaper than drawing every byte through hypothesis. The
app is called directly (one event loop, no sockets) so the run stays around a minute even
on a loaded machine; the number of inputs tried is printed at the end of the test.
"""
from __future__ import annotations

import asyncio
import gzip
import json
import random
import zlib

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sandbox.app import create_app
from sandbox.settings import Settings

pytestmark = pytest.mark.sandbox

EXAMPLES = int(__import__("os").environ.get("FUZZ_EXAMPLES", "10000"))

PATHS = ["/v1/sessions", "/v1/sessions/refresh", "/v1/sessions/current", "/v1/enterprise",
         "/v1/number-leases", "/v1/number-leases/LEASE1", "/v1/number-leases/LEASE1/close",
         "/v1/mutations:batch", "/v1/changes", "/v1/declarations", "/v1/declarations/X",
         "/v1/codes", "/v1/codes/hs", "/v1/attachments/" + "a" * 64, "/v1/nothing",
         "/admin/enterprises", "/admin/clock:advance", "/health"]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"]
#: the method each path is served with (most inputs use it, to get past routing)
ROUTE_METHOD = {"/v1/sessions/current": "DELETE", "/v1/enterprise": "GET",
                "/v1/number-leases/LEASE1": "GET", "/v1/changes": "GET",
                "/v1/declarations": "GET", "/v1/declarations/X": "GET", "/v1/codes": "GET",
                "/v1/codes/hs": "GET", "/v1/attachments/" + "a" * 64: "PUT",
                "/admin/enterprises": "GET", "/health": "GET"}

AWKWARD = ["\ud800", "\udfff", "\x00", "中", "\ufffe", "\U0001F600", "\u202e", '"', "\\"]
ID_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ_-"
#: inputs made from each hypothesis example (hypothesis drives the seed; a plain
#: ``random.Random`` of it builds the requests, which is far cheaper per input)
PER_EXAMPLE = 10


class Gen:
    """Builds hostile requests from one ``random.Random``."""

    def __init__(self, rnd):
        self.r = rnd

    def text(self, n: int = 10) -> str:
        r = self.r
        return "".join(r.choice(AWKWARD) if r.random() < 0.15 else chr(r.randrange(32, 127))
                       for _ in range(r.randrange(n + 1)))

    def scalar(self):
        r = self.r
        return r.choice([None, True, False, r.randrange(-2**70, 2**70), 0.5, -1e308,
                         float("nan"), float("inf"), self.text(), self.text(3)])

    def value(self, depth: int = 0):
        r = self.r
        k = r.random()
        if depth > 3 or k < 0.5:
            return self.scalar()
        if k < 0.75:
            return [self.value(depth + 1) for _ in range(r.randrange(4))]
        return {self.text(6): self.value(depth + 1) for _ in range(r.randrange(4))}

    def mutation(self) -> dict:
        r = self.r
        m = {"mutation_id": "".join(r.choice(ID_CHARS) for _ in range(r.randrange(1, 21)))
             if r.random() < 0.8 else self.text(),
             "kind": r.choice(["submit", "amend", "withdraw", self.text(5)]),
             "declaration_id": self.text(26) if r.random() < 0.9 else r.randrange(99)}
        if r.random() < 0.7:
            m["inspection_no"] = "".join(r.choice("0123456789") for _ in range(15)) \
                if r.random() < 0.6 else self.scalar()
        if r.random() < 0.5:
            m["base_version"] = self.scalar()
        if r.random() < 0.8:
            m["payload"] = self.value(1) if r.random() < 0.5 else {
                "id": m["declaration_id"], "inspection_no": m.get("inspection_no"),
                "direction": r.choice(["inbound", "outbound", self.text(3)]),
                "declarant": {"uscc": self.text(18)}, "goods": [self.value(2)],
                "attachments": [{"sha256": "a" * 64}] if r.random() < 0.3 else self.value(2)}
        return m

    def body(self) -> bytes:
        r = self.r
        kind = r.choice(["json", "batch", "batch", "login", "deep", "bytes", "empty", "nan"])
        dump = (lambda v: json.dumps(v, ensure_ascii=r.random() < 0.5)
                .encode("utf-8", "surrogatepass"))
        if kind == "json":
            return dump(self.value())
        if kind == "batch":
            return dump({"device_id": r.choice([self.text(), None]),
                         "mutations": [self.mutation() for _ in range(r.randrange(4))]})
        if kind == "login":
            return dump({"username": self.text(), "password": self.text(),
                         "refresh_token": self.text()})
        if kind == "deep":
            n = r.randrange(1, 5000)
            opener, closer = r.choice([("[", "]"), ('{"a":', "}")])
            return (opener * n + "0" + closer * n).encode()
        if kind == "nan":
            return b'{"mutations": [], "x": ' + r.choice(
                [b"NaN", b"Infinity", b"-Infinity", b"1e999", b'"\\ud800"']) + b"}"
        if kind == "bytes":
            return r.randbytes(r.randrange(200))
        return b""

    def request(self):
        r = self.r
        body = self.body()
        headers = {}
        if r.random() < 0.9:
            headers["x-client-version"] = r.choice(["1.0.0", "1.0.0", "0.0.1", "x.1", ""])
        if r.random() < 0.9:
            headers["x-device-id"] = r.choice(["fuzz", "other", " "])
        if r.random() < 0.8:
            headers["authorization"] = r.choice(["TOKEN", "TOKEN", "TOKEN", "Bearer nonsense",
                                                 "Bearer ", "Basic abc"])
        enc = r.choice([None, None, "gzip", "deflate", "x-gzip", "br"])
        if enc in ("gzip", "x-gzip"):
            body = gzip.compress(body, 1)
        elif enc == "deflate":
            body = zlib.compress(body, 1)
        if enc and r.random() < 0.2:
            body = body[:r.randrange(max(1, len(body)))]     # a truncated stream
        if enc:
            headers["content-encoding"] = enc
        headers["content-type"] = r.choice(["application/json", "application/octet-stream",
                                            "text/plain"])
        query = r.choice([b"", b"since=abc", b"limit=0", b"limit=99999999999",
                          b"since=%ff%fe", b"payload=maybe", b"version=%00"])
        path = r.choice(PATHS)
        method = r.choice(METHODS) if r.random() < 0.15 else ROUTE_METHOD.get(path, "POST")
        return method, path, query, headers, body, r.randrange(1, 4)


async def _call(app, method, path, query, headers, body, chunks, token) -> int:
    hdrs = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    if headers.get("authorization") == "TOKEN" and path != "/v1/sessions/current":
        hdrs = [(k, v) for k, v in hdrs if k != b"authorization"]
        hdrs.append((b"authorization", f"Bearer {token}".encode()))
    hdrs.append((b"content-length", str(len(body)).encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path,
             "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": hdrs, "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80)}
    size = max(1, -(-len(body) // chunks))
    parts = [body[i:i + size] for i in range(0, len(body), size)] or [b""]
    queue = [{"type": "http.request", "body": p, "more_body": i < len(parts) - 1}
             for i, p in enumerate(parts)]
    status = []

    async def receive():
        if queue:
            return queue.pop(0)
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
    await app(scope, receive, send)
    return status[0]


def test_no_generated_request_gets_a_500(tmp_path, capsys):
    cfg = Settings(data_dir=tmp_path / "fuzz", time_scale=1e6, admin_token="fuzz-admin",
                   background_advance=False, max_body=256 * 1024)
    app = create_app(cfg)
    pf = app.state.platform
    token = pf.login("aa@demo", "demo123", "fuzz")["access_token"]
    loop = asyncio.new_event_loop()
    tried = []
    failures = []

    @settings(max_examples=-(-EXAMPLES // PER_EXAMPLE), deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.integers(0, 2**64))
    def one(seed):
        gen = Gen(random.Random(seed))
        for _ in range(PER_EXAMPLE):
            req = gen.request()
            tried.append(1)
            try:
                status = loop.run_until_complete(_call(app, *req, token))
            except Exception as exc:  # noqa: BLE001 - an exception escaping the app: a 500
                failures.append((req[:4], req[4][:120], repr(exc)[:300]))
                continue
            if status >= 500:
                failures.append((req[:4], req[4][:120], status))

    try:
        one()
    finally:
        loop.close()
        pf.close()
    with capsys.disabled():
        print(f"\nplatform request fuzzing: {len(tried)} generated inputs tried, "
              f"{len(failures)} answered 500")
    assert not failures, failures[:5]
    assert len(tried) >= EXAMPLES
