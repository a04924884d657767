"""The platform's HTTP client: headers, tokens, retries, TLS, and failure classification.

:class:`PlatformClient` wraps one :class:`requests.Session`. Every request carries
``X-Client-Version`` and ``X-Device-Id``, and (once logged in) a bearer access token.
Failures become the project's errors, so callers never see a ``requests`` exception:

* a platform that cannot be connected to (refused, DNS, no answer to the connection within
  the 2 s connect timeout) → :class:`OfflineError` within about :data:`CONNECT_BUDGET`
  seconds (quick retries inside that budget only); resets and read timeouts of a slow
  answer → retried with backoff, then :class:`OfflineError`;
* a redirect (3xx) is never followed (the body, a password perhaps, would go to another
  origin) → :class:`RedirectRefused` naming where it pointed;
* 401 → the access token is refreshed once with the refresh token and the request is
  repeated; a second 401 (or a refused refresh) → :class:`AuthError`;
* 426 → :class:`ClientTooOld` with the server's message (客户端版本过旧，请升级);
* 5xx and 429 → transient: retried with capped exponential backoff and full jitter,
  honouring ``Retry-After``; when retries run out → :class:`PlatformUnavailable`;
* 410 → :class:`CursorExpired` (the caller takes a full snapshot);
* a body that is not JSON (or not the expected shape, see :mod:`client.sync.shapes`) →
  :class:`BadResponse` ("平台返回了无法识别的数据…"): nothing is applied locally.

TLS: ``https`` is always verified. ``trust`` chooses the roots: ``"certifi"`` (default,
Mozilla's bundle shipped with the app), ``"system"`` (the operating system's store as the
``ssl`` module loads it: the Windows certificate store on Windows, OpenSSL's default paths
on Linux/macOS) or a path to a PEM CA bundle (a company proxy's root, for instance).
"""
from __future__ import annotations

import gzip
import json
import logging
import random
import ssl
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Callable

import requests
from requests.adapters import HTTPAdapter

from ..errors import AuthError, DeskError, OfflineError, PlatformError

log = logging.getLogger(__name__)

CLIENT_VERSION = "1.0.0"
#: (connect, read) timeouts: an unreachable platform shows in 2 s, a slow answer has a minute
DEFAULT_TIMEOUT = (2.0, 60.0)
#: seconds after the first failed connection attempt during which connecting is retried
CONNECT_BUDGET = 2.0
#: request bodies larger than this are sent gzip-compressed
GZIP_THRESHOLD = 32 * 1024



def encode_body(body: bytes, compress: bool | None = None) -> tuple[bytes, dict[str, str]]:
    """``body`` as sent and the header saying so: gzip-compressed when ``compress``, or by
    default when larger than :data:`GZIP_THRESHOLD` (:meth:`PlatformClient.request` does
    this; the pusher does it ahead, while the previous batch is on its way)."""
    if compress or (compress is None and len(body) > GZIP_THRESHOLD):
        return gzip.compress(body, compresslevel=5), {"Content-Encoding": "gzip"}
    return body, {}

class BadResponse(PlatformError):
    """The platform answered something that is not what the protocol promises."""

    def __init__(self, detail: str):
        super().__init__(f"平台返回了无法识别的数据（{detail}），本地数据未做任何更改。请稍后重试；"
                         f"如果持续出现，请联系平台技术支持。",
                         f"the platform answered with data this client cannot read ({detail}); "
                         f"nothing was changed locally")
        self.detail = detail


class PlatformUnavailable(PlatformError):
    """5xx/429 persisted through every retry: try again later (nothing is lost)."""

    retryable = True


class ClientTooOld(PlatformError):
    """426: the platform requires a newer CIQ Desk."""


class CursorExpired(PlatformError):
    """410 on the change feed: the client must take a full snapshot."""


class RequestRefused(PlatformError):
    """A 4xx other than 401/410/426/429: the platform refused this request."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"平台拒绝了请求（{status} {code}）：{message}",
                         f"the platform refused the request ({status} {code}): {message}")
        self.status = status
        self.code = code


class RedirectRefused(PlatformError):
    """The platform answered 3xx: the desk never follows a redirect."""

    def __init__(self, status: int, method: str, path: str, location: str):
        super().__init__(
            f"平台地址 {path} 返回了重定向（HTTP {status}）到 {location or '（未指明）'}。"
            "为防止密码和数据被发往其他服务器，CIQ Desk 不跟随重定向：请确认平台地址填写正确"
            "（例如应使用 https:// 开头的正式地址）。",
            f"the platform answered {method} {path} with a redirect (HTTP {status}) to "
            f"{location or '(no Location)'}; CIQ Desk never follows redirects, so that the "
            "password and the data cannot be sent elsewhere: check the platform address")
        self.status = status
        self.location = location


def _connect_failure(exc: Exception) -> bool:
    """Whether ``exc`` happened before a connection existed (nothing was sent)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if not isinstance(exc, requests.exceptions.ConnectionError):
        return False
    from urllib3.exceptions import MaxRetryError, NewConnectionError
    reason = exc.args[0] if exc.args else None
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    return isinstance(reason, NewConnectionError)


class Cancelled(DeskError):
    """The user cancelled a running sync (between requests; nothing half-applied)."""


@dataclass
class RetryPolicy:
    """Capped exponential backoff with full jitter: sleep ∈ [0, min(cap, base·2ⁿ)]."""

    attempts: int = 6
    base: float = 0.5
    cap: float = 30.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(self.cap, max(0.0, retry_after))
        return random.uniform(0, min(self.cap, self.base * (2 ** attempt)))


class _SystemTrustAdapter(HTTPAdapter):
    """An adapter verifying TLS against the OS's roots (``ssl.create_default_context``)."""

    def __init__(self, *a, **kw):
        self._ctx = ssl.create_default_context()
        super().__init__(*a, **kw)

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host, ctx = super().build_connection_pool_key_attributes(request, verify, cert)
        if request.url and request.url.lower().startswith("https"):
            ctx.pop("ca_certs", None)
            ctx.pop("ca_cert_dir", None)
            ctx["ssl_context"] = self._ctx
            ctx["cert_reqs"] = "CERT_REQUIRED"
        return host, ctx


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _error_fields(resp: requests.Response) -> tuple[str, str]:
    """``(code, message)`` from the protocol's ``{"error": {...}}`` body, if any."""
    try:
        body = resp.json()
        err = body.get("error") if isinstance(body, dict) else None
        if isinstance(err, dict):
            return str(err.get("code") or ""), str(err.get("message") or "")
    except ValueError:
        pass
    return "", resp.text[:200]


class PlatformClient:
    """One platform, one device, one login. Thread-compatible (one sync job at a time).

    ``refresh_token`` is used to get access tokens; when the platform rotates it,
    ``on_refresh_token(new)`` is called so the caller can keep it in the keyring.
    ``cancel()`` returning True stops between attempts with :class:`Cancelled`.
    """

    def __init__(self, base_url: str, device_id: str, *, refresh_token: str | None = None,
                 access_token: str | None = None,
                 on_refresh_token: Callable[[str], None] | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, trust: str = "certifi",
                 retry: RetryPolicy | None = None, cancel: Callable[[], bool] | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 client_version: str = CLIENT_VERSION):
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.refresh_token = refresh_token
        self.access_token = access_token
        self.on_refresh_token = on_refresh_token
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or (lambda: False)
        self.sleep = sleep
        self.session = requests.Session()
        self.session.trust_env = False  # no surprise proxies from the environment
        self.session.headers.update({"X-Client-Version": client_version,
                                     "X-Device-Id": device_id,
                                     "Accept": "application/json",
                                     "User-Agent": f"CIQDesk/{client_version}"})
        self.verify: bool | str = True
        self._configure_trust(trust)
        self.refreshes = 0  # how many times the access token was refreshed (for tests/logs)

    def _configure_trust(self, trust: str) -> None:
        if trust in ("certifi", "", None):
            import certifi
            self.verify = certifi.where()
        elif trust == "system":
            self.session.mount("https://", _SystemTrustAdapter())
            self.verify = True
        else:
            from pathlib import Path
            if not Path(trust).exists():
                raise DeskError(f"找不到证书文件 {trust}", f"CA bundle {trust} not found")
            self.verify = str(trust)

    def close(self) -> None:
        self.session.close()

    # -- tokens -----------------------------------------------------------------------
    def login(self, username: str, password: str) -> dict:
        """``POST /v1/sessions``; keeps the tokens and returns the whole answer."""
        from .shapes import check_session
        try:
            body = self.request("POST", "/v1/sessions",
                                json={"username": username, "password": password}, auth=False)
        except RequestRefused as exc:
            raise PlatformError(f"登录失败：{exc.message_zh}", f"login failed: {exc}") from exc
        check_session(body)
        self.access_token = body["access_token"]
        self.refresh_token = body["refresh_token"]
        return body

    def refresh(self) -> dict:
        """New access token from the refresh token (``POST /v1/sessions/refresh``)."""
        from .shapes import check_session
        if not self.refresh_token:
            raise AuthError("尚未登录，请先登录平台。", "not logged in; log in first")
        body = self.request("POST", "/v1/sessions/refresh",
                            json={"refresh_token": self.refresh_token}, auth=False,
                            _refreshing=True)
        check_session(body, need_refresh=False)
        self.access_token = body["access_token"]
        new = body.get("refresh_token")
        if isinstance(new, str) and new and new != self.refresh_token:
            self.refresh_token = new
            if self.on_refresh_token:
                self.on_refresh_token(new)
        self.refreshes += 1
        log.info("access token refreshed")
        return body

    # -- requests ---------------------------------------------------------------------
    def request(self, method: str, path: str, *, json: Any = None, params: dict | None = None,
                data: bytes | None = None, auth: bool = True, compress: bool | None = None,
                headers: dict | None = None, expect_json: bool = True,
                _refreshing: bool = False) -> Any:
        """Send one request with retries; returns the decoded JSON body (or ``None``)."""
        url = self.base_url + path
        hdrs = dict(headers or {})
        body = data
        if json is not None:
            body = _json_bytes(json)
            hdrs["Content-Type"] = "application/json"
        if body is not None:
            body, encoding = encode_body(body, compress)
            hdrs.update(encoding)
        if auth and not self.access_token:
            self.refresh()
        refreshed = False
        attempt = 0
        first_connect_failure: float | None = None
        while True:
            if self.cancel():
                raise Cancelled("同步已取消", "sync cancelled")
            if auth:
                hdrs["Authorization"] = f"Bearer {self.access_token}"
            try:
                resp = self.session.request(method, url, data=body, params=params, headers=hdrs,
                                            timeout=self.timeout, verify=self.verify,
                                            allow_redirects=False)
            except requests.exceptions.SSLError as exc:
                log.warning("TLS failure talking to %s: %s", self.base_url, exc)
                raise PlatformError(
                    "无法验证平台的安全证书（HTTPS）。如果贵司使用代理服务器，请在设置中指定其根证书，"
                    "或选择使用系统证书库。",
                    "the platform's TLS certificate could not be verified") from exc
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                log.info("%s %s: network problem (%s), attempt %d", method, path,
                         type(exc).__name__, attempt + 1)
                attempt += 1
                unreachable = False
                if _connect_failure(exc):
                    now = time.monotonic()
                    if first_connect_failure is None:
                        first_connect_failure = now
                    # no connection at all: say so within the budget (a connect timeout
                    # has used it up already), not after the whole backoff schedule
                    unreachable = (isinstance(exc, requests.exceptions.ConnectTimeout)
                                   or now - first_connect_failure >= CONNECT_BUDGET)
                if unreachable or attempt >= self.retry.attempts:
                    raise OfflineError(
                        "无法连接平台（网络中断或平台无响应）。已保存的数据不受影响，联网后请重新同步。",
                        f"cannot reach the platform ({type(exc).__name__})") from exc
                if first_connect_failure is not None and _connect_failure(exc):
                    left = CONNECT_BUDGET - (time.monotonic() - first_connect_failure)
                    self._pause(attempt - 1, min(self.retry.delay(attempt - 1, None),
                                                 max(0.05, left)))
                else:
                    self._pause(attempt - 1, None)
                continue
            status = resp.status_code
            if 300 <= status < 400:
                location = resp.headers.get("Location", "")
                log.warning("%s %s answered %d to %r: not followed", method, path, status,
                            location)
                raise RedirectRefused(status, method, path, location)
            if status == 429 and path == "/v1/sessions":
                wait = parse_retry_after(resp.headers.get("Retry-After"))
                secs = f"{int(wait + 0.999)} 秒" if wait is not None else "稍"
                raise AuthError(f"登录失败次数过多，平台暂时拒绝登录，请{secs}后再试。",
                                "too many failed logins: the platform refuses logins for now; "
                                f"try again in {int(wait + 0.999) if wait else 'a few'} s")
            if status == 401 and not _refreshing:
                if auth and not refreshed and self.refresh_token:
                    refreshed = True
                    self.refresh()
                    continue
                code, msg = _error_fields(resp)
                if not auth:
                    raise AuthError(f"用户名或密码错误。（{msg}）" if path == "/v1/sessions"
                                    else f"平台拒绝登录：{msg}",
                                    "wrong username or password" if path == "/v1/sessions"
                                    else f"login refused: {msg}")
                raise AuthError("登录已失效，请重新登录平台。", f"session expired ({code}); log in again")
            if status == 401 and _refreshing:
                raise AuthError("登录已过期，请重新登录平台。", "the login expired; log in again")
            if status == 426:
                _code, msg = _error_fields(resp)
                raise ClientTooOld(f"客户端版本过旧，请升级 CIQ Desk。平台说明：{msg}",
                                   f"this CIQ Desk is too old for the platform: {msg}")
            if status == 429 or status >= 500:
                attempt += 1
                ra = parse_retry_after(resp.headers.get("Retry-After"))
                log.info("%s %s: transient %d, attempt %d (Retry-After %s)", method, path,
                         status, attempt, ra)
                if attempt >= self.retry.attempts:
                    raise PlatformUnavailable(
                        f"平台暂时无法处理请求（HTTP {status}），已多次重试。数据已保存，请稍后再同步。",
                        f"the platform is temporarily unavailable (HTTP {status}); "
                        f"try again later")
                self._pause(attempt - 1, ra)
                continue
            if status == 410:
                _code, msg = _error_fields(resp)
                raise CursorExpired(f"同步位置已过期，需要完整同步：{msg}", f"cursor expired: {msg}")
            if status >= 400:
                code, msg = _error_fields(resp)
                raise RequestRefused(status, code or "error", msg)
            if not expect_json or status == 204 or not resp.content:
                return None
            try:
                return resp.json()
            except ValueError:
                raise BadResponse(f"{method} {path} 的应答不是 JSON") from None

    def _pause(self, attempt: int, retry_after: float | None) -> None:
        left = self.retry.delay(attempt, retry_after)
        while left > 0:  # sleep in slices so a cancel is honoured quickly
            if self.cancel():
                raise Cancelled("同步已取消", "sync cancelled")
            step = min(left, 0.2)
            self.sleep(step)
            left -= step

    # -- conveniences -------------------------------------------------------------------
    def get(self, path: str, **kw: Any) -> Any:
        return self.request("GET", path, **kw)

    def post(self, path: str, json: Any = None, **kw: Any) -> Any:
        return self.request("POST", path, json=json, **kw)


def _json_bytes(obj: Any) -> bytes:
    if isinstance(obj, (bytes, bytearray)):
        return bytes(obj)
    if isinstance(obj, str):  # pre-serialised JSON text
        return obj.encode("utf-8")
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")  # never NaN/Infinity to the platform
