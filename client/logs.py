"""Logging: named module loggers into a rotating file in the profile's ``logs/``.

The log is private (file 0600, folder 0700 on POSIX) and logging can never break the
program: a log folder that cannot be created, a full disk or a read-only file make the
handler quiet (one short line on stderr the first time), never a traceback.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

_configured: Path | None = None


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created 0600 whose own failures are never printed as tracebacks."""

    failed = False

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if not QuietRotatingFileHandler.failed:
            QuietRotatingFileHandler.failed = True
            exc = sys.exc_info()[1]
            try:
                sys.stderr.write(f"CIQ Desk: 无法写入日志 / cannot write the log "
                                 f"{self.baseFilename}: {exc}\n")
            except Exception:  # noqa: BLE001 - stderr itself may be gone
                pass


def private_dir(path: Path) -> Path:
    """``mkdir -p`` with mode 0700 for what CIQ Desk creates (POSIX; no-op elsewhere)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Send all ``client``/``ui``/``sandbox`` logs to ``logs_dir/ciqdesk.log`` (5 × 2 MB)."""
    global _configured
    path = logs_dir / "ciqdesk.log"
    if _configured == path:
        return path
    try:
        private_dir(logs_dir)
    except OSError as exc:  # a read-only or missing profile: run without a log file
        sys.stderr.write(f"CIQ Desk: 无法创建日志目录 / cannot create the log folder "
                         f"{logs_dir}: {exc.strerror or exc}\n")
        _configured = path
        return path
    handler = QuietRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                       encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_ciqdesk", False):
            root.removeHandler(h)
            h.close()
    handler._ciqdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path
