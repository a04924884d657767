"""The declarations list as a Qt table model, paged over the store's keyset queries.

:class:`DeclarationsModel` counts the filtered rows and holds a bounded window of pages
of 200 (frozen :class:`~client.store.declarations.DeclarationSummary` objects), loading a
page when the view reads a row of it and evicting the least recently read. Every query
runs on the :class:`~ui.tasks.TaskRunner`; results from an outdated filter are dropped (a
generation counter).
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from enum import IntEnum
from typing import Any, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from client.lifecycle import status_name
from client.notes import note_text

from .formatting import clearance_name, direction_name, local_time, money, short_time

log = logging.getLogger(__name__)

PAGE_SIZE = 200
# pages held at most (the view shows a few dozen rows; the rest is a scroll margin)
MAX_PAGES = 10


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
    FILED_BY = 11  # who finalised it: shown on the office store only (issue 16)
    # the platform's 通关单号 of released A/B goods (issue 13): the number the declarer
    # copies into the customs declaration; shown after 最后回执时间 (main_list moves it)
    CLEARANCE_DOC = 12


N_COLS = len(Col)

SummaryRole = Qt.ItemDataRole.UserRole + 1   # the DeclarationSummary of the row
SortRole = Qt.ItemDataRole.UserRole + 2      # a value that sorts right
StatusRole = Qt.ItemDataRole.UserRole + 3    # the status code ("released"...)
ValidityRole = Qt.ItemDataRole.UserRole + 4  # None (not validated), True, or the error count


class DeclarationsModel(QAbstractTableModel):
    """Rows of ``desk.list(status=, search=, declarant=)``, newest change first, held as a
    bounded window of pages.

    ``rowCount`` is the whole filtered count (once the store has counted it; until then
    the first page); only the pages the view has asked for are held, at most
    :data:`MAX_PAGES` of them, the least recently read evicted first, so memory stays flat
    however far the user scrolls. A page starts at a keyset anchor (the cursor of the last
    row of the page before it, remembered whenever a page arrives) plus an offset from the
    nearest anchor above it: scrolling reads one index seek per page, a jump to the end
    one offset walk. A row whose page is not here yet reads as empty while it loads.

    A search of one or two characters (no trigram answers it: it walks the list), or one
    the index cannot answer within a keystroke (``Desk.search_first_page``), reads
    only the newest :data:`client.store.search.SHORT_BUDGET` declarations: :attr:`floor`
    is then the list key it stopped at, every count and selection holds to it, and the
    list page says so and offers 继续搜索 (:meth:`search_everything` lifts the bound).

    Signals:
        loading_changed(bool): a page query started (True) / the last one ended (False).
        page_loaded(int): rows now in the list (``rowCount``), after each page arrives.
        count_known(int): the store counted the filtered rows.
        load_failed(object): the exception of a failed query (the list stays as it was).
    """

    loading_changed = Signal(bool)
    page_loaded = Signal(int)
    count_known = Signal(int)
    load_failed = Signal(object)

    def __init__(self, ctx, parent: QObject | None = None, page_size: int = PAGE_SIZE,
                 max_pages: int = MAX_PAGES):
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.max_pages = max(2, max_pages)
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._anchors: dict[int, tuple | None] = {0: None}
        self._pending: set[int] = set()
        self._index: dict[str, int] = {}
        self._rows_n = 0
        self._count: int | None = None
        self._status: tuple[str, ...] | None = None
        self._search = ""
        self._declarant: str | None = None
        self._floor: tuple[str, str] | None = None
        self._floor_wanted = False  # a short search whose bound is not read yet
        self._unbounded = False     # 继续搜索 lifted the bound of this search
        self._floor_seen: tuple[str, str] | None = None  # kept until the store changes
        self._replacing: int | None = None  # a reload's generation until its page is in
        self._generation = 0
        self._headers: list[str] | None = None
        ctx.events.declarations_changed.connect(self.refresh_ids)

    # -- filter -------------------------------------------------------------------
    @property
    def filters(self) -> dict:
        return {"status": self._status, "search": self._search or None,
                "declarant": self._declarant, "floor": self._floor}

    @property
    def floor(self) -> tuple[str, str] | None:
        """The list key a short search's walk stopped at (rows older than it were not
        searched), or ``None``: the rows are every match."""
        return self._floor

    def search_everything(self) -> None:
        """继续搜索: lift the bound of a short search and read the matches again (the view
        stays where it is)."""
        if self._floor is None:
            return
        self._unbounded = True
        self._floor = None
        self._soft_reload()

    def set_filter(self, *, status: Iterable[str] | str | None = ...,
                   search: str | None = ..., declarant: str | None = ...) -> None:
        """Change any of the filters (omitted ones stay) and reload from the first page."""
        if status is not ...:
            self._status = (status,) if isinstance(status, str) else (
                tuple(status) if status else None)
        if search is not ... and (search or "").strip() != self._search:
            self._search = (search or "").strip()
            self._unbounded = False
        if declarant is not ...:
            self._declarant = declarant or None
        self.reload()

    def reload(self) -> None:
        """Load the first page (and the count) again and then replace the rows: the rows
        shown stay until the new first page is in (a keystroke in the search box paints
        the table once, not empty and then again)."""
        if not self._rows_n:
            self.beginResetModel()
            self._forget()
            self._rows_n = 0
            self.endResetModel()
            self._request(0)
            return
        self._generation += 1
        gen = self._generation
        if not self.fetching:
            self.loading_changed.emit(True)
        self._replacing = gen
        query = dict(self._query(), floor=None)
        if self._search and not self._unbounded:
            self.ctx.runner.run(_bounded_page, self.ctx.desk, limit=self.page_size,
                                floor_hint=self._floor_seen, **query,
                                on_done=lambda res: self._replaced(gen, res),
                                on_error=lambda exc: self._page_failed(gen, 0, exc))
        else:
            self.ctx.runner.run(_page, self.ctx.desk, limit=self.page_size, **query,
                                on_done=lambda rows: self._replaced(gen, (None, rows)),
                                on_error=lambda exc: self._page_failed(gen, 0, exc))

    def _replaced(self, gen: int, res: tuple) -> None:
        """The first page of a reload arrived: now the rows are replaced."""
        if gen != self._generation:
            return
        self._replacing = None
        self.beginResetModel()
        self._forget()
        self._rows_n = 0
        self.endResetModel()
        self._floor_wanted = False
        self._floor, rows = res
        self._floor_seen = self._floor or self._floor_seen
        self._pending.add(0)
        self._page_arrived(self._generation, 0, rows)

    def _forget(self) -> None:
        self._floor = None
        # page 0 of a search asks as the search box does (Desk.search_first_page): it may
        # come back bounded by a floor
        self._floor_wanted = bool(self._search) and not self._unbounded
        self._generation += 1
        self._replacing = None
        self._pages.clear()
        self._anchors = {0: None}
        self._pending.clear()
        self._index = {}
        self._count = None

    def _soft_reload(self) -> None:
        """Reload after the store changed, keeping the view where it is: the count and the
        pages on screen are read again, rows added or removed at the end."""
        if self.fetching:
            self.loading_changed.emit(False)
        self._forget()
        self._request(0)

    # -- paging -------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return False  # every row is addressable: pages load as the view reads them

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        return

    @property
    def exhausted(self) -> bool:
        """True once the whole filtered count is known (every row is addressable)."""
        return self._count is not None

    @property
    def fetching(self) -> bool:
        return bool(self._pending) or self._replacing is not None

    @property
    def held_rows(self) -> int:
        """How many rows are held in memory (at most ``max_pages * page_size``)."""
        return sum(len(p) for p in self._pages.values())

    def _query(self) -> dict:
        status = self._status
        return {"status": (status[0] if status and len(status) == 1 else
                           (list(status) if status else None)),
                "search": self._search or None, "declarant": self._declarant,
                "floor": self._floor}

    def _request(self, page: int) -> None:
        if page in self._pending or page in self._pages:
            return
        start = max(k for k in self._anchors if k <= page)
        if not self._pending:
            self.loading_changed.emit(True)
        self._pending.add(page)
        gen = self._generation
        if self._floor_wanted:  # page 0 of a search: bounded or not, it says
            self.ctx.runner.run(_bounded_page, self.ctx.desk, limit=self.page_size,
                                floor_hint=self._floor_seen, **self._query(),
                                on_done=lambda res: self._bounded_arrived(gen, res),
                                on_error=lambda exc: self._page_failed(gen, page, exc))
            return
        self.ctx.runner.run(_page, self.ctx.desk, limit=self.page_size,
                            after=self._anchors[start],
                            offset=(page - start) * self.page_size, **self._query(),
                            on_done=lambda rows: self._page_arrived(gen, page, rows),
                            on_error=lambda exc: self._page_failed(gen, page, exc))

    def _page_arrived(self, gen: int, page: int, rows: Sequence) -> None:
        if gen != self._generation:
            return
        self._pending.discard(page)
        rows = list(rows)
        self._pages[page] = rows
        base = page * self.page_size
        for n, r in enumerate(rows):
            self._index[r.id] = base + n
        if len(rows) == self.page_size:
            self._anchors[page + 1] = rows[-1].cursor
        self._evict()
        if len(rows) < self.page_size:
            self._set_count(base + len(rows))
        elif self._count is None:
            self._grow(base + len(rows))
            if page == 0:
                self._ask_count()
        if rows:
            self.dataChanged.emit(self.index(base, 0),
                                  self.index(base + len(rows) - 1, N_COLS - 1))
        if not self.fetching:
            self.loading_changed.emit(False)
        self.page_loaded.emit(self._rows_n)

    def _bounded_arrived(self, gen: int, res: tuple) -> None:
        if gen != self._generation:
            return
        self._floor_wanted = False
        self._floor, rows = res
        self._floor_seen = self._floor or self._floor_seen
        self._page_arrived(gen, 0, rows)

    def _evict(self) -> None:
        while len(self._pages) > self.max_pages:
            _p, old = self._pages.popitem(last=False)
            for r in old:
                self._index.pop(r.id, None)

    def _ask_count(self) -> None:
        gen = self._generation
        self.ctx.runner.run(_count, self.ctx.desk, **self._query(),
                            on_done=lambda n: self._count_arrived(gen, n),
                            on_error=lambda exc: self._page_failed(gen, -1, exc))

    def _count_arrived(self, gen: int, n: int) -> None:
        if gen != self._generation:
            return
        self._set_count(n)
        self.page_loaded.emit(self._rows_n)

    def _set_count(self, n: int) -> None:
        self._count = n
        self._grow(n)
        if n < self._rows_n:
            self.beginRemoveRows(QModelIndex(), n, self._rows_n - 1)
            self._rows_n = n
            self.endRemoveRows()
        self.count_known.emit(n)

    def _grow(self, n: int) -> None:
        if n > self._rows_n:
            self.beginInsertRows(QModelIndex(), self._rows_n, n - 1)
            self._rows_n = n
            self.endInsertRows()

    def _page_failed(self, gen: int, page: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        if self._replacing == gen:
            self._replacing = None
        self._pending.discard(page)
        if not self.fetching:
            self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    def _row(self, row: int):
        """The summary at ``row``, asking for its page when it is not held."""
        if not 0 <= row < self._rows_n:
            return None
        page, off = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            if self._replacing is not None:
                return None  # the rows shown belong to the filter being replaced
            self._request(page)
            rows = self._pages.get(page)  # a synchronous runner (tests) has it already
            if rows is None:
                return None
        else:
            self._pages.move_to_end(page)
        return rows[off] if off < len(rows) else None

    # -- live updates ---------------------------------------------------------------
    def refresh_ids(self, ids: list) -> None:
        """Bring the rows of ``ids`` up to date (an empty list reloads everything).

        A changed row is replaced in place (the list does not jump under the user); a row
        that no longer matches, or a new declaration, re-reads the count and the pages.
        """
        self._floor_seen = None  # the newest rows changed: a bound is read again
        if not ids or len(ids) > 50:
            self._soft_reload()
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
        for decl_id in ids:
            row = rows.get(decl_id)
            pos = self._index.get(decl_id)
            if pos is None and row is not None and not self._matches(row):
                continue  # not listed and not wanted here
            if pos is None or row is None or not self._matches(row):
                self._soft_reload()
                return
            page, off = divmod(pos, self.page_size)
            self._pages[page][off] = row
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, N_COLS - 1))

    # -- access ---------------------------------------------------------------------
    def summary(self, row: int):
        return self._row(row)

    def row_of(self, decl_id: str) -> int | None:
        """The row of ``decl_id`` if its page is held."""
        return self._index.get(decl_id)

    def ids(self) -> list[str]:
        """The ids of the rows held now (not the whole list: see ``client.services.selection``)."""
        return [r.id for _p, rows in sorted(self._pages.items()) for r in rows]

    def retranslate(self) -> None:
        """Re-label headers and cells after a language switch."""
        self._headers = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows_n:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._rows_n - 1, self.columnCount() - 1))

    # -- QAbstractTableModel ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._rows_n

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else N_COLS

    def headers(self) -> list[str]:
        names = {Col.VALID: "", Col.NUMBER: self.tr("报检号"), Col.STATUS: self.tr("状态"),
                 Col.DIRECTION: self.tr("出入境"), Col.MODE: self.tr("通关模式"),
                 Col.PARTY: self.tr("收货人/发货人"), Col.CONTRACT: self.tr("合同号"),
                 Col.BL: self.tr("提单号"), Col.GOODS: self.tr("货物"), Col.VALUE: self.tr("货值"),
                 Col.RECEIPT: self.tr("最后回执时间"), Col.FILED_BY: self.tr("定稿人"),
                 Col.CLEARANCE_DOC: self.tr("通关单号")}
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
        r = self._row(index.row())
        if r is None:
            return None
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
        if col == Col.FILED_BY:
            return r.filed_by or ""
        if col == Col.CLEARANCE_DOC:
            return r.clearance_doc_no or ""
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
        if col == Col.CLEARANCE_DOC:
            return r.clearance_doc_no or ""
        return self._display(r, col)

    def _tooltip(self, r, col: int) -> str | None:
        if col == Col.VALID:
            if r.valid is None and r.status != "draft":
                return self.tr("定稿时已通过校验")
            if r.valid is None:
                return self.tr("尚未校验（或校验后又有修改）")
            if r.valid:
                return self.tr("校验通过") + (self.tr("，%n 个提示", "", r.warning_count)
                                             if r.warning_count else "")
            return self.tr("%n 个错误", "", r.error_count or 0)
        if col == Col.STATUS and r.status_note:
            return note_text(r.status_note, self.ctx.lang)
        if col == Col.RECEIPT and r.last_receipt_at:
            return local_time(r.last_receipt_at, True)
        if col == Col.NUMBER and not r.inspection_no:
            return self.tr("定稿时分配报检号。本地编号：{id}").format(id=r.id)
        if col == Col.CLEARANCE_DOC and r.clearance_doc_no:
            return self.tr("放行后平台签发的通关单号，报关时填写")
        if col in (Col.GOODS, Col.PARTY):
            return self._display(r, col) or None
        return None


#: summary fields whose values repeat across rows: one shared string each saves ~50 MB
#: with 100,000 rows listed
_SHARED = ("direction", "clearance_mode", "status", "declare_bureau", "consignee", "consignor",
           "declarant_uscc", "goods_summary", "currency", "status_note")


def _page(desk, **kw) -> list:
    """One page of ``desk.list`` with repeated strings shared (runs on the task runner)."""
    return _shared(desk.list(**kw))


def _shared(rows: list) -> list:
    """``rows`` with the strings of :data:`_SHARED` interned (one copy each)."""
    import sys
    setattr_ = object.__setattr__  # the rows were just made here, on this thread: no one
    for r in rows:                 # else holds them yet, so filling them in place is safe
        for f in _SHARED:
            v = getattr(r, f)
            if isinstance(v, str):
                setattr_(r, f, sys.intern(v))
    return rows


def _bounded_page(desk, **kw) -> tuple:
    """``(floor, first page)`` of a search as the search box asks (``None``: every match;
    else the key its walk of the newest declarations stopped at), with repeated strings
    shared (runs on the task runner)."""
    floor, rows = desk.search_first_page(**kw)
    return floor, _shared(rows)


def _count(desk, **kw) -> int:
    """How many rows the filter selects (runs on the task runner)."""
    return desk.count(**kw)


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
    """A proxy over the model (sorting by :data:`SortRole` sorts only the held rows: the
    list page leaves header sorting off, the order is the store's)."""
    from PySide6.QtCore import QSortFilterProxyModel
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setSortLocaleAware(True)
    proxy.setDynamicSortFilter(True)
    return proxy
