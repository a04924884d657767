"""申报 → 委托企业默认值…: a broker's per-client defaults, as ``python -m client clients
defaults`` sets them (:class:`client.services.clients.ClientsService`).

:class:`ClientDefaultsCommand` adds the action to the window's 申报 menu and opens a
:class:`ClientDefaultsDialog`: choose a client, fill the fields every new declaration for
it starts with (consignee, ports, bureaus, declarer…), 保存. Values are read like template
cells (``是``/``否``, a drop-down entry ``310000 上海…``); an unreadable value is refused
with its field named and nothing is saved. Loading and saving run on the task runner.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from client.fields import label


def _load(desk) -> list:
    from client.services.clients import ClientsService
    return ClientsService(desk).list()


def _save(desk, uscc: str, values: dict) -> dict:
    from client.services.clients import ClientsService
    return ClientsService(desk).set_defaults(uscc, values)


def _shown(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return "" if value is None else str(value)


class ClientDefaultsDialog(QDialog):
    """Edit the defaults of one client enterprise at a time.

    Signals:
        saved(str, object): the client's USCC and its new defaults (a dict).
    """

    saved = Signal(str, object)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        from client.services.clients import default_keys
        self.ctx = ctx
        self.keys = default_keys()
        self.clients: list = []
        self.resize(620, 640)
        self.client_label = QLabel()
        self.combo = QComboBox()
        self.combo.currentIndexChanged.connect(self._show_client)
        self.table = QTableWidget(len(self.keys), 2)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_btn = QPushButton()
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        self.close_btn = QPushButton()
        self.close_btn.setAutoDefault(False)
        self.close_btn.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.client_label)
        top.addWidget(self.combo, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_btn)
        bottom.addWidget(self.close_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.retranslateUi()
        self.ctx.runner.run(_load, self.ctx.desk, on_done=self._loaded, on_error=self._failed)

    def retranslateUi(self) -> None:  # noqa: N802
        lang = self.ctx.lang
        self.setWindowTitle(self.tr("委托企业默认值"))
        self.client_label.setText(self.tr("委托企业："))
        self.table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("默认值")])
        for r, key in enumerate(self.keys):
            item = self.table.item(r, 0) or QTableWidgetItem()
            item.setText(label(key, lang))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.table.setItem(r, 0, item)
        self.save_btn.setText(self.tr("保存"))
        self.close_btn.setText(self.tr("关闭"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _loaded(self, clients: list) -> None:
        self.clients = clients
        self.combo.blockSignals(True)
        self.combo.clear()
        for c in clients:
            self.combo.addItem(f"{c.name_cn or c.name_en or c.uscc}（{c.uscc}）", c.uscc)
        self.combo.blockSignals(False)
        self.save_btn.setEnabled(bool(clients))
        if not clients:
            self.status.setText(self.tr("没有委托企业：代理报检账户登录并同步后，这里列出可代理的企业。"))
        else:
            self._show_client(0)

    def current(self):
        i = self.combo.currentIndex()
        return self.clients[i] if 0 <= i < len(self.clients) else None

    def select(self, uscc: str) -> None:
        i = self.combo.findData(uscc)
        if i >= 0:
            self.combo.setCurrentIndex(i)

    def _show_client(self, _index: int) -> None:
        c = self.current()
        defaults = c.defaults if c is not None else {}
        for r, key in enumerate(self.keys):
            self.table.setItem(r, 1, QTableWidgetItem(_shown(defaults.get(key))))
        self.status.setText("")

    def values(self) -> dict:
        """Every field's text (empty → ``None``: the default is removed)."""
        out = {}
        for r, key in enumerate(self.keys):
            item = self.table.item(r, 1)
            text = item.text().strip() if item is not None else ""
            out[key] = text or None
        return out

    def save(self) -> None:
        c = self.current()
        if c is None:
            return
        self.save_btn.setEnabled(False)
        self.ctx.runner.run(_save, self.ctx.desk, c.uscc, self.values(),
                            on_done=lambda new: self._saved(c.uscc, new),
                            on_error=self._failed)

    def _saved(self, uscc: str, new: dict) -> None:
        self.save_btn.setEnabled(True)
        self.clients = [type(c)(c.uscc, c.name_cn, c.name_en, c.reg_no, c.credit_grade, new)
                        if c.uscc == uscc else c for c in self.clients]
        self.status.setText(self.tr("已保存：此后为该企业新建的报检单会预先填好这些字段。"))
        self.saved.emit(uscc, new)

    def _failed(self, exc: BaseException) -> None:
        from client.errors import describe
        self.save_btn.setEnabled(bool(self.clients))
        self.status.setText(describe(exc, self.ctx.lang))
        field = getattr(exc, "field", None)
        if field in self.keys:
            self.table.setCurrentCell(self.keys.index(field), 1)


class ClientDefaultsCommand(QObject):
    """The 申报 → 委托企业默认值… action of a :class:`ui.main_window.MainWindow`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        self.action.setObjectName("client_defaults")
        window.menu_sync.addAction(self.action)
        self.action.triggered.connect(self.show)
        window.installEventFilter(self)
        self.dialog: ClientDefaultsDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("委托企业默认值…"))
        self.action.setToolTip(self.tr("设置为各委托企业新建报检单时预先填写的字段"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def show(self) -> ClientDefaultsDialog:
        self.dialog = ClientDefaultsDialog(self.window.ctx, self.window)
        self.dialog.open()
        return self.dialog
