"""The sync engine: login, number leases, and push/pull with the platform.

Finalise (定稿), amend, withdraw and resubmit are local transactions of the filing
service (:class:`client.services.filing.Filing`); :meth:`SyncEngine.filing` hands it this
engine's lease top-up.

:class:`SyncEngine` is what the UI (on its task runner thread) and the CLI call. Every
method is a plain blocking call returning dataclasses; long ones accept
``progress(done, total, message)`` and ``cancel()`` (checked between requests, so a cancel
never leaves anything half-applied).

* Nothing secret is stored on disk by this module: the refresh token goes to the keyring
  (:class:`~client.credentials.CredentialStore`), the access token stays in memory.
"""
from __future__ import annotations

import contextlib

import logging
from typing import Callable

from sqlalchemy import select

from .. import numbers
from ..credentials import CredentialStore
from ..ecert import sync as ecert_sync
from ..ecom import sync as ecom_sync
from ..errors import AuthError, DeskError
from ..model import new_ulid
from ..store import kv
from ..store import schema as s
from .http import Cancelled, PlatformClient, RequestRefused, RetryPolicy
from .pull import CURSOR_KEY, Puller, store_enterprise
from .push import BATCH_SIZE, Pusher
from .shapes import check_enterprise, check_lease, check_lease_close
from .summary import Progress, SyncState, SyncSummary
from .urls import check_platform_url

log = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    return check_platform_url(url)  # https, or http on loopback only (client.sync.urls)


class SyncEngine:
    """Sync of one desk (profile) with its platform. One sync job at a time."""

    def __init__(self, desk, credentials: CredentialStore | None = None, *,
                 trust: str = "certifi", retry: RetryPolicy | None = None,
                 timeout: tuple[float, float] = (2.0, 60.0), batch_size: int = BATCH_SIZE,
                 page_limit: int = 2000, low_water: int | None = None,
                 lease_size: int | None = None):
        self.desk = desk
        self.credentials = credentials or CredentialStore()
        self.trust = trust
        self.retry = retry
        self.timeout = timeout
        self.batch_size = batch_size
        self.page_limit = page_limit
        self.low_water = low_water
        self.lease_size = lease_size
        self._client: PlatformClient | None = None
        #: the message of the last failed sync of this engine (``None`` after a good one)
        self.last_error: str | None = None
        #: what the last sync did (also when it failed part-way)
        self.last_summary: SyncSummary | None = None

    @property
    def db(self):
        return self.desk.db

    # -- identity -----------------------------------------------------------------------
    def device_id(self) -> str:
        """This installation's id (a ULID made once per profile, kept in kv ``device_id``)."""
        with self.db.read() as conn:
            dev = kv.get(conn, "device_id")
        if dev:
            return dev
        with self.db.write() as conn:
            dev = kv.get(conn, "device_id")
            if not dev:
                dev = new_ulid()
                kv.put(conn, "device_id", dev)
        return dev

    def account(self) -> tuple[str | None, str | None]:
        """``(platform_url, username)`` of the login, or ``(None, None)``."""
        with self.db.read() as conn:
            return kv.get(conn, "platform_url"), kv.get(conn, "username")

    def _new_client(self, url: str, cancel: Callable[[], bool] | None = None,
                    refresh_token: str | None = None, username: str | None = None
                    ) -> PlatformClient:
        def keep(token: str) -> None:
            if username:
                self.credentials.save_refresh_token(url, username, token)
        return PlatformClient(url, self.device_id(), refresh_token=refresh_token,
                              on_refresh_token=keep, timeout=self.timeout, trust=self.trust,
                              retry=self.retry, cancel=cancel)

    def client(self, cancel: Callable[[], bool] | None = None) -> PlatformClient:
        """The logged-in platform client (refreshing the access token when first used)."""
        url, user = self.account()
        if not url or not user:
            raise AuthError("尚未登录平台，请先登录（python -m client login）。",
                            "not logged in; log in first")
        c = self._client
        if c is None or c.base_url != url:
            token = self.credentials.refresh_token(url, user)
            if not token:
                raise AuthError("没有保存的登录信息，请重新登录平台。",
                                "no stored login; log in again")
            c = self._new_client(url, cancel, token, user)
            self._client = c
        c.cancel = cancel or (lambda: False)
        return c

    # -- sessions -----------------------------------------------------------------------
    def login(self, url: str, username: str, password: str) -> dict:
        """Log in; keeps the refresh token in the keyring and the enterprise in the store.

        Wrong password → :class:`AuthError`; keyring unavailable → CredentialStoreError
        (and nothing is stored).
        """
        url = normalise_url(url)
        client = self._new_client(url, refresh_token=None, username=username)
        body = client.login(username, password)
        ent = body.get("enterprise")
        if ent is None:
            ent = check_enterprise(client.get("/v1/enterprise"))
        self.credentials.save_refresh_token(url, username, body["refresh_token"])
        with self.db.write() as conn:
            old_url, old_user = kv.get(conn, "platform_url"), kv.get(conn, "username")
            if (old_url, old_user) != (url, username):
                kv.remove(conn, CURSOR_KEY)
                if old_user:
                    # another account's leases cannot number this one's declarations; they
                    # expire on their platform and their unused serials become void there
                    stale = [le.lease_id for le in numbers.leases(conn, state="open")]
                    numbers.mark(conn, stale, "closed")
                    if stale:
                        log.warning("account changed from %s@%s: %d leases retired",
                                    old_user, old_url, len(stale))
            kv.put(conn, "platform_url", url)
            kv.put(conn, "username", username)
            store_enterprise(conn, ent)
        self._client = client
        ecert_sync.pin_platform_certificate(self.db, client, url)  # issue 14: pin at login
        log.info("logged in to %s as %s (device %s)", url, username, client.device_id)
        return ent

    def logout(self) -> bool:
        """Close this device's leases if online, end the session, forget the token."""
        url, user = self.account()
        if not url or not user:
            return False
        try:
            c = self.client()
            try:
                self.close_leases(all_open=True)
                c.request("DELETE", "/v1/sessions/current", expect_json=False)
            except DeskError as exc:  # offline: the leases expire and become void there
                log.info("logout without reaching the platform: %s", exc.message_en)
        except AuthError:
            pass
        self.credentials.delete(url, user)
        with self.db.write() as conn:
            kv.remove(conn, "username")
            # leases not closed on the platform (offline) are retired here all the same:
            # they expire there and their unused serials become void
            numbers.mark(conn, [le.lease_id for le in numbers.leases(conn, state="open")],
                         "closed")
        self._client = None
        return True

    # -- filing -------------------------------------------------------------------------
    def filing(self):
        """The filing service of this desk, topping up leases before numbering."""
        from ..services.filing import Filing
        return Filing(self.desk, top_up=self.top_up_before_numbering)

    def top_up_before_numbering(self) -> None:
        """When drafts outnumber the numbers at hand and the platform can be reached, take
        leases first (one quick try, no backoff); offline, finalise with what is left."""
        with self.db.read() as conn:
            if not numbers.deficits(conn, low_water=1):
                return
        try:
            client = self.client()
        except DeskError:
            return  # not logged in: offline finalising
        saved = client.retry
        client.retry = RetryPolicy(attempts=1)
        try:
            self.top_up()
        except DeskError as exc:
            log.info("leases not topped up before finalising (%s); using the numbers left",
                     exc.message_en)
        finally:
            client.retry = saved

    # -- number leases ----------------------------------------------------------------------
    def leases(self) -> list[numbers.Lease]:
        with self.db.read() as conn:
            return numbers.leases(conn)

    def take_lease(self, bureau: str, direction: str, count: int | None = None,
                   year: int | None = None) -> numbers.Lease:
        """Ask the platform for a lease of ``count`` serials (online).

        The request carries an ``Idempotency-Key`` kept in kv until the lease is stored
        (in the same transaction): if the answer is lost, the next attempt for the same
        bureau/direction/year resends the same key and gets the same lease back instead
        of stranding a block of numbers.
        """
        year = year or numbers.current_year()
        count = count or self.lease_size or numbers.LEASE_SIZE
        pending_key = f"numbers.lease_request.{bureau}.{direction}.{year % 100:02d}"
        with self.db.write() as conn:
            req = kv.get(conn, pending_key)
            if not req:
                req = {"key": new_ulid(), "count": count}
                kv.put(conn, pending_key, req)
        body = check_lease(self.client().post(
            "/v1/number-leases", json={"bureau": bureau, "direction": direction,
                                       "year": year, "count": req["count"]},
            headers={"Idempotency-Key": req["key"]}))
        if (body["bureau"], body["direction"], int(str(body["year"])[-2:])) != \
                (bureau, direction, year % 100):
            from .http import BadResponse
            raise BadResponse("号段的机构/方向/年份与申请不一致")
        with self.db.write() as conn:
            known = conn.execute(select(s.number_leases.c.lease_id).where(
                s.number_leases.c.lease_id == body["lease_id"])).first()
            lease = numbers.store_lease(conn, body) if known is None else None
            kv.remove(conn, pending_key)
        if lease is None:
            lease = next(le for le in self.leases() if le.lease_id == body["lease_id"])
        return lease

    def top_up(self, summary: SyncSummary | None = None) -> SyncSummary:
        """Take leases wherever fewer numbers are left than wanted (low-water mark)."""
        summary = summary or SyncSummary()
        low = numbers.LOW_WATER if self.low_water is None else self.low_water
        with self.db.read() as conn:
            need = numbers.deficits(conn, low_water=low)
        size = self.lease_size or numbers.LEASE_SIZE
        for (bureau, direction, year), n in need.items():
            while n > 0:
                count = min(numbers.MAX_LEASE, max(size, n))
                le = self.take_lease(bureau, direction, count, 2000 + year)
                summary.leases_taken += 1
                summary.numbers_taken += le.last - le.first + 1
                n -= le.last - le.first + 1
        return summary

    def close_leases(self, summary: SyncSummary | None = None, *,
                     all_open: bool = False) -> SyncSummary:
        """Close expired/last-year leases (or every open one): report used serials."""
        summary = summary or SyncSummary()
        with self.db.write() as conn:
            todo = numbers.leases(conn, state="open") + numbers.leases(conn, state="closing") \
                if all_open else numbers.to_close(conn)
            numbers.mark(conn, [le.lease_id for le in todo], "closing")
        if not todo:
            return summary
        client = self.client()
        for le in todo:
            with self.db.read() as conn:
                used = numbers.used_numbers(conn, le)
            try:
                body = check_lease_close(client.post(
                    f"/v1/number-leases/{le.lease_id}/close", json={"used": used}))
                summary.numbers_void += body.get("void_count", 0)
            except RequestRefused as exc:
                if exc.status != 404:
                    raise
                log.warning("lease %s unknown to the platform; closing it locally", le.lease_id)
            with self.db.write() as conn:
                numbers.mark(conn, [le.lease_id], "closed")
            summary.leases_closed += 1
        return summary

    # -- push / pull / sync ----------------------------------------------------------------
    def push(self, progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
             summary: SyncSummary | None = None) -> SyncSummary:
        summary = summary or SyncSummary()
        client = self.client(cancel)
        Pusher(self.db, client, client.device_id, self.desk.paths.attachments,
               batch_size=self.batch_size, progress=progress, cancel=cancel).run(summary)
        return summary

    def pull(self, progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
             summary: SyncSummary | None = None) -> SyncSummary:
        summary = summary or SyncSummary()
        client = self.client(cancel)
        Puller(self.db, client, self.desk.codes, page_limit=self.page_limit,
               progress=progress, cancel=cancel).run(summary)
        return summary

    def resync(self, progress: Progress | None = None,
               cancel: Callable[[], bool] | None = None) -> SyncSummary:
        summary = SyncSummary()
        client = self.client(cancel)
        Puller(self.db, client, self.desk.codes, page_limit=self.page_limit,
               progress=progress, cancel=cancel).resync(summary)
        self.ecerts = ecert_sync.after_pull(self.db, client, self.desk.paths, summary)
        return summary

    def sync(self, progress: Progress | None = None,
             cancel: Callable[[], bool] | None = None) -> SyncSummary:
        """Push the outbox, maintain number leases, pull the change feed.

        Returns what changed. A cancel returns the summary with ``cancelled`` set. An
        environment error (offline, login expired, platform refusing) is raised as the
        usual :class:`DeskError`; the partial summary is kept in :attr:`last_summary`.
        """
        summary = SyncSummary()
        with contextlib.ExitStack() as held:
            if self.db.is_postgres:  # the office: one desk at a time (issue 16)
                from ..store.office import sync_lock
                held.enter_context(sync_lock(self.db.engine))
            return self._sync(summary, progress, cancel)

    def _sync(self, summary: SyncSummary, progress, cancel) -> SyncSummary:
        try:
            self.push(progress, cancel, summary)
            self.close_leases(summary)
            self.top_up(summary)
            self.pull(progress, cancel, summary)
            self.ecerts = ecert_sync.after_pull(  # issue 14: e-certificates announced
                self.db, self.client(cancel), self.desk.paths, summary)
            # issue 15: registrations go through the outbox (client.ecom.kind); here the
            # referenced numbers the desk does not know are looked up
            ecom_sync.resolve_referenced(self.db, self.client(cancel))
        except Cancelled:
            summary.cancelled = True
        except DeskError as exc:
            summary.errors.append(exc.message_zh)
            self.last_summary = summary
            self.last_error = exc.message_zh  # in memory only: a failed sync writes nothing
            raise
        self.last_summary = summary
        if not summary.cancelled:
            self.last_error = None
            self._remember_result(None)
        return summary

    def _remember_result(self, exc: DeskError | None) -> None:
        """Keep the last sync's time and result (``sync.last_at``, ``sync.last_result``).

        The engine records successes only (a failed sync changes nothing in the store);
        the desktop's sync bridge records failures for the next start's header."""
        from ..store.db import utcnow
        at = utcnow()
        result = {"at": at, "ok": exc is None, "kind": type(exc).__name__ if exc else None,
                  "error_zh": exc.message_zh if exc else None,
                  "error_en": exc.message_en if exc else None}
        try:
            with self.db.write() as conn:
                if exc is None:
                    kv.put(conn, "sync.last_at", at)
                kv.put(conn, "sync.last_result", result)
        except Exception:  # noqa: BLE001 - remembering must never hide the sync's outcome
            log.exception("cannot record the last sync result")

    def state(self) -> SyncState:
        """Login, outbox size, last successful sync and numbers left, for the status bar."""
        from .push import pending_count
        dev = self.device_id()
        with self.db.read() as conn:
            url, user = kv.get(conn, "platform_url"), kv.get(conn, "username")
            left: dict[str, int] = {}
            for le in numbers.usable_all(conn):
                k = f"{le.bureau}/{le.direction}/{le.year:02d}"
                left[k] = left.get(k, 0) + le.remaining
            return SyncState(bool(url and user), url, user, dev, pending_count(conn),
                             kv.get(conn, "sync.last_at"), self.last_error, left)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

