"""Progress reporting and cancelling for long interchange and batch jobs.

A job takes ``progress(done, total, message)`` and ``cancel() -> bool``, both optional; it
calls :class:`Ticker` every item and the ticker reports (and checks for a cancel) every
``every`` items, so a UI progress bar costs nothing measurable.
"""
from __future__ import annotations

from typing import Callable, Optional

from ..errors import DeskError

ProgressFn = Optional[Callable[[int, int, str], None]]
CancelFn = Optional[Callable[[], bool]]


class Cancelled(DeskError):
    """The user cancelled a long job; whatever was already committed stays consistent."""

    exit_code = 130

    def __init__(self, message_zh: str = "已取消", message_en: str = "cancelled"):
        super().__init__(message_zh, message_en)


class Ticker:
    """Throttled progress + cancel checks for a loop over ``total`` items."""

    def __init__(self, progress: ProgressFn, cancel: CancelFn, total: int, message: str,
                 every: int = 250):
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.message = message
        self.every = max(1, every)

    def __call__(self, done: int, *, force: bool = False) -> None:
        if not force and done % self.every:
            return
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        if self.progress is not None:
            self.progress(done, self.total, self.message)

    def finish(self, done: int | None = None) -> None:
        if self.progress is not None:
            self.progress(self.total if done is None else done, self.total, self.message)
