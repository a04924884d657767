"""The admin endpoints' behaviour: enterprises, credit grades, forced statuses, publishing
code tables, compacting the feed, moving the platform clock.

``GET /admin/enterprises``, ``PUT /admin/enterprises/{key}/credit-grade``,
``POST /admin/declarations/{key}/status``, ``POST /admin/codes/{table}``,
``POST /admin/cursors:expire`` and ``POST /admin/clock:advance`` (PROTOCOL.md "Admin").
The admin-token check, ``/admin/lifecycle:advance`` and ``/admin/min-client-version`` are
in :mod:`sandbox.app`; fault injection is in :mod:`sandbox.faults`.
A part of :class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import insert, or_, select, update

from client import lifecycle as desk_lifecycle
from client.codes import CodeTableError

from . import db, lifecycle
from .code_tables import check_table
from .feeds import find_declaration
from .protocol import ApiError, iso, reason, status_change


class AdminMixin:
    """Admin operations (uses ``self.db``, ``self.lock``, ``self.codes``, ``self.cursors``,
    ``self.now()``, ``self.advance()``, ``self._max_seq()``, ``self._set_meta()`` and
    ``self._enterprise_dict()`` of the platform)."""

    def admin_enterprises(self) -> list[dict]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(db.enterprises).order_by(db.enterprises.c.id)).all()
            return [self._enterprise_dict(conn, r) for r in rows]

    def _find_enterprise(self, conn, key: str):
        e = db.enterprises
        row = conn.execute(select(e).where(or_(e.c.uscc == key, e.c.username == key,
                                               e.c.reg_no == key))).first()
        if row is None:
            raise ApiError(404, "unknown_enterprise", f"no enterprise {key!r}")
        return row

    def admin_set_grade(self, key: str, grade: Any) -> dict:
        if not isinstance(grade, str) or grade not in self.codes.credit_grades:
            raise ApiError(400, "unknown_grade",
                           f"grade must be one of {list(self.codes.credit_grades.codes())}")
        now = self.now()
        with self.lock, self.db.engine.begin() as conn:
            row = self._find_enterprise(conn, key)
            conn.execute(update(db.enterprises).where(db.enterprises.c.id == row.id).values(
                credit_grade=grade, credit_grade_updated_at=now))
            seq = self._max_seq(conn) + 1
            body = {"kind": "credit", "seq": seq, "uscc": row.uscc, "grade": grade,
                    "previous_grade": row.credit_grade, "at": iso(now)}
            conn.execute(insert(db.changes).values(seq=seq, enterprise_id=row.id, kind="credit",
                                                   body=json.dumps(body)))
            row = self._find_enterprise(conn, key)
            return {"enterprise": self._enterprise_dict(conn, row), "change": body}

    def admin_force_status(self, key: str, status: Any, note: Any, reasons: Any) -> dict:
        if status not in lifecycle.STATUSES:
            raise ApiError(400, "unknown_status", f"status must be one of {lifecycle.STATUSES}")
        if reasons is not None and not isinstance(reasons, list):
            raise ApiError(400, "invalid_request", "reasons must be a list")
        if status == "rejected" and not reasons:
            reasons = [reason("R900", "", "平台人工退回", "rejected by the platform operator")]
        now = self.now()
        d = db.declarations
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            r = find_declaration(conn, key)
            seq = self._max_seq(conn) + 1
            note = note if isinstance(note, str) else f"平台操作 / set by operator: {status}"
            # a move back (or sideways) is a new version: statuses only move forward within one
            version = r.version if desk_lifecycle.allowed(r.status, status, source="platform") \
                else (r.version or 0) + 1
            body = status_change(seq, r.id, r.inspection_no, status, now, note, version,
                                 reasons)
            conn.execute(insert(db.changes).values(
                seq=seq, enterprise_id=r.enterprise_id, kind="status", declaration_id=r.id,
                body=json.dumps(body, ensure_ascii=False)))
            conn.execute(update(d).where(d.c.id == r.id).values(
                status=status, status_at=now, note=note, updated_seq=seq, next_due_at=None,
                version=version,
                reasons=json.dumps(reasons, ensure_ascii=False) if reasons else None))
            if status == "certified":
                self.issue_ecerts(conn, {r.id: now})  # sandbox.ecert
        return body

    def admin_publish_codes(self, table: str, version: Any, content: Any) -> dict:
        check_table(table)
        if not isinstance(version, str) or not version.strip() or not isinstance(content, str):
            raise ApiError(400, "invalid_request", "body must be {version, content (CSV text)}")
        sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
        now = self.now()
        with self.lock, self.db.engine.begin() as conn:
            cv = db.code_versions
            old = conn.execute(select(cv).where(cv.c.table_name == table,
                                                cv.c.version == version)).first()
            builtin = self.codes._manifest.get(table, {})
            if old is not None or builtin.get("version") == version:
                old_sha = old.sha256 if old is not None else builtin.get("sha256")
                if old_sha == sha:
                    return {"table": table, "version": version, "sha256": sha,
                            "published": False}
                raise ApiError(409, "version_exists",
                               f"table {table} already has a different version {version!r}")
            try:
                self.codes.replace(table, version, content, sha)
            except CodeTableError as exc:
                raise ApiError(422, "bad_code_table", str(exc)) from exc
            conn.execute(insert(cv).values(table_name=table, version=version, sha256=sha,
                                           content=content, published_at=now))
            seq = self._max_seq(conn) + 1
            body = {"kind": "codes", "seq": seq, "table": table, "version": version,
                    "sha256": sha, "at": iso(now)}
            conn.execute(insert(db.changes).values(seq=seq, enterprise_id=None, kind="codes",
                                                   body=json.dumps(body)))
        return {**body, "published": True}

    def admin_expire_cursors(self) -> dict:
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            head = self._max_seq(conn)
            self.horizon = head
            self._set_meta(conn, "horizon", str(head))
        return {"horizon": self.cursors.make(head)}

    def admin_advance_clock(self, seconds: Any) -> dict:
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
            raise ApiError(400, "invalid_request", "seconds must be a number >= 0")
        with self.lock, self.db.engine.begin() as conn:
            self.clock_offset += float(seconds)
            self._set_meta(conn, "clock_offset", repr(self.clock_offset))
        return {"clock_offset": self.clock_offset, "now": iso(self.now())}
