"""The platform's behaviour, free of HTTP: :class:`Platform`, one object per sandbox.

``Platform`` holds the database, the clock, the code book and the feed cursors, and is
put together from one part per subject, each in its own module:

=========================  =====================================================
:mod:`sandbox.sessions`    log in, refresh, log out, bearer tokens, the enterprise
:mod:`sandbox.leases`      number leases (issue, list, close)
:mod:`sandbox.mutations`   ``mutations:batch``: submit, amend, withdraw
:mod:`sandbox.feeds`       the change feed, the declarations snapshot, cursors
:mod:`sandbox.advancer`    applying due life-cycle steps (lazily and in a thread)
:mod:`sandbox.code_tables` the CodeBook and the code-table endpoints
:mod:`sandbox.attachments` content-addressed attachment files
:mod:`sandbox.ecert`       signed SPSCertificate 17 e-certificates
:mod:`sandbox.origin`      certificates of origin (a document kind, sandbox.dockinds)
:mod:`sandbox.admin`       the admin operations
:mod:`sandbox.faults`      injected faults
:mod:`sandbox.protocol`    shared pieces: ApiError, reasons, times, Principal
=========================  =====================================================

Every public method is called from a worker thread by the HTTP layer (``sandbox.app``).
Methods that write take :attr:`Database.write_lock` and use one transaction. Errors are
:class:`ApiError` (HTTP status + stable ``code``). The names other modules imported from
here before the split (``ApiError``, ``Principal``, ``iso``, ``parse_version``, ...) are
still importable from here.
"""
from __future__ import annotations

import json
import secrets
import threading
import time
from datetime import date, datetime

from sqlalchemy import func, insert, select, update

from . import db
from .admin import AdminMixin
from .advancer import AdvancerMixin
from .attachments import AttachmentsMixin
from .code_tables import CodeTablesMixin
from .ecert import EcertMixin
from .faults import FaultsMixin
from .feeds import Cursors, FeedsMixin
from .leases import LeasesMixin
from .mutations import MutationsMixin
from .origin import OriginMixin
from .protocol import (CN_TZ, DIRECTION_DIGIT, KINDS, ApiError, Principal, canonical_hash,
                       iso, parse_version, reason)
from . import ciqswitch
from .seed import seed
from .sessions import SessionsMixin
from .settings import Settings

__all__ = ["Platform", "ApiError", "Principal", "Cursors", "iso", "reason", "canonical_hash",
           "parse_version", "CN_TZ", "KINDS", "DIRECTION_DIGIT"]


class Platform(SessionsMixin, LeasesMixin, MutationsMixin, FeedsMixin, AdvancerMixin,
               CodeTablesMixin, AttachmentsMixin, AdminMixin, FaultsMixin, EcertMixin, OriginMixin):
    """One sandbox platform over its data directory (see the module docstring)."""

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
        if settings.eciq_lists:
            ciqswitch.publish(self)  # issue 13: the eCIQ transport/trade lists (--eciq-lists)
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

    def _max_seq(self, conn) -> int:
        """The head of the change feed: the highest ``seq`` (0 when there is none)."""
        return conn.execute(select(func.max(db.changes.c.seq))).scalar() or 0

    def close(self) -> None:
        self.stop_advancer()
        self.db.dispose()
