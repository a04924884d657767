"""Number leases: blocks of inspection-number serials handed to an enterprise.

``POST /v1/number-leases`` (with optional ``Idempotency-Key``), ``GET /v1/number-leases``,
``GET /v1/number-leases/{id}`` and ``POST /v1/number-leases/{id}/close`` (PROTOCOL.md
"Number leases"). Serials of one ``(bureau, direction, year)`` come from one platform-wide
counter (``serial_counters``). Whether a submitted number lies in a usable lease is checked
by the mutations batch (:mod:`sandbox.mutations`). A part of
:class:`sandbox.platform.Platform`.
"""
from __future__ import annotations

import json
import re
import secrets
from typing import Any, Iterable

from sqlalchemy import insert, select, update

from . import db
from .protocol import DIGITS15, DIRECTION_DIGIT, ApiError, Principal, iso


def _prefix(lease) -> str:
    """The first 9 digits of the lease's inspection numbers: bureau, direction digit, year."""
    return f"{lease.bureau}{lease.type_digit}{lease.year}"


def _ranges(values: Iterable[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for v in values:
        if out and out[-1][1] == v - 1:
            out[-1][1] = v
        else:
            out.append([v, v])
    return out


class LeasesMixin:
    """Number leases (uses ``self.db``, ``self.lock``, ``self.settings``, ``self.codes`` and
    ``self.now()`` of the platform)."""

    @staticmethod
    def _year2(year: Any) -> str:
        if not isinstance(year, bool):
            text = str(year).strip()
            if re.fullmatch(r"\d{4}", text):
                return text[2:]
            if re.fullmatch(r"\d{2}", text):
                return text
        raise ApiError(400, "invalid_request", "year must be a year such as 2026 or \"26\"")

    def _lease_dict(self, row, now: float, submitted: int | None = None) -> dict:
        if row.closed_at is not None:
            state = "closed"
        elif now >= row.expires_at:
            state = "expired"
        else:
            state = "open"
        prefix = _prefix(row)
        d = {"lease_id": row.id, "bureau": row.bureau, "direction": row.direction,
             "year": row.year, "first": row.first, "last": row.last,
             "first_inspection_no": f"{prefix}{row.first:06d}",
             "last_inspection_no": f"{prefix}{row.last:06d}",
             "count": row.last - row.first + 1, "issued_at": iso(row.issued_at),
             "expires_at": iso(row.expires_at),
             "void_after": iso(row.expires_at + self.settings.lease_grace),
             "state": state, "closed_at": iso(row.closed_at), "device_id": row.device_id}
        if submitted is not None:
            d["submitted"] = submitted
        return d

    def create_lease(self, p: Principal, bureau: Any, direction: Any, year: Any, count: Any,
                     request_key: str | None = None) -> dict:
        if not isinstance(bureau, str) or bureau not in self.codes.bureaus:
            raise ApiError(400, "unknown_bureau", f"unknown bureau {bureau!r} (codes/bureaus.csv)")
        if direction not in DIRECTION_DIGIT:
            raise ApiError(400, "invalid_request", "direction must be inbound or outbound")
        y2 = self._year2(year)
        if not isinstance(count, int) or isinstance(count, bool) or not (
                1 <= count <= self.settings.max_lease_count):
            raise ApiError(400, "invalid_request",
                           f"count must be an integer 1..{self.settings.max_lease_count}")
        digit = DIRECTION_DIGIT[direction]
        now = self.now()
        with self.lock, self.db.engine.begin() as conn:
            if request_key:
                row = conn.execute(select(db.leases).where(
                    db.leases.c.enterprise_id == p.id,
                    db.leases.c.request_key == request_key)).first()
                if row is not None:
                    if (row.bureau, row.direction, row.year, row.last - row.first + 1) != (
                            bureau, direction, y2, count):
                        raise ApiError(422, "idempotency_key_reused",
                                       "this Idempotency-Key was used for a different lease "
                                       "request")
                    out = self._lease_dict(row, now)
                    out["replayed"] = True
                    return out
            c = db.serial_counters
            key = (c.c.bureau == bureau) & (c.c.type_digit == digit) & (c.c.year == y2)
            nxt = conn.execute(select(c.c.next_serial).where(key)).scalar()
            if nxt is None:
                nxt = 1
                conn.execute(insert(c).values(bureau=bureau, type_digit=digit, year=y2,
                                              next_serial=1))
            last = nxt + count - 1
            if last > 999999:
                raise ApiError(409, "serials_exhausted",
                               f"only {max(0, 999999 - nxt + 1)} serials left for "
                               f"{bureau}/{digit}/{y2}")
            conn.execute(update(c).where(key).values(next_serial=last + 1))
            lease_id = "L" + secrets.token_hex(8)
            conn.execute(insert(db.leases).values(
                id=lease_id, enterprise_id=p.id, device_id=p.device_id, bureau=bureau,
                direction=direction, type_digit=digit, year=y2, first=nxt, last=last,
                issued_at=now, expires_at=now + self.settings.lease_ttl,
                request_key=request_key or None))
            row = conn.execute(select(db.leases).where(db.leases.c.id == lease_id)).first()
        return self._lease_dict(row, now)

    def _own_lease(self, conn, p: Principal, lease_id: str):
        row = conn.execute(select(db.leases).where(db.leases.c.id == lease_id)).first()
        if row is None or row.enterprise_id != p.id:
            raise ApiError(404, "unknown_lease", f"no lease {lease_id!r} for this enterprise")
        return row

    def _submitted_serials(self, conn, lease) -> set[int]:
        prefix = _prefix(lease)
        nos = conn.execute(select(db.declarations.c.inspection_no).where(
            db.declarations.c.lease_id == lease.id)).scalars()
        return {int(n[9:]) for n in nos if n.startswith(prefix)}

    def get_lease(self, p: Principal, lease_id: str) -> dict:
        with self.db.engine.connect() as conn:
            row = self._own_lease(conn, p, lease_id)
            return self._lease_dict(row, self.now(), len(self._submitted_serials(conn, row)))

    def list_leases(self, p: Principal, state: str | None) -> list[dict]:
        now = self.now()
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(db.leases).where(db.leases.c.enterprise_id == p.id)
                                .order_by(db.leases.c.issued_at)).all()
            out = [self._lease_dict(r, now) for r in rows]
        return [d for d in out if state is None or d["state"] == state]

    def close_lease(self, p: Principal, lease_id: str, used: Any) -> dict:
        if used is None:
            used = []
        if not isinstance(used, list):
            raise ApiError(400, "invalid_request", "used must be a list of serials")
        now = self.now()
        with self.lock, self.db.engine.begin() as conn:
            row = self._own_lease(conn, p, lease_id)
            prefix = _prefix(row)
            serials: set[int] = set()
            for u in used:
                s = None
                if isinstance(u, int) and not isinstance(u, bool):
                    s = u
                elif isinstance(u, str) and DIGITS15.match(u) and u.startswith(prefix):
                    s = int(u[9:])
                elif isinstance(u, str) and u.isdigit() and len(u) <= 6:
                    s = int(u)
                if s is None or not (row.first <= s <= row.last):
                    raise ApiError(422, "serial_out_of_range",
                                   f"{u!r} is not a serial of lease {lease_id} "
                                   f"({row.first}..{row.last})", details={"value": u})
                serials.add(s)
            if row.closed_at is None:
                conn.execute(update(db.leases).where(db.leases.c.id == lease_id).values(
                    closed_at=now, reported_used=json.dumps(sorted(serials))))
                row = self._own_lease(conn, p, lease_id)
            else:  # idempotent: a second close reports the first one's outcome
                serials = set(json.loads(row.reported_used or "[]"))
            submitted = self._submitted_serials(conn, row)
        keep = serials | submitted
        void = [s for s in range(row.first, row.last + 1) if s not in keep]
        out = self._lease_dict(row, now, len(submitted))
        out.update({"used": sorted(keep), "void_count": len(void), "void_ranges": _ranges(void)})
        return out
