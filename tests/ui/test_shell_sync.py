"""Background sync as the window shows it: offline is a state, releases become notices."""
from __future__ import annotations

import socket


from client.errors import AuthError
from client.store import kv
from test_shell_support import fill, set_status
from test_shell_support import desk, window  # noqa: F401 - fixtures


class MemoryKeyring:
    """A keyring backend holding secrets in memory (tests only)."""

    priority = 1

    def __init__(self):
        self.secrets = {}

    def get_password(self, service, user):
        return self.secrets.get((service, user))

    def set_password(self, service, user, secret):
        self.secrets[(service, user)] = secret

    def delete_password(self, service, user):
        self.secrets.pop((service, user), None)


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _offline_engine(desk):
    from client.credentials import CredentialStore
    from client.sync.engine import SyncEngine
    from client.sync.http import RetryPolicy
    url = f"http://127.0.0.1:{_closed_port()}"
    ring = MemoryKeyring()
    creds = CredentialStore(ring)
    with desk.db.write() as conn:
        kv.put(conn, "platform_url", url)
        kv.put(conn, "username", "aa@demo")
    creds.save_refresh_token(url, "aa@demo", "refresh-token")
    return SyncEngine(desk, creds, retry=RetryPolicy(attempts=1, base=0.0, cap=0.0),
                      timeout=(0.5, 0.5))


def test_not_logged_in_shows_offline_work(window):
    window.sync.sync_now()
    ind = window.header.sync
    assert ind.mode == "offline"
    assert "离线工作" in ind.text()


def test_unreachable_platform_shows_offline_not_an_error(qtbot, window, desk):
    from PySide6.QtWidgets import QApplication, QMessageBox
    window.sync.set_engine(_offline_engine(desk))  # logs in → first sync runs now
    ind = window.header.sync
    assert window.sync.state.online is False and not window.sync.state.running
    assert ind.mode == "offline"
    assert "离线" in ind.text()
    assert "无法连接平台" in ind.toolTip()
    assert window.sync.state.last_error is None  # offline is a state, not a failure
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]


def test_outbox_size_is_shown(qtbot, window, desk):
    from client.store import schema as s
    ids = fill(desk, 2)
    with desk.db.write() as conn:
        for n, decl_id in enumerate(ids):
            conn.execute(s.outbox.insert().values(mutation_id=f"m{n}", seq=n, declaration_id=decl_id,
                                                  kind="submit", state="pending",
                                                  created_at="2026-11-26T00:00:00Z"))
    window.sync.set_engine(_offline_engine(desk))
    assert window.sync.state.outbox == 2
    assert "待发送 2" in window.header.sync.text()


class FakeEngine:
    """Stands in for the platform: each sync applies the receipts it was given."""

    def __init__(self, desk, receipts=(), error=None):
        self.desk, self.receipts, self.error = desk, list(receipts), error

    def sync(self, progress=None, cancel=None):
        from client.store import declarations as decl_q
        from client.sync.summary import StatusChange, SyncSummary
        if self.error:
            raise self.error
        summary = SyncSummary()
        with self.desk.db.write() as conn:
            for decl_id, status, note in self.receipts:
                decl_q.set_status(conn, decl_id, status, note=note, source="platform",
                                  receipt=True)
                summary.status_changes.append(StatusChange(decl_id, None, "sent", status, note))
        self.receipts = []
        return summary


def test_release_and_rejection_become_notices_and_refresh_the_list(qtbot, window, desk):
    ids = fill(desk, 3)
    set_status(desk, ids, "sent", source="local")
    window.ctx.events.declarations_changed.emit([])
    window.sync.start()  # learns the history watermark: old receipts are not announced
    notices = []
    window.notifier.notified.connect(lambda t, m: notices.append((t, m)))
    number = desk.summary(ids[0]).inspection_no
    window.sync.set_engine(FakeEngine(desk, [(ids[0], "released", None),
                                             (ids[1], "rejected", "缺少原产地证明")]))
    assert ("已放行", f"报检单 {number} 已放行") in notices
    assert any(t == "退回" and "缺少原产地证明" in m for t, m in notices)
    assert window.nav.model.count_of("released") == 1
    assert window.nav.model.count_of("rejected") == 1
    assert window.header.sync.mode == "online"
    assert window.notifier.toast.isVisible()  # no tray offscreen: the in-window toast
    notices.clear()
    window.sync.sync_now()  # nothing new: nothing announced again
    assert notices == []


def test_refused_login_is_shown_as_a_sync_error(qtbot, window, desk):
    window.sync.set_engine(FakeEngine(desk, error=AuthError("登录已过期，请重新登录", "log in again")))
    assert window.header.sync.mode == "error"
    assert "登录已过期" in window.header.sync.toolTip()


def test_f5_runs_one_sync_at_a_time(qtbot, window, desk):
    calls = []

    class Counting(FakeEngine):
        def sync(self, progress=None, cancel=None):
            calls.append(1)
            return super().sync(progress, cancel)
    window.sync.set_engine(Counting(desk))
    assert len(calls) == 1
    window.actions_.sync.trigger()
    assert len(calls) == 2


def test_login_menu_opens_the_login_dialog(qtbot, window):
    from ui.first_run import FirstRunDialog
    window.actions_.login.trigger()
    dlg = window._login_dialog
    assert isinstance(dlg, FirstRunDialog) and dlg.isVisible()
    dlg.close()


def test_many_releases_in_one_sync_are_one_notice(qtbot, window, desk):
    ids = fill(desk, 6)
    set_status(desk, ids, "sent", source="local")
    window.sync.start()
    notices = []
    window.notifier.notified.connect(lambda t, m: notices.append((t, m)))
    window.sync.set_engine(FakeEngine(desk, [(i, "released", None) for i in ids[:5]]
                                      + [(ids[5], "rejected", "证单不全")]))
    released = [m for t, m in notices if t == "已放行"]
    assert len(released) == 1 and released[0].startswith("5 份报检单已放行：")
    first = desk.summary(ids[0]).inspection_no
    assert first in released[0]
    assert [t for t, _ in notices].count("退回") == 1  # rejections still one by one
    assert window.nav.model.count_of("released") == 5
