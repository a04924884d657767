"""The local sandbox platform as a child process of the app (试用沙箱 and ``--demo``).

:class:`SandboxChild` is the one owner of that process: it picks a free loopback port,
keeps the sandbox's data in the profile (``<profile>/<name>``), logs to
``<profile>/logs/<name>.log``, waits until it answers and stops it when the app quits
(``stop()``; the app calls :func:`stop_children` on exit). From source it runs
``python -m sandbox``; the frozen app runs itself with ``--sandbox`` (see ``main.py``).

Nothing here needs Qt; it is in ``ui`` because only the desktop starts sandboxes.
"""
from __future__ import annotations

import logging
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from client.errors import OfflineError

if TYPE_CHECKING:
    from .context import AppContext

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
DEMO_USER = "aa@demo"
DEMO_PASSWORD = "demo123"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def sandbox_command() -> list[str]:
    """How to start the sandbox from this program (source tree or frozen bundle)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--sandbox"]
    return [sys.executable, "-m", "sandbox"]


def wait_listening(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise OfflineError("本机沙箱未能启动（详见日志 sandbox 文件）",
                               "the local sandbox did not start (see its log)")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise OfflineError("本机沙箱启动超时", "the local sandbox did not start in time")


class SandboxChild:
    """One sandbox subprocess on 127.0.0.1 with its data in the profile."""

    def __init__(self, profile, name: str = "sandbox", time_scale: float = 60.0):
        self.profile = profile  # client.paths profile (data_dir, logs)
        self.name = name
        self.time_scale = time_scale
        self.proc: subprocess.Popen | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> subprocess.Popen:
        """Start the process (returns at once; :meth:`wait` waits until it answers)."""
        if self.running():
            return self.proc
        data = Path(self.profile.data_dir) / self.name
        data.mkdir(parents=True, exist_ok=True)
        self.port = _reuse_port(data / "port.txt")  # the saved login's address stays valid
        (data / "port.txt").write_text(str(self.port), encoding="ascii")
        logs = Path(self.profile.logs)
        logs.mkdir(parents=True, exist_ok=True)
        with open(logs / f"{self.name}.log", "ab") as logfile:
            self.proc = subprocess.Popen(
                sandbox_command() + ["--host", "127.0.0.1", "--port", str(self.port),
                                     "--data-dir", str(data), "--time-scale",
                                     str(self.time_scale), "--log-level", "warning"],
                cwd=str(REPO), stdout=logfile, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL)
        log.info("sandbox %s pid %s on port %s", self.name, self.proc.pid, self.port)
        return self.proc

    def wait(self, timeout: float = 30.0) -> str:
        """Block until the sandbox answers (worker thread); returns its URL."""
        if self.proc is None:
            raise OfflineError("本机沙箱未启动", "the local sandbox is not running")
        wait_listening(self.port, self.proc, timeout)
        return self.url

    def start_and_wait(self, timeout: float = 30.0) -> str:
        self.start()
        return self.wait(timeout)

    def stop(self) -> None:
        """Stop the sandbox process (called when the app quits)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None


def _reuse_port(saved: Path) -> int:
    """The port used last time when it is free again, else any free port."""
    try:
        port = int(saved.read_text(encoding="ascii").strip())
        with socket.socket() as s:
            if sys.platform != "win32":  # as the server binds it: TIME_WAIT is no obstacle
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", port))
        return port
    except (OSError, ValueError):
        return free_port()


def resume_trial(profile, url: str | None) -> SandboxChild | None:
    """At start-up (worker thread): if the saved login is the 试用沙箱 one, start it again
    and return it (running on the saved address), else ``None``."""
    saved = Path(profile.data_dir) / "sandbox" / "port.txt"
    try:
        port = int(saved.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return False
    if not url or url.rstrip("/") != f"http://127.0.0.1:{port}":
        return None
    child = SandboxChild(profile)
    try:
        child.start_and_wait()
    except OfflineError as exc:
        log.warning("trial sandbox did not start again: %s", exc.message_en)
        child.stop()
        return None
    if child.url != url.rstrip("/"):
        child.stop()
        return None
    return child


def stop_children(ctx: AppContext) -> None:
    """Stop every sandbox the app started (试用沙箱's ``ctx.trial``, the demo's)."""
    for key, child in (("trial", ctx.trial), ("demo", ctx.demo)):
        if child is not None:
            try:
                child.stop()
            except Exception:  # noqa: BLE001 - quitting must go on
                log.exception("cannot stop %s", key)
