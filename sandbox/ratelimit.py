"""Failed-login counting: after too many failures in a window, logins answer 429.

:class:`LoginLimiter` keeps, per key (``user:<name>`` and ``addr:<ip>``), the times of
recent failed logins in memory. A key with ``limit`` failures inside ``window`` seconds
is locked until the oldest of them leaves the window; while locked even the right
password is refused (that is what stops guessing). Successful logins are never counted,
so tests and benchmarks that log in often are not affected. Limits come from
:class:`sandbox.settings.Settings` (``login_failures_per_user``,
``login_failures_per_address``, ``login_window``).
"""
from __future__ import annotations

import math
import threading
from collections import deque


class LoginLimiter:
    """Sliding-window failure counts per user and per client address."""

    def __init__(self, per_user: int, per_address: int, window: float):
        self.per_user = per_user
        self.per_address = per_address
        self.window = window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _limits(self, username: str, address: str | None):
        yield "user:" + username, self.per_user
        if address:
            yield "addr:" + address, self.per_address

    def retry_after(self, username: str, address: str | None, now: float) -> int | None:
        """Seconds until a login for ``username`` from ``address`` is allowed, or None."""
        wait = 0.0
        with self._lock:
            for key, limit in self._limits(username, address):
                q = self._fails.get(key)
                if not q or limit <= 0:
                    continue
                while q and q[0] <= now - self.window:
                    q.popleft()
                if len(q) >= limit:
                    wait = max(wait, q[len(q) - limit] + self.window - now)
        return max(1, math.ceil(wait)) if wait > 0 else None

    def failed(self, username: str, address: str | None, now: float) -> None:
        with self._lock:
            for key, _limit in self._limits(username, address):
                self._fails.setdefault(key, deque()).append(now)
            if len(self._fails) > 100_000:  # forget idle keys rather than grow forever
                cutoff = now - self.window
                for k in [k for k, q in self._fails.items() if not q or q[-1] <= cutoff]:
                    del self._fails[k]
