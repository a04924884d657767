"""What the editor does to a declaration's life: 定稿, 修改申请, 撤销申请, 复制, 打印.

:class:`Lifecycle` belongs to one :class:`~ui.editor.window.EditorWindow`. It calls the
filing service (``client.services.filing.Filing``) off the GUI thread through
``ctx.runner``: the logged-in engine's (which tops up number leases first), else one on
the same profile — finalising uses number leases already held, so it works offline;
without a number left it says so and the draft stays a draft.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from client.errors import DeskError, ValidationFailed, describe
from client.lifecycle import AMENDABLE, WITHDRAWABLE
from client.services.filing import Filing

from ..context import AppContext
from .common import alive


def filing_for(ctx: AppContext) -> Filing:
    """The filing service: the logged-in engine's, else an offline one on the profile."""
    return ctx.sync.filing() if ctx.sync is not None else Filing(ctx.desk)


def finalise_one(ctx: AppContext, filing: Filing, decl):
    """Worker: save the latest edits, then finalise (number, ``ready``, outbox)."""
    ctx.desk.save_draft(decl)
    result = filing.finalise([decl.id])
    if not result.finalised:
        if result.invalid:
            raise ValidationFailed("报检单未通过校验，未定稿。", "validation failed",
                                   next(iter(result.invalid.values())))
        raise DeskError("报检单未能定稿（没有可用的报检号或状态已变化），仍为草稿。",
                        "the declaration was not finalised")
    return ctx.desk.get(decl.id), ctx.desk.summary(decl.id)


def amend_one(ctx: AppContext, filing: Filing, decl_id: str, decl, base_version: int | None):
    """Worker: file the amendment against the version the user edited."""
    mid = filing.amend(decl_id, decl, base_version=base_version)
    ctx.desk.discard_amendment_draft(decl_id)  # queued in the outbox: the draft is done
    return mid, ctx.desk.get(decl_id), ctx.desk.summary(decl_id)


def withdraw_one(ctx: AppContext, filing: Filing, decl_id: str, reason: str):
    mid = filing.withdraw(decl_id, reason)
    return mid, ctx.desk.get(decl_id), ctx.desk.summary(decl_id)


class Lifecycle(QObject):
    """Actions on the editor's declaration that change its status (no signals)."""

    AMENDABLE = AMENDABLE
    WITHDRAWABLE = WITHDRAWABLE

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.ctx = window.ctx
        self._stash = None
        #: the platform version the amendment being edited is based on
        self._amend_base: int | None = None

    def _filing(self) -> Filing:
        return filing_for(self.ctx)

    # -- 定稿 ---------------------------------------------------------------------------
    def finalise(self) -> None:
        """Ctrl+Enter: refuse with the issues panel while errors exist, else finalise."""
        w = self.w
        if w.mode != "edit" or w.decl is None:
            return
        w.commit_open_editors()
        if w.dirty and w._validated_gen < w._edit_gen:
            # judge what is on screen, not the last autosave: validate now, on the worker
            gen = w._edit_gen
            self.ctx.runner.run(self.ctx.desk.validate_decl, w.decl.copy(),
                                on_done=alive(w, lambda issues: (w._apply_issues(gen, issues),
                                                                 self._finalise_checked())))
            return
        self._finalise_checked()

    def _finalise_checked(self) -> None:
        w = self.w
        errors = [i for i in w.issues if i.severity == "error"]
        local = {}
        for s in w.sections:
            if hasattr(s, "local_problems"):
                local.update(s.local_problems())
        if errors or local:
            self._refuse(len(errors) + len(local))
            return
        engine = self._filing()
        w._save_timer.stop()
        w._saving = True
        gen = w._edit_gen
        w.save_state.setText(self.tr("正在定稿…"))
        self.ctx.runner.run_serial(finalise_one, self.ctx, engine, w.decl.copy(),
                                   on_done=alive(w, lambda r: self._finalised(gen, r)),
                                   on_error=alive(w, self._finalise_failed))

    def _refuse(self, n: int) -> None:
        w = self.w
        w.show_all_markers()
        w.show_message(self.tr("还有 %n 个错误，不能定稿。请按下方列表逐项修改（点击条目跳到字段）。", "", n))
        w.issues_panel.view.setFocus()
        if w.issues_panel.model.rowCount():
            w.issues_panel.view.setCurrentIndex(w.issues_panel.model.index(0, 0))

    def _finalised(self, gen: int, result) -> None:
        w = self.w
        w._saving = False
        w._saved_gen = max(w._saved_gen, gen)
        decl, summary = result
        self._reloaded(decl, summary)
        w.show_message(self.tr("已定稿，报检号 %s。报检单将在下次同步时发送。") % decl.inspection_no,
                       "info")
        self.ctx.events.declarations_changed.emit([decl.id])

    def _finalise_failed(self, exc: BaseException) -> None:
        w = self.w
        w._saving = False
        w.save_state.setText("")
        if isinstance(exc, ValidationFailed):
            w._apply_issues(w._edit_gen, list(exc.issues))
            self._refuse(sum(1 for i in exc.issues if i.severity == "error"))
            return
        w.show_message(self.tr("未能定稿：%s") % _msg(exc, self.ctx.lang))

    # -- reload after a status change ------------------------------------------------------
    def reload(self) -> None:
        from .jobs import load_declaration
        self.ctx.runner.run(load_declaration, self.ctx.desk, self.w.decl.id, self.w._direction,
                            on_done=alive(self.w, lambda r: self._reloaded(*r)))

    def _reloaded(self, decl, summary) -> None:
        w = self.w
        w.decl, w.summary = decl, summary
        w.base_rev = summary.local_rev if summary else None
        w.status = summary.status if summary else None
        for s in w.sections:
            s.load(decl)
        w.set_mode("edit" if w.status in (None, "draft") else "readonly")
        w._load_stored_issues()
        if getattr(w, "timeline", None) is not None:
            w.timeline.refresh()

    # -- 修改申请 ---------------------------------------------------------------------------
    def start_amend(self) -> None:
        """Open an editable copy of the submitted declaration (kept in this window)."""
        w = self.w
        if w.mode != "readonly" or w.status not in AMENDABLE:
            return
        self._stash = w.decl.copy()
        self._amend_base = w.summary.version if w.summary else None
        self.ctx.runner.run(self.ctx.desk.load_amendment_draft, w.decl.id,
                            on_done=alive(w, self._begin_amend),
                            on_error=alive(w, lambda exc: self._begin_amend(None)))

    def _begin_amend(self, kept) -> None:
        """Enter amend mode, on the amendment kept from an earlier session if there is one."""
        w = self.w
        if w.mode != "readonly":
            return
        w.set_mode("amend")
        if kept is not None and kept.id == w.decl.id:
            w.decl = kept
            for s in w.sections:
                s.load(kept)
        for s in w.sections:
            s.set_read_only(False)
        if kept is not None:
            w.show_message(self.tr("已恢复上次未提交的修改申请：改好后点“提交修改”。"), "info")
            w.run_validation()
        else:
            w.show_message(self.tr("正在填写修改申请：改好后点“提交修改”。报检号不变（一号到底）。"),
                           "info")

    def cancel_amend(self) -> None:
        w = self.w
        if w.mode != "amend":
            return
        w.decl = self._stash or w.decl
        for s in w.sections:
            s.load(w.decl)
        self.ctx.runner.run_serial(self.ctx.desk.discard_amendment_draft, w.decl.id)
        w.set_mode("readonly")
        w.hide_message()
        w._load_stored_issues()

    def submit_amend(self) -> None:
        w = self.w
        if w.mode != "amend":
            return
        errors = [i for i in w.issues if i.severity == "error"]
        if errors:
            self._refuse(len(errors))
            return
        base = self._amend_base if self._amend_base is not None else \
            (w.summary.version if w.summary else None)
        self.ctx.runner.run_serial(amend_one, self.ctx, self._filing(), w.decl.id,
                                   w.decl.copy(), base,
                                   on_done=alive(w, self._amend_done),
                                   on_error=alive(w, self._amend_failed))

    def _amend_done(self, result) -> None:
        _mid, decl, summary = result
        self._reloaded(decl, summary)
        self.w.show_message(self.tr("修改申请已排队，将在下次同步时发送。"), "info", topic="queued")
        self.ctx.events.declarations_changed.emit([decl.id])

    def _amend_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.w._apply_issues(self.w._edit_gen, list(exc.issues))
        self.w.show_message(self.tr("修改申请未提交：%s") % _msg(exc, self.ctx.lang))

    # -- 撤销申请 ---------------------------------------------------------------------------
    def withdraw(self, reason: str | None = None) -> None:
        """Ask for a reason (unless given), then queue the withdrawal."""
        w = self.w
        if w.mode != "readonly" or w.status not in self.WITHDRAWABLE:
            return
        if reason is None:
            reason, ok = QInputDialog.getMultiLineText(
                w, self.tr("撤销申请"), self.tr("请填写撤销原因（必填）："))
            if not ok:
                return
        if not reason.strip():
            w.show_message(self.tr("请填写撤销原因"), "warning")
            return
        self.ctx.runner.run_serial(withdraw_one, self.ctx, self._filing(), w.decl.id,
                                   reason.strip(),
                                   on_done=alive(w, self._withdraw_done),
                                   on_error=alive(w, lambda e: w.show_message(
                                       self.tr("撤销申请未提交：%s") % _msg(e, self.ctx.lang))))

    def _withdraw_done(self, result) -> None:
        _mid, decl, summary = result
        self._reloaded(decl, summary)
        self.w.show_message(self.tr("撤销申请已排队，将在下次同步时发送。"), "info", topic="queued")
        self.ctx.events.declarations_changed.emit([decl.id])

    # -- 复制 -------------------------------------------------------------------------------
    def duplicate(self) -> None:
        """A new draft with the same content; the shell opens it (``open_declaration``)."""
        w = self.w
        if w.decl is None:
            return
        if w.mode == "edit" and (w.dirty or w.status is None):
            w.save_now()
        self.ctx.runner.run_serial(self._dup, w.decl.id, on_done=alive(w, self._duplicated),
                                   on_error=alive(w, lambda e: w.show_message(
                                       self.tr("未能复制：%s") % _msg(e, self.ctx.lang))))

    def _dup(self, decl_id):
        return self.ctx.desk.duplicate(decl_id)

    def _duplicated(self, copy) -> None:
        self.w.show_message(self.tr("已复制为新草稿（合同号 %s）。") % (copy.contract_no or "-"), "info")
        self.ctx.events.declarations_changed.emit([copy.id])
        self.ctx.events.open_declaration.emit(copy.id)

    # -- 打印 -------------------------------------------------------------------------------
    @staticmethod
    def printing_available() -> bool:
        try:
            import ui.printing  # noqa: F401
        except Exception:  # noqa: BLE001 - printing is optional
            return False
        return True

    def print_pdf(self) -> None:
        """打印/PDF: print through a dialog, or save a PDF when the user prefers."""
        w = self.w
        if w.decl is None or not self.printing_available():
            return
        box = QMessageBox(w)
        box.setWindowTitle(self.tr("打印报检单"))
        box.setText(self.tr("打印报检单，或另存为 PDF 文件？"))
        b_print = box.addButton(self.tr("打印…"), QMessageBox.ButtonRole.AcceptRole)
        b_pdf = box.addButton(self.tr("另存为 PDF…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is b_print:
            from ui import printing
            printing.print_declaration(w, w.decl.copy(), self.ctx.desk.codes)
        elif box.clickedButton() is b_pdf:
            decl = w.decl
            name = f"报检单_{decl.inspection_no or decl.contract_no or decl.id}.pdf"
            path, _ = QFileDialog.getSaveFileName(w, self.tr("另存为 PDF"), str(Path.home() / name),
                                                  self.tr("PDF 文件 (*.pdf)"))
            if path:
                self.save_pdf(path)

    def save_pdf(self, path: str) -> None:
        """Lay out and write the declaration as it is on screen to ``path``, off the GUI
        thread; the message bar says where it went (or why not)."""
        from ui import printing
        w = self.w
        self.ctx.runner.run(printing.save_declaration_pdf, w.decl.copy(), path,
                            self.ctx.desk.codes,
                            on_done=alive(w, lambda n: w.show_message(
                                self.tr("已保存 PDF（%n 页）：%s", "", n) % path, "info")),
                            on_error=alive(w, lambda e: w.show_message(
                                self.tr("未能保存 PDF：%s") % _msg(e, self.ctx.lang))))


def _msg(exc: BaseException, lang: str) -> str:
    return describe(exc, lang)
