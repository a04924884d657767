"""Which drafts this desk's batch validation found free of errors, and under what context.

:class:`CleanMemo` lets finalise (:meth:`client.services.filing.Filing.finalise`) skip
running the rulebook a second time over a draft that ``Desk.validate_ids`` has just found
clean — honestly: a draft is taken as clean only when

* it is still the version that was validated: the same ``local_rev`` (every save bumps
  it, on this desk or another desk of the office store) of the same row, told by its
  ``created_at`` (a draft deleted and stored again under its id, a restore from the bin or
  an import, starts at revision 1 again), and
* the rule context is the same (:func:`context_stamp`: the code tables in force with
  their versions and hashes, the credit grade and when it was synced, the day, who may
  be the declarant, the known e-commerce registrations).

Any other context empties the memo. It lives in memory only (one process runs one
rulebook; a restarted desk validates again) and holds at most :data:`LIMIT` drafts,
forgetting the oldest first. Thread-safe; it emits nothing.
"""
from __future__ import annotations

import threading
from typing import Any, Hashable, Iterable

#: most drafts remembered (≈ 200 bytes each)
LIMIT = 200_000


def context_stamp(ctx: Any, registrations_mark: Hashable = None) -> tuple:
    """What a validation result depends on besides the declaration (see the module doc).

    ``registrations_mark`` is the store's version of the known e-commerce registrations
    (``client.ecom.store.version``)."""
    codes = ctx.codes
    tables = codes.fingerprint() if codes is not None else None
    return (tables, ctx.credit_grade, ctx.grade_synced_at, ctx.today, ctx.enterprise_uscc,
            ctx.client_usccs,
            None if ctx.ecom_registrations is None else ("ecom", registrations_mark),
            None if ctx.attachment_sizes is None else tuple(sorted(ctx.attachment_sizes.items())))


class CleanMemo:
    """``{declaration id: version}`` of drafts validated clean under one stamp; a version
    is ``(local_rev, created_at)`` (any hashable value to this class)."""

    def __init__(self, limit: int = LIMIT):
        self.limit = limit
        self._stamp: tuple | None = None
        self._revs: dict[str, Hashable] = {}
        self._lock = threading.Lock()

    def record(self, stamp: tuple, results: Iterable[tuple[str, Hashable, bool]]) -> None:
        """Remember ``(id, version, clean)`` results found under ``stamp`` (a result with
        errors forgets the draft)."""
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._revs = stamp, {}
            revs = self._revs
            for decl_id, rev, clean in results:
                revs.pop(decl_id, None)  # re-inserted last: the newest are kept longest
                if clean:
                    revs[decl_id] = rev
            extra = len(revs) - self.limit
            if extra > 0:
                for key in list(revs)[:extra]:
                    del revs[key]

    def clean_under(self, stamp: tuple, ids: Iterable[str] | None = None
                    ) -> dict[str, Hashable]:
        """``{id: version}`` found clean under ``stamp`` (empty for another), of ``ids``
        only when given."""
        with self._lock:
            if stamp != self._stamp:
                return {}
            if ids is None:
                return dict(self._revs)
            revs = self._revs
            return {i: revs[i] for i in ids if i in revs}

    def forget(self, ids: Iterable[str]) -> None:
        with self._lock:
            for decl_id in ids:
                self._revs.pop(decl_id, None)
