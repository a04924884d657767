"""The sync engine: login, finalise (定稿), amend, withdraw, and push/pull with the platform.

:class:`SyncEngine` is what the UI (on its task runner thread) and the CLI call. Every
method is a plain blocking call returning dataclasses; long ones accept
``progress(done, total, message)`` and ``cancel()`` (checked between requests, so a cancel
never leaves anything half-applied).

Local invariants it keeps:

* **Finalise** = validate → number from a lease → ``ready`` → outbox row, in ONE
  transaction per declaration (several declarations share a transaction in bulk, each
  complete or absent).
* **Amend/withdraw** write their outbox row with the ``base_version`` they were made
  against; the platform answers ``conflict`` when it moved on, which is reported and never
  overwrites anything.
* Nothing secret is stored on disk by this module: the refresh token goes to the keyring
  (:class:`~client.credentials.CredentialStore`), the access token stays in memory.
"""
from __future__ import annotations

import logging
from typing import Callable, Sequence

from sqlalchemy import select

from .. import numbers
from ..credentials import CredentialStore
from ..errors import AuthError, DeskError, InputError, NotEditable, NotFound, ValidationFailed
from ..model import Declaration, dumps_compact, loads_stored, new_ulid
from ..store import declarations as decl_q
from ..store import kv
from ..store import schema as s
from .http import Cancelled, PlatformClient, RequestRefused, RetryPolicy
from .pull import CURSOR_KEY, Puller, store_enterprise
from .push import BATCH_SIZE, Pusher, enqueue, enqueue_many
from .shapes import check_enterprise, check_lease, check_lease_close
from .summary import FinalizeResult, Progress, SyncState, SyncSummary

log = logging.getLogger(__name__)

#: platform statuses in which an amendment or withdrawal may be filed
AMENDABLE = frozenset({"accepted", "under_review", "inspection", "rejected"})
WITHDRAWABLE = AMENDABLE
FINALISE_CHUNK = 200


def normalise_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"平台地址应以 http:// 或 https:// 开头：{url}",
                         f"the platform URL must start with http:// or https://: {url}")
    return url


class SyncEngine:
    """Sync of one desk (profile) with its platform. One sync job at a time."""

    def __init__(self, desk, credentials: CredentialStore | None = None, *,
                 trust: str = "certifi", retry: RetryPolicy | None = None,
                 timeout: tuple[float, float] = (5.0, 60.0), batch_size: int = BATCH_SIZE,
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

    # -- finalise -------------------------------------------------------------------------
    def finalize(self, ids: Sequence[str], *, skip_invalid: bool = False,
                 progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None) -> FinalizeResult:
        """定稿: validate, number, mark ``ready`` and queue for sending.

        With invalid declarations and ``skip_invalid`` False, :class:`ValidationFailed`
        is raised (listing the issues) and nothing is finalised. A single declaration
        with no number left raises :class:`numbers.NoNumberLeft` and stays a draft.
        """
        progress = progress or (lambda d, t, m: None)
        cancel = cancel or (lambda: False)
        result = FinalizeResult()
        ctx = self.desk.rule_context()
        from ..rules import validate
        todo: list[tuple[str, int, Declaration]] = []
        d = s.declarations
        ids = list(dict.fromkeys(ids))
        for k in range(0, len(ids), 500):
            with self.db.read() as conn:
                rows = {r[0]: r for r in conn.execute(
                    select(d.c.id, d.c.status, d.c.local_rev, d.c.doc)
                    .where(d.c.id.in_(ids[k:k + 500]))).all()}
                for key in ids[k:k + 500]:
                    if key not in rows:
                        real = decl_q.resolve_id(conn, key)
                        if real is None:
                            raise NotFound(f"找不到报检单 {key}", f"no declaration {key}")
                        rows[key] = conn.execute(select(d.c.id, d.c.status, d.c.local_rev,
                                                        d.c.doc).where(d.c.id == real)).first()
            for key in ids[k:k + 500]:
                did, status, rev, doc = rows[key]
                if status != "draft":
                    result.skipped[did] = status
                    continue
                decl = loads_stored(doc)
                issues = validate(decl, ctx)
                if any(i.severity == "error" for i in issues):
                    result.invalid[did] = issues
                    continue
                todo.append((did, rev, decl))
        if result.invalid and not skip_invalid:
            n = len(result.invalid)
            flat = [i for v in result.invalid.values() for i in v]
            err = ValidationFailed(f"{n} 份报检单未通过校验，均未定稿。请按提示修改后重试。",
                                   f"{n} declarations failed validation; none was finalised",
                                   flat if n > 1 else next(iter(result.invalid.values())))
            err.by_id = result.invalid  # type: ignore[attr-defined]
            raise err
        if len(ids) == 1 and result.skipped:
            st = next(iter(result.skipped.values()))
            raise NotEditable(f"报检单已不是草稿（当前状态：{st}），无需再次定稿。",
                              f"the declaration is {st}, not a draft")
        year = numbers.current_year()
        if todo:
            self._top_up_before_numbering()
        total = len(todo)
        for k in range(0, total, FINALISE_CHUNK):
            if cancel():
                break
            chunk = todo[k:k + FINALISE_CHUNK]
            self._finalise_chunk(chunk, year, result)
            progress(min(total, k + FINALISE_CHUNK), total, "正在定稿…")
        if len(ids) == 1 and result.no_number:
            decl = todo[0][2]
            raise numbers.NoNumberLeft(decl.declare_bureau, decl.direction, year)
        return result

    def _top_up_before_numbering(self) -> None:
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

    def _finalise_chunk(self, chunk, year: int, result: FinalizeResult) -> None:
        """One transaction: number, mark ``ready`` and queue every declaration of ``chunk``."""
        from sqlalchemy import bindparam, insert, update

        from ..store.db import utcnow
        d = s.declarations
        with self.db.write() as conn:
            revs = {r[0]: (r[1], r[2]) for r in conn.execute(
                select(d.c.id, d.c.status, d.c.local_rev)
                .where(d.c.id.in_([c[0] for c in chunk])))}
            fresh = []
            for did, rev, decl in chunk:
                if revs.get(did) != ("draft", rev):
                    result.skipped[did] = (revs.get(did) or ("deleted",))[0] + " (changed)"
                else:
                    fresh.append(decl)
            numbered, missing = numbers.assign_numbers(conn, fresh, year=year)
            result.no_number += [x.id for x in missing]
            if not numbered:
                return
            now = utcnow()
            rows, hist, outbox_rows = [], [], []
            for decl in numbered:
                note = f"已定稿，报检号 {decl.inspection_no}"
                rows.append({**decl_q.header_row(decl), "b_id": decl.id, "status": "ready",
                             "status_note": note, "updated_at": now})
                hist.append({"declaration_id": decl.id, "status": "ready", "at": now,
                             "note": note, "source": "local", "version": None})
                outbox_rows.append({"mutation_id": new_ulid(), "declaration_id": decl.id,
                                    "kind": "submit", "inspection_no": decl.inspection_no,
                                    "base_version": None, "payload": rows[-1]["doc"]})
                result.finalised.append((decl.id, decl.inspection_no))
            cols = [k for k in rows[0] if k != "b_id"]
            conn.execute(update(d).where(d.c.id == bindparam("b_id"))
                         .values({c: bindparam(c) for c in cols}), rows)
            conn.execute(insert(s.status_history), hist)
            enqueue_many(conn, outbox_rows)

    # -- amend / withdraw ---------------------------------------------------------------
    def _submitted(self, conn, decl_id: str, allowed: frozenset, what: str):
        real = decl_q.resolve_id(conn, decl_id)
        row = conn.execute(select(s.declarations.c.id, s.declarations.c.status,
                                  s.declarations.c.version, s.declarations.c.inspection_no)
                           .where(s.declarations.c.id == real)).first() if real else None
        if row is None:
            raise NotFound(f"找不到报检单 {decl_id}", f"no declaration {decl_id}")
        if row[1] not in allowed or row[2] is None:
            raise NotEditable(f"报检单当前状态（{row[1]}）不能{what}；只有平台已受理、未放行的报检单可以{what}。",
                              f"a declaration in status {row[1]} cannot be "
                              f"{'amended' if what == '修改' else 'withdrawn'}")
        return row

    def amend(self, decl_id: str, new_decl: Declaration) -> str:
        """File an amendment (修改申请) against the version the desk holds; returns its id.

        A submission the platform refused outright (``rejected`` and never given a
        version) has nothing to amend: the corrected declaration is submitted again with
        the same id and inspection number under a NEW mutation id — only because the
        user asked for it here; the engine never resends a rejected item by itself.
        """
        with self.db.read() as conn:
            real = decl_q.resolve_id(conn, decl_id) or decl_id
            row = conn.execute(select(s.declarations.c.status, s.declarations.c.version)
                               .where(s.declarations.c.id == real)).first()
        if row is not None and row[0] == "rejected" and row[1] is None:
            return self._resubmit(real, new_decl)
        with self.db.read() as conn:
            did, _status, version, no = self._submitted(conn, decl_id, AMENDABLE, "修改")
        if new_decl.id not in (None, did):
            raise InputError(f"修改内容的本地编号 {new_decl.id} 与报检单 {did} 不一致",
                             f"the amendment's id {new_decl.id} differs from {did}", field="id")
        if new_decl.inspection_no not in (None, no):
            raise InputError("修改申请不能更改报检号（一号到底）",
                             "an amendment cannot change the inspection number",
                             field="inspection_no")
        new_decl.id, new_decl.inspection_no = did, no
        issues = self.desk.validate_decl(new_decl)
        if any(i.severity == "error" for i in issues):
            raise ValidationFailed("修改内容未通过校验，修改申请未提交。",
                                   "the amendment failed validation; nothing was queued",
                                   [i for i in issues if i.severity == "error"])
        mid = new_ulid()
        with self.db.write() as conn:
            did, status, version, no = self._submitted(conn, did, AMENDABLE, "修改")
            enqueue(conn, mutation_id=mid, declaration_id=did, kind="amend", inspection_no=no,
                    base_version=version, payload=dumps_compact(new_decl))
            conn.execute(s.status_history.insert().values(
                declaration_id=did, status=status, at=_now(), source="local", version=version,
                note=f"修改申请已排队（基于版本 {version}），待发送"))
        return mid

    def _resubmit(self, did: str, new_decl: Declaration) -> str:
        with self.db.read() as conn:
            no = conn.execute(select(s.declarations.c.inspection_no)
                              .where(s.declarations.c.id == did)).scalar()
        if new_decl.id not in (None, did) or new_decl.inspection_no not in (None, no):
            raise InputError("重新申报不能更改本地编号或报检号（一号到底）",
                             "a resubmission keeps the id and the inspection number",
                             field="inspection_no")
        new_decl.id, new_decl.inspection_no = did, no
        issues = self.desk.validate_decl(new_decl)
        if any(i.severity == "error" for i in issues):
            raise ValidationFailed("修改内容未通过校验，未重新申报。",
                                   "the corrected declaration failed validation",
                                   [i for i in issues if i.severity == "error"])
        mid = new_ulid()
        with self.db.write() as conn:
            row = conn.execute(select(s.declarations.c.status, s.declarations.c.version)
                               .where(s.declarations.c.id == did)).first()
            if row is None or row[0] != "rejected" or row[1] is not None:
                raise NotEditable("报检单状态已变化，请刷新后重试", "the declaration changed meanwhile")
            decl_q.save_many(conn, [new_decl])
            decl_q.set_status(conn, did, "ready", note=f"已修改并重新定稿，报检号 {no}")
            enqueue(conn, mutation_id=mid, declaration_id=did, kind="submit", inspection_no=no,
                    base_version=None, payload=dumps_compact(new_decl))
        return mid

    def withdraw(self, decl_id: str, reason: str) -> str:
        """File a withdrawal (撤销申请) with a reason; returns its mutation id."""
        reason = (reason or "").strip()
        if not reason:
            raise InputError("请填写撤销原因", "give a reason for the withdrawal", field="reason")
        import json
        mid = new_ulid()
        with self.db.write() as conn:
            did, status, version, no = self._submitted(conn, decl_id, WITHDRAWABLE, "撤销")
            enqueue(conn, mutation_id=mid, declaration_id=did, kind="withdraw",
                    inspection_no=no, base_version=version,
                    payload=json.dumps({"reason": reason}, ensure_ascii=False))
            conn.execute(s.status_history.insert().values(
                declaration_id=did, status=status, at=_now(), source="local", version=version,
                note=f"撤销申请已排队：{reason}"))
        return mid

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
        return summary

    def sync(self, progress: Progress | None = None,
             cancel: Callable[[], bool] | None = None) -> SyncSummary:
        """Push the outbox, maintain number leases, pull the change feed.

        Returns what changed. A cancel returns the summary with ``cancelled`` set. An
        environment error (offline, login expired, platform refusing) is raised as the
        usual :class:`DeskError`, with the partial summary as its ``summary`` attribute.
        """
        summary = SyncSummary()
        try:
            self.push(progress, cancel, summary)
            self.close_leases(summary)
            self.top_up(summary)
            self.pull(progress, cancel, summary)
        except Cancelled:
            summary.cancelled = True
        except DeskError as exc:
            summary.errors.append(exc.message_zh)
            exc.summary = summary  # type: ignore[attr-defined]
            self.last_error = exc.message_zh  # in memory only: a failed sync writes nothing
            raise
        if not summary.cancelled:
            self.last_error = None
            self._remember_result(None)
        return summary

    def _remember_result(self, exc: DeskError | None) -> None:
        """Keep the last sync's time and result (``sync.last_at``, ``sync.last_result``).

        The engine records successes only (a failed sync changes nothing in the store);
        the desktop's sync bridge records failures for the next start's header."""
        at = _now()
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


def _now() -> str:
    from ..store.db import utcnow
    return utcnow()
