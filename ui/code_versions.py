"""帮助 → 代码表版本: the code tables in force, their versions and where each came from.

:class:`CodeVersionsCommand` adds the action to the window's 帮助 menu; it opens a
:class:`CodeVersionsDialog` listing :meth:`client.codes.CodeBook.versions_in_force`
(the built-in version shipped with the program, or a newer one the sync delivered), and
when the last sync ran. It reads only the in-memory code book: nothing blocks the GUI.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

#: the code tables' names (translated in the "CodeVersionsDialog" context)
TABLE_NAMES = {
    "attachment_types": QT_TRANSLATE_NOOP("CodeVersionsDialog", "随附单据类型"),
    "attachment_types_eciq": QT_TRANSLATE_NOOP("CodeVersionsDialog", "随附单据类型（eCIQ）"),
    "bureaus": QT_TRANSLATE_NOOP("CodeVersionsDialog", "检验检疫机构"),
    "certificates": QT_TRANSLATE_NOOP("CodeVersionsDialog", "证单类型"),
    "certificates_eciq": QT_TRANSLATE_NOOP("CodeVersionsDialog", "证单类型（eCIQ）"),
    "ciq_codes": QT_TRANSLATE_NOOP("CodeVersionsDialog", "检验检疫编码"),
    "countries": QT_TRANSLATE_NOOP("CodeVersionsDialog", "国家（地区）"),
    "credit_grades": QT_TRANSLATE_NOOP("CodeVersionsDialog", "企业信用等级"),
    "currencies": QT_TRANSLATE_NOOP("CodeVersionsDialog", "币制"),
    "dangerous_pack_categories": QT_TRANSLATE_NOOP("CodeVersionsDialog", "危包类别"),
    "districts": QT_TRANSLATE_NOOP("CodeVersionsDialog", "国内地区"),
    "enterprise_qualifications": QT_TRANSLATE_NOOP("CodeVersionsDialog", "企业资质类型"),
    "goods_attributes": QT_TRANSLATE_NOOP("CodeVersionsDialog", "货物属性"),
    "gsp_donors": QT_TRANSLATE_NOOP("CodeVersionsDialog", "普惠制给惠国"),
    "hs2022": QT_TRANSLATE_NOOP("CodeVersionsDialog", "HS编码（2022）"),
    "hs2022_sections": QT_TRANSLATE_NOOP("CodeVersionsDialog", "HS类目"),
    "inspection_catalogue": QT_TRANSLATE_NOOP("CodeVersionsDialog", "法检目录（替代版）"),
    "inspection_types": QT_TRANSLATE_NOOP("CodeVersionsDialog", "报检类别"),
    "licences_inbound": QT_TRANSLATE_NOOP("CodeVersionsDialog", "产品资质（入境）"),
    "licences_outbound": QT_TRANSLATE_NOOP("CodeVersionsDialog", "产品资质（出境）"),
    "negative_list": QT_TRANSLATE_NOOP("CodeVersionsDialog", "跨境电商负面清单"),
    "origin_agreements": QT_TRANSLATE_NOOP("CodeVersionsDialog", "原产地优惠贸易协定"),
    "origin_criteria": QT_TRANSLATE_NOOP("CodeVersionsDialog", "原产地标准"),
    "origin_partners": QT_TRANSLATE_NOOP("CodeVersionsDialog", "协定成员国（地区）"),
    "package_types": QT_TRANSLATE_NOOP("CodeVersionsDialog", "包装种类"),
    "purposes": QT_TRANSLATE_NOOP("CodeVersionsDialog", "用途"),
    "regions": QT_TRANSLATE_NOOP("CodeVersionsDialog", "直通放行区域"),
    "trade_mode_mapping": QT_TRANSLATE_NOOP("CodeVersionsDialog", "贸易方式对照（海关→eCIQ）"),
    "trade_modes": QT_TRANSLATE_NOOP("CodeVersionsDialog", "贸易方式"),
    "trade_modes_customs": QT_TRANSLATE_NOOP("CodeVersionsDialog", "监管方式（海关）"),
    "trade_modes_eciq": QT_TRANSLATE_NOOP("CodeVersionsDialog", "贸易方式（eCIQ）"),
    "transport_mode_mapping": QT_TRANSLATE_NOOP("CodeVersionsDialog", "运输方式对照（海关→eCIQ）"),
    "transport_modes": QT_TRANSLATE_NOOP("CodeVersionsDialog", "运输方式"),
    "transport_modes_customs": QT_TRANSLATE_NOOP("CodeVersionsDialog", "运输方式（海关）"),
    "transport_modes_eciq": QT_TRANSLATE_NOOP("CodeVersionsDialog", "运输方式（eCIQ）"),
    "units": QT_TRANSLATE_NOOP("CodeVersionsDialog", "计量单位"),
}


class CodeVersionsDialog(QDialog):
    """A read-only table: code table, version, source (no signals)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.resize(560, 520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.retranslateUi()

    def rows(self) -> list[tuple[str, str, str, str]]:
        """``(name, table id, version, source)`` as shown, in the current language."""
        out = []
        for name, version, source in self.ctx.desk.codes.versions_in_force():
            shown = self.tr(TABLE_NAMES[name]) if name in TABLE_NAMES else name
            out.append((shown, name, version,
                        self.tr("平台下发") if source == "platform" else self.tr("程序内置")))
        return out

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("代码表版本"))
        self.intro.setText(self.tr("本机校验和下拉选择使用以下版本的代码表。同步时平台下发的新版本会替换程序内置的版本。"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("代码表"), self.tr("标识"), self.tr("版本"), self.tr("来源")])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class CodeVersionsCommand(QObject):
    """The 帮助 → 代码表版本 action of a :class:`ui.main_window.MainWindow`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("code_versions")
        menu = window.menu_help
        menu.insertAction(menu.actions()[0] if menu.actions() else None, self.action)
        self.action.triggered.connect(self.show)
        window.installEventFilter(self)
        self.dialog: CodeVersionsDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("代码表版本"))
        self.action.setToolTip(self.tr("查看本机使用的各代码表版本"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def show(self) -> CodeVersionsDialog:
        self.dialog = CodeVersionsDialog(self.window.ctx, self.window)
        self.dialog.open()
        return self.dialog
