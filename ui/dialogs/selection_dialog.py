"""Batch validation of a query-defined selection, with progress and 取消."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from ..tasks import Progress


def _validate(desk, selection, progress: Progress, page: int):
    from client.services.selection import validate
    return validate(desk, selection, progress=progress, cancel=progress.cancelled, page=page)


class ValidateSelectionDialog(QDialog):
    """Validates every declaration of a :class:`~client.services.selection.Selection`
    page by page off the GUI thread; shows how far it got and stops on 取消 (what was
    validated stays validated).

    Signals:
        finished_validation(object): the ``ValidateTotals`` when it stopped.
    """

    finished_validation = Signal(object)

    # declarations validated between two progress reports (and cancel checks)
    page = 1000

    def __init__(self, ctx, selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.selection = selection
        self.progress: Progress | None = None
        self.totals = None
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.message = QLabel()
        self.cancel_btn = QPushButton()
        self.cancel_btn.clicked.connect(self.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.cancel_btn, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.bar)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802
        self.setWindowTitle(self.tr("批量校验"))
        self.cancel_btn.setText(self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def start(self) -> None:
        p = Progress(self)
        p.changed.connect(self._progress)
        self.progress = p
        self.cancel_btn.setEnabled(True)
        self.message.setText(self.tr("正在校验…"))
        self.ctx.runner.run(_validate, self.ctx.desk, self.selection, p, self.page,
                            on_done=self._done, on_error=self._failed)

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
            self.cancel_btn.setEnabled(False)
            self.message.setText(self.tr("正在取消：当前这一页校验完后停止…"))

    def _progress(self, done: int, total: int, _msg: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.message.setText(self.tr("已校验 {d} / {t}").format(d=f"{done:,}", t=f"{total:,}"))

    def _done(self, totals) -> None:
        self.totals = totals
        self.cancel_btn.setEnabled(False)
        self.bar.setRange(0, max(1, totals.total))
        self.bar.setValue(totals.done)
        text = self.tr("已校验 {n} 份：{ok} 份通过，{bad} 份有错误").format(
            n=f"{totals.done:,}", ok=f"{totals.passed:,}", bad=f"{totals.failed:,}")
        if totals.cancelled:
            text = self.tr("已取消。") + text
        self.message.setText(text)
        self.ctx.events.declarations_changed.emit([])
        self.finished_validation.emit(totals)

    def _failed(self, exc: BaseException) -> None:
        self.cancel_btn.setEnabled(False)
        msg = exc.message(self.ctx.lang) if hasattr(exc, "message") else str(exc)
        self.message.setText(msg)

    def reject(self) -> None:  # Esc / close: stop the validation
        if self.progress is not None and self.totals is None:
            self.progress.cancel()
        super().reject()
