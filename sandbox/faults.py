"""Fault injection: ``POST /admin/faults`` / ``DELETE /admin/faults`` and the lookup the
``/v1/`` middleware makes on every request (:meth:`FaultsMixin.take_fault`).

A fault answers the next ``count`` matching requests with an error status (``Retry-After``
when set), before the request is processed or after it (a lost response), optionally after
a delay (PROTOCOL.md "Admin"). Faults live in memory only. A part of
:class:`sandbox.platform.Platform`, which sets up ``self._faults`` and ``self._faults_lock``.
"""
from __future__ import annotations

from .protocol import ApiError


class FaultsMixin:
    """Injected faults (uses ``self._faults`` and ``self._faults_lock`` of the platform)."""

    def add_fault(self, spec: dict) -> dict:
        status = spec.get("status", 503)
        count = spec.get("count", 1)
        when = spec.get("when", "before")
        if not isinstance(status, int) or not (400 <= status <= 599):
            raise ApiError(400, "invalid_request", "status must be an HTTP error status")
        if not isinstance(count, int) or count < 1:
            raise ApiError(400, "invalid_request", "count must be >= 1")
        if when not in ("before", "after"):
            raise ApiError(400, "invalid_request", "when must be before or after")
        fault = {"status": status, "count": count, "when": when,
                 "retry_after": spec.get("retry_after"), "path": spec.get("path") or "/v1/",
                 "method": (spec.get("method") or "").upper() or None,
                 "delay": float(spec.get("delay") or 0)}
        with self._faults_lock:
            self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._faults_lock:
            self._faults.clear()

    def take_fault(self, method: str, path: str) -> dict | None:
        with self._faults_lock:
            for f in self._faults:
                if path.startswith(f["path"]) and (f["method"] is None or f["method"] == method):
                    f["count"] -= 1
                    if f["count"] <= 0:
                        self._faults.remove(f)
                    return dict(f)
        return None
