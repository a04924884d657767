"""The dashboard: counts by status, releases per day, time to release by credit grade.

Figures come from :func:`client.services.stats.dashboard` (pure SQL in the core, run on
the task runner); this page only charts them with QtCharts. QtCharts is imported here,
lazily (the main window imports this module the first time the dashboard is opened).
"""
from __future__ import annotations

import logging
import math
from datetime import datetime, time, timezone

from PySide6.QtCharts import (QAreaSeries, QBarCategoryAxis, QBarSet, QChart, QChartView,
                              QDateTimeAxis, QHorizontalStackedBarSeries, QLineSeries,
                              QStackedBarSeries, QValueAxis)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from client.lifecycle import STATUS_NAMES
from client.services.stats import GRADES

from .app import ACCENT
from .widgets.badges import GRADE_COLOURS, STATUS_COLOURS

log = logging.getLogger(__name__)

_ORDER = ("draft", "ready", "sent", "accepted", "under_review", "inspection", "released",
          "certified", "rejected", "withdrawn")


class KpiCard(QFrame):
    """A headline figure with its caption."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("KpiCard")
        self.setStyleSheet("#KpiCard { background: #ffffff; border: 1px solid #dde3ea;"
                           " border-radius: 6px; }")
        self.value = QLabel("—")
        self.value.setStyleSheet(f"font-size: 22px; font-weight: 700; color: {ACCENT};")
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #5b6673;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.addWidget(self.caption)
        lay.addWidget(self.value)

    def set(self, caption: str, value: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value)


def _chart(title: str) -> QChart:
    ch = QChart()
    ch.setTitle(title)
    f = QFont()
    f.setPointSizeF(f.pointSizeF() + 1)
    f.setBold(True)
    ch.setTitleFont(f)
    ch.setTitleBrush(QBrush(QColor("#1d2733")))
    ch.setBackgroundRoundness(6)
    ch.setBackgroundPen(QPen(QColor("#dde3ea")))
    ch.setMargins(QMargins(6, 6, 6, 6))
    ch.legend().hide()
    ch.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return ch


def _reset(view: QChartView, title: str) -> QChart:
    """The view's own chart, emptied for a redraw (charts are kept, never swapped: a
    replaced chart may still be referenced by pending paint events)."""
    ch = view.chart()
    ch.setTitle(title)
    ch.removeAllSeries()
    for axis in ch.axes():
        ch.removeAxis(axis)
        axis.deleteLater()
    return ch


def _view(chart: QChart) -> QChartView:
    v = QChartView(chart)
    v.setRenderHint(QPainter.RenderHint.Antialiasing)
    v.setMinimumHeight(260)
    return v


class DashboardPage(QWidget):
    """Charts of the local store's figures (refresh() recomputes them off the GUI thread)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.declarant: str | None = None
        self.data = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 700; color: #1d2733;")
        self.note = QLabel()
        self.note.setStyleSheet("color: #6b7785;")
        self.cards = [KpiCard() for _ in range(4)]
        self._charts = [_chart("") for _ in range(3)]  # owned by their views; kept here too
        self.status_view, self.release_view, self.grade_view = (_view(c) for c in self._charts)
        self._area_lines = ()
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(8)
        head.addWidget(self.note)
        head.addStretch(1)
        grid.addLayout(head, 0, 0, 1, 2)
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for c in self.cards:
            cards.addWidget(c)
        grid.addLayout(cards, 1, 0, 1, 2)
        grid.addWidget(self.status_view, 2, 0, 2, 1)
        grid.addWidget(self.release_view, 2, 1)
        grid.addWidget(self.grade_view, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.title.setText(self.tr("统计看板"))
        self.note.setText(self.tr("按本机已同步的数据统计"))
        if self.data is not None:
            self._render(self.data)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_declarant(self, uscc: str | None) -> None:
        self.declarant = uscc

    def refresh(self) -> None:
        from client.services import stats
        offset = datetime.now().astimezone().utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        self.ctx.runner.run(stats.dashboard, self.ctx.desk, declarant=self.declarant,
                            utc_offset_minutes=minutes, on_done=self._render,
                            on_error=lambda exc: log.error("dashboard: %r", exc))

    # -- drawing ---------------------------------------------------------------------------
    def _status_label(self, st: str) -> str:
        zh, en = STATUS_NAMES.get(st, (st, st))
        return en if self.ctx.lang == "en" else zh

    def _render(self, d) -> None:
        self.data = d
        total = sum(d.counts.values())
        in_review = sum(d.counts.get(s, 0) for s in ("accepted", "under_review", "inspection"))
        released_30 = sum(n for _, n in d.releases_per_day)
        med = d.median_hours
        self.cards[0].set(self.tr("报检单总数"), f"{total:,}")
        self.cards[1].set(self.tr("待发送（已定稿）"), f"{d.counts.get('ready', 0):,}")
        self.cards[2].set(self.tr("受理/审单/查验中"), f"{in_review:,}")
        self.cards[3].set(self.tr("近30天放行 · 放行时间中位数"),
                          f"{released_30:,} · " + (self._hours(med) if med is not None else "—"))
        self._status_chart(d)
        self._release_chart(d)
        self._grade_chart(d)

    def _hours(self, h: float) -> str:
        if h < 1:
            return self.tr("{m} 分钟").format(m=max(1, round(h * 60)))
        if h < 48:
            return self.tr("{h:.1f} 小时").format(h=h)
        return self.tr("{d:.1f} 天").format(d=h / 24)

    def _status_chart(self, d) -> None:
        ch = _reset(self.status_view, self.tr("各状态报检单数量"))
        statuses = [s for s in _ORDER]
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.7)
        for i, st in enumerate(statuses):
            bs = QBarSet(self._status_label(st))
            bs.append([float(d.counts.get(st, 0)) if j == i else 0.0 for j in range(len(statuses))])
            fg, _bg = STATUS_COLOURS.get(st, ("#888", "#eee"))
            bs.setColor(QColor(fg))
            bs.setBorderColor(QColor(fg))
            series.append(bs)
        series.setLabelsVisible(False)
        ch.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([self._status_label(s) for s in statuses])
        ch.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cats)
        vals = QValueAxis()
        _integer_ticks(vals, max([1] + list(d.counts.values())))
        ch.addAxis(vals, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(vals)
        cats.setReverse(True)

    def _release_chart(self, d) -> None:
        ch = _reset(self.release_view, self.tr("近30天每日放行数"))
        upper = QLineSeries()
        lower = QLineSeries()
        for day, n in d.releases_per_day:
            ms = datetime.combine(day, time(12), tzinfo=timezone.utc).timestamp() * 1000
            upper.append(ms, n)
            lower.append(ms, 0)
        area = QAreaSeries(upper, lower)
        # QAreaSeries does not own its lines: tie them to it (freed with it), and keep them
        upper.setParent(area)
        lower.setParent(area)
        self._area_lines = (upper, lower)
        area.setColor(QColor(31, 111, 209, 60))
        area.setBorderColor(QColor(ACCENT))
        pen = QPen(QColor(ACCENT))
        pen.setWidth(2)
        area.setPen(pen)
        ch.addSeries(area)
        x = QDateTimeAxis()
        x.setFormat("MM-dd")
        x.setTickCount(7)
        ch.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        area.attachAxis(x)
        y = QValueAxis()
        _integer_ticks(y, max([1] + [n for _, n in d.releases_per_day]))
        ch.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        area.attachAxis(y)

    def _grade_chart(self, d) -> None:
        ch = _reset(self.grade_view, self.tr("提交到放行时间中位数（小时），按信用等级"))
        # every grade, those without a release as an empty slot (not only the measured ones)
        grades = list(GRADES) + [g for g in d.median_hours_by_grade if g not in GRADES]
        series = QStackedBarSeries()
        series.setBarWidth(0.6)
        for i, g in enumerate(grades):
            bs = QBarSet(g)
            hours = d.median_hours_by_grade.get(g, (0.0, 0))[0]
            bs.append([round(hours, 1) if j == i else 0.0 for j in range(len(grades))])
            bs.setColor(QColor(GRADE_COLOURS.get(g, ("", "#98a2ad"))[1]))
            series.append(bs)
        ch.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([self.tr("{g}级").format(g=g) for g in grades])
        measured = "、".join(f"{g} {d.median_hours_by_grade[g][1]}"
                            for g in grades if g in d.median_hours_by_grade)
        if measured:
            self.grade_view.setToolTip(self.tr("参与统计的放行份数：{m}").format(m=measured))
        ch.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cats)
        y = QValueAxis()
        _integer_ticks(y, max([1.0] + [v[0] for v in d.median_hours_by_grade.values()]))
        ch.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)


def integer_ticks(top: float, most: int = 6) -> tuple[int, int]:
    """``(axis maximum, tick count)`` for an axis from 0 whose ticks are whole numbers
    1, 2 or 5 × 10^k apart, at most ``most`` ticks, the maximum at or above ``top``."""
    top = max(1.0, float(top))
    step = 1
    while True:
        for m in (1, 2, 5):
            s = step * m
            n = math.ceil(top / s)
            if n + 1 <= most:
                return n * s, n + 1
        step *= 10


def _integer_ticks(axis: QValueAxis, top: float) -> None:
    """Range ``axis`` from 0 with whole-number ticks (never 0, 1, 1, 2 from a 0.5 step)."""
    hi, ticks = integer_ticks(top * 1.1)  # a little room above the tallest bar
    axis.setLabelFormat("%d")
    axis.setRange(0, hi)
    axis.setTickCount(ticks)
