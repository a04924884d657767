"""The HTTP face of the sandbox: FastAPI routes over :class:`sandbox.platform.Platform`.

``create_app(settings)`` builds the app; ``python -m sandbox`` serves it with uvicorn on
127.0.0.1. The contract is ``/openapi.json`` plus ``sandbox/PROTOCOL.md``.
"""
from __future__ import annotations

import asyncio
import hmac
import secrets
import json
import logging
import zlib
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from pydantic import AfterValidator
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import PROTOCOL_VERSION, __version__, bench_sink, ciqswitch, ecom, jsontext
from .platform import Platform
from .protocol import ApiError, Principal, iso, parse_version
from .settings import Settings

log = logging.getLogger("sandbox")


def _text(value: str) -> str:
    if jsontext.has_lone_surrogate(value):
        raise ValueError("a lone UTF-16 surrogate is not text")
    return value


#: a request string that can be stored and answered back (no lone surrogates)
Text = Annotated[str, AfterValidator(_text)]


def _json(status: int, body: Any, headers: dict | None = None) -> Response:
    # backslashreplace: a lone surrogate (never stored, but named in an error) goes out as
    # its JSON escape instead of failing the answer
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":"))
                    .encode("utf-8", "backslashreplace"), status_code=status, media_type="application/json", headers=headers)


def _err(status: int, code: str, message: str, headers: dict | None = None,
         details: Any = None) -> Response:
    return _json(status, ApiError(status, code, message, details=details).body(), headers)


def _page(key: str, items_json: list[str], out: dict) -> Response:
    """A feed page ``{key: [...], next_cursor, has_more}`` from items that are JSON text
    already (stored change bodies and payloads go out without being parsed again)."""
    text = ('{"' + key + '":[' + ",".join(items_json) + '],"next_cursor":'
            + json.dumps(out["next_cursor"]) + ',"has_more":'
            + ("true" if out["has_more"] else "false") + "}")
    return Response(text, media_type="application/json")


# --------------------------------------------------------------------------- middleware

class _TooLarge(Exception):
    pass


async def _inflate(receive, encoding: str, cap: int) -> bytes:
    """The request body decompressed as it arrives, never more than ``cap`` bytes of it
    (a small gzip bomb is refused after ``cap`` bytes, not after it filled the memory).
    Concatenated gzip members are read one after another, as ``gzip.decompress`` does."""
    wbits = zlib.MAX_WBITS if encoding == "deflate" else 16 + zlib.MAX_WBITS
    d = zlib.decompressobj(wbits)
    fed = False            # the current decoder has had input
    out = bytearray()
    compressed = 0
    more = True
    while more:
        msg = await receive()
        chunk = msg.get("body", b"")
        more = msg.get("more_body", False)
        compressed += len(chunk)
        if compressed > cap:
            raise _TooLarge
        while chunk:
            if d.eof:
                if encoding == "deflate":
                    raise zlib.error("data after the end of the deflate stream")
                d, fed = zlib.decompressobj(wbits), False
            fed = True
            out += d.decompress(chunk, cap + 1 - len(out))
            if len(out) > cap:
                raise _TooLarge
            chunk = d.unconsumed_tail or (d.unused_data if d.eof else b"")
    if fed and not d.eof:
        raise EOFError("the compressed body ends early")
    return bytes(out)


class ProtocolMiddleware:
    """Pure ASGI middleware for every ``/v1/`` request.

    In order: injected faults (admin ``/admin/faults``), the ``X-Client-Version`` and
    ``X-Device-Id`` headers (400 when missing, 426 when the client is too old), and
    ``Content-Encoding: gzip`` request bodies (decompressed before the route sees them).
    """

    def __init__(self, app, platform: Platform):
        self.app = app
        self.pf = platform

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope["headers"]}
        fault = self.pf.take_fault(scope["method"], scope["path"])
        if fault and fault["delay"]:
            await asyncio.sleep(fault["delay"])
        if fault and fault["when"] == "before":
            await self._fault(fault, send)
            return
        problem = self._check_headers(headers)
        if problem is not None:
            await problem(scope, receive, send)
            return
        if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip", "deflate"):
            try:
                raw = await _inflate(receive, headers["content-encoding"].lower(),
                                     self.pf.settings.max_body)
            except _TooLarge:
                await _err(413, "body_too_large",
                           f"request body larger than {self.pf.settings.max_body} bytes "
                           "once decompressed")(scope, receive, send)
                return
            except (OSError, EOFError, zlib.error):
                await _err(400, "bad_gzip", "Content-Encoding says gzip but the body is not "
                           "valid gzip")(scope, receive, send)
                return
            scope = dict(scope)
            scope["headers"] = [(k, v) for k, v in scope["headers"]
                                if k.lower() not in (b"content-encoding", b"content-length")]
            scope["headers"].append((b"content-length", str(len(raw)).encode()))
            sent = False

            async def receive_raw():
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": raw, "more_body": False}
                return await receive()
            receive = receive_raw
        if fault and fault["when"] == "after":
            # process the request for real, then lose the answer (a dropped response)
            async def swallow(message):
                return None
            await self.app(scope, receive, swallow)
            await self._fault(fault, send)
            return
        await self.app(scope, receive, send)

    def _check_headers(self, headers: dict) -> Response | None:
        cv = headers.get("x-client-version", "").strip()
        if not cv:
            return _err(400, "missing_client_version", "every request must carry X-Client-Version")
        if not headers.get("x-device-id", "").strip():
            return _err(400, "missing_device_id", "every request must carry X-Device-Id")
        have, need = parse_version(cv), parse_version(self.pf.min_client_version)
        if have is None or (need is not None and have < need):
            return _err(426, "client_too_old",
                        f"客户端版本 {cv} 过旧，平台要求 {self.pf.min_client_version} 或更高，请升级 "
                        f"CIQ Desk / client version {cv} is too old; the platform requires "
                        f"{self.pf.min_client_version} or newer: please upgrade CIQ Desk",
                        headers={"Upgrade": f"ciqdesk/{self.pf.min_client_version}"},
                        details={"min_client_version": self.pf.min_client_version,
                                 "client_version": cv})
        return None

    async def _fault(self, fault: dict, send) -> None:
        status = fault["status"]
        headers = {}
        if fault.get("retry_after") is not None:
            headers["Retry-After"] = str(fault["retry_after"])
        code = {429: "rate_limited", 503: "unavailable"}.get(status, "injected_fault")
        resp = _err(status, code, f"injected fault {status} (admin /admin/faults)", headers)
        await resp({"type": "http"}, None, send)


# ------------------------------------------------------------------------ request models

class LoginIn(BaseModel):
    username: Text = Field(max_length=256)
    password: Text = Field(max_length=1024)


class RefreshIn(BaseModel):
    refresh_token: Text = Field(max_length=512)


class LeaseIn(BaseModel):
    bureau: str = Field(description="6-digit bureau code, = declare_bureau of the declarations")
    direction: Literal["inbound", "outbound"]
    year: int | str = Field(description="2026 or \"26\"; answered as 2 digits")
    count: int = Field(ge=1, description="how many serials (1..max_lease_count, default 10000)")


class LeaseCloseIn(BaseModel):
    used: list[int | str] = Field(default_factory=list, description=(
        "serials (ints, 6-digit strings or full 15-digit inspection numbers) the client "
        "assigned from this lease; every other unsubmitted serial becomes void"))


class GradeIn(BaseModel):
    grade: str


class ForceStatusIn(BaseModel):
    status: str
    note: str | None = None
    reasons: list[dict] | None = None


class PublishIn(BaseModel):
    version: str
    content: str = Field(description="the whole table as UTF-8 CSV text with a header row")


class ClockIn(BaseModel):
    seconds: float


class FaultIn(BaseModel):
    status: int = 503
    count: int = 1
    retry_after: float | int | None = None
    path: str | None = Field(None, description="path prefix; default /v1/")
    method: str | None = None
    when: Literal["before", "after"] = "before"
    delay: float = 0


class EcertsFetchIn(BaseModel):
    numbers: list[str] = Field(description="e-certificate numbers announced by the feed, 1..500")


class MinVersionIn(BaseModel):
    min_client_version: str


_MUTATION_SCHEMA = {
    "type": "object",
    "required": ["mutations"],
    "properties": {
        "device_id": {"type": "string"},
        "mutations": {
            "type": "array", "maxItems": 500,
            "items": {
                "type": "object",
                "required": ["mutation_id", "kind", "declaration_id"],
                "properties": {
                    "mutation_id": {"type": "string", "description": "ULID; UNIQUE forever"},
                    "kind": {"type": "string", "enum": ["submit", "amend", "withdraw"]},
                    "declaration_id": {"type": "string"},
                    "inspection_no": {"type": ["string", "null"]},
                    "base_version": {"type": ["integer", "null"]},
                    "payload": {"type": ["object", "null"],
                                "description": "the declaration (ciqdesk/declaration@1) for "
                                               "submit/amend; {reason} or null for withdraw"},
                },
            },
        },
    },
}

_BATCH_RESPONSE_SCHEMA = {
    "type": "object",
    "properties": {"results": {"type": "array", "items": {
        "type": "object",
        "properties": {
            "mutation_id": {"type": "string"},
            "outcome": {"type": "string",
                        "enum": ["applied", "duplicate", "rejected", "conflict"]},
            "version": {"type": ["integer", "null"]},
            "reasons": {"type": "array", "items": {"type": "object", "properties": {
                "code": {"type": "string"}, "field": {"type": "string"},
                "message": {"type": "string"}, "message_zh": {"type": "string"},
                "message_en": {"type": "string"}}}},
            "retryable": {"type": "boolean"},
            "replayed": {"type": "boolean"},
            "http_status": {"type": "integer"},
        }}}},
}


# ------------------------------------------------------------------------------- the app

def create_app(settings: Settings, platform: Platform | None = None) -> FastAPI:
    holder: dict[str, Platform] = {}
    pf = platform or Platform(settings)
    holder["pf"] = pf

    @asynccontextmanager
    async def lifespan(_app):
        if settings.background_advance:
            pf.start_advancer()
        yield
        pf.close()

    app = FastAPI(
        title="CIQ platform (sandbox)", version=__version__, lifespan=lifespan,
        description="Sync protocol v1 of the central inspection platform, as implemented by "
                    "the CIQ Desk sandbox. Every /v1/ request needs X-Client-Version and "
                    "X-Device-Id; errors are {\"error\": {code, message, details?}}. "
                    "See sandbox/PROTOCOL.md.")
    app.state.platform = pf
    app.add_middleware(ProtocolMiddleware, platform=pf)

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError):
        return _json(exc.status, exc.body(), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError):
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
                   for e in exc.errors()]
        return _err(422, "invalid_request", "the request body or parameters are invalid",
                    details=details)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # the traceback goes to the platform's log; the answer names nothing of it
        incident = secrets.token_hex(6)
        log.error("internal error %s on %s %s", incident, request.method, request.url.path,
                  exc_info=exc)
        return _err(500, "internal_error", f"the platform failed (incident {incident})")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _err(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    # -- dependencies -----------------------------------------------------------------
    def principal(authorization: str | None = Header(None),
                  x_device_id: str = Header(..., description="stable id of this installation"),
                  x_client_version: str = Header(..., description="CIQ Desk version, e.g. 1.0.0"),
                  ) -> Principal:
        return pf.authenticate(authorization, x_device_id)

    def admin(x_admin_token: str | None = Header(None)) -> None:
        if not settings.admin_token:
            raise ApiError(403, "admin_disabled",
                           "admin endpoints are disabled: start the sandbox with "
                           "--admin-token-file or CIQDESK_SANDBOX_ADMIN_TOKEN")
        if not hmac.compare_digest((x_admin_token or "").encode("utf-8", "surrogatepass"),
                                   settings.admin_token.encode("utf-8", "surrogatepass")):
            raise ApiError(403, "admin_forbidden", "X-Admin-Token missing or wrong")

    def client_headers(x_device_id: str = Header(...), x_client_version: str = Header(...)) -> str:
        return x_device_id

    # -- service --------------------------------------------------------------------------
    @app.get("/health", tags=["service"])
    def health():
        return {"status": "ok", "service": "ciq-platform-sandbox", "version": __version__,
                "protocol": PROTOCOL_VERSION, "time_scale": settings.time_scale,
                "now": iso(pf.now()), "min_client_version": pf.min_client_version}

    # -- sessions --------------------------------------------------------------------------
    @app.post("/v1/sessions", tags=["sessions"], status_code=201)
    def login(body: LoginIn, request: Request, device_id: str = Depends(client_headers)):
        address = request.client.host if request.client else None
        return pf.login(body.username, body.password, device_id, address)

    @app.post("/v1/sessions/refresh", tags=["sessions"])
    def refresh(body: RefreshIn, device_id: str = Depends(client_headers)):
        return pf.refresh(body.refresh_token, device_id)

    @app.delete("/v1/sessions/current", tags=["sessions"], status_code=204)
    def logout(authorization: str | None = Header(None), p: Principal = Depends(principal)):
        pf.logout(authorization[7:].strip())
        return Response(status_code=204)

    @app.get("/v1/enterprise", tags=["enterprise"])
    def enterprise(p: Principal = Depends(principal)):
        return pf.enterprise(p)

    # -- number leases ------------------------------------------------------------------------
    @app.post("/v1/number-leases", tags=["numbers"], status_code=201)
    def create_lease(body: LeaseIn, p: Principal = Depends(principal),
                     idempotency_key: str | None = Header(None, max_length=128, description=(
                         "optional: a resend with the same key returns the same lease"))):
        return pf.create_lease(p, body.bureau, body.direction, body.year, body.count,
                               idempotency_key)

    @app.get("/v1/number-leases", tags=["numbers"])
    def list_leases(state: Literal["open", "expired", "closed"] | None = None,
                    p: Principal = Depends(principal)):
        return {"leases": pf.list_leases(p, state)}

    @app.get("/v1/number-leases/{lease_id}", tags=["numbers"])
    def get_lease(lease_id: str, p: Principal = Depends(principal)):
        return pf.get_lease(p, lease_id)

    @app.post("/v1/number-leases/{lease_id}/close", tags=["numbers"])
    def close_lease(lease_id: str, body: LeaseCloseIn | None = None,
                    p: Principal = Depends(principal)):
        return pf.close_lease(p, lease_id, body.used if body else [])

    # -- mutations ---------------------------------------------------------------------------
    @app.post("/v1/mutations:batch", tags=["mutations"], openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": _MUTATION_SCHEMA}}},
        "responses": {"200": {"description": "one result per mutation, in order",
                               "content": {"application/json": {
                                   "schema": _BATCH_RESPONSE_SCHEMA}}}}})
    async def mutations_batch(request: Request, p: Principal = Depends(principal)):
        raw = await request.body()
        body = jsontext.loads(raw)
        result = await run_in_threadpool(pf.apply_batch, p, body)
        return _json(200, result)

    # -- feeds ---------------------------------------------------------------------------------
    @app.get("/v1/changes", tags=["feeds"])
    def changes(since: str | None = Query(None, description="cursor from the last page"),
                limit: int = Query(500, ge=1, le=5000), p: Principal = Depends(principal)):
        out = pf.changes(p, since, limit)
        return _page("changes", out["changes_json"], out)

    @app.get("/v1/declarations", tags=["feeds"])
    def declarations(since: str | None = None, limit: int = Query(500, ge=1, le=5000),
                     payload: bool = Query(True, description="include each declaration's JSON"),
                     p: Principal = Depends(principal)):
        out = pf.declarations(p, since, limit, payload)
        parts = []
        for d in out["declarations"]:
            pj = d.pop("payload_json", None)
            s = json.dumps(d, ensure_ascii=False, separators=(",", ":"))
            if pj is not None:
                s = s[:-1] + ',"payload":' + pj + "}"
            parts.append(s)
        return _page("declarations", parts, out)

    @app.get("/v1/declarations/{key}", tags=["feeds"])
    def declaration(key: str, p: Principal = Depends(principal)):
        return pf.declaration(p, key)

    # -- code tables ---------------------------------------------------------------------------
    @app.get("/v1/codes", tags=["codes"])
    def code_tables(p: Principal = Depends(principal)):
        return {"tables": pf.code_tables()}

    @app.get("/v1/codes/{table}", tags=["codes"])
    def code_table(table: str, version: str | None = None, p: Principal = Depends(principal)):
        return _json(200, pf.code_table(table, version))

    # -- attachments ----------------------------------------------------------------------------
    @app.put("/v1/attachments/{sha256}", tags=["attachments"], openapi_extra={
        "requestBody": {"required": True, "content": {"application/octet-stream": {
            "schema": {"type": "string", "format": "binary"}}}}})
    async def put_attachment(sha256: str, request: Request, p: Principal = Depends(principal)):
        data = await request.body()
        created, size = await run_in_threadpool(pf.put_attachment, sha256, data)
        return _json(201 if created else 200, {"sha256": sha256.lower(), "size": size,
                                               "created": created})

    @app.head("/v1/attachments/{sha256}", tags=["attachments"])
    def head_attachment(sha256: str, p: Principal = Depends(principal)):
        size = pf.has_attachment(sha256.lower()) if len(sha256) == 64 else None
        if size is None:
            return Response(status_code=404)
        return Response(status_code=200, headers={"Content-Length": str(size),
                                                  "Content-Type": "application/octet-stream"})

    @app.get("/v1/attachments/{sha256}", tags=["attachments"])
    def get_attachment(sha256: str, p: Principal = Depends(principal)):
        data = pf.attachment_bytes(sha256)
        if data is None:
            raise ApiError(404, "unknown_attachment", f"no attachment {sha256}")
        return Response(data, media_type="application/octet-stream")

    @app.get("/v1/origin-certificates/{cid}", tags=["origin"])  # sandbox.origin
    def origin_certificate(cid: str, p: Principal = Depends(principal)):
        return _json(200, pf.origin_certificate(p, cid))

    # -- e-certificates (sandbox.ecert; PROTOCOL.md "E-certificates") ---------------------------
    @app.get("/v1/ecert-signing-certificate", tags=["ecerts"])
    def ecert_signing_certificate(p: Principal = Depends(principal)):
        return pf.ecert_signing_certificate()

    @app.post("/v1/ecerts:fetch", tags=["ecerts"])
    def ecerts_fetch(body: EcertsFetchIn, p: Principal = Depends(principal)):
        return _json(200, pf.ecerts_fetch(p, body.numbers))

    @app.get("/v1/ecerts", tags=["ecerts"])
    def ecerts_list(after: str | None = None, limit: int = 1000,
                    p: Principal = Depends(principal)):
        return _json(200, pf.ecerts_list(p, after, limit))

    @app.get("/v1/ecerts/{number}", tags=["ecerts"])
    def ecert(number: str, p: Principal = Depends(principal)):
        return _json(200, pf.ecert(p, number))

    @app.get("/v1/declarations/{key}/ecerts", tags=["ecerts"])
    def declaration_ecerts(key: str, p: Principal = Depends(principal)):
        return _json(200, pf.declaration_ecerts(p, key))

    ecom.routes(app, pf, principal, _json)  # issue 15: e-commerce registrations (sandbox.ecom)

    # -- admin -----------------------------------------------------------------------------------
    adm = [Depends(admin)]

    @app.get("/admin/enterprises", tags=["admin"], dependencies=adm)
    def admin_enterprises():
        return {"enterprises": pf.admin_enterprises()}

    @app.put("/admin/enterprises/{key}/credit-grade", tags=["admin"], dependencies=adm)
    def admin_grade(key: str, body: GradeIn):
        return pf.admin_set_grade(key, body.grade)

    @app.post("/admin/declarations/{key}/status", tags=["admin"], dependencies=adm)
    def admin_status(key: str, body: ForceStatusIn):
        return pf.admin_force_status(key, body.status, body.note, body.reasons)

    @app.post("/admin/codes/{table}", tags=["admin"], dependencies=adm)
    def admin_publish(table: str, body: PublishIn):
        return pf.admin_publish_codes(table, body.version, body.content)

    @app.post("/admin/cursors:expire", tags=["admin"], dependencies=adm)
    def admin_expire():
        return pf.admin_expire_cursors()

    @app.post("/admin/clock:advance", tags=["admin"], dependencies=adm)
    def admin_clock(body: ClockIn):
        return pf.admin_advance_clock(body.seconds)

    @app.post("/admin/lifecycle:advance", tags=["admin"], dependencies=adm)
    def admin_lifecycle():
        return {"emitted": pf.advance()}

    @app.post("/admin/faults", tags=["admin"], dependencies=adm, status_code=201)
    def admin_fault(body: FaultIn):
        return pf.add_fault(body.model_dump())

    @app.delete("/admin/faults", tags=["admin"], dependencies=adm, status_code=204)
    def admin_clear_faults():
        pf.clear_faults()
        return Response(status_code=204)

    @app.put("/admin/min-client-version", tags=["admin"], dependencies=adm)
    def admin_min_version(body: MinVersionIn):
        if parse_version(body.min_client_version) is None:
            raise ApiError(400, "invalid_request", "not a version")
        pf.min_client_version = body.min_client_version
        return {"min_client_version": pf.min_client_version}

    bench_sink.register(app, admin)
    ciqswitch.register(app, admin, pf)
    return app
