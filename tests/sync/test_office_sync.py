"""Two desks of an office syncing one PostgreSQL store (issue 16)."""
from __future__ import annotations

import os
import threading

import pytest

from sync_helpers import add_drafts, local_rows, platform_view

pytestmark = pytest.mark.sandbox


def test_two_desks_syncing_at_once_push_once_and_the_other_hears_the_receipts(
        desk, make_engine, sandbox, tmp_path, store_dialect):
    if store_dialect != "postgresql":
        pytest.skip("the office store's sync lock and notices are PostgreSQL's")
    from client.services import Desk
    from client.store.office import ChangeListener
    other = Desk.open(tmp_path / "second-desk")
    listener = ChangeListener(os.environ["CIQDESK_STORE_URL"])
    try:
        e1, e2 = make_engine(desk), make_engine(other)
        ent = e1.login(sandbox.url, "aa@demo", "demo123")
        e2.login(sandbox.url, "aa@demo", "demo123")
        ids = add_drafts(desk, ent, 6)
        e1.top_up()
        finalised = e1.filing().finalise(ids).finalised
        assert len(finalised) == 6
        while listener.wait(timeout=0.2) is not None:
            pass  # the notices of our own saves
        # desk 1 pushes; desk 2 pulls the receipts; desk 1 hears of them (LISTEN, no
        # polling) and its list shows them
        e1.push()
        while listener.wait(timeout=0.2) is not None:
            pass  # the notices of the push results
        heard: set[str] = set()
        pulled = 0
        for _ in range(30):
            pulled += e2.pull().receipts
            while (got := listener.wait(timeout=0.3)) is not None:
                heard |= set(got)
            if pulled and heard:
                break
        assert pulled > 0
        assert heard and heard <= set(ids)
        view = platform_view(sandbox, "aa@demo")
        rows = local_rows(desk)
        assert all(rows[i][0] == view[i]["status"] for i in heard)
        # both desks sync at once: the lock makes them take turns; each mutation went once
        more = add_drafts(desk, ent, 4)
        e1.top_up()
        assert len(e1.filing().finalise(more).finalised) == 4
        errors: list[BaseException] = []

        def run(e):
            try:
                e.sync()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
        threads = [threading.Thread(target=run, args=(e,)) for e in (e1, e2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors
        from client.store import schema as s
        with desk.db.read() as conn:
            states = [r.state for r in conn.execute(s.outbox.select())]
        assert sorted(states) == ["applied"] * 10
        view = platform_view(sandbox, "aa@demo")
        assert set(ids) | set(more) <= set(view)
    finally:
        listener.close()
        other.close()
