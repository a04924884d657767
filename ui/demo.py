"""``main.py --demo``: a full declaration life cycle against a local sandbox, in a minute.

:class:`DemoController` starts the sandbox platform in a subprocess (``python -m sandbox``
on a free port, its data in ``<profile>/demo-sandbox``, time running 600× faster), logs in
as the AA-grade demo enterprise through the real sync engine, files a few sample
declarations (finalised offline-style with leased numbers) and syncs every few seconds, so
the list, the counts, the timeline and the release notices move on their own.
The login token is kept in memory only (never in the OS keyring).
"""
from __future__ import annotations

import logging
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
DEMO_USER = "aa@demo"
DEMO_PASSWORD = "demo123"
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


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_listening(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    from client.errors import OfflineError
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise OfflineError("演示沙箱未能启动（详见日志）", "the demo sandbox did not start")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise OfflineError("演示沙箱启动超时", "the demo sandbox did not start in time")


def bootstrap(desk, url: str, port: int, proc: subprocess.Popen, n: int = 6):
    """Log in, file ``n`` sample declarations and finalise them (on the task runner)."""
    from client.credentials import CredentialStore
    from client.model import Party
    from client.rules.sample import sample_declaration
    from client.store import declarations as decl_q
    from client.sync.engine import SyncEngine

    wait_listening(port, proc)
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
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        data = self.ctx.desk.paths.data_dir / "demo-sandbox"
        data.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        logfile = open(self.ctx.desk.paths.logs / "demo-sandbox.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sandbox", "--host", "127.0.0.1", "--port", str(self.port),
             "--data-dir", str(data), "--time-scale", "600", "--log-level", "warning"],
            cwd=str(REPO), stdout=logfile, stderr=subprocess.STDOUT)
        logfile.close()
        log.info("demo sandbox pid %s on port %s", self.proc.pid, self.port)
        self.window.info(self.tr("演示模式：正在启动本机沙箱平台并登录 {u}…").format(u=DEMO_USER), 15000)
        url = f"http://127.0.0.1:{self.port}"
        self.ctx.runner.run(bootstrap, self.ctx.desk, url, self.port, self.proc,
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
        from client.errors import DeskError
        text = exc.message(self.ctx.lang) if isinstance(exc, DeskError) else repr(exc)
        log.error("demo failed: %s", text)
        self.window.show_error(exc)
        self.failed.emit(text)

    def stop(self) -> None:
        """Stop the sandbox subprocess (called when the app quits)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc = None
