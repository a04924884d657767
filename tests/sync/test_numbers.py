"""Number leases on a real store: assignment inside the finalise transaction, expiry, wanted."""
from __future__ import annotations

import pytest

from client import numbers
from client.rules.sample import sample_declaration
from client.store import schema as s


def _lease(desk, first=1, last=3, expires="2999-01-01T00:00:00.000000Z", year=2026,
           direction="inbound", lease_id="L1"):
    with desk.db.write() as conn:
        return numbers.store_lease(conn, {"lease_id": lease_id, "bureau": "310000",
                                          "direction": direction, "year": str(year)[-2:],
                                          "first": first, "last": last,
                                          "expires_at": expires.replace(".000000", ".000")})


def test_number_format_and_sequence(desk):
    _lease(desk, first=41, last=43)
    got = []
    for _ in range(3):
        d = sample_declaration("inbound")
        with desk.db.write() as conn:
            got.append(numbers.assign_number(conn, d, year=2026))
    assert got == ["310000126000041", "310000126000042", "310000126000043"]
    with pytest.raises(numbers.NoNumberLeft) as info, desk.db.write() as conn:
        numbers.assign_number(conn, sample_declaration("inbound"), year=2026)
    assert "没有可用的报检号，请联网同步以获取号段" in info.value.message_zh


def test_outbound_digit_and_existing_number_kept(desk):
    _lease(desk, direction="outbound")
    d = sample_declaration("outbound")
    with desk.db.write() as conn:
        assert numbers.assign_number(conn, d, year=2026) == "310000226000001"
        assert numbers.assign_number(conn, d, year=2026) == "310000226000001"  # 一号到底


def test_rolled_back_finalise_gives_the_number_back(desk):
    _lease(desk)
    with pytest.raises(RuntimeError), desk.db.write() as conn:
        numbers.assign_number(conn, sample_declaration("inbound"), year=2026)
        raise RuntimeError("crash before commit")
    with desk.db.write() as conn:
        assert numbers.assign_number(conn, sample_declaration("inbound"),
                                     year=2026).endswith("000001")


def test_expired_lease_is_not_used_and_is_due_for_closing(desk):
    _lease(desk, expires="2000-01-01T00:00:00.000000Z", lease_id="OLD")
    with pytest.raises(numbers.NoNumberLeft), desk.db.write() as conn:
        numbers.assign_number(conn, sample_declaration("inbound"), year=2026)
    with desk.db.read() as conn:
        assert [le.lease_id for le in numbers.to_close(conn, year=2026)] == ["OLD"]


def test_wanted_follows_drafts_and_low_water(desk):
    from sync_helpers import add_drafts
    add_drafts(desk, None, 3, "outbound")
    with desk.db.read() as conn:
        want = numbers.wanted_keys(conn, 2026, low_water=2)
        assert want == {("310000", "outbound", 26): 3}
    _lease(desk, first=1, last=1, direction="outbound")
    with desk.db.read() as conn:
        assert numbers.deficits(conn, 2026, low_water=2) == {("310000", "outbound", 26): 2}
        rows = conn.execute(s.number_leases.select()).all()
    assert len(rows) == 1
