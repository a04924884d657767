"""The header bar: who is declaring (enterprise, credit grade), for whom, and sync health.

It shows what it is given (``set_enterprise(dict)``, ``set_sync_state(SyncState)``); the
main window fetches those off the GUI thread.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QWidget

from client.timeutil import parse_time

from ..app import ACCENT
from ..models.formatting import local_time
from .badges import GRADE_COLOURS, UNKNOWN_GRADE

log = logging.getLogger(__name__)


def _age_text(when: str | None) -> str:
    """How long ago ``when`` was, in words (for the sync indicator)."""
    if not when:
        return QCoreApplication.translate("SyncIndicator", "从未同步")
    dt = parse_time(when)
    if dt is None:
        return when
    secs = (datetime.now(timezone.utc) - dt).total_seconds()
    if secs < 60:
        return QCoreApplication.translate("SyncIndicator", "刚刚")
    if secs < 3600:
        return QCoreApplication.translate("SyncIndicator", "{n} 分钟前").format(n=int(secs // 60))
    if secs < 86400:
        return QCoreApplication.translate("SyncIndicator", "{n} 小时前").format(n=int(secs // 3600))
    return local_time(when)


class GradeBadge(QLabel):
    """The enterprise's credit grade as a coloured badge with an explanatory tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grade: str | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(64)
        self.set_grade(None)

    def set_grade(self, grade: str | None, tooltip: str = "") -> None:
        self.grade = grade
        fg, bg = GRADE_COLOURS.get(grade or "", UNKNOWN_GRADE)
        self.setText(self.tr("信用 {g}").format(g=grade) if grade else self.tr("信用 未知"))
        self.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border-radius: 10px;"
                           f" padding: 2px 10px; font-weight: 700; }}")
        self.setToolTip(tooltip)
        self.setAccessibleName(self.text())


class SyncIndicator(QLabel):
    """Online/offline dot, outbox size, last successful sync; the error in its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = None
        self.setTextFormat(Qt.TextFormat.RichText)
        self.mode = "offline"

    def set_state(self, state) -> None:
        self.state = state
        self.refresh()

    def refresh(self) -> None:
        st = self.state
        if st is None or not st.logged_in:
            colour, label, self.mode = "#98a2ad", self.tr("离线工作（未登录）"), "offline"
        elif st.running:
            colour, label, self.mode = ACCENT, self.tr("正在同步…"), "syncing"
            if st.progress and st.progress[1]:
                label = self.tr("正在同步 {d}/{t}…").format(d=st.progress[0], t=st.progress[1])
        elif st.online is False:
            colour, label, self.mode = "#e07b12", self.tr("离线"), "offline"
        elif st.last_error:
            colour, label, self.mode = "#cf2e2e", self.tr("同步出错"), "error"
        else:
            colour, label, self.mode = "#2e9d4f", self.tr("在线"), "online"
        parts = [f"<span style='color:{colour}; font-size:14px'>●</span> <b>{label}</b>"]
        outbox = st.outbox if st is not None else 0
        if outbox:
            parts.append(self.tr("待发送 {n}").format(n=outbox))
        if st is not None and st.logged_in:
            parts.append(self.tr("上次同步：{t}").format(t=_age_text(st.last_success)))
        self.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts))
        tip = [label]
        if st is not None:
            if st.last_success:
                tip.append(self.tr("上次成功同步：{t}").format(t=local_time(st.last_success, True)))
            if outbox:
                tip.append(self.tr("发件箱中有 %n 项等待发送", "", outbox))
            if st.last_error:
                tip.append(self.tr("最近一次同步失败：{e}").format(e=st.last_error))
            if st.online is False:
                tip.append(self.tr("无法连接平台：可以继续编辑和定稿，联网后自动发送。"))
        self.setToolTip("\n".join(tip))
        self.setAccessibleName(label)


class HeaderBar(QFrame):
    """Enterprise name, credit grade badge, broker's client switcher and sync indicator.

    Signals:
        client_changed(object): the chosen client's USCC (a broker filing for a client), or
            ``None`` for every client.
        sync_clicked(): the user clicked the sync indicator (sync now).
    """

    client_changed = Signal(object)
    sync_clicked = Signal()

    def __init__(self, codes=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.codes = codes
        self.enterprise: dict | None = None
        self.setObjectName("HeaderBar")
        self.setStyleSheet("#HeaderBar { background: #ffffff; border-bottom: 1px solid #dde3ea; }")
        self.app_title = QLabel()
        self.app_title.setStyleSheet(f"color: {ACCENT}; font-size: 15px; font-weight: 700;")
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 14px; font-weight: 600; color: #1d2733;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grade = GradeBadge()
        self.client_label = QLabel()
        self.client_label.setStyleSheet("color: #5b6673;")
        self.clients = QComboBox()
        self.clients.setMinimumWidth(220)
        self.clients.currentIndexChanged.connect(self._client_picked)
        self.sync = SyncIndicator()
        self.sync.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync.mousePressEvent = lambda _e: self.sync_clicked.emit()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 8, 16, 8)
        lay.setSpacing(10)
        lay.addWidget(self.app_title)
        sep = QFrame()
        sep.setFrameShape(QFrame.Shape.VLine)
        sep.setStyleSheet("color: #dde3ea;")
        lay.addWidget(sep)
        lay.addWidget(self.name)
        lay.addWidget(self.grade)
        lay.addSpacing(16)
        lay.addWidget(self.client_label)
        lay.addWidget(self.clients)
        lay.addStretch(1)
        lay.addWidget(self.sync)
        self.retranslateUi()

    # -- language --------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        self.app_title.setText(self.tr("CIQ Desk 报检"))
        self.client_label.setText(self.tr("委托企业："))
        if self.clients.count():
            self.clients.setItemText(0, self.tr("全部委托企业"))
        self.set_enterprise(self.enterprise)
        self.sync.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- content ---------------------------------------------------------------------
    def _lang(self) -> str:
        from PySide6.QtCore import QLocale
        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

    def grade_tooltip(self, grade: str | None, updated_at: str | None) -> str:
        """What the grade means (from ``codes/credit_grades.csv``) and when it was synced."""
        if not grade:
            return self.tr("尚未从平台取得信用等级：登录并同步后显示。")
        meaning = {
            "AA": self.tr("诚信企业：免除单证审核，仅按最低比例随机抽检，通关最快。"),
            "A": self.tr("便利通关：减少单证审核，降低查验比例。"),
            "B": self.tr("常规管理：正常单证审核和查验。"),
            "C": self.tr("严密监管：加强单证审核，提高查验比例。"),
            "D": self.tr("严重失信：最严格监管，每批货物均须查验。"),
        }.get(grade, "")
        name = grade
        direct = None
        if self.codes is not None:
            try:
                entry = self.codes.table("credit_grades").get(grade)
            except Exception:  # noqa: BLE001 - a missing table must not break the header
                log.exception("credit_grades table unavailable")
                entry = None
            if entry is not None:
                name = entry.name_cn if self._lang() == "zh" else f"Grade {grade}"
                if self._lang() == "en" and entry.row.get("handling"):
                    meaning = entry.row["handling"].capitalize() + "."
                direct = entry.row.get("direct_modes_allowed") == "yes"
        lines = [name, meaning]
        if direct is not None:
            lines.append(self.tr("可使用进口直通/出口直放及异地报检。") if direct
                         else self.tr("不可使用进口直通/出口直放及异地报检。"))
        lines.append(self.tr("等级更新于：{t}").format(t=local_time(updated_at, True))
                     if updated_at else self.tr("等级更新时间未知"))
        return "\n".join(x for x in lines if x)

    def set_enterprise(self, ent: dict | None) -> None:
        """Show the logged-in enterprise (``desk.enterprise()``), or "not logged in"."""
        self.enterprise = ent
        if not ent:
            self.name.setText(self.tr("未登录企业"))
            self.grade.set_grade(None, self.grade_tooltip(None, None))
            self._set_clients([])
            return
        lang = self._lang()
        name = (ent.get("name_en") if lang == "en" else None) or ent.get("name_cn") or \
            ent.get("name_en") or ent.get("uscc") or ""
        self.name.setText(name)
        self.name.setToolTip(self.tr("统一社会信用代码：{u}\n报检单位登记号：{r}").format(
            u=ent.get("uscc") or "—", r=ent.get("reg_no") or "—"))
        self._set_clients(ent.get("clients") or [] if ent.get("role") == "broker" else [])
        self._show_grade()

    def _show_grade(self) -> None:
        """The badge: the chosen client's grade (what the rules judge its filings by), else
        the logged-in enterprise's own."""
        ent = self.enterprise or {}
        uscc = self.clients.currentData() if self.clients.isVisibleTo(self) else None
        client = next((c for c in ent.get("clients") or [] if c.get("uscc") == uscc), None)
        if client is not None:
            grade = client.get("credit_grade")
            name = client.get("name_cn") or client.get("name_en") or uscc
            tip = self.tr("委托企业：{n}").format(n=name) + "\n" + self.grade_tooltip(
                grade, client.get("credit_grade_updated_at"))
            self.grade.set_grade(grade, tip)
            return
        at = ent.get("credit_grade_updated_at") or ent.get("credit_grade_synced_at")
        self.grade.set_grade(ent.get("credit_grade"), self.grade_tooltip(ent.get("credit_grade"), at))

    def _set_clients(self, clients: list[dict]) -> None:
        current = self.clients.currentData()
        self.clients.blockSignals(True)
        self.clients.clear()
        if clients:
            self.clients.addItem(self.tr("全部委托企业"), None)
            for c in clients:
                grade = c.get("credit_grade")
                label = (c.get("name_cn") or c.get("name_en") or c.get("uscc") or "")
                self.clients.addItem(f"{label}（{grade}）" if grade else label, c.get("uscc"))
            idx = self.clients.findData(current)
            self.clients.setCurrentIndex(max(idx, 0))
        self.clients.blockSignals(False)
        self.clients.setVisible(bool(clients))
        self.client_label.setVisible(bool(clients))

    def _client_picked(self, _index: int) -> None:
        self._show_grade()
        self.client_changed.emit(self.clients.currentData())

    def set_sync_state(self, state) -> None:
        self.sync.set_state(state)
