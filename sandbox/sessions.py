"""Sessions and authentication: log in, refresh, log out, bearer tokens, the enterprise.

``POST /v1/sessions``, ``POST /v1/sessions/refresh``, ``DELETE /v1/sessions/current`` and
``GET /v1/enterprise`` (PROTOCOL.md "Sessions", "Enterprise"), plus
:meth:`SessionsMixin.authenticate`, which turns ``Authorization: Bearer`` into the
request's :class:`~sandbox.protocol.Principal`. Tokens are stored hashed (sha256). Each
login is a token *family*: refresh rotates the refresh token, a replayed one revokes the
family, logout revokes it; failed logins are rate-limited (:mod:`sandbox.ratelimit`).
A part of :class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import hashlib
import logging
import secrets

from sqlalchemy import insert, select, update

from . import db
from .protocol import ApiError, Principal, iso
from .ratelimit import LoginLimiter
from .seed import check_password

log = logging.getLogger("sandbox")


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SessionsMixin:
    """Sessions, tokens and the enterprise object (uses ``self.db``, ``self.lock``,
    ``self.settings`` and ``self.now()`` of the platform)."""

    def _enterprise_dict(self, conn, row, with_clients: bool = True) -> dict:
        d = {"uscc": row.uscc, "reg_no": row.reg_no, "name_cn": row.name_cn,
             "name_en": row.name_en, "credit_grade": row.credit_grade,
             "credit_grade_updated_at": iso(row.credit_grade_updated_at),
             "role": row.role, "username": row.username}
        if with_clients:
            d["clients"] = [self._enterprise_dict(conn, c, False)
                            for c in self._clients(conn, row.id)]
        return d

    def _clients(self, conn, enterprise_id: int) -> list:
        e = db.enterprises
        return conn.execute(select(e).join(db.broker_clients, db.broker_clients.c.client_id == e.c.id)
                            .where(db.broker_clients.c.broker_id == enterprise_id)
                            .order_by(e.c.id)).all()

    @staticmethod
    def _enterprise_row(conn, enterprise_id: int):
        return conn.execute(select(db.enterprises).where(
            db.enterprises.c.id == enterprise_id)).first()

    @property
    def login_limiter(self) -> LoginLimiter:
        lim = self.__dict__.get("_login_limiter")
        if lim is None:
            st = self.settings
            lim = self.__dict__["_login_limiter"] = LoginLimiter(
                st.login_failures_per_user, st.login_failures_per_address, st.login_window)
        return lim

    def _issue_tokens(self, conn, enterprise_id: int, device_id: str, family: str,
                      refresh_expires_at: float | None = None) -> dict:
        """A new access token and a new refresh token of the login ``family``."""
        now = self.now()
        access = "at_" + secrets.token_urlsafe(32)
        refresh_token = "rt_" + secrets.token_urlsafe(32)
        common = {"enterprise_id": enterprise_id, "device_id": device_id, "family": family,
                  "created_at": now}
        conn.execute(insert(db.tokens), [
            {"token_hash": _hash_token(access), "kind": "access",
             "expires_at": now + self.settings.token_ttl, **common},
            {"token_hash": _hash_token(refresh_token), "kind": "refresh",
             "expires_at": refresh_expires_at or now + self.settings.refresh_ttl, **common}])
        conn.execute(db.tokens.delete().where(db.tokens.c.expires_at < now - 86400))
        return {"access_token": access, "token_type": "Bearer", "refresh_token": refresh_token,
                "expires_in": int(self.settings.token_ttl) if self.settings.token_ttl >= 1
                else self.settings.token_ttl}

    def login(self, username: str, password: str, device_id: str,
              address: str | None = None) -> dict:
        limiter = self.login_limiter
        wait = limiter.retry_after(username, address, self.now())
        if wait is not None:
            raise ApiError(429, "too_many_login_attempts",
                           f"登录失败次数过多，请 {wait} 秒后再试 / too many failed logins; "
                           f"try again in {wait} s", headers={"Retry-After": str(wait)},
                           details={"retry_after": wait})
        with self.db.engine.connect() as conn:
            row = conn.execute(select(db.enterprises).where(
                db.enterprises.c.username == username)).first()
        if row is None or not check_password(password, row.password_hash):
            limiter.failed(username, address, self.now())
            raise ApiError(401, "invalid_credentials", "用户名或密码错误 / wrong username or password")
        with self.lock, self.db.engine.begin() as conn:
            out = self._issue_tokens(conn, row.id, device_id, secrets.token_hex(16))
            out["enterprise"] = self._enterprise_dict(conn, row)
        return out

    def _revoke_family(self, conn, family: str | None, token_hash: str) -> None:
        t = db.tokens
        if family:
            conn.execute(t.delete().where(t.c.family == family))
        conn.execute(t.delete().where(t.c.token_hash == token_hash))

    def refresh(self, refresh_token: str, device_id: str) -> dict:
        """Rotate: the refresh token is spent and a new one issued with the access token.

        A spent refresh token presented again (it was copied) revokes its whole family,
        the thief's and the owner's sessions alike (OAuth 2.0 security BCP, refresh token
        reuse detection). A refresh token is bound to the ``X-Device-Id`` it was issued to.
        """
        now = self.now()
        h = _hash_token(refresh_token or "")
        refused: ApiError | None = None   # raised after the commit: revocations must stay
        with self.lock, self.db.engine.begin() as conn:
            tok = conn.execute(select(db.tokens).where(
                db.tokens.c.token_hash == h, db.tokens.c.kind == "refresh")).first()
            if tok is None:
                raise ApiError(401, "invalid_refresh_token",
                               "refresh token unknown or revoked; log in again")
            if tok.used_at is not None:
                self._revoke_family(conn, tok.family, h)
                log.warning("refresh token of enterprise %s replayed (device %s): its login "
                            "was revoked", tok.enterprise_id, device_id)
                refused = ApiError(401, "refresh_token_reused",
                                   "refresh token already used; every session of this login "
                                   "was revoked: log in again")
            elif tok.device_id != device_id:
                self._revoke_family(conn, tok.family, h)
                log.warning("refresh token of enterprise %s presented by another device: its "
                            "login was revoked", tok.enterprise_id)
                refused = ApiError(401, "refresh_token_device_mismatch",
                                   "refresh token was issued to another device; log in again")
            elif tok.expires_at <= now:
                refused = ApiError(401, "refresh_token_expired",
                                   "refresh token expired; log in again")
            else:
                conn.execute(update(db.tokens).where(db.tokens.c.token_hash == h).values(
                    used_at=now))
                row = self._enterprise_row(conn, tok.enterprise_id)
                out = self._issue_tokens(conn, row.id, device_id,
                                         tok.family or secrets.token_hex(16), tok.expires_at)
                out["refresh_expires_at"] = iso(tok.expires_at)
                out["enterprise"] = self._enterprise_dict(conn, row)
        if refused is not None:
            raise refused
        return out

    def logout(self, access_token: str) -> None:
        """End the login the access token belongs to: every token of its family."""
        h = _hash_token(access_token)
        with self.lock, self.db.engine.begin() as conn:
            fam = conn.execute(select(db.tokens.c.family).where(
                db.tokens.c.token_hash == h)).scalar()
            self._revoke_family(conn, fam, h)

    def authenticate(self, authorization: str | None, device_id: str) -> Principal:
        hdr = {"WWW-Authenticate": 'Bearer realm="ciq-platform"'}
        if not authorization or not authorization.lower().startswith("bearer "):
            raise ApiError(401, "missing_token", "Authorization: Bearer <access_token> required",
                           headers=hdr)
        token = authorization[7:].strip()
        with self.db.engine.connect() as conn:
            tok = conn.execute(select(db.tokens).where(
                db.tokens.c.token_hash == _hash_token(token),
                db.tokens.c.kind == "access")).first()
            if tok is None:
                raise ApiError(401, "invalid_token", "access token unknown or revoked",
                               headers={**hdr, "WWW-Authenticate": hdr["WWW-Authenticate"]
                                        + ', error="invalid_token"'})
            if tok.expires_at <= self.now():
                raise ApiError(401, "token_expired",
                               "access token expired; POST /v1/sessions/refresh",
                               headers={"WWW-Authenticate": hdr["WWW-Authenticate"]
                                        + ', error="invalid_token", '
                                          'error_description="token expired"'})
            row = self._enterprise_row(conn, tok.enterprise_id)
            visible = {row.id}
            if row.role == "broker":
                visible.update(c.id for c in self._clients(conn, row.id))
        return Principal(row.id, row.username, row.role, row.uscc, row.credit_grade,
                         device_id, frozenset(visible))

    def enterprise(self, p: Principal) -> dict:
        with self.db.engine.connect() as conn:
            row = self._enterprise_row(conn, p.id)
            return self._enterprise_dict(conn, row)
