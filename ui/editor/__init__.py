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
