"""``main.py --demo``: a full declaration life cycle against a local sandbox, in a minute.

:class:`DemoController` starts the sandbox platform in a subprocess
(:class:`ui.sandbox_child.SandboxChild`: a free port, its data in
``<profile>/demo-sandbox``, time running 600× faster), logs in
as the AA-grade demo enterprise through the real sync engine, files a few sample
declarations (finalised offline-style with leased numbers) and syncs every few seconds, so
the list, the counts, the timeline and the release notices move on their own.
The login token is kept in memory only (never in the OS keyring).
"""
from __future__ import annotations

import logging
import subprocess
import time
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from .sandbox_child import DEMO_PASSWORD, DEMO_USER, SandboxChild

log = logging.getLogger(__name__)

DEMO_INTERVAL_MS = 3000


class MemoryKeyring:
    """A keyring backend that keeps the demo's token in memory."""

    priority = 1

    def __init__(self):
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self._secrets.get((service, user))

    def set_password(self, service: str, user: str, secret: str) -> None:
        self._secrets[(service, user)] = secret

    def delete_password(self, service: str, user: str) -> None:
        self._secrets.pop((service, user), None)


def bootstrap(desk, child: SandboxChild, n: int = 6):
    """Log in, file ``n`` sample declarations and finalise them (on the task runner)."""
    from client.credentials import CredentialStore
    from client.model import Party
    from client.rules.sample import sample_declaration
    from client.store import declarations as decl_q
    from client.sync.engine import SyncEngine

    url = child.wait()
    engine = SyncEngine(desk, CredentialStore(MemoryKeyring()))
    ent = engine.login(url, DEMO_USER, DEMO_PASSWORD)
    me = Party(name_cn=ent.get("name_cn"), name_en=ent.get("name_en"),
               reg_no=ent.get("reg_no"), uscc=ent.get("uscc"))
    att = desk.paths.cache / "demo-contract.pdf"
    att.write_bytes(b"test")  # the sample's attachment is sha256(b"test")
    desk.store_attachment(att)
    decls = []
    for i in range(n):
        direction = "inbound" if i % 2 == 0 else "outbound"
        d = sample_declaration(direction, goods=1 + i % 3, seed=int(time.time()) % 10_000 + i)
        d.declarant = me
        if direction == "inbound":
            d.consignee = replace(me)
        else:
            d.consignor = replace(me)
        decls.append(d)
    with desk.db.write() as conn:
        decl_q.save_many(conn, decls, note="演示")
    engine.sync()  # takes number leases for the drafts' bureaus
    engine.filing().finalise([d.id for d in decls], skip_invalid=True)
    return engine


class DemoController(QObject):
    """Runs the demo sandbox and drives the window's sync bridge.

    Signals:
        ready(object): the logged-in sync engine, once the demo declarations are filed.
        failed(str): why the demo could not start.
    """

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx, window, parent: QObject | None = None):
        super().__init__(parent or window)
        self.ctx = ctx
        self.window = window
        self.child: SandboxChild | None = None
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        self.child = SandboxChild(self.ctx.desk.paths, "demo-sandbox", time_scale=600)
        self.proc = self.child.start()
        self.port = self.child.port
        self.window.info(self.tr("演示模式：正在启动本机沙箱平台并登录 {u}…").format(u=DEMO_USER), 15000)
        self.ctx.runner.run(bootstrap, self.ctx.desk, self.child,
                            on_done=self._ready, on_error=self._failed)

    def _ready(self, engine) -> None:
        bridge = self.window.sync
        bridge.timer.setInterval(DEMO_INTERVAL_MS)
        self.ctx.events.enterprise_changed.emit()
        self.ctx.events.declarations_changed.emit([])
        bridge.set_engine(engine)
        bridge.start()
        self.window.info(self.tr("演示模式：已提交演示报检单，每 3 秒同步一次，约一分钟内可看到放行。"),
                         20000)
        self.ready.emit(engine)

    def _failed(self, exc: BaseException) -> None:
        from client.errors import describe
        text = describe(exc, self.ctx.lang)
        log.error("demo failed: %s", text)
        self.window.show_error(exc)
        self.failed.emit(text)

    def stop(self) -> None:
        """Stop the sandbox subprocess (called when the app quits)."""
        if self.child is not None:
            self.child.stop()
        self.proc = None
