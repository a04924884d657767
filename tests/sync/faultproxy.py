"""A small fault-injecting HTTP proxy for the sync reliability tests (real TCP on 127.0.0.1).

It sits between the client and the sandbox and handles one request per client connection
(it answers ``Connection: close``), so each request can be treated on its own:

* ``pass``     – forward unchanged;
* ``latency``  – wait ``seconds`` before forwarding;
* ``reset``    – reset the client's connection before forwarding (the server never sees it);
* ``drop``     – forward, let the server handle it, then reset the client's connection
  instead of answering (the response is lost after the work was done);
* ``status``   – answer ``status`` itself (503, 429 …) with an optional ``Retry-After``;
* ``garbage``  – forward, then replace the body with non-JSON bytes (status kept);
* ``rewrite``  – forward, then replace the body with ``fn(body_bytes) -> bytes``.

A fault's ``before`` callback runs when it is picked, before the answer (e.g. the admin
API moving a declaration while the snapshot request is held with a 503).
Faults are queued with :meth:`FaultProxy.add` (matched by method and path prefix, used
``count`` times) or drawn at random for every request with :meth:`FaultProxy.chaos`.
Every request seen is recorded in :attr:`FaultProxy.seen` as ``(method, path, headers,
action)``.
"""
from __future__ import annotations

import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Fault:
    action: str
    path: str = "/v1/"
    method: str | None = None
    count: int = 1
    seconds: float = 0.0
    status: int = 503
    retry_after: str | None = None
    fn: Callable[[bytes], bytes] | None = None
    #: called (on the proxy's thread) when the fault is picked, before it is answered:
    #: moves the platform on while the client's request is held
    before: Callable[[], None] | None = None


@dataclass
class Seen:
    method: str
    path: str
    headers: dict
    action: str
    body_len: int = 0


def _recv_until(sock: socket.socket, marker: bytes, buf: bytes) -> tuple[bytes, bytes] | None:
    while marker not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head, _, rest = buf.partition(marker)
    return head, rest


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), as a dying network or middlebox would."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


def _dechunk(body: bytes) -> bytes:
    out = b""
    while body:
        line, _, body = body.partition(b"\r\n")
        size = int(line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            break
        out += body[:size]
        body = body[size + 2:]
    return out


@dataclass
class FaultProxy:
    upstream_host: str
    upstream_port: int
    faults: list[Fault] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    chaos_rate: float = 0.0
    chaos_actions: tuple[str, ...] = ("reset", "drop", "status503", "status429", "latency")
    rng: random.Random = field(default_factory=lambda: random.Random(1))

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True, name="faultproxy")
        self._thread.start()

    # -- control ----------------------------------------------------------------------
    def add(self, action: str, path: str = "/v1/", method: str | None = None, count: int = 1,
            **kw) -> None:
        with self._lock:
            self.faults.append(Fault(action, path, method, count, **kw))

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()
            self.chaos_rate = 0.0

    def chaos(self, rate: float, seed: int = 1) -> None:
        """Give every ``/v1/`` request a ``rate`` chance of a random fault."""
        with self._lock:
            self.chaos_rate = rate
            self.rng = random.Random(seed)

    def close(self) -> None:
        self._stop = True
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        except OSError:
            pass
        self._sock.close()
        self._thread.join(timeout=5)

    def count(self, action: str, path: str = "") -> int:
        return sum(1 for s in self.seen if s.action == action and s.path.startswith(path))

    # -- serving --------------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            if self._stop:
                conn.close()
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _pick(self, method: str, path: str) -> Fault:
        with self._lock:
            for f in self.faults:
                if path.startswith(f.path) and (f.method is None or f.method == method):
                    f.count -= 1
                    if f.count <= 0:
                        self.faults.remove(f)
                    return f
            if self.chaos_rate and path.startswith("/v1/") and self.rng.random() < self.chaos_rate:
                a = self.rng.choice(self.chaos_actions)
                if a.startswith("status"):
                    return Fault("status", status=int(a[6:]), retry_after="0")
                return Fault(a, seconds=0.05)
        return Fault("pass")

    def _handle(self, client: socket.socket) -> None:
        try:
            client.settimeout(30)
            got = _recv_until(client, b"\r\n\r\n", b"")
            if got is None:
                client.close()
                return
            head, rest = got
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ver = lines[0].split(" ", 2)
            headers = {}
            for ln in lines[1:]:
                k, _, v = ln.partition(":")
                headers[k.strip().lower()] = v.strip()
            length = int(headers.get("content-length", "0") or 0)
            body = rest
            while len(body) < length:
                chunk = client.recv(65536)
                if not chunk:
                    break
                body += chunk
            path = target.split("?", 1)[0]
            fault = self._pick(method, path)
            with self._lock:
                self.seen.append(Seen(method, path, headers, fault.action, len(body)))
            if fault.before is not None:
                fault.before()
            if fault.action == "reset":
                _reset(client)
                return
            if fault.action == "status":
                extra = f"Retry-After: {fault.retry_after}\r\n" if fault.retry_after else ""
                payload = b'{"error":{"code":"proxy_fault","message":"injected by faultproxy"}}'
                client.sendall(f"HTTP/1.1 {fault.status} Fault\r\nContent-Type: application/json\r\n"
                               f"{extra}Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
                               .encode() + payload)
                client.close()
                return
            if fault.action == "latency":
                time.sleep(fault.seconds)
            # forward (one request, then the upstream closes)
            out_head = [lines[0]] + [ln for ln in lines[1:]
                                     if ln.split(":", 1)[0].strip().lower() != "connection"]
            out_head.append("Connection: close")
            up = socket.create_connection((self.upstream_host, self.upstream_port), timeout=60)
            up.sendall(("\r\n".join(out_head) + "\r\n\r\n").encode("latin-1") + body)
            resp = b""
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                resp += chunk
            up.close()
            if fault.action == "drop":
                _reset(client)
                return
            if fault.action in ("garbage", "rewrite"):
                rhead, _, rbody = resp.partition(b"\r\n\r\n")
                hl = rhead.decode("latin-1").split("\r\n")
                if any(x.lower().startswith("transfer-encoding: chunked") for x in hl):
                    rbody = _dechunk(rbody)
                new = b"<html>502 oops: upstream said \x00\xff</html>" if fault.action == "garbage" \
                    else fault.fn(rbody)  # type: ignore[misc]
                hl = [x for x in hl if not x.lower().startswith(("content-length", "transfer-encoding",
                                                                 "connection", "content-encoding"))]
                hl += [f"Content-Length: {len(new)}", "Connection: close"]
                resp = ("\r\n".join(hl) + "\r\n\r\n").encode("latin-1") + new
            client.sendall(resp)
            client.close()
        except OSError:
            try:
                client.close()
            except OSError:
                pass
