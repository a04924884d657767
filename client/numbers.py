"""Inspection numbers (报检号) from number leases: assign offline, top up online, close.

``inspection_no`` = bureau (6) + type digit (``1`` inbound, ``2`` outbound) + year (2) +
serial (6). The platform leases this device blocks of serials per (bureau, direction,
year) (``POST /v1/number-leases``); they are kept in ``number_leases``.

* :func:`assign_number` runs *inside* the finalise transaction: it advances the lease's
  ``next_serial`` in that same transaction, so a number is handed out once, across crashes
  and restarts, and a rolled-back finalise gives its number back.
* :func:`top_up` (online) takes new leases where fewer than the low-water mark remain.
* :func:`close_leases` reports a lease's used serials to the platform; the rest become
  void there, so every serial is accounted for. Expired leases and last year's are closed
  on the next sync; a lease is never assigned from after it expired.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable, Protocol, Sequence, TypeVar

from sqlalchemy import Connection, and_, func, insert, select, update

from .errors import DeskError
from .model import Declaration
from .store import schema as s
from .store.db import utcnow
from .timeutil import store_time

log = logging.getLogger(__name__)


class Numberable(Protocol):
    """What numbering reads and writes of a declaration (a :class:`Declaration`, or the
    few columns finalise reads of a draft it does not parse)."""

    declare_bureau: str | None
    direction: str | None
    inspection_no: str | None


N = TypeVar("N", bound=Numberable)

DIGIT = {"inbound": "1", "outbound": "2"}
CN_TZ = timezone(timedelta(hours=8))
#: keep at least this many numbers per (bureau, direction, year) while online
LOW_WATER = 200
#: how many serials one lease asks for (the platform allows up to 10,000)
LEASE_SIZE = 1000
MAX_LEASE = 10000


class NoNumberLeft(DeskError):
    """No open lease has a serial left for this declaration's bureau/direction/year."""

    def __init__(self, bureau: str | None, direction: str | None, year: int):
        super().__init__(
            f"没有可用的报检号，请联网同步以获取号段（受理机构 {bureau or '-'}，"
            f"{'入境' if direction == 'inbound' else '出境'}，{year} 年）。报检单仍为草稿。",
            f"no inspection number left for bureau {bureau}, {direction}, {year}: go online "
            f"and sync to get a number lease; the declaration stays a draft",
            field="inspection_no")
        self.key = (bureau, direction, year)


@dataclass(frozen=True, slots=True)
class Lease:
    """One lease as stored: serials ``first..last``, next to hand out ``next_serial``."""

    lease_id: str
    bureau: str
    direction: str
    year: int
    first: int
    last: int
    next_serial: int
    expires_at: str | None
    state: str
    created_at: str

    @property
    def remaining(self) -> int:
        return max(0, self.last - self.next_serial + 1)

    @property
    def used(self) -> int:
        return self.next_serial - self.first

    def number(self, serial: int) -> str:
        return make_number(self.bureau, self.direction, self.year, serial)


def make_number(bureau: str, direction: str, year: int, serial: int) -> str:
    return f"{bureau}{DIGIT[direction]}{year % 100:02d}{serial:06d}"


def current_year(now: datetime | None = None) -> int:
    """The year numbers are taken for: the platform's (China Standard Time) calendar year."""
    return (now or datetime.now(timezone.utc)).astimezone(CN_TZ).year


def _rows(conn: Connection, *conds, lock: bool = False) -> list[Lease]:
    t = s.number_leases
    q = select(t.c.lease_id, t.c.bureau, t.c.direction, t.c.year, t.c.first, t.c.last,
               t.c.next_serial, t.c.expires_at, t.c.state, t.c.created_at)
    if conds:
        q = q.where(and_(*conds))
    q = q.order_by(t.c.expires_at, t.c.created_at, t.c.lease_id)
    if lock:  # the office store: other desks wait for this transaction (SQLite: no-op,
        q = q.with_for_update()  # its one writer already holds the database)
    return [Lease(*r) for r in conn.execute(q)]


def leases(conn: Connection, *, state: str | None = None) -> list[Lease]:
    t = s.number_leases
    return _rows(conn, t.c.state == state) if state else _rows(conn)


def usable(conn: Connection, bureau: str, direction: str, year: int,
           now: str | None = None, *, lock: bool = False) -> list[Lease]:
    """Open, unexpired leases of a key with serials left, the soonest to expire first.

    ``lock``: the rows are locked until the caller's transaction ends (``FOR UPDATE`` on
    PostgreSQL), so a finalise on another desk waits and then reads the advanced serial:
    no number twice, none skipped."""
    t = s.number_leases
    now = now or utcnow()
    return [le for le in _rows(conn, t.c.bureau == bureau, t.c.direction == direction,
                               t.c.year == year % 100, t.c.state == "open",
                               t.c.next_serial <= t.c.last, lock=lock)
            if le.expires_at is None or le.expires_at > now]


def usable_all(conn: Connection, now: str | None = None) -> list[Lease]:
    """Every open, unexpired lease with serials left."""
    t = s.number_leases
    now = now or utcnow()
    return [le for le in _rows(conn, t.c.state == "open", t.c.next_serial <= t.c.last)
            if le.expires_at is None or le.expires_at > now]


def available(conn: Connection, bureau: str, direction: str, year: int) -> int:
    return sum(le.remaining for le in usable(conn, bureau, direction, year))


def assign_number(conn: Connection, decl: Declaration, *, year: int | None = None) -> str:
    """Take the next serial for ``decl`` inside the caller's (finalise) transaction.

    Sets and returns ``decl.inspection_no``. Raises :class:`NoNumberLeft` when no lease
    has a number; the caller's transaction then rolls back and the draft stays a draft.
    A declaration that already has a number keeps it (一号到底).
    """
    if decl.inspection_no:
        return decl.inspection_no
    year = year or current_year()
    bureau, direction = decl.declare_bureau, decl.direction
    if not bureau or direction not in DIGIT:
        raise NoNumberLeft(bureau, direction, year)
    t = s.number_leases
    for lease in usable(conn, bureau, direction, year, lock=True):
        serial = lease.next_serial
        # compare-and-set: never hand out a serial twice, even if two writers raced
        res = conn.execute(update(t).where(and_(t.c.lease_id == lease.lease_id,
                                                t.c.next_serial == serial,
                                                t.c.next_serial <= t.c.last))
                           .values(next_serial=serial + 1))
        if res.rowcount == 1:
            decl.inspection_no = lease.number(serial)
            return decl.inspection_no
    raise NoNumberLeft(bureau, direction, year)


def assign_numbers(conn: Connection, decls: Sequence[N], *, year: int | None = None
                   ) -> tuple[list[N], list[N]]:
    """:func:`assign_number` for many declarations at once: ``(numbered, without_number)``.

    Serials are taken in memory from the usable leases, then each lease's ``next_serial``
    is advanced with one compare-and-set in the caller's (write) transaction.
    """
    year = year or current_year()
    t = s.number_leases
    pools: dict[tuple, list[list]] = {}
    taken: dict[str, tuple[int, int]] = {}  # lease_id -> (old next_serial, new next_serial)
    numbered: list[N] = []
    missing: list[N] = []
    for decl in decls:
        if decl.inspection_no:
            numbered.append(decl)
            continue
        key = (decl.declare_bureau, decl.direction)
        if not key[0] or key[1] not in DIGIT:
            missing.append(decl)
            continue
        if key not in pools:
            pools[key] = [[le, le.next_serial]
                          for le in usable(conn, key[0], key[1], year, lock=True)]
        pool = pools[key]
        while pool and pool[0][1] > pool[0][0].last:
            pool.pop(0)
        if not pool:
            missing.append(decl)
            continue
        le, serial = pool[0]
        pool[0][1] = serial + 1
        taken[le.lease_id] = (taken.get(le.lease_id, (le.next_serial, 0))[0], serial + 1)
        decl.inspection_no = le.number(serial)
        numbered.append(decl)
    for lease_id, (old, new) in taken.items():
        res = conn.execute(update(t).where(and_(t.c.lease_id == lease_id,
                                                t.c.next_serial == old))
                           .values(next_serial=new))
        if res.rowcount != 1:  # pragma: no cover - impossible under the write lock
            raise RuntimeError(f"lease {lease_id} changed while numbers were assigned")
    return numbered, missing


def store_lease(conn: Connection, body: dict) -> Lease:
    """Record a lease the platform granted (``body`` checked by ``shapes.check_lease``)."""
    year = int(str(body["year"])[-2:])
    row = {"lease_id": body["lease_id"], "bureau": body["bureau"],
           "direction": body["direction"], "year": year, "first": body["first"],
           "last": body["last"], "next_serial": body["first"],
           "expires_at": store_time(body.get("expires_at")), "state": "open",
           "created_at": utcnow()}
    conn.execute(insert(s.number_leases), [row])
    return Lease(**row)


def wanted_keys(conn: Connection, year: int | None = None,
                low_water: int = LOW_WATER) -> dict[tuple[str, str, int], int]:
    """``{(bureau, direction, year): numbers wanted}`` for the drafts and keys in use.

    A key is in use when a draft declares it or a lease for it was taken this year. The
    number wanted is the low-water mark or the number of drafts of that key, if larger.
    """
    year = (year or current_year()) % 100
    d = s.declarations
    out: dict[tuple[str, str, int], int] = {}
    rows = conn.execute(select(d.c.declare_bureau, d.c.direction, func.count())
                        .where(d.c.status == "draft", d.c.inspection_no.is_(None))
                        .group_by(d.c.declare_bureau, d.c.direction))
    for bureau, direction, n in rows:
        if bureau and len(bureau) == 6 and bureau.isdigit() and direction in DIGIT:
            out[(bureau, direction, year)] = max(low_water, n)
    t = s.number_leases
    for bureau, direction in conn.execute(select(t.c.bureau, t.c.direction)
                                          .where(t.c.year == year).distinct()):
        out.setdefault((bureau, direction, year), low_water)
    return out


def deficits(conn: Connection, year: int | None = None,
             low_water: int = LOW_WATER) -> dict[tuple[str, str, int], int]:
    """How many more numbers each key needs to reach what :func:`wanted_keys` asks."""
    out = {}
    for key, want in wanted_keys(conn, year, low_water).items():
        have = available(conn, *key)
        if have < want:
            out[key] = want - have
    return out


def used_numbers(conn: Connection, lease: Lease) -> list[str]:
    """The numbers of ``lease`` given to declarations (all serials below ``next_serial``)."""
    return [lease.number(n) for n in range(lease.first, lease.next_serial)]


def to_close(conn: Connection, now: str | None = None, year: int | None = None) -> list[Lease]:
    """Leases that must be closed: expired, of a past year, or being closed already."""
    now = now or utcnow()
    year = (year or current_year()) % 100
    return [le for le in _rows(conn, s.number_leases.c.state.in_(("open", "closing")))
            if le.state == "closing" or le.year != year
            or (le.expires_at is not None and le.expires_at <= now)]


def mark(conn: Connection, lease_ids: Iterable[str], state: str) -> None:
    t = s.number_leases
    ids = list(lease_ids)
    if ids:
        conn.execute(update(t).where(t.c.lease_id.in_(ids)).values(state=state))
