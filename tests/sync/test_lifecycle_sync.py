"""The life cycle over real HTTP: monotonic receipts (the two-desk snapshot race) and
amendments that carry the version the user edited against (no lost update)."""
from __future__ import annotations

import pytest
from faultproxy import FaultProxy
from sync_helpers import add_drafts

from client.services import Desk
from client.services.filing import AmendConflict

pytestmark = pytest.mark.sandbox


@pytest.fixture
def slow_sandbox(sandbox_factory):
    """A platform whose own schedule does not move within a test: only the admin API does."""
    return sandbox_factory(time_scale=0.001)


@pytest.fixture
def first_desk(slow_sandbox, make_engine, tmp_path):
    desk = Desk.open(tmp_path / "first")
    (tmp_path / "att").write_bytes(b"test")
    desk.store_attachment(tmp_path / "att")
    eng = make_engine(desk)
    ent = eng.login(slow_sandbox.url, "aa@demo", "demo123")

    def file(n: int) -> list[str]:
        ids = add_drafts(desk, ent, n)
        eng.top_up()
        eng.filing().finalise(ids)
        assert eng.sync().applied == n
        return ids
    yield desk, eng, file
    desk.close()


def test_second_desk_ends_at_the_platform_status_after_the_snapshot_race(
        slow_sandbox, first_desk, desk, make_engine):
    """Desk 2 reads the paged snapshot (>200 declarations unknown to it) while one of its
    declarations moves released → certified; the next feed re-delivers both receipts.
    The desk must show 已签证 like the platform, not fall back to 已放行."""
    sb = slow_sandbox
    _d1, _e1, file = first_desk
    proxy = FaultProxy("127.0.0.1", int(sb.url.rsplit(":", 1)[1]))
    try:
        e2 = make_engine(desk)
        e2.login(proxy.url, "aa@demo", "demo123")
        [x] = file(1)
        e2.sync()                               # desk 2 holds x (fetched one by one)
        assert desk.summary(x).status == "accepted"
        file(205)                                # unknown to desk 2: read by the snapshot

        def move_x() -> None:
            for st in ("released", "certified"):
                assert sb.admin("POST", f"/admin/declarations/{x}/status", {"status": st}).ok
        proxy.add("status", path="/v1/declarations", method="GET", status=503,
                  retry_after="0", before=move_x)
        s = e2.sync()
        assert s.imported == 205
        assert desk.summary(x).status == "certified"
        e2.sync()                                # the feed re-delivers released, certified
        e2.sync()
        assert e2.client().get(f"/v1/declarations/{x}")["status"] == "certified"
        assert desk.summary(x).status == "certified"
        history = [h.status for h in desk.history(x)]
        assert "released" in history and history.count("certified") >= 1
    finally:
        proxy.close()


def test_amend_carries_the_base_version_and_a_stale_one_never_overwrites(
        slow_sandbox, first_desk, desk, make_engine):
    """The user opens an amendment at version 1; meanwhile another device amends (version
    2) and this desk pulls it. Filing the old edit is refused as a conflict: the newer
    version stays, on the desk and on the platform."""
    d1, e1, file = first_desk
    [x] = file(1)
    e2 = make_engine(desk)
    e2.login(slow_sandbox.url, "aa@demo", "demo123")
    e2.sync()
    assert desk.summary(x).version == 1
    mine = desk.get(x)                       # the user starts editing against version 1
    mine.remarks = "本机修改（基于版本 1）"
    theirs = d1.get(x)
    theirs.remarks = "另一台设备的修改"
    e1.filing().amend(x, theirs)
    assert e1.sync().applied == 1            # the platform is at version 2
    e2.sync()
    assert desk.summary(x).version == 2
    with pytest.raises(AmendConflict) as err:
        e2.filing().amend(x, mine, base_version=1)
    assert err.value.base_version == 1 and err.value.current_version == 2
    assert e2.sync().applied == 0
    on_platform = e2.client().get(f"/v1/declarations/{x}")
    assert on_platform["version"] == 2 and on_platform["payload"]["remarks"] == "另一台设备的修改"
    assert desk.summary(x).version == 2


def test_amend_the_desk_did_not_see_superseded_comes_back_as_a_conflict(
        slow_sandbox, first_desk, desk, make_engine):
    """Same race, but this desk has not pulled version 2 yet: the amendment goes out with
    base version 1 and the platform answers ``conflict``, reported and not applied."""
    d1, e1, file = first_desk
    [x] = file(1)
    e2 = make_engine(desk)
    e2.login(slow_sandbox.url, "aa@demo", "demo123")
    e2.sync()
    mine = desk.get(x)
    mine.remarks = "本机修改（基于版本 1）"
    theirs = d1.get(x)
    theirs.remarks = "另一台设备的修改"
    e1.filing().amend(x, theirs)
    assert e1.sync().applied == 1
    e2.filing().amend(x, mine, base_version=1)
    s = e2.push()
    assert len(s.conflicts) == 1 and s.conflicts[0].reasons[0]["code"] == "stale_version"
    on_platform = e2.client().get(f"/v1/declarations/{x}")
    assert on_platform["version"] == 2 and on_platform["payload"]["remarks"] == "另一台设备的修改"
    assert "冲突" in (desk.history(x)[-1].note or "")


def test_cli_amend_with_a_stale_base_version_reports_a_conflict(cli, slow_sandbox, first_desk):
    d1, e1, file = first_desk
    [x] = file(1)
    r = cli("login", "--platform", slow_sandbox.url, "--user", "aa@demo", "--password-stdin",
            input="demo123\n")
    assert r.returncode == 0, r.stderr
    assert cli("sync").returncode == 0
    theirs = d1.get(x)
    theirs.remarks = "另一台设备的修改"
    e1.filing().amend(x, theirs)
    assert e1.sync().applied == 1
    assert cli("sync").returncode == 0        # this desk now holds version 2
    path = first_desk[0].paths.db.parent / "amend.json"
    path.write_text(d1.export_json(x), encoding="utf-8")
    r = cli("amend", x, "--file", str(path), "--base-version", "1")
    assert r.returncode == 1
    assert "版本 2" in r.stdout + r.stderr
