"""Times as the store and the platform write them: ISO-8601 UTC text ending in ``Z``.

One place to read them (:func:`parse_time`) and to normalise them to the store's sortable
form (:func:`store_time`, the form ``client.store.db.utcnow`` writes).
"""
from __future__ import annotations

from datetime import datetime, timezone

STORE_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def parse_time(text: str | None) -> datetime | None:
    """An aware datetime from ``2026-11-26T06:03:00Z`` (a time without zone is UTC);
    ``None`` for empty or unreadable text."""
    if not text or not isinstance(text, str):
        return None
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


def format_time(dt: datetime) -> str:
    """An aware datetime in the store's format (UTC, microseconds, ``Z``)."""
    return dt.astimezone(timezone.utc).strftime(STORE_FORMAT)


def store_time(text: str | None) -> str | None:
    """``text`` in the store's format (UTC, microseconds, ``Z``), so times compare as text;
    ``None`` for empty or unreadable text."""
    dt = parse_time(text)
    return format_time(dt) if dt else None
