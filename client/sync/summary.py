"""Plain results of sync work, handed to the UI (through signals) and the CLI."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Callable

#: ``progress(done, total, message)``; ``total`` 0 when unknown
Progress = Callable[[int, int, str], None]


@dataclass
class StatusChange:
    """A declaration whose status changed during this sync."""

    declaration_id: str
    inspection_no: str | None
    old: str | None
    new: str
    note: str | None = None


@dataclass
class ItemProblem:
    """A mutation the platform did not apply: rejected (with reasons) or in conflict."""

    declaration_id: str
    inspection_no: str | None
    kind: str
    outcome: str
    reasons: list[dict] = field(default_factory=list)

    def message(self, lang: str = "zh") -> str:
        key = "message_en" if lang == "en" else "message_zh"
        parts = [f"{r.get('field') or ''} {r.get(key) or r.get('message') or r.get('code')}".strip()
                 for r in self.reasons]
        return "；".join(parts) if lang != "en" else "; ".join(parts)


@dataclass
class SyncSummary:
    """What one ``sync()`` (or ``push()``/``pull()``) changed and what went wrong."""

    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    retry_later: int = 0
    rejected: list[ItemProblem] = field(default_factory=list)
    conflicts: list[ItemProblem] = field(default_factory=list)
    receipts: int = 0
    unknown_receipts: int = 0
    status_changes: list[StatusChange] = field(default_factory=list)
    credit_grade: tuple[str | None, str] | None = None  # (old, new)
    code_tables: list[tuple[str, str]] = field(default_factory=list)  # (table, version)
    #: drafts converted to the eCIQ transport/trade codes when the lists arrived (issue 13)
    ciq_converted: int = 0
    resynced: bool = False
    imported: int = 0
    leases_taken: int = 0
    numbers_taken: int = 0
    leases_closed: int = 0
    numbers_void: int = 0
    attachments_uploaded: int = 0
    cancelled: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied or self.duplicates or self.rejected or self.conflicts
                    or self.status_changes or self.credit_grade or self.code_tables
                    or self.imported or self.leases_taken or self.leases_closed)

    def merge(self, other: "SyncSummary") -> "SyncSummary":
        for k, v in asdict(other).items():
            cur = getattr(self, k)
            new = getattr(other, k)
            if isinstance(cur, bool):
                setattr(self, k, cur or new)
            elif isinstance(cur, int):
                setattr(self, k, cur + new)
            elif isinstance(cur, list):
                cur.extend(new)
            elif new is not None:
                setattr(self, k, new)
        return self

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FinalizeResult:
    """What ``finalize(ids)`` did: numbered declarations, invalid ones, ones without a number."""

    finalised: list[tuple[str, str]] = field(default_factory=list)  # (id, inspection_no)
    invalid: dict[str, list] = field(default_factory=dict)          # id -> [Issue]
    no_number: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)           # id -> status


@dataclass
class SyncState:
    """What the status bar shows: who is logged in, what waits to be sent, last sync."""

    logged_in: bool
    platform_url: str | None
    username: str | None
    device_id: str
    pending: int
    last_sync_at: str | None
    last_error: str | None
    numbers_left: dict[str, int] = field(default_factory=dict)  # "310000/inbound/26" -> n
