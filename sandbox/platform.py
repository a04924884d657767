"""The platform's behaviour, free of HTTP: sessions, leases, mutations, feeds, admin.

Every public method of :class:`Platform` is called from a worker thread by the HTTP layer
(``sandbox.app``). Methods that write take :attr:`Database.write_lock` and use one
transaction. Errors are :class:`ApiError` (HTTP status + stable ``code``).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import bindparam, func, insert, or_, select, update

from client.codes import CodeBook, CodeTableError, TABLES
from client.rules import RuleContext, validate_raw

from . import db, lifecycle
from .seed import check_password, seed
from .settings import Settings

log = logging.getLogger("sandbox")

CN_TZ = timezone(timedelta(hours=8))
_DIGITS15 = re.compile(r"^\d{15}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MUTATION_ID = re.compile(r"^[0-9A-Za-z_\-]{1,64}$")
KINDS = ("submit", "amend", "withdraw")
DIRECTION_DIGIT = {"inbound": "1", "outbound": "2"}


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message", ...}}`` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str, *, details: Any = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict:
        err: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            err["details"] = self.details
        return {"error": err}


def iso(t: float | None) -> str | None:
    """Real epoch seconds as ISO 8601 UTC with milliseconds (``2026-11-26T23:10:00.000Z``)."""
    if t is None:
        return None
    return datetime.fromtimestamp(t, timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


def reason(code: str, field: str, zh: str, en: str, **extra: Any) -> dict:
    """A rejection reason: ``{code, field, message, message_zh, message_en}``."""
    r = {"code": code, "field": field, "message": zh, "message_zh": zh, "message_en": en}
    r.update(extra)
    return r


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def canonical_hash(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False,
                                     separators=(",", ":")).encode("utf-8")).hexdigest()


def parse_version(text: str) -> tuple[int, ...] | None:
    parts = re.findall(r"\d+", text or "")
    return tuple(int(p) for p in parts[:4]) if parts else None


@dataclass(frozen=True)
class Principal:
    """The logged-in enterprise of one request."""

    id: int
    username: str
    role: str
    uscc: str
    grade: str
    device_id: str
    #: enterprises whose data this login sees: itself, plus a broker's clients
    visible: frozenset[int]


# ----------------------------------------------------------------------------- cursors

class Cursors:
    """Opaque feed cursors ``"<epoch>.<seq>"``; the epoch identifies this database."""

    def __init__(self, epoch: str):
        self.epoch = epoch

    def make(self, seq: int) -> str:
        return f"{self.epoch}.{seq}"

    def parse(self, text: str | None) -> int:
        """The seq a cursor stands for (0 for none). 400 when malformed, 410 when foreign."""
        if text is None or text == "" or text == "0":
            return 0
        epoch, dot, seq = text.partition(".")
        if not dot or not seq.isdigit():
            raise ApiError(400, "bad_cursor", f"not a cursor of this platform: {text[:40]!r}")
        if epoch != self.epoch:
            raise ApiError(410, "cursor_expired",
                           "this cursor belongs to another platform database (the sandbox was "
                           "reset); take a full snapshot with GET /v1/declarations")
        return int(seq)


# ---------------------------------------------------------------------------- platform

class Platform:
    def __init__(self, settings: Settings):
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        settings.attachments_dir.mkdir(parents=True, exist_ok=True)
        self.db = db.Database(settings.db_path)
        self.lock = self.db.write_lock
        self._meta_init()
        seed(self.db, self.now())
        self.codes = self._load_codebook()
        self._faults: list[dict] = []
        self._faults_lock = threading.Lock()
        self.min_client_version = settings.min_client_version
        self._warm_rules()

    # -- clock ------------------------------------------------------------------
    def now(self) -> float:
        """Real time plus the admin clock offset (``POST /admin/clock:advance``)."""
        return time.time() + self.clock_offset

    def platform_today(self) -> date:
        return datetime.fromtimestamp(self.now(), CN_TZ).date()

    # -- meta -------------------------------------------------------------------
    def _meta_init(self) -> None:
        with self.lock, self.db.engine.begin() as conn:
            rows = dict(conn.execute(select(db.meta.c.key, db.meta.c.value)).all())
            if "epoch" not in rows:
                rows["epoch"] = secrets.token_hex(4)
                conn.execute(insert(db.meta).values(key="epoch", value=rows["epoch"]))
            for k, v in (("horizon", "0"), ("clock_offset", "0"),
                         ("time_scale", repr(self.settings.time_scale))):
                if k not in rows:
                    rows[k] = v
                    conn.execute(insert(db.meta).values(key=k, value=v))
            if float(rows["time_scale"]) != self.settings.time_scale:
                self._rescale(conn)
                self._set_meta(conn, "time_scale", repr(self.settings.time_scale))
        self.cursors = Cursors(rows["epoch"])
        self.horizon = int(rows["horizon"])
        self.clock_offset = float(rows["clock_offset"])

    def _rescale(self, conn) -> None:
        """Restarted with another ``--time-scale``: re-time every pending step."""
        d = db.declarations
        rows = conn.execute(select(d.c.id, d.c.accepted_at, d.c.schedule, d.c.step).where(
            d.c.next_due_at.is_not(None))).all()
        params = []
        for r in rows:
            steps = json.loads(r.schedule)
            if r.step < len(steps):
                params.append((r.accepted_at + steps[r.step][0] / self.settings.time_scale, r.id))
        if params:
            conn.exec_driver_sql("UPDATE declarations SET next_due_at = ? WHERE id = ?", params)

    def _set_meta(self, conn, key: str, value: str) -> None:
        conn.execute(update(db.meta).where(db.meta.c.key == key).values(value=value))

    # -- code tables --------------------------------------------------------------
    def _load_codebook(self) -> CodeBook:
        """One CodeBook per process: built-ins overridden by the latest published versions."""
        overrides = {}
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(db.code_versions).order_by(db.code_versions.c.id)).all()
        for r in rows:
            overrides[r.table_name] = (r.version, r.sha256, r.content)
        return CodeBook(overrides=overrides)

    def _warm_rules(self) -> None:
        try:
            validate_raw({}, RuleContext(codes=self.codes, credit_grade="B"))
        except Exception:  # noqa: BLE001 - a broken rule module must not stop the server
            log.exception("warming the rulebook failed")

    def code_tables(self) -> list[dict]:
        out = []
        for name in TABLES:
            try:
                t = self.codes.table(name)
            except (KeyError, FileNotFoundError):
                continue
            out.append({"table": name, "version": t.version, "sha256": t.sha256})
        return out

    def code_table(self, name: str, version: str | None) -> dict:
        if name not in TABLES:
            raise ApiError(404, "unknown_table", f"no code table named {name!r}")
        t = self.codes.table(name)
        if version is None or version == t.version:
            content = self._current_csv(name)
            return {"table": name, "version": t.version, "sha256": t.sha256, "content": content}
        with self.db.engine.connect() as conn:
            row = conn.execute(select(db.code_versions).where(
                db.code_versions.c.table_name == name,
                db.code_versions.c.version == version)).first()
        if row is not None:
            return {"table": name, "version": row.version, "sha256": row.sha256,
                    "content": row.content}
        meta = self.codes._manifest.get(name)
        if meta and meta["version"] == version:
            return {"table": name, "version": version, "sha256": meta["sha256"],
                    "content": self.codes.builtin_csv(name)}
        raise ApiError(404, "unknown_version", f"table {name} has no version {version!r}")

    def _current_csv(self, name: str) -> str:
        ov = self.codes._overrides.get(name)
        if ov is not None:
            return ov[2]
        return self.codes.builtin_csv(name)

    # -- sessions -----------------------------------------------------------------
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
            row = conn.execute(select(db.enterprises).where(
                db.enterprises.c.id == tok.enterprise_id)).first()
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
            row = conn.execute(select(db.enterprises).where(
                db.enterprises.c.id == tok.enterprise_id)).first()
            visible = {row.id}
            if row.role == "broker":
                visible.update(c.id for c in self._clients(conn, row.id))
        return Principal(row.id, row.username, row.role, row.uscc, row.credit_grade,
                         device_id, frozenset(visible))

    def enterprise(self, p: Principal) -> dict:
        with self.db.engine.connect() as conn:
            row = conn.execute(select(db.enterprises).where(db.enterprises.c.id == p.id)).first()
            return self._enterprise_dict(conn, row)

    # -- number leases ------------------------------------------------------------
    @staticmethod
    def _year2(year: Any) -> str:
        if isinstance(year, bool):
            raise ApiError(400, "invalid_request", "year must be a year such as 2026 or \"26\"")
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
        d = {"lease_id": row.id, "bureau": row.bureau, "direction": row.direction,
             "year": row.year, "first": row.first, "last": row.last,
             "first_inspection_no": f"{row.bureau}{row.type_digit}{row.year}{row.first:06d}",
             "last_inspection_no": f"{row.bureau}{row.type_digit}{row.year}{row.last:06d}",
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
        prefix = f"{lease.bureau}{lease.type_digit}{lease.year}"
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
            prefix = f"{row.bureau}{row.type_digit}{row.year}"
            serials: set[int] = set()
            for u in used:
                s = None
                if isinstance(u, int) and not isinstance(u, bool):
                    s = u
                elif isinstance(u, str) and _DIGITS15.match(u) and u.startswith(prefix):
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

    # -- attachments ----------------------------------------------------------------
    def _att_path(self, sha: str) -> Path:
        return self.settings.attachments_dir / sha[:2] / sha

    def has_attachment(self, sha: str) -> int | None:
        path = self._att_path(sha)
        return path.stat().st_size if path.is_file() else None

    def put_attachment(self, sha: str, data: bytes) -> tuple[bool, int]:
        sha = sha.lower()
        if not _SHA256.match(sha):
            raise ApiError(400, "invalid_request", "the path must be a lowercase hex sha256")
        if len(data) > self.settings.max_attachment:
            raise ApiError(413, "attachment_too_large",
                           f"attachment larger than {self.settings.max_attachment} bytes")
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha:
            raise ApiError(400, "hash_mismatch",
                           f"body sha256 is {actual}, not the {sha} named in the path",
                           details={"actual": actual})
        path = self._att_path(sha)
        if path.is_file():
            return False, len(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True, len(data)

    def attachment_bytes(self, sha: str) -> bytes | None:
        path = self._att_path(sha.lower()) if _SHA256.match(sha.lower()) else None
        return path.read_bytes() if path is not None and path.is_file() else None

    # -- the life cycle ---------------------------------------------------------------
    def _max_seq(self, conn) -> int:
        return conn.execute(select(func.max(db.changes.c.seq))).scalar() or 0

    def advance(self, conn=None, only: list[str] | None = None, limit: int | None = None) -> int:
        """Apply every schedule step that is due; returns how many status changes it emitted.

        ``only`` limits it to those declaration ids (a batch brings just the declarations
        it amends or withdraws up to date; feeds bring everything). ``limit`` caps how many
        declarations one call advances (the background advancer works in small bites).
        """
        if conn is None:
            with self.lock, self.db.engine.begin() as c:
                return self.advance(c, only, limit)
        now = self.now()
        d = db.declarations
        q = (select(d.c.id, d.c.inspection_no, d.c.enterprise_id, d.c.version,
                    d.c.accepted_at, d.c.schedule, d.c.step)
             .where(d.c.next_due_at.is_not(None), d.c.next_due_at <= now))
        if only is not None:
            if not only:
                return 0
            rows = []
            for i in range(0, len(only), 500):
                rows.extend(conn.execute(q.where(d.c.id.in_(only[i:i + 500]))).all())
        elif limit is not None:
            rows = conn.execute(q.order_by(d.c.next_due_at).limit(limit)).all()
        else:
            rows = conn.execute(q).all()
        if not rows:
            return 0
        scale = self.settings.time_scale
        events = []   # (at, order, step, row, step spec)
        updates: dict[str, list] = {}
        for order, r in enumerate(rows):
            steps = json.loads(r.schedule)
            step = r.step
            while step < len(steps):
                at = r.accepted_at + steps[step][0] / scale
                if at > now:
                    break
                events.append((at, order, step, r, steps[step]))
                step += 1
            nxt = (r.accepted_at + steps[step][0] / scale) if step < len(steps) else None
            # step, next_due_at, status, status_at, note, reasons, updated_seq, id
            updates[r.id] = [step, nxt, None, None, None, None, None, r.id]
        events.sort(key=lambda e: (e[0], e[1], e[2]))
        seq = self._max_seq(conn)
        change_rows = []
        dumps = json.dumps
        for at, _order, _step, r, (_off, status, note, reasons) in events:
            seq += 1
            body = {"kind": "status", "seq": seq, "declaration_id": r.id,
                    "inspection_no": r.inspection_no, "status": status, "at": iso(at),
                    "note": note, "version": r.version}
            if reasons:
                body["reasons"] = reasons
            change_rows.append((seq, r.enterprise_id, "status", r.id,
                                dumps(body, ensure_ascii=False)))
            u = updates[r.id]
            u[2:7] = [status, at, note, dumps(reasons, ensure_ascii=False) if reasons else None,
                      seq]
        if change_rows:
            conn.exec_driver_sql(
                "INSERT INTO changes (seq, enterprise_id, kind, declaration_id, body) "
                "VALUES (?, ?, ?, ?, ?)", change_rows)
        params = [tuple(u) for u in updates.values() if u[2] is not None]
        if params:
            conn.exec_driver_sql(
                "UPDATE declarations SET step = ?, next_due_at = ?, status = ?, status_at = ?, "
                "note = ?, reasons = ?, updated_seq = ? WHERE id = ?", params)
        return len(change_rows)

    def has_due(self) -> bool:
        d = db.declarations
        with self.db.engine.connect() as conn:
            return conn.execute(select(d.c.id).where(
                d.c.next_due_at.is_not(None), d.c.next_due_at <= self.now()).limit(1)
            ).first() is not None

    def start_advancer(self, interval: float = 0.1, chunk: int = 1000) -> None:
        """A daemon thread applying due steps in the background, ``chunk`` at a time, so
        that the status changes are ready before the feed is read (feeds still catch up
        lazily, so the result does not depend on this thread)."""
        if getattr(self, "_advancer", None) is not None:
            return
        self._stop = threading.Event()

        def loop() -> None:
            while not self._stop.wait(interval):
                try:
                    while not self._stop.is_set() and self.has_due():
                        if self.advance(limit=chunk) == 0:
                            break
                except Exception:  # noqa: BLE001 - keep serving; the feeds catch up anyway
                    log.exception("background life-cycle advance failed")
        self._advancer = threading.Thread(target=loop, name="sandbox-advancer", daemon=True)
        self._advancer.start()

    def stop_advancer(self) -> None:
        t = getattr(self, "_advancer", None)
        if t is not None:
            self._stop.set()
            t.join(10)
            self._advancer = None

    # -- mutations ----------------------------------------------------------------------
    def apply_batch(self, p: Principal, body: Any) -> dict:
        if not isinstance(body, dict) or not isinstance(body.get("mutations"), list):
            raise ApiError(400, "invalid_request",
                           "body must be {device_id, mutations: [...]}")
        items = body["mutations"]
        if len(items) > self.settings.max_batch:
            raise ApiError(413, "batch_too_large",
                           f"{len(items)} mutations; at most {self.settings.max_batch} per batch")
        for i, m in enumerate(items):
            if not isinstance(m, dict) or not isinstance(m.get("mutation_id"), str) or \
                    not _MUTATION_ID.match(m["mutation_id"]):
                raise ApiError(400, "invalid_request",
                               f"mutations[{i}].mutation_id missing or malformed "
                               "(1-64 characters of [0-9A-Za-z_-])", details={"index": i})
        device_id = body.get("device_id") if isinstance(body.get("device_id"), str) \
            else p.device_id
        touched = list({m.get("declaration_id") for m in items
                        if m.get("kind") in ("amend", "withdraw")
                        and isinstance(m.get("declaration_id"), str)})
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn, touched)
            out = _Batch(self, conn, p, device_id).run(items)
        if log.isEnabledFor(logging.INFO):
            counts: dict[str, int] = {}
            for r in out["results"]:
                counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
            log.info("batch from %s (device %s): %d mutations: %s", p.username, device_id,
                     len(items), ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
        return out

    # -- feeds --------------------------------------------------------------------------
    def changes(self, p: Principal, since: str | None, limit: int) -> dict:
        after = self.cursors.parse(since)
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            head = self._max_seq(conn)
            if after < self.horizon or after > head:
                raise ApiError(410, "cursor_expired",
                               "this cursor is too old (the change history before it was "
                               "compacted) or unknown; take a full snapshot "
                               "(GET /v1/declarations, /v1/enterprise, /v1/codes) and continue "
                               "from the snapshot's cursor",
                               details={"horizon": self.cursors.make(self.horizon)})
            c = db.changes
            vis = sorted(p.visible)
            rows = conn.execute(select(c.c.seq, c.c.body).where(
                c.c.seq > after, or_(c.c.enterprise_id.in_(vis), c.c.enterprise_id.is_(None)))
                .order_by(c.c.seq).limit(limit + 1)).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        # the cursor after the last change returned; with nothing more, the head itself
        last = rows[-1].seq if has_more else head
        return {"changes_json": [r.body for r in rows], "next_cursor": self.cursors.make(last),
                "has_more": has_more}

    def declarations(self, p: Principal, since: str | None, limit: int, with_payload: bool
                     ) -> dict:
        after = self.cursors.parse(since)
        d = db.declarations
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            head = self._max_seq(conn)
            if after > head:
                raise ApiError(410, "cursor_expired", "unknown cursor; start again without since")
            cols = [d.c.id, d.c.inspection_no, d.c.enterprise_id, d.c.status, d.c.status_at,
                    d.c.note, d.c.reasons, d.c.version, d.c.updated_seq, d.c.created_at]
            if with_payload:
                cols.append(d.c.payload)
            rows = conn.execute(select(*cols).where(
                d.c.enterprise_id.in_(sorted(p.visible)), d.c.updated_seq > after)
                .order_by(d.c.updated_seq).limit(limit + 1)).all()
            usccs = dict(conn.execute(select(db.enterprises.c.id, db.enterprises.c.uscc)).all())
        has_more = len(rows) > limit
        rows = rows[:limit]
        out = []
        for r in rows:
            item = {"id": r.id, "inspection_no": r.inspection_no,
                    "declarant_uscc": usccs.get(r.enterprise_id), "status": r.status,
                    "status_at": iso(r.status_at), "note": r.note,
                    "reasons": json.loads(r.reasons) if r.reasons else [],
                    "version": r.version, "submitted_at": iso(r.created_at)}
            if with_payload:
                item["payload_json"] = r.payload
            out.append(item)
        last = rows[-1].updated_seq if has_more else head
        return {"declarations": out, "next_cursor": self.cursors.make(last),
                "has_more": has_more}

    def declaration(self, p: Principal, key: str) -> dict:
        d = db.declarations
        with self.lock, self.db.engine.begin() as conn:
            self.advance(conn)
            r = conn.execute(select(d).where(or_(d.c.id == key, d.c.inspection_no == key))).first()
            if r is None or r.enterprise_id not in p.visible:
                raise ApiError(404, "unknown_declaration", f"no declaration {key!r}")
            hist = conn.execute(select(db.changes.c.body).where(
                db.changes.c.declaration_id == r.id).order_by(db.changes.c.seq)).scalars().all()
            uscc = conn.execute(select(db.enterprises.c.uscc).where(
                db.enterprises.c.id == r.enterprise_id)).scalar()
        return {"id": r.id, "inspection_no": r.inspection_no, "declarant_uscc": uscc,
                "status": r.status, "status_at": iso(r.status_at), "note": r.note,
                "reasons": json.loads(r.reasons) if r.reasons else [], "version": r.version,
                "submitted_at": iso(r.created_at), "payload": json.loads(r.payload),
                "history": [json.loads(h) for h in hist]}

    # -- admin ----------------------------------------------------------------------------
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
            r = conn.execute(select(d).where(or_(d.c.id == key, d.c.inspection_no == key))).first()
            if r is None:
                raise ApiError(404, "unknown_declaration", f"no declaration {key!r}")
            seq = self._max_seq(conn) + 1
            note = note if isinstance(note, str) else f"平台操作 / set by operator: {status}"
            body = {"kind": "status", "seq": seq, "declaration_id": r.id,
                    "inspection_no": r.inspection_no, "status": status, "at": iso(now),
                    "note": note, "version": r.version}
            if reasons:
                body["reasons"] = reasons
            conn.execute(insert(db.changes).values(
                seq=seq, enterprise_id=r.enterprise_id, kind="status", declaration_id=r.id,
                body=json.dumps(body, ensure_ascii=False)))
            conn.execute(update(d).where(d.c.id == r.id).values(
                status=status, status_at=now, note=note, updated_seq=seq, next_due_at=None,
                reasons=json.dumps(reasons, ensure_ascii=False) if reasons else None))
        return body

    def admin_publish_codes(self, table: str, version: Any, content: Any) -> dict:
        if table not in TABLES:
            raise ApiError(404, "unknown_table", f"no code table named {table!r}")
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

    # -- fault injection -------------------------------------------------------------------
    def add_fault(self, spec: dict) -> dict:
        status = spec.get("status", 503)
        count = spec.get("count", 1)
        when = spec.get("when", "before")
        if not isinstance(status, int) or not (400 <= status <= 599):
            raise ApiError(400, "invalid_request", "status must be an HTTP error status")
        if not isinstance(count, int) or count < 1:
            raise ApiError(400, "invalid_request", "count must be >= 1")
        if when not in ("before", "after"):
            raise ApiError(400, "invalid_request", "when must be before or after")
        fault = {"status": status, "count": count, "when": when,
                 "retry_after": spec.get("retry_after"), "path": spec.get("path") or "/v1/",
                 "method": (spec.get("method") or "").upper() or None,
                 "delay": float(spec.get("delay") or 0)}
        with self._faults_lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._faults_lock:
            self._faults.clear()

    def take_fault(self, method: str, path: str) -> dict | None:
        with self._faults_lock:
            for f in self._faults:
                if path.startswith(f["path"]) and (f["method"] is None or f["method"] == method):
                    f["count"] -= 1
                    if f["count"] <= 0:
                        self._faults.remove(f)
                    return dict(f)
        return None

    def close(self) -> None:
        self.stop_advancer()
        self.db.dispose()


def _ranges(values: Iterable[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for v in values:
        if out and out[-1][1] == v - 1:
            out[-1][1] = v
        else:
            out.append([v, v])
    return out


# ---------------------------------------------------------------------------- one batch

class _Batch:
    """One ``mutations:batch`` request, inside one transaction under the write lock."""

    def __init__(self, platform: Platform, conn, p: Principal, device_id: str):
        self.pf = platform
        self.conn = conn
        self.p = p
        self.device_id = device_id
        self.now = platform.now()
        self.today = platform.platform_today()
        self.seq = platform._max_seq(conn)
        self.new_mutations: list[dict] = []
        self.new_changes: list[dict] = []
        self.new_decls: dict[str, dict] = {}       # id -> row to insert
        self.changed_decls: dict[str, dict] = {}   # id -> full row (existing, modified)
        self.by_inspection_no: dict[str, str] = {}
        self.seen_mutations: dict[str, dict] = {}
        self._ent_cache: dict[str, Any] = {}
        self._lease_cache: dict[tuple, list] = {}
        self._existing_rows: dict[str, dict] = {}
        self._taken_nos: set[str] = set()
        self._prefetched_ids: set[str] = set()
        self._prefetched_nos: set[str] = set()
        self._att_sizes: dict[str, int | None] = {}

    # -- lookups ------------------------------------------------------------------
    def enterprise_by_uscc(self, uscc: str | None):
        if uscc not in self._ent_cache:
            self._ent_cache[uscc] = self.conn.execute(select(db.enterprises).where(
                db.enterprises.c.uscc == uscc)).first() if uscc else None
        return self._ent_cache[uscc]

    def prefetch(self, items: list[dict]) -> None:
        """Load, in a few IN queries, every declaration and number the batch names."""
        d = db.declarations
        ids = list({m.get("declaration_id") for m in items
                    if isinstance(m.get("declaration_id"), str)})
        nos = set()
        for m in items:
            no = m.get("inspection_no")
            if no is None and isinstance(m.get("payload"), dict):
                no = m["payload"].get("inspection_no")
            if isinstance(no, str):
                nos.add(no)
        nos_l = list(nos)
        for i in range(0, len(ids), 500):
            for r in self.conn.execute(select(d).where(d.c.id.in_(ids[i:i + 500]))):
                self._existing_rows[r.id] = dict(r._mapping)
        for i in range(0, len(nos_l), 500):
            for r in self.conn.execute(select(d.c.inspection_no).where(
                    d.c.inspection_no.in_(nos_l[i:i + 500]))):
                self._taken_nos.add(r.inspection_no)
        self._prefetched_ids = set(ids)
        self._prefetched_nos = nos

    def decl(self, decl_id: str) -> dict | None:
        if decl_id in self.new_decls:
            return self.new_decls[decl_id]
        if decl_id in self.changed_decls:
            return self.changed_decls[decl_id]
        if decl_id in self._prefetched_ids:
            return self._existing_rows.get(decl_id)
        r = self.conn.execute(select(db.declarations).where(
            db.declarations.c.id == decl_id)).first()
        return dict(r._mapping) if r is not None else None

    def inspection_no_taken(self, no: str) -> bool:
        if no in self.by_inspection_no:
            return True
        if no in self._prefetched_nos:
            return no in self._taken_nos
        return self.conn.execute(select(db.declarations.c.id).where(
            db.declarations.c.inspection_no == no)).first() is not None

    def attachment_size(self, sha: str) -> int | None:
        if sha not in self._att_sizes:
            self._att_sizes[sha] = self.pf.has_attachment(sha)
        return self._att_sizes[sha]

    def leases_for(self, bureau: str, digit: str, year: str) -> list:
        key = (bureau, digit, year)
        if key not in self._lease_cache:
            L = db.leases
            self._lease_cache[key] = self.conn.execute(select(L).where(
                L.c.enterprise_id == self.p.id, L.c.bureau == bureau, L.c.type_digit == digit,
                L.c.year == year)).all()
        return self._lease_cache[key]

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    # -- the batch ----------------------------------------------------------------
    def run(self, items: list[dict]) -> dict:
        ids = [m["mutation_id"] for m in items]
        stored = {}
        for i in range(0, len(ids), 500):
            for r in self.conn.execute(select(db.mutations).where(
                    db.mutations.c.mutation_id.in_(ids[i:i + 500]))):
                stored[r.mutation_id] = r
        self.prefetch(items)
        results = []
        for m in items:
            mid = m["mutation_id"]
            h = canonical_hash({k: m.get(k) for k in ("kind", "declaration_id", "inspection_no",
                                                        "base_version", "payload")})
            first = stored.get(mid)
            if first is not None:
                results.append(self._replay(mid, h, first.enterprise_id, first.payload_hash,
                                            first.outcome, first.version,
                                            json.loads(first.reasons)))
                continue
            if mid in self.seen_mutations:
                s = self.seen_mutations[mid]
                results.append(self._replay(mid, h, self.p.id, s["payload_hash"], s["outcome"],
                                            s["version"], json.loads(s["reasons"])))
                continue
            outcome, version, reasons, record = self._apply(m)
            res = {"mutation_id": mid, "outcome": outcome, "version": version,
                   "reasons": reasons}
            if record:
                row = {"mutation_id": mid, "enterprise_id": self.p.id,
                       "device_id": self.device_id, "kind": m.get("kind"),
                       "declaration_id": m.get("declaration_id")
                       if isinstance(m.get("declaration_id"), str) else None,
                       "payload_hash": h, "outcome": outcome, "version": version,
                       "reasons": json.dumps(reasons, ensure_ascii=False),
                       "created_at": self.now}
                self.new_mutations.append(row)
                self.seen_mutations[mid] = row
            else:
                res["retryable"] = True
            results.append(res)
        self._flush()
        return {"results": results}

    def _replay(self, mid, h, ent_id, first_hash, outcome, version, reasons) -> dict:
        if ent_id != self.p.id or first_hash != h:
            return {"mutation_id": mid, "outcome": "rejected", "version": None,
                    "http_status": 422,
                    "reasons": [reason(
                        "mutation_payload_mismatch", "",
                        "同一 mutation_id 已用于内容不同的请求；请勿以相同编号发送不同内容",
                        "this mutation_id was already used with a different payload; a "
                        "mutation_id names one change forever")]}
        return {"mutation_id": mid, "outcome": "duplicate" if outcome == "applied" else outcome,
                "version": version, "reasons": reasons, "replayed": True,
                "first_outcome": outcome}

    def _flush(self) -> None:
        if self.new_decls:
            self.conn.execute(insert(db.declarations), list(self.new_decls.values()))
        if self.changed_decls:
            d = db.declarations
            cols = ("status", "status_at", "note", "reasons", "version", "payload",
                    "accepted_at", "schedule", "step", "next_due_at", "updated_seq")
            self.conn.execute(update(d).where(d.c.id == bindparam("b_id")).values(
                **{c: bindparam(c) for c in cols}),
                [{"b_id": k, **{c: v[c] for c in cols}} for k, v in self.changed_decls.items()])
        if self.new_changes:
            self.conn.execute(insert(db.changes), self.new_changes)
        if self.new_mutations:
            self.conn.execute(insert(db.mutations), self.new_mutations)

    def _status_change(self, row: dict, status: str, note: str) -> None:
        seq = self.next_seq()
        body = {"kind": "status", "seq": seq, "declaration_id": row["id"],
                "inspection_no": row["inspection_no"], "status": status, "at": iso(self.now),
                "note": note, "version": row["version"]}
        self.new_changes.append({"seq": seq, "enterprise_id": row["enterprise_id"],
                                 "kind": "status", "declaration_id": row["id"],
                                 "body": json.dumps(body, ensure_ascii=False)})
        row.update(status=status, status_at=self.now, note=note, reasons=None, updated_seq=seq)

    # -- one mutation -> (outcome, version, reasons, record?) -----------------------------
    def _apply(self, m: dict):
        kind = m.get("kind")
        decl_id = m.get("declaration_id")
        if kind not in KINDS:
            return "rejected", None, [reason("invalid_mutation", "kind",
                                             "未知的操作类型", "kind must be submit, amend or withdraw")], True
        if not isinstance(decl_id, str) or not decl_id:
            return "rejected", None, [reason("invalid_mutation", "declaration_id",
                                             "缺少报检单编号", "declaration_id is required")], True
        if kind == "submit":
            return self._submit(m, decl_id)
        if kind == "amend":
            return self._amend(m, decl_id)
        return self._withdraw(m, decl_id)

    @staticmethod
    def _check_identity(payload: Any, decl_id: str, inspection_no: Any) -> list[dict]:
        if not isinstance(payload, dict):
            return [reason("invalid_mutation", "payload", "缺少报检单内容",
                           "payload must be the declaration JSON object")]
        if payload.get("id") != decl_id:
            return [reason("id_mismatch", "id", "报检单内容中的 id 与 declaration_id 不一致",
                           "payload.id differs from declaration_id")]
        if payload.get("inspection_no") != inspection_no:
            return [reason("inspection_no_mismatch", "inspection_no",
                           "报检单内容中的报检号与请求中的 inspection_no 不一致",
                           "payload.inspection_no differs from the mutation's inspection_no")]
        return []

    def _check_payload(self, payload: Any, decl_id: str, inspection_no: Any):
        """Shared submit/amend checks; returns (reasons, declarant_row, retryable)."""
        r = self._check_identity(payload, decl_id, inspection_no)
        if r:
            return r, None, False
        declarant = payload.get("declarant") if isinstance(payload.get("declarant"), dict) else {}
        uscc = declarant.get("uscc")
        ent = self.enterprise_by_uscc(uscc if isinstance(uscc, str) else None)
        if ent is None or ent.id not in self.p.visible:
            return [reason("declarant_not_permitted", "declarant.uscc",
                           "报检单位不是当前登录企业，也不是其可代理的企业",
                           "the declarant is neither the logged-in enterprise nor one it may "
                           "file for")], None, False
        if ent.id != self.p.id:
            agent = payload.get("agent") if isinstance(payload.get("agent"), dict) else {}
            if agent.get("uscc") != self.p.uscc:
                return [reason("agent_mismatch", "agent.uscc",
                               "代理报检时，代理报检单位须为当前登录的代理企业",
                               "when filing for a client, agent.uscc must be the logged-in "
                               "broker's USCC")], None, False
        sizes: dict[str, int] = {}
        missing = []
        atts = payload.get("attachments") if isinstance(payload.get("attachments"), list) else []
        for i, a in enumerate(atts):
            sha = a.get("sha256") if isinstance(a, dict) else None
            if isinstance(sha, str) and _SHA256.match(sha):
                size = self.attachment_size(sha)
                if size is None:
                    missing.append(reason("attachment_missing", f"attachments[{i}].sha256",
                                          "随附单据尚未上传，请先上传 (PUT /v1/attachments/{sha256})",
                                          "attachment not uploaded yet; PUT "
                                          "/v1/attachments/{sha256} first, then resend"))
                else:
                    sizes[sha] = size
        if missing and self.pf.settings.require_attachments:
            return missing, None, True
        ctx = RuleContext(codes=self.pf.codes, credit_grade=ent.credit_grade,
                          grade_synced_at=datetime.now(timezone.utc), today=self.today,
                          attachment_sizes=sizes)
        _decl, issues = validate_raw(payload, ctx)
        errors = [reason(i.code, i.field, i.message_zh, i.message_en)
                  for i in issues if i.severity == "error"]
        return errors, ent, False

    def _submit(self, m: dict, decl_id: str):
        payload = m.get("payload")
        no = m.get("inspection_no")
        if no is None and isinstance(payload, dict):
            no = payload.get("inspection_no")
        if self.decl(decl_id) is not None:
            return "rejected", None, [reason("already_submitted", "id",
                                             "该报检单已提交过（另一 mutation_id）",
                                             "this declaration was already submitted under "
                                             "another mutation_id")], True
        r = self._check_identity(payload, decl_id, no)
        if r:
            return "rejected", None, r, True
        if not isinstance(no, str) or not _DIGITS15.match(no):
            return "rejected", None, [reason("number_invalid", "inspection_no",
                                             "报检号应为15位数字", "inspection_no must be 15 digits")], True
        if self.inspection_no_taken(no):
            return "rejected", None, [reason("already_submitted", "inspection_no",
                                             "该报检号已被另一份报检单使用",
                                             "this inspection_no was already submitted")], True
        r = self._check_number(no, payload)
        if r:
            return "rejected", None, r, True
        reasons, ent, retryable = self._check_payload(payload, decl_id, no)
        if reasons:
            return "rejected", None, reasons, not retryable
        row = {"id": decl_id, "inspection_no": no, "enterprise_id": ent.id,
               "filer_id": self.p.id, "lease_id": self._lease_id, "direction":
               payload.get("direction"), "status": "accepted", "status_at": self.now,
               "note": lifecycle.NOTES["accepted"], "reasons": None, "version": 1,
               "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
               "created_at": self.now}
        self._schedule(row, ent.credit_grade, payload)
        self._status_change(row, "accepted", lifecycle.NOTES["accepted"])
        self.new_decls[decl_id] = row
        self.by_inspection_no[no] = decl_id
        return "applied", 1, [], True

    def _schedule(self, row: dict, grade: str, payload: dict) -> None:
        certs = payload.get("certificates")
        steps = lifecycle.plan(row["id"], row["version"], grade,
                               bool(certs) and isinstance(certs, list))
        row["schedule"] = json.dumps(steps, ensure_ascii=False)
        row["step"] = 0
        row["accepted_at"] = self.now
        row["next_due_at"] = self.now + steps[0][0] / self.pf.settings.time_scale

    def _check_number(self, no: str, payload: dict) -> list[dict]:
        self._lease_id = None
        bureau, digit, year, serial = no[:6], no[6], no[7:9], int(no[9:])
        if payload.get("declare_bureau") != bureau:
            return [reason("number_bureau_mismatch", "inspection_no",
                           "报检号前6位须为受理机构代码 (declare_bureau)",
                           "the first 6 digits of inspection_no must be declare_bureau")]
        want = DIRECTION_DIGIT.get(payload.get("direction"))
        if want is not None and want != digit:
            return [reason("number_direction_mismatch", "inspection_no",
                           "报检号第7位须与出入境方向一致（1 入境，2 出境）",
                           "digit 7 of inspection_no must match the direction (1 in, 2 out)")]
        for lease in self.leases_for(bureau, digit, year):
            if lease.first <= serial <= lease.last:
                void = False
                if lease.closed_at is not None:
                    used = set(json.loads(lease.reported_used or "[]"))
                    void = serial not in used
                elif self.now > lease.expires_at + self.pf.settings.lease_grace:
                    void = True
                if void:
                    return [reason("number_void", "inspection_no",
                                   "该报检号所在号段已关闭或过期，此号已作废",
                                   "this serial was voided (its lease was closed without "
                                   "reporting it as used, or expired)")]
                self._lease_id = lease.id
                return []
        return [reason("number_not_leased", "inspection_no",
                       "报检号不在本企业领用的号段内",
                       "inspection_no is not from a number lease of this enterprise")]

    _lease_id: str | None = None

    def _existing(self, decl_id: str, m: dict):
        row = self.decl(decl_id)
        if row is None or row["enterprise_id"] not in self.p.visible:
            return None, [reason("unknown_declaration", "declaration_id",
                                 "平台上没有这份报检单", "no such declaration on the platform")]
        no = m.get("inspection_no")
        if no is not None and no != row["inspection_no"]:
            return None, [reason("inspection_no_mismatch", "inspection_no",
                                 "报检号与平台记录不一致",
                                 "inspection_no differs from the platform's record")]
        return row, []

    def _conflict(self, row: dict):
        return "conflict", row["version"], [reason(
            "stale_version", "base_version",
            f"报检单已更新到版本 {row['version']}，请基于最新版本重新修改",
            f"the declaration is at version {row['version']}; re-base the change on it",
            current_version=row["version"], status=row["status"])], True

    def _amend(self, m: dict, decl_id: str):
        row, r = self._existing(decl_id, m)
        if row is None:
            return "rejected", None, r, True
        if row["status"] not in lifecycle.AMENDABLE:
            return "rejected", row["version"], [reason(
                "not_amendable", "status", f"当前状态（{row['status']}）不能修改",
                f"a declaration in status {row['status']} cannot be amended",
                status=row["status"])], True
        base = m.get("base_version")
        if not isinstance(base, int) or isinstance(base, bool):
            return "rejected", None, [reason("base_version_required", "base_version",
                                             "修改申请须带 base_version",
                                             "an amendment needs base_version")], True
        if base != row["version"]:
            return self._conflict(row)
        payload = m.get("payload")
        reasons, ent, retryable = self._check_payload(payload, decl_id, row["inspection_no"])
        if reasons:
            return "rejected", row["version"], reasons, not retryable
        if ent.id != row["enterprise_id"]:
            return "rejected", row["version"], [reason(
                "declarant_changed", "declarant.uscc", "修改申请不能更换报检单位",
                "an amendment cannot change the declarant")], True
        row = dict(row)
        row["version"] += 1
        row["payload"] = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        self._schedule(row, ent.credit_grade, payload)
        self._status_change(row, "accepted", lifecycle.NOTES["amended"])
        self._store(row)
        return "applied", row["version"], [], True

    def _withdraw(self, m: dict, decl_id: str):
        row, r = self._existing(decl_id, m)
        if row is None:
            return "rejected", None, r, True
        if row["status"] not in lifecycle.WITHDRAWABLE:
            return "rejected", row["version"], [reason(
                "not_withdrawable", "status", f"当前状态（{row['status']}）不能撤销",
                f"a declaration in status {row['status']} cannot be withdrawn",
                status=row["status"])], True
        base = m.get("base_version")
        if base is not None and base != row["version"]:
            return self._conflict(row)
        row = dict(row)
        row["version"] += 1
        row["next_due_at"] = None
        payload = m.get("payload") if isinstance(m.get("payload"), dict) else {}
        note = lifecycle.NOTES["withdrawn"]
        if isinstance(payload.get("reason"), str) and payload["reason"].strip():
            note += f": {payload['reason'].strip()[:200]}"
        self._status_change(row, "withdrawn", note)
        self._store(row)
        return "applied", row["version"], [], True

    def _store(self, row: dict) -> None:
        if row["id"] in self.new_decls:
            self.new_decls[row["id"]] = row
        else:
            self.changed_decls[row["id"]] = row
