"""The list page of the main window: title, match count, search box and the table."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from client.store import search as _search

from .models.declarations_model import (Col, DeclarationsModel, StatusRole, SummaryRole,
                                        ValidityRole, proxy_for)
from .widgets.badges import StatusBadgeDelegate, ValidityDelegate
from .widgets.search_box import SearchBox

#: what each column must show in full, measured in the table's font (so the widths
#: suit Noto Sans CJK, Microsoft YaHei or PingFang at whatever size the platform uses)
_SAMPLES = {Col.NUMBER: "310000126000202", Col.STATUS: "已定稿待发送", Col.DIRECTION: "出入境",
            Col.MODE: "进口直通", Col.PARTY: "上海华信电子科技有限", Col.CONTRACT: "CT2026H000464",
            Col.BL: "MAEU092771059", Col.GOODS: "空调器、笔记本电脑", Col.VALUE: "USD 824,512.13",
            Col.RECEIPT: "11-26 14:03", Col.FILED_BY: "王晓明",
            Col.CLEARANCE_DOC: "310000126000000123"}
_WIDTHS: dict = {}
#: the list views that show the 通关单号 column (their rows can have been released)
CLEARANCE_VIEWS = ("all", "released")


def _measure(table: QTableView, headers: list[str]) -> dict:
    fm = table.fontMetrics()
    bold = table.horizontalHeader().fontMetrics()
    widths = {Col.VALID: 28}
    for col, sample in _SAMPLES.items():
        cell = fm.horizontalAdvance(sample) + {Col.STATUS: 26, Col.VALUE: 24}.get(col, 16)
        head = bold.horizontalAdvance(headers[col]) * 1.08 + 14  # semi-bold header text
        widths[col] = int(max(cell, head))
    return widths


class DeclarationsTable(QTableView):
    """The table of declarations, newest change first (the model holds a window of pages).

    An empty table says why it is empty and what to do (``empty_text``).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.empty_text = ""
        font = self.font()  # a grid reads best a half point below the UI text
        font.setPointSizeF(font.pointSizeF() - 0.5)
        self.setFont(font)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(32)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        h = self.horizontalHeader()
        h.setHighlightSections(False)
        h.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        h.setStretchLastSection(False)
        h.setSectionsMovable(True)
        h.setMinimumSectionSize(30)

    stretch_column: int | None = None
    STRETCH_MIN = 96

    # Ctrl+A (or "select all matching"): the whole filtered set, not just the held rows
    select_all_requested = Signal()

    #: True while :meth:`selectAll` selects every row (listeners wait for
    #: ``select_all_requested`` instead of reading the selected rows one by one)
    selecting_all = False

    def selectAll(self) -> None:  # noqa: N802
        self.selecting_all = True
        try:
            super().selectAll()
        finally:
            self.selecting_all = False
        self.select_all_requested.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_stretch_column()

    def fit_stretch_column(self) -> None:
        """Give the stretch column the width left over, at least ``STRETCH_MIN``."""
        col = self.stretch_column
        if col is None or self.model() is None:
            return
        h = self.horizontalHeader()
        others = sum(h.sectionSize(c) for c in range(h.count())
                     if c != col and not h.isSectionHidden(c))
        self.setColumnWidth(col, max(self.STRETCH_MIN, self.viewport().width() - others))

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            from PySide6.QtGui import QColor, QPainter
            p = QPainter(self.viewport())
            p.setPen(QColor("#6b7785"))
            rect = self.viewport().rect().adjusted(40, 40, -40, -40)
            p.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                       | Qt.TextFlag.TextWordWrap, self.empty_text)
            p.end()


class ListPage(QWidget):
    """Title, search box and declarations table.

    Signals:
        activated(str): a declaration id was double-clicked or Enter was pressed on it.
        selection_changed(list): the summaries of the selected rows.
    """

    activated = Signal(str)
    selection_changed = Signal(list)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = DeclarationsModel(ctx, self)
        self.proxy = proxy_for(self.model, self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 700; color: #1d2733;")
        self.matches = QLabel()
        self.matches.setStyleSheet("color: #6b7785;")
        self.search = SearchBox()
        self.all_matching = False
        self.select_all_btn = QPushButton()
        self.select_all_btn.setFlat(True)
        self.select_all_btn.setCursor(Qt.CursorShape.PointingHandCursor)
        self.select_all_btn.setStyleSheet("color: #1a6fc4; border: none;")
        self.select_all_btn.hide()
        # a search of one or two characters reads only the newest declarations (no trigram
        # answers it): the count says so, and this lifts the bound (DeclarationsModel.floor)
        self.more_btn = QPushButton()
        self.more_btn.setObjectName("searchEverything")
        self.more_btn.setFlat(True)
        self.more_btn.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_btn.setStyleSheet("color: #1a6fc4; border: none;")
        self.more_btn.hide()
        self.table = DeclarationsTable()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(Col.STATUS, StatusBadgeDelegate(StatusRole, self.table))
        self.table.setItemDelegateForColumn(Col.VALID, ValidityDelegate(ValidityRole, self.table))
        h = self.table.horizontalHeader()
        _WIDTHS.update(_measure(self.table, self.model.headers()))
        for col, w in _WIDTHS.items():
            self.table.setColumnWidth(col, w)
        h.setSectionResizeMode(Col.VALID, QHeaderView.ResizeMode.Fixed)
        # 定稿人 matters where several declarers share the store (the office, issue 16)
        self.table.setColumnHidden(Col.FILED_BY, not getattr(ctx.desk.db, "is_postgres", False))
        # 通关单号 (issue 13): what the declarer copies from a released declaration into the
        # customs declaration, so it reads beside 报检号 and 状态; shown only in the views
        # whose rows can carry one (set_title_key)
        h.moveSection(h.visualIndex(Col.CLEARANCE_DOC), h.visualIndex(Col.STATUS) + 1)
        self.table.stretch_column = Col.GOODS  # takes what is left, but never below a floor
        h.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # no header sorting: the model holds a window of the store's order, not every row
        self.table.setSortingEnabled(False)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.select_all_requested.connect(self._select_all_matching)
        self.select_all_btn.clicked.connect(self.table.selectAll)
        self.more_btn.clicked.connect(self.model.search_everything)
        self.model.page_loaded.connect(lambda _n: self._update_more())
        self.model.modelReset.connect(self._update_more)
        self.model.count_known.connect(lambda _n: self._update_select_all())
        self.model.modelReset.connect(self._clear_all_matching)
        self.model.page_loaded.connect(lambda _n: self.update_empty_text())
        self.model.modelReset.connect(self.update_empty_text)
        self.model.rowsRemoved.connect(self.update_empty_text)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.matches)
        top.addWidget(self.select_all_btn)
        top.addWidget(self.more_btn)
        top.addStretch(1)
        top.addWidget(self.search)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 8)
        lay.setSpacing(10)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        self._title_key = "all"
        self.retranslateUi()

    def fit_headers(self) -> None:
        """Widen a column whose header would be cut in the current language
        ("Consignee/consigno"); a column the user made wider stays as it is."""
        need = _measure(self.table, self.model.headers())
        _WIDTHS.update(need)
        for col, w in need.items():
            if self.table.columnWidth(col) < w:
                self.table.setColumnWidth(col, w)
        self.table.fit_stretch_column()

    def retranslateUi(self) -> None:  # noqa: N802
        self.fit_headers()
        self.set_title_key(self._title_key)
        self.update_empty_text()
        self._update_select_all()
        self._update_more()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_title_key(self, key: str) -> None:
        self._title_key = key
        titles = {"all": self.tr("全部报检单"), "draft": self.tr("草稿"),
                  "ready": self.tr("已定稿待发送"), "sent": self.tr("已发送"),
                  "review": self.tr("已受理/审单中"), "inspection": self.tr("查验"),
                  "released": self.tr("已放行"), "rejected": self.tr("退回"),
                  "withdrawn": self.tr("已撤销")}
        self.title.setText(titles.get(key, key))
        # the platform issues a 通关单号 only on release: elsewhere the column is always empty
        self.table.setColumnHidden(Col.CLEARANCE_DOC, key not in CLEARANCE_VIEWS)

    def fit_text_columns(self) -> None:
        """Widen the short coded columns to their labels (after a language switch)."""
        for col in (Col.DIRECTION, Col.MODE):
            self.table.resizeColumnToContents(col)
            self.table.setColumnWidth(col, min(120, max(_WIDTHS[col], self.table.columnWidth(col))))
        self.table.fit_stretch_column()

    def update_empty_text(self) -> None:
        """What an empty table says: nothing found, nothing in this state, or how to start."""
        m = self.model
        if m.fetching or m.rowCount():
            text = ""
        elif m.filters["search"] and m.floor is not None and len(m.filters["search"]) < 3:
            text = self.tr("最近的 {b} 份报检单中没有与“{q}”匹配的。点“继续搜索全部”也查找更早的报检单，"
                           "或多输入一个字（三个字起搜索全部报检单）。").format(
                b=f"{_search.SHORT_BUDGET:,}", q=m.filters["search"])
        elif m.filters["search"] and m.floor is not None:  # the index ran out of time
            text = self.tr("最近的 {b} 份报检单中没有与“{q}”匹配的（这段文字太常见，一次击键内查不完全部）。"
                           "点“继续搜索全部”也查找更早的报检单。").format(
                b=f"{_search.SHORT_BUDGET:,}", q=m.filters["search"])
        elif m.filters["search"]:
            text = self.tr("没有找到与“{q}”匹配的报检单。可按报检号、合同号、提单号或收发货人名称搜索。").format(
                q=m.filters["search"])
        elif m.filters["status"]:
            text = self.tr("此状态下没有报检单。")
        else:
            text = self.tr("还没有报检单。\n按 Ctrl+N 新建入境报检单、Ctrl+Shift+N 新建出境报检单，"
                           "或把 Excel 模板文件拖到窗口中批量导入。")
        self.table.empty_text = text
        self.table.viewport().update()

    def set_match_count(self, n: int | None) -> None:
        if n is not None and self.model.floor is not None:
            self.matches.setText(self.tr("最近的 {b} 份中有 {n} 份").format(
                b=f"{_search.SHORT_BUDGET:,}", n=f"{n:,}"))
        else:
            self.matches.setText("" if n is None else self.tr("共 {n} 份").format(n=f"{n:,}"))
        self._update_more()

    def _update_more(self) -> None:
        """继续搜索 shows while a short search holds only the newest declarations."""
        bounded = self.model.floor is not None
        self.more_btn.setText(self.tr("继续搜索全部"))
        self.more_btn.setToolTip(self.tr("这次搜索只查了最近的 {b} 份报检单（一两个字或很常见的文字）；"
                                         "点此查找全部（可能需要几秒）").format(b=f"{_search.SHORT_BUDGET:,}"))
        self.more_btn.setVisible(bounded)

    # -- selection -----------------------------------------------------------------
    def selection(self):
        """What is selected, as a :class:`client.services.selection.Selection`: the whole
        filtered set after Ctrl+A / 全选, else the ids of the selected rows."""
        from client.services.selection import Selection
        if self.all_matching:
            return Selection.all_matching(**self.model.filters)
        return Selection.of_ids(s.id for s in self.selected())

    def selected_count(self) -> int:
        if self.all_matching:
            return self.model.rowCount()
        return len(self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[str]:
        """Every selected id (resolved from the store for a select-all)."""
        if not self.all_matching:
            return [s.id for s in self.selected()]
        from client.services.selection import resolve
        return resolve(self.ctx.desk, self.selection())

    def selected(self) -> list:
        """The summaries of the selected rows held by the model (for a select-all: those
        held now, a bounded window; see :meth:`selection` for the whole set)."""
        if self.all_matching:
            return [r for _p, rows in sorted(self.model._pages.items()) for r in rows]
        rows = self.table.selectionModel().selectedRows()
        out = [self.proxy.mapToSource(ix).data(SummaryRole) for ix in rows]
        return [s for s in out if s is not None]

    def _select_all_matching(self) -> None:
        self.all_matching = self.model.rowCount() > 0
        self._update_select_all()
        self._selection_changed()

    def _clear_all_matching(self) -> None:
        self.all_matching = False
        self._update_select_all()

    def _covers_everything(self) -> bool:
        n = self.model.rowCount()
        ranges = self.table.selectionModel().selection()
        return n > 0 and sum(r.bottom() - r.top() + 1 for r in ranges) >= n and all(
            r.left() == 0 for r in ranges)

    def _update_select_all(self) -> None:
        n = self.model.rowCount() if self.model.exhausted else 0
        if self.all_matching:
            self.select_all_btn.setText(self.tr("已选择全部 {n} 条符合条件的").format(n=f"{n:,}"))
        else:
            self.select_all_btn.setText(self.tr("全选 {n} 条符合条件的").format(n=f"{n:,}"))
        self.select_all_btn.setVisible(n > 0)
        self.select_all_btn.setEnabled(not self.all_matching)

    def current(self):
        ix = self.table.currentIndex()
        return ix.data(SummaryRole) if ix.isValid() else None

    def select_id(self, decl_id: str) -> bool:
        row = self.model.row_of(decl_id)
        if row is None:
            return False
        ix = self.proxy.mapFromSource(self.model.index(row, Col.NUMBER))
        self.table.selectionModel().setCurrentIndex(
            ix, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(ix)
        return True

    def _double_clicked(self, ix) -> None:
        s = ix.data(SummaryRole)
        if s is not None:
            self.activated.emit(s.id)

    def _selection_changed(self, *_a) -> None:
        if self.table.selecting_all:  # reading every selected row would load every page
            return
        if self.all_matching and not self._covers_everything():
            self.all_matching = False
            self._update_select_all()
        self.selection_changed.emit(self.selected())
