"""The declarations list as a Qt table model, paged over the store's keyset queries.

:class:`DeclarationsModel` holds the rows loaded so far (frozen
:class:`~client.store.declarations.DeclarationSummary` objects) and loads the next page of
200 when the view scrolls near the end (``canFetchMore``/``fetchMore``), like
qutebrowser's history completion. Every query runs on the :class:`~ui.tasks.TaskRunner`;
results from an outdated filter are dropped (a generation counter).
"""
from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from client.lifecycle import status_name

from .formatting import clearance_name, direction_name, local_time, money, short_time

log = logging.getLogger(__name__)

PAGE_SIZE = 200


class Col(IntEnum):
    VALID = 0
    NUMBER = 1
    STATUS = 2
    DIRECTION = 3
    MODE = 4
    PARTY = 5
    CONTRACT = 6
    BL = 7
    GOODS = 8
    VALUE = 9
    RECEIPT = 10


N_COLS = len(Col)

SummaryRole = Qt.ItemDataRole.UserRole + 1   # the DeclarationSummary of the row
SortRole = Qt.ItemDataRole.UserRole + 2      # a value that sorts right
StatusRole = Qt.ItemDataRole.UserRole + 3    # the status code ("released"...)
ValidityRole = Qt.ItemDataRole.UserRole + 4  # None (not validated), True, or the error count


class DeclarationsModel(QAbstractTableModel):
    """Rows of ``desk.list(status=, search=, declarant=)``, newest change first.

    Signals:
        loading_changed(bool): a page query started (True) / the last one ended (False).
        page_loaded(int): rows now loaded, after each page arrives.
        load_failed(object): the exception of a failed query (the list stays as it was).
    """

    loading_changed = Signal(bool)
    page_loaded = Signal(int)
    load_failed = Signal(object)

    def __init__(self, ctx, parent: QObject | None = None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self._rows: list = []
        self._index: dict[str, int] = {}
        self._status: tuple[str, ...] | None = None
        self._search = ""
        self._declarant: str | None = None
        self._exhausted = False
        self._fetching = False
        self._generation = 0
        self._headers: list[str] | None = None
        ctx.events.declarations_changed.connect(self.refresh_ids)

    # -- filter -------------------------------------------------------------------
    @property
    def filters(self) -> dict:
        return {"status": self._status, "search": self._search or None,
                "declarant": self._declarant}

    def set_filter(self, *, status: Iterable[str] | str | None = ...,
                   search: str | None = ..., declarant: str | None = ...) -> None:
        """Change any of the filters (omitted ones stay) and reload from the first page."""
        if status is not ...:
            self._status = (status,) if isinstance(status, str) else (
                tuple(status) if status else None)
        if search is not ...:
            self._search = (search or "").strip()
        if declarant is not ...:
            self._declarant = declarant or None
        self.reload()

    def reload(self) -> None:
        """Drop the loaded rows and load the first page again."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._index = {}
        self._exhausted = False
        self._fetching = False
        self.endResetModel()
        self._fetch(None)

    # -- paging -------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetch(self._rows[-1].cursor if self._rows else None)

    @property
    def exhausted(self) -> bool:
        """True once the last page has arrived (every matching row is loaded)."""
        return self._exhausted

    @property
    def fetching(self) -> bool:
        return self._fetching

    def _query(self) -> dict:
        status = self._status
        return {"status": (status[0] if status and len(status) == 1 else
                           (list(status) if status else None)),
                "search": self._search or None, "declarant": self._declarant}

    def _fetch(self, after) -> None:
        self._fetching = True
        self.loading_changed.emit(True)
        gen = self._generation
        self.ctx.runner.run(_page, self.ctx.desk, limit=self.page_size, after=after,
                            **self._query(),
                            on_done=lambda rows: self._page_arrived(gen, rows),
                            on_error=lambda exc: self._page_failed(gen, exc))

    def _page_arrived(self, gen: int, rows: Sequence) -> None:
        if gen != self._generation:
            return
        self._fetching = False
        fresh = [r for r in rows if r.id not in self._index]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for r in fresh:
                self._index[r.id] = len(self._rows)
                self._rows.append(r)
            self.endInsertRows()
        self._exhausted = len(rows) < self.page_size
        self.loading_changed.emit(False)
        self.page_loaded.emit(len(self._rows))

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._fetching = False
        self._exhausted = True
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    # -- live updates ---------------------------------------------------------------
    def refresh_ids(self, ids: list) -> None:
        """Bring the rows of ``ids`` up to date (an empty list reloads everything).

        A changed row is replaced in place; a row that no longer matches the status filter
        leaves the list; a new declaration matching the filter appears at the top.
        """
        if not ids or len(ids) > 50:
            self.reload()
            return
        gen = self._generation
        self.ctx.runner.run(_summaries, self.ctx.desk, list(ids),
                            on_done=lambda rows: self._apply_summaries(gen, ids, rows),
                            on_error=lambda exc: self.load_failed.emit(exc))

    def _matches(self, row) -> bool:
        if self._status and row.status not in self._status:
            return False
        if self._declarant and row.declarant_uscc != self._declarant:
            return False
        return True

    def _apply_summaries(self, gen: int, ids: list, rows: dict) -> None:
        if gen != self._generation:
            return
        needs_reload = False
        for decl_id in ids:
            row = rows.get(decl_id)
            pos = self._index.get(decl_id)
            if pos is not None:
                if row is None or not self._matches(row):
                    self._remove(pos)
                else:
                    self._rows[pos] = row
                    self.dataChanged.emit(self.index(pos, 0),
                                          self.index(pos, self.columnCount() - 1))
            elif row is not None and self._matches(row):
                if self._search:
                    needs_reload = True  # only the store knows whether it matches the search
                else:
                    self._insert_top(row)
        if needs_reload:
            self.reload()

    def _remove(self, pos: int) -> None:
        self.beginRemoveRows(QModelIndex(), pos, pos)
        del self._rows[pos]
        self.endRemoveRows()
        self._reindex()

    def _insert_top(self, row) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()
        self._reindex()

    def _reindex(self) -> None:
        self._index = {r.id: i for i, r in enumerate(self._rows)}

    # -- access ---------------------------------------------------------------------
    def summary(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, decl_id: str) -> int | None:
        return self._index.get(decl_id)

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def retranslate(self) -> None:
        """Re-label headers and cells after a language switch."""
        self._headers = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    # -- QAbstractTableModel ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else N_COLS

    def headers(self) -> list[str]:
        names = {Col.VALID: "", Col.NUMBER: self.tr("报检号"), Col.STATUS: self.tr("状态"),
                 Col.DIRECTION: self.tr("出入境"), Col.MODE: self.tr("通关模式"),
                 Col.PARTY: self.tr("收货人/发货人"), Col.CONTRACT: self.tr("合同号"),
                 Col.BL: self.tr("提单号"), Col.GOODS: self.tr("货物"), Col.VALUE: self.tr("货值"),
                 Col.RECEIPT: self.tr("最后回执时间")}
        return [names[c] for c in Col]

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self._headers is None:
                self._headers = self.headers()
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == Col.VALID:
            return self.tr("本地校验结果")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Col.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SortRole:
            return self._sort_key(r, col)
        if role == SummaryRole:
            return r
        if role == StatusRole:
            return r.status
        if role == ValidityRole:
            if r.valid is None:
                # finalising requires a clean validation: numbered declarations passed it
                return True if r.status != "draft" else None
            return True if r.valid else int(r.error_count or 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.NUMBER and not r.inspection_no:
            from PySide6.QtGui import QColor
            return QColor("#8a96a3")
        return None

    def _display(self, r, col: int) -> str:
        if col == Col.VALID:
            return ""
        if col == Col.NUMBER:
            return r.inspection_no or self.tr("（未编号）")
        if col == Col.DIRECTION:
            return direction_name(r.direction)
        if col == Col.MODE:
            return clearance_name(r.clearance_mode)
        if col == Col.PARTY:
            return r.counterparty or ""
        if col == Col.CONTRACT:
            return r.contract_no or ""
        if col == Col.BL:
            return r.bl_no or ""
        if col == Col.GOODS:
            return r.goods_summary or ""
        if col == Col.VALUE:
            return money(r.total_value, r.currency)
        if col == Col.STATUS:
            return status_name(r.status, self.ctx.lang)
        if col == Col.RECEIPT:
            return short_time(r.last_receipt_at)
        return ""

    def _sort_key(self, r, col: int):
        if col == Col.VALUE:
            try:
                return float(r.total_value or 0)
            except ValueError:
                return 0.0
        if col == Col.VALID:
            return -1 if r.valid is None else (0 if r.valid else r.error_count or 1)
        if col == Col.RECEIPT:
            return r.last_receipt_at or ""
        if col == Col.NUMBER:
            return r.inspection_no or ""
        return self._display(r, col)

    def _tooltip(self, r, col: int) -> str | None:
        if col == Col.VALID:
            if r.valid is None and r.status != "draft":
                return self.tr("定稿时已通过校验")
            if r.valid is None:
                return self.tr("尚未校验（或校验后又有修改）")
            if r.valid:
                return self.tr("校验通过") + (self.tr("，{n} 个提示").format(n=r.warning_count)
                                             if r.warning_count else "")
            return self.tr("{n} 个错误").format(n=r.error_count or 0)
        if col == Col.STATUS and r.status_note:
            return r.status_note
        if col == Col.RECEIPT and r.last_receipt_at:
            return local_time(r.last_receipt_at, True)
        if col == Col.NUMBER and not r.inspection_no:
            return self.tr("定稿时分配报检号。本地编号：{id}").format(id=r.id)
        if col in (Col.GOODS, Col.PARTY):
            return self._display(r, col) or None
        return None


#: summary fields whose values repeat across rows: one shared string each saves ~50 MB
#: with 100,000 rows listed
_SHARED = ("direction", "clearance_mode", "status", "declare_bureau", "consignee", "consignor",
           "declarant_uscc", "goods_summary", "currency", "status_note")


def _page(desk, **kw) -> list:
    """One page of ``desk.list`` with repeated strings shared (runs on the task runner)."""
    import sys
    rows = desk.list(**kw)
    setattr_ = object.__setattr__  # the rows were just made here, on this thread: no one
    for r in rows:                 # else holds them yet, so filling them in place is safe
        for f in _SHARED:
            v = getattr(r, f)
            if isinstance(v, str):
                setattr_(r, f, sys.intern(v))
    return rows


def _summaries(desk, ids: list[str]) -> dict:
    """``{id: summary}`` of those ids still stored (runs on the task runner)."""
    from client.errors import NotFound
    out = {}
    for decl_id in ids:
        try:
            out[decl_id] = desk.summary(decl_id)
        except NotFound:
            pass
    return out


def proxy_for(model: DeclarationsModel, parent: QObject | None = None):
    """A sorting proxy over the loaded rows (sorting by :data:`SortRole`)."""
    from PySide6.QtCore import QSortFilterProxyModel
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setSortLocaleAware(True)
    proxy.setDynamicSortFilter(True)
    return proxy
