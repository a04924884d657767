"""Sessions and authentication: log in, refresh, log out, bearer tokens, the enterprise.

``POST /v1/sessions``, ``POST /v1/sessions/refresh``, ``DELETE /v1/sessions/current`` and
``GET /v1/enterprise`` (PROTOCOL.md "Sessions", "Enterprise"), plus
:meth:`SessionsMixin.authenticate`, which turns ``Authorization: Bearer`` into the
request's :class:`~sandbox.protocol.Principal`. Tokens are stored hashed (sha256).
A part of :class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import insert, select

from . import db
from .protocol import ApiError, Principal, iso
from .seed import check_password


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

    def _issue_tokens(self, conn, enterprise_id: int, device_id: str,
                      refresh_token: str | None = None) -> dict:
        now = self.now()
        access = "at_" + secrets.token_urlsafe(32)
        rows = [{"token_hash": _hash_token(access), "kind": "access",
                 "enterprise_id": enterprise_id, "device_id": device_id,
                 "expires_at": now + self.settings.token_ttl, "created_at": now}]
        if refresh_token is None:
            refresh_token = "rt_" + secrets.token_urlsafe(32)
            rows.append({"token_hash": _hash_token(refresh_token), "kind": "refresh",
                         "enterprise_id": enterprise_id, "device_id": device_id,
                         "expires_at": now + self.settings.refresh_ttl, "created_at": now})
        conn.execute(insert(db.tokens), rows)
        conn.execute(db.tokens.delete().where(db.tokens.c.expires_at < now - 86400))
        return {"access_token": access, "token_type": "Bearer", "refresh_token": refresh_token,
                "expires_in": int(self.settings.token_ttl) if self.settings.token_ttl >= 1
                else self.settings.token_ttl}

    def login(self, username: str, password: str, device_id: str) -> dict:
        with self.db.engine.connect() as conn:
            row = conn.execute(select(db.enterprises).where(
                db.enterprises.c.username == username)).first()
        if row is None or not check_password(password, row.password_hash):
            raise ApiError(401, "invalid_credentials", "用户名或密码错误 / wrong username or password")
        with self.lock, self.db.engine.begin() as conn:
            out = self._issue_tokens(conn, row.id, device_id)
            out["enterprise"] = self._enterprise_dict(conn, row)
        return out

    def refresh(self, refresh_token: str, device_id: str) -> dict:
        now = self.now()
        with self.lock, self.db.engine.begin() as conn:
            tok = conn.execute(select(db.tokens).where(
                db.tokens.c.token_hash == _hash_token(refresh_token or ""),
                db.tokens.c.kind == "refresh")).first()
            if tok is None:
                raise ApiError(401, "invalid_refresh_token",
                               "refresh token unknown or revoked; log in again")
            if tok.expires_at <= now:
                raise ApiError(401, "refresh_token_expired", "refresh token expired; log in again")
            row = self._enterprise_row(conn, tok.enterprise_id)
            out = self._issue_tokens(conn, row.id, device_id, refresh_token)
            out["refresh_expires_at"] = iso(tok.expires_at)
            out["enterprise"] = self._enterprise_dict(conn, row)
        return out

    def logout(self, access_token: str) -> None:
        with self.lock, self.db.engine.begin() as conn:
            conn.execute(db.tokens.delete().where(
                db.tokens.c.token_hash == _hash_token(access_token)))

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
