"""The types the rulebook speaks in: an :class:`Issue` found, the :class:`RuleContext` judged in."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from ..codes import CodeBook

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding: stable ``code`` (``E1203``), severity, the field path it points at and
    a message in Chinese and English telling the declarer what to do."""

    code: str
    severity: Severity
    field: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def to_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "field": self.field,
                "message_zh": self.message_zh, "message_en": self.message_en}

    @classmethod
    def from_dict(cls, d: dict) -> "Issue":
        return cls(d["code"], d["severity"], d["field"], d["message_zh"], d["message_en"])


@dataclass(slots=True)
class RuleContext:
    """What the rules judge against besides the declaration itself.

    ``credit_grade`` is the enterprise's last synced grade (``None`` when never synced);
    ``grade_synced_at`` when it was synced; ``today`` for date rules; ``attachment_sizes``
    optionally maps sha256 to the real stored size; ``enterprise_uscc``/``client_usccs``
    say who may be the declarant (the logged-in enterprise, or a broker's clients).
    """

    codes: CodeBook
    credit_grade: str | None = None
    grade_synced_at: datetime | None = None
    today: date = field(default_factory=date.today)
    attachment_sizes: dict[str, int] | None = None
    #: the logged-in enterprise's USCC and, for a broker, its clients' (``None``: not known,
    #: e.g. before the first login or on the platform, which checks this itself)
    enterprise_uscc: str | None = None
    client_usccs: frozenset[str] | None = None
    #: the cross-border e-commerce registrations the desk knows
    #: (:class:`client.ecom.store.KnownRegistrations`; ``None``: not consulted, so the
    #: registration rules E1805–E1808 stay quiet)
    ecom_registrations: Any = None
    #: the rules' precomputed view of ``codes`` (set by the engine on every run; a cache,
    #: not an input — see ``client.rules._common.lookups``)
    lookups: Any = field(default=None, repr=False, compare=False)
