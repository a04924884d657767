"""The one bridge between the Qt-free core and the GUI thread.

* :class:`TaskRunner` runs a core call (``client.services`` …) on a ``QThreadPool`` and
  delivers its result or its exception back on the GUI thread. Pass ids and plain
  dataclasses in and out, never live database objects.
* :class:`Progress` is a callable the core can call from any thread
  (``progress(done, total, message)``); it re-emits the call as a Qt signal, queued to the
  GUI thread. It also carries a cancel flag that the core polls (``progress.cancelled()``).
* :class:`FakeThreadPool` runs everything synchronously: tests swap it in so that UI
  tests are deterministic (as MusicBrainz Picard does).

Errors: a :class:`client.errors.DeskError` is an environment/input problem the user can act
on and is handed to ``on_error``; anything else is a bug, logged with its traceback and
then handed to ``on_error`` as well, so the caller shows ``client.errors.describe(exc, lang)``.
"""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from client.errors import DeskError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a worker arrive queued."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, relay: _Relay):
        super().__init__()
        self.fn, self.args, self.kwargs, self.relay = fn, args, kwargs, relay
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(*self.args, **self.kwargs)
        except DeskError as exc:
            self.relay.failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 - a bug: log it, still tell the caller
            log.error("background task %s failed:\n%s", getattr(self.fn, "__qualname__", self.fn),
                      traceback.format_exc())
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class FakeThreadPool:
    """A stand-in for ``QThreadPool`` that runs each job at once, on the calling thread."""

    def start(self, runnable: QRunnable, priority: int = 0) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt naming
        return True

    def activeThreadCount(self) -> int:  # noqa: N802
        return 0


class TaskRunner(QObject):
    """Runs callables off the GUI thread and calls back on it.

    Signals:
        busy_changed(bool): True when the first task starts, False when the last ends
            (drives a busy indicator).
    """

    busy_changed = Signal(bool)

    def __init__(self, pool: QThreadPool | FakeThreadPool | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.pool = pool if pool is not None else QThreadPool.globalInstance()
        self._running = 0
        self._relays: set[_Relay] = set()
        self._serial_lock = threading.Lock()

    def run(self, fn: Callable[..., Any], *args: Any,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        """Run ``fn(*args, **kwargs)`` on the pool; ``on_done(result)`` / ``on_error(exc)``
        are called on the GUI thread."""
        relay = _Relay()
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            self._running -= 1
            if self._running == 0:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                finish()

        def failed(exc: BaseException) -> None:
            try:
                if on_error is not None:
                    on_error(exc)
                elif not isinstance(exc, DeskError):
                    log.error("unhandled background error: %r", exc)
            finally:
                finish()

        relay.done.connect(done)
        relay.failed.connect(failed)
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Job(fn, args, kwargs, relay))

    def run_serial(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> None:
        """Like :meth:`run`, but jobs started this way never overlap (e.g. sync runs)."""
        lock = self._serial_lock

        def guarded(*a: Any, **k: Any) -> Any:
            with lock:
                return fn(*a, **k)
        self.run(guarded, *args, **kw)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (for shutdown and tests)."""
        return self.pool.waitForDone(msecs)


class Progress(QObject):
    """A thread-safe progress callback for the core, re-emitted as a GUI-thread signal.

    Call it from any thread: ``progress(done, total, message)``. The GUI sets
    :meth:`cancel`; the core polls :meth:`cancelled` between items.

    Signals:
        changed(int, int, str): done, total, message.
    """

    changed = Signal(int, int, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int, message: str = "") -> None:
        self.changed.emit(int(done), int(total), str(message))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()
