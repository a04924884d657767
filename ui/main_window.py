"""The main window: navigation by state, the declarations list, header and status bars.

:class:`MainWindow` wires the pieces (``ui/widgets``, ``ui/models``, ``ui/main_list``,
``ui/main_actions``) to the core through the :class:`~ui.tasks.TaskRunner` only, and
re-labels itself on a language switch (``changeEvent`` → ``retranslateUi``).
Commands that act on declarations live in :mod:`ui.main_commands`.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (QLabel, QMainWindow, QMenu, QProgressBar, QSplitter,
                               QStackedWidget, QToolBar, QToolButton, QVBoxLayout, QWidget)

from .main_actions import MainActions
from .main_commands import CommandsMixin
from .main_list import ListPage
from .notifications import Notifier
from .sync_bridge import SyncBridge
from .widgets.header_bar import HeaderBar
from .widgets.icons import icon
from .widgets.nav import NavPanel

log = logging.getLogger(__name__)


class MainWindow(CommandsMixin, QMainWindow):
    """The desk: what is in which state, and the commands to move it along.

    Emits nothing of its own; listens to ``ctx.events`` (declarations_changed,
    enterprise_changed, open_declaration) and to its :class:`SyncBridge`.
    """

    def __init__(self, ctx, parent: QWidget | None = None, *, use_tray: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.language = ctx.language
        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)
        self.setMinimumSize(QSize(960, 600))
        self._editors: dict[str, QWidget] = {}
        self._templates: list[tuple[str, str, str | None]] = []
        self._declarant: str | None = None
        self.dashboard = None

        self.actions_ = MainActions(self)
        self.header = HeaderBar(codes=None)
        self.nav = NavPanel()
        self.list = ListPage(ctx)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setHandleWidth(1)
        split.setChildrenCollapsible(False)
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([166, 1114])
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.header)
        lay.addWidget(split, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_menus()
        self._build_statusbar()
        self.sync = SyncBridge(ctx, self)
        from .store_watch import StoreWatcher
        self.store_watch = StoreWatcher(ctx, self)  # follows other processes' changes
        self.notifier = Notifier(self, use_tray=use_tray)
        self._connect()
        from .logout import LogoutCommand
        self.logout_command = LogoutCommand(self)  # 申报 → 退出登录 (ui/logout.py)
        from .code_versions import CodeVersionsCommand
        self.code_versions = CodeVersionsCommand(self)  # 帮助 → 代码表版本 (ui/code_versions.py)
        from .draft_bin import DraftBinCommand
        self.draft_bin = DraftBinCommand(self)  # 删除草稿, 报检单 → 最近删除的草稿… (ui/draft_bin.py)
        from .client_defaults import ClientDefaultsCommand
        self.client_defaults = ClientDefaultsCommand(self)  # 申报 → 委托企业默认值… (ui/client_defaults.py)
        self.setAcceptDrops(True)  # drop .xlsx/.csv/.json files (or e-certificate .xml) to import
        self._restore_table_state()
        self.retranslateUi()
        self._update_actions([])
        self.list.model.reload()
        self.refresh_counts()
        self.refresh_enterprise()

    # -- building ---------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        a = self.actions_
        tb = QToolBar()
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addAction(a.new_inbound)
        tb.addAction(a.new_outbound)
        tb.addAction(a.duplicate)
        self.template_menu = QMenu(self)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        a.from_template.setMenu(self.template_menu)
        tb.addAction(a.from_template)
        btn = tb.widgetForAction(a.from_template)
        if isinstance(btn, QToolButton):
            btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tb.addSeparator()
        tb.addAction(a.validate)
        tb.addAction(a.finalise)
        tb.addAction(a.sync)
        tb.addSeparator()
        tb.addAction(a.import_)
        tb.addAction(a.export)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        tb.addWidget(spacer)
        from .trace_box import TraceBox  # issue 15: trace a scanned label
        self.trace_box = TraceBox(self.ctx, self)
        tb.addWidget(self.trace_box)
        tb.addAction(a.dashboard)
        self.toolbar = tb
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        # keys that belong to the table only
        for act in (a.open, a.delete, a.copy_number):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.list.table.addAction(act)
        self.addAction(a.find)
        self.addAction(a.list_view)

    def _build_menus(self) -> None:
        a = self.actions_
        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        for act in (a.import_, a.export, None, a.quit):
            self.menu_file.addSeparator() if act is None else self.menu_file.addAction(act)
        self.menu_decl = mb.addMenu("")
        for act in (a.new_inbound, a.new_outbound, a.duplicate, a.from_template, None, a.open,
                    a.validate, a.finalise, a.history, a.print_, a.copy_number, None, a.delete):
            self.menu_decl.addSeparator() if act is None else self.menu_decl.addAction(act)
        self.menu_sync = mb.addMenu("")
        self.menu_sync.addAction(a.sync)
        self.menu_sync.addSeparator()
        self.menu_sync.addAction(a.login)
        self.menu_view = mb.addMenu("")
        self.menu_view.addAction(a.list_view)
        self.menu_view.addAction(a.dashboard)
        self.menu_lang = mb.addMenu("语言/Language")
        self.menu_lang.addAction(a.lang_zh)
        self.menu_lang.addAction(a.lang_en)
        (a.lang_en if self.ctx.lang == "en" else a.lang_zh).setChecked(True)
        self.menu_help = mb.addMenu("")
        self.menu_help.addAction(a.about)
        self.row_menu = QMenu(self)
        for act in (a.open, a.history, a.print_, None, a.duplicate, a.validate, a.finalise, None,
                    a.copy_number, a.export, None, a.delete):
            self.row_menu.addSeparator() if act is None else self.row_menu.addAction(act)

    def _build_statusbar(self) -> None:
        sb = self.statusBar()
        sb.setSizeGripEnabled(True)
        self.counts_label = QLabel()
        self.loaded_label = QLabel()
        self.loaded_label.setStyleSheet("color: #6b7785;")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.busy_label = QLabel()
        self.busy_label.hide()
        sb.addPermanentWidget(self.busy_label)
        sb.addPermanentWidget(self.busy)
        sb.addPermanentWidget(self.loaded_label)
        sb.addPermanentWidget(self.counts_label)
        self._busy_timer = QTimer(self)  # show the indicator only for work that takes a while
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(250)
        self._busy_timer.timeout.connect(lambda: (self.busy.show(), self.busy_label.show()))
        # counting a search scans the whole store: wait until typing pauses, so the count
        # never competes with the next keystroke's page
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(400)
        self._count_timer.timeout.connect(self._count_matches)

    def _connect(self) -> None:
        a, ev = self.actions_, self.ctx.events
        a.new_inbound.triggered.connect(lambda: self.new_declaration("inbound"))
        a.new_outbound.triggered.connect(lambda: self.new_declaration("outbound"))
        a.duplicate.triggered.connect(self.duplicate_selected)
        a.from_template.triggered.connect(self._template_clicked)
        a.open.triggered.connect(self.open_current)
        a.validate.triggered.connect(self.validate_selected)
        a.finalise.triggered.connect(self.finalise_selected)
        a.sync.triggered.connect(self.sync.sync_now)
        a.login.triggered.connect(self.show_login)
        a.import_.triggered.connect(lambda: self.import_files())
        a.export.triggered.connect(self.export_selected)
        a.copy_number.triggered.connect(self.copy_number)
        a.history.triggered.connect(self.show_history)
        a.print_.triggered.connect(self.print_preview)
        a.dashboard.triggered.connect(lambda: self.nav.select("dashboard"))
        a.list_view.triggered.connect(lambda: self.nav.select(
            self._last_filter_key if hasattr(self, "_last_filter_key") else "all"))
        a.find.triggered.connect(self.focus_search)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self.show_about)
        a.lang_zh.triggered.connect(lambda: self.set_language("zh"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))
        self.nav.filter_selected.connect(self._filter_selected)
        self.nav.view_selected.connect(self._view_selected)
        self.list.search.search_changed.connect(self._search_changed)
        self.list.activated.connect(lambda i: self.open_editor(i))
        self.list.selection_changed.connect(self._update_actions)
        self.list.table.customContextMenuRequested.connect(self._context_menu)
        self.list.model.loading_changed.connect(self._loading)
        self.list.model.page_loaded.connect(self._update_loaded)
        self.list.model.page_loaded.connect(self._first_page_arrived)
        self.list.model.page_loaded.connect(self._fit_columns_once)
        self.list.model.load_failed.connect(self.show_error)
        self.ctx.runner.busy_changed.connect(self._busy_changed)
        self.header.client_changed.connect(self._client_changed)
        self.header.sync_clicked.connect(self.sync.sync_now)
        self.sync.state_changed.connect(self.header.set_sync_state)
        self.sync.released.connect(self.notifier.released)
        self.sync.released_many.connect(self.notifier.released_many)
        self.sync.rejected.connect(self.notifier.rejected)
        ev.declarations_changed.connect(lambda _ids: self.refresh_counts())
        ev.declarations_changed.connect(self._refresh_dashboard_if_shown)
        ev.enterprise_changed.connect(self.refresh_enterprise)
        ev.open_declaration.connect(lambda i: self.open_editor(i))
        ev.templates_changed.connect(self.refresh_templates)
        if self.language is not None:
            self.language.changed.connect(self._language_changed)

    def focus_search(self) -> None:
        """Ctrl+F: back to the list if need be, then into the search box."""
        if self.stack.currentWidget() is not self.list:
            self.nav.select(getattr(self, "_last_filter_key", "all"))
        self.list.search.setFocus()
        self.list.search.selectAll()

    def start_sync(self) -> None:
        """Begin background sync (first run now, then on the timer)."""
        self.sync.start()

    # -- language ---------------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("CIQ Desk — 出入境检验检疫报检"))
        self.actions_.retranslate()
        self.menu_file.setTitle(self.tr("文件(&F)"))
        self.menu_decl.setTitle(self.tr("报检单(&D)"))
        self.menu_sync.setTitle(self.tr("申报(&S)"))
        self.menu_view.setTitle(self.tr("视图(&V)"))
        self.menu_help.setTitle(self.tr("帮助(&H)"))
        self.toolbar.setWindowTitle(self.tr("工具栏"))
        self._update_loaded(self.list.model.rowCount())
        self._show_counts()
        self.busy_label.setText(self.tr("正在处理…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        if self.language is not None:
            self.language.set_language(lang)
        else:  # no translator manager (tests without one): still switch data language
            self._language_changed(lang)

    def _language_changed(self, lang: str) -> None:
        self.ctx.lang = lang
        (self.actions_.lang_en if lang == "en" else self.actions_.lang_zh).setChecked(True)
        self.list.model.retranslate()
        self.list.fit_headers()  # English headers are longer: never cut them
        self.list.fit_text_columns()
        self.header.retranslateUi()
        if self.dashboard is not None:
            self.dashboard.refresh()

    # -- navigation, search, counts -------------------------------------------------------
    def _filter_selected(self, statuses) -> None:
        self._last_filter_key = self.nav.current_key()
        self.stack.setCurrentWidget(self.list)
        self.loaded_label.show()
        self.list.set_title_key(self._last_filter_key)
        self._refilter(status=statuses)

    def _view_selected(self, key: str) -> None:
        if key == "origin":
            self.show_origin()
            return
        if key == "dashboard":
            if self.dashboard is None:
                from .dashboard import DashboardPage
                self.dashboard = DashboardPage(self.ctx)
                self.stack.addWidget(self.dashboard)
            self.stack.setCurrentWidget(self.dashboard)
            self.loaded_label.hide()
            self.dashboard.set_declarant(self._declarant)
            self.dashboard.refresh()

    def show_origin(self) -> None:
        """The certificates-of-origin page (made on first use; ui/origin_page.py)."""
        if getattr(self, "origin_page", None) is None:
            from .origin_page import OriginPage
            self.origin_page = OriginPage(self.ctx)
            self.origin_page.counts_changed.connect(self.nav.model.set_origin_counts)
            self.stack.addWidget(self.origin_page)
        self.stack.setCurrentWidget(self.origin_page)
        self.loaded_label.hide()
        self.origin_page.refresh()

    def _refresh_dashboard_if_shown(self, _ids=None) -> None:
        if self.dashboard is not None and self.stack.currentWidget() is self.dashboard:
            self.dashboard.refresh()

    def _search_changed(self, text: str) -> None:
        self._refilter(search=text)

    def _refilter(self, **filters) -> None:
        """Apply filters; a search's match count follows its first page (see below)."""
        search = filters.get("search", self.list.model.filters["search"]) or ""
        searching = self._count_pending = bool(search.strip())
        self._count_timer.stop()
        self.list.model.set_filter(**filters)
        if not searching:
            self._count_matches()

    def _client_changed(self, uscc) -> None:
        self._declarant = uscc
        self._refilter(declarant=uscc)
        self.refresh_counts()
        if self.dashboard is not None:
            self.dashboard.set_declarant(uscc)
            self.dashboard.refresh()

    def _fit_columns_once(self, _n: int) -> None:
        self.list.model.page_loaded.disconnect(self._fit_columns_once)
        if self.ctx.lang != "zh":  # the default widths are made for the Chinese labels
            self.list.fit_text_columns()

    def _first_page_arrived(self, n: int) -> None:
        """After a search's first page: the count is known when it all fit, else ask."""
        if not getattr(self, "_count_pending", False):
            return
        self._count_pending = False
        if self.list.model.exhausted:
            self.list.set_match_count(n)  # no second scan of the store needed
        else:
            self.list.matches.setText(self.tr("{n}+ 份").format(n=n))
            self._count_timer.start()

    def _count_matches(self) -> None:
        f = self.list.model._query()
        if not f["search"]:
            self.list.set_match_count(None)
            self._show_counts()
            return
        self.ctx.runner.run(self.ctx.desk.count, **f, on_done=self.list.set_match_count,
                            on_error=lambda _e: self.list.set_match_count(None))

    def refresh_counts(self) -> None:
        """Re-count declarations by status (one GROUP BY, off the GUI thread)."""
        self.ctx.runner.run(self.ctx.desk.counts_by_status, self._declarant,
                            on_done=self._counts_arrived, on_error=self.show_error)
        self.ctx.runner.run(_origin_counts, self.ctx.desk,
                            on_done=self.nav.model.set_origin_counts, on_error=self.show_error)

    def _counts_arrived(self, counts: dict) -> None:
        self._counts = counts
        self.nav.set_counts(counts)
        self._show_counts()

    def _show_counts(self) -> None:
        counts = getattr(self, "_counts", None)
        if counts is None:
            return
        total = sum(counts.values())
        self.counts_label.setText(self.tr("共 {n} 份 · 草稿 {d} · 待发送 {r} · 已放行 {x}").format(
            n=f"{total:,}", d=f"{counts.get('draft', 0):,}", r=f"{counts.get('ready', 0):,}",
            x=f"{counts.get('released', 0) + counts.get('certified', 0):,}"))
        if not self.list.model.filters["search"]:
            key = self.nav.current_key()
            n = self.nav.model.count_of(key) if key != "dashboard" else None
            self.list.set_match_count(n)

    def refresh_enterprise(self) -> None:
        self.ctx.runner.run(_enterprise_and_codes, self.ctx.desk,
                            on_done=self._enterprise_arrived, on_error=self.show_error)

    def _enterprise_arrived(self, result) -> None:
        ent, codes = result
        self.header.codes = codes
        self.header.set_enterprise(ent)

    def _update_loaded(self, n: int) -> None:
        m = self.list.model
        if m.exhausted or not n:
            self.loaded_label.setText("")
        else:
            self.loaded_label.setText(self.tr("已载入 {n} 份，向下滚动载入更多").format(n=f"{n:,}"))

    def _loading(self, on: bool) -> None:
        if on:
            self.statusBar().showMessage(self.tr("正在载入…"))
        else:
            self.statusBar().clearMessage()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()
            self.busy_label.hide()

    # -- drag and drop, remembered layout ---------------------------------------------
    @staticmethod
    def _importable(event) -> list[str]:
        from .dialogs.import_dialog import FILE_SUFFIXES
        from .ecert_drop import XML_SUFFIXES
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [u.toLocalFile() for u in urls if u.isLocalFile() and
                u.toLocalFile().lower().endswith(FILE_SUFFIXES + XML_SUFFIXES)]

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._importable(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        from .ecert_drop import ecert_files, import_dropped
        files = self._importable(event)
        if files:
            event.acceptProposedAction()
            xml = ecert_files(files)
            if xml:  # foreign e-certificates: each an inbound draft, as `ecert import`
                import_dropped(self, xml)
            rest = [f for f in files if f not in xml]
            if rest:
                self.import_files(rest)

    def _restore_table_state(self) -> None:
        settings = self.ctx.settings
        state = settings.value("ui/table_header") if settings is not None else None
        if state is not None:
            self.list.table.horizontalHeader().restoreState(state)

    # -- closing ----------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        settings = self.ctx.settings
        if settings is not None:
            settings.setValue("ui/table_header", self.list.table.horizontalHeader().saveState())
        self.sync.stop()
        self.store_watch.stop()
        from .sandbox_child import stop_children
        stop_children(self.ctx)  # 试用沙箱's (or the demo's) sandbox process
        for ed in list(self._editors.values()):
            ed.close()
        super().closeEvent(event)


def _origin_counts(desk) -> dict:
    """The certificates of origin by status (off the GUI thread, import included: the
    origin service brings the HTTP client, a tenth of the time to the first paint)."""
    from client.origin.service import OriginDesk
    return OriginDesk(desk).counts()


def _enterprise_and_codes(desk):
    """The enterprise and the code book (loaded once, off the GUI thread)."""
    return desk.enterprise(), desk.codes
