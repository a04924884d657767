"""The left navigation's entries: declaration states grouped as a declarer thinks of them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

KeyRole = Qt.ItemDataRole.UserRole + 1
StatusesRole = Qt.ItemDataRole.UserRole + 2
CountRole = Qt.ItemDataRole.UserRole + 3
KindRole = Qt.ItemDataRole.UserRole + 4  # "filter" | "separator" | "view"


@dataclass(frozen=True)
class NavEntry:
    key: str
    statuses: tuple[str, ...] | None  # None = every status
    kind: str = "filter"


ENTRIES: tuple[NavEntry, ...] = (
    NavEntry("all", None),
    NavEntry("draft", ("draft",)),
    NavEntry("ready", ("ready",)),
    NavEntry("sent", ("sent",)),
    NavEntry("review", ("accepted", "under_review")),
    NavEntry("inspection", ("inspection",)),
    NavEntry("released", ("released", "certified")),
    NavEntry("rejected", ("rejected",)),
    NavEntry("withdrawn", ("withdrawn",)),
    NavEntry("sep", None, "separator"),
    NavEntry("dashboard", None, "view"),
    NavEntry("origin", None, "view"),  # certificates of origin (ui/origin_page.py)
)


class NavModel(QAbstractListModel):
    """One row per navigation entry, with its live count (``set_counts``)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._counts: dict[str, int] = {}
        # certificates of origin by status (their entry shows the total)
        self._origin_counts: dict[str, int] | None = None
        self._labels: dict[str, str] | None = None

    def labels(self) -> dict[str, str]:
        """Entry labels in the current language (cached until :meth:`retranslate`)."""
        if self._labels is None:
            self._labels = self._make_labels()
        return self._labels

    def _make_labels(self) -> dict[str, str]:
        return {"all": self.tr("全部"), "draft": self.tr("草稿"),
                "ready": self.tr("已定稿待发送"), "sent": self.tr("已发送"),
                "review": self.tr("已受理/审单中"), "inspection": self.tr("查验"),
                "released": self.tr("已放行"), "rejected": self.tr("退回"),
                "withdrawn": self.tr("已撤销"), "sep": "", "dashboard": self.tr("统计看板"),
                "origin": self.tr("原产地证书")}

    def set_counts(self, counts: dict[str, int]) -> None:
        """Counts per status (as ``desk.counts_by_status`` returns them)."""
        self._counts = dict(counts)
        self.dataChanged.emit(self.index(0), self.index(len(ENTRIES) - 1), [CountRole])

    def set_origin_counts(self, counts: dict[str, int]) -> None:
        self._origin_counts = dict(counts)
        row = self.row_of("origin")
        self.dataChanged.emit(self.index(row), self.index(row), [CountRole])

    def count_of(self, key: str) -> int | None:
        if key == "origin":
            return sum(self._origin_counts.values()) if self._origin_counts is not None else None
        entry = self.entry(self.row_of(key))
        if entry.kind != "filter":
            return None
        if entry.statuses is None:
            return sum(self._counts.values())
        return sum(self._counts.get(s, 0) for s in entry.statuses)

    def entry(self, row: int) -> NavEntry:
        return ENTRIES[row]

    def row_of(self, key: str) -> int:
        for i, e in enumerate(ENTRIES):
            if e.key == key:
                return i
        raise KeyError(key)

    def retranslate(self) -> None:
        self._labels = None
        self.dataChanged.emit(self.index(0), self.index(len(ENTRIES) - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(ENTRIES)

    def flags(self, index: QModelIndex):
        if ENTRIES[index.row()].kind == "separator":
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = ENTRIES[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.labels()[e.key]
        if role == KeyRole:
            return e.key
        if role == StatusesRole:
            return e.statuses
        if role == CountRole:
            return self.count_of(e.key)
        if role == KindRole:
            return e.kind
        if role == Qt.ItemDataRole.AccessibleTextRole:
            n = self.count_of(e.key)
            return self.labels()[e.key] + (f" {n}" if n is not None else "")
        return None
