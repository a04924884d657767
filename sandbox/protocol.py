"""The small pieces of sync protocol v1 that every part of the platform shares.

:class:`ApiError` (an error answered as ``{"error": {code, message, details?}}``),
:func:`reason` (one rejection reason of a mutation), :func:`status_change` (the body of a
``status`` change in the feed), :func:`iso` (the protocol's time format),
:class:`Principal` (the logged-in enterprise of one request), client-version parsing,
the canonical hash of a mutation, and the patterns and constants of numbers and hashes.
Nothing here touches the database.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

#: China time, the platform's calendar (rule dates)
CN_TZ = timezone(timedelta(hours=8))
DIGITS15 = re.compile(r"^\d{15}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
MUTATION_ID = re.compile(r"^[0-9A-Za-z_\-]{1,64}$")
KINDS = ("submit", "amend", "withdraw")
#: digit 7 of an inspection number
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


def status_change(seq: int, declaration_id: str, inspection_no: str, status: str, at: float,
                  note: str, version: int, reasons: list | None = None) -> dict:
    """The body of a ``status`` change of the feed (``reasons`` only when there are some)."""
    body = {"kind": "status", "seq": seq, "declaration_id": declaration_id,
            "inspection_no": inspection_no, "status": status, "at": iso(at),
            "note": note, "version": version}
    if reasons:
        body["reasons"] = reasons
    return body


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
