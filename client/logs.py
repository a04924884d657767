"""Logging: named module loggers into a rotating file in the profile's ``logs/``."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: Path | None = None


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Send all ``client``/``ui``/``sandbox`` logs to ``logs_dir/ciqdesk.log`` (5 × 2 MB)."""
    global _configured
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / "ciqdesk.log"
    if _configured == path:
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
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
