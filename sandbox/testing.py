"""Starting a sandbox from tests and tools.

Two ways, both on 127.0.0.1 and a free port, both waiting until ``/health`` answers:

* :func:`run_sandbox` — in this process, uvicorn in a background thread (fast, shares
  nothing with the caller but the Python process)::

      with run_sandbox(tmp_path / "platform", time_scale=1e6) as sb:
          requests.get(sb + "/health")          # sb is the base URL (a str)
          sb.admin("POST", "/admin/cursors:expire")

* :func:`start_sandbox_process` — a real ``python -m sandbox`` subprocess, for tests that
  kill and restart the platform::

      proc = start_sandbox_process(tmp_path / "platform", time_scale=1000)
      try: ... proc.url ...
      finally: proc.stop()     # proc.kill() for a hard kill

The handle is a ``str`` (the base URL) with extras: ``url``, ``admin_token``,
``admin(method, path, json=None)``, ``login(username, password="demo123")`` → a
:class:`ClientSession` (``requests.Session`` with the protocol headers and bearer token).
"""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import requests

from .seed import DEMO_PASSWORD
from .settings import ENV_ADMIN_TOKEN

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ADMIN_TOKEN = "sandbox-admin"
CLIENT_VERSION = "1.0.0"


class ClientSession(requests.Session):
    """A ``requests.Session`` speaking the protocol: base URL, headers, bearer token."""

    def __init__(self, base_url: str, device_id: str = "test-device",
                 client_version: str = CLIENT_VERSION):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.headers.update({"X-Client-Version": client_version, "X-Device-Id": device_id})
        self.login_body: dict | None = None

    def request(self, method, url, *args, **kwargs):  # type: ignore[override]
        if url.startswith("/"):
            url = self.base_url + url
        kwargs.setdefault("timeout", 60)
        return super().request(method, url, *args, **kwargs)

    def login(self, username: str, password: str = DEMO_PASSWORD) -> dict:
        r = self.post("/v1/sessions", json={"username": username, "password": password})
        r.raise_for_status()
        body = r.json()
        self.login_body = body
        self.headers["Authorization"] = f"Bearer {body['access_token']}"
        return body


class SandboxHandle(str):
    """The base URL of a running sandbox, with helpers."""

    url: str
    admin_token: str | None
    data_dir: Path

    def __new__(cls, url: str, admin_token: str | None, data_dir: Path):
        obj = super().__new__(cls, url)
        obj.url = url
        obj.admin_token = admin_token
        obj.data_dir = Path(data_dir)
        return obj

    def admin(self, method: str, path: str, json: Any = None, **kw) -> requests.Response:
        headers = {"X-Admin-Token": self.admin_token or ""}
        return requests.request(method, self.url + path, json=json, headers=headers,
                                timeout=60, **kw)

    def session(self, device_id: str = "test-device",
                client_version: str = CLIENT_VERSION) -> ClientSession:
        return ClientSession(self.url, device_id, client_version)

    def login(self, username: str, password: str = DEMO_PASSWORD,
              device_id: str = "test-device") -> ClientSession:
        s = self.session(device_id)
        s.login(username, password)
        return s


def wait_until_up(url: str, timeout: float = 30.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"sandbox process exited with {proc.returncode}")
        try:
            if requests.get(url + "/health", timeout=2).status_code == 200:
                return
        except requests.RequestException as exc:
            last = exc
        time.sleep(0.05)
    raise TimeoutError(f"sandbox at {url} did not answer within {timeout}s: {last}")


@contextlib.contextmanager
def run_sandbox(data_dir: str | os.PathLike, *, port: int = 0, time_scale: float = 1000.0,
                admin_token: str | None = DEFAULT_ADMIN_TOKEN, **settings: Any
                ) -> Iterator[SandboxHandle]:
    """A sandbox served from a background thread of this process, stopped on exit.

    Extra keyword arguments go to :class:`sandbox.settings.Settings` (``token_ttl``,
    ``lease_ttl``, ``lease_grace``, ``min_client_version``, ``require_attachments``, ...).
    """
    from .server import bind, make_server
    from .settings import Settings

    cfg = Settings(data_dir=Path(data_dir), time_scale=time_scale, admin_token=admin_token,
                   **settings)
    sock = bind("127.0.0.1", port)
    actual = sock.getsockname()[1]
    server = make_server(cfg, log_level="warning")
    errors: list[BaseException] = []

    def target() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # noqa: BLE001 - reported to the caller below
            errors.append(exc)

    thread = threading.Thread(target=target, name=f"sandbox-{actual}", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{actual}"
    try:
        wait_until_up(url)
        yield SandboxHandle(url, admin_token, Path(data_dir))
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
    if errors:
        raise RuntimeError("sandbox server thread failed") from errors[0]


class SandboxProcess:
    """A ``python -m sandbox`` subprocess."""

    def __init__(self, proc: subprocess.Popen, url: str, admin_token: str | None,
                 data_dir: Path, log_path: Path):
        self.proc = proc
        self.url = url
        self.handle = SandboxHandle(url, admin_token, data_dir)
        self.admin_token = admin_token
        self.data_dir = data_dir
        self.log_path = log_path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self, timeout: float = 10) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def __enter__(self) -> "SandboxProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_sandbox_process(data_dir: str | os.PathLike, *, port: int = 0,
                          time_scale: float = 1000.0,
                          admin_token: str | None = DEFAULT_ADMIN_TOKEN,
                          extra_args: list[str] | None = None, timeout: float = 30.0,
                          python: str | None = None) -> SandboxProcess:
    """Start ``python -m sandbox`` on 127.0.0.1 (``port=0``: a free port) and wait for it.

    ``extra_args`` are more command-line flags (``["--token-ttl", "2"]``). The process's
    output goes to ``<data_dir>/sandbox.log``. Restarting on the same ``data_dir`` keeps
    everything (the database is a file there); pass the old ``port`` to keep the URL.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    port_file = data_dir / f"sandbox.port.{os.getpid()}.{time.monotonic_ns()}"
    log_path = data_dir / "sandbox.log"
    cmd = [python or sys.executable, "-m", "sandbox", "--host", "127.0.0.1", "--port",
           str(port), "--data-dir", str(data_dir), "--time-scale", repr(float(time_scale)),
           "--port-file", str(port_file), "--log-level", "warning"] + list(extra_args or [])
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + env["PYTHONPATH"]
                                          if env.get("PYTHONPATH") else "")
    env.pop(ENV_ADMIN_TOKEN, None)
    if admin_token:
        env[ENV_ADMIN_TOKEN] = admin_token  # by environment: the command line shows in `ps`
    log = open(log_path, "ab")
    try:
        proc = subprocess.Popen(cmd, cwd=str(REPO_ROOT), env=env, stdout=log,
                                stderr=subprocess.STDOUT)
    finally:
        log.close()
    deadline = time.monotonic() + timeout
    while not port_file.exists():
        if proc.poll() is not None:
            raise RuntimeError(f"sandbox exited with {proc.returncode}; see {log_path}:\n"
                               + log_path.read_text("utf-8", "replace")[-3000:])
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait(10)
            raise TimeoutError(f"sandbox did not start within {timeout}s; see {log_path}")
        time.sleep(0.05)
    actual = int(port_file.read_text("utf-8"))
    port_file.unlink(missing_ok=True)
    url = f"http://127.0.0.1:{actual}"
    try:
        wait_until_up(url, max(1.0, deadline - time.monotonic()), proc)
    except BaseException:
        proc.kill()
        proc.wait(10)
        raise
    return SandboxProcess(proc, url, admin_token, data_dir, log_path)
