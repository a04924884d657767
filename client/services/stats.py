"""Figures for the dashboard and the sync indicator: plain SQL over the local store.

Qt-free and blocking (the UI runs these on its task runner). Every function takes an open
:class:`~client.services.desk.Desk` and returns plain values or frozen dataclasses.
Times in the store are ISO-8601 UTC text; days are counted in a time zone the caller names.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from statistics import median

from sqlalchemy import TIMESTAMP, String, and_, cast, func, literal_column, select

from ..store import schema as s
from ..timeutil import parse_time

log = logging.getLogger(__name__)

GRADES = ("AA", "A", "B", "C", "D")


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the dashboard charts, computed in one read transaction.

    ``releases_per_day`` is one ``(day, count)`` per day of the window, oldest first, days
    without a release included with 0. ``median_hours_by_grade`` maps a credit grade to
    ``(median hours from submission to release, number of releases measured)``, filed
    under the grade in force when each declaration was released (``status_history.
    credit_grade``);
    ``median_hours`` is the same over all declarations (``None`` when nothing was released).
    """

    counts: dict[str, int]
    releases_per_day: list[tuple[date, int]]
    median_hours: float | None
    released_measured: int
    median_hours_by_grade: dict[str, tuple[float, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Receipt:
    """A platform status receipt recorded locally (for release/rejection notifications)."""

    history_id: int
    declaration_id: str
    inspection_no: str | None
    status: str
    at: str
    note: str | None


def _parse(ts: str) -> datetime:
    dt = parse_time(ts)
    if dt is None:
        raise ValueError(f"unreadable time {ts!r}")
    return dt


def _grade_of_declarant(conn, self_ent: dict | None) -> dict[str, str]:
    grades = {r[0]: r[1] for r in conn.execute(
        select(s.enterprises.c.uscc, s.enterprises.c.credit_grade)) if r[1]}
    if self_ent and self_ent.get("uscc") and self_ent.get("credit_grade"):
        grades.setdefault(self_ent["uscc"], self_ent["credit_grade"])
    return grades


def dashboard(desk, *, days: int = 30, today: date | None = None,
              declarant: str | None = None, utc_offset_minutes: int = 0) -> Dashboard:
    """Counts by status, releases per day over ``days``, median submission→release time.

    Days are counted in the time zone ``utc_offset_minutes`` east of UTC (the UI passes
    the computer's offset, so "today" is the user's today).
    """
    from ..store import declarations as decl_q
    from ..store import kv

    shift = timedelta(minutes=utc_offset_minutes)
    today = today or (datetime.now(timezone.utc) + shift).date()
    start = today - timedelta(days=days - 1)
    since = (datetime.combine(start, datetime.min.time(), timezone.utc) - shift).strftime(
        "%Y-%m-%dT%H:%M:%S")
    d, h = s.declarations, s.status_history
    with desk.db.read() as conn:
        counts = decl_q.counts_by_status(conn, declarant)
        if desk.db.is_postgres:  # the office store: the timestamp text shifted by interval
            shifted = cast(h.c.at, TIMESTAMP) + literal_column(
                f"interval '{int(utc_offset_minutes)} minutes'")
            local_day = func.substr(cast(shifted, String), 1, 10)
        else:
            local_day = func.substr(func.datetime(h.c.at, f"{int(utc_offset_minutes):+d} minutes"),
                                    1, 10)
        q = (select(local_day, func.count(func.distinct(h.c.declaration_id)))
             .where(and_(h.c.status == "released", h.c.at >= since))
             .group_by(local_day))
        if declarant:
            q = q.join(d, d.c.id == h.c.declaration_id).where(d.c.declarant_uscc == declarant)
        per_day = {r[0]: r[1] for r in conn.execute(q)}
        # first submission and first release of each released declaration; submission is
        # the earlier of the local "sent" and the platform's "accepted" (a fast-lane
        # release can arrive before the push result writes "sent")
        sub = (select(h.c.declaration_id, func.min(h.c.at).label("at"))
               .where(h.c.status.in_(("sent", "accepted"))).group_by(h.c.declaration_id)
               .subquery())
        # the first release of each declaration and the grade recorded with it (migration
        # 0009): a window over the release rows, the same SQL on SQLite and PostgreSQL
        ranked = (select(h.c.declaration_id, h.c.at, h.c.credit_grade.label("grade"),
                         func.row_number().over(partition_by=h.c.declaration_id,
                                                order_by=(h.c.at, h.c.id)).label("rn"))
                  .where(h.c.status == "released").subquery())
        rel = (select(ranked.c.declaration_id, ranked.c.at, ranked.c.grade)
               .where(ranked.c.rn == 1).subquery())
        q2 = (select(d.c.declarant_uscc, sub.c.at, rel.c.at, rel.c.grade)
              .join(sub, sub.c.declaration_id == d.c.id)
              .join(rel, rel.c.declaration_id == d.c.id))
        if declarant:
            q2 = q2.where(d.c.declarant_uscc == declarant)
        pairs = conn.execute(q2).all()
        grades = _grade_of_declarant(conn, kv.get(conn, "enterprise"))
    series = [(start + timedelta(days=i), per_day.get((start + timedelta(days=i)).isoformat(), 0))
              for i in range(days)]
    all_hours: list[float] = []
    by_grade: dict[str, list[float]] = {}
    for uscc, sent_at, rel_at, grade_then in pairs:
        try:
            hours = (_parse(rel_at) - _parse(sent_at)).total_seconds() / 3600
        except ValueError:
            continue
        if hours < 0:
            continue
        all_hours.append(hours)
        # the grade in force at the release; today's grade only for a release recorded
        # before the desk kept it
        g = grade_then or grades.get(uscc)
        if g:
            by_grade.setdefault(g, []).append(hours)
    med_by_grade = {g: (median(v), len(v)) for g, v in by_grade.items()}
    ordered = {g: med_by_grade[g] for g in GRADES if g in med_by_grade}
    ordered.update({g: v for g, v in med_by_grade.items() if g not in ordered})
    return Dashboard(counts=counts, releases_per_day=series,
                     median_hours=median(all_hours) if all_hours else None,
                     released_measured=len(all_hours), median_hours_by_grade=ordered)


def outbox_pending(desk) -> int:
    """How many changes wait in the outbox to be sent to the platform."""
    with desk.db.read() as conn:
        return conn.execute(select(func.count()).select_from(s.outbox)
                            .where(s.outbox.c.state == "pending")).scalar_one()


def last_history_id(desk) -> int:
    """The newest status-history row id (a watermark for :func:`receipts_since`)."""
    with desk.db.read() as conn:
        return conn.execute(select(func.coalesce(func.max(s.status_history.c.id), 0))).scalar_one()


def receipts_since(desk, after_id: int, statuses=("released", "rejected"),
                   limit: int = 200) -> list[Receipt]:
    """Platform receipts with one of ``statuses`` recorded after history row ``after_id``."""
    h, d = s.status_history, s.declarations
    q = (select(h.c.id, h.c.declaration_id, d.c.inspection_no, h.c.status, h.c.at, h.c.note)
         .join(d, d.c.id == h.c.declaration_id)
         .where(and_(h.c.id > after_id, h.c.source == "platform", h.c.status.in_(statuses)))
         .order_by(h.c.id).limit(limit))
    with desk.db.read() as conn:
        return [Receipt(*r) for r in conn.execute(q)]


def clients(desk) -> list[tuple[str, str, str | None]]:
    """``(uscc, name, credit_grade)`` of the enterprises a broker files for (not itself)."""
    e = s.enterprises
    with desk.db.read() as conn:
        rows = conn.execute(select(e.c.uscc, func.coalesce(e.c.name_cn, e.c.name_en, e.c.uscc),
                                   e.c.credit_grade).where(e.c.is_self == 0)
                            .order_by(e.c.name_cn)).all()
    return [tuple(r) for r in rows]
