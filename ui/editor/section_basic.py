"""基本信息: inspection type, clearance mode, bureaus, contract and trade details."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox

from client.model import Declaration

from .form import FormSection
from .widgets import PairsEdit, ShownField

_MODES = {"inbound": ("standard", "import_direct", "import_transfer"),
          "outbound": ("standard", "export_direct")}


class BasicSection(FormSection):
    """The header's general part. Emits ``edited(path)`` (see :class:`FormSection`)."""

    TITLE = QT_TRANSLATE_NOOP("EditorSections", "基本信息")

    def build(self) -> None:
        d = self.direction
        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "报检概况"))
        self.add(g, "inspection_type", self.picker(
            "inspection_types",
            accept=lambda e: e.row.get("direction") in (d, "both", "", None)))
        self.mode_combo = QComboBox()
        for mode in _MODES.get(d, _MODES["inbound"]):
            self.mode_combo.addItem(mode, mode)
        self.add(g, "clearance_mode", self.mode_combo)
        self.add(g, "trade_mode", self.picker("trade_modes"))
        self.add(g, "purpose", self.picker("purposes"))
        self.add(g, "trade_country", self.picker("countries"))
        self.add(g, "ecommerce", kind="check")
        self.add(g, "contract_no")
        self.add(g, "invoice_no")
        if d == "outbound":
            self.add(g, "lc_no")
        if d != "outbound":
            self.add(g, "foreign_investment", kind="check")

        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "企业资质与关联单证"))
        self.add(g, "enterprise_qualifications",
                 PairsEdit(Declaration, "enterprise_qualifications"), wide=True)
        self.add(g, "customs_decl_no")
        self.add(g, "clearance_doc_no", ShownField())
        self.bindings["customs_decl_no"].widget.setMaxLength(18)

        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "检验检疫机构"))
        for path in ("declare_bureau", "port_bureau", "inspect_bureau", "release_bureau"):
            self.add(g, path, self.picker("bureaus"))

        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "货物存放与标记"))
        self.add(g, "goods_location", wide=True)
        self.add(g, "marks", kind="multi", wide=True)
        self.add(g, "remarks", kind="multi", wide=True)

    def retranslateUi(self) -> None:  # noqa: N802
        super().retranslateUi()
        names = {"standard": self.tr("一般报检"), "import_direct": self.tr("进口直通"),
                 "export_direct": self.tr("出口直放"), "import_transfer": self.tr("进口转单")}
        for i in range(self.mode_combo.count()):
            self.mode_combo.setItemText(i, names.get(self.mode_combo.itemData(i), ""))
        self.bindings["ecommerce"].widget.setText(self.tr("适用跨境电商负面清单与商品备案规则"))
        if "foreign_investment" in self.bindings:
            self.bindings["foreign_investment"].widget.setText(self.tr("货物属于外商投资财产"))
