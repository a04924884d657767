"""Reading the times the store and the platform write."""
from __future__ import annotations

from datetime import datetime, timezone

from client.store.db import utcnow
from client.timeutil import parse_time, store_time


def test_platform_and_store_times_read_as_utc():
    assert parse_time("2026-11-26T06:03:00Z") == datetime(2026, 11, 26, 6, 3, tzinfo=timezone.utc)
    assert parse_time("2026-11-26T14:03:00+08:00") == datetime(2026, 11, 26, 6, 3,
                                                               tzinfo=timezone.utc)
    assert parse_time("2026-11-26T06:03:00").tzinfo is not None  # no zone: UTC
    assert parse_time(utcnow()) is not None


def test_unreadable_or_empty_is_none():
    for bad in (None, "", "yesterday", "2026-13-45T00:00:00Z", 12345):
        assert parse_time(bad) is None
        assert store_time(bad) is None


def test_store_time_sorts_as_text():
    a = store_time("2026-11-26T14:03:00+08:00")
    b = store_time("2026-11-26T06:03:00.5Z")
    assert a == "2026-11-26T06:03:00.000000Z" and b == "2026-11-26T06:03:00.500000Z"
    assert a < b


def test_format_time_writes_what_utcnow_writes():
    from datetime import datetime, timedelta, timezone

    from client.store.db import utcnow
    from client.timeutil import format_time
    shanghai = timezone(timedelta(hours=8))
    assert format_time(datetime(2026, 11, 26, 14, 3, tzinfo=shanghai)) == \
        "2026-11-26T06:03:00.000000Z"
    now = utcnow()
    assert format_time(parse_time(now)) == now
