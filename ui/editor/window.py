"""The declaration editor window.

``EditorWindow(ctx, decl_id=None, direction="inbound", parent=None)`` opens a stored
declaration (by id or inspection number) or a new draft of ``direction``. Sections are
listed on the left (基本信息 … 所需证单, 状态); the issues panel sits under the form.

* Keyboard first: Enter moves to the next field (and on into the next section), Ctrl+S
  saves now, Ctrl+Enter finalises, Esc closes (after saving).
* Autosave: every edit is saved ~500 ms later, off the GUI thread, through
  ``ctx.runner.run_serial(desk.save_draft, copy)``; then ``ctx.events.declarations_changed``
  is emitted. A failed save is shown in the message bar, the edits stay in memory and the
  save is retried.
* Validation runs off the GUI thread after every save; markers and the issues panel follow.
* Finalised or submitted declarations open read-only with a status banner; 修改申请,
  撤销申请 and 复制 act on them (see :mod:`ui.editor.lifecycle`).

Signals:
    EditorWindow.saved(str): the declaration id, after each successful save.
    EditorWindow.validated(list): the issues of the latest validation.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMainWindow, QPlainTextEdit,
                               QPushButton, QStackedWidget, QToolBar, QVBoxLayout, QWidget)

from client.errors import NotEditable, StaleDraft, describe
from client.lifecycle import colours, status_name
from client.notes import note_text

from .code_picker import CodePicker
from .common import ACCENT, STYLE, alive
from .field_map import FieldMap
from .follow import Follower
from .form import FormSection
from .issues_panel import IssuesPanel
from .jobs import load_declaration, save_and_validate
from .lifecycle import Lifecycle
from .section_attachments import AttachmentsSection
from .section_basic import BasicSection
from .section_certificates import CertificatesSection
from .section_goods import ContainersSection, GoodsSection, TableSection
from .section_parties import PartiesSection
from .section_transport import TransportSection
from .widgets import DateEdit

SECTION_CLASSES = (BasicSection, PartiesSection, TransportSection, GoodsSection,
                   ContainersSection, AttachmentsSection, CertificatesSection)
AUTOSAVE_MS = 500
RETRY_MS = 3000


class EditorWindow(QMainWindow):
    """One declaration in an editor window; see the module docstring."""

    saved = Signal(str)
    validated = Signal(list)

    def __init__(self, ctx, decl_id: str | None = None, direction: str = "inbound",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.decl = None
        self.summary = None
        self.base_rev: int | None = None  # the revision this window edits (issue 16)
        self.status: str | None = None
        self.mode = "loading"          # loading | edit | readonly | amend
        self.issues: list = []
        self.sections: list = []
        self.field_map: FieldMap | None = None
        self._direction = direction
        self._edit_gen = 0
        self._saved_gen = 0
        self._validated_gen = -1
        self._saving = False
        self._save_error: str | None = None
        self._closing = False
        # a brand-new draft does not paint every empty required field red at once: those
        # markers appear once the field was touched or a finalise was tried (the issues
        # panel always lists everything)
        self.quiet_required = decl_id is None
        self._touched: set[str] = set()
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)
        self._build_chrome()
        self.lifecycle = Lifecycle(self)
        from .templates import TemplateSaver
        self.templates = TemplateSaver(self)
        from .office import EditorOffice
        self.office = EditorOffice(self)
        self._save_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry_timer.timeout.connect(self.save_now)
        self._validate_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._validate_timer.timeout.connect(self.run_validation)
        self.follower = Follower(self)  # a status change or a deletion made elsewhere
        self.retranslateUi()
        ctx.events.declarations_changed.connect(self.follower.changed)
        ctx.runner.run(load_declaration, ctx.desk, decl_id, direction,
                       on_done=alive(self, self._loaded),
                       on_error=alive(self, self._load_failed))

    # ------------------------------------------------------------------ chrome
    def _build_chrome(self) -> None:
        tb = QToolBar(self)
        tb.setObjectName("editorToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(16, 16))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.setStyleSheet("QToolBar { background: #fafbfc; border-bottom: 1px solid #dfe3e8;"
                         " spacing: 4px; padding: 4px; }"
                         "QToolButton { padding: 4px 10px; border-radius: 3px; }"
                         "QToolButton:hover { background: #e6eef8; }"
                         "QToolButton:disabled { color: #aab0b8; }")
        self.addToolBar(tb)
        self.toolbar = tb

        def action(slot, *keys) -> QAction:
            a = QAction(self)
            a.triggered.connect(slot)
            if keys:
                a.setShortcuts([QKeySequence(k) for k in keys])
                a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tb.addAction(a)
            return a

        self.act_save = action(self.save_now, "Ctrl+S")
        self.act_finalise = action(lambda: self.lifecycle.finalise(), "Ctrl+Return", "Ctrl+Enter")
        self._draft_separator = tb.addSeparator()
        self.act_amend = action(lambda: self.lifecycle.start_amend())
        self.act_submit_amend = action(lambda: self.lifecycle.submit_amend())
        self.act_cancel_amend = action(lambda: self.lifecycle.cancel_amend())
        self.act_withdraw = action(lambda: self.lifecycle.withdraw())
        self._lifecycle_separator = tb.addSeparator()
        self.act_duplicate = action(lambda: self.lifecycle.duplicate())
        self.act_template = action(lambda: self.templates.save_as())  # 另存为模板
        self.act_print = action(lambda: self.lifecycle.print_pdf(), "Ctrl+P")
        self.act_close = action(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        QShortcut(QKeySequence("F8"), self, activated=lambda: self.next_issue(1))
        QShortcut(QKeySequence("Shift+F8"), self, activated=lambda: self.next_issue(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, activated=lambda: self.step_section(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, activated=lambda: self.step_section(-1))

        central = QWidget()
        central.setObjectName("editorCentral")
        central.setStyleSheet("#editorCentral { background: #f5f7fa; }")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(16, 8, 16, 8)
        self.title_label = QLabel()
        self.title_label.setObjectName("titleLabel")
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        self.number_label = QLabel()
        self.number_label.setObjectName("numberLabel")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bl.addWidget(self.title_label)
        bl.addSpacing(10)
        bl.addWidget(self.status_chip)
        self.note_label = QLabel()   # 退回/查验 reasons from the latest receipt
        self.note_label.setObjectName("statusNote")
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bl.addSpacing(10)
        bl.addWidget(self.note_label, 1)
        bl.addStretch(1)
        bl.addWidget(self.number_label)
        outer.addWidget(self.banner)

        self.message_bar = QFrame()
        self.message_bar.setObjectName("messageBar")
        ml = QHBoxLayout(self.message_bar)
        ml.setContentsMargins(16, 6, 8, 6)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("messageLabel")
        self.message_close = QPushButton("✕")
        self.message_close.setObjectName("messageClose")
        self.message_close.setFlat(True)
        self.message_close.setFixedSize(28, 24)
        self.message_close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message_close.clicked.connect(self.message_bar.hide)
        ml.addWidget(self.message_label, 1)
        ml.addWidget(self.message_close)
        self.message_bar.hide()
        self.message_topic = None
        outer.addWidget(self.message_bar)

        split = QHBoxLayout()
        split.setContentsMargins(0, 0, 0, 0)
        split.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("sectionNav")
        self.nav.setFixedWidth(150)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setStyleSheet(
            "QListWidget { background: #eef2f7; border: none; border-right: 1px solid #dfe3e8;"
            " padding-top: 8px; font-size: 14px; }"
            "QListWidget::item { padding: 9px 14px; }"
            f"QListWidget::item:selected {{ background: white; color: {ACCENT};"
            f" border-left: 3px solid {ACCENT}; font-weight: bold; }}")
        self.nav.currentRowChanged.connect(self._show_section)
        split.addWidget(self.nav)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(0)
        self.stack = QStackedWidget()
        rl.addWidget(self.stack, 1)
        self.issues_panel = IssuesPanel(self.ctx.lang)
        holder = QFrame()
        holder.setObjectName("issuesHolder")
        holder.setStyleSheet("#issuesHolder { border-top: 1px solid #dfe3e8; }")
        self.issues_holder = holder
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(14, 6, 14, 8)
        hl.addWidget(self.issues_panel)
        rl.addWidget(holder, 0)
        self.issues_panel.issue_activated.connect(self.focus_issue)
        split.addWidget(right, 1)
        outer.addLayout(split, 1)
        self.setCentralWidget(central)

        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet("color: #7a8391;")
        self.statusBar().addWidget(self.hint_label, 1)
        self.statusBar().addPermanentWidget(self.save_state)
        self.statusBar().setStyleSheet("QStatusBar { background: #fafbfc; border-top: 1px solid"
                                       " #dfe3e8; } QStatusBar::item { border: none; }")
        self._style_banner("draft")

    def _style_banner(self, status: str | None) -> None:
        if status == "amend":  # an amendment being edited: the inspection colour
            _t, bg, fg = colours("inspection")
        else:  # the one palette (client.lifecycle): the list's badge, the chip's strong tone
            _t, bg, fg = colours(status)
        self.banner.setStyleSheet(
            f"#banner {{ background: {bg}; border-bottom: 1px solid #dfe3e8; }}"
            "#titleLabel { font-size: 17px; font-weight: bold; color: #1f2933; }"
            f"#statusChip {{ color: white; background: {fg}; border-radius: 9px;"
            " padding: 2px 10px; font-weight: bold; }"
            "#numberLabel { font-size: 15px; color: #1f2933; }"
            f"#statusNote {{ color: {fg}; }}")

    def show_message(self, text: str, kind: str = "error", topic=None) -> None:
        """The message bar under the banner: ``kind`` is error, warning or info. A message
        with a ``topic`` (a section, ``"queued"``) goes when that topic moves on: a good
        edit in the section, the platform's answer to what was queued."""
        bg, fg, border = {"error": ("#fff1f0", "#a8071a", "#ffa39e"),
                          "warning": ("#fffbe6", "#874d00", "#ffe58f"),
                          "info": ("#e6f4ff", "#0b3d91", "#91caff")}[kind]
        self.message_bar.setStyleSheet(
            f"#messageBar {{ background: {bg}; border-bottom: 1px solid {border}; }}"
            f"#messageLabel {{ color: {fg}; }}"
            f"#messageClose {{ color: {fg}; background: transparent; border: none;"
            " font-size: 15px; font-weight: bold; padding: 0; min-width: 0; }"
            f"#messageClose:hover {{ background: {border}; border-radius: 3px; }}")
        self.message_topic = topic
        self.message_label.setText(text)
        self.message_bar.setProperty("kind", kind)
        self.message_bar.show()

    def hide_message(self, topic=None) -> None:
        """Hide the message bar; with ``topic``, only a message about that topic."""
        if topic is None or topic == self.message_topic:
            self.message_bar.hide()
            self.message_topic = None

    # ------------------------------------------------------------------ loading
    def _load_failed(self, exc: BaseException) -> None:
        self.show_message(self.tr("无法打开报检单：%s") % describe(exc, self.ctx.lang))

    def _loaded(self, result) -> None:
        decl, summary = result
        self.decl, self.summary = decl, summary
        self.base_rev = summary.local_rev if summary else None
        self.status = summary.status if summary else None
        self._direction = decl.direction or self._direction
        self._build_sections()
        for s in self.sections:
            s.load(decl)
        self._timeline_add()
        if summary is not None:
            from ui.timeline import local_time
            self.save_state.setText(self.tr("最后修改 %s") % local_time(summary.updated_at))
        self.set_mode("edit" if self.status in (None, "draft") else "readonly")
        self.nav.setCurrentRow(0)
        self.office.opened(summary.id if summary else None)
        if self.mode == "edit":
            self.run_validation()
            first = self.sections[0].input_widgets()
            if first:
                first[0].setFocus()
        else:
            self._load_stored_issues()

    def _build_sections(self) -> None:
        for cls in SECTION_CLASSES:
            s = cls(self.ctx, self._direction)
            s.edited.connect(self._on_edit)
            if hasattr(s, "message"):
                s.message.connect(lambda t, s=s: self.show_message(t, "warning", topic=s))
                s.edited.connect(lambda _p, s=s: self.hide_message(topic=s))
            if hasattr(s, "notice"):
                s.notice.connect(lambda t, s=s: self.show_message(t, "info", topic=s))
            if isinstance(s, TableSection):
                s.view.past_end.connect(lambda v=s.view: self.focus_next(v))
            if isinstance(s, GoodsSection):
                s.need_elsewhere.connect(self.add_need_elsewhere)
            self.sections.append(s)
            self.stack.addWidget(s)
            self.nav.addItem(QListWidgetItem())
            for w in s.input_widgets():
                self._install_enter(w)
            if isinstance(s, FormSection):
                ws = s.input_widgets()
                for a, b in zip(ws, ws[1:]):
                    QWidget.setTabOrder(a, b)
        self.field_map = FieldMap(self.sections)
        self._retranslate_nav()

    def add_need_elsewhere(self, kind: str, code: str) -> None:
        """A "本商品需要" item added in another section: an attachment opens the file
        chooser with its type set; a certificate is ticked in 所需证单."""
        if kind == "attachment":
            sec = self.section(AttachmentsSection)
            self._show_section(self.sections.index(sec))
            sec.type_picker.set_code(code)
            sec.choose_files()
        elif kind in ("certificate", "clearance"):
            sec = self.section(CertificatesSection)
            self._show_section(self.sections.index(sec))
            row = sec.model.row_of(code)
            if row >= 0:
                sec.model.setData(sec.model.index(row, 0), Qt.CheckState.Checked,
                                  Qt.ItemDataRole.CheckStateRole)

    def _timeline_add(self) -> None:
        from ui.timeline import TimelineWidget
        self.timeline = TimelineWidget(self.ctx, self.decl.id)
        self.stack.addWidget(self.timeline)
        self.nav.addItem(QListWidgetItem())
        self._retranslate_nav()

    def section(self, cls):
        for s in self.sections:
            if isinstance(s, cls):
                return s
        raise KeyError(cls)

    def _show_section(self, index: int) -> None:
        if 0 <= index < self.stack.count():
            self.stack.setCurrentIndex(index)
            if self.nav.currentRow() != index:
                self.nav.setCurrentRow(index)

    # ------------------------------------------------------------------ modes
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        ro = mode == "readonly"
        for s in self.sections:
            s.set_read_only(ro)
        editable_draft = mode == "edit"
        self.act_save.setEnabled(editable_draft)
        self.act_finalise.setEnabled(editable_draft)
        self.act_save.setVisible(mode != "readonly" and mode != "amend")
        self.act_finalise.setVisible(mode != "readonly" and mode != "amend")
        self._draft_separator.setVisible(mode not in ("readonly", "amend"))
        self.issues_holder.setVisible(mode != "readonly" or bool(self.issues))
        self.issues_panel.ok_text = (self.tr("✓ 未发现问题，可以提交修改") if mode == "amend"
                                     else self.tr("✓ 未发现问题") if mode == "readonly"
                                     else self.tr("✓ 未发现问题，可以定稿"))
        self.issues_panel.retranslateUi()
        self._update_hint()
        st = self.status
        submitted = mode == "readonly" and not self._deleted()  # amend/withdraw apply
        self.act_amend.setVisible(submitted)
        self.act_amend.setEnabled(st in Lifecycle.AMENDABLE)
        self.act_withdraw.setVisible(submitted)
        self._lifecycle_separator.setVisible(submitted or mode == "amend")
        self.act_withdraw.setEnabled(st in Lifecycle.WITHDRAWABLE)
        self.act_submit_amend.setVisible(mode == "amend")
        self.act_cancel_amend.setVisible(mode == "amend")
        self.act_duplicate.setEnabled(self.decl is not None)
        self.act_template.setEnabled(self.decl is not None)
        self.act_print.setVisible(self.lifecycle.printing_available())
        self._update_banner()

    def _update_banner(self) -> None:
        lang = self.ctx.lang
        direction = self.tr("入境") if self._direction != "outbound" else self.tr("出境")
        self.title_label.setText(self.tr("%s货物报检单") % direction)
        if self.mode == "amend":
            self.status_chip.setText(self.tr("修改申请（未提交）"))
            self._style_banner("amend")
        elif self._deleted():
            self.status_chip.setText(self.tr("已删除"))
            self._style_banner("withdrawn")
        else:
            self.status_chip.setText(status_name(self.status or "draft", lang)
                                     + (self.tr(" · 只读") if self.mode == "readonly" else ""))
            self._style_banner(self.status)
        note = self.summary.status_note if self.summary is not None else None
        show_note = self.mode == "readonly" and bool(note) and \
            self.status in ("rejected", "inspection", "withdrawn")
        self.note_label.setVisible(show_note)
        self.note_label.setText(note_text(note, lang) if show_note else "")
        no = self.decl.inspection_no if self.decl else None
        if no:
            self.number_label.setText(self.tr("报检号 <b>%s</b>") % no)
        else:
            self.number_label.setText("<span style='color:#7a8391'>" +
                                      self.tr("报检号：定稿时分配") + "</span>")
        self.setWindowTitle(self._window_title())

    def _window_title(self) -> str:
        who = ""
        if self.decl is not None and self.decl.counterparty is not None:
            who = self.decl.counterparty.display_name
        no = self.decl.inspection_no if self.decl else None
        if not no:
            contract = self.decl.contract_no if self.decl else None
            no = (self.tr("草稿 %s") % contract) if contract and self.status else self.tr("新报检单")
        return " - ".join(x for x in (no, who, self.tr("CIQ Desk 报检单编辑")) if x)

    # ------------------------------------------------------------------ keyboard
    def _install_enter(self, w: QWidget) -> None:
        w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return,
                                                                     Qt.Key.Key_Enter):
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.ControlModifier:
                return False
            if isinstance(obj, QPlainTextEdit):
                return False  # a new line in 标记及号码 / 备注
            if isinstance(obj, TableSection) or obj.objectName() in (
                    "goods", "containers", "certificates", "attachments"):
                return False  # tables handle Enter themselves
            if isinstance(obj, CodePicker):
                obj.commit()
            elif isinstance(obj, DateEdit):
                obj.normalise()
            self.focus_next(obj)
            return True
        return super().eventFilter(obj, event)

    def _chain(self) -> list[tuple[int, QWidget]]:
        out = []
        for i, s in enumerate(self.sections):
            for w in s.input_widgets():
                out.append((i, w))
        return out

    def focus_next(self, w: QWidget) -> None:
        """Enter: the next field, and after a section's last field the next section."""
        chain = self._chain()
        for pos, (_, cand) in enumerate(chain):
            if cand is w:
                break
        else:
            self.focusNextChild()
            return
        if pos + 1 >= len(chain):
            return
        sec, nxt = chain[pos + 1]
        self._show_section(sec)
        s = self.sections[sec]
        if isinstance(s, TableSection):
            if s.model.rowCount() == 0 and self.mode != "readonly":
                s.view.add_line()
            else:
                s.view.select_cell(0, "")
            return
        if isinstance(s, FormSection):
            s.ensureWidgetVisible(nxt)
        nxt.setFocus(Qt.FocusReason.TabFocusReason)
        if hasattr(nxt, "selectAll"):
            nxt.selectAll()

    # ------------------------------------------------------------------ edits, autosave
    def _on_edit(self, path: str) -> None:
        if self.mode not in ("edit", "amend"):
            return
        self._touched.add(path)
        self._edit_gen += 1
        self._refresh_local_markers()
        if self.mode == "amend":
            # an amendment is not a draft: it is validated, and kept apart (never in place)
            self._save_timer.stop()
            self._validate_timer.start()
            return
        self.save_state.setText(self.tr("有未保存的修改…"))
        # not restarted by every keystroke: a typist who never pauses is saved too
        if not self._retry_timer.isActive() and not self._save_timer.isActive():
            self._save_timer.start()

    @property
    def dirty(self) -> bool:
        return self._edit_gen > self._saved_gen

    def commit_open_editors(self) -> None:
        """Write a goods/containers cell still being edited into the declaration, as typed
        (a code suggestion is only accepted by the user, never by the autosave)."""
        for s in self.sections:
            if isinstance(s, TableSection):
                s.view.flush_editor()

    def save_now(self) -> None:
        """Save the draft now (Ctrl+S, autosave timer, retry): off the GUI thread."""
        self.commit_open_editors()
        self._save_timer.stop()
        self._retry_timer.stop()
        if self.mode != "edit" or self.decl is None:
            return
        if self._saving:
            self._save_timer.start()  # the edits after this save follow right after it
            return
        if not self.dirty and self.status is not None:
            self.save_state.setText(self._saved_text())
            return
        self._saving = True
        gen = self._edit_gen
        copy = self.decl.copy()
        self.ctx.runner.run_serial(save_and_validate, self.ctx.desk, copy, self.base_rev,
                                   on_done=alive(self, lambda r: self._saved(gen, r)),
                                   on_error=alive(self, lambda e: self._save_failed(gen, e)))

    def _saved_text(self) -> str:
        return self.tr("已自动保存 %s") % datetime.now().strftime("%H:%M:%S")

    def _saved(self, gen: int, result) -> None:
        self._saving = False
        summary, issues = result
        self._saved_gen = max(self._saved_gen, gen)
        self.summary = summary
        self.base_rev = summary.local_rev
        self.status = summary.status
        if self._save_error is not None:
            self._save_error = None
            self.hide_message()
        self.save_state.setText(self._saved_text())
        self.save_state.setStyleSheet("color: #389e0d;")
        self._apply_issues(gen, issues)
        self.saved.emit(self.decl.id)
        self.ctx.events.declarations_changed.emit([self.decl.id])
        if self.dirty and not self._closing:
            self._save_timer.start()
        elif self._closing:
            if self.dirty:
                self.save_now()
            else:
                self._delete_if_done()

    def _save_failed(self, gen: int, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, StaleDraft):  # a colleague saved first: their choice, not ours
            self.office.stale(exc)
            return
        if isinstance(exc, NotEditable):
            self.show_message(self.tr("这份报检单已不是草稿，不能再直接修改：%s") % describe(exc, self.ctx.lang))
            self.lifecycle.reload()
            return
        self._save_error = describe(exc, self.ctx.lang)
        self.show_message(self.tr("自动保存失败：%s。您的修改仍保留在本窗口中，%d 秒后自动重试（Ctrl+S 立即重试）。")
                          % (self._save_error, RETRY_MS // 1000))
        self.save_state.setText(self.tr("未保存"))
        self.save_state.setStyleSheet("color: #cf1322; font-weight: bold;")
        if self._closing:  # closed while saving: come back rather than lose the input
            self._closing = False
            self.show()
        self._retry_timer.start()

    # ------------------------------------------------------------------ validation
    def run_validation(self) -> None:
        if self.decl is None:
            return
        if self.mode == "amend" and self._edit_gen:
            self.ctx.runner.run_serial(
                self.ctx.desk.save_amendment_draft, self.decl.copy(),
                on_error=alive(self, lambda exc: self.show_message(
                    self.tr("修改申请未能暂存：%s") % describe(exc, self.ctx.lang))))
        gen = self._edit_gen
        self.ctx.runner.run(self.ctx.desk.validate_decl, self.decl.copy(),
                            on_done=alive(self, lambda issues: self._apply_issues(gen, issues)))

    def _load_stored_issues(self) -> None:
        self.ctx.runner.run(self.ctx.desk.validate_decl, self.decl.copy(),
                            on_done=alive(self, lambda issues: self._apply_issues(
                                self._edit_gen, issues)))

    def _apply_issues(self, gen: int, issues: list) -> None:
        if gen < self._validated_gen or self.field_map is None:
            return
        self._validated_gen = gen
        self.issues = list(issues)
        self.issues_panel.set_issues(self.issues)
        self._size_issues_panel()
        self._refresh_local_markers()
        self._retranslate_nav()
        self.validated.emit(self.issues)

    def _size_issues_panel(self) -> None:
        """Only the one-line header when there is nothing to list; up to six rows else."""
        view = self.issues_panel.view
        n = len(self.issues)
        view.setVisible(n > 0)
        if n:
            row = max(view.sizeHintForRow(0), 22)
            # one spare row: long messages wrap onto a second line
            view.setFixedHeight((min(n, 5) + 1) * (row + 2) + 8)

    def _refresh_local_markers(self) -> None:
        if self.field_map is None:
            return
        local = {}
        for s in self.sections:
            if isinstance(s, FormSection):
                local.update(s.local_problems())
        self.field_map.apply([i for i in self.issues if self._marked(i)], local)

    def _marked(self, issue) -> bool:
        """Whether an issue gets a marker now (see ``quiet_required``)."""
        if not self.quiet_required or not issue.code.startswith("E10"):
            return True
        f = issue.field or ""
        return any(f == t or f.startswith(t + ".") or f.startswith(t + "[")
                   for t in self._touched)

    def show_all_markers(self) -> None:
        """From now on mark every issue (after a finalise attempt)."""
        if self.quiet_required:
            self.quiet_required = False
            self._refresh_local_markers()

    def focus_issue(self, issue) -> None:
        """Go to the field of an issue (for goods fields: select the cell)."""
        if self.field_map is not None:
            self.field_map.focus(issue.field, self._show_section)

    def next_issue(self, step: int = 1) -> None:
        """F8 / Shift+F8: go to the next (previous) issue's field, errors first."""
        model = self.issues_panel.model
        n = model.rowCount()
        if not n:
            return
        cur = self.issues_panel.view.currentIndex().row()
        row = (cur + step) % n if cur >= 0 else (0 if step > 0 else n - 1)
        index = model.index(row, 0)
        self.issues_panel.view.setCurrentIndex(index)
        self.focus_issue(model.issues[row])

    def step_section(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next (previous) section, focus on its first field."""
        if not self.sections:
            return
        i = (self.stack.currentIndex() + step) % self.stack.count()
        self._show_section(i)
        if i < len(self.sections):
            inputs = self.sections[i].input_widgets()
            if inputs:
                inputs[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_field(self, path: str) -> bool:
        return bool(self.field_map and self.field_map.focus(path, self._show_section))

    # ------------------------------------------------------------------ language, close
    def _retranslate_nav(self) -> None:
        counts = self.field_map.counts_by_section(self.issues) if self.field_map else {}
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if i < len(self.sections):
                title = QCoreApplication.translate("EditorSections", self.sections[i].TITLE)
                errors, warnings = counts.get(i, (0, 0))
                if errors:
                    item.setText(f"{title}  ● {errors}")
                    item.setForeground(QColor("#cf1322"))
                elif warnings:
                    item.setText(f"{title}  ▲ {warnings}")
                    item.setForeground(QColor("#ad6800"))
                else:
                    item.setText(title)
                    item.setForeground(QColor("#1f2933"))
            else:
                item.setText(self.tr("状态"))
        # wide enough for the longest title with its badge ("Consignee/consignor  ● 12"):
        # English titles are longer than the Chinese the 150 px were chosen for
        fm = self.nav.fontMetrics()
        need = max([fm.horizontalAdvance(self.nav.item(i).text() + "  ● 99")
                    for i in range(self.nav.count())] + [0]) + 28
        self.nav.setFixedWidth(max(150, need))

    def retranslateUi(self) -> None:  # noqa: N802
        self.act_save.setText(self.tr("保存 (Ctrl+S)"))
        self.act_finalise.setText(self.tr("定稿 (Ctrl+Enter)"))
        self.act_amend.setText(self.tr("修改申请"))
        self.act_submit_amend.setText(self.tr("提交修改"))
        self.act_cancel_amend.setText(self.tr("放弃修改"))
        self.act_withdraw.setText(self.tr("撤销申请"))
        self.act_duplicate.setText(self.tr("复制为新报检单"))
        self.act_template.setText(self.tr("另存为模板"))
        self.act_print.setText(self.tr("打印/PDF"))
        self.act_close.setText(self.tr("关闭 (Esc)"))
        self._update_hint()
        self._retranslate_nav()
        self._update_banner()
        self.issues_panel.retranslateUi()

    def _deleted(self) -> bool:
        """Our draft was deleted elsewhere (:class:`~.follow.Follower`)."""
        return self.follower.deleted

    def _update_hint(self) -> None:
        if self._deleted():
            self.hint_label.setText(self.tr("只读：这份草稿已被删除，可在主窗口“报检单 → 最近删除的草稿”中恢复。"))
        elif self.mode == "readonly":
            amend = self.status in Lifecycle.AMENDABLE
            withdraw = self.status in Lifecycle.WITHDRAWABLE
            if amend and withdraw:
                text = self.tr("只读：已定稿或已提交的报检单不能直接修改，"
                               "请使用“修改申请”或“撤销申请”。")
            elif amend:
                text = self.tr("只读：已提交的报检单不能直接修改，请使用“修改申请”。")
            elif withdraw:
                text = self.tr("只读：已提交的报检单不能直接修改，可以“撤销申请”。")
            elif self.status in ("ready", "sent"):
                text = self.tr("只读：已定稿，等待平台受理；受理后可以修改或撤销。"
                               "可“复制为新报检单”。")
            else:
                text = self.tr("只读：此报检单已办结（%s），不能再修改或撤销；"
                               "可“复制为新报检单”。") % status_name(self.status or "",
                                                                 self.ctx.lang)
            self.hint_label.setText(text)
        elif self.mode == "amend":
            self.hint_label.setText(self.tr("修改申请：改好后点击“提交修改”；报检号保持不变。"))
        else:
            self.hint_label.setText(self.tr("回车：下一项　Ctrl+S：保存　Ctrl+Enter：定稿　"
                                            "F8：下一个问题　Ctrl+PgDn：下一部分　Esc：关闭"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        """Esc / close: save what is not saved yet, then the window deletes itself.

        While a save is running the window only hides; it is deleted once the save is
        stored. If that save fails the window comes back with the error, so no input is
        ever lost silently.
        """
        self._retry_timer.stop()
        self.office.closed()
        # never let Qt delete the window under a running or failing save (a caller may have
        # set WA_DeleteOnClose): the window deletes itself once its input is stored
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        if self.mode == "amend" and self._edit_gen:
            # keep what was typed since the last pause; it is restored by 修改申请 next time
            self._validate_timer.stop()
            self.ctx.runner.run_serial(self.ctx.desk.save_amendment_draft, self.decl.copy())
        self._closing = True
        if self.mode == "edit" and self.decl is not None and self.dirty:
            self.save_now()
            if self._save_error is not None and self.dirty:
                self._closing = False
                self.show_message(self.tr("修改尚未保存（%s），窗口暂不关闭以免丢失输入。"
                                          "请排除问题后按 Ctrl+S 重试。") % self._save_error)
                event.ignore()
                return
        super().closeEvent(event)
        self._delete_if_done()

    def _delete_if_done(self) -> None:
        if self._closing and not self._saving and not (self.mode == "edit" and self.dirty):
            self.deleteLater()
