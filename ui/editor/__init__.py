"""The declaration editor: ``EditorWindow(ctx, decl_id=None, direction="inbound", parent=None)``.

One module per section (``section_basic`` 基本信息, ``section_parties`` 收发货人,
``section_transport`` 运输信息, ``section_goods`` 货物明细/集装箱, ``section_attachments``
随附单据, ``section_certificates`` 所需证单), the code pickers (``code_picker``), the goods
and containers table models (``goods_model``), the issues panel (``issues_panel``), the
path → widget map (``field_map``) and the life-cycle actions (``lifecycle``).
"""
from __future__ import annotations

from .window import EditorWindow

__all__ = ["EditorWindow"]

try:  # PySide6 6.12 on CPython 3.11 leaks references to None on void calls (see ui.printing)
    from ui.printing import pin_none_refcount as _pin

    _pin()
except ImportError:  # pragma: no cover - printing not built
    pass


def _pin_bools() -> None:
    """The same PySide6 6.12 / CPython 3.11 bug drops a reference to ``True`` on every
    ``Signal.emit()`` made from Python (measured: 200 ``dataChanged.emit`` calls lower
    ``sys.getrefcount(True)`` by 200); a long editing session would then abort with
    "bool_dealloc: deallocating True or False". ``True``/``False`` are immortal from
    CPython 3.12 on; before that, raise their counts once so the leak cannot reach zero.
    """
    import sys
    if sys.version_info >= (3, 12) or getattr(sys, "_ciqdesk_bools_pinned", False):
        return
    import ctypes
    for obj in (True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    sys._ciqdesk_bools_pinned = True


_pin_bools()
