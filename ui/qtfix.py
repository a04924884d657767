"""One workaround for PySide6 6.12.0 on CPython 3.11, applied once when ``ui`` is imported.

Every Qt call returning ``void`` drops one reference to ``None`` (measured: 100
``QPainter.drawRect`` calls lower ``sys.getrefcount(None)`` by 100), and every
``Signal.emit()`` from Python drops one to ``True`` (200 ``dataChanged.emit`` calls lower
``sys.getrefcount(True)`` by 200). An app painting and editing all day would reach zero and
abort with "none_dealloc" / "bool_dealloc". These objects are immortal from CPython 3.12 on;
before that we raise their counts once by 2**40 so the leak can never reach zero.
"""
from __future__ import annotations

import sys


def pin_immortals() -> None:
    """Raise the reference counts of ``None``, ``True`` and ``False`` once (idempotent)."""
    if sys.version_info >= (3, 12) or getattr(sys, "_ciqdesk_immortals_pinned", False):
        return
    import ctypes
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    sys._ciqdesk_immortals_pinned = True  # type: ignore[attr-defined]
