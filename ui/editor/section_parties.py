"""收发货人: the declarant, its declarer, consignee, consignor and an optional agent."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .form import FormSection

_PART = {"name_cn": QT_TRANSLATE_NOOP("PartiesSection", "中文名称"),
         "name_en": QT_TRANSLATE_NOOP("PartiesSection", "外文名称"),
         "reg_no": QT_TRANSLATE_NOOP("PartiesSection", "备案号"),
         "uscc": QT_TRANSLATE_NOOP("PartiesSection", "统一社会信用代码"),
         "name": QT_TRANSLATE_NOOP("PartiesSection", "姓名"),
         "phone": QT_TRANSLATE_NOOP("PartiesSection", "联系电话"),
         "cert_no": QT_TRANSLATE_NOOP("PartiesSection", "报检员证号")}


class PartiesSection(FormSection):
    """Parties. Emits ``edited(path)``."""

    TITLE = QT_TRANSLATE_NOOP("EditorSections", "收发货人")

    def build(self) -> None:
        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "报检单位"))
        self._party(g, "declarant")
        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "报检员"))
        self.add(g, "declarer.name")
        self.add(g, "declarer.phone")
        self.add(g, "declarer.cert_no")
        order = ("consignee", "consignor") if self.direction != "outbound" \
            else ("consignor", "consignee")
        for who in order:
            title = QT_TRANSLATE_NOOP("EditorSections", "收货人") if who == "consignee" \
                else QT_TRANSLATE_NOOP("EditorSections", "发货人")
            g = self.group(title)
            self._party(g, who)
        g = self.group(QT_TRANSLATE_NOOP("EditorSections", "代理报检单位（可选）"))
        self._party(g, "agent")

    def _party(self, g, who: str) -> None:
        for leaf in ("name_cn", "name_en", "reg_no", "uscc"):
            self.add(g, f"{who}.{leaf}")

    def field_label(self, path: str, lang: str) -> str:
        leaf = path.split(".")[-1]
        if leaf in _PART:
            return QCoreApplication.translate("PartiesSection", _PART[leaf])
        return super().field_label(path, lang)
