"""The first-run dialog wired to the real sync engine, logging in to a real sandbox."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sandbox.pytest_fixtures import sandbox, sandbox_factory  # noqa: F401
from ui.first_run import FirstRunDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.sandbox


@pytest.fixture
def engine(data_dir, tmp_path):
    from keyrings.alt.file import PlaintextKeyring

    from client.credentials import CredentialStore
    from client.services import Desk
    from client.sync.engine import SyncEngine
    from client.sync.http import RetryPolicy

    ring = PlaintextKeyring()
    (tmp_path / "keyring").mkdir()
    ring.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    desk = Desk.open(data_dir)
    eng = SyncEngine(desk, CredentialStore(ring), retry=RetryPolicy(attempts=2, base=0.01,
                                                                    cap=0.05),
                     timeout=(2.0, 30.0))
    yield eng
    eng.close()
    desk.close()


def _dialog(qtbot, engine):
    runner = TaskRunner()  # the real thread pool: the login runs off the GUI thread
    dlg = FirstRunDialog(engine.login, runner,
                         security_text=engine.credentials.security_text("zh"),
                         security_level=engine.credentials.security())
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg, runner


def test_pack_first_run_logs_in_to_the_sandbox(qtbot, engine, sandbox):  # noqa: F811
    dlg, runner = _dialog(qtbot, engine)
    dlg.url_edit.setText(str(sandbox.url))
    dlg.user_edit.setText("a@demo")
    dlg.password_edit.setText("demo123")
    with qtbot.waitSignal(dlg.logged_in, timeout=30000):
        qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    runner.wait()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert engine.account() == (str(sandbox.url).rstrip("/"), "a@demo")
    assert "明文" in dlg.security_label.text()


def test_pack_first_run_wrong_password_from_the_sandbox(qtbot, engine, sandbox):  # noqa: F811
    dlg, runner = _dialog(qtbot, engine)
    dlg.url_edit.setText(str(sandbox.url))
    dlg.user_edit.setText("a@demo")
    dlg.password_edit.setText("not-the-password")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.is_busy(), timeout=30000)
    runner.wait()
    assert dlg.isVisible() and dlg.error_label.isVisible()
    assert "用户名或密码错误" in dlg.error_label.text()
    assert dlg.password_edit.text() == ""
    assert engine.account() == (None, None)
